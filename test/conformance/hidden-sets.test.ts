// A set that holds a sensitive value is hidden whole by Terraform (cty moves the mark onto the
// set), so a plan shows neither the value nor anything beside it. Where a rule reads such a
// resource, a hidden attribute no rule accounts for makes the check refuse the plan (exit 2,
// check.ts refuseUnverified): an ElastiCache user's authentication_mode.passwords did, even
// when the password came from a sensitive variable as it should (found by an audit). Each such
// attribute of hashicorp/aws (from its schema) that normalize types for the rules
// (attribute-types.json: what it marks unreadable when hidden) must be a credential the secret
// rule reads where the code writes it (policies/lib/secrets.rego credentials).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyManifest } from '../../src/evaluate/manifest';
import attributeTypes from '../../src/normalize/attribute-types.json';
import { terraformAvailability } from '../helpers/terraform';
import { awsSchemas, type SchemaBlock } from '../../scripts/gen-attribute-types';

type Block = SchemaBlock;

/** Sensitive attributes in a set (a set attribute, or an attribute of a block nested as a set). */
function hiddenWhole(block: Block, path: string[] = [], inSet = false, out: string[] = []): string[] {
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    const set = Array.isArray(a.type) && a.type[0] === 'set';
    if (a.sensitive && (inSet || set)) out.push([...path, name].join('.'));
  }
  for (const [name, b] of Object.entries(block.block_types ?? {})) hiddenWhole(b.block, [...path, name], inSet || b.nesting_mode === 'set', out);
  return out;
}

/** Arguments the provider marks sensitive (configurable, stored: not write-only), as dotted paths. */
function sensitiveArguments(block: Block, path: string[] = [], out: string[] = []): string[] {
  for (const [name, a] of Object.entries(block.attributes ?? {})) if (a.sensitive && (a.optional || a.required) && !a.write_only) out.push([...path, name].join('.'));
  for (const [name, b] of Object.entries(block.block_types ?? {})) sensitiveArguments(b.block, [...path, name], out);
  return out;
}

/** String arguments the provider does not mark sensitive (nor write-only), as dotted paths: it shows them in plans and state. */
function plainStringArguments(block: Block, path: string[] = [], out: string[] = []): string[] {
  for (const [name, a] of Object.entries(block.attributes ?? {})) if (!a.sensitive && !a.write_only && (a.optional || a.required) && a.type === 'string') out.push([...path, name].join('.'));
  for (const [name, b] of Object.entries(block.block_types ?? {})) plainStringArguments(b.block, [...path, name], out);
  return out;
}

/** Arguments named as secrets that hold none, with what they hold. */
const NOT_SECRETS: Array<[RegExp, string]> = [
  [/^aws_api_gateway_(authorizer\.authorizer_credentials|integration\.credentials)$/, 'an IAM role ARN API Gateway assumes'],
  [/^aws_appmesh_virtual_(gateway|node)\..*\.certificate\.file\.private_key$/, 'the path of a key file on the Envoy host'],
  [/^aws_cognito_(managed_)?user_pool_client\.token_validity_units\./, 'a time unit (seconds, minutes, hours, days)'],
  [/^aws_datasync_location_object_storage\.access_key$/, 'the access key id; its secret_key is a credential'],
  [/^aws_efs_file_system\.creation_token$/, 'an idempotency token that names the file system'],
  [/^aws_fms_resource_set\.resource_set\.update_token$/, 'an optimistic-locking token the service returns'],
  [/^aws_kendra_data_source\..*\.credentials$/, 'the ARN of a Secrets Manager secret'],
  [/^aws_lambda_permission\.event_source_token$/, 'an Alexa skill id'],
  [/^aws_ssoadmin_(application|trusted_token_issuer)\.client_token$/, 'an idempotency token'],
];

/** Write-only arguments (Terraform 1.11): the provider keeps them out of plan and state, not the code out of the repository. */
function writeOnlyArguments(block: Block, path: string[] = [], out: string[] = []): string[] {
  for (const [name, a] of Object.entries(block.attributes ?? {})) if (a.write_only) out.push([...path, name].join('.'));
  for (const [name, b] of Object.entries(block.block_types ?? {})) writeOnlyArguments(b.block, [...path, name], out);
  return out;
}

