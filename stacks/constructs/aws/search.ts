import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { awsAccountId } from '../common/settings';
import { dataTags } from '../common/tags';
import { HardenedKey } from './key';
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
 * node-to-node encryption, HTTPS only with a TLS 1.2 (PFS) minimum, and an access policy
 * naming its client roles (never Principal "*").
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
