import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { UnsafeConfigError } from '../common/errors';

/** One rule: a protocol, a port or port range, and explicit peers. */
export interface SecurityGroupRule {
  readonly description: string;
  readonly protocol: 'tcp' | 'udp';
  readonly port: number | readonly [number, number];
  readonly cidrs?: readonly string[];
  readonly prefixListIds?: readonly string[];
  readonly securityGroupIds?: readonly string[];
}

export interface EgressRestrictedSecurityGroupProps {
  readonly vpcId: string;
  readonly description?: string;
  /** Egress allow-list; empty means no egress at all. Internet-wide CIDRs are refused. */
  readonly egress?: readonly SecurityGroupRule[];
  /** Ingress allow-list; from the internet only tcp 80/443 (load balancers). */
  readonly ingress?: readonly SecurityGroupRule[];
  readonly name?: string;
  readonly provider?: TerraformProvider;
}

const INTERNET = new Set(['0.0.0.0/0', '::/0']);
/** Port ranges wider than this are "all ports" in disguise. */
const MAX_RANGE = 1024;

/**
 * Security group whose egress goes only to named CIDRs / prefix lists / groups on named ports.
 * Terraform strips AWS's default allow-all egress from groups it creates, and rules are
 * separate resources so nothing inline can re-add it.
 */
export class EgressRestrictedSecurityGroup extends Construct {
  readonly securityGroup: SecurityGroup;
  private readonly provider?: TerraformProvider;
  private egressCount = 0;
  private ingressCount = 0;

  constructor(scope: Construct, id: string, props: EgressRestrictedSecurityGroupProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, 'sg', {
      provider: props.provider,
      vpcId: props.vpcId,
      name: props.name,
      namePrefix: props.name ? undefined : `${id}-`,
      description: props.description ?? `Egress-restricted ${this.node.path}`,
      revokeRulesOnDelete: true,
    });
    this.provider = props.provider;
    (props.egress ?? []).forEach((r) => this.allowEgress(r));
    (props.ingress ?? []).forEach((r) => this.allowIngress(r));
  }

  /** Adds an egress rule (validated now); for peers created after the group. */
  allowEgress(rule: SecurityGroupRule): void {
    this.addRule('egress', rule, this.egressCount++, this.provider);
  }

  /** Adds an ingress rule (validated now); for peers created after the group. */
  allowIngress(rule: SecurityGroupRule): void {
    this.addRule('ingress', rule, this.ingressCount++, this.provider);
  }

  get id(): string {
    return this.securityGroup.id;
  }

  private addRule(direction: 'egress' | 'ingress', rule: SecurityGroupRule, index: number, provider?: TerraformProvider): void {
    const [from, to] = typeof rule.port === 'number' ? [rule.port, rule.port] : rule.port;
    if (!['tcp', 'udp'].includes(rule.protocol)) {
      throw new UnsafeConfigError(this, `${direction} rule "${rule.description}": protocol must be tcp or udp (not all protocols)`);
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > 65535 || from > to || to - from >= MAX_RANGE) {
      throw new UnsafeConfigError(this, `${direction} rule "${rule.description}": port range ${from}-${to} must be explicit (at most ${MAX_RANGE} ports)`);
    }
    const peers = [
      ...(rule.cidrs ?? []).map((c) => ({ kind: 'cidr' as const, value: c })),
      ...(rule.prefixListIds ?? []).map((p) => ({ kind: 'prefix' as const, value: p })),
      ...(rule.securityGroupIds ?? []).map((g) => ({ kind: 'sg' as const, value: g })),
    ];
    if (peers.length === 0) throw new UnsafeConfigError(this, `${direction} rule "${rule.description}" names no peer`);
    for (const peer of peers.filter((p) => p.kind === 'cidr')) {
      const internet = INTERNET.has(peer.value) || /\/0$/.test(peer.value);
      if (internet && direction === 'egress') {
        throw new UnsafeConfigError(this, `egress rule "${rule.description}" to ${peer.value}: egress to the whole internet is not allowed; use prefix lists or VPC endpoints`);
      }
      if (internet && !(rule.protocol === 'tcp' && from === to && (from === 80 || from === 443))) {
        throw new UnsafeConfigError(this, `ingress rule "${rule.description}" from ${peer.value}: internet ingress is allowed only on tcp 80/443`);
      }
    }
    const Rule = direction === 'egress' ? VpcSecurityGroupEgressRule : VpcSecurityGroupIngressRule;
    peers.forEach((peer, j) => new Rule(this, `${direction}-${index}-${j}`, {
      provider,
      securityGroupId: this.securityGroup.id,
      description: rule.description,
      ipProtocol: rule.protocol,
      fromPort: from,
      toPort: to,
      cidrIpv4: peer.kind === 'cidr' && !peer.value.includes(':') ? peer.value : undefined,
      cidrIpv6: peer.kind === 'cidr' && peer.value.includes(':') ? peer.value : undefined,
      prefixListId: peer.kind === 'prefix' ? peer.value : undefined,
      referencedSecurityGroupId: peer.kind === 'sg' ? peer.value : undefined,
    }));
  }
}
