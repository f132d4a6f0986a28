// `data "aws_iam_policy_document"` as the HCL evaluator renders it must be the JSON the
// provider renders in a real plan. Its lists are list(string) in the provider: Terraform turns
// numbers and bools into strings (values = [false] for aws:SecureTransport, an account id
// variable of type number), and two condition blocks with one test and variable are one
// condition with both blocks' values. The evaluator dropped non-strings and kept only the last
// block: a trusted foreign account vanished from a trust policy (a silent pass) and TLS-only
// and account-restricting conditions with it (false blocks), found by an audit of public code.
// Generated documents, one terraform plan per run, compared document by document.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { evaluateFolder } from '../../src/load/hcl-evaluator';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

/** An element of a list(string) argument as HCL writes it: a string, a number or a bool,
 * literal or through a typed variable. */
type El = { kind: 'string' | 'number' | 'bool'; text: string; viaVar: boolean };

const element: fc.Arbitrary<El> = fc.oneof(
  fc.record({ kind: fc.constant<'string'>('string'), text: fc.constantFrom('"arn:aws:iam::111122223333:root"', '"*"', '"o-abc123"', '"s3:GetObject"', '"sqs:*"', '"123456789012"'), viaVar: fc.boolean() }),
  fc.record({ kind: fc.constant<'number'>('number'), text: fc.constantFrom('999988887777', '123456789012', '1.5', '0', '42'), viaVar: fc.boolean() }),
  fc.record({ kind: fc.constant<'bool'>('bool'), text: fc.constantFrom('true', 'false'), viaVar: fc.boolean() }),
);

interface Condition { test: string; variable: string; values: El[] }
interface Statement { actions: El[]; principals: Array<{ type: string; ids: El[] }>; conditions: Condition[] }

const condition: fc.Arbitrary<Condition> = fc.record({
  // Few tests and variables, so blocks with the same pair are common.
  test: fc.constantFrom('StringEquals', 'Bool', 'StringLike'),
  variable: fc.constantFrom('aws:SourceAccount', 'aws:SecureTransport', 'aws:PrincipalAccount'),
  values: fc.array(element, { minLength: 1, maxLength: 3 }),
});
const statement: fc.Arbitrary<Statement> = fc.record({
  actions: fc.array(element, { minLength: 1, maxLength: 3 }),
  principals: fc.array(fc.record({ type: fc.constantFrom('AWS', 'Service', '*'), ids: fc.array(element, { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
  conditions: fc.array(condition, { maxLength: 4 }),
});

/** Lists in a canonical order: the provider orders blocks of a set (conditions, principals) by
 * their hash, and the order of a statement's values decides nothing. Everything else exact. */
function canonical(doc: { Statement: Array<Record<string, unknown>> }): unknown {
  const sorted = (v: unknown) => (Array.isArray(v) ? [...v].sort() : v);
  const each = (m: unknown) => (m && typeof m === 'object' ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, sorted(v)])) : m);
  return {
    ...doc,
    Statement: doc.Statement.map((s) => {
      const out: Record<string, unknown> = { ...s };
      for (const k of ['Action', 'NotAction', 'Resource', 'NotResource']) if (k in out) out[k] = sorted(out[k]);
      for (const k of ['Principal', 'NotPrincipal']) if (k in out) out[k] = each(out[k]);
      if (out.Condition) out.Condition = Object.fromEntries(Object.entries(out.Condition).map(([t, m]) => [t, each(m)]));
      return out;
    }),
  };
}

function folder(docs: Statement[][]): Record<string, string> {
  const out = ['provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}'];
  let v = 0;
  const list = (els: El[]) =>
    `[${els
      .map((e) => {
        if (!e.viaVar) return e.text;
        out.push(`variable "v${v}" {\n  type    = ${e.kind}\n  default = ${e.text}\n}`);
        return `var.v${v++}`;
      })
      .join(', ')}]`;
  docs.forEach((stmts, d) => {
    const body = stmts
      .map((s) => {
        const parts = [`    actions   = ${list(s.actions)}`, '    resources = ["*"]'];
        for (const p of s.principals) parts.push(`    principals {\n      type        = "${p.type}"\n      identifiers = ${list(p.ids)}\n    }`);
        for (const c of s.conditions) parts.push(`    condition {\n      test     = "${c.test}"\n      variable = "${c.variable}"\n      values   = ${list(c.values)}\n    }`);
        return `  statement {\n${parts.join('\n')}\n  }`;
      })
      .join('\n');
    out.push(`data "aws_iam_policy_document" "d${d}" {\n${body}\n}`);
    out.push(`output "d${d}" {\n  value = data.aws_iam_policy_document.d${d}.json\n}`);
  });
  return { 'main.tf': out.join('\n\n') + '\n' };
}

(tf.ok ? describe : describe.skip)(`policy documents: the HCL evaluator renders the plan's JSON (${tf.ok ? 'generated, against terraform plan' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('strings, numbers and bools, literal or from typed variables; repeated condition blocks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(statement, { minLength: 1, maxLength: 2 }), { minLength: 12, maxLength: 12 }), async (docs) => {
        const files = folder(docs);
        const plan = JSON.parse(readFileSync(planFolder(files, tf.ok ? tf.mirror : ''), 'utf8'));
        const hcl = await evaluateFolder(writeTree(files), { env: {} });
        docs.forEach((_, d) => {
          const rendered = hcl.resources.find((r) => r.address === `data.aws_iam_policy_document.d${d}`);
          expect(rendered).toBeDefined();
          expect([d, canonical(JSON.parse(rendered!.values.json as string))]).toEqual([d, canonical(JSON.parse(plan.planned_values.outputs[`d${d}`].value))]);
        });
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      // Two principal blocks of one type sharing an identifier (one set in the provider: each
      // once; found by CI), always; then drawn.
      {
        numRuns: 4,
        endOnFailure: true,
        examples: [
          [
            Array.from({ length: 12 }, (): Statement[] => [
              {
                actions: [{ kind: 'string', text: '"s3:GetObject"', viaVar: false }],
                principals: [
                  { type: 'Service', ids: [{ kind: 'number', text: '123456789012', viaVar: false }, { kind: 'bool', text: 'false', viaVar: false }] },
                  { type: 'Service', ids: [{ kind: 'bool', text: 'false', viaVar: true }, { kind: 'string', text: '"123456789012"', viaVar: false }] },
                ],
                conditions: [],
              },
            ]),
          ],
        ],
      },
    );
  }, 600_000);
});
