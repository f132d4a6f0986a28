// A secret the code gives through a sensitive variable into a document the secret scan reads (a
// function's environment entry): a payment token committed in terraform.tfvars, passed on into a
// module, had been flagged in HCL and passed beside its plan (the plan hides the entry; an audit
// of a food-ordering app). Every way of giving it, in one real offline terraform plan: HCL and the
// plan beside its folder flag exactly the values the code gives; a plan alone flags a root
// variable's default and a module's constant, none it cannot tell (a tfvars value is a -var value to it).
import { check } from '../../src/check';
import { givenAtPlanTime, terraformAvailability, threeWays } from '../helpers/terraform';

const tf = terraformAvailability();
const TOKEN = 'EAAAEP55Sq3kT9vLx2QmZr8WcYd4NbHjU7fGa1sK';

// `tfvars`: a sensitive root variable given by the folder's terraform.tfvars; `default`: by its
// default; `plan-time`: by TF_VAR_ (not in the code); `module-literal`: a literal the caller passes
// to a sensitive module variable; `module-tfvars`: a tfvars value passed on into the module.
type Form = 'tfvars' | 'default' | 'plan-time' | 'module-literal' | 'module-tfvars';
const FORMS: Form[] = ['tfvars', 'default', 'plan-time', 'module-literal', 'module-tfvars'];
const FLAGGED: Form[] = ['tfvars', 'default', 'module-literal', 'module-tfvars'];

function folder(forms: Form[]): { files: Record<string, string>; addresses: string[] } {
  const head = 'provider "aws" {\n  region = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}';
  const fn = (name: string, value: string): string =>
    `resource "aws_lambda_function" "${name}" {\n  function_name = "${name}"\n  role = "arn:aws:iam::123456789012:role/lambda"\n  handler = "index.handler"\n  runtime = "nodejs20.x"\n  filename = "\${path.module}/fn.zip"\n  environment {\n    variables = {\n      ORDERS_TABLE = "orders"\n      PAYMENT_TOKEN = ${value}\n    }\n  }\n}`;
  const parts = [head];
  const tfvars: string[] = [];
  const addresses: string[] = [];
  const files: Record<string, string> = { 'fn.zip': 'stand-in', 'mod/fn.zip': 'stand-in', 'mod/main.tf': `variable "token" {\n  type = string\n  sensitive = true\n}\nvariable "name" {\n  type = string\n}\n\n${fn('this', 'var.token').replace('"this"', '"this"').replace('function_name = "this"', 'function_name = var.name')}\n` };
  forms.forEach((form, i) => {
    const module = form.startsWith('module-');
    if (form !== 'module-literal') parts.push(`variable "t${i}" {\n  type = string\n  sensitive = true\n${form === 'default' ? `  default = "${TOKEN}"\n` : ''}}`);
    if (form === 'tfvars' || form === 'module-tfvars') tfvars.push(`t${i} = "${TOKEN}"`);
    if (module) {
      parts.push(`module "m${i}" {\n  source = "./mod"\n  name = "m${i}"\n  token = ${form === 'module-literal' ? `"${TOKEN}"` : `var.t${i}`}\n}`);
      addresses.push(`module.m${i}.aws_lambda_function.this`);
    } else {
      parts.push(fn(`f${i}`, `var.t${i}`));
      addresses.push(`aws_lambda_function.f${i}`);
    }
  });
  if (tfvars.length > 0) files['terraform.tfvars'] = tfvars.join('\n') + '\n';
  return { files: { ...files, 'main.tf': parts.join('\n\n') + '\n' }, addresses };
}

async function flagged(path: string): Promise<string[]> {
  const { decision } = await check([path], { today: '2026-11-28' });
  return decision.findings.filter((f) => f.rule_id === 'aws-secret-in-code').map((f) => f.resource.address).sort();
}

(tf.ok ? describe : describe.skip)(`a secret the code gives a function's environment through a sensitive variable, HCL vs terraform plan (${tf.ok ? 'every form' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  givenAtPlanTime(Object.fromEntries(FORMS.flatMap((f, i) => (f === 'plan-time' ? [[`t${i}`, TOKEN]] : []))));

  test('HCL and the plan beside its folder flag exactly what the code gives; a plan alone what its configuration holds', async () => {
    const { files, addresses } = folder(FORMS);
    const of = (forms: Form[]): string[] => addresses.filter((_, i) => forms.includes(FORMS[i])).sort();
    const { hcl, beside, alone } = threeWays(files, tf.ok ? tf.mirror : '');
    expect(await flagged(hcl)).toEqual(of(FLAGGED));
    expect(await flagged(beside)).toEqual(of(FLAGGED));
    // Alone: a module's constant the plan's configuration holds, never a value it cannot tell from a -var one.
    expect(await flagged(alone)).toEqual(of(['default', 'module-literal']));
  }, 300_000);
});
