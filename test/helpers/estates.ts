// fast-check estates: several plans (stacks) in a few regions whose resources are tied to each
// other the ways rules look across resources — guards and encryption configured by reference
// or by literal bucket name, possibly from another stack; KMS keys referenced by log groups;
// roles of one environment trusting a role of another by ARN; trails, detectors and
// recorders present in some regions only; PII stores the trails may or may not cover.
import fc from 'fast-check';
import type { PlanDocument } from '../../src/load/types';
import { normalize } from '../../src/normalize';
import type { PolicyInput } from '../../src/types/policy-input';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const ENVS = ['prod', 'dev', 'staging'];
const ACCOUNT = '111122223333';

interface Res {
  type: string;
  name: string;
  values: Record<string, unknown>;
  refs?: Record<string, string[]>;
}

const bucket = fc.record({
  name: fc.integer({ min: 0, max: 5 }),
  pii: fc.boolean(),
  guard: fc.constantFrom('none', 'reference', 'literal'),
  guardHere: fc.boolean(),
  restrict: fc.boolean(),
  sse: fc.constantFrom('none', 'aes', 'kms-ref'),
  policyPublic: fc.boolean(),
});

const role = fc.record({ name: fc.integer({ min: 0, max: 4 }), env: fc.constantFrom(...ENVS), trusts: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), wildcard: fc.boolean() });

const stack = fc.record({
  region: fc.constantFrom(...REGIONS),
  env: fc.constantFrom(...ENVS),
  buckets: fc.array(bucket, { maxLength: 4 }),
  roles: fc.array(role, { maxLength: 3 }),
  keys: fc.array(fc.record({ rotation: fc.boolean(), logRetention: fc.constantFrom(0, 30, 365) }), { maxLength: 3 }),
  trail: fc.option(fc.record({ multiRegion: fc.boolean(), dataEvents: fc.boolean() }), { nil: null }),
  detector: fc.boolean(),
  recorder: fc.boolean(),
  openSg: fc.boolean(),
});

type StackSpec = typeof stack extends fc.Arbitrary<infer T> ? T : never;
export type EstateSpec = { stacks: StackSpec[]; constructWaivers: number[] };

export const estateSpec: fc.Arbitrary<EstateSpec> = fc.record({
  stacks: fc.array(stack, { minLength: 1, maxLength: 4 }),
  constructWaivers: fc.array(fc.nat(), { maxLength: 3 }),
});

