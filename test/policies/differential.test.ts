// The compiled WASM and the OPA CLI must decide identically: every rule's failing fixture, every
// public plan, every plain-HCL rule fixture (with its leakguard.json) and the synthesized leaky
// app (all stacks together and each stack alone, with leakguard.config.json), with the same
// input and data. Needs `npm run build:policies` first.
import { join } from 'node:path';
import fc from 'fast-check';
import { loadConfig, policyData } from '../../src/evaluate/config';
import type { PolicyData } from '../../src/evaluate/policy';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { schemaErrors } from '../../src/normalize/validate';
import type { PolicyInput } from '../../src/types/policy-input';
import { buildLeakyApp, LEAKY_PATTERNS } from '../../stacks/leaky';
import { cleanup, synthApp } from '../helpers/synth';
import { DATA, ROOT, canonical, opaDecision, planFiles, planInput, ruleFixtures, wasm } from './helpers';
import { hclFixtures } from './hcl/fixtures';

const TODAY = '2026-11-28';
const LEAKY_CONFIG = join(ROOT, 'leakguard.config.json');

const fixtures = ruleFixtures();
const plans = planFiles();
const hcl = hclFixtures();
const leakyStacks = Object.values(LEAKY_PATTERNS).flatMap((p) => [...p.stacks]).sort();
const total = fixtures.length + plans.length + hcl.length + 1 + leakyStacks.length;
const agreeing: string[] = [];

afterAll(() => {
  const by = (prefix: string) => agreeing.filter((a) => a.startsWith(prefix)).length;
  process.stdout.write(
    `differential: WASM and opa eval agree on ${agreeing.length} of ${total} cases ` +
      `(${by('fixture ')} JSON rule fixtures, ${by('plan ')} plans, ${by('hcl ')} HCL fixtures, ${by('leaky ')} leaky app)\n`,
  );
});

async function compare(name: string, input: PolicyInput, data: PolicyData = DATA): Promise<void> {
  const policy = await wasm();
  const fromWasm = policy.evaluate(input, data);
  const fromOpa = opaDecision(input, data);
  expect(canonical(fromWasm)).toEqual(canonical(fromOpa));
  agreeing.push(name);
}

/** The data `leakguard check --config <file>` passes: the file's policy and waivers, a fixed day. */
function configData(configPath: string | undefined): PolicyData {
  return policyData(loadConfig(configPath), configPath, TODAY);
}

/** fast-check examples nulling each scalar of the aws-nacl-admin-ports fixture's resources (its rule_number among them). */
function naclRuleNumber(): Array<[number, number, number]> {
  const f = fixtures.findIndex(([id]) => id === 'aws-nacl-admin-ports');
  if (f < 0) return [];
  const keys = Object.keys(fixtures[f][1].resources);
  return keys.flatMap((_, r) => Array.from({ length: 12 }, (_v, a): [number, number, number] => [f, r, a]));
}

describe('WASM vs opa eval', () => {
  test.each(fixtures)('fixture %s', async (ruleId, input) => {
    expect(schemaErrors('policy-input', input)).toBeNull();
    await compare(`fixture ${ruleId}`, input);
    const policy = await wasm();
    expect(policy.evaluate(input, DATA).findings.map((f) => f.rule_id)).toContain(ruleId);
  });

  // A value normalize made null (one Terraform would reject for its type, marked unreadable)
  // reaches messages: sprintf of a null had thrown in the WASM's host (sprintf-js) while OPA's Go
  // engine writes "null" (a mutation test found it). Every fixture, one scalar of a resource
  // nulled and marked unreadable, generated: both engines give the same decision.
  test('fixtures with a value made null decide alike in WASM and opa eval', async () => {
    const scalars = (v: unknown, path: string[] = []): string[][] =>
      Array.isArray(v) ? v.flatMap((e, i) => scalars(e, [...path, String(i)])) : v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, e]) => scalars(e, [...path, k])) : [path];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: fixtures.length - 1 }), fc.nat(), fc.nat(), async (f, r, a) => {
        const [ruleId, fixture] = fixtures[f];
        const input = structuredClone(fixture);
        const keys = Object.keys(input.resources);
        if (keys.length === 0) return;
        const res = input.resources[keys[r % keys.length]];
        const paths = scalars(res.values).filter((p) => p.length > 0);
        if (paths.length === 0) return;
        const path = paths[a % paths.length];
        let at = res.values as Record<string, unknown>;
        for (const seg of path.slice(0, -1)) at = at[seg] as Record<string, unknown>;
        at[path[path.length - 1]] = null;
        const top = path.filter((s) => !/^\d+$/.test(s)).join('.');
        res.unreadable = [...new Set([...(res.unreadable ?? []), top])];
        const policy = await wasm();
        expect(canonical(policy.evaluate(input, DATA))).toEqual(canonical(opaDecision(input, DATA)));
        void ruleId;
      }),
      // The network ACL rule's number nulled first (the mutation test's counterexample), then drawn.
      { numRuns: 60, examples: naclRuleNumber() },
    );
  }, 300_000);

  test.each(plans)('plan %s', async (file) => {
    await compare(`plan ${file}`, await planInput(file));
  });

  test.each(hcl.map((f) => [f.ruleId, f] as const))('hcl %s', async (ruleId, f) => {
    const input = normalize(await loadPaths([f.dir]));
    const data = configData(f.configPath);
    await compare(`hcl ${ruleId}`, input, data);
    const policy = await wasm();
    expect(policy.evaluate(input, data).findings.map((x) => x.rule_id)).toContain(ruleId);
  });

  describe('synthesized leaky app (stacks/leaky)', () => {
    let out: string;
    beforeAll(() => {
      out = synthApp((app) => {
        buildLeakyApp(app);
      });
    });
    afterAll(() => cleanup(join(out, '..')));

    test('all stacks together', async () => {
      const input = normalize(await loadPaths([out]));
      expect(Object.keys(input.stacks).sort()).toEqual(leakyStacks);
      const data = configData(LEAKY_CONFIG);
      await compare('leaky app', input, data);
      const policy = await wasm();
      expect(policy.evaluate(input, data).findings.length).toBeGreaterThan(0);
    });

    test.each(leakyStacks)('stack %s alone', async (stack) => {
      const docs = (await loadPaths([out])).filter((d) => d.stack === stack);
      expect(docs).toHaveLength(1);
      await compare(`leaky ${stack}`, normalize(docs), configData(LEAKY_CONFIG));
    });
  });
});
