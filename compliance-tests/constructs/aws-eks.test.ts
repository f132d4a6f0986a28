import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrivateEksCluster } from '../../stacks/constructs/aws/eks';
import { awsPart, leakyStack } from '../../stacks/leaky/common';
import { policyConfig } from '../../stacks/policy-config';
import { check } from '../../src/check';
import { cleanup as removeDir, synthApp } from '../../test/helpers/synth';
import { tempDir } from '../../test/helpers/cli';
import { cleanup, only, ref, synth, testStack } from './helpers';

afterAll(cleanup);

const SUBNETS = ['subnet-a', 'subnet-b'];
const ROLE = 'arn:aws:iam::123456789012:role/eks-cluster';

describe('PrivateEksCluster', () => {
  test('has a private API endpoint and Secrets under its own customer-managed key', () => {
    const stack = testStack();
    new PrivateEksCluster(stack, 'eks', { name: 'shop', roleArn: ROLE, subnetIds: SUBNETS });
    const out = synth(stack);
    const cluster = only(out, 'aws_eks_cluster');
    expect(cluster.vpc_config).toEqual({ subnet_ids: SUBNETS, endpoint_private_access: true, endpoint_public_access: false });
    expect(cluster.encryption_config).toEqual({ resources: ['secrets'], provider: { key_arn: ref(out, 'aws_kms_key', 'arn') } });
    expect(only(out, 'aws_kms_key').enable_key_rotation).toBe(true);
  });

  test('a public endpoint admits only the narrow ranges named', () => {
    const stack = testStack();
    new PrivateEksCluster(stack, 'eks', { name: 'shop', roleArn: ROLE, subnetIds: SUBNETS, publicAccessCidrs: ['203.0.113.0/24'] });
    expect(only(synth(stack), 'aws_eks_cluster').vpc_config).toMatchObject({ endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] });
  });

  test.each([['0.0.0.0/0'], ['::/0'], ['0.0.0.0/1'], ['2000::/3'], ['10.0.0.0']])('rejects the public range %s', (cidr) => {
    expect(() => new PrivateEksCluster(testStack(), 'eks', { name: 'shop', roleArn: ROLE, subnetIds: SUBNETS, publicAccessCidrs: [cidr] })).toThrow(/narrow literal CIDR ranges/);
  });

  test('rejects an empty range list (EKS reads it as 0.0.0.0/0) and no subnets', () => {
    expect(() => new PrivateEksCluster(testStack(), 'eks', { name: 'shop', roleArn: ROLE, subnetIds: SUBNETS, publicAccessCidrs: [] })).toThrow(/publicAccessCidrs must not be empty/);
    expect(() => new PrivateEksCluster(testStack(), 'eks', { name: 'shop', roleArn: ROLE, subnetIds: [] })).toThrow(/subnetIds must not be empty/);
  });

  test('beside a regional baseline, passes every rule', async () => {
    const name = 'hardened-eks';
    const out = synthApp((app) => {
      const stack = leakyStack(app, name);
      awsPart(stack);
      new PrivateEksCluster(stack, 'eks', { name: 'shop', roleArn: ROLE, subnetIds: SUBNETS });
      new PrivateEksCluster(stack, 'eks-admin', { name: 'shop-admin', roleArn: ROLE, subnetIds: SUBNETS, publicAccessCidrs: ['203.0.113.0/24'] });
    });
    const dir = tempDir('leakguard-eks-');
    const config = join(dir, 'leakguard.json');
    const base = policyConfig().policy as Record<string, string[]>;
    writeFileSync(config, JSON.stringify({ policy: { ...base, central_trail_names: [...base.central_trail_names, name] } }));
    const { input, decision } = await check([out], { configPath: config, today: '2026-11-28' });
    expect(Object.values(input.resources).filter((r) => r.type === 'aws_eks_cluster')).toHaveLength(2);
    expect(decision.findings.map((f) => `${f.rule_id} ${f.resource.address}: ${f.message}`)).toEqual([]);
    removeDir(join(out, '..'));
    removeDir(dir);
  });
});
