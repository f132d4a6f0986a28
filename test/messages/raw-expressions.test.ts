// Messages say what is wrong: a finding's message names the actual value or the actual
// absence, never raw expression text (`${var.x}`, `var.x`, `lower(…)`). Checked over every
// rule's fixtures (JSON inputs, plain HCL, public plans), and over the HCL fixtures with their
// literal settings replaced by expressions the tool may not evaluate — every literal at once
// for each rule, and random subsets and expression forms (fast-check).
// Needs `npm run build:policies` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/check';
import type { Finding } from '../../src/types/decision';
import { writeTree } from '../helpers/cli';
import { hclFixtures, type HclFixture } from '../policies/hcl/fixtures';
import { DATA, planFiles, planInput, ruleFixtures, wasm } from '../policies/helpers';

const TODAY = '2026-11-28';
const FUNCTIONS = 'jsonencode|jsondecode|merge|concat|lookup|try|coalesce|format|join|split|lower|upper|tostring|tonumber|tobool|toset|tolist|flatten|keys|values|length|element|contains|replace|cidrsubnet|file|templatefile';
/** Expression syntax: interpolation, template directives, references to variables and the like, function calls. */
export const RAW_EXPRESSION = new RegExp(`\\$\\{|%\\{|\\b(?:var|local|each|count|path|terraform|self)\\.[A-Za-z_]|\\b(?:${FUNCTIONS})\\(`);

const raw = (fs: Finding[]) => fs.filter((f) => RAW_EXPRESSION.test(f.message)).map((f) => `${f.rule_id} ${f.resource.address}: ${f.message}`);

describe('no message holds raw expression text', () => {
  test('the expression pattern catches what it is for', () => {
    for (const m of ['object ownership ${var.o}', 'tier var.tier', 'policy jsonencode({', 'name %{ if x }', 'lower(var.x)']) expect(RAW_EXPRESSION.test(m)).toBe(true);
    for (const m of ['S3 bucket module.a["x"].aws_s3_bucket.b[0] has …', 'data.aws_iam_policy_document.x allows s3:*', 'TLSv1 (the default)']) expect(RAW_EXPRESSION.test(m)).toBe(false);
  });

  test('JSON rule fixtures and public plans', async () => {
    const policy = await wasm();
    const bad: string[] = [];
    for (const [, input] of ruleFixtures()) bad.push(...raw(policy.evaluate(input, DATA).findings));
    for (const plan of planFiles()) bad.push(...raw(policy.evaluate(await planInput(plan), DATA).findings));
    expect(bad).toEqual([]);
  });

  test('HCL rule fixtures as written', async () => {
    const bad: string[] = [];
    for (const f of hclFixtures()) bad.push(...raw((await check([f.dir], { configPath: f.configPath, today: TODAY })).decision.findings));
    expect(bad).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Mutations: literal settings inside resource and data blocks become expressions.

const META = new Set(['provider', 'count', 'for_each', 'depends_on', 'source', 'alias']);
const SETTING = /^(\s+)([a-z_][a-z0-9_]*)(\s*=\s*)("(?:[^"\\$%]|\\.)*"|true|false|-?\d+(?:\.\d+)?)\s*$/;

/** Lines (0-based) holding a literal setting inside a resource or data block. */
function literalLines(text: string): number[] {
  const out: number[] = [];
  let inResource = false;
  text.split('\n').forEach((line, i) => {
    if (/^\S/.test(line)) inResource = /^(resource|data)\s/.test(line);
    const m = SETTING.exec(line);
    if (inResource && m && !META.has(m[2])) out.push(i);
  });
  return out;
}

type Form = 'reference' | 'interpolation' | 'call';
const FORMS: Form[] = ['reference', 'interpolation', 'call'];

/** The fixture with the chosen lines' values replaced by expressions of one form over undeclared-default variables. */
function mutate(f: HclFixture, lines: number[], form: Form): string {
  const text = f.text.split('\n');
  const vars: string[] = [];
  for (const i of lines) {
    const m = SETTING.exec(text[i])!;
    const v = `lg_mutated_${i}`;
    vars.push(`variable "${v}" {}`);
    const expr = form === 'reference' ? `var.${v}` : form === 'interpolation' ? `"\${var.${v}}"` : `lower(var.${v})`;
    text[i] = `${m[1]}${m[2]}${m[3]}${expr}`;
  }
  return [...text, ...vars].join('\n') + '\n';
}

async function messagesOf(f: HclFixture, text: string): Promise<Finding[]> {
  const files: Record<string, string | object> = { [`${f.ruleId}/main.tf`]: text };
  if (f.configPath) files['leakguard.json'] = JSON.parse(readFileSync(f.configPath, 'utf8'));
  const root = writeTree(files);
  return (await check([join(root, f.ruleId)], { configPath: f.configPath ? join(root, 'leakguard.json') : undefined, today: TODAY })).decision.findings;
}

describe('no message holds raw expression text when settings are expressions', () => {
  const fixtures = hclFixtures().filter((f) => literalLines(f.text).length > 0);

  test.each(fixtures.map((f) => [f.ruleId, f] as const))('%s: every literal setting an interpolation', async (_id, f) => {
    expect(raw(await messagesOf(f, mutate(f, literalLines(f.text), 'interpolation')))).toEqual([]);
  });

  test('random fixtures, random subsets of settings, every expression form', async () => {
    const pick = fc.nat({ max: fixtures.length - 1 }).chain((n) =>
      fc.record({
        fixture: fc.constant(fixtures[n]),
        lines: fc.subarray(literalLines(fixtures[n].text), { minLength: 1 }),
        form: fc.constantFrom(...FORMS),
      }),
    );
    await fc.assert(
      fc.asyncProperty(pick, async ({ fixture, lines, form }) => {
        expect(raw(await messagesOf(fixture, mutate(fixture, lines, form)))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 600000);
});
