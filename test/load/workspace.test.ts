// terraform.workspace was always "default": a queue policy open to everyone in the prod
// workspace (`terraform.workspace == "prod" ? "*" : <account>`) passed when checked as HCL in a
// folder where prod is selected, and beside a plan made in prod (found by an audit of public
// Terraform). Planned by a real offline `terraform plan` in each workspace: the HCL folder and
// the plan beside it read the workspace Terraform selected (.terraform/environment, or
// TF_WORKSPACE), as the plan does; beside a folder that names none, the plan is read as made in
// "default" unless a value it knows says otherwise (the queue's name), and then the workspace is
// unknown: the policy is reported as unreadable, never passed.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

const FILES = {
  'main.tf': `provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

locals {
  reader = terraform.workspace == "prod" ? "*" : "arn:aws:iam::123456789012:root"
}

resource "aws_sqs_queue" "orders" {
  name              = "orders-\${terraform.workspace}"
  kms_master_key_id = "alias/orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = local.reader }, Action = "sqs:ReceiveMessage", Resource = aws_sqs_queue.orders.arn }]
  })
}
`,
};

/** The queue policy's aws-resource-policy-public finding: 'public', 'unreadable' or 'none'. */
async function policyVerdict(path: string, env: Record<string, string> = {}): Promise<string> {
  const saved = process.env.TF_WORKSPACE;
  if (env.TF_WORKSPACE) process.env.TF_WORKSPACE = env.TF_WORKSPACE;
  else delete process.env.TF_WORKSPACE;
  try {
    const { decision } = await check([path], { today: '2026-11-28' });
    const f = decision.findings.find((x) => x.rule_id === 'aws-resource-policy-public' && x.resource.address === 'aws_sqs_queue_policy.orders');
    return f === undefined ? 'none' : /cannot be read/.test(f.message) ? 'unreadable' : 'public';
  } finally {
    if (saved === undefined) delete process.env.TF_WORKSPACE;
    else process.env.TF_WORKSPACE = saved;
  }
}

(tf.ok ? describe : describe.skip)(`terraform.workspace, HCL and plan (${tf.ok ? 'planned in default, prod and staging' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test.each([undefined, 'prod', 'staging'])('planned in workspace %s', async (workspace) => {
    const plan = planFolder(FILES, tf.ok ? tf.mirror : '', workspace);
    const expected = workspace === 'prod' ? 'public' : 'none';
    // Beside the folder it was made in (which holds .terraform/environment once a workspace is selected).
    expect(await policyVerdict(plan)).toBe(expected);
    expect(await policyVerdict(dirname(plan))).toBe(expected);
    // The same files elsewhere, the workspace given by TF_WORKSPACE as a CI job sets it.
    expect(await policyVerdict(writeTree(FILES), workspace ? { TF_WORKSPACE: workspace } : {})).toBe(expected);
    // Beside a copy of the files that names no workspace: the plan does not say which made it;
    // the queue's name "orders-<workspace>" shows it was not "default".
    const apart = writeTree(FILES);
    copyFileSync(plan, join(apart, 'plan.json'));
    expect(await policyVerdict(join(apart, 'plan.json'))).toBe(workspace ? 'unreadable' : 'none');
    // Alone: the policy is unknown until apply.
    const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
    copyFileSync(plan, alone);
    expect(await policyVerdict(alone)).toBe('unreadable');
  }, 120_000);

  test('a workspace file names the workspace for HCL as for Terraform; TF_WORKSPACE wins over it', async () => {
    const dir = writeTree({ ...FILES, '.terraform/environment': 'prod\n' });
    expect(await policyVerdict(dir)).toBe('public');
    expect(await policyVerdict(dir, { TF_WORKSPACE: 'staging' })).toBe('none');
    writeFileSync(join(dir, '.terraform/environment'), 'staging');
    expect(await policyVerdict(dir)).toBe('none');
  });
});
