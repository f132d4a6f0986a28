// A policy written per instance of a resource it iterates over (`for_each = aws_sqs_queue.q`,
// `Resource = each.value.arn`): each.value is the instance, its ARN known after apply. HCL had
// made the whole document unknown, where `aws_sqs_queue.q[each.key].arn` kept it readable, and
// a correct SNS-to-SQS policy was blocked as one that "cannot be read" (an audit of an
// e-commerce application). Every form of iteration, type and principal below, planned by a real
// offline `terraform plan`: HCL and the plan beside its folder read the document, and block
// exactly the policies open to everyone.
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();
const RULE = 'aws-resource-policy-public';

// The resource, its policy resource, and what the policy names the resource by.
const TYPES = {
  sqs: { res: 'aws_sqs_queue', policy: 'aws_sqs_queue_policy', target: (r: string) => `queue_url = ${r}.id`, action: 'sqs:SendMessage' },
  sns: { res: 'aws_sns_topic', policy: 'aws_sns_topic_policy', target: (r: string) => `arn = ${r}.arn`, action: 'sns:Publish' },
} as const;
// How the policy iterates: over the resource itself, over a map built from it, or over keys with an index.
const FORMS = {
  'each-value': { forEach: (t: string) => `${t}.q`, ref: () => 'each.value' },
  'for-map': { forEach: (t: string) => `{ for k, q in ${t}.q : k => q }`, ref: () => 'each.value' },
  index: { forEach: () => 'toset(["a", "b"])', ref: (t: string) => `${t}.q[each.key]` },
} as const;

function folder(): { files: Record<string, string>; open: string[] } {
  const parts = [
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}',
    'resource "aws_sns_topic" "source" {\n  name = "source"\n}',
  ];
  const open: string[] = [];
  for (const [kind, t] of Object.entries(TYPES)) {
    parts.push(`resource "${t.res}" "q" {\n  for_each = toset(["a", "b"])\n  name     = "${kind}-\${each.key}"\n}`);
    for (const [form, f] of Object.entries(FORMS)) {
      for (const restricted of [true, false]) {
        const name = `${kind}_${form.replace('-', '_')}_${restricted ? 'restricted' : 'public'}`;
        const r = f.ref(t.res);
        const condition = restricted ? `\n      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.source.arn } }` : '';
        parts.push(
          `resource "${t.policy}" "${name}" {\n  for_each = ${f.forEach(t.res)}\n  ${t.target(r)}\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "${t.action}"\n      Resource  = ${r}.arn${condition}\n    }]\n  })\n}`,
        );
        if (!restricted) open.push(`${t.policy}.${name}["a"]`, `${t.policy}.${name}["b"]`);
      }
    }
  }
  return { files: { 'main.tf': parts.join('\n\n') + '\n' }, open: open.sort() };
}

async function blocked(path: string): Promise<string[]> {
  const { decision } = await check([path], { today: '2026-11-28', ...(path.endsWith('.json') ? { sourceDir: path.replace(/\/plan\.json$/, '') } : {}) });
  const mine = decision.findings.filter((f) => f.rule_id === RULE);
  // Blocked for what the document says, never because it could not be read.
  for (const f of mine) expect(f.message).toMatch(/to every principal without a restricting condition/);
  return mine.map((f) => f.resource.address).sort();
}

(tf.ok ? describe : describe.skip)(`a policy per instance of the resource it iterates over (${tf.ok ? 'generated, against terraform plan' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('every form, type and principal: HCL and the plan beside its folder block exactly the open policies', async () => {
    const { files, open } = folder();
    expect(open.length).toBe(12);
    expect(await blocked(writeTree(files))).toEqual(open);
    expect(await blocked(planFolder(files, tf.ok ? tf.mirror : ''))).toEqual(open);
  }, 300_000);
});
