import { EgressRestrictedSecurityGroup, SecurityGroupRule } from '../../stacks/constructs/aws/network';
import { PrivateVpc } from '../../stacks/constructs/aws/vpc';
import { cleanup, only, ref, resources, synth, testStack } from './helpers';

afterAll(cleanup);

describe('EgressRestrictedSecurityGroup', () => {
  const stack = testStack();
  new EgressRestrictedSecurityGroup(stack, 'app', {
    vpcId: 'vpc-0123456789abcdef0',
    egress: [{ description: 'database', protocol: 'tcp', port: 5432, cidrs: ['10.0.0.0/16'] }, { description: 'S3 endpoint', protocol: 'tcp', port: 443, prefixListIds: ['pl-68a54001'] }],
    ingress: [{ description: 'HTTPS from the internet (load balancer)', protocol: 'tcp', port: 443, cidrs: ['0.0.0.0/0'] }],
  });
  const out = synth(stack);

  test('has no inline rules, so Terraform removes the default allow-all egress', () => {
    const sg = only(out, 'aws_security_group');
    expect(sg.egress).toBeUndefined();
    expect(sg.ingress).toBeUndefined();
    expect(sg.revoke_rules_on_delete).toBe(true);
  });

  test('egress goes only to the named CIDR and prefix list on named ports', () => {
    const rules = resources(out, 'aws_vpc_security_group_egress_rule');
    const sgId = ref(out, 'aws_security_group', 'id');
    expect(rules.map(({ security_group_id, ip_protocol, from_port, to_port, cidr_ipv4, prefix_list_id }) => ({ security_group_id, ip_protocol, from_port, to_port, cidr_ipv4, prefix_list_id }))).toEqual([
      { security_group_id: sgId, ip_protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_ipv4: '10.0.0.0/16', prefix_list_id: undefined },
      { security_group_id: sgId, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: undefined, prefix_list_id: 'pl-68a54001' },
    ]);
  });

  test('internet ingress on 443 is accepted', () => {
    expect(only(out, 'aws_vpc_security_group_ingress_rule')).toMatchObject({ cidr_ipv4: '0.0.0.0/0', from_port: 443, to_port: 443 });
  });
});

const rule = (r: Partial<SecurityGroupRule>): SecurityGroupRule => ({ description: 'r', protocol: 'tcp', port: 443, cidrs: ['10.0.0.0/8'], ...r });
const rejected: [string, { egress?: SecurityGroupRule[]; ingress?: SecurityGroupRule[] }, RegExp][] = [
  ['egress to 0.0.0.0/0', { egress: [rule({ cidrs: ['0.0.0.0/0'] })] }, /egress to the whole internet/],
  ['egress to ::/0', { egress: [rule({ cidrs: ['::/0'] })] }, /egress to the whole internet/],
  ['all protocols (-1)', { egress: [rule({ protocol: '-1' as 'tcp' })] }, /protocol must be tcp or udp/],
  ['all ports', { egress: [rule({ port: [0, 65535] })] }, /must be explicit/],
  ['a port range wider than 1024', { egress: [rule({ port: [1024, 4096] })] }, /must be explicit/],
  ['a rule with no peer', { egress: [rule({ cidrs: [] })] }, /names no peer/],
  ['internet ingress on SSH', { ingress: [rule({ port: 22, cidrs: ['0.0.0.0/0'] })] }, /only on tcp 80\/443/],
  ['internet ingress over UDP 443', { ingress: [rule({ protocol: 'udp', cidrs: ['0.0.0.0/0'] })] }, /only on tcp 80\/443/],
];
test.each(rejected)('EgressRestrictedSecurityGroup rejects %s', (_name, rules, message) => {
  expect(() => new EgressRestrictedSecurityGroup(testStack(), 'sg', { vpcId: 'vpc-1', ...rules })).toThrow(message);
});

test('rules added after construction are validated too', () => {
  const sg = new EgressRestrictedSecurityGroup(testStack(), 'sg', { vpcId: 'vpc-1' });
  expect(() => sg.allowEgress(rule({ cidrs: ['0.0.0.0/0'] }))).toThrow(/egress to the whole internet/);
});

describe('PrivateVpc', () => {
  const stack = testStack();
  new PrivateVpc(stack, 'net', { name: 'shop', cidr: '10.10.0.0/16', flowLogRetentionDays: 90 });
  const out = synth(stack);

  test('has no internet or NAT gateway and no public IPs', () => {
    expect(resources(out, 'aws_internet_gateway')).toHaveLength(0);
    expect(resources(out, 'aws_nat_gateway')).toHaveLength(0);
    expect(resources(out, 'aws_subnet').map((s) => [s.cidr_block, s.map_public_ip_on_launch])).toEqual([['10.10.0.0/20', false], ['10.10.16.0/20', false]]);
  });

  test('reaches S3 and DynamoDB through gateway endpoints', () => {
    expect(resources(out, 'aws_vpc_endpoint').map((e) => e.service_name).sort()).toEqual(['com.amazonaws.us-west-2.dynamodb', 'com.amazonaws.us-west-2.s3']);
  });

  test('records all the VPC\'s traffic (aws-vpc-flow-logs) to a bounded, encrypted log group through a scoped role', () => {
    const flow = only(out, 'aws_flow_log');
    expect(flow.vpc_id).toBe(ref(out, 'aws_vpc', 'id'));
    expect(flow.traffic_type).toBe('ALL');
    expect(flow.log_destination).toBe(ref(out, 'aws_cloudwatch_log_group', 'arn'));
    expect(flow.iam_role_arn).toBe(ref(out, 'aws_iam_role', 'arn'));
    const group = only(out, 'aws_cloudwatch_log_group');
    expect(group.retention_in_days).toBe(90);
    expect(group.kms_key_id).toBe(ref(out, 'aws_kms_key', 'arn'));
    const trust = JSON.parse(only(out, 'aws_iam_role').assume_role_policy);
    expect(trust.Statement.map((s: { Principal: unknown }) => s.Principal)).toEqual([{ Service: 'vpc-flow-logs.amazonaws.com' }]);
    expect(JSON.stringify(out)).toContain(`${ref(out, 'aws_cloudwatch_log_group', 'arn')}:*`);
  });

  test('opens no network ACL to the internet (aws-nacl-admin-ports): it manages none', () => {
    for (const type of ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule']) expect(resources(out, type)).toHaveLength(0);
  });

  test('rejects a CIDR that is not a /16', () => {
    expect(() => new PrivateVpc(testStack(), 'n', { name: 'x', cidr: '10.0.0.0/8' })).toThrow(/must be a \/16/);
  });
});
