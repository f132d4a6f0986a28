// A database's master password written into the configuration as a literal is in the
// repository and in every plan and state (two public modules' leaky calls did so, and nothing
// reported it). The provider marks these arguments sensitive: a plan hides the value and keeps
// the literal in its configuration, HCL holds the value. Both read a credential only where it
// is written as a literal (in the resource, or passed into the module that holds it, or the
// module's default), never where a variable, a sensitive variable or an interpolation supplies
// it (the way it should be passed). Generated resources, planned by a real offline
// `terraform plan`: both sides flag exactly the literals, and list none as not checked (nor
// refuse a plan where Terraform hides a set of passwords as a whole: MemoryDB and ElastiCache users).
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';
import { givenAtPlanTime, planFolder, terraformAvailability } from '../helpers/terraform';

const RULE = 'aws-secret-in-code';
const tf = terraformAvailability();

// Through a module: the caller passes a literal, the module's default is one, or the caller
// passes its own (root) variable; or the module passes it on through a local value or each.value.
// Or in a `dynamic` block (an OpenSearch domain's master user, whatever the kind drawn), which a plan's configuration leaves out.
// Or built in the resource itself from constants by a function (format, join, jsonencode), read
// from a file of the folder (file("${path.module}/…")), or made by an impure function (uuid():
// no literal); a plan shows neither a value nor a reference to anything it holds for any of them.
type Form = 'literal' | 'variable' | 'sensitive-variable' | 'interpolated' | 'module-literal' | 'module-built' | 'module-default' | 'module-variable' | 'local-literal' | 'local-variable' | 'each-literal' | 'dynamic-literal' | 'built' | 'file' | 'impure' | 'module-impure' | 'module-cond-literal' | 'module-cond-variable' | 'local-cond-literal' | 'each-mixed' | 'local-each-mixed' | 'dynamic-mixed' | 'root-default' | 'root-object-default' | 'root-tfvars' | 'module-root-default';
// module-built: the caller builds it from literals with a function (jsonencode({password = "…"}), the
// secrets-manager module's example; found by an audit).
// module-cond-*: the module takes the caller's password or a generated one (`var.password != null ?
// var.password : var.generated`, the cloudposse modules; found by an audit), inline or through a local.
// each-mixed, local-each-mixed: a map of users, entry "a" a literal, entry "b" from a root variable
// (terraform-aws-eventbridge's connections; found by an audit: HCL passed the literal), passed
// into the module or built there as a local, or read in a `dynamic` block's content through its
// iterator (an OpenSearch domain's master user, whatever the kind drawn; the eventbridge module's
// connections). "a" is flagged, "b" not; a plan alone reads neither.
// root-default, root-object-default, root-tfvars, module-root-default: a root variable whose value the code gives, its
// default (a string, or an object's attribute: a public e-commerce platform's database password;
// found by an audit) or the folder's terraform.tfvars, which Terraform loads by itself: in the
// repository as a literal is (also passed on into a module). A plan alone shows a default, not where another value came from.
// The other root variables here (pw, secret_pw, other_pw, prefix) are given at plan time (TF_VAR_).
const FLAGGED: ReadonlySet<Form> = new Set(['literal', 'module-literal', 'module-built', 'module-default', 'local-literal', 'each-literal', 'dynamic-literal', 'built', 'file', 'module-cond-literal', 'local-cond-literal', 'each-mixed', 'local-each-mixed', 'dynamic-mixed', 'root-default', 'root-object-default', 'root-tfvars', 'module-root-default']);
// A plan alone cannot tell a value from an auto-loaded tfvars file from one given by -var: not flagged there.
const UNSEEN_ALONE: ReadonlySet<Form> = new Set(['root-tfvars']);
// A plan holds no local value nor each.value: checked alone, what it hides there it names as not checked.
const UNREAD_IN_PLAN: ReadonlySet<Form> = new Set(['local-literal', 'local-variable', 'each-literal', 'dynamic-literal', 'module-built', 'built', 'file', 'impure', 'module-impure', 'local-cond-literal', 'each-mixed', 'local-each-mixed', 'dynamic-mixed']);
type Kind = 'db_instance' | 'rds_cluster' | 'redshift_cluster' | 'docdb_cluster' | 'elasticache' | 'opensearch' | 'memorydb_user' | 'elasticache_user' | 'kms_external_key' | 'secret_version' | 'directory' | 'codebuild_credential' | 'ssm_secure' | 'firehose_hec' | WriteOnly;
// Write-only arguments (Terraform 1.11): a plan and a state never show their value; a literal is still in the
// repository (an audit of terraform-aws-rds-aurora v10, whose master_password_wo had passed on every side).
type WriteOnly = 'rds_cluster_wo' | 'db_instance_wo' | 'docdb_cluster_wo' | 'redshift_cluster_wo' | 'redshift_namespace_wo' | 'secret_version_wo' | 'ssm_secure_wo';

