import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformStack } from 'cdktf';
import { HardenedKey } from '../../stacks/constructs/aws/key';
import { ScopedRole } from '../../stacks/constructs/aws/role';
import { PrivateDocument, ScopedKeyGrant, SharedImage, SharedLayer } from '../../stacks/constructs/aws/sharing';
import { awsPart, leakyStack } from '../../stacks/leaky/common';
import { policyConfig } from '../../stacks/policy-config';
import { check } from '../../src/check';
import { cleanup as removeDir, synthApp } from '../../test/helpers/synth';
import { tempDir } from '../../test/helpers/cli';
import { cleanup, only, ref, resources, synth, testStack } from './helpers';

afterAll(cleanup);

const ORG = 'arn:aws:organizations::123456789012:organization/o-abcdef1234';
const CONTENT = JSON.stringify({ schemaVersion: '2.2', description: 'Rotate logs', mainSteps: [{ action: 'aws:runShellScript', name: 'rotate', inputs: { runCommand: ['logrotate -f /etc/logrotate.conf'] } }] });

/** One of each sharing construct, as a caller would write it. */
function everyShare(stack: TerraformStack): void {
  new SharedImage(stack, 'image', { imageId: 'ami-0123456789abcdef0', accountIds: ['123456789012'], organizationArn: ORG });
  new PrivateDocument(stack, 'runbook', { name: 'shop-rotate-logs', documentType: 'Command', content: CONTENT, shareWithAccountIds: ['123456789012'] });
  new SharedLayer(stack, 'layer', { layerName: 'arn:aws:lambda:us-west-2:123456789012:layer:shop-common', versionNumber: 3, organizationId: 'o-abcdef1234' });
  const key = new HardenedKey(stack, 'key', { description: 'ingest' });
  const role = new ScopedRole(stack, 'ingest', { name: 'shop-ingest', trust: { service: 'lambda.amazonaws.com' }, statements: [{ sid: 'Read', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::shop-ingest/*'] }] });
  new ScopedKeyGrant(stack, 'ingest-grant', { key, grantee: role, operations: ['Encrypt', 'GenerateDataKey'] });
}

describe('sharing constructs', () => {
  test('one of each, beside a regional baseline, passes every rule', async () => {
    const name = 'hardened-sharing';
    const out = synthApp((app) => {
      const stack = leakyStack(app, name);
      awsPart(stack);
      everyShare(stack);
    });
    const dir = tempDir('leakguard-sharing-');
    const config = join(dir, 'leakguard.json');
    const base = policyConfig().policy as Record<string, string[]>;
    writeFileSync(config, JSON.stringify({ policy: { ...base, central_trail_names: [...base.central_trail_names, name] } }));
    const { input, decision } = await check([out], { configPath: config, today: '2026-11-28' });
    const types = new Set(Object.values(input.resources).map((r) => r.type));
    for (const t of ['aws_ami_launch_permission', 'aws_ssm_document', 'aws_lambda_layer_version_permission', 'aws_kms_grant']) expect(types).toContain(t);
    expect(decision.findings.map((f) => `${f.rule_id} ${f.resource.address}: ${f.message}`)).toEqual([]);
    removeDir(join(out, '..'));
    removeDir(dir);
  });

  test('the image goes to named accounts and the organization only; the grant to the app role', () => {
    const stack = testStack();
    everyShare(stack);
    const out = synth(stack);
    expect(resources(out, 'aws_ami_launch_permission').map((p) => p.group)).toEqual([undefined, undefined]);
    expect(only(out, 'aws_ssm_document').permissions).toEqual({ type: 'Share', account_ids: '123456789012' });
    expect(only(out, 'aws_lambda_layer_version_permission')).toMatchObject({ principal: '*', organization_id: 'o-abcdef1234' });
    expect(only(out, 'aws_kms_grant').grantee_principal).toBe(ref(out, 'aws_iam_role', 'arn'));
  });
});

const rejected: [string, (stack: TerraformStack) => void, RegExp][] = [
  ['an image shared with group all', (s) => new SharedImage(s, 'i', { imageId: 'ami-1', group: 'all' } as never), /group is not allowed/],
  ['an image shared with "all" as an account', (s) => new SharedImage(s, 'i', { imageId: 'ami-1', accountIds: ['all'] }), /12-digit/],
  ['an image shared with nobody', (s) => new SharedImage(s, 'i', { imageId: 'ami-1' }), /at least one/],
  ['a document shared with All', (s) => new PrivateDocument(s, 'd', { name: 'x-doc', documentType: 'Command', content: CONTENT, shareWithAccountIds: ['All'] }), /12-digit/],
  ['a layer shared with nobody (or everyone)', (s) => new SharedLayer(s, 'l', { layerName: 'common', versionNumber: 1 }), /at least one/],
  ['a layer shared by organization ARN', (s) => new SharedLayer(s, 'l', { layerName: 'common', versionNumber: 1, organizationArn: ORG }), /organizationId/],
  ['a key grant that can re-grant', (s) => {
    const key = new HardenedKey(s, 'k', {});
    const role = new ScopedRole(s, 'r', { name: 'r', trust: { service: 'lambda.amazonaws.com' } });
    new ScopedKeyGrant(s, 'g', { key, grantee: role, operations: ['Decrypt', 'CreateGrant' as never] });
  }, /CreateGrant/],
];

test.each(rejected)('refuses %s', (_what, build, message) => {
  expect(() => build(testStack())).toThrow(message);
});
