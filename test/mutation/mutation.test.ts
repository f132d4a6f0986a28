// Mutation test (issue 10 §1): take every violating input — each rule's fixture (as the plan it
// came from), each stack of the leaky CDKTF app, each public plan with findings — and change
// the types, shapes and encodings of the violating resource (arrays around scalars, quoted
// booleans and numbers, objects, the whole resource's values, address/type/index types,
// duplicates, unicode). Every mutant must keep the finding, give a finding for that resource
// that says it cannot be verified, or be refused (exit 2, one line). Never a silent pass.
// MUTANTS sets how many (default bounded for the test command; `npm run fuzz` runs more).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CANNOT_VERIFY, refuseUnverified } from '../../src/check';
import { InputError } from '../../src/errors';
import { loadConfig, policyData } from '../../src/evaluate/config';
import { loadCompiledPolicy, type CompiledPolicy } from '../../src/evaluate/policy';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import type { Decision, Finding } from '../../src/types/decision';
import { tempDir } from '../helpers/cli';
import { ROOT } from '../policies/helpers';
import { choiceArb, mutate } from './mutants';
import { leakySources, publicPlanSources, ruleFixtureSources, type Source } from './sources';

const MUTANTS = Number(process.env.MUTANTS ?? 600);
const LIMIT_MS = Number(process.env.MUTATION_SECONDS ?? 45) * 1000;
const TODAY = '2026-11-28';
const dir = tempDir('leakguard-mutants-');
// Printed with the figures, so a failing run can be replayed (MUTATION_SEED=…).
const SEED = Number(process.env.MUTATION_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Outcome = { refused: string } | { decision: Decision };

let policy: CompiledPolicy;

/** The pipeline `leakguard check --format json` runs, on one file; an InputError is exit 2. */
async function run(file: string, config?: string): Promise<Outcome> {
  try {
    const cfg = loadConfig(config);
    const input = normalize(await loadPaths([file]));
    const decision = policy.evaluate(input, policyData(cfg, config, TODAY));
    refuseUnverified(input, decision);
    return { decision };
  } catch (err) {
    if (err instanceof InputError) return { refused: err.message };
    throw err;
  }
}

const key = (f: Finding): string => `${f.rule_id} ${f.resource.address}`;

/**
 * A refusal of a resource's structure names the file and the resource: its `type.name` (the
 * address without module path or index), or where it sits when its address is what is broken.
 */
function namesFileAndResource(message: string, file: string, address: string): boolean {
  const typeName = /(?:^|\.)((?:data\.)?[^.[\]]+\.[^.[\]]+)(?:\[[^\]]*\])?$/.exec(address)?.[1] ?? address;
  return message.includes(file) && (message.includes(typeName) || /resources\[\d+\]|resource_changes\[\d+\]/.test(message));
}

let sources: Source[] = [];
const baselines = new Map<Source, Finding[]>();
const unusable: string[] = [];

/** The source's findings as it is (once per source): the violating resources mutants aim at, one per rule and resource. */
async function targetsOf(source: Source): Promise<Finding[]> {
  const known = baselines.get(source);
  if (known) return known;
  const folder = join(dir, `source-${baselines.size}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, source.file), JSON.stringify(source.doc));
  const out = await run(join(folder, source.file), source.config);
  if ('refused' in out) unusable.push(`${source.name}: ${out.refused}`);
  const findings = 'refused' in out ? [] : out.decision.findings;
  const targets = [...new Map(findings.map((f) => [key(f), f])).values()];
  baselines.set(source, targets);
  return targets;
}

beforeAll(async () => {
  policy = await loadCompiledPolicy();
  sources = [...ruleFixtureSources(join(ROOT, 'test', 'policies', 'fixtures')), ...leakySources(join(ROOT, 'leakguard.config.json')), ...publicPlanSources()];
}, 300_000);

test('mutants of the violating resources never pass silently', async () => {
  const figures = { generated: 0, kept: 0, unverifiable: 0, refused: 0, silent: 0 };
  const silent: string[] = [];
  const misjudged: string[] = [];
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: sources.length - 1 }), fc.nat(), choiceArb, async (s, t, choice) => {
      const source = sources[s];
      const targets = await targetsOf(source);
      if (targets.length === 0) return;
      const finding = targets[t % targets.length];
      const planned = mutate(source, finding.resource.address, choice);
      if (!planned) return;
      const { mutant, expect: wanted, structural } = planned;
      const folder = join(dir, `m${n++ % 50}`);
      mkdirSync(folder, { recursive: true });
      const file = join(folder, source.file);
      writeFileSync(file, mutant.bytes);
      figures.generated++;
      const out = await run(file, source.config);
      const what = `${source.name}: ${finding.rule_id} on ${finding.resource.address}, ${mutant.kind}`;
      let verdict: keyof typeof figures;
      if ('refused' in out) {
        expect(out.refused).not.toMatch(/\n|internal error/);
        if (structural && !namesFileAndResource(out.refused, file, finding.resource.address)) misjudged.push(`${what}: refused without naming the file and the resource: ${out.refused}`);
        verdict = 'refused';
      } else {
        const same = out.decision.findings.filter((f) => f.rule_id === finding.rule_id && f.resource.address === mutant.address);
        const others = out.decision.findings.filter((f) => f.resource.address === mutant.address && CANNOT_VERIFY.test(f.message));
        if (same.some((f) => f.message === finding.message.split(finding.resource.address).join(mutant.address))) verdict = 'kept';
        else if (same.length > 0 || others.length > 0) verdict = 'unverifiable';
        else verdict = 'silent';
      }
      figures[verdict]++;
      if (verdict === 'silent') silent.push(what);
      if ((wanted === 'refuse' && verdict !== 'refused') || (wanted === 'keep' && verdict !== 'kept')) misjudged.push(`${what}: expected ${wanted}, got ${verdict}`);
    }),
    // Bounded in time as well as in number, whatever the machine's speed.
    { numRuns: MUTANTS, interruptAfterTimeLimit: LIMIT_MS, markInterruptAsFailure: false, seed: SEED },
  );
  process.stdout.write(
    `mutation test (seed ${SEED}): ${sources.length} sources, ${[...baselines.values()].reduce((n, t) => n + t.length, 0)} violating findings in the ${baselines.size} sampled; mutants generated ${figures.generated}, kept ${figures.kept}, ` +
      `unverifiable ${figures.unverifiable}, refused ${figures.refused}, silently passed ${figures.silent}` +
      (unusable.length ? `; ${unusable.length} source(s) refused as they are: ${unusable.join('; ')}` : '') +
      '\n',
  );
  expect(silent).toEqual([]);
  expect(misjudged).toEqual([]);
  // A source refused as it is would drop out of the test unnoticed.
  expect(unusable).toEqual([]);
  expect(figures.generated).toBeGreaterThan(Math.min(MUTANTS / 2, 100));
});