const PASSWORD = 'Wp-Pr0d-S3cret-2024!xyz';

function resource(kind: Kind, i: number, value: string): { address: string; hcl: string } {
  switch (kind) {
    case 'db_instance':
      return { address: `aws_db_instance.r${i}`, hcl: `resource "aws_db_instance" "r${i}" {\n  identifier = "r${i}"\n  engine = "postgres"\n  instance_class = "db.t3.micro"\n  allocated_storage = 20\n  username = "app"\n  password = ${value}\n}` };
    case 'rds_cluster':
      return { address: `aws_rds_cluster.r${i}`, hcl: `resource "aws_rds_cluster" "r${i}" {\n  cluster_identifier = "r${i}"\n  engine = "aurora-postgresql"\n  master_username = "app"\n  master_password = ${value}\n}` };
    case 'redshift_cluster':
      return { address: `aws_redshift_cluster.r${i}`, hcl: `resource "aws_redshift_cluster" "r${i}" {\n  cluster_identifier = "r${i}"\n  node_type = "ra3.xlplus"\n  master_username = "app"\n  master_password = ${value}\n}` };
    case 'docdb_cluster':
      return { address: `aws_docdb_cluster.r${i}`, hcl: `resource "aws_docdb_cluster" "r${i}" {\n  cluster_identifier = "r${i}"\n  master_username = "app"\n  master_password = ${value}\n}` };
    case 'elasticache':
      return {
        address: `aws_elasticache_replication_group.r${i}`,
        hcl: `resource "aws_elasticache_replication_group" "r${i}" {\n  replication_group_id = "r${i}"\n  description = "orders"\n  node_type = "cache.t3.micro"\n  transit_encryption_enabled = true\n  auth_token = ${value}\n}`,
      };
    case 'opensearch':
      return {
        address: `aws_opensearch_domain.r${i}`,
        hcl: `resource "aws_opensearch_domain" "r${i}" {\n  domain_name = "orders-r${i}"\n  advanced_security_options {\n    enabled = true\n    internal_user_database_enabled = true\n    master_user_options {\n      master_user_name = "admin"\n      master_user_password = ${value}\n    }\n  }\n}`,
      };
    // A set of passwords the provider hides as a whole in every plan (its exit 2 refused them all).
    case 'memorydb_user':
      return {
        address: `aws_memorydb_user.r${i}`,
        hcl: `resource "aws_memorydb_user" "r${i}" {\n  user_name = "r${i}"\n  access_string = "on ~orders:* +@read"\n  authentication_mode {\n    type = "password"\n    passwords = [${value}]\n  }\n}`,
      };
    case 'elasticache_user':
      return {
        address: `aws_elasticache_user.r${i}`,
        hcl: `resource "aws_elasticache_user" "r${i}" {\n  user_id = "r${i}"\n  user_name = "r${i}"\n  engine = "redis"\n  access_string = "on ~orders:* +@read"\n  passwords = [${value}]\n}`,
      };
    // Found by an audit: terraform-aws-kms's complete example imports literal key material.
    case 'kms_external_key':
      return { address: `aws_kms_external_key.r${i}`, hcl: `resource "aws_kms_external_key" "r${i}" {\n  description = "imported"\n  key_material_base64 = ${value}\n}` };
    case 'secret_version':
      return { address: `aws_secretsmanager_secret_version.r${i}`, hcl: `resource "aws_secretsmanager_secret_version" "r${i}" {\n  secret_id = "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-r${i}"\n  secret_string = ${value}\n}` };
    case 'directory':
      return {
        address: `aws_directory_service_directory.r${i}`,
        hcl: `resource "aws_directory_service_directory" "r${i}" {\n  name = "r${i}.corp.example.com"\n  size = "Small"\n  password = ${value}\n  vpc_settings {\n    vpc_id = "vpc-123"\n    subnet_ids = ["subnet-1", "subnet-2"]\n  }\n}`,
      };
    case 'ssm_secure':
      return { address: `aws_ssm_parameter.r${i}`, hcl: `resource "aws_ssm_parameter" "r${i}" {\n  name = "/orders/r${i}"\n  type = "SecureString"\n  value = ${value}\n}` };
    // A credential the provider does not mark sensitive: a plan shows it (an audit: a Splunk HEC token).
    case 'firehose_hec':
      return {
        address: `aws_kinesis_firehose_delivery_stream.r${i}`,
        hcl: `resource "aws_kinesis_firehose_delivery_stream" "r${i}" {\n  name = "logs-r${i}"\n  destination = "splunk"\n  splunk_configuration {\n    hec_endpoint = "https://http-inputs-acme.splunkcloud.com:443"\n    hec_token = ${value}\n    s3_configuration {\n      role_arn = "arn:aws:iam::123456789012:role/firehose"\n      bucket_arn = "arn:aws:s3:::logs-123456789012"\n    }\n  }\n}`,
      };
    case 'rds_cluster_wo':
      return { address: `aws_rds_cluster.r${i}`, hcl: `resource "aws_rds_cluster" "r${i}" {\n  cluster_identifier = "r${i}"\n  engine = "aurora-postgresql"\n  master_username = "app"\n  master_password_wo = ${value}\n  master_password_wo_version = 1\n}` };
    case 'db_instance_wo':
      return { address: `aws_db_instance.r${i}`, hcl: `resource "aws_db_instance" "r${i}" {\n  identifier = "r${i}"\n  engine = "postgres"\n  instance_class = "db.t3.micro"\n  allocated_storage = 20\n  username = "app"\n  password_wo = ${value}\n  password_wo_version = 1\n}` };
    case 'docdb_cluster_wo':
      return { address: `aws_docdb_cluster.r${i}`, hcl: `resource "aws_docdb_cluster" "r${i}" {\n  cluster_identifier = "r${i}"\n  master_username = "app"\n  master_password_wo = ${value}\n  master_password_wo_version = 1\n}` };
    case 'redshift_cluster_wo':
      return { address: `aws_redshift_cluster.r${i}`, hcl: `resource "aws_redshift_cluster" "r${i}" {\n  cluster_identifier = "r${i}"\n  node_type = "ra3.xlplus"\n  master_username = "app"\n  master_password_wo = ${value}\n  master_password_wo_version = 1\n}` };
    case 'redshift_namespace_wo':
      return { address: `aws_redshiftserverless_namespace.r${i}`, hcl: `resource "aws_redshiftserverless_namespace" "r${i}" {\n  namespace_name = "r${i}"\n  admin_username = "app"\n  admin_user_password_wo = ${value}\n  admin_user_password_wo_version = 1\n}` };
    case 'secret_version_wo':
      return { address: `aws_secretsmanager_secret_version.r${i}`, hcl: `resource "aws_secretsmanager_secret_version" "r${i}" {\n  secret_id = "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-r${i}"\n  secret_string_wo = ${value}\n  secret_string_wo_version = 1\n}` };
    case 'ssm_secure_wo':
      return { address: `aws_ssm_parameter.r${i}`, hcl: `resource "aws_ssm_parameter" "r${i}" {\n  name = "/orders/r${i}"\n  type = "SecureString"\n  value_wo = ${value}\n  value_wo_version = 1\n}` };
    case 'codebuild_credential':
      return { address: `aws_codebuild_source_credential.r${i}`, hcl: `resource "aws_codebuild_source_credential" "r${i}" {\n  auth_type = "PERSONAL_ACCESS_TOKEN"\n  server_type = "GITHUB"\n  token = ${value}\n}` };
  }
}

