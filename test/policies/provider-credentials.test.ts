// Provider credentials through root variables, every form, in one real offline terraform plan. A
// key a pipeline passes at plan time (TF_VAR_, -var) had blocked in HCL as written in the
// repository, and one written as the variable's default had passed in every plan (an audit of an
// e-commerce project's provider block). Providers now follow the rule resources do: a literal, or
// a root variable whose value the code gives (its default, an auto-loaded tfvars file) is flagged;
// one given at plan time is not. A plan alone cannot tell an auto-loaded tfvars value from one
// given by -var (as for resources: test/policies/credentials-in-code.test.ts).
import { check } from '../../src/check';
import { givenAtPlanTime, terraformAvailability, threeWays } from '../helpers/terraform';

const tf = terraformAvailability();

type Form = 'literal' | 'root-default' | 'root-tfvars' | 'plan-time' | 'environment';
const FORMS: Form[] = ['literal', 'root-default', 'root-tfvars', 'plan-time', 'environment'];
const FLAGGED: Form[] = ['literal', 'root-default', 'root-tfvars'];
const UNSEEN_ALONE: Form[] = ['root-tfvars'];
// An access key id per provider (the pattern the scan knows), and a secret key.
const keyId = (i: number): string => `AKIA${String(i).padStart(2, '0')}EXAMPLE7Q2ZR5TX`.slice(0, 20);
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9Lp4ExMp';

function folder(forms: Form[]): { files: Record<string, string>; subjects: string[] } {
  const parts: string[] = [];
  const tfvars: string[] = [];
  forms.forEach((form, i) => {
    const alias = `p${i}`;
    let creds = '';
    if (form === 'literal') creds = `  access_key = "${keyId(i)}"\n  secret_key = "${SECRET}"\n`;
    else if (form !== 'environment') {
      parts.push(`variable "key${i}" {\n  type = string\n${form === 'root-default' ? `  default = "${keyId(i)}"\n` : ''}}\n\nvariable "secret${i}" {\n  type = string\n  sensitive = true\n${form === 'root-default' ? `  default = "${SECRET}"\n` : ''}}`);
      if (form === 'root-tfvars') tfvars.push(`key${i} = "${keyId(i)}"`, `secret${i} = "${SECRET}"`);
      creds = `  access_key = var.key${i}\n  secret_key = var.secret${i}\n`;
    }
    parts.push(`provider "aws" {\n  alias = "${alias}"\n  region = "us-east-1"\n${creds}  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}\n\nresource "aws_sqs_queue" "q${i}" {\n  provider = aws.${alias}\n  name = "q${i}"\n  sqs_managed_sse_enabled = true\n}`);
  });
  const head = 'provider "aws" {\n  region = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}';
  return {
    files: { 'main.tf': [head, ...parts].join('\n\n') + '\n', ...(tfvars.length > 0 ? { 'terraform.tfvars': tfvars.join('\n') + '\n' } : {}) },
    subjects: forms.map((_, i) => `provider.aws.p${i}`),
  };
}

async function flagged(path: string): Promise<string[]> {
  const { decision } = await check([path], { today: '2026-11-28' });
  return decision.findings.filter((f) => f.rule_id === 'aws-secret-in-code').map((f) => f.resource.address).sort();
}

(tf.ok ? describe : describe.skip)(`provider credentials through root variables, HCL vs terraform plan (${tf.ok ? 'every form' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  // The plan-time form's variables, as a pipeline gives them.
  givenAtPlanTime(Object.fromEntries(FORMS.flatMap((f, i) => (f === 'plan-time' ? [[`key${i}`, keyId(i)], [`secret${i}`, SECRET]] : []))));

  test('HCL and the plan beside its folder flag the credentials the code gives; a plan alone those it can tell', async () => {
    const { files, subjects } = folder(FORMS);
    const of = (forms: Form[]): string[] => subjects.filter((_, i) => forms.includes(FORMS[i])).sort();
    const { hcl, beside, alone } = threeWays(files, tf.ok ? tf.mirror : '');
    expect(await flagged(hcl)).toEqual(of(FLAGGED));
    expect(await flagged(beside)).toEqual(of(FLAGGED));
    expect(await flagged(alone)).toEqual(of(FLAGGED.filter((f) => !UNSEEN_ALONE.includes(f))));
  }, 300_000);
});
