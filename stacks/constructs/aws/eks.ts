import { Construct } from 'constructs';
import { TerraformProvider, Token } from 'cdktf';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { HardenedKey } from './key';

export interface PrivateEksClusterProps {
  readonly name: string;
  /**
   * The cluster role. Besides AmazonEKSClusterPolicy it needs kms:Encrypt, kms:Decrypt,
   * kms:ListGrants and kms:DescribeKey on the Secrets key (`kmsKey.arn`): the key policy lets
   * IAM policies of this account grant use of it.
   */
  readonly roleArn: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds?: readonly string[];
  readonly version?: string;
  /**
   * Narrow literal ranges (an office, a VPN, CI runners) that may reach a public API endpoint.
   * Unset: no public endpoint; the API answers only inside the VPC.
   */
  readonly publicAccessCidrs?: readonly string[];
  /** Customer-managed key for Kubernetes Secrets; a new HardenedKey when absent. */
  readonly kmsKey?: HardenedKey;
  readonly provider?: TerraformProvider;
}

/** Prefixes as wide as the rule aws-eks-public-endpoint reads as the internet (IPv4 /7, IPv6 /3 or wider). */
function internetWide(cidr: string): boolean {
  const [address, bits] = cidr.split('/');
  const prefix = Number(bits);
  return bits === undefined || !Number.isInteger(prefix) || (address.includes(':') ? prefix <= 3 : prefix <= 7);
}

/**
 * EKS cluster whose Kubernetes API server is private (reached from inside the VPC) unless the
 * caller names the narrow ranges a public endpoint may admit, and whose Secrets are
 * envelope-encrypted with a customer-managed KMS key.
 */
export class PrivateEksCluster extends Construct {
  readonly cluster: EksCluster;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateEksClusterProps) {
    super(scope, id);
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    const cidrs = props.publicAccessCidrs;
    if (cidrs !== undefined) {
      requireNonEmpty(this, 'publicAccessCidrs', cidrs);
      for (const c of cidrs) {
        // Literal ranges only: an unresolved token may be 0.0.0.0/0, and an empty list means 0.0.0.0/0 to EKS.
        if (Token.isUnresolved(c) || internetWide(c)) {
          throw new UnsafeConfigError(this, `publicAccessCidrs must be narrow literal CIDR ranges, got ${JSON.stringify(c)}`);
        }
      }
    }
    this.key = props.kmsKey ?? new HardenedKey(this, 'key', { provider: props.provider, description: `EKS Secrets CMK for ${props.name}` });

    this.cluster = new EksCluster(this, 'cluster', {
      provider: props.provider,
      name: props.name,
      roleArn: props.roleArn,
      version: props.version,
      vpcConfig: {
        subnetIds: [...subnets],
        securityGroupIds: props.securityGroupIds ? [...props.securityGroupIds] : undefined,
        endpointPrivateAccess: true,
        endpointPublicAccess: cidrs !== undefined,
        publicAccessCidrs: cidrs ? [...cidrs] : undefined,
      },
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: this.key.arn } },
    });
  }

  get name(): string {
    return this.cluster.name;
  }
}
