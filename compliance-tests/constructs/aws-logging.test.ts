import { TerraformStack } from 'cdktf';
import { BoundedLogGroup, BoundedLogGroupProps } from '../../stacks/constructs/aws/log-group';
import { AwsRegionalProviders } from '../../stacks/constructs/aws/providers';
import { RegionalBaseline } from '../../stacks/constructs/aws/baseline';
import { HardenedBucket } from '../../stacks/constructs/aws/bucket';
import { cleanup, doc, only, ref, resources, Synth, synth, testStack } from './helpers';

afterAll(cleanup);

describe('BoundedLogGroup', () => {
  const stack = testStack();
  new BoundedLogGroup(stack, 'orders', { name: '/app/orders' });
  const out = synth(stack);

  test('retention is bounded (365 days by default) and the group is encrypted with a CMK', () => {
    const group = only(out, 'aws_cloudwatch_log_group');
    expect(group.retention_in_days).toBe(365);
    expect(group.kms_key_id).toBe(ref(out, 'aws_kms_key', 'arn'));
  });

  test('the CMK admits the regional Logs service', () => {
    expect(JSON.stringify(doc(only(out, 'aws_kms_key')))).toContain('logs.us-west-2.amazonaws.com');
  });

  test('PII groups (the default) get Audit and Deidentify data-protection statements', () => {
    const policy = only(out, 'aws_cloudwatch_log_data_protection_policy');
    expect(policy.log_group_name).toBe(ref(out, 'aws_cloudwatch_log_group', 'name'));
    const statements = JSON.parse(policy.policy_document).Statement;
    expect(statements.map((s: { Operation: object }) => Object.keys(s.Operation)[0])).toEqual(['Audit', 'Deidentify']);
    expect(statements[0].DataIdentifier).toContain('arn:aws:dataprotection::aws:data-identifier/EmailAddress');
  });

  test('confidential groups are masked too (they may hold personal data)', () => {
    const s = testStack();
    new BoundedLogGroup(s, 'support', { name: '/app/support', classification: 'confidential' });
    expect(resources(synth(s), 'aws_cloudwatch_log_data_protection_policy')).toHaveLength(1);
  });

  test('non-personal groups are not masked', () => {
    const s = testStack();
    new BoundedLogGroup(s, 'ops', { name: '/app/ops', classification: 'internal', retentionDays: 30 });
    expect(resources(synth(s), 'aws_cloudwatch_log_data_protection_policy')).toHaveLength(0);
  });
});

const logRejected: [string, Partial<BoundedLogGroupProps>, RegExp][] = [
  ['retention 0 (never expire)', { retentionDays: 0 }, /retentionDays/],
  ['retention above the default 400-day maximum', { retentionDays: 731 }, /retentionDays/],
  ['retention below the default 30-day minimum', { retentionDays: 14 }, /retentionDays/],
  ['retention above a configured maximum', { retentionDays: 365, maxRetentionDays: 90 }, /retentionDays/],
  ['a value CloudWatch does not accept', { retentionDays: 45 }, /not a CloudWatch retention value/],
  ['a maximum below the minimum', { minRetentionDays: 90, maxRetentionDays: 60 }, /maxRetentionDays/],
  ['a PII group with nothing to mask', { dataIdentifiers: [] }, /at least one data identifier/],
];
test.each(logRejected)('BoundedLogGroup rejects %s', (_name, override, message) => {
  expect(() => new BoundedLogGroup(testStack(), 'l', { name: '/x', ...override })).toThrow(message);
});

test('BoundedLogGroup rejects a stack with no AWS region to derive the Logs principal from', () => {
  expect(() => new BoundedLogGroup(testStack({ aws: false }), 'l', { name: '/x' })).toThrow(/cannot determine the AWS region/);
});

