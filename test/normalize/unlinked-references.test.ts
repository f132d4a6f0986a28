// An attribute set from something the input cannot follow to a resource (a local value: a plan
// holds none; each.value; a module output built from a local) and unknown before apply is
// configured, not left to the provider. It read as unset: a Redshift cluster's parameter group
// from `local.parameter_group_name` (the terraform-aws-modules module) passed as the default
// group that requires SSL, and an SQS dead-letter queue's key from a local read as the
// AWS-managed default. Generated configurations, planned by a real offline `terraform plan`:
// the HCL folder and the plan beside it (which reads local values there) list the same
// attributes as unlinked, the ones the model says, and give the same findings; the plan alone
// leaves every attribute from a local open, and lists it as not checked.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/check';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

// module-instance: `module.keys_each[each.key].direct`, an instance picked by a key known per instance (a plan names `module.keys_each`);
// module-each: the queue in a module called with for_each over the key, `key = each.value`.
type Form = 'resource' | 'local-resource' | 'local-literal' | 'each' | 'module-output' | 'module-output-local' | 'conditional-local' | 'unset' | 'module-instance' | 'module-each';
/**
 * Unknown before apply and naming no resource the input can follow (the model): a plan alone
 * cannot follow a local value; the HCL folder, and a plan beside it, follow a local to what it
 * names; all three follow each.value to what the resource's for_each names.
 */
// each.value is followed to what the resource's for_each names, which a plan's configuration holds.
const UNLINKED_ALONE: ReadonlySet<Form> = new Set(['local-resource', 'module-output-local', 'conditional-local']);
const UNLINKED: ReadonlySet<Form> = new Set();

const KEYS = `output "direct" {\n  value = aws_kms_key.k.arn\n}\n\nlocals {\n  arn = aws_kms_key.k.arn\n}\n\noutput "via_local" {\n  value = local.arn\n}\n\nresource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n`;

const QUEUE = `variable "name" {}\n\nvariable "key" {}\n\nresource "aws_sqs_queue" "this" {\n  name              = var.name\n  kms_master_key_id = var.key\n  tags              = { "data-classification" = "pii" }\n}\n`;

function folder(forms: Form[]): { files: Record<string, string>; addresses: string[] } {
  const root = [
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}',
    'variable "enabled" {\n  default = true\n}',
    'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}',
    'locals {\n  key     = aws_kms_key.k.arn\n  literal = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n}',
    'module "keys" {\n  source = "./keys"\n}',
    'module "keys_each" {\n  source   = "./keys"\n  for_each = { a = 1 }\n}',
  ];
  const addresses: string[] = [];
  forms.forEach((f, i) => {
    const tags = '  tags = { "data-classification" = "pii" }';
    const queue = (key: string, extra = ''): string => `resource "aws_sqs_queue" "q${i}" {\n${extra}  name = "q${i}${extra ? '-${each.key}' : ''}"\n${key ? `  kms_master_key_id = ${key}\n` : ''}${tags}\n}`;
    switch (f) {
      case 'resource':
        addresses.push(`aws_sqs_queue.q${i}`);
        return root.push(queue('aws_kms_key.k.arn'));
      case 'local-resource':
        addresses.push(`aws_sqs_queue.q${i}`);
        return root.push(queue('local.key'));
      case 'local-literal':
        addresses.push(`aws_sqs_queue.q${i}`);
        return root.push(queue('local.literal'));
      case 'each':
        addresses.push(`aws_sqs_queue.q${i}["a"]`);
        return root.push(queue('each.value', '  for_each = { a = aws_kms_key.k.arn }\n'));
      case 'module-output':
        addresses.push(`aws_sqs_queue.q${i}`);
        return root.push(queue('module.keys.direct'));
      case 'module-output-local':
        addresses.push(`aws_sqs_queue.q${i}`);
        return root.push(queue('module.keys.via_local'));
      case 'conditional-local':
        addresses.push(`aws_sqs_queue.q${i}`);
        return root.push(queue('var.enabled ? local.key : null'));
      case 'unset':
        addresses.push(`aws_sqs_queue.q${i}`);
        return root.push(queue(''));
      case 'module-each':
        addresses.push(`module.q${i}["a"].aws_sqs_queue.this`);
        return root.push(`module "q${i}" {\n  source   = "./queue"\n  for_each = { a = aws_kms_key.k.arn }\n  name     = "q${i}"\n  key      = each.value\n}`);
      case 'module-instance':
        addresses.push(`aws_sqs_queue.q${i}["a"]`);
        return root.push(queue('module.keys_each[each.key].direct', '  for_each = { a = 1 }\n'));
    }
  });
  return { files: { 'main.tf': root.join('\n\n') + '\n', 'keys/main.tf': KEYS, 'queue/main.tf': QUEUE }, addresses };
}