/** `addresses`: each item's resource; `others`: the entries of a mixed map given by a root variable (never flagged, not read by a plan alone). */
function folder(items: Array<{ kind: Kind; form: Form }>): { files: Record<string, string>; addresses: string[]; others: string[] } {
  const parts = [
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}',
    'variable "pw" {}',
    'variable "secret_pw" {\n  sensitive = true\n}',
    'variable "prefix" {}',
    'variable "other_pw" {\n  sensitive = true\n}',
  ];
  const tfvars: string[] = [];
  const files: Record<string, string> = {};
  const addresses: string[] = [];
  const others: string[] = [];
  items.forEach(({ kind, form }, i) => {
    if (form === 'module-root-default') {
      const r = resource(kind, i, 'var.password');
      files[`m${i}/main.tf`] = `variable "password" {\n  sensitive = true\n}\n\n${r.hcl}\n`;
      parts.push(`variable "v${i}" {\n  sensitive = true\n  default   = "${PASSWORD}"\n}`);
      parts.push(`module "m${i}" {\n  source = "./m${i}"\n  password = var.v${i}\n}`);
      addresses.push(`module.m${i}.${r.address}`);
      return;
    }
    if (form === 'root-default' || form === 'root-object-default' || form === 'root-tfvars') {
      const sensitive = i % 2 === 0 ? '\n  sensitive = true' : '';
      if (form === 'root-default') parts.push(`variable "v${i}" {${sensitive}\n  default = "${PASSWORD}"\n}`);
      else if (form === 'root-object-default') parts.push(`variable "v${i}" {\n  type = object({ username = string, password = string })${sensitive}\n  default = { username = "app", password = "${PASSWORD}" }\n}`);
      else {
        parts.push(`variable "v${i}" {${sensitive}\n  type = string\n}`);
        tfvars.push(`v${i} = "${PASSWORD}"`);
      }
      const r = resource(kind, i, form === 'root-object-default' ? `var.v${i}.password` : `var.v${i}`);
      addresses.push(r.address);
      parts.push(r.hcl);
      return;
    }
    if (form === 'dynamic-mixed') {
      files[`m${i}/main.tf`] =
        `variable "users" {\n  type = any\n}\n\nresource "aws_opensearch_domain" "r${i}" {\n  for_each = var.users\n  domain_name = "orders-r${i}-\${each.key}"\n  advanced_security_options {\n    enabled = true\n    internal_user_database_enabled = true\n` +
        `    dynamic "master_user_options" {\n      for_each = [each.value]\n      content {\n        master_user_name = "admin"\n        master_user_password = master_user_options.value.password\n      }\n    }\n  }\n}\n`;
      parts.push(`module "m${i}" {\n  source = "./m${i}"\n  users = {\n    a = { password = "${PASSWORD}" }\n    b = { password = var.other_pw }\n  }\n}`);
      addresses.push(`module.m${i}.aws_opensearch_domain.r${i}["a"]`);
      others.push(`module.m${i}.aws_opensearch_domain.r${i}["b"]`);
      return;
    }
    if (form === 'each-mixed' || form === 'local-each-mixed') {
      const r = resource(kind, i, 'each.value.password');
      const users = (b: string): string => `{\n    a = { password = "${PASSWORD}" }\n    b = { password = ${b} }\n  }`;
      files[`m${i}/main.tf`] =
        form === 'each-mixed'
          ? `variable "users" {\n  type = any\n}\n\n${r.hcl.replace('{\n', '{\n  for_each = var.users\n')}\n`
          : `variable "password" {\n  type = string\n}\n\nlocals {\n  users = ${users('var.password')}\n}\n\n${r.hcl.replace('{\n', '{\n  for_each = local.users\n')}\n`;
      parts.push(`module "m${i}" {\n  source = "./m${i}"\n  ${form === 'each-mixed' ? `users = ${users('var.other_pw')}` : 'password = var.other_pw'}\n}`);
      addresses.push(`module.m${i}.${r.address}["a"]`);
      others.push(`module.m${i}.${r.address}["b"]`);
      return;
    }
    if (form === 'local-literal' || form === 'local-variable') {
      const r = resource(kind, i, 'local.pw');
      files[`m${i}/main.tf`] = `variable "password" {\n  sensitive = true\n}\n\nlocals {\n  pw = var.password\n}\n\n${r.hcl}\n`;
      parts.push(`module "m${i}" {\n  source = "./m${i}"\n  password = ${form === 'local-literal' ? `"${PASSWORD}"` : 'var.secret_pw'}\n}`);
      addresses.push(`module.m${i}.${r.address}`);
      return;
    }
    if (form === 'module-cond-literal' || form === 'module-cond-variable' || form === 'local-cond-literal') {
      const pick = 'var.password != null ? var.password : var.generated';
      const r = resource(kind, i, form === 'local-cond-literal' ? 'local.pw' : pick);
      files[`m${i}/main.tf`] =
        `variable "password" {\n  type    = string\n  default = null\n}\n\nvariable "generated" {\n  type      = string\n  sensitive = true\n}\n\n` +
        (form === 'local-cond-literal' ? `locals {\n  pw = ${pick}\n}\n\n` : '') +
        `${r.hcl}\n`;
      parts.push(`module "m${i}" {\n  source = "./m${i}"\n  password = ${form === 'module-cond-variable' ? 'var.secret_pw' : `"${PASSWORD}"`}\n  generated = var.secret_pw\n}`);
      addresses.push(`module.m${i}.${r.address}`);
      return;
    }
    if (form === 'dynamic-literal') {
      files[`m${i}/main.tf`] =
        `variable "master" {\n  type = any\n}\n\nresource "aws_opensearch_domain" "r${i}" {\n  domain_name = "orders-r${i}"\n  advanced_security_options {\n    enabled = true\n    internal_user_database_enabled = true\n` +
        `    dynamic "master_user_options" {\n      for_each = [var.master]\n      content {\n        master_user_name = master_user_options.value.name\n        master_user_password = master_user_options.value.password\n      }\n    }\n  }\n}\n`;
      parts.push(`module "m${i}" {\n  source = "./m${i}"\n  master = { name = "admin", password = "${PASSWORD}" }\n}`);
      addresses.push(`module.m${i}.aws_opensearch_domain.r${i}`);
      return;
    }
    if (form === 'each-literal') {
      const r = resource(kind, i, 'each.value.password');
      files[`m${i}/main.tf`] = `variable "users" {\n  type = any\n}\n\n${r.hcl.replace('{\n', '{\n  for_each = var.users\n')}\n`;
      parts.push(`module "m${i}" {\n  source = "./m${i}"\n  users = {\n    a = { password = "${PASSWORD}" }\n  }\n}`);
      addresses.push(`module.m${i}.${r.address}["a"]`);
      return;
    }
    if (form.startsWith('module-')) {
      // The module takes the password as a sensitive variable, as registry modules do.
      const r = resource(kind, i, 'var.password');
      files[`m${i}/main.tf`] = `variable "password" {\n  sensitive = true\n${form === 'module-default' ? `  default   = "${PASSWORD}"\n` : ''}}\n\n${r.hcl}\n`;
      const arg = {
        'module-literal': `\n  password = "${PASSWORD}"`,
        'module-built': `\n  password = format("%s", "${PASSWORD}")`,
        // uuid() passed in: no literal (HCL had read it as a variable without a value).
        'module-impure': '\n  password = uuid()',
        'module-default': '',
        'module-variable': '\n  password = var.secret_pw',
      }[form as 'module-literal'];
      parts.push(`module "m${i}" {\n  source = "./m${i}"${arg}\n}`);
      addresses.push(`module.m${i}.${r.address}`);
      return;
    }
    if (form === 'file') files[`pw${i}.txt`] = PASSWORD;
    // JSON only where the provider takes any string (an auth token must not hold a quote).
    const built = kind.startsWith('secret_version') || kind.startsWith('ssm_secure') ? `jsonencode({ password = "${PASSWORD}" })` : i % 2 === 0 ? `format("%s", "${PASSWORD}")` : `join("", ["${PASSWORD.slice(0, 8)}", "${PASSWORD.slice(8)}"])`;
    const value = {
      literal: `"${PASSWORD}"`,
      variable: 'var.pw',
      'sensitive-variable': 'var.secret_pw',
      interpolated: `"\${var.prefix}-${PASSWORD}"`,
      built,
      file: `file("\${path.module}/pw${i}.txt")`,
      impure: 'uuid()',
    }[form as 'literal'];
    const r = resource(kind, i, value);
    addresses.push(r.address);
    parts.push(r.hcl);
  });
  if (tfvars.length > 0) files['terraform.tfvars'] = tfvars.join('\n') + '\n';
  return { files: { ...files, 'main.tf': parts.join('\n\n') + '\n' }, addresses, others };
}

