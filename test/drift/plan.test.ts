import { join } from 'node:path';
import { byAddress, driftJson, DRIFT, EMULATOR, introduced, PLANS, run, writeTree } from './helpers';

const BENIGN = join(DRIFT, 'refresh-only-benign-tags.json');
const RETENTION_ROTATION = join(DRIFT, 'refresh-only-retention-and-rotation-off.json');

describe('refresh-only plans (resource_drift)', () => {
  test('no drift: a real refresh-only plan without resource_drift is clean and exits 0, even with --fail-on-drift', async () => {
    for (const plan of [join(EMULATOR, 'nodrift-plan.json'), join(PLANS, 'refresh-only-conditions-test-provider-tf1.2.json')]) {
      const { code, report } = await driftJson(plan, '--fail-on-drift');
      expect(code).toBe(0);
      expect(report.status).toBe('clean');
      expect(report.severity).toBe('none');
      expect(report.resources).toEqual([]);
      expect(report.findings.filter((f) => f.status === 'introduced')).toEqual([]);
    }
  });

  test('benign drift: the provider reporting tags null → {} is drift, introduces nothing, exits 0 (1 with --fail-on-drift)', async () => {
    const { code, report } = await driftJson(BENIGN);
    expect(code).toBe(0);
    expect(report.status).toBe('benign-drift');
    expect(report.source).toMatchObject({ mode: 'plan', refresh_only: true, terraform_version: '1.11.4' });
    expect(report.resources.map((d) => [d.address, d.kind, d.severity, d.violating])).toEqual([['aws_kms_key.logs', 'changed', 'info', false]]);
    expect(byAddress(report, 'aws_kms_key.logs')!.changes).toEqual([{ path: 'tags', op: 'change', before: null, after: {}, sensitive: false, cosmetic: true }]);
    expect(introduced(report)).toEqual([]);
    expect((await driftJson(BENIGN, '--fail-on-drift')).code).toBe(1);
  });

  test('violating drift: retention switched to never-expire and key rotation off, each re-evaluated with the compiled policy', async () => {
    const { code, report } = await driftJson(RETENTION_ROTATION);
    expect(code).toBe(1);
    expect(report.status).toBe('violating-drift');
    const group = byAddress(report, 'aws_cloudwatch_log_group.accounts')!;
    const key = byAddress(report, 'aws_kms_key.logs')!;
    expect(group.changes).toEqual([{ path: 'retention_in_days', op: 'change', before: 90, after: 0, sensitive: false, cosmetic: false }]);
    expect(key.changes.filter((c) => !c.cosmetic).map((c) => [c.path, c.before, c.after])).toEqual([
      ['enable_key_rotation', true, false],
      ['rotation_period_in_days', 365, 0],
    ]);
    // The log group is tagged pii; the key is classified through the log group it encrypts.
    expect(group.classification).toEqual({ value: 'pii', pii: true });
    expect(key.classification).toEqual({ value: 'pii', pii: true, via: 'aws_cloudwatch_log_group.accounts' });

    const found = introduced(report).map((f) => [f.control, f.resource.address, f.caused_by]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['log-retention', 'aws_cloudwatch_log_group.accounts', ['drift/aws_cloudwatch_log_group.accounts']],
        ['key-management', 'aws_kms_key.logs', ['drift/aws_kms_key.logs']],
      ]),
    );
    expect(group.violating && key.violating).toBe(true);
    for (const f of introduced(report)) {
      expect(f.notification_clock).toMatchObject({ target_hours: 72, elapsed_hours: 0, exceeded: false });
      expect(f.notification_clock!.label).toBe(
        "California's Cal. Civ. Code §1798.82 sets no fixed number of hours; 72 h is an internal target (GDPR Art. 33)",
      );
    }
  });

  test('the same compiled policy judges both worlds: findings of the recorded values are not blamed on drift', async () => {
    const { report } = await driftJson(join(PLANS, 'aws-cloudtrail-s3-logging-drift-noop-tf1.1.json'));
    expect(report.status).toBe('benign-drift');
    expect(introduced(report)).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.status === 'preexisting')).toBe(true);
    expect(report.resources.map((d) => d.address).sort()).toEqual([
      'aws_cloudtrail.cloudtrail',
      'aws_s3_bucket.cloudtrail',
      'aws_s3_bucket.logging',
      'aws_s3_bucket_policy.cloudtrail',
    ]);
    // The bucket policy came back re-serialised by AWS: same JSON document, a cosmetic change.
    const policy = byAddress(report, 'aws_s3_bucket_policy.cloudtrail')!.changes;
    expect(policy.map((c) => [c.path, c.cosmetic])).toEqual([['policy', true]]);
    const bucket = byAddress(report, 'aws_s3_bucket.cloudtrail')!.changes;
    expect(bucket.find((c) => c.path === 'logging[0]')).toMatchObject({ op: 'add', after: { target_bucket: 'terraform-20220923125358270800000002', target_prefix: 'log/' } });
  });

  test('unmanaged: a resource in state that the configuration no longer declares', async () => {
    const { report } = await driftJson(join(PLANS, 'aws-s3-create-update-delete-noop-drift-tf1.2.json'));
    expect(report.resources.map((d) => [d.kind, d.address])).toEqual(
      expect.arrayContaining([
        ['unmanaged', 'aws_s3_bucket.delete_bucket'],
        ['changed', 'aws_s3_bucket.noop_bucket'],
      ]),
    );
    expect(report.summary).toMatchObject({ drifted: 2, changed: 1, unmanaged: 1, deleted: 0 });
    // Code does not want the bucket at all, so what it violates live is introduced by drift.
    const onUnmanaged = introduced(report).filter((f) => f.resource.address === 'aws_s3_bucket.delete_bucket');
    expect(onUnmanaged.map((f) => f.rule_id)).toContain('aws-s3-public-access-block');
    expect(report.status).toBe('violating-drift');
  });

  test('deleted out of band (Terraform 1.0.0: drift entries without address or index)', async () => {
    const { report } = await driftJson(join(PLANS, 'aws-lambda-iam-sg-delete-update-drift-tf1.0.json'));
    const deleted = report.resources.filter((d) => d.kind === 'deleted').map((d) => d.address).sort();
    expect(deleted).toEqual([
      'aws_lambda_function.lambda',
      'aws_lambda_permission.allow_alert_event_bridge_to_call_monitor_metric_lambdas_frequent[0]',
      'aws_lambda_permission.allow_metric_event_bridge_to_call_monitor_metric_lambda',
      'aws_security_group.lambda_sg',
      'aws_security_group_rule.task_sg_egress_rule',
      'aws_ssm_parameter.lambda_sg_id',
    ]);
    expect(report.resources.filter((d) => d.kind === 'unmanaged').map((d) => d.address).sort()).toEqual([
      'aws_cloudwatch_event_rule.Metricos_custom_alert_schedule_frequent[0]',
      'aws_cloudwatch_event_target.Metricos_custom_alert_event_target_frequent[0]',
    ]);
    // Terraform 1.0 listed refreshed resources whose values did not change at all.
    expect(report.summary.unchanged_reports).toBe(9);
    expect(report.summary.changed).toBe(0);
  });

  test('sensitive attribute drift: the change is reported, the values never are', async () => {
    const { code, report, stdout } = await driftJson(join(EMULATOR, 'drift-plan.json'));
    expect(code).toBe(1);
    const ssm = byAddress(report, 'aws_ssm_parameter.db_password')!;
    expect(ssm.changes.find((c) => c.path === 'value')).toEqual({ path: 'value', op: 'change', before: '(sensitive)', after: '(sensitive)', sensitive: true, cosmetic: false });
    expect(stdout).not.toMatch(/LG-SECRET/);
  });

  test('public access block deleted out of band: a critical public-storage finding on the PII bucket, caused by the deletion', async () => {
    const { report } = await driftJson(join(EMULATOR, 'drift-plan.json'));
    const pab = byAddress(report, 'aws_s3_bucket_public_access_block.exports')!;
    expect(pab).toMatchObject({ kind: 'deleted', severity: 'critical', violating: true });
    const f = introduced(report).find((x) => x.rule_id === 'aws-s3-public-access-block')!;
    expect(f).toMatchObject({ control: 'public-storage', severity: 'critical', blocking: true, resource: { address: 'aws_s3_bucket.exports' } });
    expect(f.caused_by).toEqual(['emulator/aws_s3_bucket_public_access_block.exports']);
    expect(f.classification).toEqual({ value: 'pii', pii: true });
    expect(pab.introduces).toContain(f.fingerprint);
    expect(byAddress(report, 'aws_cloudwatch_log_group.orders')!.changes).toEqual([
      { path: 'retention_in_days', op: 'change', before: 30, after: 0, sensitive: false, cosmetic: false },
    ]);
  });
});

