import { TerraformStack } from 'cdktf';
import { ScopedRole, ScopedRoleProps } from '../../stacks/constructs/aws/role';
import { ForensicEvidenceBucket, IncidentResponseRole } from '../../stacks/constructs/aws/forensics';
import { CustomerIdentityPool, CustomerUserPool, CustomerUserPoolProps } from '../../stacks/constructs/aws/user-pool';
import { check } from '../../src/check';
import { awsPart, leakyStack } from '../../stacks/leaky/common';
import { cleanup as removeDir, synthApp } from '../../test/helpers/synth';
import { join } from 'node:path';
import { cleanup, doc, only, ref, resources, statement, synth, testStack } from './helpers';

afterAll(cleanup);

const TABLE = 'arn:aws:dynamodb:us-west-2:123456789012:table/orders';
const base: ScopedRoleProps = { trust: { service: 'lambda.amazonaws.com' }, statements: [{ sid: 'Orders', actions: ['dynamodb:GetItem'], resources: [TABLE] }] };

describe('ScopedRole', () => {
  const stack = testStack();
  new ScopedRole(stack, 'worker', { ...base, name: 'orders-worker' });
  const out = synth(stack);
  const role = only(out, 'aws_iam_role');

  test('trusts one service, for this account only', () => {
    expect(doc(role, 'assume_role_policy').Statement).toEqual([{
      Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
    }]);
  });

  test('applies its own permissions boundary: its statements plus guardrail denies', () => {
    expect(role.permissions_boundary).toBe(ref(out, 'aws_iam_policy', 'arn'));
    const boundary = doc(only(out, 'aws_iam_policy'));
    expect(statement(boundary, 'Orders').Resource).toBe(TABLE);
    expect(statement(boundary, 'GuardrailDenies').Effect).toBe('Deny');
  });

  test('inline policy holds exactly the explicit statements', () => {
    const policy = only(out, 'aws_iam_role_policy');
    expect(policy.role).toBe(ref(out, 'aws_iam_role', 'name'));
    expect(doc(policy).Statement).toEqual([{ Sid: 'Orders', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: TABLE }]);
  });

  test('caps sessions at one hour by default', () => {
    expect(role.max_session_duration).toBe(3600);
  });

  test('cross-account trust carries the ExternalId condition', () => {
    const s = testStack();
    new ScopedRole(s, 'partner', { ...base, trust: { accountId: '210987654321', roleName: 'sync', externalId: 'partner-sync-2024' } });
    const trust = doc(only(synth(s), 'aws_iam_role'), 'assume_role_policy').Statement[0];
    expect(trust.Principal).toEqual({ AWS: 'arn:aws:iam::210987654321:role/sync' });
    expect(trust.Condition).toEqual({ StringEquals: { 'sts:ExternalId': 'partner-sync-2024' } });
  });

  test('one AWS-managed service policy doubles as the boundary', () => {
    const s = testStack();
    const arn = 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup';
    new ScopedRole(s, 'backup', { trust: { service: 'backup.amazonaws.com' }, managedPolicyArns: [arn] });
    const o = synth(s);
    expect(only(o, 'aws_iam_role').permissions_boundary).toBe(arn);
    expect(only(o, 'aws_iam_role_policy_attachment').policy_arn).toBe(arn);
  });

  test('permissions added later are rendered and validated', () => {
    const s = testStack();
    const r = new ScopedRole(s, 'late', { trust: { service: 'lambda.amazonaws.com' } });
    r.addStatements([{ sid: 'Late', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }]);
    expect(statement(doc(only(synth(s), 'aws_iam_role_policy')), 'Late').Action).toBe('s3:GetObject');
    expect(() => r.addStatements([{ actions: ['s3:*'], resources: ['arn:aws:s3:::b/*'] }])).toThrow(/not explicit/);
  });

  test('a role left without permissions fails validation', () => {
    const s = testStack();
    new ScopedRole(s, 'empty', { trust: { service: 'lambda.amazonaws.com' } });
    expect(() => s.runAllValidations()).toThrow(/role has no permissions/);
  });
});

