import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import fc from 'fast-check';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { schemaErrors } from '../../src/normalize/validate';
import { PLANS, writeTree } from '../helpers/cli';
import { stack, synthApp } from '../helpers/synth';

const input = async (...paths: string[]) => normalize(await loadPaths(paths));

describe('synthesized stacks (cdktf.out)', () => {
  const out = synthApp((app) => {
    stack(app, 'shop-aws', (s) => {
      new AwsProvider(s, 'aws', { region: 'us-west-2', defaultTags: [{ tags: { owner: 'platform', environment: 'prod' } }] });
      const east = new AwsProvider(s, 'east', { region: 'us-east-1', alias: 'east' });
      const bucket = new S3Bucket(s, 'exports', { bucket: 'shop-exports', tags: { 'data-classification': 'pii', owner: 'data' } });
      new S3BucketPublicAccessBlock(s, 'exports-pab', { bucket: bucket.id, blockPublicAcls: true });
      new KmsKey(s, 'key', { provider: east, enableKeyRotation: true });
    });
    stack(app, 'shop-azure', (s) => {
      new AzurermProvider(s, 'azurerm', { features: [{}] });
      const rg = new ResourceGroup(s, 'rg', { name: 'shop', location: 'West US 2' });
      new StorageAccount(s, 'sa', {
        name: 'shopsa',
        resourceGroupName: rg.name,
        location: rg.location,
        accountTier: 'Standard',
        accountReplicationType: 'GRS',
      });
    });
  });

  test('every stack of the manifest is loaded and evaluated together', async () => {
    const doc = await input(out);
    expect(Object.keys(doc.stacks).sort()).toEqual(['shop-aws', 'shop-azure']);
    expect(schemaErrors('policy-input', doc)).toBeNull();
    expect(doc.sources.map((s) => s.format)).toEqual(['cdktf-out', 'cdktf-out']);
  });

  test('references link the public access block to its bucket, both ways', async () => {
    const doc = await input(out);
    const pab = Object.values(doc.resources).find((r) => r.type === 'aws_s3_bucket_public_access_block')!;
    const bucket = Object.values(doc.resources).find((r) => r.type === 'aws_s3_bucket')!;
    expect(pab.references.bucket).toEqual([bucket.key]);
    expect(bucket.referenced_by).toEqual([{ key: pab.key, type: 'aws_s3_bucket_public_access_block', attribute: 'bucket' }]);
    expect(doc.by_type.aws_s3_bucket).toEqual([bucket.key]);
  });

  test('regions come from the provider alias; tags merge provider default_tags', async () => {
    const doc = await input(out);
    const bucket = Object.values(doc.resources).find((r) => r.type === 'aws_s3_bucket')!;
    const key = Object.values(doc.resources).find((r) => r.type === 'aws_kms_key')!;
    expect(bucket.region).toBe('us-west-2');
    expect(key.provider).toBe('aws.east');
    expect(key.region).toBe('us-east-1');
    expect(bucket.tags).toEqual({ owner: 'data', environment: 'prod', 'data-classification': 'pii' });
    expect(doc.regions.aws).toEqual(['us-east-1', 'us-west-2']);
  });

  test('Azure regions follow the resource group reference and are normalized', async () => {
    const doc = await input(out);
    const sa = Object.values(doc.resources).find((r) => r.type === 'azurerm_storage_account')!;
    expect(sa.cloud).toBe('azure');
    expect(sa.region).toBe('westus2');
    expect(doc.regions.azure).toEqual(['westus2']);
  });

  test('origin carries the construct path from the CDKTF metadata', async () => {
    const doc = await input(out);
    const bucket = Object.values(doc.resources).find((r) => r.type === 'aws_s3_bucket')!;
    expect(bucket.origin.construct_path).toBe('shop-aws/exports');
    expect(bucket.origin.file).toMatch(/stacks\/shop-aws\/cdk\.tf\.json$/);
    expect(bucket.values).not.toHaveProperty('//');
  });

  test('one cdk.tf.json alone is a stack named after its folder', async () => {
    const doc = await input(join(out, 'stacks', 'shop-aws', 'cdk.tf.json'));
    expect(Object.keys(doc.stacks)).toEqual(['shop-aws']);
    expect(doc.sources[0].format).toBe('cdktf-json');
  });
});

