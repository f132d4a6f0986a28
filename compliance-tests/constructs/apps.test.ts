import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { buildApp } from '../../stacks/app';
import { buildLeakyApp, LEAKY_PATTERNS } from '../../stacks/leaky';
import { buildExampleApp, EXAMPLE_TRAIL, EXAMPLE_WORKSPACE } from '../../stacks/examples';
import { policyConfig } from '../../stacks/policy-config';
import { SHARED_SERVICE_PRINCIPAL_ID } from '../../stacks/leaky/identity';
import { only, resources, Synth } from './helpers';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf.outdir.'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function synthAll(build: (app: App) => TerraformStack[]): Map<string, Synth> {
  const app = new App({ outdir });
  return new Map(build(app).map((s) => [s.node.id, JSON.parse(Testing.synth(s)) as Synth]));
}
const count = (out: Synth) => Object.values(out.resource ?? {}).reduce((n, r) => n + Object.keys(r).length, 0);

const DATA_TYPES = ['aws_s3_bucket', 'aws_db_instance', 'aws_dynamodb_table', 'aws_backup_vault', 'azurerm_storage_account', 'azurerm_mssql_database', 'azurerm_key_vault', 'azurerm_recovery_services_vault'];

describe('reference shop (buildApp)', () => {
  const stacks = synthAll((app) => buildApp(app));

  test('builds dev and prod stacks for both clouds', () => {
    expect([...stacks.keys()].sort()).toEqual([
      'shop-dev-aws', 'shop-dev-aws-baseline', 'shop-dev-aws-forensics', 'shop-dev-azure',
      'shop-prod-aws', 'shop-prod-aws-baseline', 'shop-prod-aws-forensics', 'shop-prod-azure',
    ]);
  });

  test.each([...stacks.keys()])('%s stays under 150 resources', (name) => {
    expect(count(stacks.get(name)!)).toBeLessThan(150);
  });

  test('AWS runs in three regions, each baselined; Azure in two, each watched', () => {
    const base = stacks.get('shop-prod-aws-baseline')!;
    expect(base.provider!.aws.map((p) => p.region)).toEqual(['us-west-2', 'us-east-1', 'eu-west-1']);
    expect(resources(base, 'aws_config_configuration_recorder')).toHaveLength(3);
    const app = stacks.get('shop-prod-aws')!;
    expect(app.provider!.aws.map((p) => p.region).every((r) => base.provider!.aws.some((b) => b.region === r))).toBe(true);
    expect(resources(stacks.get('shop-prod-azure')!, 'azurerm_network_watcher').map((w) => w.location).sort()).toEqual(['eastus', 'westus2']);
  });

  test('the policy configuration names both environments, their central trails and workspaces', () => {
    const policy = policyConfig().policy as Record<string, unknown>;
    expect(policy.environment_accounts).toEqual({ prod: ['111111111111'], dev: ['222222222222'] });
    for (const env of ['prod', 'dev']) {
      expect(policy.central_trail_names).toContain(only(stacks.get(`shop-${env}-aws-baseline`)!, 'aws_cloudtrail').name);
      const central = resources(stacks.get(`shop-${env}-azure`)!, 'azurerm_log_analytics_workspace').find((w) => w.tags.purpose === 'central-audit')!;
      expect(policy.central_workspace_names).toContain(central.name);
    }
  });

  test('environments use their own accounts and subscriptions', () => {
    const bucketNames = (s: string) => resources(stacks.get(s)!, 'aws_s3_bucket').map((b) => b.bucket).filter(Boolean);
    expect(bucketNames('shop-prod-aws').every((n) => n.endsWith('111111111111'))).toBe(true);
    expect(bucketNames('shop-dev-aws').every((n) => n.endsWith('222222222222'))).toBe(true);
    expect(stacks.get('shop-prod-azure')!.provider!.azurerm[0].subscription_id).not.toBe(stacks.get('shop-dev-azure')!.provider!.azurerm[0].subscription_id);
  });

  test('AWS providers skip credential checks and never embed keys', () => {
    for (const [, out] of stacks) {
      for (const p of out.provider?.aws ?? []) {
        expect(p).toMatchObject({ skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: 'true' });
        expect(p.access_key ?? p.secret_key).toBeUndefined();
      }
    }
  });

  test('every data store is classified and owned', () => {
    for (const [name, out] of stacks) {
      const defaults = out.provider?.aws?.[0]?.default_tags?.[0]?.tags ?? {};
      for (const type of DATA_TYPES) {
        for (const r of resources(out, type)) {
          const tags = { ...defaults, ...r.tags };
          expect({ name, type, tags }).toMatchObject({ tags: { 'data-classification': expect.stringMatching(/^(public|internal|confidential|pii)$/), owner: expect.any(String), environment: expect.any(String) } });
        }
      }
    }
  });
});