/** Each queue's unlinked attributes, its aws-sqs-encryption message and whether the report names its key as not checked, by address. */
async function verdict(path: string): Promise<Record<string, { unlinked: string[]; finding: string | null; notChecked: boolean }>> {
  const input = normalize(await loadPaths([path]));
  const { decision } = await check([path], { today: '2026-11-28' });
  const out: Record<string, { unlinked: string[]; finding: string | null; notChecked: boolean }> = {};
  for (const r of Object.values(input.resources)) {
    if (r.type !== 'aws_sqs_queue') continue;
    const f = decision.findings.find((x) => x.rule_id === 'aws-sqs-encryption' && x.resource.address === r.address);
    const notChecked = (decision.not_checked ?? []).some((l) => l.startsWith(`${r.address} kms_master_key_id (`));
    out[r.address] = { unlinked: r.unlinked ?? [], finding: f ? f.message : null, notChecked };
  }
  return out;
}

(tf.ok ? describe : describe.skip)(`attributes set from what the input cannot follow, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('both sides list the same unlinked attributes as the model, and read them as set', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Form>('resource', 'local-resource', 'local-literal', 'each', 'module-output', 'module-output-local', 'conditional-local', 'unset', 'module-instance', 'module-each'), { minLength: 8, maxLength: 8 }), async (forms) => {
        const { files, addresses } = folder(forms);
        const hcl = await verdict(writeTree(files));
        const beside = planFolder(files, tf.ok ? tf.mirror : '');
        const plan = await verdict(beside);
        expect(hcl).toEqual(plan);
        const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
        copyFileSync(beside, alone);
        const apart = await verdict(alone);
        for (const [side, model] of [[plan, UNLINKED], [apart, UNLINKED_ALONE]] as const) {
          forms.forEach((f, i) => {
            const v = side[addresses[i]];
            expect({ form: f, unlinked: v.unlinked }).toEqual({ form: f, unlinked: model.has(f) ? ['kms_master_key_id'] : [] });
            // Read as set without its value being seen: the report says so (never a silent pass).
            expect({ form: f, notChecked: v.notChecked }).toEqual({ form: f, notChecked: model.has(f) });
            // Every key here is the customer-managed one (a local, each.value, a module output all
            // carry its ARN): linked or unlinked, it reads as set, never as AWS's; unset, it is AWS's.
            expect({ form: f, finding: v.finding }).toEqual({ form: f, finding: f === 'unset' ? expect.any(String) : null });
          });
        }
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});

// A plan holds no local values: an attribute the provider computes (an RDS instance's
// parameter group) shows unknown in it whether the local was a resource's attribute or null.
// Beside the folder it was made from, the plan reads there which (load/plan-source.ts) and
// gives the HCL verdict; alone, it cannot tell, and the attribute stays open.
type Group = 'null-local' | 'empty-local' | 'group-local' | 'literal' | 'unset';
// Beside the folder the local is followed to what it names: the parameter group (linked), or nothing set.
const OPEN_IN_FOLDER: ReadonlySet<Group> = new Set();
const OPEN_ALONE: ReadonlySet<Group> = new Set(['null-local', 'empty-local', 'group-local']);

function rdsFolder(groups: Group[]): Record<string, string> {
  const root = [
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}',
    'resource "aws_db_parameter_group" "p" {\n  name_prefix = "orders-"\n  family      = "postgres16"\n}',
    'locals {\n  none  = null\n  empty = ""\n  group = aws_db_parameter_group.p.id\n}',
  ];
  groups.forEach((g, i) => {
    const value = { 'null-local': 'local.none', 'empty-local': 'local.empty', 'group-local': 'local.group', literal: '"orders-pg"', unset: '' }[g];
    root.push(
      `resource "aws_db_instance" "d${i}" {\n  identifier = "d${i}"\n  engine = "postgres"\n  engine_version = "16.3"\n  instance_class = "db.t3.micro"\n  allocated_storage = 20\n  username = "app"\n  manage_master_user_password = true\n  storage_encrypted = true\n${value ? `  parameter_group_name = ${value}\n` : ''}}`,
    );
  });
  return { 'main.tf': root.join('\n\n') + '\n' };
}

async function openGroups(path: string): Promise<Record<string, boolean>> {
  const input = normalize(await loadPaths([path]));
  const out: Record<string, boolean> = {};
  for (const r of Object.values(input.resources)) if (r.type === 'aws_db_instance') out[r.address] = (r.unlinked ?? []).includes('parameter_group_name');
  return out;
}

(tf.ok ? describe : describe.skip)(`a computed attribute set from a local, plan beside its folder and alone (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('beside its folder the plan reads the local as HCL does; alone it leaves the attribute open', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Group>('null-local', 'empty-local', 'group-local', 'literal', 'unset'), { minLength: 6, maxLength: 6 }), async (groups) => {
        const files = rdsFolder(groups);
        const plan = planFolder(files, tf.ok ? tf.mirror : '');
        const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
        copyFileSync(plan, alone);
        const model = (set: ReadonlySet<Group>): Record<string, boolean> => Object.fromEntries(groups.map((g, i) => [`aws_db_instance.d${i}`, set.has(g)]));
        expect(dirname(plan)).not.toBe(dirname(alone));
        expect(await openGroups(writeTree(files))).toEqual(model(OPEN_IN_FOLDER));
        expect(await openGroups(plan)).toEqual(model(OPEN_IN_FOLDER));
        expect(await openGroups(alone)).toEqual(model(OPEN_ALONE));
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});
