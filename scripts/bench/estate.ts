// Terraform plans shaped like a real estate, for the benchmark: per service a bucket with its
// public access block, encryption and versioning, a KMS key with its policy, a log group
// encrypted with it, a security group, an IAM role, a managed policy and its attachment,
// every link a reference in `configuration`; per plan a trail, a recorder and a detector.
// A quarter of the services are unchanged (known values), the rest created (ids and ARNs
// unknown): about 1.8 KB of plan per resource (issue 12 measured plans of about 1.45 KB).

const PROVIDER = 'registry.terraform.io/hashicorp/aws';

interface Options {
  /** Region of the plan's provider. */
  region: string;
  /** Prefix of every name, so several plans of one estate do not collide. */
  prefix: string;
  account: string;
}

type Values = Record<string, unknown>;

export function estatePlan(n: number, opts: Options = { region: 'us-west-2', prefix: 'shop', account: '111122223333' }): object {
  const { region, prefix, account } = opts;
  const resources: object[] = [];
  const changes: object[] = [];
  const config: object[] = [];
  const arn = (svc: string, rest: string): string => `arn:aws:${svc}:${region}:${account}:${rest}`;
  const add = (type: string, name: string, values: Values, refs: Record<string, string[]> = {}, created = false): void => {
    const address = `${type}.${name}`;
    const after = { ...values };
    const unknown: Values = {};
    if (created) for (const k of ['id', 'arn']) if (k in after) { delete after[k]; unknown[k] = true; }
    resources.push({ address, mode: 'managed', type, name, provider_name: PROVIDER, schema_version: 0, values: after, sensitive_values: { tags: {}, tags_all: {} } });
    changes.push({
      address, mode: 'managed', type, name, provider_name: PROVIDER,
      change: { actions: [created ? 'create' : 'no-op'], before: created ? null : values, after, after_unknown: unknown, before_sensitive: created ? false : {}, after_sensitive: { tags: {}, tags_all: {} } },
    });
    const expressions: Record<string, object> = {};
    for (const [k, v] of Object.entries(refs)) expressions[k] = { references: v };
    // Literal arguments; policy documents are written with jsonencode(), which has no constant_value.
    for (const [k, v] of Object.entries(values)) if (!(k in refs) && !['id', 'arn', 'tags_all', 'policy', 'assume_role_policy'].includes(k) && typeof v !== 'object') expressions[k] = { constant_value: v };
    config.push({ address, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0 });
  };
  const tags = (i: number): Record<string, string> => ({
    'data-classification': i % 3 === 0 ? 'pii' : 'internal', owner: `team-${i % 17}`, environment: 'prod',
  });
  const doc = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

  add('aws_cloudtrail', 'estate', {
    name: `${prefix}-trail`, s3_bucket_name: `${prefix}-audit`, is_multi_region_trail: true, include_global_service_events: true, enable_log_file_validation: true,
    kms_key_id: arn('kms', 'key/audit'), event_selector: [{ read_write_type: 'All', include_management_events: true, data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }], exclude_management_event_sources: [] }],
    id: `${prefix}-trail`, arn: arn('cloudtrail', `trail/${prefix}-trail`), tags: tags(0), tags_all: tags(0),
  });
  add('aws_config_configuration_recorder', 'estate', { name: `${prefix}-recorder`, role_arn: `arn:aws:iam::${account}:role/config`, recording_group: [{ all_supported: true, include_global_resource_types: true }], id: `${prefix}-recorder` });
  add('aws_guardduty_detector', 'estate', { enable: true, finding_publishing_frequency: 'SIX_HOURS', id: `${prefix}-detector`, arn: arn('guardduty', 'detector/x'), tags: tags(0), tags_all: tags(0) });

  for (let i = 0; resources.length < n; i++) {
    const s = `s${i}`;
    const created = i % 4 !== 0;
    const bucket = `${prefix}-data-${i}`;
    const t = tags(i);
    add('aws_s3_bucket', s, {
      bucket, force_destroy: false, object_lock_enabled: false, tags: t, tags_all: t, id: bucket, arn: `arn:aws:s3:::${bucket}`,
      bucket_regional_domain_name: `${bucket}.s3.${region}.amazonaws.com`, region,
    }, {}, created);
    add('aws_s3_bucket_public_access_block', s, { bucket, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: i % 50 !== 0, id: bucket }, { bucket: [`aws_s3_bucket.${s}.id`, `aws_s3_bucket.${s}`] }, created);
    add('aws_s3_bucket_server_side_encryption_configuration', s, {
      bucket, expected_bucket_owner: '', id: bucket,
      rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: arn('kms', `key/k-${i}`) }], bucket_key_enabled: true }],
    }, { bucket: [`aws_s3_bucket.${s}.id`, `aws_s3_bucket.${s}`], 'rule.apply_server_side_encryption_by_default.kms_master_key_id': [`aws_kms_key.${s}.arn`, `aws_kms_key.${s}`] }, created);
    add('aws_s3_bucket_versioning', s, { bucket, expected_bucket_owner: '', mfa: null, id: bucket, versioning_configuration: [{ status: 'Enabled', mfa_delete: '' }] }, { bucket: [`aws_s3_bucket.${s}.id`, `aws_s3_bucket.${s}`] }, created);
    add('aws_kms_key', s, {
      description: `data key ${i}`, enable_key_rotation: i % 7 !== 0, deletion_window_in_days: 30, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT', is_enabled: true, multi_region: false,
      policy: doc([{ Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }]), key_id: `k-${i}`, id: `k-${i}`, arn: arn('kms', `key/k-${i}`), tags: t, tags_all: t,
    }, {}, created);
    add('aws_cloudwatch_log_group', s, { name: `/${prefix}/svc-${i}`, retention_in_days: i % 9 === 0 ? 0 : 365, kms_key_id: arn('kms', `key/k-${i}`), skip_destroy: false, log_group_class: 'STANDARD', id: `/${prefix}/svc-${i}`, arn: arn('logs', `log-group:/${prefix}/svc-${i}`), tags: t, tags_all: t }, { kms_key_id: [`aws_kms_key.${s}.arn`, `aws_kms_key.${s}`] }, created);
    const rule = (cidr: string, port: number): object => ({ cidr_blocks: [cidr], from_port: port, to_port: port, protocol: 'tcp', ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' });
    add('aws_security_group', s, {
      name: `${prefix}-sg-${i}`, description: 'service', vpc_id: 'vpc-0abc', revoke_rules_on_delete: false, id: `sg-${i}`, arn: arn('ec2', `security-group/sg-${i}`), owner_id: account,
      ingress: [rule(i % 97 === 0 ? '0.0.0.0/0' : '10.0.0.0/8', 443)], egress: [rule('10.0.0.0/8', 443)], tags: t, tags_all: t,
    }, {}, created);
    add('aws_iam_role', s, {
      name: `${prefix}-role-${i}`, path: '/', max_session_duration: 3600, force_detach_policies: false, description: '', id: `${prefix}-role-${i}`, arn: `arn:aws:iam::${account}:role/${prefix}-role-${i}`, unique_id: `AROA${i}`,
      assume_role_policy: doc([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]), managed_policy_arns: [], inline_policy: [], tags: t, tags_all: t,
    }, {}, created);
    add('aws_iam_policy', s, {
      name: `${prefix}-policy-${i}`, path: '/', description: '', id: `arn:aws:iam::${account}:policy/${prefix}-policy-${i}`, arn: `arn:aws:iam::${account}:policy/${prefix}-policy-${i}`, policy_id: `ANPA${i}`,
      policy: doc([{ Effect: 'Allow', Action: i % 61 === 0 ? ['s3:*'] : ['s3:GetObject', 's3:PutObject'], Resource: [`arn:aws:s3:::${bucket}/*`] }, { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [arn('kms', `key/k-${i}`)] }]), tags: t, tags_all: t,
    }, {}, created);
    add('aws_iam_role_policy_attachment', s, { role: `${prefix}-role-${i}`, policy_arn: `arn:aws:iam::${account}:policy/${prefix}-policy-${i}`, id: `${prefix}-role-${i}-x` }, { role: [`aws_iam_role.${s}.name`, `aws_iam_role.${s}`], policy_arn: [`aws_iam_policy.${s}.arn`, `aws_iam_policy.${s}`] }, created);
  }
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', full_name: PROVIDER, expressions: { region: { constant_value: region } } } }, root_module: { resources: config } },
  };
}

/** The plans of an estate of n resources over `plans` stacks, each in its own region and account. */
export function estatePlans(n: number, plans: number): object[] {
  const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ca-central-1', 'sa-east-1', 'ap-northeast-1'];
  return Array.from({ length: plans }, (_, p) =>
    estatePlan(Math.ceil(n / plans), { region: regions[p % regions.length], prefix: `stack${p}`, account: String(111122223333 + p) }),
  );
}
