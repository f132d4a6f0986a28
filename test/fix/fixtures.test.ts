// Every rule that declares a fix (METADATA custom.fix), applied to the rule's failing HCL fixture
// (test/policies/hcl/<rule>/): the fixture's finding is gone on re-check, no other finding appears,
// and the fixed AWS configurations still pass `terraform validate` with the offline provider.
// Needs `npm run build:policies` and build/hcl-eval.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/evaluate/catalog';
import { fix } from '../../src/fix';
import { tempDir } from '../helpers/cli';
import { terraformAvailability, validateConfigurations } from '../helpers/terraform';
import { hclFixtures } from '../policies/hcl/fixtures';

const TODAY = '2026-11-28';
const catalog = loadCatalog();
const withFix = catalog.filter((r) => r.fix);
const fixtures = new Map(hclFixtures().map((f) => [f.ruleId, f]));
/** rule id → fixed main.tf, for terraform validate. */
const fixed: Record<string, string> = {};

afterAll(() => {
  const clouds = (cloud: string) => `${withFix.filter((r) => r.cloud === cloud).length} of ${catalog.filter((r) => r.cloud === cloud).length} ${cloud}`;
  process.stdout.write(`leakguard fix: ${withFix.length} of ${catalog.length} rules have a fix (${clouds('aws')}, ${clouds('azure')})\n`);
});

test('some rules declare a fix', () => {
  expect(withFix.length).toBeGreaterThan(0);
});

describe.each(withFix.map((r) => [r.id] as const))('%s: fix applied to its failing fixture', (ruleId) => {
  test('the finding is gone, nothing new appears, only main.tf changes', async () => {
    const f = fixtures.get(ruleId)!;
    expect(f).toBeDefined();
    const r = await fix([f.dir], { configPath: f.configPath, today: TODAY, rules: [ruleId] });
    const target = r.plans.find((p) => p.finding.resource.address === f.expected);
    expect(target && 'edits' in target ? 'planned' : target).toBe('planned');
    expect(r.changes.map((c) => c.file)).toEqual([f.mainTf]);
    const [change] = r.changes;
    expect(change.after).not.toBe(change.before);
    expect(r.recheck.gone.map((x) => x.resource.address)).toContain(f.expected);
    expect(r.recheck.remaining.map((x) => `${x.resource.address}: ${x.message}`)).toEqual([]);
    expect(r.recheck.introduced.map((x) => `${x.rule_id} ${x.resource.address}: ${x.message}`)).toEqual([]);
    // Lines outside the replaced ranges are untouched.
    const kept = change.before.split('\n').filter((_, i) => !change.replacements.some((rep) => i + 1 >= rep.start.line && i + 1 <= rep.end.line));
    for (const line of kept) expect(change.after.split('\n')).toContain(line);
    if (ruleId.startsWith('aws-')) {
      const file = join(tempDir('leakguard-fixed-'), 'main.tf');
      writeFileSync(file, change.after);
      fixed[ruleId] = file;
    }
  });
});

// Beyond one fixture per rule: TerraGoat-style estates with many mistakes at once. Every finding
// whose rule has a fix is cleared by the fix, and nothing new appears.
describe.each([
  ['TerraGoat AWS', join(__dirname, '..', 'policies', 'terragoat', 'aws'), undefined],
  ['TerraGoat Azure', join(__dirname, '..', 'policies', 'terragoat-azure'), undefined],
])('%s', (name, dir, configPath) => {
  test('every fixable finding is gone after leakguard fix, and none is new', async () => {
    const r = await fix([dir], { configPath, today: TODAY });
    const planned = r.plans.filter((p) => 'edits' in p).map((p) => `${p.finding.rule_id} ${p.finding.resource.address}`);
    expect(planned.length).toBeGreaterThan(0);
    expect(r.recheck.gone.map((f) => `${f.rule_id} ${f.resource.address}`)).toEqual(expect.arrayContaining(planned));
    expect(r.recheck.introduced.map((f) => `${f.rule_id} ${f.resource.address}: ${f.message}`)).toEqual([]);
    if (name === 'TerraGoat AWS') {
      const file = join(tempDir('leakguard-fixed-'), 'main.tf');
      writeFileSync(file, r.changes[0].after);
      fixed['terragoat-aws'] = file;
    }
  });
});

const tf = terraformAvailability();
(tf.ok ? test : test.skip)(`terraform validate: the fixed AWS fixtures and TerraGoat AWS are valid Terraform${tf.ok ? '' : ` (skipped: ${tf.reason})`}`, () => {
  if (!tf.ok) return;
  const aws = withFix.filter((r) => r.cloud === 'aws').map((r) => r.id);
  expect(Object.keys(fixed).sort()).toEqual([...aws, 'terragoat-aws'].sort());
  expect(validateConfigurations(tf.mirror, fixed)).toMatch(/Success! The configuration is valid/);
});