/** The resources flagged, and those whose credential the report names as not checked (any other not-checked line as it is). */
async function verdict(path: string): Promise<{ flagged: string[]; notChecked: string[] }> {
  const { decision } = await check([path], { today: '2026-11-28' });
  const unread = (l: string): string => (/: a credential the plan (hides|shows), built from/.test(l) ? l.split(' ')[0] : l);
  return { flagged: decision.findings.filter((f) => f.rule_id === RULE).map((f) => f.resource.address).sort(), notChecked: (decision.not_checked ?? []).map(unread).sort() };
}

const WRITE_ONLY: readonly WriteOnly[] = ['rds_cluster_wo', 'db_instance_wo', 'docdb_cluster_wo', 'redshift_cluster_wo', 'redshift_namespace_wo', 'secret_version_wo', 'ssm_secure_wo'];
const KINDS: readonly Kind[] = ['db_instance', 'rds_cluster', 'redshift_cluster', 'docdb_cluster', 'elasticache', 'opensearch', 'memorydb_user', 'elasticache_user', 'kms_external_key', 'secret_version', 'directory', 'codebuild_credential', 'ssm_secure'];
const FORMS: readonly Form[] = ['literal', 'variable', 'sensitive-variable', 'interpolated', 'module-literal', 'module-built', 'module-default', 'module-variable', 'local-literal', 'local-variable', 'each-literal', 'dynamic-literal', 'built', 'file', 'impure', 'module-impure', 'module-cond-literal', 'module-cond-variable', 'local-cond-literal', 'each-mixed', 'local-each-mixed', 'dynamic-mixed', 'root-default', 'root-object-default', 'root-tfvars', 'module-root-default'];
const item = fc.record({ kind: fc.constantFrom(...KINDS), form: fc.constantFrom(...FORMS) });

