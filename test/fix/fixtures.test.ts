// Every rule that declares a fix (METADATA custom.fix), applied to the rule's failing HCL fixture
// (test/policies/hcl/<rule>/): the fixture's finding is gone on re-check, no other finding appears,
// and the fixed AWS configurations still pass `terraform validate` with the offline provider.
// Needs `npm run build:policies` and build/hcl-eval.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/evaluate/catalog';
import { check } from '../../src/check';
import { findingFixes, fix, fixKey, policySettings } from '../../src/fix';
import { editFile } from '../../src/fix/apply';
import { fill } from '../../src/fix/values';
import type { Edit } from '../../src/types/fix';
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


// A fix that adds its linked resource when none refers to the reported one (a public access block,
// an encryption configuration, a Vault Lock): applied again with the fixture's linked resources of
// that type cut out, so both shapes, the linked resource present and absent, are cleared.
const linkedCreates = withFix.flatMap((r) => {
  const types = [...new Set((r.fix!.edits as Edit[]).filter((e) => e.linked && e.create).map((e) => e.linked!.type))];
  return types.length > 0 ? [[r.id, types] as const] : [];
});

/** The fixture without its top-level blocks of these resource types (fixtures are formatted: a block ends with a `}` line). */
function without(text: string, types: readonly string[]): string {
  return types.reduce((t, type) => t.replace(new RegExp(`^resource "${type}" "[\\w-]+" \\{\\n[\\s\\S]*?^\\}\\n`, 'gm'), ''), text);
}

describe.each(linkedCreates)('%s: fix applied with no linked resource', (ruleId, types) => {
  test(`adds ${types.join(', ')} and clears the finding`, async () => {
    const f = fixtures.get(ruleId)!;
    const dir = tempDir('leakguard-unlinked-');
    writeFileSync(join(dir, 'main.tf'), without(f.text, types));
    const r = await fix([dir], { configPath: f.configPath, today: TODAY, rules: [ruleId] });
    expect(r.recheck.gone.map((x) => x.resource.address)).toContain(f.expected);
    expect(r.recheck.remaining.map((x) => `${x.resource.address}: ${x.message}`)).toEqual([]);
    expect(r.recheck.introduced.map((x) => `${x.rule_id} ${x.resource.address}: ${x.message}`)).toEqual([]);
    for (const type of types) expect(r.changes[0].after).toContain(`resource "${type}" `);
  });
});

// A fix that points an attribute at a key it adds (set `kms_key_id = aws_kms_key.<name>.arn` and
// create the key) must not swap a key the source already chose: that re-encrypts, and for most
// stores replaces, the store. Generated over every such rule: the failing fixture with its own
// key chosen for that attribute (the rule still fails on the other settings) is fixed without
// touching the key or adding one; with an AWS-managed key chosen, the fix still clears the finding
// (kept first, then replaced when the re-check shows keeping was not enough).
const keyed = withFix.flatMap((r) =>
  (r.fix!.edits as Edit[]).flatMap((e) => {
    const added = e.create && !e.linked ? /^\s*resource\s+"([\w-]+)"\s+"\{\{name\}\}"/m.exec(e.create) : null;
    if (!added) return [];
    const attrs = Object.entries(e.set ?? {}).filter(([, v]) => typeof v === 'string' && v.includes(`${added[1]}.{{name}}.`)).map(([k]) => k);
    return attrs.length > 0 && Object.keys(e.set ?? {}).length > attrs.length ? [[r.id, e, attrs] as const] : [];
  }),
);

test('some fixes point an attribute at a key they add beside other settings', () => {
  expect(keyed.length).toBeGreaterThan(5);
});

let keptAndFixed = 0;
describe.each(keyed)('%s: a key the source already chose', (ruleId, edit, attrs) => {
  const f = () => fixtures.get(ruleId)!;
  async function variant(value: (n: string) => string, ownKey: boolean): Promise<{ dir: string; text: string } | null> {
    const fx = f();
    const [t, n] = fx.expected.split('.').slice(-2);
    if (edit.on && edit.on !== t) return null;
    const dir = tempDir('leakguard-chosen-key-');
    const file = join(dir, 'main.tf');
    writeFileSync(file, fx.text);
    const change = await editFile(file, [{ block: 'resource', labels: [t, n], ...(edit.nested ? { nested: edit.nested } : {}), ...(edit.where ? { where: edit.where } : {}), set: attrs.map((a) => ({ name: a, expr: value(a) })) }]);
    const key = ownKey ? `\n${fill(edit.create!, { name: 'own', ref: '', settings: {} }).trim()}\n` : '';
    writeFileSync(file, change.after + key);
    return { dir, text: change.after + key };
  }

  test('its own key is kept and no key is added; an AWS-managed key is replaced; the finding is gone either way', async () => {
    const fx = f();
    const own = await variant(() => 'aws_kms_key.own.arn', true);
    if (!own) return;
    const r = await fix([own.dir], { configPath: fx.configPath, today: TODAY, rules: [ruleId] });
    const target = r.plans.find((p) => p.finding.resource.address === fx.expected);
    if (target) {
      // The rule still fails on the other settings: fixed without the key.
      expect('edits' in target && target.kept).toEqual(attrs.map((a) => (edit.nested ? `${edit.nested}.${a}` : a)));
      expect(r.recheck.gone.map((x) => x.resource.address)).toContain(fx.expected);
      expect(r.recheck.introduced.map((x) => `${x.rule_id} ${x.resource.address}: ${x.message}`)).toEqual([]);
      const after = r.changes[0].after;
      expect(after.split('aws_kms_key.own.arn').length).toBe(own.text.split('aws_kms_key.own.arn').length);
      expect(after).not.toMatch(new RegExp(`resource "aws_kms_key" "${fx.expected.split('.').pop()}"`));
      // The SARIF / PR-comment diff of that finding is the same smallest fix.
      const opts = { configPath: fx.configPath, today: TODAY };
      const checked = await check([own.dir], opts);
      const fixes = await findingFixes(checked, catalog, policySettings(fx.configPath), async (overlay) => (await check([own.dir], { ...opts, overlay })).decision.findings);
      const own1 = fixes.get(fixKey(target.finding))!.changes[0].after;
      expect(own1.split('aws_kms_key.own.arn').length).toBe(own.text.split('aws_kms_key.own.arn').length);
      expect(own1).not.toMatch(new RegExp(`resource "aws_kms_key" "${fx.expected.split('.').pop()}"`));
      keptAndFixed++;
    }
    const managed = await variant(() => '"alias/aws/managed"', false);
    const m = await fix([managed!.dir], { configPath: fx.configPath, today: TODAY, rules: [ruleId] });
    expect(m.recheck.remaining.map((x) => `${x.resource.address}: ${x.message}`)).toEqual([]);
    expect(m.recheck.introduced.map((x) => `${x.rule_id} ${x.resource.address}: ${x.message}`)).toEqual([]);
  });
});

test('most of those rules still failed with the key chosen, and were fixed keeping it', () => {
  process.stdout.write(`chosen keys kept by the fix: ${keptAndFixed} of ${keyed.length} rules\n`);
  expect(keptAndFixed).toBeGreaterThan(keyed.length / 2);
});
