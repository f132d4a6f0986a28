// Messages say what is wrong: a finding's message names the actual value or the actual
// absence, never raw expression text (`${var.x}`, `var.x`, `lower(…)`). Checked over every
// rule's fixtures (JSON inputs, plain HCL, public plans), and over the HCL fixtures with their
// literal settings replaced by expressions — with a value (same findings as the literal) or
// without one (unknown, never quoted) — every literal at once for each rule, and random
// subsets, expression forms and sources (fast-check).
// Needs `npm run build:policies` first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { check, type CheckResult } from '../../src/check';
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
// Mutations: literal settings inside resource and data blocks become expressions. HCL is
// evaluated as Terraform evaluates it, so an expression either has a value (a variable's
// default, a local) and must give exactly the literal's findings, or has none (a variable
// without a value) and is unknown: then no message may quote the expression, and the text
// of the expression must not reach the rules as a value.

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

/** How the literal is replaced: by a variable (with its default, or with no value at all) or a local, in one expression form. */
type Form = 'reference' | 'interpolation' | 'call';
const FORMS: Form[] = ['reference', 'interpolation', 'call'];
type Source = 'unset-variable' | 'variable-default' | 'local';

const NAME = 'lg_mutated_';

/** The fixture with the chosen lines' values replaced by expressions. With a value, only forms that keep the literal's type. */
function mutate(f: HclFixture, lines: number[], form: Form, source: Source): string {
  const text = f.text.split('\n');
  const decls: string[] = [];
  const locals: string[] = [];
  for (const i of lines) {
    const m = SETTING.exec(text[i])!;
    const literal = m[4];
    const ref = source === 'local' ? `local.${NAME}${i}` : `var.${NAME}${i}`;
    if (source === 'unset-variable') decls.push(`variable "${NAME}${i}" {}`);
    else if (source === 'variable-default') decls.push(`variable "${NAME}${i}" {\n  default = ${literal}\n}`);
    else locals.push(`  ${NAME}${i} = ${literal}`);
    // A template or a string function would turn a bool or number into a string, which only the
    // provider's schema coerces back: with a value expected, those forms are kept to string literals.
    const str = literal.startsWith('"');
    const call = source === 'unset-variable' ? `lower(${ref})` : str ? `format("%s", ${ref})` : `try(${ref}, null)`;
    const expr = form === 'interpolation' && (str || source === 'unset-variable') ? `"\${${ref}}"` : form === 'call' ? call : ref;
    text[i] = `${m[1]}${m[2]}${m[3]}${expr}`;
  }
  if (locals.length > 0) decls.push(`locals {\n${locals.join('\n')}\n}`);
  return [...text, ...decls].join('\n') + '\n';
}

async function checkText(f: HclFixture, text: string): Promise<CheckResult> {
  const files: Record<string, string | object> = { [`${f.ruleId}/main.tf`]: text };
  if (f.configPath) files['leakguard.json'] = JSON.parse(readFileSync(f.configPath, 'utf8'));
  const root = writeTree(files);
  return check([join(root, f.ruleId)], { configPath: f.configPath ? join(root, 'leakguard.json') : undefined, today: TODAY });
}

const summary = (fs: Finding[]) => fs.map((f) => `${f.rule_id} ${f.resource.address} ${f.blocking}: ${f.message}`).sort();

const originals = new Map<string, Promise<string[]>>();
/** The fixture's own findings, checked once per fixture. */
const originalOf = (f: HclFixture): Promise<string[]> => {
  if (!originals.has(f.ruleId)) originals.set(f.ruleId, checkText(f, f.text).then((r) => summary(r.decision.findings)));
  return originals.get(f.ruleId)!;
};

/** Strings in the resources' values that quote a mutated expression (its variable or local name). */
function leakedText(result: CheckResult): string[] {
  const out: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'string' && v.includes(NAME)) out.push(`${at}: ${v}`);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
  };
  for (const [key, r] of Object.entries(result.input.resources)) walk(r.values, key);
  return out;
}

async function expectSameOrUnknown(f: HclFixture, lines: number[], form: Form, source: Source): Promise<void> {
  const mutated = await checkText(f, mutate(f, lines, form, source));
  expect(leakedText(mutated)).toEqual([]);
  expect(raw(mutated.decision.findings)).toEqual([]);
  if (source === 'unset-variable') {
    // Each expression was seen and made unknown, with the warning that says so.
    const warned = lines.filter((i) => mutated.warnings.some((w) => w.includes(`variable "${NAME}${i}" has no value`)));
    expect(warned).toEqual(lines);
  } else {
    expect(summary(mutated.decision.findings)).toEqual(await originalOf(f));
  }
}

describe('literal settings written as expressions', () => {
  const fixtures = hclFixtures().filter((f) => literalLines(f.text).length > 0);

  test.each(fixtures.map((f) => [f.ruleId, f] as const))('%s: every literal setting an unset variable, interpolated: unknown, never quoted', async (_id, f) => {
    await expectSameOrUnknown(f, literalLines(f.text), 'interpolation', 'unset-variable');
  });

  test.each(fixtures.map((f) => [f.ruleId, f] as const))('%s: every literal setting a variable default: the same findings, word for word', async (_id, f) => {
    await expectSameOrUnknown(f, literalLines(f.text), 'reference', 'variable-default');
  });

  test('random fixtures, random subsets of settings, every expression form and source', async () => {
    const pick = fc.nat({ max: fixtures.length - 1 }).chain((n) =>
      fc.record({
        fixture: fc.constant(fixtures[n]),
        lines: fc.subarray(literalLines(fixtures[n].text), { minLength: 1 }),
        form: fc.constantFrom(...FORMS),
        source: fc.constantFrom<Source>('unset-variable', 'variable-default', 'local'),
      }),
    );
    await fc.assert(
      fc.asyncProperty(pick, async ({ fixture, lines, form, source }) => expectSameOrUnknown(fixture, lines, form, source)),
      { numRuns: 20 },
    );
  }, 600000);
});
