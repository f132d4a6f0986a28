import { TerraformStack } from 'cdktf';
import { HardenedBucket } from '../../stacks/constructs/aws/bucket';
import { HardenedKey } from '../../stacks/constructs/aws/key';
import { UnsafeConfigError } from '../../stacks/constructs/common/errors';
import { cleanup, doc, only, ref, resources, statement, synth, testStack } from './helpers';

afterAll(cleanup);

describe('HardenedBucket secure defaults (no options)', () => {
  const stack = testStack();
  new HardenedBucket(stack, 'exports');
  const out = synth(stack);
  const data = (b: Record<string, any>) => b.bucket_prefix === 'exports-';
  const bucketId = ref(out, 'aws_s3_bucket', 'id', data);
  const forBucket = (type: string) => resources(out, type).find((r) => r.bucket === bucketId)!;

  test('creates the data bucket plus its own access-log bucket, classified and owned', () => {
    const tags = resources(out, 'aws_s3_bucket').map((b) => b.tags['data-classification']).sort();
    expect(tags).toEqual(['internal', 'pii']);
    expect(resources(out, 'aws_s3_bucket').find(data)!.tags).toMatchObject({ owner: 'team-test', environment: 'test' });
  });

  test('blocks public access with all four flags, linked by reference', () => {
    expect(forBucket('aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
  });

  test('disables ACLs', () => {
    expect(forBucket('aws_s3_bucket_ownership_controls').rule.object_ownership).toBe('BucketOwnerEnforced');
  });

  test('encrypts with SSE-KMS under a rotating CMK and a bucket key', () => {
    const rule = forBucket('aws_s3_bucket_server_side_encryption_configuration').rule[0];
    expect(rule.bucket_key_enabled).toBe(true);
    expect(rule.apply_server_side_encryption_by_default.sse_algorithm).toBe('aws:kms');
    expect(rule.apply_server_side_encryption_by_default.kms_master_key_id).toBe(ref(out, 'aws_kms_key', 'arn'));
    expect(only(out, 'aws_kms_key').enable_key_rotation).toBe(true);
  });

  test('enables versioning', () => {
    expect(forBucket('aws_s3_bucket_versioning').versioning_configuration.status).toBe('Enabled');
  });

  test('denies non-TLS requests in the bucket policy', () => {
    const deny = statement(doc(forBucket('aws_s3_bucket_policy')), 'DenyInsecureTransport');
    expect(deny).toMatchObject({ Effect: 'Deny', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  test('logs object access to the access-log bucket', () => {
    const logging = only(out, 'aws_s3_bucket_logging');
    expect(logging.bucket).toBe(bucketId);
    expect(logging.target_bucket).toBe(ref(out, 'aws_s3_bucket', 'id', (b) => b.bucket_prefix === 'access-logs-'));
  });

  test('the access-log bucket admits S3 log delivery, uses SSE-S3 (the only encryption log delivery accepts) and expires logs', () => {
    const logBucketId = ref(out, 'aws_s3_bucket', 'id', (b) => b.bucket_prefix === 'access-logs-');
    const sse = resources(out, 'aws_s3_bucket_server_side_encryption_configuration').find((c) => c.bucket === logBucketId)!;
    expect(sse.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
    const policy = doc(resources(out, 'aws_s3_bucket_policy').find((p) => p.bucket === logBucketId)!);
    expect(statement(policy, 'S3ServerAccessLogDelivery').Principal).toEqual({ Service: 'logging.s3.amazonaws.com' });
    const lifecycle = resources(out, 'aws_s3_bucket_lifecycle_configuration').find((l) => l.bucket === logBucketId)!;
    expect(lifecycle.rule[0].expiration[0].days).toBe(365);
  });

  test('has a lifecycle expiring old versions and aborted uploads', () => {
    const rule = forBucket('aws_s3_bucket_lifecycle_configuration').rule[0];
    expect(rule.noncurrent_version_expiration[0].noncurrent_days).toBe(90);
    expect(rule.abort_incomplete_multipart_upload[0].days_after_initiation).toBe(7);
  });
});

describe('HardenedBucket options', () => {
  test('object lock retention is COMPLIANCE mode', () => {
    const stack = testStack();
    new HardenedBucket(stack, 'locked', { objectLockRetentionDays: 30 });
    const out = synth(stack);
    expect(only(out, 'aws_s3_bucket_object_lock_configuration').rule.default_retention).toEqual({ mode: 'COMPLIANCE', days: 30 });
    expect(resources(out, 'aws_s3_bucket').some((b) => b.object_lock_enabled === true)).toBe(true);
  });

  test('a service principal statement is accepted', () => {
    const stack = testStack();
    const b = new HardenedBucket(stack, 'b');
    expect(() => b.addPolicyStatement({ principal: { Service: 'cloudtrail.amazonaws.com' }, actions: ['s3:PutObject'], resources: [`${b.arn}/*`] })).not.toThrow();
  });
});

const rejected: [string, (s: TerraformStack) => unknown, RegExp][] = [
  ['a public (Principal "*") bucket policy statement', (s) => new HardenedBucket(s, 'b', { policyStatements: [{ principal: '*', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::x/*'] }] }), /public access/],
  ['an AWS "*" principal', (s) => new HardenedBucket(s, 'b').addPolicyStatement({ principal: { AWS: '*' }, actions: ['s3:GetObject'], resources: ['arn:aws:s3:::x/*'] }), /public access/],
  ['an invalid bucket name', (s) => new HardenedBucket(s, 'b', { name: 'Not_A_Bucket' }), /invalid bucket name/],
  ['noncurrent version expiry of 0 days', (s) => new HardenedBucket(s, 'b', { noncurrentVersionExpirationDays: 0 }), /noncurrentVersionExpirationDays/],
  ['expiration above 3650 days', (s) => new HardenedBucket(s, 'b', { expirationDays: 3651 }), /expirationDays/],
  ['object lock retention of 0 days', (s) => new HardenedBucket(s, 'b', { objectLockRetentionDays: 0 }), /objectLockRetentionDays/],
  ['a log target that logs elsewhere', (s) => new HardenedBucket(s, 'b', { isAccessLogTarget: true, accessLogBucket: new HardenedBucket(s, 'l', { isAccessLogTarget: true }) }), /access-log target/],
  ['a malformed AWS account id', (s) => new HardenedBucket(s, 'b', { accountId: '1234' }), /12 digits/],
];
test.each(rejected)('HardenedBucket rejects %s', (_name, build, message) => {
  expect(() => build(testStack())).toThrow(UnsafeConfigError);
  expect(() => build(testStack())).toThrow(message);
});

describe('HardenedKey', () => {
  const stack = testStack();
  new HardenedKey(stack, 'k', { servicePrincipals: ['cloudtrail.amazonaws.com', 'logs.us-west-2.amazonaws.com'], alias: 'orders' });
  const out = synth(stack);
  const body = only(out, 'aws_kms_key');

  test('rotates and keeps a deletion window of at least 7 days', () => {
    expect(body.enable_key_rotation).toBe(true);
    expect(body.deletion_window_in_days).toBe(30);
  });

  test('never grants to Principal "*"; the account root administers', () => {
    const policy = doc(body);
    for (const s of policy.Statement.filter((x) => x.Effect === 'Allow')) {
      expect(s.Principal).not.toBe('*');
      expect(JSON.stringify(s.Principal)).not.toContain('"*"');
    }
    expect(statement(policy, 'AccountRootAdministers').Principal).toEqual({ AWS: 'arn:aws:iam::123456789012:root' });
  });

  test('service grants are scoped to this account (Logs by encryption context)', () => {
    const policy = doc(body);
    expect(statement(policy, 'ServicecloudtrailUse').Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' } });
    expect(statement(policy, 'Servicelogsuswest2Use').Condition.ArnLike['kms:EncryptionContext:aws:logs:arn']).toBe('arn:aws:logs:us-west-2:123456789012:*');
  });

  test('creates the alias', () => {
    expect(only(out, 'aws_kms_alias').name).toBe('alias/orders');
  });

  test('restrictUseTo denies every other principal', () => {
    const s = testStack();
    new HardenedKey(s, 'k', { restrictUseTo: ['arn:aws:iam::123456789012:role/ir'] });
    const deny = statement(doc(only(synth(s), 'aws_kms_key')), 'OnlyNamedRolesUse');
    expect(deny).toMatchObject({ Effect: 'Deny', Condition: { ArnNotEquals: { 'aws:PrincipalArn': ['arn:aws:iam::123456789012:role/ir'] } } });
  });
});

const keyRejected: [string, (s: TerraformStack) => unknown, RegExp][] = [
  ['a deletion window under 7 days', (s) => new HardenedKey(s, 'k', { deletionWindowDays: 6 }), /deletionWindowDays/],
  ['a deletion window above 30 days', (s) => new HardenedKey(s, 'k', { deletionWindowDays: 31 }), /deletionWindowDays/],
  ['a rotation period under 90 days', (s) => new HardenedKey(s, 'k', { rotationPeriodDays: 30 }), /rotationPeriodDays/],
  ['a "*" service principal', (s) => new HardenedKey(s, 'k', { servicePrincipals: ['*'] }), /service principal/],
  ['a wildcard key user', (s) => new HardenedKey(s, 'k', { restrictUseTo: ['arn:aws:iam::123456789012:role/*'] }), /literal role ARNs/],
  ['an AWS-reserved alias', (s) => new HardenedKey(s, 'k', { alias: 'aws/s3' }), /invalid key alias/],
];
test.each(keyRejected)('HardenedKey rejects %s', (_name, build, message) => {
  expect(() => build(testStack())).toThrow(message);
});