describe('leaky fixtures (buildLeakyApp)', () => {
  const stacks = synthAll(buildLeakyApp);
  const stack = (n: string) => stacks.get(`leaky-${n}`)!;

  test('one stack per seed failure, named leaky-<pattern>', () => {
    expect([...stacks.keys()].sort()).toEqual(Object.values(LEAKY_PATTERNS).flatMap((p) => p.stacks).sort());
    for (const [pattern, p] of Object.entries(LEAKY_PATTERNS)) {
      expect(p.stacks.every((s) => s.startsWith(`leaky-${pattern}`))).toBe(true);
    }
  });

  // A fixture uses AWS, Azure or both; each cloud it uses carries its own baseline.
  const usesAws = (out: Synth) => (out.provider?.aws ?? []).length > 0;
  const usesAzure = (out: Synth) => (out.provider?.azurerm ?? []).length > 0;

  test('each fixture names its central trail and workspace in the policy configuration', () => {
    const policy = policyConfig().policy as { central_trail_names: string[]; central_workspace_names: string[] };
    for (const [name, out] of stacks) {
      expect({ name, clouds: usesAws(out) || usesAzure(out) }).toEqual({ name, clouds: true });
      if (usesAws(out)) expect(policy.central_trail_names).toContain(resources(out, 'aws_cloudtrail')[0].name);
      if (!usesAzure(out)) continue;
      const central = resources(out, 'azurerm_log_analytics_workspace').find((w) => w.tags.purpose === 'central-audit')!;
      expect({ name, workspace: policy.central_workspace_names.includes(central.name) }).toEqual({ name, workspace: true });
    }
  });

  test.each([...stacks.keys()])('%s carries its own audit trail and threat detection', (name) => {
    const out = stacks.get(name)!;
    if (usesAws(out)) {
      expect(resources(out, 'aws_cloudtrail').filter((t) => t.is_multi_region_trail)).toHaveLength(1);
      expect(resources(out, 'aws_guardduty_detector').length).toBe(out.provider!.aws.length);
    }
    if (usesAzure(out)) {
      expect(resources(out, 'azurerm_monitor_diagnostic_setting').some((d) => /^\/subscriptions\/[^/]+$/.test(d.target_resource_id))).toBe(true);
    }
  });

  test('public-bucket-no-object-logging: public bucket and blobs, no object-level logging', () => {
    const out = stack('public-bucket-no-object-logging');
    const pab = resources(out, 'aws_s3_bucket_public_access_block').find((p) => p.block_public_policy === false);
    expect(pab).toBeDefined();
    expect(resources(out, 'aws_s3_bucket_logging').map((l) => l.bucket)).not.toContain(pab!.bucket);
    expect(JSON.stringify(resources(out, 'aws_cloudtrail')[0].advanced_event_selector)).not.toContain(pab!.bucket.replace('.id}', '.arn}'));
    expect(resources(out, 'azurerm_storage_container').some((c) => c.container_access_type === 'blob')).toBe(true);
    expect(resources(out, 'azurerm_monitor_diagnostic_setting').some((d) => d.target_resource_id.endsWith('/blobServices/default'))).toBe(false);
  });

  test('permissive-sas: shared keys on, a year-long writable SAS, and IAM user keys', () => {
    const out = stack('permissive-sas');
    expect(resources(out, 'azurerm_storage_account')[0].shared_access_key_enabled).toBe(true);
    const sas = Object.values(out.data!.azurerm_storage_account_sas)[0];
    expect(sas).toMatchObject({ https_only: false, permissions: { write: true, delete: true, list: true } });
    expect(resources(out, 'aws_iam_access_key')).toHaveLength(1);
  });

  test('wildcard-iam: "*" actions, NotAction, and Owner at subscription scope', () => {
    const out = stack('wildcard-iam');
    const policy = JSON.parse(resources(out, 'aws_iam_role_policy').find((p) => p.policy.includes('EverythingEverywhere'))!.policy);
    expect(policy.Statement.map((s: { Action?: string; NotAction?: string }) => s.Action ?? `not ${s.NotAction}`)).toEqual(['s3:*', '*', 'iam:PassRole', 'not iam:*']);
    expect(resources(out, 'azurerm_role_assignment').find((r) => r.role_definition_name === 'Owner')!.scope).toMatch(/^\/subscriptions\/[^/]+$/);
  });

  test('unrestricted-egress: all protocols to the internet in AWS and Azure', () => {
    const out = stack('unrestricted-egress');
    expect(resources(out, 'aws_vpc_security_group_egress_rule')).toContainEqual(expect.objectContaining({ ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' }));
    expect(resources(out, 'aws_security_group').find((g) => g.egress)!.egress[0]).toMatchObject({ protocol: '-1', cidr_blocks: ['0.0.0.0/0'] });
    expect(resources(out, 'azurerm_network_security_rule')).toContainEqual(expect.objectContaining({ direction: 'Outbound', access: 'Allow', destination_address_prefix: 'Internet' }));
  });

  test('unbounded-log-retention: never-expiring and decade-long PII logs', () => {
    const out = stack('unbounded-log-retention');
    const retention = resources(out, 'aws_cloudwatch_log_group').filter((g) => g.name.startsWith('/leaky/')).map((g) => g.retention_in_days).sort();
    expect(retention).toEqual([0, 3653]);
    expect(resources(out, 'azurerm_log_analytics_workspace').map((w) => w.retention_in_days)).toContain(730);
  });

  test('audit-log-gap-region: data in eu-west-1 and eastus without Config / Network Watcher there', () => {
    const out = stack('audit-log-gap-region');
    expect(resources(out, 'aws_dynamodb_table')[0].provider).toBe('aws.eu-west-1');
    expect(resources(out, 'aws_config_configuration_recorder').map((r) => r.provider)).toEqual(['aws']);
    expect(resources(out, 'aws_guardduty_detector').map((d) => d.provider ?? 'aws').sort()).toEqual(['aws', 'aws.eu-west-1']);
    expect(resources(out, 'azurerm_network_security_group')[0].location).toBe('eastus');
    expect(resources(out, 'azurerm_network_watcher').map((w) => w.location)).toEqual(['westus2']);
  });

  test('shared-service-account: prod trusts the dev role and one principal holds roles in both', () => {
    const prod = stack('shared-service-account-prod');
    const role = resources(prod, 'aws_iam_role').find((r) => r.name === 'shop-orders-worker-prod-access')!;
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal.AWS).toBe('arn:aws:iam::222222222222:role/shop-orders-worker');
    expect(resources(stack('shared-service-account-dev'), 'aws_iam_role').map((r) => r.name)).toContain('shop-orders-worker');
    const principals = (n: string) => resources(stack(n), 'azurerm_role_assignment').map((r) => r.principal_id);
    expect(principals('shared-service-account-dev')).toContain(SHARED_SERVICE_PRINCIPAL_ID);
    expect(principals('shared-service-account-prod')).toContain(SHARED_SERVICE_PRINCIPAL_ID);
  });

  test('public-unencrypted-db-backup: unencrypted public RDS, weak vaults and SQL', () => {
    const out = stack('public-unencrypted-db-backup');
    expect(resources(out, 'aws_db_instance')[0]).toMatchObject({ storage_encrypted: false, publicly_accessible: true, backup_retention_period: 1, deletion_protection: false });
    expect(resources(out, 'aws_backup_vault')[0].kms_key_arn).toBeUndefined();
    expect(resources(out, 'aws_backup_vault_lock_configuration')).toHaveLength(0);
    expect(resources(out, 'azurerm_mssql_server')[0].public_network_access_enabled).toBe(true);
    expect(resources(out, 'azurerm_mssql_server_transparent_data_encryption')).toHaveLength(0);
    expect(resources(out, 'azurerm_recovery_services_vault')[0]).toMatchObject({ immutability: 'Disabled', soft_delete_enabled: false });
  });

  test('api-no-input-validation: POST without validator, anonymous GET and URL, WAF only detecting', () => {
    const out = stack('api-no-input-validation');
    const method = (verb: string) => resources(out, 'aws_api_gateway_method').find((m) => m.http_method === verb)!;
    expect(method('POST')).toMatchObject({ authorization: 'AWS_IAM' });
    expect(method('POST').request_validator_id).toBeUndefined();
    expect(method('GET')).toMatchObject({ authorization: 'NONE', api_key_required: true });
    expect(resources(out, 'aws_apigatewayv2_route')[0]).toMatchObject({ route_key: 'GET /orders/{id}' });
    expect(resources(out, 'aws_apigatewayv2_route')[0].authorization_type).toBeUndefined();
    expect(resources(out, 'aws_lambda_function_url')[0].authorization_type).toBe('NONE');
    expect(resources(out, 'aws_wafv2_web_acl_association')).toHaveLength(1);
    expect(resources(out, 'azurerm_cdn_frontdoor_firewall_policy')[0].mode).toBe('Detection');
  });

  test('cdn-caching-auth: authenticated paths cached at the edge', () => {
    const out = stack('cdn-caching-auth');
    const account = resources(out, 'aws_cloudfront_distribution')[0].ordered_cache_behavior.find((b: { path_pattern: string }) => b.path_pattern === '/account*');
    expect(account.cache_policy_id).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6');
    expect(resources(out, 'azurerm_cdn_frontdoor_route').find((r) => r.name === 'authenticated')!.cache).toBeDefined();
  });

  test("checkout-no-script-restriction: CSP allows '*' and inline script", () => {
    const out = stack('checkout-no-script-restriction');
    expect(resources(out, 'aws_cloudfront_response_headers_policy')[0].security_headers_config.content_security_policy.content_security_policy).toMatch(/script-src .*'unsafe-inline' \*/);
    expect(JSON.stringify(resources(out, 'azurerm_cdn_frontdoor_rule')[0].actions)).toContain("'unsafe-inline' *");
  });

  test('no-central-audit-correlation: PII stores outside the central trail and workspace', () => {
    const out = stack('no-central-audit-correlation');
    const selectors = JSON.stringify(resources(out, 'aws_cloudtrail')[0].advanced_event_selector);
    const customers = Object.keys(out.resource.aws_s3_bucket).find((k) => k.startsWith('customer-exports_bucket'))!;
    expect(selectors).not.toContain(customers);
    expect(selectors).not.toContain('DynamoDB');
    expect(resources(out, 'aws_db_instance')[0].enabled_cloudwatch_logs_exports).toBeUndefined();
    const central = Object.entries(out.resource.azurerm_log_analytics_workspace).find(([, w]) => w.tags.purpose === 'central-audit')![0];
    const blob = resources(out, 'azurerm_monitor_diagnostic_setting').find((d) => d.target_resource_id.endsWith('/blobServices/default'))!;
    expect(blob.log_analytics_workspace_id).not.toContain(central);
  });
});

describe('example pair (buildExampleApp)', () => {
  test('hardened, minimal: a bucket with its key and log bucket, and a hardened storage account', () => {
    const stacks = synthAll((app) => buildExampleApp(app, { leaky: false, baseline: false }));
    expect([...stacks.keys()]).toEqual(['HardenedAwsExample', 'HardenedAzureExample']);
    const aws = stacks.get('HardenedAwsExample')!;
    expect(resources(aws, 'aws_s3_bucket').map((b) => b.tags['data-classification']).sort()).toEqual(['internal', 'pii']);
    expect(resources(aws, 'aws_kms_key')).toHaveLength(1);
    expect(aws.provider!.aws[0].region).toBe('us-west-2');
    expect(resources(aws, 'aws_cloudtrail')).toHaveLength(0);
    expect(resources(stacks.get('HardenedAzureExample')!, 'azurerm_storage_account')[0].allow_nested_items_to_be_public).toBe(false);
  });

  test('hardened, default: adds the region baseline the region-wide controls ask for', () => {
    const stacks = synthAll((app) => buildExampleApp(app, { leaky: false }));
    const aws = stacks.get('HardenedAwsExample')!;
    expect(only(aws, 'aws_cloudtrail').name).toBe(EXAMPLE_TRAIL);
    expect(resources(aws, 'aws_guardduty_detector')).toHaveLength(1);
    const azure = stacks.get('HardenedAzureExample')!;
    const central = Object.entries(azure.resource.azurerm_log_analytics_workspace).find(([, w]) => w.name === EXAMPLE_WORKSPACE)![0];
    const blob = resources(azure, 'azurerm_monitor_diagnostic_setting').find((d) => d.target_resource_id.endsWith('/blobServices/default'))!;
    expect(blob.log_analytics_workspace_id).toBe(`\${azurerm_log_analytics_workspace.${central}.id}`);
  });

  test('leaky: public bucket without a block and AES256; public TLS 1.0 storage', () => {
    const stacks = synthAll((app) => buildExampleApp(app, { leaky: true }));
    expect([...stacks.keys()]).toEqual(['LeakyAwsExample', 'LeakyAzureExample']);
    const aws = stacks.get('LeakyAwsExample')!;
    expect(resources(aws, 'aws_s3_bucket_public_access_block')).toHaveLength(0);
    expect(resources(aws, 'aws_s3_bucket_acl')[0].acl).toBe('public-read');
    expect(resources(aws, 'aws_s3_bucket_server_side_encryption_configuration')[0].rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe('AES256');
    const azure = stacks.get('LeakyAzureExample')!;
    expect(resources(azure, 'azurerm_storage_account')[0]).toMatchObject({ allow_nested_items_to_be_public: true, min_tls_version: 'TLS1_0' });
    expect(resources(azure, 'azurerm_storage_container')[0].container_access_type).toBe('blob');
  });
});

test('leakguard.config.json is the policy configuration generated from stacks/config.ts', () => {
  const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../leakguard.config.json'), 'utf8'));
  // Regenerate with `npx tsc -p tsconfig.build.json && node dist/stacks/policy-config.js`.
  expect(file).toEqual(policyConfig());
});
