import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { dataTags, ClassifiedProps } from '../common/tags';

/** Policies that refuse TLS 1.0 and 1.1 (TLS 1.3 with 1.2 is AWS's recommendation). */
const MODERN_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/;

export interface HttpsLoadBalancerProps extends ClassifiedProps {
  /** Load balancer name: letters, digits and hyphens, at most 32. */
  readonly name: string;
  /** Public subnets in at least two availability zones. */
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** ACM certificate the HTTPS listener serves. */
  readonly certificateArn: string;
  /** Target group the HTTPS listener forwards to. */
  readonly targetGroupArn: string;
  /** Bucket (with its ELB log-delivery policy) that receives the access logs. */
  readonly accessLogBucket: string;
  /** Default ELBSecurityPolicy-TLS13-1-2-2021-06; only policies that refuse TLS below 1.2 are accepted. */
  readonly sslPolicy?: string;
  readonly provider?: TerraformProvider;
}

/**
 * An internet-facing Application Load Balancer that serves customers over TLS 1.2 or later
 * only: HTTPS forwards to the targets, HTTP only redirects to HTTPS. It drops malformed headers
 * (request smuggling) and logs every request.
 */
export class HttpsLoadBalancer extends Construct {
  readonly loadBalancer: Lb;
  readonly https: LbListener;
  readonly http: LbListener;

  constructor(scope: Construct, id: string, props: HttpsLoadBalancerProps) {
    super(scope, id);
    if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/.test(props.name) || props.name.startsWith('internal-')) {
      throw new UnsafeConfigError(this, `invalid name ${JSON.stringify(props.name)}`);
    }
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    if (subnets.length < 2) throw new UnsafeConfigError(this, 'subnetIds: an Application Load Balancer needs subnets in two availability zones');
    const sslPolicy = props.sslPolicy ?? 'ELBSecurityPolicy-TLS13-1-2-2021-06';
    if (!MODERN_POLICY.test(sslPolicy)) throw new UnsafeConfigError(this, `sslPolicy ${JSON.stringify(sslPolicy)} may accept TLS below 1.2`);
    this.loadBalancer = new Lb(this, 'lb', {
      provider: props.provider,
      name: props.name,
      loadBalancerType: 'application',
      internal: false,
      subnets: [...subnets],
      securityGroups: [...requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds)],
      dropInvalidHeaderFields: true,
      accessLogs: { bucket: props.accessLogBucket, prefix: props.name, enabled: true },
      tags: dataTags(this, props),
    });
    this.https = new LbListener(this, 'https', {
      provider: props.provider,
      loadBalancerArn: this.loadBalancer.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy,
      certificateArn: props.certificateArn,
      defaultAction: [{ type: 'forward', targetGroupArn: props.targetGroupArn }],
    });
    this.http = new LbListener(this, 'http', {
      provider: props.provider,
      loadBalancerArn: this.loadBalancer.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }],
    });
  }
}
