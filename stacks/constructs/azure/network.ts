import { Construct } from 'constructs';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { AzurePlacement, requireLocation } from './common';

export interface NsgRule {
  readonly name: string;
  /** 100–4000; 4096 is reserved for the closing deny. */
  readonly priority: number;
  readonly protocol: 'Tcp' | 'Udp';
  /** Ports or ranges like `443` / `'8000-8080'` (never `*`). */
  readonly ports: readonly (number | string)[];
  /** Peers: CIDRs or service tags (`VirtualNetwork`, `AzureLoadBalancer`, `Sql.WestUS2`, ...). */
  readonly peers: readonly string[];
}

export interface RestrictedNsgProps extends AzurePlacement {
  readonly name: string;
  readonly inbound?: readonly NsgRule[];
  readonly outbound?: readonly NsgRule[];
  readonly tags?: Record<string, string>;
}

const INTERNET = new Set(['*', 'Internet', '0.0.0.0/0', '::/0', 'Any']);

/**
 * NSG with allow-list rules only: no outbound Allow to the internet, internet inbound only on
 * tcp 80/443, and an explicit outbound deny to Internet because Azure's default rules allow it.
 */
export class RestrictedNsg extends Construct {
  readonly nsg: NetworkSecurityGroup;

  constructor(scope: Construct, id: string, props: RestrictedNsgProps) {
    super(scope, id);
    this.nsg = new NetworkSecurityGroup(this, 'nsg', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: requireLocation(this, props.location),
      tags: props.tags,
    });
    const base = { resourceGroupName: props.resourceGroupName, networkSecurityGroupName: this.nsg.name };
    for (const [direction, rules] of [['Inbound', props.inbound ?? []], ['Outbound', props.outbound ?? []]] as const) {
      for (const rule of rules) {
        requireIntInRange(this, `${rule.name}.priority`, rule.priority, 100, 4000);
        if (!['Tcp', 'Udp'].includes(rule.protocol)) throw new UnsafeConfigError(this, `${rule.name}: protocol must be Tcp or Udp`);
        const ports = rule.ports.map(String);
        if (ports.length === 0 || ports.some((p) => p === '*' || p === '0-65535')) throw new UnsafeConfigError(this, `${rule.name}: ports must be explicit`);
        if (rule.peers.length === 0) throw new UnsafeConfigError(this, `${rule.name}: no peers`);
        const internet = rule.peers.some((p) => INTERNET.has(p) || /\/0$/.test(p));
        if (internet && direction === 'Outbound') throw new UnsafeConfigError(this, `${rule.name}: outbound Allow to the internet is not allowed`);
        if (internet && !(rule.protocol === 'Tcp' && ports.every((p) => p === '80' || p === '443'))) {
          throw new UnsafeConfigError(this, `${rule.name}: inbound from the internet is allowed only on tcp 80/443`);
        }
        const peerField = direction === 'Inbound' ? 'sourceAddressPrefixes' : 'destinationAddressPrefixes';
        const localField = direction === 'Inbound' ? 'destinationAddressPrefix' : 'sourceAddressPrefix';
        new NetworkSecurityRule(this, `${direction.toLowerCase()}-${rule.name}`, {
          ...base,
          name: rule.name,
          priority: rule.priority,
          direction,
          access: 'Allow',
          protocol: rule.protocol,
          sourcePortRange: '*',
          destinationPortRanges: ports,
          [peerField]: [...rule.peers],
          [localField]: 'VirtualNetwork',
        });
      }
    }
    new NetworkSecurityRule(this, 'deny-internet-outbound', {
      ...base,
      name: 'DenyInternetOutbound',
      priority: 4096,
      direction: 'Outbound',
      access: 'Deny',
      protocol: '*',
      sourcePortRange: '*',
      destinationPortRange: '*',
      sourceAddressPrefix: '*',
      destinationAddressPrefix: 'Internet',
    });
  }

  get id(): string {
    return this.nsg.id;
  }
}