/** HCL, the plan beside its folder and the plan alone, each against what the forms say. */
async function expectSameVerdict(items: Array<{ kind: Kind; form: Form }>): Promise<void> {
  const { files, addresses, others } = folder(items);
  const flagged = (forms: ReadonlySet<Form>): string[] => addresses.filter((_, i) => forms.has(items[i].form)).sort();
  expect(await verdict(writeTree(files))).toEqual({ flagged: flagged(FLAGGED), notChecked: [] });
  // Beside its folder the plan reads there what it does not hold, as HCL does.
  const beside = planFolder(files, tf.ok ? tf.mirror : '');
  expect(await verdict(beside)).toEqual({ flagged: flagged(FLAGGED), notChecked: [] });
  const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
  copyFileSync(beside, alone);
  const inPlan = new Set([...FLAGGED].filter((f) => !UNREAD_IN_PLAN.has(f) && !UNSEEN_ALONE.has(f)));
  expect(await verdict(alone)).toEqual({ flagged: flagged(inPlan), notChecked: [...flagged(UNREAD_IN_PLAN), ...others].sort() });
}

// Checked alone, a plan flags a write-only literal its configuration holds as a constant (the resource's
// own, a module argument's, a root variable's default); an attribute of an object variable, a literal
// among other values and what a plan holds no expression for it cannot see there yet (the session note's Left).
const WRITE_ONLY_ALONE: ReadonlySet<Form> = new Set(['literal', 'module-literal', 'module-default', 'root-default', 'module-root-default']);

