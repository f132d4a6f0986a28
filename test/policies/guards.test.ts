// A weakened guard is a finding on the guard itself. Every guard resource (public access
// blocks, ownership controls, encryption configurations, bucket policies, network rules,
// diagnostic settings) is written as plain HCL:
//  - alone (what it guards lives in another stack, module or state): its rule reports the
//    guard, at the guard's line;
//  - with what it guards: the rule reports the guarded resource once, never the guard too.
// The AWS guards also go through a real offline `terraform plan` where one can run, and the
// plan must report the same guards. Needs `npm run build:policies` first.
import { join } from 'node:path';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';
import { blockLine } from './hcl/fixtures';

const TODAY = '2026-11-28';

interface Guard {
  rule: string;
  /** The guard's address and its HCL (naming what it guards literally, as split estates do). */
  guard: string;
  hcl: string;
  /** What it guards, and that resource's HCL. */
  guarded: string;
  guardedHcl: string;
}

// The skip_* flags let an offline `terraform plan` run with fake credentials.
const AWS_PROVIDER = `provider "aws" {
  region                      = "us-west-2"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
`;
const AZURE_PROVIDER = `provider "azurerm" {\n  features {}\n}\n`;
const BUCKET = `resource "aws_s3_bucket" "data" {\n  bucket = "shop-customer-data"\n}\n`;
const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop/providers/Microsoft.Storage/storageAccounts/shopdata';
const STORAGE = `resource "azurerm_storage_account" "data" {
  name                     = "shopdata"
  resource_group_name      = "shop"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
`;

const guards: Guard[] = [
  {
    rule: 'aws-s3-public-access-block',
    guard: 'aws_s3_bucket_public_access_block.data',
    hcl: `resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = "shop-customer-data"
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
    guarded: 'aws_s3_bucket.data',
    guardedHcl: BUCKET,
  },
  {
    rule: 'aws-s3-ownership-controls',
    guard: 'aws_s3_bucket_ownership_controls.data',
    hcl: `resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = "shop-customer-data"
  rule {
    object_ownership = "ObjectWriter"
  }
}
`,
    guarded: 'aws_s3_bucket.data',
    guardedHcl: BUCKET,
  },
  {
    rule: 'aws-s3-sse-kms-cmk',
    guard: 'aws_s3_bucket_server_side_encryption_configuration.data',
    hcl: `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = "shop-customer-data"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`,
    guarded: 'aws_s3_bucket.data',
    guardedHcl: BUCKET,
  },
  {
    rule: 'aws-s3-tls-only-policy',
    guard: 'aws_s3_bucket_policy.data',
    hcl: `resource "aws_s3_bucket_policy" "data" {
  bucket = "shop-customer-data"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::shop-customer-data/*" }]
  })
}
`,
    guarded: 'aws_s3_bucket.data',
    guardedHcl: BUCKET,
  },
  {
    rule: 'azure-storage-network-deny',
    guard: 'azurerm_storage_account_network_rules.data',
    hcl: `resource "azurerm_storage_account_network_rules" "data" {
  storage_account_id = "${ACCOUNT_ID}"
  default_action     = "Allow"
}
`,
    guarded: 'azurerm_storage_account.data',
    guardedHcl: STORAGE,
  },
  {
    rule: 'azure-storage-network-deny',
    guard: 'azurerm_storage_account_network_rules.data',
    hcl: `resource "azurerm_storage_account_network_rules" "data" {
  storage_account_id = "${ACCOUNT_ID}"
  default_action     = "Deny"
  ip_rules           = ["0.0.0.0/0"]
}
`,
    guarded: 'azurerm_storage_account.data',
    guardedHcl: STORAGE,
  },
  {
    rule: 'azure-storage-blob-diagnostics',
    guard: 'azurerm_monitor_diagnostic_setting.blob',
    hcl: `resource "azurerm_monitor_diagnostic_setting" "blob" {
  name                       = "blob"
  target_resource_id         = "${ACCOUNT_ID}/blobServices/default"
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shop/providers/Microsoft.OperationalInsights/workspaces/central"
  enabled_log {
    category = "StorageRead"
  }
}
`,
    guarded: 'azurerm_storage_account.data',
    guardedHcl: STORAGE,
  },
];

const providerOf = (g: Guard): string => (g.guard.startsWith('aws_') ? AWS_PROVIDER : AZURE_PROVIDER);

async function findings(files: Record<string, string>, rule: string) {
  const root = writeTree(files);
  const { decision } = await check([join(root, 'infra')], { today: TODAY });
  return decision.findings.filter((f) => f.rule_id === rule);
}

describe('a guard whose resource is not in the input is checked on its own', () => {
  test.each(guards.map((g) => [`${g.rule}: ${g.guard} ${g.hcl.includes('ip_rules') ? '(ip_rules)' : ''}`, g] as const))('%s', async (_name, g) => {
    const text = providerOf(g) + g.hcl;
    const alone = await findings({ 'infra/main.tf': text }, g.rule);
    expect(alone.map((f) => f.resource.address)).toEqual([g.guard]);
    expect(alone[0].message).toContain(g.guard);
    expect(alone[0].message).toContain('not in this input');
    expect(alone[0].resource.origin?.line).toBe(blockLine(text, g.guard));

    const together = await findings({ 'infra/main.tf': providerOf(g) + g.guardedHcl + g.hcl }, g.rule);
    expect(together.map((f) => f.resource.address)).toEqual([g.guarded]);
  });

  test('an account-level public access block with a flag off is reported on itself, buckets or not', async () => {
    const account = `resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = false
  restrict_public_buckets = true
}
`;
    for (const text of [AWS_PROVIDER + account, AWS_PROVIDER + BUCKET + account]) {
      const hits = await findings({ 'infra/main.tf': text }, 'aws-s3-public-access-block');
      const own = hits.filter((f) => f.resource.address === 'aws_s3_account_public_access_block.account');
      expect(own.map((f) => f.message)).toEqual([
        "Account public access block aws_s3_account_public_access_block.account does not block public access for the account's buckets: ignore_public_acls false",
      ]);
    }
  });
});

describe('the plan of a folder of lone AWS guards reports the same guards', () => {
  const tf = terraformAvailability();
  const maybe = tf.ok ? test : test.skip;
  if (!tf.ok) console.warn(`SKIPPED terraform plan of lone guards: ${tf.reason}`);

  maybe('HCL and plan findings on the guards are equal', async () => {
    const aws = guards.filter((g) => g.guard.startsWith('aws_'));
    const text = AWS_PROVIDER + aws.map((g) => g.hcl).join('\n');
    const plan = planFolder({ 'main.tf': text }, (tf as { mirror: string }).mirror);
    const rules = new Set(aws.map((g) => g.rule));
    const of = async (path: string) =>
      (await check([path], { today: TODAY })).decision.findings
        .filter((f) => rules.has(f.rule_id))
        .map((f) => `${f.rule_id} ${f.resource.address}`)
        .sort();
    const root = writeTree({ 'infra/main.tf': text });
    const fromHcl = await of(join(root, 'infra'));
    expect(fromHcl).toEqual(aws.map((g) => `${g.rule} ${g.guard}`).sort());
    expect(await of(plan)).toEqual(fromHcl);
  }, 300000);
});
