// The compiled WASM and the OPA CLI must decide identically: every rule's failing fixture plus
// every public plan, with the same input and data. Needs `npm run build:policies` first.
import { schemaErrors } from '../../src/normalize/validate';
import type { PolicyInput } from '../../src/types/policy-input';
import { DATA, canonical, opaDecision, planFiles, planInput, ruleFixtures, wasm } from './helpers';

const fixtures = ruleFixtures();
const plans = planFiles();
const agreeing: string[] = [];

afterAll(() => {
  process.stdout.write(`differential: WASM and opa eval agree on ${agreeing.length} of ${fixtures.length + plans.length} cases\n`);
});

async function compare(name: string, input: PolicyInput): Promise<void> {
  const policy = await wasm();
  const fromWasm = policy.evaluate(input, DATA);
  const fromOpa = opaDecision(input);
  expect(canonical(fromWasm)).toEqual(canonical(fromOpa));
  agreeing.push(name);
}

describe('WASM vs opa eval', () => {
  test.each(fixtures)('fixture %s', async (ruleId, input) => {
    expect(schemaErrors('policy-input', input)).toBeNull();
    await compare(ruleId, input);
    const policy = await wasm();
    expect(policy.evaluate(input, DATA).findings.map((f) => f.rule_id)).toContain(ruleId);
  });

  test.each(plans)('plan %s', async (file) => {
    await compare(file, await planInput(file));
  });
});