function stackResources(s: StackSpec, i: number, all: StackSpec[]): Res[] {
  const out: Res[] = [];
  const tags = (extra: Record<string, string> = {}): Record<string, string> => ({ environment: s.env, owner: 'team', ...extra });
  s.keys.forEach((k, j) => {
    out.push({ type: 'aws_kms_key', name: `k${j}`, values: { enable_key_rotation: k.rotation, deletion_window_in_days: 30, tags: tags(), tags_all: tags() } });
    out.push({ type: 'aws_cloudwatch_log_group', name: `lg${j}`, values: { name: `/s${i}/lg${j}`, retention_in_days: k.logRetention, tags: tags() }, refs: { kms_key_id: [`aws_kms_key.k${j}.arn`, `aws_kms_key.k${j}`] } });
  });
  s.buckets.forEach((b, j) => {
    const name = `shop-bucket-${b.name}`;
    const t = tags({ 'data-classification': b.pii ? 'pii' : 'internal' });
    out.push({ type: 'aws_s3_bucket', name: `b${j}`, values: { bucket: name, tags: t, tags_all: t } });
    // The guard lives here or in the next stack (which then names the bucket literally).
    const guardValues = { bucket: name, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: b.restrict };
    if (b.guard === 'reference' && b.guardHere) out.push({ type: 'aws_s3_bucket_public_access_block', name: `b${j}`, values: guardValues, refs: { bucket: [`aws_s3_bucket.b${j}.id`, `aws_s3_bucket.b${j}`] } });
    if (b.guard === 'literal' && b.guardHere) out.push({ type: 'aws_s3_bucket_public_access_block', name: `b${j}`, values: guardValues });
    if (b.sse !== 'none' && s.keys.length > 0) {
      const kms = b.sse === 'kms-ref';
      out.push({
        type: 'aws_s3_bucket_server_side_encryption_configuration',
        name: `b${j}`,
        values: { bucket: name, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: kms ? 'aws:kms' : 'AES256', kms_master_key_id: null }], bucket_key_enabled: kms }] },
        refs: { bucket: [`aws_s3_bucket.b${j}.id`, `aws_s3_bucket.b${j}`], ...(kms ? { 'rule.apply_server_side_encryption_by_default.kms_master_key_id': ['aws_kms_key.k0.arn', 'aws_kms_key.k0'] } : {}) },
      });
    }
    if (b.policyPublic) {
      out.push({ type: 'aws_s3_bucket_policy', name: `b${j}`, values: { bucket: name, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` }] }) }, refs: { bucket: [`aws_s3_bucket.b${j}.id`, `aws_s3_bucket.b${j}`] } });
    }
  });
  // Guards of the previous stack's buckets that live here, naming their bucket literally.
  const prev = all[(i + all.length - 1) % all.length];
  if (all.length > 1) {
    prev.buckets.forEach((b, j) => {
      if (b.guard !== 'none' && !b.guardHere) {
        out.push({ type: 'aws_s3_bucket_public_access_block', name: `from_prev_${j}`, values: { bucket: `shop-bucket-${b.name}`, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: b.restrict } });
      }
    });
  }
  s.roles.forEach((r, j) => {
    const principal = r.trusts === null ? { Service: 'lambda.amazonaws.com' } : { AWS: `arn:aws:iam::${ACCOUNT}:role/role-${r.trusts}` };
    const t = { environment: r.env, owner: 'team' };
    out.push({ type: 'aws_iam_role', name: `r${j}`, values: { name: `role-${r.name}`, assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] }), tags: t, tags_all: t } });
    out.push({ type: 'aws_iam_policy', name: `p${j}`, values: { name: `policy-${i}-${j}`, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: r.wildcard ? '*' : 's3:GetObject', Resource: '*' }] }) } });
    out.push({ type: 'aws_iam_role_policy_attachment', name: `a${j}`, values: { role: `role-${r.name}` }, refs: { role: [`aws_iam_role.r${j}.name`, `aws_iam_role.r${j}`], policy_arn: [`aws_iam_policy.p${j}.arn`, `aws_iam_policy.p${j}`] } });
  });
  if (s.trail) {
    const selector = s.trail.dataEvents ? [{ read_write_type: 'All', include_management_events: true, data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] : [];
    out.push({ type: 'aws_cloudtrail', name: 'trail', values: { name: `trail-${i}`, is_multi_region_trail: s.trail.multiRegion, include_global_service_events: true, enable_log_file_validation: true, event_selector: selector, tags: tags() } });
  }
  if (s.detector) out.push({ type: 'aws_guardduty_detector', name: 'gd', values: { enable: true, tags: tags() } });
  if (s.recorder) out.push({ type: 'aws_config_configuration_recorder', name: 'rec', values: { name: `rec-${i}`, recording_group: [{ all_supported: true, include_global_resource_types: true }] } });
  out.push({
    type: 'aws_security_group',
    name: 'sg',
    values: { name: `sg-${i}`, ingress: [{ cidr_blocks: [s.openSg ? '0.0.0.0/0' : '10.0.0.0/8'], from_port: 22, to_port: 22, protocol: 'tcp', ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' }], egress: [], tags: tags() },
  });
  return out;
}

function planOf(resources: Res[], region: string): Record<string, unknown> {
  const address = (r: Res): string => `${r.type}.${r.name}`;
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: { resources: resources.map((r) => ({ address: address(r), mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws', values: r.values, sensitive_values: {} })) } },
    resource_changes: resources.map((r) => ({ address: address(r), mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: r.values, after_unknown: {}, before_sensitive: false, after_sensitive: {} } })),
    configuration: {
      provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: region } } } },
      root_module: {
        resources: resources.map((r) => ({
          address: address(r), mode: 'managed', type: r.type, name: r.name, provider_config_key: 'aws', schema_version: 0,
          expressions: Object.fromEntries(Object.entries(r.refs ?? {}).map(([k, v]) => [k, { references: v }])),
        })),
      },
    },
  };
}

/** The estate's plans, one per stack, as loaded. */
export function estateDocs(spec: EstateSpec): PlanDocument[] {
  return spec.stacks.map((s, i) => ({ kind: 'plan', format: 'plan', stack: `stack${i}-${s.env}`, file: `stack${i}.json`, plan: planOf(stackResources(s, i, spec.stacks), s.region) }));
}

/** The estate normalized as `leakguard check` of its plans would, plus waivers CDKTF constructs would have recorded. */
export function estateInput(spec: EstateSpec): PolicyInput {
  const input = normalize(estateDocs(spec));
  const keys = [...(input.by_type.aws_s3_bucket ?? []), ...(input.by_type.aws_kms_key ?? [])];
  for (const n of spec.constructWaivers) {
    if (keys.length === 0) break;
    const r = input.resources[keys[n % keys.length]];
    r.waivers = [{ rule: r.type === 'aws_s3_bucket' ? 'aws-s3-public-access-block' : 'aws-kms-key-rotation', reason: 'generated', owner: 'platform', expires: '2099-01-01' }];
  }
  return input;
}
