// `leakguard fix` through the CLI: the diff, --write, --rule/--control, the shapes a fix must
// handle beyond the rule fixtures (a missing linked block, inline and standalone egress rules,
// count instances), CDKTF construct suggestions, and bad input (one line, exit 2).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { run, writeTree } from '../helpers/cli';
import { cleanup, stack, synthApp } from '../helpers/synth';

const PROVIDER = 'provider "aws" {\n  region = "us-west-2"\n}\n';

test('a bucket without a public access block gets one linked by reference; --write applies it and check agrees', async () => {
  const dir = writeTree({ 'main.tf': `${PROVIDER}\n# customer exports\nresource "aws_s3_bucket" "exports" {\n  bucket = "shop-exports" # named by finance\n}\n` });
  const before = readFileSync(join(dir, 'main.tf'), 'utf8');
  const diff = await run('fix', dir, '--rule', 'aws-s3-public-access-block');
  expect(diff.code).toBe(0);
  expect(diff.stdout).toContain('+resource "aws_s3_bucket_public_access_block" "exports" {\n+  bucket                  = aws_s3_bucket.exports.id\n');
  expect(diff.stderr).toMatch(/re-check of the edited files: 1 finding\(s\) gone, 0 remain, 0 new/);
  expect(readFileSync(join(dir, 'main.tf'), 'utf8')).toBe(before);

  const wrote = await run('fix', dir, '--rule', 'aws-s3-public-access-block', '--write');
  expect(wrote.code).toBe(0);
  const after = readFileSync(join(dir, 'main.tf'), 'utf8');
  expect(after.startsWith(before.trimEnd())).toBe(true);
  expect(after).toContain('bucket = "shop-exports" # named by finance');
  const checked = await run('check', dir, '--format', 'json');
  expect((JSON.parse(checked.stdout) as { findings: Array<{ rule_id: string }> }).findings.map((f) => f.rule_id)).not.toContain('aws-s3-public-access-block');
});

// An edit valid for one engine only (`when`): RabbitMQ has no audit log, and a fix that wrote one would not apply.
test('an edit gated on an attribute (when) applies only where it holds: audit log for ActiveMQ, general log for both', async () => {
  const broker = (name: string, engine: string): string =>
    `resource "aws_mq_broker" "${name}" {\n  broker_name        = "${name}"\n  engine_type        = "${engine}"\n  engine_version     = "${engine === 'ActiveMQ' ? '5.18' : '3.13'}"\n  host_instance_type = "mq.m5.large"\n  user {\n    username = "admin"\n    password = var.pw\n  }\n}\n`;
  const dir = writeTree({ 'main.tf': `${PROVIDER}\nvariable "pw" {\n  sensitive = true\n}\n\n${broker('rabbit', 'RabbitMQ')}\n${broker('active', 'ActiveMQ')}` });
  const wrote = await run('fix', dir, '--rule', 'aws-mq-logs', '--write');
  expect(wrote.code).toBe(0);
  expect(wrote.stderr).toMatch(/re-check of the edited files: 2 finding\(s\) gone, 0 remain, 0 new/);
  const after = readFileSync(join(dir, 'main.tf'), 'utf8');
  const block = (name: string): string => after.slice(after.indexOf(`"aws_mq_broker" "${name}"`)).split('\n}\n')[0];
  expect(block('rabbit')).toMatch(/logs \{\s+general = true\s+\}/);
  expect(block('rabbit')).not.toContain('audit');
  expect(block('active')).toMatch(/logs \{\s+general = true\s+audit\s+= true\s+\}/);
});

test('egress to the internet is replaced in inline blocks and standalone rules, IPv4 and IPv6', async () => {
  const dir = writeTree({
    'main.tf': `${PROVIDER}
resource "aws_security_group" "app" {
  name = "app"
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["10.1.0.0/16", "0.0.0.0/0"]
}

resource "aws_vpc_security_group_egress_rule" "v6" {
  security_group_id = aws_security_group.app.id
  cidr_ipv6         = "::/0"
  ip_protocol       = "-1"
}
`,
  });
  const r = await run('fix', dir, '--control', 'egress-restriction');
  expect(r.stderr).toMatch(/3 of 3 finding\(s\) have an HCL fix/);
  expect(r.stderr).toMatch(/3 finding\(s\) gone, 0 remain, 0 new/);
  expect(r.stdout).toContain('+  cidr_blocks       = ["10.1.0.0/16"]');
  expect(r.stdout).toContain('+  prefix_list_id    = "pl-REPLACE-ME" # leakguard: placeholder');
  expect(r.code).toBe(0);
});

test('what a fix cannot do is listed with its reason, and blocking findings left keep exit 1', async () => {
  const dir = writeTree({ 'main.tf': `${PROVIDER}\nresource "aws_s3_bucket" "b" {\n  count  = 2\n  bucket = "shop-b-\${count.index}"\n}\n` });
  const r = await run('fix', dir, '--rule', 'aws-s3-public-access-block');
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('aws-s3-public-access-block aws_s3_bucket.b[0]: aws_s3_bucket.b[0] is a count/for_each instance; add the aws_s3_bucket_public_access_block by hand');
  expect(r.code).toBe(1);
});

test('CDKTF findings name the construct path, the construct and the option', async () => {
  const out = synthApp((app) =>
    stack(app, 'orders', (s) => {
      new AwsProvider(s, 'aws', { region: 'us-west-2' });
      new KmsKey(s, 'table-key', { description: 'orders', enableKeyRotation: false });
    }),
  );
  try {
    const r = await run('fix', out, '--rule', 'aws-kms-key-rotation');
    expect(r.stdout).toContain('aws-kms-key-rotation at construct orders/table-key: Turn on automatic yearly rotation of the key');
    expect(r.stdout).toContain('use HardenedKey (enableKeyRotation: true');
    expect(r.stdout).toContain('new HardenedKey(this,');
    expect(r.stderr).toContain('1 CDKTF finding(s): the construct to use is printed above, by construct path');
    expect(r.stderr).not.toContain('not fixed automatically');
  } finally {
    cleanup(out);
  }
});

test.each([
  [['fix', '/no/such/folder'], /^leakguard: \/no\/such\/folder: no such file or directory\n$/],
  [['fix', '.', '--rule', 'aws-nope'], /^leakguard: --rule: unknown rule "aws-nope"; see `leakguard rules`\n$/],
  [['fix', '.', '--control', 'nope'], /^leakguard: --control: unknown control "nope"\n$/],
])('bad input %j is one line and exit 2', async (argv, message) => {
  const r = await run(...argv);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
});
