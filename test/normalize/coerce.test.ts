import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { convert, FAIL } from '../../src/normalize/coerce';
import { tempDir, writeTree } from '../helpers/cli';

const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' });
const haveTerraform = !terraform.error && terraform.status === 0;
if (!haveTerraform) process.stdout.write('coerce differential skipped: terraform is not on PATH\n');

/** Terraform's own conversion (the cty library, as `tobool`/`tonumber`/`tostring` use it) of each value, in one console run. */
function terraformConverts(fn: 'tobool' | 'tonumber' | 'tostring', values: unknown[]): unknown[] {
  // HCL string literals: JSON escapes, with template markers doubled.
  const hcl = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{') : JSON.stringify(v));
  const expr = `jsonencode([for v in [${values.map(hcl).join(', ')}] : try(${fn}(v), "@@ERR@@")])`;
  const r = spawnSync('terraform', ['console'], { input: expr, encoding: 'utf8', cwd: tempDir(), env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
  if (r.status !== 0) throw new Error(`terraform console failed: ${r.stderr}`);
  return JSON.parse(JSON.parse(r.stdout.trim())) as unknown[];
}

const ours = (v: unknown, t: string): unknown => {
  const c = convert(v, t, false);
  return c === FAIL ? '@@ERR@@' : c;
};

// Strings near the edges of Terraform's number and bool syntax.
const numberish = fc.string({ unit: fc.constantFrom('0', '1', '7', '9', '.', '-', '+', 'e', 'E', 'x', '_', ' ', 'a', 'I', 'n', 'f'), maxLength: 8 });
const boolish = fc.oneof(fc.constantFrom('true', 'false', '1', '0', 'True', 'FALSE', ' true', 'yes', 'no', 't', ''), fc.string({ maxLength: 5 }));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

(haveTerraform ? describe : describe.skip)('values are converted as Terraform converts them (differential against terraform console)', () => {
  test('strings to bool', () => {
    const values = fc.sample(boolish, 150);
    expect(values.map((v) => ours(v, 'bool'))).toEqual(terraformConverts('tobool', values));
  });

  test('strings to number', () => {
    // "Inf" parses in Terraform but cannot be written to JSON (a plan never holds it); nor can a
    // number beyond a double ("1e999": Terraform's big float, which JSON carries to no finite
    // number; normalize reads such a string as unreadable, a sample drew one in CI).
    const values = fc.sample(numberish, 300).filter((v) => !/inf/i.test(v) && !(Number.isNaN(Number(v)) === false && !Number.isFinite(Number(v))));
    expect(values.map((v) => ours(v, 'number'))).toEqual(terraformConverts('tonumber', values));
  });

  test('numbers and booleans to string', () => {
    const values = [...fc.sample(finite, 150).filter((n) => !Object.is(n, -0)), true, false];
    expect(values.map((v) => ours(v, 'string'))).toEqual(terraformConverts('tostring', values));
  });
});

describe('coercion in normalize, for every source', () => {
  // As terraform show -json writes a create: the object in planned_values, its change in resource_changes.
  const planOf = (r: { address: string; mode: string; type: string; name: string; values: Record<string, unknown> }) => ({
    format_version: '1.2',
    planned_values: { root_module: { resources: [r] } },
    resource_changes: [{ address: r.address, mode: r.mode, type: r.type, name: r.name, change: { actions: ['create'], before: null, after: r.values, after_unknown: {} } }],
  });
  const plan = (values: Record<string, unknown>) => planOf({ address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', values });
  const input = async (file: string) => normalize(await loadPaths([file])).resources;

  test('quoted booleans and numbers in a plan are read as Terraform reads them', async () => {
    const dir = writeTree({ 'p/plan.json': plan({ publicly_accessible: 'true', backup_retention_period: '0', storage_encrypted: '1', engine: 42 }) });
    const r = (await input(join(dir, 'p', 'plan.json')))['p/aws_db_instance.db'];
    expect(r.values).toMatchObject({ publicly_accessible: true, backup_retention_period: 0, storage_encrypted: true, engine: '42' });
    expect(r.unknown).toEqual([]);
  });

  test('a value Terraform would reject becomes unknown and unreadable, never a different value', async () => {
    // Shapes no declared scalar takes: lists, objects, and strings outside the type's syntax.
    const bad = fc.oneof(fc.array(fc.constantFrom('true', 1, 'x'), { minLength: 1, maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b'), fc.constant(1), { minKeys: 1 }), fc.constantFrom('True', 'yes', ' 1', '1 ', '0x1'));
    await fc.assert(
      fc.asyncProperty(bad, fc.constantFrom('publicly_accessible', 'backup_retention_period'), async (value, attr) => {
        const dir = writeTree({ 'p/plan.json': plan({ [attr]: value, identifier: 'db' }) });
        const r = (await input(join(dir, 'p', 'plan.json')))['p/aws_db_instance.db'];
        expect(r.values[attr]).toBeNull();
        expect(r.unknown).toContain(attr);
        expect(r.unreadable).toEqual([attr]);
      }),
      { numRuns: 25 },
    );
  });

  test('a resource type the provider schema no longer has (azurerm 3 single servers) is typed by attribute name', async () => {
    const dir = writeTree({
      'p/plan.json': planOf({ address: 'azurerm_mysql_firewall_rule.all', mode: 'managed', type: 'azurerm_mysql_firewall_rule', name: 'all', values: { start_ip_address: {}, end_ip_address: '255.255.255.255', ssl_enforcement_enabled: 'false' } }),
    });
    const r = (await input(join(dir, 'p', 'plan.json')))['p/azurerm_mysql_firewall_rule.all'];
    expect(r.unreadable).toEqual(['start_ip_address']);
    expect(r.values).toMatchObject({ start_ip_address: null, end_ip_address: '255.255.255.255', ssl_enforcement_enabled: false });
  });

  test('the attributes normalize reads itself (location, region) are typed too: a wrong shape leaves the region unknown and unreadable', async () => {
    const dir = writeTree({
      'p/plan.json': planOf({ address: 'azurerm_network_security_group.app', mode: 'managed', type: 'azurerm_network_security_group', name: 'app', values: { name: 'app', location: { value: 'eastus' } } }),
    });
    const r = (await input(join(dir, 'p', 'plan.json')))['p/azurerm_network_security_group.app'];
    expect(r.unreadable).toEqual(['location']);
    expect(r.region).toBeNull();
  });

  test('a single string where a list is declared is not wrapped (Terraform rejects it)', async () => {
    const dir = writeTree({
      'p/plan.json': planOf({ address: 'aws_security_group.sg', mode: 'managed', type: 'aws_security_group', name: 'sg', values: { ingress: [{ cidr_blocks: '0.0.0.0/0', from_port: '22', to_port: 22, protocol: 'tcp' }] } }),
    });
    const r = (await input(join(dir, 'p', 'plan.json')))['p/aws_security_group.sg'];
    // `ingress` is an attribute of type set(object({cidr_blocks = list(string), …})): the whole set fails.
    expect(r.unreadable).toEqual(['ingress']);
    expect(r.values.ingress).toBeNull();
  });

  test('HCL (the evaluator\'s output) and CDKTF JSON get the same conversion; `${…}` expressions are left for the rules', async () => {
    const hcl = writeTree({
      'main.tf': 'resource "aws_db_instance" "db" {\n  publicly_accessible = "true"\n  backup_retention_period = "7"\n  kms_key_id = aws_kms_key.k.arn\n}\nresource "aws_kms_key" "k" {}\n',
    });
    const json = writeTree({ 'db/db.tf.json': { resource: { aws_db_instance: { db: { publicly_accessible: 'true', backup_retention_period: '7', kms_key_id: '${aws_kms_key.k.arn}', tags: { n: 1 } } } } } });
    const h = (await input(hcl))[`${hcl.split('/').pop()}/aws_db_instance.db`];
    expect(h.values).toMatchObject({ publicly_accessible: true, backup_retention_period: 7 });
    // The evaluator leaves a value known only after apply out of `values` and lists it as unknown.
    expect(h.unknown).toContain('kms_key_id');
    expect(h.unreadable).toBeUndefined();
    // A lone Terraform JSON file's stack is its folder.
    const j = (await input(join(json, 'db', 'db.tf.json')))['db/aws_db_instance.db'];
    // Tags are map(string): numbers become strings, "true" stays a string.
    expect(j.values).toMatchObject({ publicly_accessible: true, backup_retention_period: 7, kms_key_id: '${aws_kms_key.k.arn}', tags: { n: '1' } });
    expect(j.unreadable).toBeUndefined();
  });

  test('an evaluated HCL value of a type Terraform would reject is unreadable, as in a plan', async () => {
    const attrs = fc.constantFrom(
      ['aws_s3_bucket_acl', 'acl', '["public-read"]'],
      ['aws_db_instance', 'publicly_accessible', '["true"]'],
      ['aws_db_instance', 'backup_retention_period', '"0x1"'],
      ['aws_vpc_security_group_ingress_rule', 'cidr_ipv4', '{ a = "0.0.0.0/0" }'],
    );
    await fc.assert(
      fc.asyncProperty(attrs, async ([type, attr, value]) => {
        const dir = writeTree({ 'main.tf': `resource "${type}" "r" {\n  ${attr} = ${value}\n}\n` });
        const r = (await input(dir))[`${dir.split('/').pop()}/${type}.r`];
        expect(r.values[attr]).toBeNull();
        expect(r.unreadable).toEqual([attr]);
        expect(r.unknown).toContain(attr);
      }),
      { numRuns: 8 },
    );
  });
});
