// The HCL evaluator (hcl-eval/, WASM) reads a folder as terraform plan does. The differential
// test (test/policies/same-verdict.test.ts) holds it to real plans; these pin the parts a plan
// cannot show: where variable values come from, what becomes unknown, and what is refused.
import fc from 'fast-check';
import { join } from 'node:path';
import { evaluateFolder, type EvaluatedFolder } from '../../src/load/hcl-evaluator';
import { run, writeTree } from '../helpers/cli';

const PROVIDER = 'provider "aws" {\n  region = "us-east-1"\n}\n';
const byAddress = (out: EvaluatedFolder, address: string) => {
  const r = out.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${out.resources.map((x) => x.address).join(', ')}`);
  return r;
};

describe('variable values, in Terraform precedence', () => {
  const tree = (extra: Record<string, string> = {}) =>
    writeTree({
      'main.tf': `${PROVIDER}variable "x" {\n  default = "default"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.x\n}\n`,
      ...extra,
    });
  const bucket = async (dir: string, opts: Parameters<typeof evaluateFolder>[1] = {}) =>
    byAddress(await evaluateFolder(dir, { env: {}, ...opts }), 'aws_s3_bucket.b').values.bucket;

  test('default < TF_VAR_ < terraform.tfvars < *.auto.tfvars (lexical) < --var-file / --var in command-line order', async () => {
    expect(await bucket(tree())).toBe('default');
    expect(await bucket(tree(), { env: { TF_VAR_x: 'env' } })).toBe('env');
    const withFiles = tree({ 'terraform.tfvars': 'x = "tfvars"\n' });
    expect(await bucket(withFiles, { env: { TF_VAR_x: 'env' } })).toBe('tfvars');
    const withAuto = tree({ 'terraform.tfvars': 'x = "tfvars"\n', 'b.auto.tfvars': 'x = "auto-b"\n', 'a.auto.tfvars.json': '{"x": "auto-a"}' });
    expect(await bucket(withAuto)).toBe('auto-b');
    const file = join(withAuto, 'extra.tfvars');
    require('node:fs').writeFileSync(file, 'x = "file"\n');
    expect(await bucket(withAuto, { vars: [{ kind: 'file', value: file }] })).toBe('file');
    expect(await bucket(withAuto, { vars: [{ kind: 'file', value: file }, { kind: 'var', value: 'x=cli' }] })).toBe('cli');
    expect(await bucket(withAuto, { vars: [{ kind: 'var', value: 'x=cli' }, { kind: 'file', value: file }] })).toBe('file');
  });

  test('a complex type from --var is parsed as HCL; a primitive is taken literally and converted', async () => {
    const dir = writeTree({
      'main.tf': `${PROVIDER}variable "cidrs" {\n  type = list(string)\n}\nvariable "port" {\n  type = number\n}\nresource "aws_security_group_rule" "r" {\n  type        = "ingress"\n  from_port   = var.port\n  to_port     = var.port\n  protocol    = "tcp"\n  cidr_blocks = var.cidrs\n  security_group_id = "sg-1"\n}\n`,
    });
    const out = await evaluateFolder(dir, { env: {}, vars: [{ kind: 'var', value: 'cidrs=["0.0.0.0/0"]' }, { kind: 'var', value: 'port=22' }] });
    expect(byAddress(out, 'aws_security_group_rule.r').values).toMatchObject({ cidr_blocks: ['0.0.0.0/0'], from_port: 22 });
  });

  test('a default of null is null and "" is empty, not set; a variable with no value is unknown, with a warning', async () => {
    const dir = writeTree({
      'main.tf': `${PROVIDER}variable "key" {\n  default = null\n}\nvariable "acl" {\n  default = ""\n}\nvariable "public" {\n  type = bool\n}\nresource "aws_db_instance" "d" {\n  kms_key_id          = var.key\n  engine              = var.acl\n  publicly_accessible = var.public\n}\n`,
      'variables.tf': '',
    });
    const out = await evaluateFolder(dir, { env: {} });
    const d = byAddress(out, 'aws_db_instance.d');
    expect(d.values.kms_key_id).toBeNull();
    expect(d.values.engine).toBe('');
    expect(d.values).not.toHaveProperty('publicly_accessible');
    expect(d.unknown).toEqual(['publicly_accessible']);
    expect(out.warnings.join('\n')).toMatch(/variable "public" has no value .*treated as unknown/);
  });

  test('a value of the wrong type, an undeclared --var or a missing --var-file is one line and exit 2', async () => {
    const dir = writeTree({ 'main.tf': `${PROVIDER}variable "n" {\n  type = number\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n` });
    for (const args of [['--var', 'n=abc'], ['--var', 'other=1'], ['--var-file', join(dir, 'missing.tfvars')], ['--var', 'novalue']]) {
      const r = await run('check', dir, ...args);
      expect({ args, code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ args, code: 2, lines: 1 });
    }
  });
});

describe('what cannot be evaluated is unknown, never text', () => {
  test('computed attributes of another resource are unknown; configured ones are known; references are kept', async () => {
    const dir = writeTree({
      'main.tf': `${PROVIDER}resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n}\nresource "aws_s3_bucket_logging" "l" {\n  bucket        = aws_s3_bucket.b.id\n  target_bucket = aws_s3_bucket.b.bucket\n  target_prefix = "\${aws_s3_bucket.b.arn}/x"\n}\n`,
    });
    const l = byAddress(await evaluateFolder(dir, { env: {} }), 'aws_s3_bucket_logging.l');
    expect(l.values).toEqual({ target_bucket: 'logs' });
    expect(l.unknown.sort()).toEqual(['bucket', 'target_prefix']);
    expect(l.references).toEqual({ bucket: ['aws_s3_bucket.b'], target_bucket: ['aws_s3_bucket.b'], target_prefix: ['aws_s3_bucket.b'] });
  });

  test('an unsupported function, a file outside the folder, an unknown count: unknown, each with a warning', async () => {
    const dir = writeTree({
      'main.tf': `${PROVIDER}resource "aws_s3_bucket" "b" {\n  bucket = nosuchfunction("x")\n  policy = file("../../etc/passwd")\n}\nresource "aws_s3_bucket" "c" {\n  count  = length(aws_s3_bucket.b.arn)\n  bucket = "c"\n}\n`,
    });
    const out = await evaluateFolder(dir, { env: {} });
    expect(byAddress(out, 'aws_s3_bucket.b').unknown).toEqual(['bucket', 'policy']);
    expect(byAddress(out, 'aws_s3_bucket.c').values).toEqual({ bucket: 'c' });
    const warnings = out.warnings.join('\n');
    expect(warnings).toMatch(/nosuchfunction/);
    expect(warnings).toMatch(/outside the checked folder/);
    expect(warnings).toMatch(/aws_s3_bucket\.c: the number of instances .* cannot be determined; checked as one instance/);
  });
});

describe('files of a folder', () => {
  test('override files merge into the blocks they name: attributes replaced, nested block types replaced', async () => {
    const dir = writeTree({
      'main.tf': `${PROVIDER}locals {\n  acl = "private"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = local.acl\n  versioning {\n    enabled = true\n  }\n}\n`,
      'z_override.tf': 'locals {\n  acl = "public-read"\n}\nresource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = false\n  }\n}\n',
      'empty.tf': '',
    });
    const b = byAddress(await evaluateFolder(dir, { env: {} }), 'aws_s3_bucket.b');
    expect(b.values).toEqual({ bucket: 'x', acl: 'public-read', versioning: [{ enabled: false }] });
    expect(b.line).toBe(7);
  });

  test('an override of a block no other file declares is refused, as Terraform refuses it', async () => {
    const dir = writeTree({ 'main.tf': PROVIDER, 'override.tf': 'resource "aws_s3_bucket" "nope" {\n  acl = "private"\n}\n' });
    await expect(evaluateFolder(dir, { env: {} })).rejects.toThrow(/override\.tf:1: override of resource "aws_s3_bucket\.nope", which no other file declares/);
  });
});

describe('modules', () => {
  test('a root of only remote modules: the one-line message names the modules not followed', async () => {
    const dir = writeTree({
      'main.tf': 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\nmodule "s3" {\n  source = "git::https://example.com/s3.git"\n}\n',
      'variables.tf': '',
    });
    const r = await run('check', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/modules not followed: module\.vpc from registry terraform-aws-modules\/vpc\/aws, module\.s3 from git::https:\/\/example\.com\/s3\.git/);
  });

  test('a remote module beside checked resources is named in a warning, never silently skipped', async () => {
    const dir = writeTree({ 'main.tf': `${PROVIDER}module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n` });
    const r = await run('check', dir, '--format', 'json');
    expect(r.stderr).toContain('leakguard: warning: not checked: module.vpc from registry terraform-aws-modules/vpc/aws');
  });
});

// Generated combinations of variables, tfvars, locals and count/for_each: the instances the
// evaluator expands are those Terraform's rules give (computed here independently).
describe('property: count and for_each expand as Terraform expands them', () => {
  test('instances and values for generated variable / tfvars / local / count / for_each combinations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          create: fc.boolean(),
          override: fc.option(fc.boolean(), { nil: undefined }),
          n: fc.integer({ min: 0, max: 4 }),
          keys: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/), { maxLength: 4 }),
          public: fc.boolean(),
        }),
        async ({ create, override, n, keys, public: pub }) => {
          const dir = writeTree({
            'main.tf': [
              PROVIDER,
              `variable "create" {\n  type    = bool\n  default = ${create}\n}\n`,
              `variable "names" {\n  type    = set(string)\n  default = ${JSON.stringify(keys)}\n}\n`,
              `locals {\n  n      = ${n}\n  public = ${pub}\n}\n`,
              'resource "aws_db_instance" "db" {\n  count               = var.create ? local.n : 0\n  identifier          = "db-${count.index}"\n  publicly_accessible = local.public && count.index % 2 == 0\n}\n',
              'resource "aws_s3_bucket" "b" {\n  for_each = var.create ? var.names : toset([])\n  bucket   = "shop-${each.key}"\n}\n',
            ].join('\n'),
            ...(override === undefined ? {} : { 'terraform.tfvars': `create = ${override}\n` }),
          });
          const out = await evaluateFolder(dir, { env: {} });
          const on = override ?? create;
          const dbs = on ? Array.from({ length: n }, (_, i) => i) : [];
          const buckets = on ? [...keys].sort() : [];
          expect(out.resources.map((r) => r.address).sort()).toEqual(
            [...dbs.map((i) => `aws_db_instance.db[${i}]`), ...buckets.map((k) => `aws_s3_bucket.b[${JSON.stringify(k)}]`)].sort(),
          );
          for (const i of dbs) {
            expect(byAddress(out, `aws_db_instance.db[${i}]`).values).toEqual({ identifier: `db-${i}`, publicly_accessible: pub && i % 2 === 0 });
          }
          for (const k of buckets) expect(byAddress(out, `aws_s3_bucket.b[${JSON.stringify(k)}]`).values).toEqual({ bucket: `shop-${k}` });
        },
      ),
      { numRuns: 40 },
    );
  });
});
