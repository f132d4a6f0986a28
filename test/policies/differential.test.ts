// The compiled WASM and the OPA CLI must decide identically: every rule's failing fixture, every
// public plan, every plain-HCL rule fixture (with its leakguard.json) and the synthesized leaky
// app (all stacks together and each stack alone, with leakguard.config.json), with the same
// input and data. Needs `npm run build:policies` first.
import { join } from 'node:path';
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

describe('WASM vs opa eval', () => {
  test.each(fixtures)('fixture %s', async (ruleId, input) => {
    expect(schemaErrors('policy-input', input)).toBeNull();
    await compare(`fixture ${ruleId}`, input);
    const policy = await wasm();
    expect(policy.evaluate(input, DATA).findings.map((f) => f.rule_id)).toContain(ruleId);
  });

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
