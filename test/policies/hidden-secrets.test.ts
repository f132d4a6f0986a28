// A value from a sensitive variable mixed into what the secret scan reads (a Lambda
// environment, an ECS task definition) can make Terraform hide the whole of it: the map built by
// merge() or a conditional, the one passed through a typed module variable into a dynamic
// block, the JSON text jsonencode() writes. A credential pasted in clear text beside it is then
// hidden from the scan, in the plan and in HCL alike. That must be reported as not checked,
// never pass in silence; a single setting from a sensitive variable (a secret passed as it
// should be) hides nothing else and is not reported. Generated configurations, written every
// way, planned by a real offline `terraform plan`.
import fc from 'fast-check';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { givenAtPlanTime, planFolder, terraformAvailability } from '../helpers/terraform';

const RULE = 'aws-secret-in-code';
const tf = terraformAvailability();

type Form = 'literal' | 'element' | 'sensitive-fn' | 'merge' | 'conditional' | 'module' | 'jsonencode' | 'jsonencode-plain' | 'set' | 'set-plain';
interface Setting {
  form: Form;
  secret: boolean;
}
/** Forms Terraform hides as a whole (the model both sides are held to). */
const HIDDEN: ReadonlySet<Form> = new Set(['sensitive-fn', 'merge', 'conditional', 'module', 'jsonencode', 'set']);
/**
 * Of those, where the literals written beside the sensitive value are still read: a set of
 * blocks is hidden whole in the values, but a plan's configuration holds each block's
 * expressions (and the HCL path writes them so), so a literal credential in another block is found.
 */
const READ_BESIDE: ReadonlySet<Form> = new Set(['set']);

const setting = fc.record({
  form: fc.constantFrom<Form>('literal', 'element', 'sensitive-fn', 'merge', 'conditional', 'module', 'jsonencode', 'jsonencode-plain', 'set', 'set-plain'),
  secret: fc.boolean(),
});

const value = (s: Setting): string => (s.secret ? 'AKIA2E0A8F3B244C9986' : 'orders.internal');
const LAMBDA = 'role = "arn:aws:iam::111122223333:role/fn"\n  filename = "fn.zip"\n  handler = "index.handler"\n  runtime = "nodejs20.x"';

/** The module of the cloudposse Lambda function: an object-typed input, its variables in a dynamic block. */
const MODULE = `variable "name" {
  type = string
}
variable "env" {
  type    = object({ variables = map(string) })
  default = null
}
resource "aws_lambda_function" "this" {
  function_name = var.name
  ${LAMBDA}
  dynamic "environment" {
    for_each = var.env != null ? [var.env] : []
    content {
      variables = environment.value.variables
    }
  }
}
`;

