import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { Wafv2WebAcl, Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { requireIntInRange, requireOneOf } from '../common/errors';

export interface ManagedRulesWebAclProps {
  /** CLOUDFRONT ACLs must be created with a us-east-1 provider. */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  readonly name: string;
  /** Requests per 5 minutes per IP before blocking; default 2000, within [100, 2000000]. */
  readonly rateLimit?: number;
  readonly provider?: TerraformProvider;
}

/** AWS managed groups that reject malformed and injection payloads (the WAF half of input validation). */
const MANAGED_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet'];

/** WAFv2 web ACL enforcing (not counting) AWS managed rules plus a per-IP rate limit. */
export class ManagedRulesWebAcl extends Construct {
  readonly acl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: ManagedRulesWebAclProps) {
    super(scope, id);
    requireOneOf(this, 'scope', props.scope, ['REGIONAL', 'CLOUDFRONT']);
    const rateLimit = requireIntInRange(this, 'rateLimit', props.rateLimit ?? 2000, 100, 2_000_000);
    const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });
    const rules: Wafv2WebAclRule[] = MANAGED_GROUPS.map((name, i) => ({
      name,
      priority: i,
      overrideAction: { none: {} },
      // `statement` is typed any in the bindings, so it is written in Terraform's snake_case.
      statement: { managed_rule_group_statement: { name, vendor_name: 'AWS' } },
      visibilityConfig: visibility(name),
    }));
    rules.push({
      name: 'RateLimitPerIp',
      priority: rules.length,
      action: { block: {} },
      statement: { rate_based_statement: { limit: rateLimit, aggregate_key_type: 'IP' } },
      visibilityConfig: visibility('RateLimitPerIp'),
    });
    this.acl = new Wafv2WebAcl(this, 'acl', {
      provider: props.provider,
      name: props.name,
      scope: props.scope,
      defaultAction: { allow: {} },
      rule: rules,
      visibilityConfig: visibility(props.name),
    });
  }

  get arn(): string {
    return this.acl.arn;
  }
}
