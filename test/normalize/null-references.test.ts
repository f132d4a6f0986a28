// An attribute whose expression names a resource but whose value is known to be null (the
// branch of a conditional not taken, `one()` of a resource counted to zero) links nothing. It
// read as set: `kms_key_id = var.cmk ? aws_kms_key.k.arn : null` with cmk false passed as
// encrypted with the key, in HCL and in a plan alike (a silent pass on both sides). Generated
// configurations, planned by a real offline `terraform plan`: the HCL folder, the plan beside it
// and the plan alone give the same findings, the ones the model says (a finding exactly where
// the key is null).
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Form = 'then' | 'else' | 'one-counted' | 'local-conditional' | 'direct' | 'unset';

interface Case {
  form: Form;
  on: boolean;
  kind: 'log' | 'queue';
}

/** The expression of each form, and whether its value is null (the model). */
const EXPRESSIONS: Record<Form, (i: number, on: boolean) => { text: string; isNull: boolean }> = {
  then: (i, on) => ({ text: `var.on${i} ? aws_kms_key.k.arn : null`, isNull: !on }),
  else: (i, on) => ({ text: `var.on${i} ? null : aws_kms_key.k.arn`, isNull: on }),
  'one-counted': (i, on) => ({ text: `one(aws_kms_key.opt${i}[*].arn)`, isNull: !on }),
  'local-conditional': (i, on) => ({ text: `local.key${i}`, isNull: !on }),
  direct: () => ({ text: 'aws_kms_key.k.arn', isNull: false }),
  unset: () => ({ text: '', isNull: true }),
};

const RULE = { log: 'aws-log-group-kms', queue: 'aws-sqs-encryption' } as const;

function folder(cases: Case[]): { files: Record<string, string>; expected: string[] } {
  const root = [
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}',
    'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}',
  ];
  const expected: string[] = [];
  cases.forEach(({ form, on, kind }, i) => {
    const { text, isNull } = EXPRESSIONS[form](i, on);
    root.push(`variable "on${i}" {\n  default = ${on}\n}`);
    if (form === 'one-counted') root.push(`resource "aws_kms_key" "opt${i}" {\n  count               = var.on${i} ? 1 : 0\n  enable_key_rotation = true\n}`);
    if (form === 'local-conditional') root.push(`locals {\n  key${i} = var.on${i} ? aws_kms_key.k.arn : null\n}`);
    const key = text ? `  ${kind === 'log' ? 'kms_key_id' : 'kms_master_key_id'} = ${text}\n` : '';
    const tags = '  tags = { "data-classification" = "pii", owner = "shop", environment = "prod" }\n';
    if (kind === 'log') root.push(`resource "aws_cloudwatch_log_group" "r${i}" {\n  name              = "r${i}"\n  retention_in_days = 365\n${key}${tags}}`);
    else root.push(`resource "aws_sqs_queue" "r${i}" {\n  name = "r${i}"\n${key}${tags}}`);
    if (isNull) expected.push(`${RULE[kind]} ${kind === 'log' ? 'aws_cloudwatch_log_group' : 'aws_sqs_queue'}.r${i}`);
  });
  return { files: { 'main.tf': root.join('\n\n') + '\n' }, expected: expected.sort() };
}

/** The key findings of a path: `rule address`, sorted. */
async function keyFindings(path: string): Promise<string[]> {
  const { decision } = await check([path], { today: '2026-11-28' });
  return decision.findings
    .filter((f) => f.rule_id === RULE.log || f.rule_id === RULE.queue)
    .map((f) => `${f.rule_id} ${f.resource.address}`)
    .sort();
}