describe('usage errors exit 2 with one line', () => {
  test.each([
    [[], /give a refresh-only plan/],
    [[join(DRIFT, 'refresh-only-benign-tags.json'), '--state', join(DRIFT, 'state-kms-loggroup.json')], /either a plan, or --state/],
    [['--state', join(DRIFT, 'state-kms-loggroup.json')], /--state together with --config-dir/],
    [[join(DRIFT, 'refresh-only-benign-tags.json'), '--now', 'yesterday'], /--now must be an ISO 8601 instant/],
    [[join(DRIFT, 'refresh-only-benign-tags.json'), '--notification-hours', '0'], /--notification-hours must be a positive number/],
    [[join(DRIFT, 'state-kms-loggroup.json')], /not a terraform show -json plan/],
    [[join(DRIFT, 'nope.json')], /no such file/],
  ])('drift %j', async (args, message) => {
    const r = await run('drift', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

test('records at risk: drift reports carry the record counts and the §1798.150 estimate, worded as check words them', async () => {
  const config = join(writeTree({ 'leakguard.json': { exposure: { records: { 'aws_cloudwatch_log_group.accounts': 12000 } } } }), 'leakguard.json');
  const { report } = await driftJson(RETENTION_ROTATION, '--config', config);
  // The log group states its records; the key inherits them through the classified log group it encrypts.
  expect(byAddress(report, 'aws_cloudwatch_log_group.accounts')!.classification).toEqual({ value: 'pii', pii: true, records: 12000 });
  expect(byAddress(report, 'aws_kms_key.logs')!.classification).toEqual({ value: 'pii', pii: true, via: 'aws_cloudwatch_log_group.accounts', records: 12000 });
  const estimate = '12,000 consumer records at risk; statutory damages estimate $1,200,000–$9,000,000 (Cal. Civ. Code §1798.150';
  for (const format of ['markdown', 'html']) {
    const r = await run('drift', RETENTION_ROTATION, '--config', config, '--format', format, '--now', '2026-11-28T08:00:00Z');
    // One estimate per introduced finding (the table row of each).
    expect({ format, estimates: r.stdout.split(estimate).length - 1 }).toEqual({ format, estimates: introduced(report).length });
  }
  // Without counts nothing is estimated.
  const plain = await run('drift', RETENTION_ROTATION, '--format', 'markdown', '--no-config', '--now', '2026-11-28T08:00:00Z');
  expect(plain.stdout).not.toContain('consumer records');
});
