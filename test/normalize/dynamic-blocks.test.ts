// A value passed into a module's `dynamic` block (the terraform-aws-modules S3 bucket writes its
// encryption so, cloudposse's CloudTrail its data events) is unknown before apply wherever it
// comes from another resource, and neither side linked it to that resource: a bucket encrypted
// under a customer-managed key read as AWS-managed, on both sides. The HCL evaluator now gives
// an attribute of a dynamic block that it leaves unknown the references of the block's
// for_each; a plan's configuration leaves dynamic blocks out, and a plan beside its folder
// reads them there (load/plan-source.ts). Generated module calls, planned by a real offline
// `terraform plan`: the HCL folder and the plan beside it give the verdict the model says.
import fc from 'fast-check';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Key = 'cmk' | 'cmk-nested' | 'cmk-literal' | 'aws-alias' | 'none';
/** Keys that are customer-managed: no aws-s3-sse-kms-cmk finding (the model). */
const CUSTOMER: ReadonlySet<Key> = new Set(['cmk', 'cmk-nested', 'cmk-literal']);

const BUCKET = `variable "name" {}
variable "sse" {
  type = any
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = { "data-classification" = "pii" }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  dynamic "rule" {
    for_each = [var.sse]
    content {
      bucket_key_enabled = true
      dynamic "apply_server_side_encryption_by_default" {
        for_each = [rule.value]
        content {
          sse_algorithm     = "aws:kms"
          kms_master_key_id = try(apply_server_side_encryption_by_default.value.kms_master_key_id, null)
        }
      }
    }
  }
}
`;

function folder(keys: Key[]): { files: Record<string, string>; buckets: string[] } {
  const root = [
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}',
    'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}',
  ];
  const buckets: string[] = [];
  keys.forEach((k, i) => {
    const value = {
      cmk: '{ kms_master_key_id = aws_kms_key.k.arn }',
      'cmk-nested': '{ kms_master_key_id = aws_kms_key.k.arn, extra = { purpose = "orders" } }',
      'cmk-literal': '{ kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }',
      'aws-alias': '{ kms_master_key_id = "alias/aws/s3" }',
      none: '{}',
    }[k];
    root.push(`module "b${i}" {\n  source = "./bucket"\n  name   = "orders-${i}"\n  sse    = ${value}\n}`);
    buckets.push(`module.b${i}.aws_s3_bucket.this`);
  });
  return { files: { 'main.tf': root.join('\n\n') + '\n', 'bucket/main.tf': BUCKET }, buckets };
}

/** Per bucket: whether aws-s3-sse-kms-cmk reports it. */
async function lacking(path: string, buckets: string[]): Promise<boolean[]> {
  const { decision } = await check([path], { today: '2026-11-28' });
  const flagged = new Set(decision.findings.filter((f) => f.rule_id === 'aws-s3-sse-kms-cmk').map((f) => f.resource.address));
  return buckets.map((b) => flagged.has(b));
}

(tf.ok ? describe : describe.skip)(`keys passed into a module's dynamic blocks, HCL vs terraform plan beside its folder (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('a customer-managed key is linked on both sides; an AWS-managed or missing one is reported', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Key>('cmk', 'cmk-nested', 'cmk-literal', 'aws-alias', 'none'), { minLength: 6, maxLength: 6 }), async (keys) => {
        const { files, buckets } = folder(keys);
        const model = keys.map((k) => !CUSTOMER.has(k));
        expect(await lacking(writeTree(files), buckets)).toEqual(model);
        expect(await lacking(planFolder(files, tf.ok ? tf.mirror : ''), buckets)).toEqual(model);
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});
