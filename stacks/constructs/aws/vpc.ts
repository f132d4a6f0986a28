import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { UnsafeConfigError } from '../common/errors';
import { HardenedKey } from './key';
import { BoundedLogGroup } from './log-group';
import { regionOf } from './providers';
import { ScopedRole } from './role';

export interface PrivateVpcProps {
  readonly name: string;
  /** A /16; private subnets are carved as /20s. */
  readonly cidr: string;
  /** Availability-zone suffixes; default a, b. */
  readonly zones?: readonly string[];
  readonly flowLogRetentionDays?: number;
  readonly kmsKey?: HardenedKey;
  readonly provider?: TerraformProvider;
}

/**
 * VPC with private subnets only (no internet gateway or NAT, so nothing can reach the internet),
 * gateway endpoints for S3 and DynamoDB, and flow logs to a bounded, encrypted log group.
 */
export class PrivateVpc extends Construct {
  readonly vpc: Vpc;
  readonly subnetIds: string[];
  readonly s3PrefixListId: string;
  readonly dynamodbPrefixListId: string;

  constructor(scope: Construct, id: string, props: PrivateVpcProps) {
    super(scope, id);
    const m = /^(\d+)\.(\d+)\.0\.0\/16$/.exec(props.cidr);
    if (!m) throw new UnsafeConfigError(this, `cidr must be a /16 like 10.10.0.0/16, got ${props.cidr}`);
    const provider = props.provider;
    const region = regionOf(this, provider);
    this.vpc = new Vpc(this, 'vpc', { provider, cidrBlock: props.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: props.name } });
    const routes = new RouteTable(this, 'private-routes', { provider, vpcId: this.vpc.id, tags: { Name: `${props.name}-private` } });
    this.subnetIds = (props.zones ?? ['a', 'b']).map((zone, i) => {
      const subnet = new Subnet(this, `private-${zone}`, {
        provider,
        vpcId: this.vpc.id,
        availabilityZone: `${region}${zone}`,
        cidrBlock: `${m[1]}.${m[2]}.${i * 16}.0/20`,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.name}-private-${zone}` },
      });
      new RouteTableAssociation(this, `private-${zone}-routes`, { provider, subnetId: subnet.id, routeTableId: routes.id });
      return subnet.id;
    });
    const gateway = (service: string) => new VpcEndpoint(this, `${service}-endpoint`, {
      provider,
      vpcId: this.vpc.id,
      serviceName: `com.amazonaws.${region}.${service}`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [routes.id],
    });
    this.s3PrefixListId = gateway('s3').prefixListId;
    this.dynamodbPrefixListId = gateway('dynamodb').prefixListId;

    const logs = new BoundedLogGroup(this, 'flow-logs', {
      name: `/aws/vpc/${props.name}/flow-logs`,
      classification: 'internal',
      retentionDays: props.flowLogRetentionDays,
      kmsKey: props.kmsKey,
      provider,
    });
    const role = new ScopedRole(this, 'flow-logs-role', {
      name: `${props.name}-flow-logs`,
      trust: { service: 'vpc-flow-logs.amazonaws.com' },
      statements: [{ actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [`${logs.arn}:*`] }],
      provider,
    });
    new FlowLog(this, 'flow-log', {
      provider,
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logs.arn,
      iamRoleArn: role.arn,
    });
  }

  get id(): string {
    return this.vpc.id;
  }
}
