// secret-in-code end to end: credentials written into a Lambda environment, tags and the
// provider block are reported (kind, attribute, fingerprint) from evaluated HCL, a real
// `terraform plan` (whose configuration.provider_config carries provider arguments in plain
// text), a synthesized CDKTF stack and a state file (which has no provider arguments), and no
// report format ever prints one of them. Needs `npm run build:policies` first.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir, writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const ACCESS_KEY = 'AKIAZ7QW3ERT5YUI9OPL';
const SECRET_KEY = 'Hq9vX2mLp4Rt7wYz1cB6nD8fJ3kS5uA0eG2iK4oQ';
const DB_PASSWORD = 'Orders-Pa55word-2026';
const TOKEN = 'ghp_R8x2LmQ4vT9wY1zC6nB3kD7fJ5sH0aE2gI4o';
const SECRETS = [ACCESS_KEY, SECRET_KEY, DB_PASSWORD, TOKEN];
const fp = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex').slice(0, 8)}`;

const MAIN_TF = `provider "aws" {
  region                      = "us-east-1"
  access_key                  = "${ACCESS_KEY}"
  secret_key                  = "${SECRET_KEY}"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_iam_role" "orders" {
  name               = "orders"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = aws_iam_role.orders.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "orders.zip"
  environment {
    variables = {
      DB_PASSWORD = "${DB_PASSWORD}"
      LOG_LEVEL   = "info"
    }
  }
  tags = {
    deploy_token = "${TOKEN}"
  }
}
`;

async function secretFindings(path: string): Promise<{ findings: Array<{ rule_id: string; resource: { address: string }; message: string }>; outputs: string }> {
  const out = tempDir('leakguard-secrets-');
  const formats = ['json', 'sarif', 'markdown', 'junit', 'github', 'text'];
  const r = await run('check', path, ...formats.flatMap((f) => ['--format', `${f}=${join(out, f)}`]));
  expect(r.code).toBe(1);
  const decision = JSON.parse(readFileSync(join(out, 'json'), 'utf8'));
  return {
    findings: decision.findings.filter((f: { rule_id: string }) => f.rule_id === 'aws-secret-in-code'),
    outputs: [r.stdout, r.stderr, ...formats.map((f) => readFileSync(join(out, f), 'utf8'))].join('\n'),
  };
}

function expectReported(findings: Array<{ resource: { address: string }; message: string }>, outputs: string, withProvider = true): void {
  const byAddress = Object.fromEntries(findings.map((f) => [f.resource.address, f.message]));
  expect(Object.keys(byAddress).sort()).toEqual(['aws_lambda_function.orders', ...(withProvider ? ['provider.aws'] : [])]);
  if (withProvider) {
    expect(byAddress['provider.aws']).toContain(`an AWS access key id at access_key (${fp(ACCESS_KEY)})`);
    expect(byAddress['provider.aws']).toContain(`a value named as a secret at secret_key (${fp(SECRET_KEY)})`);
  }
  expect(byAddress['aws_lambda_function.orders']).toContain(`environment.variables.DB_PASSWORD (${fp(DB_PASSWORD)})`);
  expect(byAddress['aws_lambda_function.orders']).toContain(`a GitHub token at tags.deploy_token (${fp(TOKEN)})`);
  for (const s of SECRETS) expect({ secret: s, echoed: outputs.includes(s) }).toEqual({ secret: s, echoed: false });
}

const LAMBDA_VALUES = {
  function_name: 'orders',
  runtime: 'nodejs20.x',
  handler: 'index.handler',
  environment: [{ variables: { DB_PASSWORD, LOG_LEVEL: 'info' } }],
  tags: { deploy_token: TOKEN },
};

describe('secret-in-code through the pipeline', () => {
  test('plain HCL: provider block, Lambda environment and tags are reported, never echoed', async () => {
    const root = writeTree({ 'app/main.tf': MAIN_TF });
    const { findings, outputs } = await secretFindings(join(root, 'app'));
    expectReported(findings, outputs);
  });

  test('a synthesized CDKTF stack: provider block, Lambda environment and tags are reported, never echoed', async () => {
    const root = writeTree({
      'stacks/orders/cdk.tf.json': JSON.stringify({
        provider: { aws: [{ region: 'us-east-1', access_key: ACCESS_KEY, secret_key: SECRET_KEY }] },
        resource: { aws_lambda_function: { orders: { ...LAMBDA_VALUES, environment: { variables: LAMBDA_VALUES.environment[0].variables } } } },
      }),
    });
    const { findings, outputs } = await secretFindings(join(root, 'stacks/orders/cdk.tf.json'));
    expectReported(findings, outputs);
  });

  test('a state file: the Lambda environment and tags are reported, never echoed (state has no provider arguments)', async () => {
    const root = writeTree({
      'state.json': JSON.stringify({
        format_version: '1.0',
        terraform_version: '1.11.4',
        values: {
          root_module: {
            resources: [
              { address: 'aws_lambda_function.orders', mode: 'managed', type: 'aws_lambda_function', name: 'orders', provider_name: 'registry.terraform.io/hashicorp/aws', values: LAMBDA_VALUES, sensitive_values: {} },
            ],
          },
        },
      }),
    });
    const { findings, outputs } = await secretFindings(join(root, 'state.json'));
    expectReported(findings, outputs, false);
  });

  const tf = terraformAvailability();
  (tf.ok ? test : test.skip)(`a real terraform plan: provider_config arguments are reported, never echoed${tf.ok ? '' : ` (skipped: ${tf.reason})`}`, async () => {
    if (!tf.ok) return;
    const plan = planFolder({ 'main.tf': MAIN_TF }, tf.mirror);
    // The plan itself carries the provider's arguments in plain text.
    expect(readFileSync(plan, 'utf8')).toContain(SECRET_KEY);
    const { findings, outputs } = await secretFindings(plan);
    expectReported(findings, outputs);
  }, 240_000);
});
