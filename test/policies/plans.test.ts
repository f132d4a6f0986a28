// The public plans in /work/shared/fixtures/plans, evaluated with the compiled policy and the
// default configuration. Every expectation below was derived by reading the plan file itself
// (planned_values / resource_changes), not from the tool's output.
import { DATA, planInput, wasm } from './helpers';

interface Hit {
  rule: string;
  address: string;
  message: string;
}

async function findings(file: string): Promise<Hit[]> {
  const policy = await wasm();
  const decision = policy.evaluate(await planInput(file), DATA);
  return decision.findings.map((f) => ({ rule: f.rule_id, address: f.resource.address, message: f.message }));
}

/** Sorted addresses a rule reported. */
const reported = (hits: Hit[], rule: string): string[] => [...new Set(hits.filter((h) => h.rule === rule).map((h) => h.address))].sort();

const message = (hits: Hit[], rule: string, address: string): string[] => hits.filter((h) => h.rule === rule && h.address === address).map((h) => h.message);

describe('public plans', () => {
  test('aws-kms-key-rotation: the explicit-false and the default key lack rotation, the valid key does not', async () => {
    const hits = await findings('aws-kms-key-rotation-tf0.13.json');
    expect(reported(hits, 'aws-kms-key-rotation')).toEqual(['aws_kms_key.blank-invalid', 'aws_kms_key.invalid']);
    expect(message(hits, 'aws-kms-key-rotation', 'aws_kms_key.invalid')).toEqual(['KMS key aws_kms_key.invalid does not rotate (enable_key_rotation is not true)']);
    // No deletion_window_in_days set (AWS default 30) and no key policy configured.
    expect(reported(hits, 'aws-kms-deletion-window')).toEqual([]);
    expect(reported(hits, 'aws-kms-key-policy-public')).toEqual([]);
  });

  test('aws-s3-public-access-block-module-for-each: only module.test2 has block_public_policy false', async () => {
    const hits = await findings('aws-s3-public-access-block-module-for-each-tf0.15.json');
    expect(reported(hits, 'aws-s3-public-access-block')).toEqual(['module.test2.aws_s3_bucket.test["a"]']);
    expect(message(hits, 'aws-s3-public-access-block', 'module.test2.aws_s3_bucket.test["a"]')).toEqual([
      'S3 bucket module.test2.aws_s3_bucket.test["a"] has a public access block without all four flags true (block_public_policy false)',
    ]);
    // acl = "private" everywhere. No provider region: the resources form the "(region unknown)"
    // scope, which still needs its recorder.
    expect(reported(hits, 'aws-s3-public-acl')).toEqual([]);
    expect(message(hits, 'aws-config-recorder-every-region', 'region:aws:(region unknown)')).toEqual(['Region (region unknown) has AWS resources but no AWS Config recorder']);
    expect(reported(hits, 'aws-s3-sse-kms-cmk')).toHaveLength(3);
  });

  test('azure-storage-container-access: only the "container" access type is anonymous', async () => {
    const hits = await findings('azure-storage-container-access-tf0.13.json');
    expect(reported(hits, 'azure-storage-container-private')).toEqual(['azurerm_storage_container.invalidcontainer1']);
    expect(message(hits, 'azure-storage-container-private', 'azurerm_storage_container.invalidcontainer1')).toEqual([
      'Storage container azurerm_storage_container.invalidcontainer1 has anonymous access type container',
    ]);
    // allow_blob_public_access = false (azurerm 2.x), min_tls_version TLS1_0, no network rules.
    expect(reported(hits, 'azure-storage-nested-public')).toEqual([]);
    expect(message(hits, 'azure-storage-min-tls', 'azurerm_storage_account.example')).toEqual([
      'Storage account azurerm_storage_account.example accepts TLS1_0; set min_tls_version = "TLS1_2"',
    ]);
    expect(reported(hits, 'azure-storage-network-deny')).toEqual(['azurerm_storage_account.example']);
    // Tagged environment = staging only.
    expect(message(hits, 'azure-data-classification-tags', 'azurerm_storage_account.example')).toEqual([
      'Data store azurerm_storage_account.example is not classified and owned: missing tag data-classification; missing tag owner',
    ]);
  });

  test('aws-security-group-ingress: every group takes internet traffic and none fronts a load balancer', async () => {
    const hits = await findings('aws-security-group-ingress-tf0.13.json');
    expect(reported(hits, 'aws-sg-internet-ingress')).toEqual([
      'aws_security_group.invalid_allow_all',
      'aws_security_group.invalid_include_443',
      'aws_security_group.invalid_include_80',
      'aws_security_group.valid_exact_443',
      'aws_security_group.valid_exact_80',
    ]);
    expect(message(hits, 'aws-sg-internet-ingress', 'aws_security_group.invalid_allow_all')).toEqual([
      'aws_security_group.invalid_allow_all allows ports 0-65535 from 0.0.0.0/0; only load balancers may take internet traffic',
    ]);
    expect(message(hits, 'aws-sg-internet-ingress', 'aws_security_group.invalid_include_443')).toEqual([
      'aws_security_group.invalid_include_443 allows ports 442-444 from 0.0.0.0/0; only load balancers may take internet traffic',
    ]);
    // egress is computed (no egress blocks configured).
    expect(reported(hits, 'aws-sg-unrestricted-egress')).toEqual([]);
  });

  test('aws-iam-user-group-role-policies: the four Action "*" policies are admin; Describe* and Deny are not', async () => {
    const hits = await findings('aws-iam-user-group-role-policies-tf0.13.json');
    expect(reported(hits, 'aws-iam-wildcard-action')).toEqual([
      'aws_iam_group_policy.invalid_group_policy',
      'aws_iam_policy.invalid_policy',
      'aws_iam_role_policy.invalid_role_policy',
      'aws_iam_user_policy.invalid_user_policy',
    ]);
    expect(message(hits, 'aws-iam-wildcard-action', 'aws_iam_policy.invalid_policy')).toEqual(['aws_iam_policy.invalid_policy allows * on Resource "*"']);
    // The role trusts ec2.amazonaws.com only and has no permissions boundary.
    expect(reported(hits, 'aws-iam-trust-public-principal')).toEqual([]);
    expect(reported(hits, 'aws-iam-permissions-boundary')).toEqual(['aws_iam_role.my_test_role']);
    expect(reported(hits, 'aws-iam-policy-unreadable')).toEqual([]);
  });

  test('aws-s3-bucket-policy: Allow to Principal "*" inline and in bucket policies; Deny statements are fine', async () => {
    const hits = await findings('aws-s3-bucket-policy-tf1.0.json');
    expect(reported(hits, 'aws-s3-policy-public-principal')).toEqual([
      'aws_s3_bucket.allowget-inline-policy',
      'aws_s3_bucket.allowlist-inline-policy',
      'aws_s3_bucket_policy.allowget-policy',
      'aws_s3_bucket_policy.allowlist-policy',
    ]);
    expect(message(hits, 'aws-s3-policy-public-principal', 'aws_s3_bucket_policy.allowget-policy')).toEqual([
      'aws_s3_bucket_policy.allowget-policy allows * to every principal without a restricting condition',
    ]);
    // No policy denies aws:SecureTransport = false.
    expect(reported(hits, 'aws-s3-tls-only-policy')).toHaveLength(7);
  });

  test('aws-cloudfront-distribution-oai: allow-all viewers on one distribution; default certificate and no logs on all', async () => {
    const hits = await findings('aws-cloudfront-distribution-oai-tf0.13.json');
    expect(reported(hits, 'aws-cloudfront-https-viewers')).toEqual(['aws_cloudfront_distribution.allow_all']);
    const all = ['aws_cloudfront_distribution.allow_all', 'aws_cloudfront_distribution.https_only', 'aws_cloudfront_distribution.redirect_to_https'];
    expect(reported(hits, 'aws-cloudfront-tls')).toEqual(all);
    expect(reported(hits, 'aws-cloudfront-logging')).toEqual(all);
    // Only default behaviours: no authenticated or checkout paths to check.
    expect(reported(hits, 'aws-cloudfront-auth-no-cache')).toEqual([]);
    expect(reported(hits, 'aws-cloudfront-script-csp')).toEqual([]);
  });

  test('aws-s3-acl-logging-ownership-count: BucketOwnerPreferred on the log bucket, which itself is not logged', async () => {
    const hits = await findings('aws-s3-acl-logging-ownership-count-tf1.3.json');
    expect(message(hits, 'aws-s3-ownership-controls', 'aws_s3_bucket.logbucket1')).toEqual([
      'S3 bucket aws_s3_bucket.logbucket1 has object ownership BucketOwnerPreferred, not BucketOwnerEnforced, so ACLs can still grant access',
    ]);
    expect(reported(hits, 'aws-s3-ownership-controls')).toEqual(['aws_s3_bucket.logbucket1', 'aws_s3_bucket.validbucket1[0]', 'aws_s3_bucket.validbucket2[0]']);
    // validbucket1 logs inline (target by reference), validbucket2 through aws_s3_bucket_logging.
    expect(reported(hits, 'aws-s3-access-logging')).toEqual(['aws_s3_bucket.logbucket1']);
    // log-delivery-write is not a public canned ACL.
    expect(reported(hits, 'aws-s3-public-acl')).toEqual([]);
  });

  test('aws-s3-sse-configuration-kms: bucket1 has no encryption, bucket2 SSE-KMS without bucket key, key not rotated', async () => {
    const hits = await findings('aws-s3-sse-configuration-kms-tf1.1.json');
    expect(message(hits, 'aws-s3-sse-kms-cmk', 'aws_s3_bucket.bucket1')).toEqual([
      'S3 bucket aws_s3_bucket.bucket1 has no default encryption configuration; objects get SSE-S3 with an AWS-owned key',
    ]);
    expect(message(hits, 'aws-s3-sse-kms-cmk', 'aws_s3_bucket.bucket2')).toEqual(['S3 bucket aws_s3_bucket.bucket2 default encryption lacks the bucket key']);
    expect(reported(hits, 'aws-kms-key-rotation')).toEqual(['aws_kms_key.key']);
    // deletion_window_in_days = 10.
    expect(reported(hits, 'aws-kms-deletion-window')).toEqual([]);
  });

  test('aws-cloudtrail-s3-logging-drift: single-region trail without validation or KMS; log bucket unlogged', async () => {
    const hits = await findings('aws-cloudtrail-s3-logging-drift-noop-tf1.1.json');
    expect(message(hits, 'aws-cloudtrail-multi-region', 'aws_cloudtrail.cloudtrail')).toEqual([
      'CloudTrail aws_cloudtrail.cloudtrail lacks multi-region, log-file validation, KMS encryption, global service events, and no other trail is multi-region with validation and KMS',
    ]);
    expect(reported(hits, 'aws-s3-access-logging')).toEqual(['aws_s3_bucket.logging']);
    expect(reported(hits, 'aws-s3-tls-only-policy')).toEqual(['aws_s3_bucket.cloudtrail', 'aws_s3_bucket.logging']);
    // The trail bucket's policy grants cloudtrail.amazonaws.com only.
    expect(reported(hits, 'aws-s3-policy-public-principal')).toEqual([]);
    expect(message(hits, 'aws-config-recorder-every-region', 'region:aws:us-east-2')).toEqual(['Region us-east-2 has AWS resources but no AWS Config recorder']);
  });

  test('azure-nsg-and-rules: inbound rules from *, Any, Internet or 0.0.0.0/0 to non-web ports', async () => {
    const hits = await findings('azure-nsg-and-rules-tf0.13.json');
    expect(reported(hits, 'azure-nsg-internet-ingress')).toEqual([
      'azurerm_network_security_group.invalidnsg1',
      'azurerm_network_security_group.invalidnsg2',
      'azurerm_network_security_group.validnsg1',
      'azurerm_network_security_rule.invalidrule1',
      'azurerm_network_security_rule.invalidrule2',
      'azurerm_network_security_rule.invalidrule3',
      'azurerm_network_security_rule.validrule1',
    ]);
    expect(message(hits, 'azure-nsg-internet-ingress', 'azurerm_network_security_group.invalidnsg2')).toEqual([
      'azurerm_network_security_group.invalidnsg2 rule testrule3 allows ports 22 from 0.0.0.0/0',
    ]);
    expect(message(hits, 'azure-nsg-internet-ingress', 'azurerm_network_security_rule.invalidrule3')).toEqual([
      'azurerm_network_security_rule.invalidrule3 rule validrule3 allows ports 18-30, 88 from Any',
    ]);
    expect(reported(hits, 'azure-nsg-outbound-internet')).toEqual([]);
  });

  test('azure-sql-server-firewall-rules: wide ranges open the server; 0.0.0.0-0.0.0.0 and a single address do not', async () => {
    const hits = await findings('azure-sql-server-firewall-rules-tf0.13.json');
    expect(reported(hits, 'azure-sql-firewall-internet')).toEqual([
      'azurerm_sql_firewall_rule.invalidrule1',
      'azurerm_sql_firewall_rule.invalidrule3',
      'azurerm_sql_firewall_rule.invalidrule4',
    ]);
    expect(message(hits, 'azure-sql-firewall-internet', 'azurerm_sql_firewall_rule.invalidrule3')).toEqual([
      'azurerm_sql_firewall_rule.invalidrule3 opens the SQL server to 4294967296 internet addresses (0.0.0.0-255.255.255.255)',
    ]);
    expect(reported(hits, 'azure-sql-public-network')).toEqual(['azurerm_sql_server.example']);
    expect(reported(hits, 'azure-sql-tde-cmk')).toEqual(['azurerm_sql_server.example']);
  });

  test('azure-storage-account-network-rules: default_action Allow or no rules is open; Deny is closed', async () => {
    const hits = await findings('azure-storage-account-network-rules-tf0.13.json');
    expect(reported(hits, 'azure-storage-network-deny')).toEqual(['azurerm_storage_account.invalidstorageaccount1', 'azurerm_storage_account.invalidstorageaccount2']);
  });

  test('azure-storage-monitor-log-profile: a legacy log profile is not an activity-log export; no Network Watcher', async () => {
    const hits = await findings('azure-storage-monitor-log-profile-tf0.13.json');
    expect(message(hits, 'azure-activity-log-export', 'estate:azure')).toEqual([
      'No diagnostic setting exports the subscription activity log (Administrative category) in the evaluated stacks',
    ]);
    expect(message(hits, 'azure-network-watcher-every-region', 'region:azure:westeurope')).toEqual(['Region westeurope has Azure resources but no Network Watcher']);
  });

  test('aws-rds-db-instance-sensitive: unencrypted MySQL without deletion protection or audit log; private', async () => {
    const hits = await findings('aws-rds-db-instance-sensitive-tf1.2.json');
    const db = 'aws_db_instance.default';
    expect(message(hits, 'aws-rds-encrypted-cmk', db)).toEqual([
      'aws_db_instance.default lacks storage_encrypted (unset: false by default) and a customer-managed kms_key_id; its storage, snapshots and backups are not under a customer-managed key',
    ]);
    expect(reported(hits, 'aws-rds-public')).toEqual([]);
    expect(reported(hits, 'aws-rds-deletion-protection')).toEqual([db]);
    expect(message(hits, 'aws-rds-backup-retention', db)).toEqual(['aws_db_instance.default does not set backup_retention_period (AWS default 1 day; minimum 7)']);
    expect(message(hits, 'aws-rds-audit-log-exports', db)).toEqual(['aws_db_instance.default does not export its audit log (audit) to CloudWatch Logs']);
  });

  test('aws-lambda-iam-sg: 14-day unencrypted log group; the egress rule has no CIDR', async () => {
    const hits = await findings('aws-lambda-iam-sg-delete-update-drift-tf1.0.json');
    expect(message(hits, 'aws-log-group-retention', 'aws_cloudwatch_log_group.log_group')).toEqual([
      'Log group aws_cloudwatch_log_group.log_group keeps logs 14 days, outside 90-400',
    ]);
    expect(reported(hits, 'aws-log-group-kms')).toEqual(['aws_cloudwatch_log_group.log_group']);
    expect(reported(hits, 'aws-sg-unrestricted-egress')).toEqual([]);
    expect(reported(hits, 'aws-iam-permissions-boundary')).toEqual(['aws_iam_role.lambda_execution_role']);
  });

  test('aws-eventbridge-lambda-module: us-east-1 is in use without GuardDuty or Config', async () => {
    const hits = await findings('aws-eventbridge-lambda-module-tf1.14.json');
    expect(message(hits, 'aws-guardduty-every-region', 'region:aws:us-east-1')).toEqual(['Region us-east-1 has AWS resources but no enabled GuardDuty detector']);
    expect(reported(hits, 'aws-config-recorder-every-region')).toEqual(['region:aws:us-east-1']);
  });

  test('aws-s3-create-update-delete-noop-drift: the update makes a bucket public-read; the deleted bucket is gone', async () => {
    const hits = await findings('aws-s3-create-update-delete-noop-drift-tf1.2.json');
    expect(reported(hits, 'aws-s3-public-acl')).toEqual(['aws_s3_bucket.update_bucket']);
    expect(message(hits, 'aws-s3-public-acl', 'aws_s3_bucket.update_bucket')).toEqual([
      'aws_s3_bucket.update_bucket gives the bucket a public ACL: canned ACL public-read',
    ]);
    expect(hits.filter((h) => h.address === 'aws_s3_bucket.delete_bucket')).toEqual([]);
  });

  test('aws-vpc-security-group-modules: groups without rules, so no egress or ingress findings', async () => {
    const hits = await findings('aws-vpc-security-group-modules-tf1.0.json');
    expect(reported(hits, 'aws-sg-unrestricted-egress')).toEqual([]);
    expect(reported(hits, 'aws-sg-internet-ingress')).toEqual([]);
  });

  test.each([
    'null-replace-tainted-action-reason-tf1.15.json',
    'null-sensitive-values-modules-tf1.1.json',
    'random-moved-block-tf1.5.json',
    'refresh-only-conditions-test-provider-tf1.2.json',
    'state-null-sensitive-outputs-tf1.1.json',
  ])('%s holds no AWS or Azure resources and no findings', async (file) => {
    expect(await findings(file)).toEqual([]);
  });
});
