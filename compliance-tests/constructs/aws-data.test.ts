import { TerraformStack } from 'cdktf';
import { HardenedPostgres, HardenedPostgresProps, HardenedTable, HardenedTableProps } from '../../stacks/constructs/aws/database';
import { LockedBackupVault, LockedBackupVaultProps, TagBasedBackupPlan, TagBasedBackupPlanProps } from '../../stacks/constructs/aws/backup';
import { AwsRegionalProviders } from '../../stacks/constructs/aws/providers';
import { HardenedKey } from '../../stacks/constructs/aws/key';
import { cleanup, only, ref, resources, synth, testStack } from './helpers';

afterAll(cleanup);

const db = (stack: TerraformStack, props: Partial<HardenedPostgresProps> = {}) =>
  new HardenedPostgres(stack, 'db', { identifier: 'customers', subnetIds: ['subnet-a', 'subnet-b'], securityGroupIds: ['sg-1'], ...props });

describe('HardenedPostgres', () => {
  const stack = testStack();
  db(stack);
  const out = synth(stack);
  const instance = only(out, 'aws_db_instance');

  test('storage, snapshots and secrets are encrypted with the CMK', () => {
    const key = ref(out, 'aws_kms_key', 'arn');
    expect(instance).toMatchObject({ storage_encrypted: true, kms_key_id: key, master_user_secret_kms_key_id: key, performance_insights_kms_key_id: key });
  });

  test('is private and deletion-protected, with a final snapshot', () => {
    expect(instance).toMatchObject({ publicly_accessible: false, deletion_protection: true, skip_final_snapshot: false, delete_automated_backups: false });
  });

  test('keeps 14 days of backups by default (floor 7)', () => {
    expect(instance.backup_retention_period).toBe(14);
  });

  test('exports postgres logs into a pre-created bounded log group', () => {
    expect(instance.enabled_cloudwatch_logs_exports).toContain('postgresql');
    expect(only(out, 'aws_cloudwatch_log_group').name).toBe('/aws/rds/instance/customers/postgresql');
  });

  test('forces TLS through the parameter group and is classified', () => {
    expect(only(out, 'aws_db_parameter_group')).toMatchObject({ family: 'postgres16' });
    expect(only(out, 'aws_db_parameter_group').parameter).toContainEqual({ name: 'rds.force_ssl', value: '1' });
    expect(instance.tags['data-classification']).toBe('pii');
  });
});

const dbRejected: [string, Partial<HardenedPostgresProps>, RegExp][] = [
  ['backup retention 0', { backupRetentionDays: 0 }, /backupRetentionDays/],
  ['backup retention above 35 days', { backupRetentionDays: 36 }, /backupRetentionDays/],
  ['retention below a configured minimum', { minBackupRetentionDays: 21, backupRetentionDays: 14 }, /backupRetentionDays/],
  ['a single subnet', { subnetIds: ['subnet-a'] }, /at least two availability zones/],
  ['an invalid identifier', { identifier: 'Customers_DB' }, /invalid identifier/],
  ['a malformed engine version', { engineVersion: 'latest' }, /engineVersion/],
];
test.each(dbRejected)('HardenedPostgres rejects %s', (_name, props, message) => {
  expect(() => db(testStack(), props)).toThrow(message);
});

const table = (stack: TerraformStack, props: Partial<HardenedTableProps> = {}) =>
  new HardenedTable(stack, 't', { name: 'carts', hashKey: 'id', attributes: [{ name: 'id', type: 'S' }], ...props });

