import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../src/evidence/canonical';
import { judged, ruleFacts } from '../../src/evaluate/policy';
import type { Levelled } from '../../src/evaluate/judge';
import { opaBinary, policyDir } from '../../src/evaluate/paths';
import type { Decision } from '../../src/types/decision';
import type { PolicyInput } from '../../src/types/policy-input';
import { DATA, planFiles, planInput, ruleFixtures, wasm } from '../policies/helpers';

// The policy names a finding's subject by its key alone where it is a resource of the input,
// and the engine adds the subject's other fields from the input (lib/finding.rego `subject`,
// policy.ts Judging). That is only right where rules pass the input's resources unchanged.
// Here the Rego reports every subject whole (data.full_subjects) and its findings must equal
// the engine's, field by field, on every rule fixture and public plan.

/** main.decision of each input from `opa eval`, every subject whole, judged as the engine judges. */
function wholeSubjects(inputs: PolicyInput[]): Decision[] {
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-subjects-'));
  try {
    writeFileSync(join(dir, 'input.json'), JSON.stringify({ cases: inputs }));
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ config: DATA.config, full_subjects: true }));
    const out = execFileSync(
      opaBinary(),
      ['eval', '--format', 'json', '-d', policyDir(), '--ignore', '*_test.rego', '-d', join(dir, 'data.json'), '-i', join(dir, 'input.json'), '[d | some c in input.cases; d := data.leakguard.main.decision with input as c]'],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
    );
    const results = JSON.parse(out).result[0].expressions[0].value as Levelled[];
    return results.map((levelled, i) => judged([{ result: levelled }], inputs[i], DATA, ruleFacts()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const subjects = (d: Decision): string[] => d.findings.map((f) => canonicalJson([f.rule_id, f.message, f.resource])).sort();

test('every rule fixture and public plan: subjects named by key get the fields the rule passed', async () => {
  const inputs = [...ruleFixtures().map(([, input]) => input)];
  for (const f of planFiles()) inputs.push(await planInput(f));
  const policy = await wasm();
  const whole = wholeSubjects(inputs);
  let byKey = 0;
  let other = 0;
  for (let i = 0; i < inputs.length; i++) {
    const engine = policy.evaluate(inputs[i], DATA);
    expect([i, subjects(engine)]).toEqual([i, subjects(whole[i])]);
    for (const f of engine.findings) (f.resource.key in inputs[i].resources ? byKey++ : other++);
  }
  // Both kinds of subject were compared: resources of the input, and regions, estates or provider blocks.
  expect(byKey).toBeGreaterThan(500);
  expect(other).toBeGreaterThan(10);
});

test('a finding naming a key the input lacks is an internal error, never a subject made up', async () => {
  const [, input] = ruleFixtures().find(([id]) => id === 'aws-s3-public-access-block')!;
  const policy = await wasm();
  const levelled = JSON.parse(JSON.stringify(policy.evaluate(input, DATA))) as Levelled;
  levelled.findings = levelled.findings.map((f) => ({ ...f, resource: { key: 'test/aws_s3_bucket.gone' } }) as Levelled['findings'][number]);
  expect(() => judged([{ result: levelled }], input, DATA, ruleFacts())).toThrow(/^internal error: the [a-z0-9-]+ finding names test\/aws_s3_bucket.gone, which is not a resource of the input/);
});