describe('plain HCL', () => {
  const dir = writeTree({
    'main.tf': [
      'provider "aws" {',
      '  region = var.region',
      '  default_tags {',
      '    tags = { owner = "platform" }',
      '  }',
      '}',
      'provider "aws" {',
      '  alias  = "eu"',
      '  region = "eu-west-1"',
      '}',
      '',
      'resource "aws_s3_bucket" "logs" {',
      '  provider = aws.eu',
      '  bucket   = "logs"',
      '}',
    ].join('\n'),
    'variables.tf': 'variable "region" {\n  default = "us-west-2"\n}\n',
    'pab.tf': [
      'resource "aws_s3_bucket_public_access_block" "logs" {',
      '  count  = 1',
      '  bucket = aws_s3_bucket.logs.id',
      '}',
    ].join('\n'),
  });

  test('file and line of each block, references, provider alias and variable defaults', async () => {
    const doc = await input(dir);
    const bucket = doc.resources[`${Object.keys(doc.stacks)[0]}/aws_s3_bucket.logs`];
    const pab = Object.values(doc.resources).find((r) => r.type === 'aws_s3_bucket_public_access_block')!;
    expect(bucket.origin).toEqual({ file: join(dir, 'main.tf'), line: 12 });
    expect(pab.origin).toEqual({ file: join(dir, 'pab.tf'), line: 1 });
    expect(pab.references.bucket).toEqual([bucket.key]);
    expect(pab.values).not.toHaveProperty('count');
    expect(bucket.region).toBe('eu-west-1');
    expect(pab.region).toBe('us-west-2');
    expect(pab.tags).toEqual({ owner: 'platform' });
  });
});

describe('quoted booleans', () => {
  test('"true"/"false" in HCL become booleans, as Terraform converts them; tags stay strings', async () => {
    const dir = writeTree({
      'main.tf': [
        'resource "aws_db_instance" "db" {',
        '  publicly_accessible = "true"',
        '  deletion_protection = "false"',
        '  tags = { pii = "true" }',
        '}',
      ].join('\n'),
    });
    const doc = await input(dir);
    const db = Object.values(doc.resources)[0];
    expect(db.values.publicly_accessible).toBe(true);
    expect(db.values.deletion_protection).toBe(false);
    expect(db.tags).toEqual({ pii: 'true' });
  });
});

describe('computed tags', () => {
  test('tags built by an expression are unknown, not empty', async () => {
    const dir = writeTree({
      'main.tf': 'resource "aws_dynamodb_table" "orders" {\n  tags = merge(local.tags, { owner = "data" })\n}\n',
    });
    const table = Object.values((await input(dir)).resources)[0];
    // (with the attributes the provider computes, unknown as in a plan)
    expect(table.unknown).toContain('tags');
    expect(table.tags).toEqual({});
  });
});