describe('HardenedTable', () => {
  test('has point-in-time recovery, a CMK and deletion protection', () => {
    const stack = testStack();
    table(stack);
    const out = synth(stack);
    const t = only(out, 'aws_dynamodb_table');
    expect(t.point_in_time_recovery).toEqual({ enabled: true, recovery_period_in_days: 35 });
    expect(t.server_side_encryption).toEqual({ enabled: true, kms_key_arn: ref(out, 'aws_kms_key', 'arn') });
    expect(t.deletion_protection_enabled).toBe(true);
  });

  test('replicas carry their own regional CMK and PITR', () => {
    const stack = testStack({ aws: false });
    const p = new AwsRegionalProviders(stack, 'p', { regions: ['us-west-2', 'eu-west-1'] });
    table(stack, { replicas: [{ region: 'eu-west-1', kmsKey: new HardenedKey(stack, 'eu', { provider: p.forRegion('eu-west-1') }) }] });
    const out = synth(stack);
    const replica = only(out, 'aws_dynamodb_table').replica[0];
    expect(replica).toMatchObject({ region_name: 'eu-west-1', point_in_time_recovery: true, kms_key_arn: ref(out, 'aws_kms_key', 'arn', (k) => k.provider === 'aws.eu-west-1') });
  });

  test('rejects a PITR window of 0 days', () => {
    expect(() => table(testStack(), { pitrRecoveryDays: 0 })).toThrow(/pitrRecoveryDays/);
  });

  test('rejects a key that is not an attribute', () => {
    expect(() => table(testStack(), { rangeKey: 'sk' })).toThrow(/not among attributes/);
  });
});

function backup(stack: TerraformStack, plan: Partial<TagBasedBackupPlanProps> = {}, vault: Partial<LockedBackupVaultProps> = {}) {
  const p = new AwsRegionalProviders(stack, 'p', { regions: ['us-west-2', 'us-east-1'] });
  const primary = new LockedBackupVault(stack, 'vault', { name: 'primary', ...vault });
  const copy = new LockedBackupVault(stack, 'copy', { name: 'copy', provider: p.forRegion('us-east-1') });
  return new TagBasedBackupPlan(stack, 'plan', { name: 'daily', vault: primary, copyTo: copy, ...plan });
}

describe('LockedBackupVault and TagBasedBackupPlan', () => {
  const stack = testStack({ aws: false });
  backup(stack);
  const out = synth(stack);

  test('vaults use CMKs and a compliance-mode Vault Lock', () => {
    for (const v of resources(out, 'aws_backup_vault')) expect(v.kms_key_arn).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    expect(resources(out, 'aws_backup_vault_lock_configuration').map((l) => [l.min_retention_days, l.max_retention_days, l.changeable_for_days]))
      .toEqual([[7, 400, 3], [7, 400, 3]]);
  });

  test('selects resources by data-classification tag', () => {
    expect(only(out, 'aws_backup_selection').selection_tag).toEqual([
      { type: 'STRINGEQUALS', key: 'data-classification', value: 'pii' },
      { type: 'STRINGEQUALS', key: 'data-classification', value: 'confidential' },
    ]);
  });

  test('copies every recovery point to the second-region vault', () => {
    const rule = only(out, 'aws_backup_plan').rule[0];
    expect(rule.copy_action[0].destination_vault_arn).toBe(ref(out, 'aws_backup_vault', 'arn', (v) => v.name === 'copy'));
    expect(rule.lifecycle.delete_after).toBe(35);
  });
});

const backupRejected: [string, (s: TerraformStack) => unknown, RegExp][] = [
  ['a Vault Lock minimum of 0 days', (s) => backup(s, {}, { minRetentionDays: 0 }), /minRetentionDays/],
  ['a lock that never becomes immutable', (s) => backup(s, {}, { changeableForDays: 1 }), /changeableForDays/],
  ['plan retention beyond the lock maximum', (s) => backup(s, { retentionDays: 500 }), /retentionDays/],
  ['plan retention below the lock minimum', (s) => backup(s, { retentionDays: 3 }), /retentionDays/],
  ['a copy in the same region', (s) => {
    new AwsRegionalProviders(s, 'p', { regions: ['us-west-2'] });
    const v = new LockedBackupVault(s, 'a', { name: 'a' });
    return new TagBasedBackupPlan(s, 'plan', { name: 'x', vault: v, copyTo: new LockedBackupVault(s, 'b', { name: 'b' }) });
  }, /another region/],
  ['an unknown classification', (s) => backup(s, { classifications: ['secret' as 'pii'] }), /unknown classification/],
];
test.each(backupRejected)('backup rejects %s', (_name, build, message) => {
  expect(() => build(testStack({ aws: false }))).toThrow(message);
});