/** Write-only arguments in every form: HCL and the plan beside its folder flag every literal; alone, a plan those it can match. */
async function expectWriteOnly(items: Array<{ kind: Kind; form: Form }>): Promise<void> {
  const { files, addresses } = folder(items);
  const flagged = (keep: (f: Form) => boolean): string[] => addresses.filter((_, i) => keep(items[i].form)).sort();
  expect(await verdict(writeTree(files))).toEqual({ flagged: flagged((f) => FLAGGED.has(f)), notChecked: [] });
  // Beside its folder the plan reads there what it never holds, as HCL does (the folder's sha256 of
  // it, or the folder's own value of the instance: one literal entry of a map the rest of which a
  // variable gives, for_each'd into the resource, had passed beside until session 34).
  const beside = planFolder(files, tf.ok ? tf.mirror : '');
  expect((await verdict(beside)).flagged).toEqual(flagged((f) => FLAGGED.has(f)));
  const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
  copyFileSync(beside, alone);
  const fromAlone = (await verdict(alone)).flagged;
  expect(flagged((f) => WRITE_ONLY_ALONE.has(f)).filter((a) => !fromAlone.includes(a))).toEqual([]);
  // Never a literal it does not write: every resource a plan alone flags is one HCL flags.
  expect(fromAlone.filter((a) => !flagged((f) => FLAGGED.has(f)).includes(a))).toEqual([]);
}

