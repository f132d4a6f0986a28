// A `dynamic` block is left out of a plan's configuration: what the plan leaves unknown in a
// block it shows in part is configured (set from what only apply knows), not the provider's to
// compute. A DynamoDB table's key, or a replica's key, given through a dynamic block had read as
// "no customer-managed key" in a plan alone (false blocks; found by two audits). Generated
// tables, planned by a real offline `terraform plan`: HCL, the plan beside its folder and the
// plan alone flag the same tables, and only those whose key is the AWS-managed one, or whose
// whole block is unknown before apply (fail closed): those HCL and the plan beside its folder
// say could not be seen, not that they lack the key (a plan alone holds no expression for a
// dynamic block: there it reads as a block left out, which the provider computes).
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();
const RULES = new Set(['aws-dynamodb-cmk', 'aws-dynamodb-replica-protection']);

// How the table's key is written: in a static block, a dynamic block over a list of the key (direct
// or through a local), or a dynamic replica with its own key; `aws-managed`: a dynamic block naming
// the AWS-managed alias (flagged on every side); `unknown-block`: a dynamic block over a list
// known only after apply (`x == null ? [] : [x]` on a key Terraform makes), the block unknown as
// a whole.
type Form = 'static' | 'dynamic' | 'dynamic-local' | 'replica-dynamic' | 'aws-managed' | 'unknown-block';
const FORMS: Form[] = ['static', 'dynamic', 'dynamic-local', 'replica-dynamic', 'aws-managed', 'unknown-block'];
const FLAGGED: ReadonlySet<Form> = new Set(['aws-managed', 'unknown-block']);
const UNSEEN: ReadonlySet<Form> = new Set(['unknown-block']);

function table(form: Form, i: number): string {
  const key = form === 'aws-managed' ? '"arn:aws:kms:us-east-1:123456789012:alias/aws/dynamodb"' : form === 'dynamic-local' ? 'local.key' : 'aws_kms_key.k.arn';
  const sse =
    form === 'static' || form === 'replica-dynamic'
      ? `  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.k.arn\n  }\n`
      : `  dynamic "server_side_encryption" {\n    for_each = ${form === 'unknown-block' ? `${key} == null ? [] : [${key}]` : `[${key}]`}\n    content {\n      enabled     = true\n      kms_key_arn = server_side_encryption.value\n    }\n  }\n`;
  const replica =
    form === 'replica-dynamic'
      ? `  stream_enabled   = true\n  stream_view_type = "NEW_AND_OLD_IMAGES"\n  dynamic "replica" {\n    for_each = [{ region_name = "us-west-2", kms_key_arn = aws_kms_key.west.arn }]\n    content {\n      region_name            = replica.value.region_name\n      kms_key_arn            = replica.value.kms_key_arn\n      point_in_time_recovery = true\n    }\n  }\n`
      : '';
  return (
    `resource "aws_dynamodb_table" "t${i}" {\n  name         = "t${i}"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n` +
    `  point_in_time_recovery {\n    enabled = true\n  }\n${sse}${replica}  tags = {\n    data-classification = "pii"\n  }\n}\n`
  );
}

function folder(forms: Form[]): Record<string, string> {
  const head =
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}\n\n' +
    'provider "aws" {\n  alias                       = "west"\n  region                      = "us-west-2"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}\n\n' +
    'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n\nresource "aws_kms_key" "west" {\n  provider            = aws.west\n  enable_key_rotation = true\n}\n\nlocals {\n  key = aws_kms_key.k.arn\n}\n\n';
  return { 'main.tf': head + forms.map(table).join('\n') };
}

async function flagged(path: string): Promise<{ flagged: string[]; unseen: string[] }> {
  const { decision } = await check([path], { today: '2026-11-28' });
  const mine = decision.findings.filter((f) => RULES.has(f.rule_id));
  const addresses = (fs: typeof mine): string[] => [...new Set(fs.map((f) => f.resource.address))].sort();
  return { flagged: addresses(mine), unseen: addresses(mine.filter((f) => f.message.endsWith('(not shown before apply: server_side_encryption is known only after apply)'))) };
}

(tf.ok ? describe : describe.skip)(`keys in dynamic blocks, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('HCL, the plan beside its folder and the plan alone flag exactly the tables under the AWS-managed key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Form>(...FORMS), { minLength: 6, maxLength: 6 }), async (forms) => {
        const files = folder(forms);
        const of = (set: ReadonlySet<Form>): string[] => forms.map((f, i) => [f, `aws_dynamodb_table.t${i}`] as const).filter(([f]) => set.has(f)).map(([, a]) => a).sort();
        const expected = of(FLAGGED);
        expect(await flagged(writeTree(files))).toEqual({ flagged: expected, unseen: of(UNSEEN) });
        const beside = planFolder(files, tf.ok ? tf.mirror : '');
        expect(await flagged(beside)).toEqual({ flagged: expected, unseen: of(UNSEEN) });
        const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
        copyFileSync(beside, alone);
        expect((await flagged(alone)).flagged).toEqual(expected);
      }),
      // Each run is a terraform plan. Every form at least once, then drawn.
      { numRuns: 2, endOnFailure: true, examples: [[FORMS]] },
    );
  }, 300_000);
});
