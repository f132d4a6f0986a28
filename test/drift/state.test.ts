import { join } from 'node:path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { cleanup, stack, synthApp } from '../helpers/synth';
import { byAddress, driftJson, DRIFT, E2E_STACK, EMULATOR, hclFromFixture, introduced, priorStateOf } from './helpers';

const STATE = join(DRIFT, 'state-kms-loggroup.json');
const DRIFTED_STATE = () => priorStateOf(join(DRIFT, 'refresh-only-retention-and-rotation-off.json'));

describe('state + code (--state with --config-dir)', () => {
  test('no drift: the applied state matches the HCL it came from', async () => {
    const { code, report } = await driftJson('--state', STATE, '--config-dir', hclFromFixture());
    expect(code).toBe(0);
    expect(report.status).toBe('clean');
    expect(report.source).toMatchObject({ mode: 'state', state: STATE });
    expect(report.summary.resources).toBe(2);
  });

  test('no drift: raw .tfstate (version 4) of the emulator stack against its HCL (variables are not compared)', async () => {
    const { code, report } = await driftJson('--state', join(EMULATOR, 'terraform.tfstate'), '--config-dir', E2E_STACK);
    expect(code).toBe(0);
    expect(report.status).toBe('clean');
    expect(report.summary.resources).toBe(5);
  });

  test('violating drift: declared retention and rotation differ from the refreshed state', async () => {
    const { code, report } = await driftJson('--state', DRIFTED_STATE(), '--config-dir', hclFromFixture());
    expect(code).toBe(1);
    expect(byAddress(report, 'aws_cloudwatch_log_group.accounts')!.changes).toEqual([
      { path: 'retention_in_days', op: 'change', before: 90, after: 0, sensitive: false, cosmetic: false },
    ]);
    expect(byAddress(report, 'aws_kms_key.logs')!.changes).toEqual([
      { path: 'enable_key_rotation', op: 'change', before: true, after: false, sensitive: false, cosmetic: false },
    ]);
    expect(introduced(report).map((f) => [f.control, f.resource.address])).toEqual(
      expect.arrayContaining([
        ['log-retention', 'aws_cloudwatch_log_group.accounts'],
        ['key-management', 'aws_kms_key.logs'],
      ]),
    );
  });

  test('deleted: in code, gone from the state', async () => {
    const state = priorStateOf(join(DRIFT, 'refresh-only-benign-tags.json'), (s) => {
      const root = (s.values as { root_module: { resources: Array<{ address: string }> } }).root_module;
      root.resources = root.resources.filter((r) => r.address !== 'aws_cloudwatch_log_group.accounts');
    });
    const { report } = await driftJson('--state', state, '--config-dir', hclFromFixture());
    expect(report.resources.map((d) => [d.kind, d.address])).toEqual([['deleted', 'aws_cloudwatch_log_group.accounts']]);
    expect(byAddress(report, 'aws_cloudwatch_log_group.accounts')!.classification).toEqual({ value: 'pii', pii: true });
  });

  test('unmanaged: in the state, declared by no code', async () => {
    const config = hclFromFixture((tf) => tf.slice(0, tf.indexOf('resource "aws_cloudwatch_log_group"')));
    const { report } = await driftJson('--state', STATE, '--config-dir', config);
    expect(report.resources.map((d) => [d.kind, d.address])).toEqual([['unmanaged', 'aws_cloudwatch_log_group.accounts']]);
    expect(report.summary.unmanaged).toBe(1);
  });

  test('tags added out of band on a declared map are drift; tags the code never set are not', async () => {
    const state = priorStateOf(join(DRIFT, 'refresh-only-benign-tags.json'), (s) => {
      const root = (s.values as { root_module: { resources: Array<{ address: string; values: Record<string, unknown> }> } }).root_module;
      const group = root.resources.find((r) => r.address === 'aws_cloudwatch_log_group.accounts')!;
      group.values.tags = { ...(group.values.tags as object), 'data-classification': 'public', 'added-by': 'console' };
    });
    const { report } = await driftJson('--state', state, '--config-dir', hclFromFixture());
    expect(byAddress(report, 'aws_cloudwatch_log_group.accounts')!.changes.map((c) => [c.path, c.op, c.before ?? null, c.after])).toEqual([
      ['tags.data-classification', 'change', 'pii', 'public'],
      ['tags.added-by', 'add', null, 'console'],
    ]);
  });

  describe('cdktf.out', () => {
    const out = synthApp((app) => {
      for (const name of ['accounts-prod', 'accounts-dev']) {
        stack(app, name, (s) => {
          new AwsProvider(s, 'aws', { region: 'us-east-1' });
          const key = new KmsKey(s, 'logs', { description: 'accounts-service log encryption', enableKeyRotation: true, deletionWindowInDays: 7 });
          new CloudwatchLogGroup(s, 'accounts', {
            name: '/shop/accounts-service',
            retentionInDays: 90,
            kmsKeyId: key.arn,
            tags: { 'data-classification': 'pii', owner: 'accounts', environment: 'prod' },
          });
        });
      }
    });
    afterAll(() => cleanup(join(out, '..')));

    test('the state is compared with the stack named by --stack', async () => {
      expect((await driftJson('--state', STATE, '--config-dir', out, '--stack', 'accounts-prod')).report.status).toBe('clean');
      const { report } = await driftJson('--state', DRIFTED_STATE(), '--config-dir', out, '--stack', 'accounts-prod');
      expect(report.source.stack).toBe('accounts-prod');
      expect(report.resources.map((d) => d.key).sort()).toEqual(['accounts-prod/aws_cloudwatch_log_group.accounts', 'accounts-prod/aws_kms_key.logs']);
    });

    test('several stacks and no --stack: exit 2 naming them', async () => {
      const r = await driftJson('--state', STATE, '--config-dir', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/2 stacks; choose the one the state belongs to with --stack \(accounts-dev, accounts-prod\)/);
    });
  });
});
