// Fixes in reports: SARIF results carry `fixes` whose replacements, applied by line and column
// (as a SARIF consumer applies them, independently of our byte offsets), give the text
// `leakguard fix` writes; the PR comment shows each blocking finding's diff in a collapsed block.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check';
import { loadCatalog } from '../../src/evaluate/catalog';
import { findingFixes, fixKey, policySettings } from '../../src/fix';
import { editFile } from '../../src/fix/apply';
import { planFinding } from '../../src/fix/plan';
import { hclRuntime } from '../../src/load/hcl-evaluator';
import { run, writeTree } from '../helpers/cli';
import { expectValidSarif } from '../report/sarif-schema';

interface SarifReplacement {
  deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  insertedContent: { text: string };
}
interface SarifFix {
  description: { text: string };
  artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: SarifReplacement[] }>;
}

/** Applies SARIF replacements by 1-based line/column (end column exclusive), last first. */
function applySarif(text: string, replacements: SarifReplacement[]): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + [...l].length + 1, 0) + column - 1;
  const chars = [...text];
  const sorted = [...replacements].sort((a, b) => offset(b.deletedRegion.startLine, b.deletedRegion.startColumn) - offset(a.deletedRegion.startLine, a.deletedRegion.startColumn));
  for (const r of sorted) {
    const start = offset(r.deletedRegion.startLine, r.deletedRegion.startColumn);
    const end = offset(r.deletedRegion.endLine, r.deletedRegion.endColumn);
    chars.splice(start, end - start, ...r.insertedContent.text);
  }
  return chars.join('');
}

// Non-ASCII text before and inside the edited blocks: columns count characters, not bytes.
const MAIN = `provider "aws" {
  region = "us-west-2"
}

# Kundendaten – Exporte für die Buchhaltung
resource "aws_s3_bucket" "exports" {
  bucket = "shop-exports" # Zürich
}

resource "aws_kms_key" "orders" {
  description         = "Bestellungen – orders"
  enable_key_rotation = false
}
`;

test('each SARIF fix reproduces what leakguard fix --write writes for that rule', async () => {
  const sarif = await run('check', writeTree({ 'main.tf': MAIN }), '--format', 'sarif');
  const doc = expectValidSarif(sarif.stdout);
  const results = doc.runs[0].results as unknown as Array<{ ruleId: string; fixes?: SarifFix[] }>;
  const withFixes = results.filter((r) => r.fixes);
  expect(withFixes.map((r) => r.ruleId).sort()).toEqual(['aws-kms-key-rotation', 'aws-s3-ownership-controls', 'aws-s3-public-access-block', 'aws-s3-sse-kms-cmk']);
  for (const r of withFixes) {
    const fromSarif = applySarif(MAIN, r.fixes!.flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements)));
    const dir = writeTree({ 'main.tf': MAIN });
    await run('fix', dir, '--write', '--rule', r.ruleId);
    expect({ rule: r.ruleId, text: fromSarif }).toEqual({ rule: r.ruleId, text: readFileSync(join(dir, 'main.tf'), 'utf8') });
    // Comments and non-ASCII text outside the edit survive.
    expect(fromSarif).toContain('# Kundendaten – Exporte für die Buchhaltung\nresource "aws_s3_bucket" "exports" {\n  bucket = "shop-exports" # Zürich\n}\n');
  }
});

test('the PR comment shows a blocking finding\'s diff in a collapsed block', async () => {
  const dir = writeTree({ 'main.tf': MAIN });
  const r = await run('check', dir, '--format', 'markdown');
  const item = r.stdout.slice(r.stdout.indexOf('`aws-kms-key-rotation`'));
  expect(item).toMatch(/^`aws-kms-key-rotation` on `aws_kms_key.orders`[\s\S]*?<details><summary>Suggested fix: Turn on automatic yearly rotation of the key/);
  expect(item).toContain('```diff\n--- a/');
  expect(item).toContain('-  enable_key_rotation = false\n+  enable_key_rotation = true\n');
});

// Reports compute every finding's own fix with one editor call per file (the file read and parsed
// once), and each equals that finding's fix computed alone.
test('findingFixes: one editor call per file, each fix as if computed on its own', async () => {
  const dir = join(__dirname, '..', 'policies', 'terragoat', 'aws');
  const result = await check([dir], { today: '2026-11-28' });
  const catalog = loadCatalog();
  const settings = policySettings();
  const runtime = await hclRuntime();
  const edit = jest.spyOn(runtime, 'edit');
  const fixes = await findingFixes(result, catalog, settings);
  const files = new Set([...fixes.values()].flatMap((f) => f.changes.map((c) => c.file)));
  expect(fixes.size).toBeGreaterThan(files.size);
  expect(edit).toHaveBeenCalledTimes(files.size);
  edit.mockRestore();
  const rules = new Map(catalog.map((r) => [r.id, r]));
  for (const f of result.decision.findings) {
    const plan = planFinding(f, rules.get(f.rule_id), result.input, settings);
    const alone = 'edits' in plan ? await editFile(plan.edits[0].file, plan.edits.map((e) => e.edit)) : undefined;
    const expected = alone && alone.after !== alone.before ? alone.after : undefined;
    expect({ finding: fixKey(f), after: fixes.get(fixKey(f))?.changes[0].after }).toEqual({ finding: fixKey(f), after: expected });
  }
}, 120_000);
