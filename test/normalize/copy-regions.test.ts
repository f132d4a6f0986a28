// Copies of a resource's data in other regions (a DynamoDB table's or a secret's replicas) put
// it in those regions' scopes, so the every-region rules ask for a detector and a recorder
// there (a table replicated to eu-west-1 passed with GuardDuty in us-east-1 alone; found by an
// audit). A list of copies the provider computes (a secret with no replica shows `replica`
// unknown in every plan) is no copy: read as one in an unknown region, it made a blocking
// "(region unknown)" finding nothing could fix. Generated folders, planned by a real offline
// `terraform plan`: HCL, the plan beside its folder and the plan alone give the regions the
// model says.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { UNKNOWN_REGION } from '../../src/normalize/scopes';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Form = 'none' | 'dynamic-empty' | 'literal' | 'dynamic-var' | 'apply-time';
type Kind = 'secret' | 'table';

/** The replica blocks of each form, and the regions the model puts the copies in. */
const FORMS: Record<Form, { block: (attr: string) => string; regions: string[] }> = {
  none: { block: () => '', regions: [] },
  'dynamic-empty': { block: (a) => `  dynamic "replica" {\n    for_each = var.none\n    content {\n      ${a} = replica.value\n    }\n  }\n`, regions: [] },
  literal: { block: (a) => `  replica {\n    ${a} = "eu-west-1"\n  }\n`, regions: ['eu-west-1'] },
  'dynamic-var': { block: (a) => `  dynamic "replica" {\n    for_each = var.replicas\n    content {\n      ${a} = replica.value\n    }\n  }\n`, regions: ['ap-south-1', 'us-west-2'] },
  'apply-time': { block: (a) => `  replica {\n    ${a} = terraform_data.region.output\n  }\n`, regions: [UNKNOWN_REGION] },
};

function folder(items: Array<{ kind: Kind; form: Form }>): Record<string, string> {
  const parts = [
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}',
    'variable "none" {\n  type    = map(string)\n  default = {}\n}',
    'variable "replicas" {\n  type    = map(string)\n  default = { a = "us-west-2", b = "ap-south-1" }\n}',
    'resource "terraform_data" "region" {\n  input = "eu-central-1"\n}',
  ];
  items.forEach(({ kind, form }, i) => {
    if (kind === 'secret') parts.push(`resource "aws_secretsmanager_secret" "s${i}" {\n  name = "s${i}"\n${FORMS[form].block('region')}}`);
    else
      parts.push(
        `resource "aws_dynamodb_table" "t${i}" {\n  name             = "t${i}"\n  hash_key         = "id"\n  billing_mode     = "PAY_PER_REQUEST"\n  stream_enabled   = true\n  stream_view_type = "NEW_AND_OLD_IMAGES"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n${FORMS[form].block('region_name')}}`,
      );
  });
  return { 'main.tf': parts.join('\n\n') + '\n' };
}

/** The region scopes of the input (besides us-east-1, where every resource is). */
async function scopes(path: string): Promise<string[]> {
  const input = normalize(await loadPaths([path]));
  return Object.keys(input.scopes.aws?.regions ?? {}).filter((r) => r !== 'us-east-1').sort();
}

(tf.ok ? describe : describe.skip)(`regions of replicas, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('HCL, the plan beside its folder and the plan alone put the copies in the regions the model says, and none where there is none', async () => {
    const item = fc.record({ kind: fc.constantFrom<Kind>('secret', 'table'), form: fc.constantFrom<Form>('none', 'dynamic-empty', 'literal', 'dynamic-var', 'apply-time') });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 4, maxLength: 4 }), async (items) => {
        const files = folder(items);
        const expected = [...new Set(items.flatMap((it) => FORMS[it.form].regions))].sort();
        const beside = planFolder(files, tf.ok ? tf.mirror : '');
        const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
        copyFileSync(beside, alone);
        expect(await scopes(writeTree(files))).toEqual(expected);
        expect(await scopes(beside)).toEqual(expected);
        // A plan's configuration leaves dynamic blocks out: alone, their regions are read from the values.
        expect(await scopes(alone)).toEqual(expected);
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 3, endOnFailure: true, examples: [[[{ kind: 'secret', form: 'none' }, { kind: 'secret', form: 'dynamic-empty' }, { kind: 'table', form: 'none' }, { kind: 'table', form: 'dynamic-empty' }]]] },
    );
  }, 300_000);
});
