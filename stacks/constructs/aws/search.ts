import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';
import { OpensearchserverlessCollection } from '@cdktf/provider-aws/lib/opensearchserverless-collection';
import { OpensearchserverlessSecurityPolicy } from '@cdktf/provider-aws/lib/opensearchserverless-security-policy';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { awsAccountId } from '../common/settings';
import { dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { BoundedLogGroup } from './log-group';
import { policyJson } from './policy';
import { EncryptedStoreProps, storeKey } from './store-key';

export interface SecureSearchDomainProps extends EncryptedStoreProps {
  readonly domainName: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** Literal role ARNs allowed to call the domain's HTTP API. */
  readonly clientRoleArns: readonly string[];
  readonly engineVersion?: string;
  readonly instanceType?: string;
  readonly accountId?: string;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * OpenSearch in private subnets (no public endpoint), encrypted at rest with a CMK,
 * node-to-node encryption, HTTPS only with a TLS 1.2 (PFS) minimum, an access policy
 * naming its client roles (never Principal "*"), and fine-grained access control (the first
 * client role is its master) with the audit log published to a bounded log group.
 */
export class SecureSearchDomain extends Construct {
  readonly domain: OpensearchDomain;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: SecureSearchDomainProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9-]{2,27}$/.test(props.domainName)) throw new UnsafeConfigError(this, `invalid domainName ${JSON.stringify(props.domainName)}`);
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    const groups = requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds);
    const clients = requireNonEmpty(this, 'clientRoleArns', props.clientRoleArns);
    for (const arn of clients) {
      if (Token.isUnresolved(arn) || !ROLE_ARN.test(arn)) throw new UnsafeConfigError(this, `clientRoleArns needs literal role ARNs, got ${JSON.stringify(arn)}`);
    }
    const account = awsAccountId(this, props.accountId);
    this.key = storeKey(this, props, `OpenSearch ${props.domainName}`);
    const audit = new BoundedLogGroup(this, 'audit-log', { provider: props.provider, name: `/aws/opensearch/${props.domainName}/audit`, classification: props.classification });
    const delivery = new CloudwatchLogResourcePolicy(this, 'audit-log-delivery', {
      provider: props.provider,
      policyName: `opensearch-${props.domainName}-audit`,
      policyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'es.amazonaws.com' }, Action: ['logs:PutLogEvents', 'logs:CreateLogStream'], Resource: `${audit.arn}:*`, Condition: { StringEquals: { 'aws:SourceAccount': account } } }],
      }),
    });
    this.domain = new OpensearchDomain(this, 'domain', {
      provider: props.provider,
      domainName: props.domainName,
      engineVersion: props.engineVersion ?? 'OpenSearch_2.13',
      clusterConfig: { instanceType: props.instanceType ?? 'r7g.large.search', instanceCount: subnets.length, zoneAwarenessEnabled: subnets.length > 1 },
      ebsOptions: { ebsEnabled: true, volumeSize: 20, volumeType: 'gp3' },
      vpcOptions: { subnetIds: [...subnets], securityGroupIds: [...groups] },
      encryptAtRest: { enabled: true, kmsKeyId: this.key.arn },
      nodeToNodeEncryption: { enabled: true },
      domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
      advancedSecurityOptions: { enabled: true, anonymousAuthEnabled: false, internalUserDatabaseEnabled: false, masterUserOptions: { masterUserArn: clients[0] } },
      logPublishingOptions: [{ logType: 'AUDIT_LOGS', cloudwatchLogGroupArn: audit.arn }],
      dependsOn: [delivery],
      accessPolicies: policyJson([
        {
          sid: 'NamedClients',
          principal: { AWS: [...clients] },
          actions: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'],
          resources: [`arn:aws:es:*:${account}:domain/${props.domainName}/*`],
        },
      ]),
      tags: dataTags(this, props),
    });
  }
}

export interface PrivateSearchCollectionProps extends EncryptedStoreProps {
  /** Collection name (3–28 characters: lower case letters, digits, hyphens). */
  readonly name: string;
  /** The aws_opensearchserverless_vpc_endpoint ids that may reach the collection and its dashboards. */
  readonly vpcEndpointIds: readonly string[];
}

/**
 * OpenSearch Serverless collection encrypted under a customer-managed key (its encryption
 * policy) and reachable only through the caller's VPC endpoints (its network policy).
 */
export class PrivateSearchCollection extends Construct {
  readonly collection: OpensearchserverlessCollection;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateSearchCollectionProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9-]{2,27}$/.test(props.name)) throw new UnsafeConfigError(this, `invalid collection name ${JSON.stringify(props.name)}`);
    const endpoints = requireNonEmpty(this, 'vpcEndpointIds', props.vpcEndpointIds);
    this.key = storeKey(this, props, `OpenSearch Serverless ${props.name}`);
    const resource = [`collection/${props.name}`];
    const encryption = new OpensearchserverlessSecurityPolicy(this, 'encryption', {
      provider: props.provider,
      name: `${props.name}-enc`,
      type: 'encryption',
      policy: JSON.stringify({ Rules: [{ ResourceType: 'collection', Resource: resource }], AWSOwnedKey: false, KmsARN: this.key.arn }),
    });
    const network = new OpensearchserverlessSecurityPolicy(this, 'network', {
      provider: props.provider,
      name: `${props.name}-net`,
      type: 'network',
      policy: JSON.stringify([
        {
          Rules: [
            { ResourceType: 'collection', Resource: resource },
            { ResourceType: 'dashboard', Resource: resource },
          ],
          AllowFromPublic: false,
          SourceVPCEs: [...endpoints],
        },
      ]),
    });
    this.collection = new OpensearchserverlessCollection(this, 'collection', {
      provider: props.provider,
      name: props.name,
      type: 'SEARCH',
      tags: dataTags(this, props),
      dependsOn: [encryption, network],
    });
  }
}