(tf.ok ? describe : describe.skip)(`a reference whose value is known null links nothing, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('HCL, the plan beside its folder and the plan alone find a missing key exactly where the model says', async () => {
    const aCase = fc.record<Case>({ form: fc.constantFrom<Form>('then', 'else', 'one-counted', 'local-conditional', 'direct', 'unset'), on: fc.boolean(), kind: fc.constantFrom<'log' | 'queue'>('log', 'queue') });
    await fc.assert(
      fc.asyncProperty(fc.array(aCase, { minLength: 8, maxLength: 8 }), async (cases) => {
        const { files, expected } = folder(cases);
        const beside = planFolder(files, tf.ok ? tf.mirror : '');
        const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
        copyFileSync(beside, alone);
        expect(await keyFindings(writeTree(files))).toEqual(expected);
        expect(await keyFindings(beside)).toEqual(expected);
        expect(await keyFindings(alone)).toEqual(expected);
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 3, endOnFailure: true },
    );
  }, 300_000);
});

// The same through a module's for_each over a map whose entries set a key or not (the
// terraform-aws-ssm-parameter example: `key_id = try(each.value.key_id, null)`): the module's
// attribute names, by its variable, what every entry of the for_each names, but in an entry
// without a key its value is known null. It linked the other entries' key, and a SecureString
// parameter and a log group under the AWS-managed key passed in HCL and beside the plan (found
// by an audit). Where the provider computes the attribute (SSM's key_id), a plan alone shows it
// unknown and cannot tell: it names it as not checked, never passes it silently.
const ENTRY_RULE = { ssm: 'aws-ssm-parameter-secure', log: 'aws-log-group-kms' } as const;

function moduleFolder(kind: 'ssm' | 'log', keyed: boolean[]): { files: Record<string, string>; expected: string[]; addresses: string[] } {
  const entries = keyed.map((k, i) => `    e${i} = {${k ? ' key = aws_kms_key.k.arn ' : ''}}`).join('\n');
  const resource =
    kind === 'ssm'
      ? 'resource "aws_ssm_parameter" "p" {\n  name   = var.name\n  type   = "SecureString"\n  value  = "not-a-secret-value"\n  key_id = var.key\n  tags   = { "data-classification" = "pii", owner = "shop", environment = "prod" }\n}\n'
      : 'resource "aws_cloudwatch_log_group" "p" {\n  name              = var.name\n  retention_in_days = 365\n  kms_key_id        = var.key\n  tags              = { "data-classification" = "pii", owner = "shop", environment = "prod" }\n}\n';
  const type = kind === 'ssm' ? 'aws_ssm_parameter' : 'aws_cloudwatch_log_group';
  const addresses = keyed.map((_, i) => `module.m["e${i}"].${type}.p`);
  return {
    files: {
      'main.tf': [
        'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}',
        'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}',
        `locals {\n  entries = {\n${entries}\n  }\n}`,
        'module "m" {\n  source   = "./m"\n  for_each = local.entries\n  name     = each.key\n  key      = try(each.value.key, null)\n}',
      ].join('\n\n') + '\n',
      'm/main.tf': `variable "name" {\n  type = string\n}\n\nvariable "key" {\n  type    = string\n  default = null\n}\n\n${resource}`,
    },
    expected: addresses.filter((_, i) => !keyed[i]).sort(),
    addresses,
  };
}

(tf.ok ? describe : describe.skip)(`a module's for_each entry whose key is null links nothing, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('HCL and the plan beside its folder flag exactly the entries without a key; the plan alone flags them or names them as not checked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<'ssm' | 'log'>('ssm', 'log'), fc.array(fc.boolean(), { minLength: 3, maxLength: 5 }), async (kind, keyed) => {
        const { files, expected, addresses } = moduleFolder(kind, keyed);
        const flagged = async (path: string): Promise<{ flagged: string[]; notChecked: string[] }> => {
          const { decision } = await check([path], { today: '2026-11-28' });
          return {
            flagged: decision.findings.filter((f) => f.rule_id === ENTRY_RULE[kind]).map((f) => f.resource.address).sort(),
            notChecked: addresses.filter((a) => (decision.not_checked ?? []).some((l) => l.startsWith(`${a} `))).sort(),
          };
        };
        const beside = planFolder(files, tf.ok ? tf.mirror : '');
        const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
        copyFileSync(beside, alone);
        expect((await flagged(writeTree(files))).flagged).toEqual(expected);
        expect((await flagged(beside)).flagged).toEqual(expected);
        const a = await flagged(alone);
        // Every entry without a key is flagged or named; none with one is flagged.
        expect(expected.filter((x) => !a.flagged.includes(x) && !a.notChecked.includes(x))).toEqual([]);
        expect(a.flagged.filter((x) => !expected.includes(x))).toEqual([]);
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 3, endOnFailure: true, examples: [['ssm', [false, true, false]], ['log', [true, false]]] },
    );
  }, 300_000);
});
