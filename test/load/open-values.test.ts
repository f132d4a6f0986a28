// A value the code leaves open (a root variable without a value, a module's required input not
// set) mixed with a resource's reference had read as that resource alone: a trust policy naming
// the caller's account and `var.ci_role_arn` trusted "its own account only" and passed. The
// evaluator now names the paths an open value reaches (`open`, carried by a cty mark through
// every operation), and the normalizer lists them as unlinked. Generated expressions are held to
// a model of where an open value flows: every open path the model finds is reported (never
// missed), and exactly those where conditionals stand at the top of the expression (HCL gives a
// conditional the marks of both branches; the top one is narrowed to the branch it takes).
import fc from 'fast-check';
import { evaluateFolder } from '../../src/load/hcl-evaluator';
import { normalize } from '../../src/normalize';
import { loadPath } from '../../src/load';
import { writeTree } from '../helpers/cli';

/** An expression and what the model says of its value: known at plan time, and reached by the open variable. */
interface Expr {
  text: string;
  known: boolean;
  open: boolean;
  /** Some conditional below the top of the expression (its marks are both branches'). */
  nested: boolean;
}

const leaf: fc.Arbitrary<Expr> = fc.constantFrom<Expr>(
  { text: 'var.open', known: false, open: true, nested: false },
  { text: 'local.open', known: false, open: true, nested: false },
  { text: 'aws_kms_key.k.arn', known: false, open: false, nested: false },
  { text: 'local.key', known: false, open: false, nested: false },
  { text: '"lit"', known: true, open: false, nested: false },
  { text: 'var.known', known: true, open: false, nested: false },
);

const hasConditional = (e: Expr): boolean => e.nested || e.text.includes('?');

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]): Expr => ({ text: `"\${${a.text}}-\${${b.text}}"`, known: a.known && b.known, open: a.open || b.open, nested: hasConditional(a) || hasConditional(b) })),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]): Expr => ({ text: `format("%s/%s", ${a.text}, ${b.text})`, known: a.known && b.known, open: a.open || b.open, nested: hasConditional(a) || hasConditional(b) })),
    // Known conditions: the branch taken is the value.
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]): Expr => ({ text: `(var.known == "x" ? ${a.text} : ${b.text})`, known: a.known, open: a.open, nested: a.nested || b.nested })),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]): Expr => ({ text: `(var.known == "y" ? ${a.text} : ${b.text})`, known: b.known, open: b.open, nested: a.nested || b.nested })),
    // An open condition: either branch may be the value.
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]): Expr => ({ text: `(var.open == "x" ? ${a.text} : ${b.text})`, known: false, open: true, nested: a.nested || b.nested })),
  ),
}));

const folder = (exprs: Expr[], via: 'root' | 'module'): Record<string, string> => {
  const queues = exprs.map((e, i) => `resource "aws_sqs_queue" "q${i}" {\n  kms_master_key_id = ${e.text}\n}\n`).join('');
  const body = `variable "known" {\n  default = "x"\n}\nresource "aws_kms_key" "k" {}\nlocals {\n  open = var.open\n  key  = aws_kms_key.k.arn\n}\n${queues}`;
  const provider = 'provider "aws" {\n  region = "us-east-1"\n}\n';
  // The open value is a root variable without a value, or a module's required input its call leaves out.
  return via === 'root'
    ? { 'main.tf': `${provider}variable "open" {\n  type = string\n}\n${body}` }
    : { 'main.tf': `${provider}module "m" {\n  source = "./m"\n}\n`, 'm/main.tf': `variable "open" {\n  type = string\n}\n${body}` };
};

describe('property: an open value is reported wherever it reaches an unknown attribute', () => {
  test('generated expressions: never missed; exact where conditionals stand at the top', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(expr, { minLength: 1, maxLength: 6 }), fc.constantFrom<'root' | 'module'>('root', 'module'), async (exprs, via) => {
        const out = await evaluateFolder(writeTree(folder(exprs, via)), { env: {} });
        const prefix = via === 'root' ? '' : 'module.m.';
        exprs.forEach((e, i) => {
          const r = out.resources.find((x) => x.address === `${prefix}aws_sqs_queue.q${i}`)!;
          const reported = (r.open ?? []).includes('kms_master_key_id');
          expect(r.unknown.includes('kms_master_key_id')).toBe(!e.known);
          if (!e.known && e.open) expect({ text: e.text, reported }).toEqual({ text: e.text, reported: true });
          if (!e.nested) expect({ text: e.text, reported }).toEqual({ text: e.text, reported: !e.known && e.open });
        });
      }),
      { numRuns: 40 },
    );
  });

  test('the normalizer lists an open path as unlinked beside the references it also has', async () => {
    const dir = writeTree(folder([{ text: '"${var.open}-${aws_kms_key.k.arn}"', known: false, open: true, nested: false }, { text: '(var.known == "x" ? aws_kms_key.k.arn : var.open)', known: false, open: false, nested: false }], 'root'));
    const input = normalize(await loadPath(dir));
    const stack = Object.values(input.resources)[0].stack;
    expect(input.resources[`${stack}/aws_sqs_queue.q0`]).toMatchObject({ references: { kms_master_key_id: [`${stack}/aws_kms_key.k`] }, unlinked: ['kms_master_key_id'] });
    expect(input.resources[`${stack}/aws_sqs_queue.q1`].references).toEqual({ kms_master_key_id: [`${stack}/aws_kms_key.k`] });
    expect(input.resources[`${stack}/aws_sqs_queue.q1`]).not.toHaveProperty('unlinked');
  });
});
