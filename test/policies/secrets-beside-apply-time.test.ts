// A literal secret written beside a value only apply knows (DB_HOST = the queue's URL, the
// database's address) leaves the whole document unknown before apply: jsonencode of a partly
// unknown value is unknown, a plan marks a map with one unknown entry unknown as a whole. It had
// passed on every side with no not-checked line (an audit of an e-commerce app's ECS services).
// Every kind of document the secret scan reads × every form, in one real offline terraform plan:
// HCL and the plan beside its folder flag the literal; a plan alone, which holds none of that
// text, names the document as not checked; a document without a secret is flagged nowhere.
import { check } from '../../src/check';
import { terraformAvailability, threeWays } from '../helpers/terraform';

const tf = terraformAvailability();
const SECRET = 'Sup3rS3cretDbPass!';
const UNSEEN = 'written with a value only apply knows, so the text as a whole is unknown before apply';

type Kind = 'lambda-environment' | 'ecs-container-definitions' | 'batch-container-properties' | 'instance-user-data';
// `beside-apply`: the secret beside a value only apply knows; `literal`: the secret, everything else known;
// `apply-only`: a value only apply knows, no secret.
type Form = 'beside-apply' | 'literal' | 'apply-only';
const KINDS: Kind[] = ['lambda-environment', 'ecs-container-definitions', 'batch-container-properties', 'instance-user-data'];
const FORMS: Form[] = ['beside-apply', 'literal', 'apply-only'];

function resource(kind: Kind, form: Form, i: number): { address: string; hcl: string } {
  const host = form === 'literal' ? '"db.internal"' : 'aws_sqs_queue.q.url';
  const password = form === 'apply-only' ? '"orders"' : `"${SECRET}"`;
  switch (kind) {
    case 'lambda-environment':
      return {
        address: `aws_lambda_function.r${i}`,
        hcl: `resource "aws_lambda_function" "r${i}" {\n  function_name = "r${i}"\n  role = "arn:aws:iam::123456789012:role/lambda"\n  handler = "index.handler"\n  runtime = "nodejs20.x"\n  filename = "fn.zip"\n  environment {\n    variables = {\n      DB_HOST = ${host}\n      DB_PASSWORD = ${password}\n    }\n  }\n}`,
      };
    case 'ecs-container-definitions':
      return {
        address: `aws_ecs_task_definition.r${i}`,
        hcl: `resource "aws_ecs_task_definition" "r${i}" {\n  family = "r${i}"\n  container_definitions = jsonencode([{\n    name = "orders"\n    image = "orders:1"\n    essential = true\n    environment = [\n      { name = "DB_HOST", value = ${host} },\n      { name = "DB_PASSWORD", value = ${password} },\n    ]\n  }])\n}`,
      };
    case 'batch-container-properties':
      return {
        address: `aws_batch_job_definition.r${i}`,
        hcl: `resource "aws_batch_job_definition" "r${i}" {\n  name = "r${i}"\n  type = "container"\n  container_properties = jsonencode({\n    image = "orders:1"\n    command = ["run"]\n    resourceRequirements = [{ type = "VCPU", value = "1" }, { type = "MEMORY", value = "512" }]\n    environment = [\n      { name = "DB_HOST", value = ${host} },\n      { name = "DB_PASSWORD", value = ${password} },\n    ]\n  })\n}`,
      };
    case 'instance-user-data':
      return {
        address: `aws_instance.r${i}`,
        hcl: `resource "aws_instance" "r${i}" {\n  ami = "ami-0123456789abcdef0"\n  instance_type = "t3.micro"\n  user_data = <<-EOT\n    #!/bin/bash\n    export DB_HOST=\${${host}}\n    export DB_PASSWORD=\${${password}}\n  EOT\n}`,
      };
  }
}

function folder(items: Array<{ kind: Kind; form: Form }>): { files: Record<string, string>; addresses: string[] } {
  const head = 'provider "aws" {\n  region = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "orders"\n}\n';
  const rs = items.map(({ kind, form }, i) => resource(kind, form, i));
  return { files: { 'main.tf': [head, ...rs.map((r) => r.hcl)].join('\n\n') + '\n', 'fn.zip': 'stand-in' }, addresses: rs.map((r) => r.address) };
}

async function verdict(path: string): Promise<{ flagged: string[]; unseen: string[] }> {
  const { decision } = await check([path], { today: '2026-11-28' });
  return {
    flagged: decision.findings.filter((f) => f.rule_id === 'aws-secret-in-code').map((f) => f.resource.address).sort(),
    unseen: (decision.not_checked ?? []).filter((l) => l.includes(UNSEEN)).map((l) => l.split(' ')[0]).sort(),
  };
}

(tf.ok ? describe : describe.skip)(`a secret beside a value only apply knows, HCL vs terraform plan (${tf.ok ? 'every kind × form' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('HCL and the plan beside its folder flag it; a plan alone names the document as not checked', async () => {
    const items = KINDS.flatMap((kind) => FORMS.map((form) => ({ kind, form })));
    const { files, addresses } = folder(items);
    const of = (forms: Form[]): string[] => addresses.filter((_, i) => forms.includes(items[i].form)).sort();
    const { hcl, beside, alone } = threeWays(files, tf.ok ? tf.mirror : '');
    expect(await verdict(hcl)).toEqual({ flagged: of(['beside-apply', 'literal']), unseen: [] });
    expect(await verdict(beside)).toEqual({ flagged: of(['beside-apply', 'literal']), unseen: [] });
    expect(await verdict(alone)).toEqual({ flagged: of(['literal']), unseen: of(['beside-apply', 'apply-only']) });
  }, 300_000);
});