(tf.ok ? describe : describe.skip)(`credentials written into the configuration, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  // Root variables given at plan time, as a pipeline gives them from its secret store.
  givenAtPlanTime({ pw: PASSWORD, secret_pw: PASSWORD, other_pw: '0ther-Pr0d-2024!abc', prefix: 'orders' });
  test('HCL and the plan beside its folder flag exactly the literal credentials; the plan alone names those it cannot read as not checked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 10, maxLength: 10 }), expectSameVerdict),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      // A function of literals passed into a module, for four kinds of credential, always; then drawn.
      {
        numRuns: 4,
        endOnFailure: true,
        examples: [
          [(['secret_version', 'db_instance', 'opensearch', 'memorydb_user', 'kms_external_key', 'literal', 'variable', 'module-literal', 'module-variable', 'local-literal'] as const).map((k, i) => (i < 5 ? { kind: k as Kind, form: 'module-built' as Form } : { kind: 'rds_cluster' as Kind, form: k as Form }))],
          // Built in the resource itself (an audit: a plan beside its folder had named these not checked, HCL flagged them).
          [(['ssm_secure', 'secret_version', 'db_instance', 'elasticache', 'memorydb_user', 'opensearch', 'ssm_secure', 'docdb_cluster', 'secret_version', 'kms_external_key'] as const).map((kind, i) => ({ kind: kind as Kind, form: (['built', 'built', 'built', 'built', 'module-impure', 'file', 'file', 'impure', 'module-impure', 'built'] as const)[i] as Form }))],
          // The caller's password or a generated one (an audit of cloudposse/terraform-aws-mq-broker: a literal had passed on every side).
          [(['ssm_secure', 'secret_version', 'db_instance', 'elasticache', 'memorydb_user', 'opensearch', 'rds_cluster', 'docdb_cluster', 'secret_version', 'directory'] as const).map((kind, i) => ({ kind: kind as Kind, form: (['module-cond-literal', 'local-cond-literal', 'module-cond-variable', 'module-cond-literal', 'local-cond-literal', 'module-cond-literal', 'local-cond-literal', 'module-cond-variable', 'module-cond-literal', 'local-cond-literal'] as const)[i] as Form }))],
        ],
      },
    );
  }, 300_000);

  // Kinds and forms are few: every pair, in one plan, so no pair waits for a draw (an
  // ElastiCache user's set of one password given by `var.pw != null ? var.pw : …` had passed
  // beside and alone until a CI run drew it).
  test('every kind of credential in every form: HCL, beside and alone agree', async () => {
    await expectSameVerdict(KINDS.flatMap((kind) => FORMS.map((form) => ({ kind, form }))));
  }, 300_000);

  // The secret scan's other credentials are sensitive, so a plan hides them and reads them beside
  // its folder; this one a plan shows, and where its configuration holds no literal it cannot tell
  // a committed value from one given at plan time: it says so rather than pass.
  test('a credential the provider shows in plans (a Splunk HEC token), in every form: HCL flags exactly the literals; no side passes one in silence or flags what is not one', async () => {
    const items = FORMS.map((form) => ({ kind: 'firehose_hec' as Kind, form }));
    const { files, addresses } = folder(items);
    const literal = addresses.filter((_, i) => FLAGGED.has(items[i].form)).sort();
    // A root variable's default (a string, or an object's attribute) is matched against the value
    // the plan shows (from-plan.ts codePaths): it had passed on both plan sides.
    expect((await verdict(writeTree(files))).flagged).toEqual(literal);
    const beside = planFolder(files, tf.ok ? tf.mirror : '');
    const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
    copyFileSync(beside, alone);
    for (const [side, path] of [['beside', beside], ['alone', alone]] as const) {
      const v = await verdict(path);
      // Alone, a plan cannot tell a value from an auto-loaded tfvars file from one given by -var (UNSEEN_ALONE).
      const unseen = side === 'alone' ? addresses.filter((_, i) => UNSEEN_ALONE.has(items[i].form)) : [];
      expect({ side, silent: literal.filter((a) => !v.flagged.includes(a) && !v.notChecked.includes(a) && !unseen.includes(a)) }).toEqual({ side, silent: [] });
      // Written in the code as a root variable's value: flagged, not only named as not checked.
      const rooted = addresses.filter((_, i) => ['root-default', 'root-object-default', 'module-root-default'].includes(items[i].form) && !unseen.includes(addresses[i]));
      expect({ side, unflagged: rooted.filter((a) => !v.flagged.includes(a)) }).toEqual({ side, unflagged: [] });
      expect({ side, wrong: v.flagged.filter((a) => !literal.includes(a)) }).toEqual({ side, wrong: [] });
    }
  }, 300_000);

  test('every write-only credential (master_password_wo, value_wo, …) in every form: HCL and beside flag every literal, a plan alone those it can match', async () => {
    await expectWriteOnly(WRITE_ONLY.flatMap((kind) => FORMS.map((form) => ({ kind, form }))));
  }, 300_000);
});
