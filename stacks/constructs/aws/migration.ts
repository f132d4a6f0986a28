import { Construct } from 'constructs';
import { DmsEndpoint } from '@cdktf/provider-aws/lib/dms-endpoint';
import { DmsReplicationInstance } from '@cdktf/provider-aws/lib/dms-replication-instance';
import { DmsReplicationSubnetGroup } from '@cdktf/provider-aws/lib/dms-replication-subnet-group';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { EncryptedStoreProps, storeKey } from './store-key';

const ID = /^[a-z][a-z0-9-]{0,62}$/;

function requireId(scope: Construct, what: string, id: string): string {
  if (!ID.test(id) || id.endsWith('-') || id.includes('--')) throw new UnsafeConfigError(scope, `invalid ${what} ${JSON.stringify(id)}`);
  return id;
}

export interface PrivateReplicationInstanceProps extends EncryptedStoreProps {
  readonly instanceId: string;
  readonly instanceClass?: string;
  /** Private subnets in at least two availability zones. */
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly multiAz?: boolean;
}

export interface ReplicationEndpointProps {
  readonly endpointId: string;
  readonly endpointType: 'source' | 'target';
  /** A database engine that takes ssl_mode (mysql, postgres, aurora-postgresql, oracle, sqlserver …). */
  readonly engineName: string;
  readonly databaseName?: string;
  /** The Secrets Manager secret holding the connection details (no password in the configuration). */
  readonly secretsManagerArn: string;
  readonly secretsManagerAccessRoleArn: string;
  /** The database's CA certificate (aws_dms_certificate), checked with verify-full; DMS's bundled CAs when absent. */
  readonly certificateArn?: string;
}

/** DMS replication instance with no public IP, its storage under a customer-managed key; endpoints verify TLS and read credentials from Secrets Manager. */
export class PrivateReplicationInstance extends Construct {
  readonly instance: DmsReplicationInstance;
  readonly subnetGroup: DmsReplicationSubnetGroup;
  readonly key: HardenedKey;
  private readonly props: PrivateReplicationInstanceProps;

  constructor(scope: Construct, id: string, props: PrivateReplicationInstanceProps) {
    super(scope, id);
    this.props = props;
    const instanceId = requireId(this, 'instanceId', props.instanceId);
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    if (subnets.length < 2) throw new UnsafeConfigError(this, 'a replication subnet group needs subnets in at least two availability zones');
    this.key = storeKey(this, props, `DMS ${instanceId}`);
    const tags = dataTags(this, props);
    this.subnetGroup = new DmsReplicationSubnetGroup(this, 'subnets', {
      provider: props.provider,
      replicationSubnetGroupId: instanceId,
      replicationSubnetGroupDescription: `private subnets of ${instanceId}`,
      subnetIds: [...subnets],
      tags,
    });
    this.instance = new DmsReplicationInstance(this, 'instance', {
      provider: props.provider,
      replicationInstanceId: instanceId,
      replicationInstanceClass: props.instanceClass ?? 'dms.t3.large',
      replicationSubnetGroupId: this.subnetGroup.replicationSubnetGroupId,
      vpcSecurityGroupIds: [...requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds)],
      publiclyAccessible: false,
      kmsKeyArn: this.key.arn,
      multiAz: props.multiAz ?? true,
      tags,
    });
  }

  /** A database endpoint over TLS with server verification (ssl_mode verify-full), its connection settings under the instance's key. */
  endpoint(id: string, props: ReplicationEndpointProps): DmsEndpoint {
    return new DmsEndpoint(this, id, {
      provider: this.props.provider,
      endpointId: requireId(this, 'endpointId', props.endpointId),
      endpointType: props.endpointType,
      engineName: props.engineName,
      databaseName: props.databaseName,
      sslMode: 'verify-full',
      certificateArn: props.certificateArn,
      kmsKeyArn: this.key.arn,
      secretsManagerArn: props.secretsManagerArn,
      secretsManagerAccessRoleArn: props.secretsManagerAccessRoleArn,
      tags: dataTags(this, this.props),
    });
  }
}