describe('terraform show -json plans', () => {
  test('module for_each instances link to the bucket in their own module instance', async () => {
    const doc = await input(join(PLANS, 'aws-s3-public-access-block-module-for-each-tf0.15.json'));
    const stack = 'plans'; // the folder holding the plan
    const pab = doc.resources[`${stack}/module.test["b"].aws_s3_bucket_public_access_block.test["a"]`];
    expect(pab.module).toBe('module.test["b"]');
    expect(pab.index).toBe('a');
    expect(pab.references.bucket).toEqual([`${stack}/module.test["b"].aws_s3_bucket.test["a"]`]);
    // The bucket id is unknown at plan time: the link comes from the configuration only.
    expect(pab.unknown).toContain('bucket');
    expect(pab.values).not.toHaveProperty('bucket');
    expect(pab.action).toBe('create');
  });

  test('count-indexed resources reference the instance with the same index', async () => {
    const doc = await input(join(PLANS, 'aws-s3-acl-logging-ownership-count-tf1.3.json'));
    const acls = Object.values(doc.resources).filter((r) => r.type === 'aws_s3_bucket_acl');
    expect(acls.length).toBeGreaterThan(0);
    for (const acl of acls) {
      for (const target of acl.references.bucket ?? []) {
        expect(doc.resources[target].type).toBe('aws_s3_bucket');
      }
    }
  });

  test('values Terraform marks sensitive never reach the normalized input', async () => {
    const file = join(PLANS, 'aws-rds-db-instance-sensitive-tf1.2.json');
    expect(readFileSync(file, 'utf8')).toContain('foobarbaz');
    const doc = await input(file);
    const db = Object.values(doc.resources).find((r) => r.type === 'aws_db_instance')!;
    expect(db.sensitive).toContain('password');
    expect(db.values.password).toBe('(sensitive)');
    expect(JSON.stringify(doc)).not.toContain('foobarbaz');
  });

  // A schema-sensitive attribute left null (an ElastiCache auth_token never set) is still marked
  // in a plan; listing it made rules read "a secret is set". Generated: random value trees, some
  // leaves null, some unknown (absent), marked at random.
  test('a sensitive mark lists a path only when it holds a value or is unknown, and no marked value leaks', async () => {
    const leaf = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ minLength: 1 }).map((s) => `secret-${s}`));
    // Each text names its own path, so a marked text is never also an unmarked one.
    const tag = (v: unknown, path: string): unknown =>
      typeof v === 'string' ? `${v}@${path}` : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tag(x, `${path}.${k}`)])) : v;
    const tree = fc
      .dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(leaf, fc.dictionary(fc.constantFrom('x', 'y'), leaf, { minKeys: 1 })), { minKeys: 1 })
      .map((t) => tag(t, '') as Record<string, unknown>);
    const marksOf = (v: unknown, pick: fc.Arbitrary<boolean>) =>
      v !== null && typeof v === 'object' ? fc.record(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, pick.map((m) => (m ? true : typeof x === 'object' && x !== null ? {} : false))]))) : fc.constant(true);
    await fc.assert(
      fc.asyncProperty(tree.chain((values) => fc.tuple(fc.constant(values), marksOf(values, fc.boolean()))), async ([values, marks]) => {
        const after = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) : v]));
        const unknown = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === undefined ? true : typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).map(([x, y]) => [x, y === undefined])) : false]));
        const plan = {
          format_version: '1.2',
          planned_values: { root_module: { resources: [{ address: 'aws_x.r', mode: 'managed', type: 'aws_x', name: 'r', provider_name: 'registry.terraform.io/hashicorp/aws', values: after, sensitive_values: marks }] } },
          resource_changes: [{ address: 'aws_x.r', mode: 'managed', type: 'aws_x', name: 'r', change: { actions: ['create'], before: null, after, after_unknown: unknown, after_sensitive: marks } }],
        };
        const doc = await input(writeTree({ 'plan.json': plan }) + '/plan.json');
        const r = doc.resources[Object.keys(doc.resources)[0]];
        const expected: string[] = [];
        const hidden: string[] = [];
        for (const [k, v] of Object.entries(values)) {
          const m = (marks as Record<string, unknown>)[k];
          const held = (path: string, x: unknown) => {
            if (x === null) return;
            expected.push(path);
            if (typeof x === 'string') hidden.push(x);
          };
          if (typeof v === 'object' && v !== null) {
            for (const [x, y] of Object.entries(v)) if (m === true || (typeof m === 'object' && (m as Record<string, unknown>)[x] === true)) held(`${k}.${x}`, y);
          } else if (m === true) held(k, v);
        }
        // A wholly marked block is listed as one path when any of it is held.
        const listed = new Set(r.sensitive.flatMap((p) => (p.includes('.') || typeof values[p] !== 'object' || values[p] === null ? [p] : Object.keys(values[p] as object).filter((x) => (values[p] as Record<string, unknown>)[x] !== null).map((x) => `${p}.${x}`))));
        expect([...listed].sort()).toEqual(expected.sort());
        const text = JSON.stringify(doc);
        for (const h of hidden) expect(text).not.toContain(JSON.stringify(h));
      }),
      { numRuns: 60 },
    );
  });

  test('plan actions: create, update, replace, no-op; deletions are not in planned values', async () => {
    const doc = await input(join(PLANS, 'aws-s3-create-update-delete-noop-drift-tf1.2.json'));
    const actions = new Set(Object.values(doc.resources).map((r) => r.action));
    expect(actions).toEqual(new Set(['create', 'update', 'no-op']));
    const replaced = await input(join(PLANS, 'null-replace-tainted-action-reason-tf1.15.json'));
    expect(Object.values(replaced.resources).map((r) => r.action)).toEqual(['replace']);
  });

  test('provider region from the plan configuration', async () => {
    const doc = await input(join(PLANS, 'aws-kms-key-rotation-tf0.13.json'));
    const regions = new Set(Object.values(doc.resources).map((r) => r.region));
    const plan = JSON.parse(readFileSync(join(PLANS, 'aws-kms-key-rotation-tf0.13.json'), 'utf8'));
    expect(regions).toEqual(new Set([plan.configuration.provider_config.aws.expressions.region.constant_value]));
  });

  test('a plan saved as plan.json takes its folder name as the stack name', async () => {
    const plan = readFileSync(join(PLANS, 'aws-kms-key-rotation-tf0.13.json'), 'utf8');
    const dir = writeTree({ 'prod-network/plan.json': plan, 'dev-network/plan.json': plan });
    const doc = await input(join(dir, 'prod-network', 'plan.json'), join(dir, 'dev-network', 'plan.json'));
    expect(Object.keys(doc.stacks).sort()).toEqual(['dev-network', 'prod-network']);
  });

  test('nested modules under a counted module', async () => {
    const doc = await input(join(PLANS, 'aws-eventbridge-lambda-module-tf1.14.json'));
    const modules = new Set(Object.values(doc.resources).map((r) => r.module));
    expect([...modules].some((m) => (m ?? "").startsWith('module.outer[0].module.inner'))).toBe(true);
  });

  test('every public plan and state fixture loads and normalizes to a schema-valid input', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(PLANS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) {
      const doc = await input(join(PLANS, f));
      expect(schemaErrors('policy-input', doc)).toBeNull();
      expect(doc.sources[0].format).toBe(f.startsWith('state-') ? 'state' : 'plan');
    }
  });
});