/** Names that say an argument holds a secret. */
// (`api_key.value`: an EventBridge connection's API key; found by an audit.)
const SECRET_NAME = /(password|secret|token|private_key|key_material_base64|preshared_key|passphrase|plaintext|api_key|access_key|secret_key|credentials|platform_credential|host_key|api_key_value|api_key\.value)$/;
// OpsWorks is end of life (AWS closed it in 2024): its arguments are not followed.
const RETIRED = /^aws_opsworks_/;

const tf = terraformAvailability();

(tf.ok ? describe : describe.skip)(`sensitive arguments of hashicorp/aws (${tf.ok ? 'its schema' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  let resources: Record<string, { block: Block }>;
  let credentials: Record<string, string[]>;
  beforeAll(() => {
    resources = Object.fromEntries(Object.entries(awsSchemas(tf.ok ? tf.mirror : '').resources).map(([k, block]) => [k, { block }]));
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'build', 'policy', 'manifest.json'), 'utf8')) as PolicyManifest;
    credentials = manifest.secret_paths?.credentials ?? {};
  }, 120_000);

  test('every set it hides whole on an attribute normalize types for the rules is a credential the secret rule reads', () => {
    const typed = attributeTypes.types as Record<string, Record<string, unknown>>;
    const reads = (type: string, path: string): boolean => {
      const segs = path.split('.');
      return segs.some((_, i) => Object.hasOwn(typed[type] ?? {}, segs.slice(0, i + 1).join('.')));
    };
    const all = Object.entries(resources).flatMap(([type, r]) => hiddenWhole(r.block).map((path) => ({ type, path })));
    // The schema has some (the check can fail), and those the rules read are credentials.
    expect(all.length).toBeGreaterThan(3);
    const unaccounted = all.filter(({ type, path }) => reads(type, path) && !(credentials[type] ?? []).includes(path)).map(({ type, path }) => `${type}.${path}`);
    expect(unaccounted).toEqual([]);
  });

  // A DMS endpoint's Kafka SASL password written as a literal passed where its top-level
  // password was flagged (found by an audit of terraform-aws-dms): every argument the provider
  // hides whose name says it is a secret is one the secret rule reads where the code writes it.
  test('every sensitive argument named as a secret is a credential the secret rule reads', () => {
    const all = Object.entries(resources)
      .filter(([type]) => !RETIRED.test(type))
      .flatMap(([type, r]) => sensitiveArguments(r.block).filter((p) => SECRET_NAME.test(p)).map((path) => ({ type, path })));
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter(({ type, path }) => !(credentials[type] ?? []).includes(path)).map(({ type, path }) => `${type}.${path}`)).toEqual([]);
  });

  // A Splunk HEC token written into a Firehose stream passed on every side (an audit): the
  // provider shows hec_token in plans, not marking it sensitive. Every argument named as a
  // secret, sensitive or not, is a credential the secret rule reads, or is named here as
  // holding none.
  test('every string argument the provider shows but names as a secret is a credential, or is known to hold none', () => {
    const all = Object.entries(resources)
      .filter(([type]) => !RETIRED.test(type))
      .flatMap(([type, r]) => plainStringArguments(r.block).filter((p) => SECRET_NAME.test(p)).map((path) => `${type}.${path}`));
    expect(all.length).toBeGreaterThan(20);
    const credential = (id: string): boolean => Object.entries(credentials).some(([type, paths]) => paths.some((p) => id === `${type}.${p}`));
    const notSecret = (id: string): boolean => NOT_SECRETS.some(([re]) => re.test(id));
    expect(all.filter((id) => !credential(id) && !notSecret(id))).toEqual([]);
    // Every exception still names an argument of the schema.
    expect(NOT_SECRETS.filter(([re]) => !all.some((id) => re.test(id))).map(([re]) => String(re))).toEqual([]);
  });

  // A literal Aurora master password in `master_password_wo` (terraform-aws-rds-aurora v10's
  // input) passed on every side where the same literal in `master_password` was flagged (found
  // by an audit): every write-only argument is a credential the secret rule reads where the
  // code writes it.
  test('every write-only argument is a credential the secret rule reads', () => {
    const all = Object.entries(resources).flatMap(([type, r]) => writeOnlyArguments(r.block).map((path) => ({ type, path })));
    expect(all.length).toBeGreaterThan(5);
    expect(all.filter(({ type, path }) => !(credentials[type] ?? []).includes(path)).map(({ type, path }) => `${type}.${path}`)).toEqual([]);
  });
});
