// An aws_iam_policy_document merges JSON documents around its statement blocks
// (source_policy_documents before them, override_policy_documents after), and a statement
// with a sid replaces the one with that sid before it. The HCL path sees the layers, not the
// JSON the provider renders at plan time: a public statement passed in as a document once
// went unseen there (a public bucket policy passed silently, found in a public module).
// Generated layerings are planned by a real offline `terraform plan` and checked both ways;
// both must find exactly the public policies a model of the provider's merge predicts.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check';
import { tempDir } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const RULE = 'aws-s3-policy-public-principal';
const tf = terraformAvailability();

/** A statement: its sid ('' for none) and whether it allows every principal. */
interface Statement {
  sid: string;
  open: boolean;
}
interface Layered {
  sources: Statement[][];
  blocks: Statement[];
  overrides: Statement[][];
  /** A block reads the bucket's ARN, known only after apply: neither the plan nor HCL has the rendered JSON then, only the layers. */
  computed: boolean;
}

const statement = fc.record({ sid: fc.constantFrom('', 'Read', 'List', 'Ops'), open: fc.boolean() });
// The provider refuses a sid twice among the source documents, and twice among the blocks.
const uniqueSids = (ss: Statement[]): boolean => ss.every((s, i) => s.sid === '' || ss.findIndex((t) => t.sid === s.sid) === i);
const layered: fc.Arbitrary<Layered> = fc
  .record({
    sources: fc.array(fc.array(statement, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
    blocks: fc.array(statement, { maxLength: 2 }),
    overrides: fc.array(fc.array(statement, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
    computed: fc.boolean(),
  })
  .filter((l) => uniqueSids(l.sources.flat()) && uniqueSids(l.blocks) && l.sources.length + l.blocks.length + l.overrides.length > 0);

/** The provider's merge (IAMPolicyDoc.Merge, in its order): whether the rendered policy has an open statement. */
function rendersOpen(l: Layered): boolean {
  const merged: Statement[] = [];
  for (const layer of [...l.sources, l.blocks, ...l.overrides]) {
    for (const s of layer) {
      const at = s.sid === '' ? -1 : merged.findIndex((m) => m.sid === s.sid);
      if (at >= 0) merged[at] = s;
      else merged.push(s);
    }
  }
  return merged.some((s) => s.open);
}

const READER = 'arn:aws:iam::111122223333:role/reader';
const principal = (open: boolean): string => (open ? '"*"' : `{ AWS = "${READER}" }`);
const jsonDoc = (i: number, ss: Statement[]): string =>
  `jsonencode({ Version = "2012-10-17", Statement = [${ss
    .map((s) => `{ ${s.sid ? `Sid = "${s.sid}", ` : ''}Effect = "Allow", Principal = ${principal(s.open)}, Action = "s3:GetObject", Resource = "arn:aws:s3:::shop-layers-${i}/*" }`)
    .join(', ')}] })`;
const block = (i: number, s: Statement): string =>
  [
    '  statement {',
    ...(s.sid ? [`    sid       = "${s.sid}"`] : []),
    '    actions   = ["s3:GetObject"]',
    `    resources = ["arn:aws:s3:::shop-layers-${i}/*"]`,
    '    principals {',
    s.open ? '      type        = "*"\n      identifiers = ["*"]' : `      type        = "AWS"\n      identifiers = ["${READER}"]`,
    '    }',
    '  }',
  ].join('\n');

function folder(cases: Layered[]): string {
  const parts = ['provider "aws" {', '  region                      = "us-west-2"', '  skip_credentials_validation = true', '  skip_requesting_account_id  = true', '  skip_metadata_api_check     = true', '}', ''];
  cases.forEach((l, i) => {
    parts.push(`resource "aws_s3_bucket" "b${i}" {\n  bucket = "shop-layers-${i}"\n}\n`);
    parts.push(`data "aws_iam_policy_document" "d${i}" {`);
    if (l.sources.length > 0) parts.push(`  source_policy_documents = [${l.sources.map((ss) => jsonDoc(i, ss)).join(', ')}]`);
    if (l.overrides.length > 0) parts.push(`  override_policy_documents = [${l.overrides.map((ss) => jsonDoc(i, ss)).join(', ')}]`);
    for (const s of l.blocks) parts.push(block(i, s));
    // A TLS-only deny (no sid: it replaces nothing, and allows nothing) over the bucket's ARN.
    if (l.computed) {
      parts.push(
        [
          '  statement {',
          '    effect    = "Deny"',
          '    actions   = ["s3:*"]',
          `    resources = ["\${aws_s3_bucket.b${i}.arn}/*"]`,
          '    principals {',
          '      type        = "AWS"',
          '      identifiers = ["*"]',
          '    }',
          '    condition {',
          '      test     = "Bool"',
          '      variable = "aws:SecureTransport"',
          '      values   = ["false"]',
          '    }',
          '  }',
        ].join('\n'),
      );
    }
    parts.push('}\n');
    parts.push(`resource "aws_s3_bucket_policy" "p${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n  policy = data.aws_iam_policy_document.d${i}.json\n}\n`);
  });
  return parts.join('\n');
}

/** The bucket policies the rule finds open, by address; and any it could not read. */
async function verdict(path: string): Promise<{ open: string[]; unread: string[] }> {
  const { decision } = await check([path], { today: '2026-11-28' });
  const mine = decision.findings.filter((f) => f.rule_id === RULE);
  return {
    open: mine.filter((f) => f.message.includes('every principal without')).map((f) => f.resource.address).sort(),
    unread: mine.filter((f) => f.message.includes('cannot be read')).map((f) => f.resource.address).sort(),
  };
}

(tf.ok ? describe : describe.skip)(`merged policy documents, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('the HCL folder and its plan find exactly the policies the merge renders open (generated layerings)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(layered, { minLength: 12, maxLength: 12 }), async (cases) => {
        const text = folder(cases);
        const hcl = tempDir('leakguard-layers-');
        writeFileSync(join(hcl, 'main.tf'), text);
        const plan = planFolder({ 'main.tf': text }, tf.ok ? tf.mirror : '');
        const expected = cases.flatMap((l, i) => (rendersOpen(l) ? [`aws_s3_bucket_policy.p${i}`] : [])).sort();
        const fromPlan = await verdict(plan);
        const fromHcl = await verdict(hcl);
        expect({ plan: fromPlan, hcl: fromHcl }).toEqual({ plan: { open: expected, unread: [] }, hcl: { open: expected, unread: [] } });
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});