// What a plan gives unset attributes (learned from real plans by test/policies/same-verdict.test.ts,
// which also checks the table against them): every type and attribute of the table, unset or
// set to null in HCL, reads as the plan would read it; what the configuration sets is kept.
describe('provider defaults on the HCL path', () => {
  const table = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'normalize', 'provider-defaults.json'), 'utf8')) as Record<
    string,
    { defaults: Record<string, unknown>; computed: string[] }
  >;
  test('unset or null attributes get the default or are unknown; set ones are kept', async () => {
    const types = Object.keys(table);
    expect(types.length).toBeGreaterThan(20);
    const blocks = types.map((t, i) => {
      const nulled = [...Object.keys(table[t].defaults), ...table[t].computed].find((a) => a !== 'tags');
      return `resource "${t}" "r${i}" {\n  ${nulled} = null\n  tags = { kept = "yes" }\n}\n`;
    });
    const doc = await input(writeTree({ 'main.tf': blocks.join('\n') }));
    for (const [i, t] of types.entries()) {
      const r = doc.resources[Object.keys(doc.resources).find((k) => k.endsWith(`/${t}.r${i}`))!];
      const { defaults, computed } = table[t];
      for (const [attr, value] of Object.entries(defaults)) if (attr !== 'tags') expect({ t, attr, value: r.values[attr] }).toEqual({ t, attr, value });
      for (const attr of computed) if (attr !== 'tags') expect({ t, attr, unknown: r.unknown.includes(attr) }).toEqual({ t, attr, unknown: true });
      expect(r.values.tags).toEqual({ kept: 'yes' });
    }
  });
});