const rejected: [string, Partial<ScopedRoleProps>, RegExp][] = [
  ['Action "*"', { statements: [{ actions: ['*'], resources: [TABLE] }] }, /not explicit/],
  ['a service wildcard "s3:*"', { statements: [{ actions: ['s3:*'], resources: ['arn:aws:s3:::b/*'] }] }, /not explicit/],
  ['a partial wildcard "s3:Get*"', { statements: [{ actions: ['s3:Get*'], resources: ['arn:aws:s3:::b/*'] }] }, /not explicit/],
  ['Resource "*" for a resource-scoped action', { statements: [{ actions: ['dynamodb:GetItem'], resources: ['*'] }] }, /Resource "\*" is not allowed/],
  ['iam:PassRole on "*"', { statements: [{ actions: ['iam:PassRole'], resources: ['*'] }] }, /iam:PassRole/],
  ['a whole-service ARN', { statements: [{ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:us-west-2:123456789012:*'] }] }, /whole service/],
  ['an Allow without resources', { statements: [{ actions: ['dynamodb:GetItem'], resources: [] }] }, /needs actions and resources/],
  ['cross-account trust without ExternalId', { trust: { accountId: '210987654321' } }, /requires an sts:ExternalId/],
  ['a "*" trusted account', { trust: { accountId: '*' } }, /12 digits/],
  ['a non-AWS service principal', { trust: { service: '*' } }, /name.amazonaws.com/],
  ['AdministratorAccess', { statements: [], managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }, /too broad/],
  ['a *FullAccess managed policy', { statements: [], managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'] }, /too broad/],
  ['a customer-managed policy attachment', { statements: [], managedPolicyArns: ['arn:aws:iam::123456789012:policy/mine'] }, /only AWS-managed/],
  ['inline plus managed without a boundary', { managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] }, /explicit permissionsBoundaryArn/],
  ['a session longer than 12 hours', { maxSessionDurationSeconds: 43201 }, /maxSessionDurationSeconds/],
];
test.each(rejected)('ScopedRole rejects %s', (_name, override, message) => {
  expect(() => new ScopedRole(testStack(), 'r', { ...base, ...override } as ScopedRoleProps)).toThrow(message);
});

describe('IncidentResponseRole and ForensicEvidenceBucket', () => {
  const stack = testStack();
  const ir = new IncidentResponseRole(stack, 'ir', { name: 'incident-response', trustedRoleName: 'security-oncall' });
  new ForensicEvidenceBucket(stack, 'evidence', { incidentResponseRole: ir, name: 'evidence-123456789012' });
  const out = synth(stack);
  const evidenceId = ref(out, 'aws_s3_bucket', 'id', (b) => b.bucket === 'evidence-123456789012');

  test('the IR role requires MFA and sessions of at most an hour', () => {
    const role = only(out, 'aws_iam_role');
    expect(role.max_session_duration).toBe(3600);
    const trust = doc(role, 'assume_role_policy').Statement[0];
    expect(trust.Principal).toEqual({ AWS: 'arn:aws:iam::123456789012:role/security-oncall' });
    expect(trust.Condition.Bool).toEqual({ 'aws:MultiFactorAuthPresent': 'true' });
  });

  test('the evidence bucket is tagged for forensics and holds PII', () => {
    expect(resources(out, 'aws_s3_bucket').find((b) => b.bucket === 'evidence-123456789012')!.tags).toMatchObject({ purpose: 'forensics', 'data-classification': 'pii' });
  });

  test('Object Lock is COMPLIANCE for 365 days, with versioning', () => {
    const lock = resources(out, 'aws_s3_bucket_object_lock_configuration').find((l) => l.bucket === evidenceId)!;
    expect(lock.rule.default_retention).toEqual({ mode: 'COMPLIANCE', days: 365 });
    expect(resources(out, 'aws_s3_bucket_versioning').find((v) => v.bucket === evidenceId)!.versioning_configuration.status).toBe('Enabled');
  });

  test('the bucket policy limits object access to the IR role', () => {
    const policy = doc(resources(out, 'aws_s3_bucket_policy').find((p) => p.bucket === evidenceId)!);
    const irArn = ref(out, 'aws_iam_role', 'arn');
    expect(statement(policy, 'IncidentResponseAccess').Principal).toEqual({ AWS: irArn });
    expect(statement(policy, 'DenyEvidenceAccessToOthers')).toMatchObject({ Effect: 'Deny', Principal: '*', Condition: { ArnNotEquals: { 'aws:PrincipalArn': irArn } } });
  });

  test('the evidence CMK is usable by the IR role alone and the role may use it', () => {
    const keyArn = resources(out, 'aws_s3_bucket_server_side_encryption_configuration').find((e) => e.bucket === evidenceId)!
      .rule[0].apply_server_side_encryption_by_default.kms_master_key_id;
    const keyName = keyArn.split('.')[1];
    const deny = statement(doc(out.resource.aws_kms_key[keyName]), 'OnlyNamedRolesUse');
    expect(deny.Condition.ArnNotEquals['aws:PrincipalArn']).toEqual(['arn:aws:iam::123456789012:role/incident-response']);
    expect(statement(doc(only(out, 'aws_iam_role_policy')), 'EvidenceKey').Resource).toBe(keyArn);
  });
});

const forensicRejected: [string, (s: TerraformStack) => unknown, RegExp][] = [
  ['an IR session longer than an hour', (s) => new IncidentResponseRole(s, 'ir', { maxSessionDurationSeconds: 7200 }), /maxSessionDurationSeconds/],
  ['evidence retention below the 365-day floor', (s) => new ForensicEvidenceBucket(s, 'e', { incidentResponseRole: new IncidentResponseRole(s, 'ir'), retentionDays: 100 }), /retentionDays/],
  ['evidence retention below a raised floor', (s) => new ForensicEvidenceBucket(s, 'e', { incidentResponseRole: new IncidentResponseRole(s, 'ir'), minRetentionDays: 730, retentionDays: 400 }), /retentionDays/],
];
test.each(forensicRejected)('forensics rejects %s', (_name, build, message) => {
  expect(() => build(testStack())).toThrow(message);
});

describe('CustomerUserPool', () => {
  test('cannot be deleted, offers authenticator MFA, enforces advanced security, tagged; the deletion rule passes it', async () => {
    const stack = testStack();
    new CustomerUserPool(stack, 'shoppers', { name: 'shoppers' });
    const pool = only(synth(stack), 'aws_cognito_user_pool');
    expect(pool).toMatchObject({
      deletion_protection: 'ACTIVE',
      mfa_configuration: 'OPTIONAL',
      software_token_mfa_configuration: { enabled: true },
      user_pool_add_ons: { advanced_security_mode: 'ENFORCED' },
      account_recovery_setting: { recovery_mechanism: [{ name: 'verified_email', priority: 1 }] },
      password_policy: { minimum_length: 12 },
    });
    expect(pool.tags['data-classification']).toBe('pii');
    const dir = synthApp((app) => {
      const s = leakyStack(app, 'accounts');
      awsPart(s);
      new CustomerUserPool(s, 'shoppers', { name: 'shoppers', mfa: 'ON' });
    });
    const { decision } = await check([dir], { today: '2026-11-28' });
    expect(decision.findings.filter((f) => f.rule_id === 'aws-cognito-deletion-protection')).toEqual([]);
    removeDir(join(dir, '..'));
  });

  test.each([
    ['MFA off', { mfa: 'OFF' as 'ON' }, /customers must be able to protect their account/],
    ['a short password', { minPasswordLength: 6 }, /minPasswordLength/],
    ['a name Cognito refuses', { name: 'shop/pool' }, /invalid user pool name/],
  ] as [string, Partial<CustomerUserPoolProps>, RegExp][])('rejects %s', (_name, bad, message) => {
    expect(() => new CustomerUserPool(testStack(), 'p', { name: 'shoppers', ...bad })).toThrow(message);
  });
});

describe('CustomerIdentityPool', () => {
  test('gives credentials only to customers signed in through the user pool, checked on every exchange; the guest-access rule passes it', async () => {
    const stack = testStack();
    const shoppers = new CustomerUserPool(stack, 'shoppers', { name: 'shoppers' });
    new CustomerIdentityPool(stack, 'identities', { name: 'shoppers', userPool: shoppers, clientId: 'client-1' });
    const out = synth(stack);
    const pool = only(out, 'aws_cognito_identity_pool');
    expect(pool).toMatchObject({
      identity_pool_name: 'shoppers',
      allow_unauthenticated_identities: false,
      allow_classic_flow: false,
      cognito_identity_providers: [{ client_id: 'client-1', provider_name: ref(out, 'aws_cognito_user_pool', 'endpoint'), server_side_token_check: true }],
    });
    const dir = synthApp((app) => {
      const s = leakyStack(app, 'identities');
      awsPart(s);
      new CustomerIdentityPool(s, 'identities', { name: 'shoppers', userPool: new CustomerUserPool(s, 'shoppers', { name: 'shoppers' }), clientId: 'client-1' });
    });
    const { decision } = await check([dir], { today: '2026-11-28' });
    expect(decision.findings.filter((f) => f.rule_id.startsWith('aws-cognito-'))).toEqual([]);
    removeDir(join(dir, '..'));
  });

  test('rejects a name Cognito refuses', () => {
    const stack = testStack();
    const shoppers = new CustomerUserPool(stack, 'shoppers', { name: 'shoppers' });
    expect(() => new CustomerIdentityPool(stack, 'p', { name: 'shop/pool', userPool: shoppers, clientId: 'c' })).toThrow(/invalid identity pool name/);
  });
});
