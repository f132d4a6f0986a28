// A resource passed whole out of its module (`output "cf" { value = { front = aws_x.front } }`)
// and read in another module (`var.cf.front.arn`): HCL had no computed attribute there
// ("Unsupported attribute"), the aws:SourceArn condition built from it was dropped, and a
// CloudFront-only bucket policy was blocked as open to everyone (an audit of
// twitter-like-application-infra). Every resource type, output shape, route and attribute
// below, planned by a real offline `terraform plan`: HCL, the plan beside its folder and the
// plan alone agree, and none reads the condition as missing.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();
const RULE = 'aws-s3-policy-public-principal';

// Types whose computed attributes a policy condition names.
const TYPES = {
  aws_cloudfront_origin_access_control: { body: 'name = "n{i}"\n  origin_access_control_origin_type = "s3"\n  signing_behavior = "always"\n  signing_protocol = "sigv4"', attrs: ['id'] },
  aws_sns_topic: { body: 'name = "t{i}"', attrs: ['arn', 'id'] },
  aws_kms_key: { body: 'description = "k{i}"', attrs: ['arn', 'key_id'] },
} as const;
type Type = keyof typeof TYPES;
// How the producer's output holds the resource, and how the consumer reaches it.
const SHAPES = { whole: ['RES', ''], map: ['{ front = RES }', '.front'], nested: ['{ d = { front = RES } }', '.d.front'], list: ['[RES]', '[0]'] } as const;
type Shape = keyof typeof SHAPES;
// How the caller passes the output on: straight, or through a local value.
const ROUTES = ['direct', 'local'] as const;

function folder(): { files: Record<string, string>; consumers: string[] } {
  const files: Record<string, string> = {};
  const root: string[] = ['provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}'];
  const consumers: string[] = [];
  let i = 0;
  for (const type of Object.keys(TYPES) as Type[]) {
    for (const attr of TYPES[type].attrs) {
      for (const shape of Object.keys(SHAPES) as Shape[]) {
        for (const route of ROUTES) {
          const [value, path] = SHAPES[shape];
          files[`p${i}/main.tf`] = `resource "${type}" "r" {\n  ${TYPES[type].body.replaceAll('{i}', String(i))}\n}\n\noutput "out" {\n  value = ${value.replace('RES', `${type}.r`)}\n}\n`;
          files[`c${i}/main.tf`] =
            `variable "src" {\n  type = any\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "orders-c${i}"\n}\n\n` +
            `resource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n\n` +
            `data "aws_iam_policy_document" "p" {\n  statement {\n    principals {\n      type        = "Service"\n      identifiers = ["cloudfront.amazonaws.com"]\n    }\n    actions   = ["s3:GetObject"]\n    resources = ["\${aws_s3_bucket.b.arn}/*"]\n` +
            `    condition {\n      test     = "StringEquals"\n      variable = "aws:SourceArn"\n      values   = [var.src${path}.${attr}]\n    }\n  }\n}\n\n` +
            `resource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = data.aws_iam_policy_document.p.json\n}\n`;
          root.push(`module "p${i}" {\n  source = "./p${i}"\n}`);
          if (route === 'local') root.push(`locals {\n  out${i} = module.p${i}.out\n}`);
          root.push(`module "c${i}" {\n  source = "./c${i}"\n  src    = ${route === 'local' ? `local.out${i}` : `module.p${i}.out`}\n}`);
          consumers.push(`module.c${i}.aws_s3_bucket_policy.b`);
          i++;
        }
      }
    }
  }
  files['main.tf'] = root.join('\n\n') + '\n';
  return { files, consumers };
}

async function blocked(path: string, consumers: readonly string[]): Promise<string[]> {
  const { decision } = await check([path], { today: '2026-11-28' });
  const lines = [...decision.findings.filter((f) => f.rule_id === RULE).map((f) => f.resource.address), ...(decision.not_checked ?? []).filter((l) => consumers.some((c) => l.startsWith(c)))];
  return lines.sort();
}

(tf.ok ? describe : describe.skip)(`a resource passed whole through a module output (${tf.ok ? 'generated, against terraform plan' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('every type, attribute, output shape and route: the condition is read on every side, nothing blocked', async () => {
    const { files, consumers } = folder();
    expect(consumers.length).toBe(40);
    expect(await blocked(writeTree(files), consumers)).toEqual([]);
    const beside = planFolder(files, tf.ok ? tf.mirror : '');
    expect(await blocked(beside, consumers)).toEqual([]);
    const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
    copyFileSync(beside, alone);
    expect(await blocked(alone, consumers)).toEqual([]);
  }, 300_000);
});