describe('RegionalBaseline (three regions)', () => {
  const stack = testStack({ aws: false });
  const providers = new AwsRegionalProviders(stack, 'providers', { regions: ['us-west-2', 'us-east-1', 'eu-west-1'] });
  new RegionalBaseline(stack, 'baseline', { providers });
  const out = synth(stack);
  const byProvider = (type: string) => resources(out, type).map((r) => r.provider).sort();
  const everyRegion = ['aws', 'aws.eu-west-1', 'aws.us-east-1'];

  test('providers: home unaliased, others aliased by region, default tags, offline-safe flags, no keys', () => {
    const aws = out.provider!.aws;
    expect(aws.map((p) => [p.alias, p.region])).toEqual([[undefined, 'us-west-2'], ['us-east-1', 'us-east-1'], ['eu-west-1', 'eu-west-1']]);
    for (const p of aws) {
      expect(p).toMatchObject({ skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: 'true' });
      expect(p.default_tags[0].tags).toMatchObject({ owner: 'team-test', environment: 'test' });
      expect(p.access_key).toBeUndefined();
      expect(p.secret_key).toBeUndefined();
    }
  });

  test('GuardDuty is enabled with S3 protection in every region', () => {
    expect(byProvider('aws_guardduty_detector')).toEqual(everyRegion);
    expect(resources(out, 'aws_guardduty_detector').every((d) => d.enable === true)).toBe(true);
    const features = resources(out, 'aws_guardduty_detector_feature');
    expect(features.map((f) => [f.provider, f.name, f.status]).sort()).toEqual(everyRegion.map((p) => [p, 'S3_DATA_EVENTS', 'ENABLED']));
  });

  test('AWS Config records, delivers and is switched on in every region', () => {
    expect(byProvider('aws_config_configuration_recorder')).toEqual(everyRegion);
    expect(byProvider('aws_config_delivery_channel')).toEqual(everyRegion);
    expect(resources(out, 'aws_config_configuration_recorder_status').every((s) => s.is_enabled === true)).toBe(true);
    expect(byProvider('aws_config_configuration_recorder_status')).toEqual(everyRegion);
  });

  test('exactly one trail: multi-region, global events, validated, KMS, CloudWatch Logs', () => {
    const trail = only(out, 'aws_cloudtrail');
    expect(trail).toMatchObject({ is_multi_region_trail: true, include_global_service_events: true, enable_log_file_validation: true });
    expect(trail.kms_key_id).toBe(ref(out, 'aws_kms_key', 'arn'));
    expect(trail.cloud_watch_logs_group_arn).toBe(`${ref(out, 'aws_cloudwatch_log_group', 'arn')}:*`);
    expect(trail.s3_bucket_name).toBe(ref(out, 'aws_s3_bucket', 'id', (b) => b.bucket_prefix === 'trail-bucket-'));
  });

  test('records S3 object data events for every bucket except its own', () => {
    const s3 = only(out, 'aws_cloudtrail').advanced_event_selector.find((s: { name: string }) => s.name === 's3-data-events');
    expect(s3.field_selector).toContainEqual({ field: 'resources.type', equals: ['AWS::S3::Object'] });
    const trailBucketArn = ref(out, 'aws_s3_bucket', 'arn', (b) => b.bucket_prefix === 'trail-bucket-');
    expect(s3.field_selector).toContainEqual({ field: 'resources.ARN', not_starts_with: [`${trailBucketArn}/`] });
  });
});

function listedTrail(cover: (b: RegionalBaseline, s: TerraformStack) => void): Synth {
  const stack = testStack({ aws: false });
  const providers = new AwsRegionalProviders(stack, 'providers', { regions: ['us-west-2'] });
  cover(new RegionalBaseline(stack, 'baseline', { providers, dataEvents: 'listed' }), stack);
  return synth(stack);
}

test('listed mode records only the access-log bucket and the buckets passed in', () => {
  const out = listedTrail((b, s) => b.coverS3Bucket(new HardenedBucket(s, 'customers', { accessLogBucket: b.accessLogBucket })));
  const s3 = only(out, 'aws_cloudtrail').advanced_event_selector.find((x: { name: string }) => x.name === 's3-data-events');
  const arn = (prefix: string) => `${ref(out, 'aws_s3_bucket', 'arn', (b) => b.bucket_prefix === prefix)}/`;
  expect(s3.field_selector).toContainEqual({ field: 'resources.ARN', starts_with: [arn('access-logs-'), arn('customers-')] });
});

const baselineRejected: [string, (s: TerraformStack) => unknown, RegExp][] = [
  ['duplicate regions', (s) => new AwsRegionalProviders(s, 'p', { regions: ['us-west-2', 'us-west-2'] }), /duplicates/],
  ['a malformed region', (s) => new AwsRegionalProviders(s, 'p', { regions: ['mars-1'] }), /not an AWS region/],
  ['no regions', (s) => new AwsRegionalProviders(s, 'p', { regions: [] }), /must not be empty/],
  ['an unknown data-event mode', (s) => new RegionalBaseline(s, 'b', { providers: new AwsRegionalProviders(s, 'p', { regions: ['us-west-2'] }), dataEvents: 'none' as 'all' }), /dataEvents/],
  ['recording the trail bucket itself', (s) => {
    const b = new RegionalBaseline(s, 'b', { providers: new AwsRegionalProviders(s, 'p', { regions: ['us-west-2'] }), dataEvents: 'listed' });
    b.coverS3Bucket(b.trailBucket);
  }, /cannot record its own/],
];
test.each(baselineRejected)('RegionalBaseline rejects %s', (_name, build, message) => {
  expect(() => build(testStack({ aws: false }))).toThrow(message);
});
