// Every rule through the full pipeline (load → normalize → evaluate) on plain Terraform HCL:
//  1. test/policies/hcl/<rule-id>/main.tf is a small realistic configuration with the rule's seed
//     mistake; the rule must report the resource its `# Expect:` header names, and the finding's
//     origin must point at that block's line in main.tf.
//  2. The compliant HCL in each rule's METADATA `example` must not produce that rule's finding,
//     wherever the example is self-contained (skips are printed with their reason).
//  3. Where an offline provider mirror exists, the fixtures pass `terraform validate`.
// Needs `npm run build:policies` first.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check } from '../../src/check';
import { loadCatalog, type RuleInfo } from '../../src/evaluate/catalog';
import { run, writeTree } from '../helpers/cli';
import { terraformAvailability, validateConfigurations } from '../helpers/terraform';
import { blockLine, EXAMPLE_CONFIG, exampleStubs, hclFixtures, type HclFixture } from './hcl/fixtures';

const TODAY = '2026-11-28';
const fixtures = hclFixtures();
const catalog = loadCatalog();

describe('HCL fixtures: every rule fires on plain Terraform', () => {
  test('there is exactly one fixture per rule listed by `leakguard rules`', async () => {
    const listed = await run('rules', '--format', 'json');
    expect(listed.code).toBe(0);
    const ids = (JSON.parse(listed.stdout) as Array<{ id: string }>).map((r) => r.id).sort();
    expect(ids).toHaveLength(catalog.length);
    expect(fixtures.map((f) => f.ruleId)).toEqual(ids);
  });

  test.each(fixtures.map((f) => [f.ruleId, f] as const))('%s', async (ruleId, f) => {
    const { input, decision } = await check([f.dir], { configPath: f.configPath, today: TODAY });
    expect(Object.values(input.stacks).map((s) => s.format)).toEqual(['hcl']);
    const hits = decision.findings.filter((x) => x.rule_id === ruleId);
    expect(hits.map((x) => x.resource.address)).toContain(f.expected);
    const hit = hits.find((x) => x.resource.address === f.expected)!;
    // A region or estate finding has a subject of its own, located at a provider block.
    const scope = /^(region|estate):/.test(f.expected);
    expect(hit.resource.key).toBe(scope ? f.expected : `${ruleId}/${f.expected}`);
    // The origin is the block in main.tf, not just the folder.
    expect(resolve(hit.resource.origin?.file ?? '')).toBe(resolve(f.mainTf));
    if (scope) expect(f.text.split('\n')[(hit.resource.origin?.line ?? 0) - 1]).toMatch(/^provider "(aws|azurerm)"/);
    else expect(hit.resource.origin?.line).toBe(blockLine(f.text, f.expected));
  });
});

const ELIDED = /^\s*#\s*\.\.\./m;

function skipReason(rule: RuleInfo): string | undefined {
  return ELIDED.test(rule.example ?? '') ? 'elides blocks with `# ...`' : undefined;
}

/** The example as a Terraform folder named after the rule; what it names but does not declare
 * is declared empty beside it (stubs.tf), so those values are unknown as in a plan. */
async function checkExample(rule: RuleInfo) {
  const config = EXAMPLE_CONFIG[rule.id];
  const stubs = exampleStubs(rule.example!);
  const root = writeTree({
    [`${rule.id}/main.tf`]: rule.example!,
    ...(stubs ? { [`${rule.id}/stubs.tf`]: stubs } : {}),
    ...(config ? { 'leakguard.json': { policy: config } } : {}),
  });
  return check([resolve(root, rule.id)], { configPath: config ? resolve(root, 'leakguard.json') : undefined, today: TODAY });
}

describe('METADATA examples: the compliant HCL does not trigger its own rule', () => {
  const checked: string[] = [];
  const skipped: string[] = [];

  afterAll(() => {
    const lines = [
      `rule examples: ${checked.length} examples (undeclared names stubbed) pass their rule through the pipeline; ${skipped.length} skipped`,
      ...skipped.map((s) => `  skipped ${s}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  });

  test.each(catalog.map((r) => [r.id, r] as const))('%s', async (ruleId, rule) => {
    expect(rule.example).toBeTruthy();
    const reason = skipReason(rule);
    // Every example is valid HCL, elided or not: the evaluator refuses anything else.
    const { decision } = await checkExample(rule);
    // Findings on the stubs are about code the example leaves out.
    const own = decision.findings.filter((f) => f.rule_id === ruleId && f.resource.origin?.file?.endsWith('main.tf'));
    if (reason) {
      skipped.push(`${ruleId}: ${reason}`);
      return;
    }
    expect(own.map((f) => `${f.resource.address}: ${f.message}`)).toEqual([]);
    checked.push(ruleId);
  });
});

// Real Terraform, not just HCL the tool accepts: every fixture whose provider the offline mirror
// holds (test/helpers/terraform.ts) is validated against that provider's schema, all at once as
// modules of one root.
const tf = terraformAvailability();
const providerOf = (f: HclFixture): string => (f.ruleId.startsWith('aws-') ? 'aws' : 'azurerm');
const mirrored = tf.ok ? fixtures.filter((f) => existsSync(join(tf.mirror, 'registry.terraform.io', 'hashicorp', providerOf(f)))) : [];
const validateTitle = tf.ok
  ? `terraform validate: the ${mirrored.length} fixtures of mirrored providers (${[...new Set(mirrored.map(providerOf))].join(', ')}) are valid Terraform ` +
    `(${fixtures.length - mirrored.length} others skipped: no offline mirror of their provider)`
  : `terraform validate of the fixtures (skipped: ${tf.ok ? '' : tf.reason})`;

(tf.ok && mirrored.length > 0 ? test : test.skip)(validateTitle, () => {
  if (!tf.ok) return;
  expect(validateConfigurations(tf.mirror, Object.fromEntries(mirrored.map((f) => [f.ruleId, f.mainTf])))).toMatch(/Success! The configuration is valid/);
});
