import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PrivateVpc } from '../constructs/aws/vpc';
import { awsPart, azurePart, leakyStack } from './common';

/** Security groups / NSG rules that let workloads send data anywhere on the internet. */
export function unrestrictedEgress(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unrestricted-egress');
  awsPart(stack);
  const network = new PrivateVpc(stack, 'network', { name: 'leaky-egress', cidr: '10.43.0.0/16' });
  // Standalone rule resource: all protocols to 0.0.0.0/0.
  const worker = new SecurityGroup(stack, 'worker-sg', { name: 'leaky-worker', description: 'Worker with open egress', vpcId: network.id });
  new VpcSecurityGroupEgressRule(stack, 'worker-egress-all', { securityGroupId: worker.id, ipProtocol: '-1', cidrIpv4: '0.0.0.0/0', description: 'anywhere' });
  // Inline block: the same leak written the older way, over IPv6 too.
  new SecurityGroup(stack, 'batch-sg', {
    name: 'leaky-batch',
    description: 'Batch job with open egress',
    vpcId: network.id,
    egress: [{ fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'], description: 'anywhere' }],
  });
  // A network ACL that lets anyone on the internet reach SSH on the subnets it guards.
  const acl = new NetworkAcl(stack, 'bastion-acl', { vpcId: network.id, subnetIds: [network.subnetIds[0]] });
  new NetworkAclRule(stack, 'bastion-acl-ssh', { networkAclId: acl.id, ruleNumber: 100, egress: false, protocol: 'tcp', ruleAction: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 22, toPort: 22 });

  const az = azurePart(stack, 'egress');
  const nsg = new NetworkSecurityGroup(stack, 'worker-nsg', { ...az.at(), name: 'nsg-leaky-worker' });
  new NetworkSecurityRule(stack, 'worker-outbound-internet', {
    resourceGroupName: az.group.name,
    networkSecurityGroupName: nsg.name,
    name: 'AllowInternetOutbound',
    priority: 100,
    direction: 'Outbound',
    access: 'Allow',
    protocol: '*',
    sourcePortRange: '*',
    destinationPortRange: '*',
    sourceAddressPrefix: 'VirtualNetwork',
    destinationAddressPrefix: 'Internet',
  });
  return stack;
}
