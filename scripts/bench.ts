// Benchmark: prints figures for load, normalize and evaluate over (a) a synthetic plan of
// N resources shaped like a real estate and (b) the synthesized reference shop.
// Usage: node dist/scripts/bench.js [--resources 20000] [--runs 5]
import { mkdtempSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from '../src/load';
import { normalize } from '../src/normalize';
import { loadCompiledPolicy } from '../src/evaluate/policy';
import { loadConfig, policyData } from '../src/evaluate/config';
import { App } from 'cdktf';
import { buildApp } from '../stacks/app';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

/** A plan of n resources: buckets with their blocks/SSE, keys, roles, log groups, SGs. */
function syntheticPlan(n: number): object {
  const resources: object[] = [];
  const changes: object[] = [];
  const config: object[] = [];
  const add = (type: string, name: string, values: object, refs: Record<string, string[]> = {}) => {
    const address = `${type}.${name}`;
    resources.push({ address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} });
    changes.push({ address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: values, after_unknown: { id: true, arn: true }, before_sensitive: false, after_sensitive: {} } });
    const expressions: Record<string, object> = {};
    for (const [k, v] of Object.entries(refs)) expressions[k] = { references: v };
    config.push({ address, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0 });
  };
  const tags = { 'data-classification': 'pii', owner: 'team-a', environment: 'prod', 'cost-center': 'cc-1234', service: 'checkout' };
  for (let i = 0; resources.length < n; i++) {
    const b = `b${i}`;
    add('aws_s3_bucket', b, { bucket: `shop-bucket-${i}`, force_destroy: false, tags, tags_all: tags, object_lock_enabled: false });
    add('aws_s3_bucket_public_access_block', b, { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: i % 50 !== 0 }, { bucket: [`aws_s3_bucket.${b}.id`, `aws_s3_bucket.${b}`] });
    add('aws_s3_bucket_server_side_encryption_configuration', b, { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: null }], bucket_key_enabled: true }] }, { bucket: [`aws_s3_bucket.${b}.id`, `aws_s3_bucket.${b}`], 'rule.apply_server_side_encryption_by_default.kms_master_key_id': [`aws_kms_key.k${i}.arn`, `aws_kms_key.k${i}`] });
    add('aws_kms_key', `k${i}`, { enable_key_rotation: i % 7 !== 0, deletion_window_in_days: 30, description: `key ${i}`, tags, tags_all: tags });
    add('aws_cloudwatch_log_group', `lg${i}`, { name: `/shop/svc-${i}`, retention_in_days: i % 9 === 0 ? 0 : 90, tags, tags_all: tags });
    add('aws_security_group', `sg${i}`, { name: `sg-${i}`, description: 'service', egress: [{ cidr_blocks: ['10.0.0.0/8'], from_port: 443, to_port: 443, protocol: 'tcp', ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' }], ingress: [], tags, tags_all: tags });
    add('aws_iam_role', `r${i}`, { name: `role-${i}`, assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }), max_session_duration: 3600, tags, tags_all: tags });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'us-west-2' } } } }, root_module: { resources: config } },
  };
}

async function measure(label: string, path: string, runs: number, configPath?: string): Promise<void> {
  const policy = await loadCompiledPolicy();
  const data = policyData(loadConfig(configPath), configPath, '2026-01-01');
  const load: number[] = [];
  const norm: number[] = [];
  const evals: number[] = [];
  let findings = 0;
  let resources = 0;
  let peak = 0;
  for (let r = 0; r < runs; r++) {
    let t = process.hrtime.bigint();
    const docs = await loadPaths([path]);
    load.push(ms(t));
    t = process.hrtime.bigint();
    const input = normalize(docs);
    norm.push(ms(t));
    t = process.hrtime.bigint();
    const decision = policy.evaluate(input, data);
    evals.push(ms(t));
    findings = decision.summary.findings;
    resources = decision.summary.resources;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const total = load.map((l, i) => l + norm[i] + evals[i]);
  console.log(
    `${label}: ${resources} resources, ${findings} findings | median of ${runs}: load ${median(load).toFixed(0)} ms, ` +
      `normalize ${median(norm).toFixed(0)} ms, evaluate ${median(evals).toFixed(0)} ms, total ${median(total).toFixed(0)} ms | peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`,
  );
}

/** Synth of the whole reference shop (same as `cdktf synth`), median of `runs`, into temp folders. */
function synthShop(runs: number): string {
  const times: number[] = [];
  let outdir = '';
  for (let r = 0; r < runs; r++) {
    outdir = join(mkdtempSync(join(tmpdir(), 'leakguard-bench-synth-')), 'cdktf.out');
    const t = process.hrtime.bigint();
    const app = new App({ outdir, stackTraces: false });
    buildApp(app);
    app.synth();
    times.push(ms(t));
  }
  console.log(`synth of the reference shop: median of ${runs} ${median(times).toFixed(0)} ms (first ${times[0].toFixed(0)} ms, includes module loading)`);
  return outdir;
}

async function main(): Promise<void> {
  const runs = Number(arg('runs', '5'));
  const n = Number(arg('resources', '20000'));
  const app = synthShop(runs);
  const input = normalize(await loadPaths([app]));
  console.log(`reference shop: ${Object.keys(input.stacks).length} stacks, ${Object.keys(input.resources).length} resources`);
  await measure(`check of the reference shop (leakguard.config.json)`, app, runs, join(__dirname, '..', '..', 'leakguard.config.json'));
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-bench-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(syntheticPlan(n)));
  console.log(`synthetic plan: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  await measure(`synthetic plan`, file, runs);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