function folder(settings: Setting[]): { files: Record<string, string>; addresses: string[] } {
  const parts = [
    'provider "aws" {',
    '  region                      = "us-west-2"',
    '  skip_credentials_validation = true',
    '  skip_requesting_account_id  = true',
    '  skip_metadata_api_check     = true',
    '}',
    // Given at plan time (TF_VAR_, below), as a pipeline gives secrets: a default is in the repository.
    'variable "pw" {\n  type      = string\n  sensitive = true\n}',
    'variable "base" {\n  type      = map(string)\n  sensitive = true\n}',
  ];
  const addresses: string[] = [];
  settings.forEach((s, i) => {
    const v = `"${value(s)}"`;
    const lambda = (variables: string): string => {
      addresses.push(`aws_lambda_function.f${i}`);
      return `resource "aws_lambda_function" "f${i}" {\n  function_name = "f${i}"\n  ${LAMBDA}\n  environment {\n    variables = ${variables}\n  }\n}`;
    };
    const task = (environment: string): string => {
      addresses.push(`aws_ecs_task_definition.t${i}`);
      return `resource "aws_ecs_task_definition" "t${i}" {\n  family = "t${i}"\n  container_definitions = jsonencode([{ name = "app", image = "app:1", environment = [${environment}] }])\n}`;
    };
    // A set of blocks: one sensitive value in it hides the whole set (cty marks the set).
    const beanstalk = (settings: string[]): string => {
      addresses.push(`aws_elastic_beanstalk_environment.e${i}`);
      const blocks = settings.map((x) => `  setting {\n    namespace = "aws:elasticbeanstalk:application:environment"\n    ${x}\n  }`);
      return `resource "aws_elastic_beanstalk_environment" "e${i}" {\n  name = "e${i}"\n  application = "shop"\n  solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"\n${blocks.join('\n')}\n}`;
    };
    switch (s.form) {
      case 'literal':
        return parts.push(lambda(`{ SETTING = ${v} }`));
      case 'element':
        return parts.push(lambda(`{ DB_PASSWORD = var.pw, SETTING = ${v} }`));
      case 'sensitive-fn':
        return parts.push(lambda(`sensitive({ SETTING = ${v} })`));
      case 'merge':
        return parts.push(lambda(`merge(var.base, { SETTING = ${v} })`));
      case 'conditional':
        return parts.push(lambda(`var.pw != "" ? { SETTING = ${v} } : {}`));
      case 'module':
        addresses.push(`module.m${i}.aws_lambda_function.this`);
        return parts.push(`module "m${i}" {\n  source = "./fn"\n  name   = "m${i}"\n  env    = { variables = { DB_PASSWORD = var.pw, SETTING = ${v} } }\n}`);
      case 'jsonencode':
        return parts.push(task(`{ name = "DB_PASSWORD", value = var.pw }, { name = "SETTING", value = ${v} }`));
      case 'jsonencode-plain':
        return parts.push(task(`{ name = "SETTING", value = ${v} }`));
      case 'set':
        return parts.push(beanstalk(['name = "DB_PASSWORD"\n    value = var.pw', `name = "SETTING"\n    value = ${v}`]));
      case 'set-plain':
        return parts.push(beanstalk([`name = "SETTING"\n    value = ${v}`]));
    }
  });
  return { files: { 'main.tf': parts.join('\n\n') + '\n', 'fn/main.tf': MODULE }, addresses };
}

/** The resources flagged for a secret, and those whose scanned value was reported as not checked, by address. */
async function verdict(path: string): Promise<{ flagged: string[]; notChecked: string[] }> {
  const { decision, warnings } = await check([path], { today: '2026-11-28' });
  expect(decision.not_checked ?? []).toEqual(warnings.filter((w) => w.startsWith('not checked: ')).map((w) => w.slice('not checked: '.length)));
  return {
    flagged: decision.findings.filter((f) => f.rule_id === RULE).map((f) => f.resource.address).sort(),
    notChecked: warnings.flatMap((w) => /^not checked: (\S+) (?:environment\.variables|container_definitions|setting) .*neither by the secret scan nor by a rule/.exec(w)?.[1] ?? []).sort(),
  };
}

(tf.ok ? describe : describe.skip)(`values hidden from the secret scan, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  // The sensitive root variables, given at plan time.
  givenAtPlanTime({ pw: 'correct-horse-battery-staple-42', base: '{ DB_PASSWORD = "correct-horse-battery-staple-42" }' });
  test('a setting hidden as a whole is reported as not checked on both sides; every other is scanned', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(setting, { minLength: 10, maxLength: 10 }), async (settings) => {
        const { files, addresses } = folder(settings);
        const hidden = addresses.filter((_, i) => HIDDEN.has(settings[i].form)).sort();
        const flagged = addresses.filter((_, i) => settings[i].secret && (!HIDDEN.has(settings[i].form) || READ_BESIDE.has(settings[i].form))).sort();
        expect(await verdict(writeTree(files))).toEqual({ flagged, notChecked: hidden });
        expect(await verdict(planFolder(files, tf.ok ? tf.mirror : ''))).toEqual({ flagged, notChecked: hidden });
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});
