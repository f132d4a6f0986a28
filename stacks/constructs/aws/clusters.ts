import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { NeptuneCluster } from '@cdktf/provider-aws/lib/neptune-cluster';
import { NeptuneClusterInstance } from '@cdktf/provider-aws/lib/neptune-cluster-instance';
import { NeptuneSubnetGroup } from '@cdktf/provider-aws/lib/neptune-subnet-group';
import { NeptunegraphGraph } from '@cdktf/provider-aws/lib/neptunegraph-graph';
import { DocdbCluster } from '@cdktf/provider-aws/lib/docdb-cluster';
import { DocdbClusterParameterGroup } from '@cdktf/provider-aws/lib/docdb-cluster-parameter-group';
import { DocdbSubnetGroup } from '@cdktf/provider-aws/lib/docdb-subnet-group';
import { RedshiftCluster } from '@cdktf/provider-aws/lib/redshift-cluster';
import { RedshiftSubnetGroup } from '@cdktf/provider-aws/lib/redshift-subnet-group';
import { RedshiftLogging } from '@cdktf/provider-aws/lib/redshift-logging';
import { RedshiftParameterGroup } from '@cdktf/provider-aws/lib/redshift-parameter-group';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { MemorydbCluster } from '@cdktf/provider-aws/lib/memorydb-cluster';
import { MemorydbSubnetGroup } from '@cdktf/provider-aws/lib/memorydb-subnet-group';
import { DaxCluster } from '@cdktf/provider-aws/lib/dax-cluster';
import { DaxSubnetGroup } from '@cdktf/provider-aws/lib/dax-subnet-group';
import { UnsafeConfigError, requireIntInRange, requireNonEmpty } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { EncryptedStoreProps, storeKey } from './store-key';

/** A private cluster in at least two subnets, behind the caller's security groups. */
export interface PrivateClusterProps extends EncryptedStoreProps {
  /** Cluster identifier (lower case, starts with a letter). */
  readonly identifier: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** Automated backup retention; default 14, within [7, 35]. */
  readonly backupRetentionDays?: number;
}

interface Placement {
  readonly subnets: string[];
  readonly groups: string[];
  readonly retention: number;
  readonly key: HardenedKey;
  readonly tags: Record<string, string>;
}

function placement(scope: Construct, props: PrivateClusterProps, what: string): Placement {
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(props.identifier)) throw new UnsafeConfigError(scope, `invalid identifier ${JSON.stringify(props.identifier)}`);
  const subnets = requireNonEmpty(scope, 'subnetIds', props.subnetIds);
  if (subnets.length < 2) throw new UnsafeConfigError(scope, `${what} needs subnets in at least two availability zones`);
  return {
    subnets: [...subnets],
    groups: [...requireNonEmpty(scope, 'securityGroupIds', props.securityGroupIds)],
    retention: requireIntInRange(scope, 'backupRetentionDays', props.backupRetentionDays ?? 14, 7, 35),
    key: storeKey(scope, props, `${what} ${props.identifier}`),
    tags: dataTags(scope, props),
  };
}

/** Neptune: storage and backups under a CMK, private instances, audit logs exported, deletion-protected. */
export class EncryptedGraphDatabase extends Construct {
  readonly cluster: NeptuneCluster;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateClusterProps & { readonly instanceClass?: string }) {
    super(scope, id);
    const p = placement(this, props, 'Neptune');
    this.key = p.key;
    const subnets = new NeptuneSubnetGroup(this, 'subnets', { provider: props.provider, namePrefix: `${props.identifier}-`, subnetIds: p.subnets, tags: p.tags });
    this.cluster = new NeptuneCluster(this, 'cluster', {
      provider: props.provider,
      clusterIdentifier: props.identifier,
      engine: 'neptune',
      storageEncrypted: true,
      kmsKeyArn: p.key.arn,
      neptuneSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: p.groups,
      iamDatabaseAuthenticationEnabled: true,
      backupRetentionPeriod: p.retention,
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${props.identifier}-final`,
      enableCloudwatchLogsExports: ['audit'],
      tags: p.tags,
    });
    new NeptuneClusterInstance(this, 'instance', {
      provider: props.provider,
      clusterIdentifier: this.cluster.id,
      instanceClass: props.instanceClass ?? 'db.r6g.large',
      publiclyAccessible: false,
      tags: p.tags,
    });
  }
}

export interface PrivateAnalyticsGraphProps extends EncryptedStoreProps {
  /** Graph name (lower case, starts with a letter). */
  readonly name: string;
  /** Memory in m-NCUs; default 16, within [16, 24576]. */
  readonly provisionedMemory?: number;
  /** Replicas in other zones; default 1, within [0, 2]. */
  readonly replicaCount?: number;
}

/**
 * Neptune Analytics: a graph under a CMK with no public endpoint, deletion-protected (the
 * provider deletes a graph without a final snapshot, and the service keeps no automated
 * backups). Key and public endpoint cannot be changed later without replacing the graph.
 */
export class PrivateAnalyticsGraph extends Construct {
  readonly graph: NeptunegraphGraph;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateAnalyticsGraphProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(props.name)) throw new UnsafeConfigError(this, `invalid name ${JSON.stringify(props.name)}`);
    this.key = storeKey(this, props, `Neptune Analytics graph ${props.name}`);
    this.graph = new NeptunegraphGraph(this, 'graph', {
      provider: props.provider,
      graphName: props.name,
      provisionedMemory: requireIntInRange(this, 'provisionedMemory', props.provisionedMemory ?? 16, 16, 24576),
      replicaCount: requireIntInRange(this, 'replicaCount', props.replicaCount ?? 1, 0, 2),
      kmsKeyIdentifier: this.key.arn,
      publicConnectivity: false,
      deletionProtection: true,
      tags: dataTags(this, props),
    });
  }
}

/** DocumentDB: storage and backups under a CMK, TLS required, audit logs exported, deletion-protected. */
export class EncryptedDocumentDatabase extends Construct {
  readonly cluster: DocdbCluster;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateClusterProps & { readonly masterUsername: string }) {
    super(scope, id);
    const p = placement(this, props, 'DocumentDB');
    this.key = p.key;
    const subnets = new DocdbSubnetGroup(this, 'subnets', { provider: props.provider, namePrefix: `${props.identifier}-`, subnetIds: p.subnets, tags: p.tags });
    const parameters = new DocdbClusterParameterGroup(this, 'parameters', {
      provider: props.provider,
      namePrefix: `${props.identifier}-`,
      family: 'docdb5.0',
      parameter: [
        { name: 'tls', value: 'tls1.2+' },
        { name: 'audit_logs', value: 'enabled' },
      ],
      tags: p.tags,
    });
    this.cluster = new DocdbCluster(this, 'cluster', {
      provider: props.provider,
      clusterIdentifier: props.identifier,
      masterUsername: props.masterUsername,
      manageMasterUserPassword: true,
      storageEncrypted: true,
      kmsKeyId: p.key.arn,
      dbSubnetGroupName: subnets.name,
      dbClusterParameterGroupName: parameters.name,
      vpcSecurityGroupIds: p.groups,
      backupRetentionPeriod: p.retention,
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${props.identifier}-final`,
      enabledCloudwatchLogsExports: ['audit'],
      tags: p.tags,
    });
  }
}

/**
 * Redshift: private (publicly_accessible = false), encrypted with a CMK, managed admin password,
 * SSL required and user activity logged (its own parameter group), audit logs to CloudWatch.
 */
export class PrivateWarehouse extends Construct {
  readonly cluster: RedshiftCluster;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateClusterProps & { readonly masterUsername: string; readonly nodeType?: string }) {
    super(scope, id);
    const p = placement(this, props, 'Redshift');
    this.key = p.key;
    const subnets = new RedshiftSubnetGroup(this, 'subnets', { provider: props.provider, name: `${props.identifier}-subnets`, subnetIds: p.subnets, tags: p.tags });
    const parameters = new RedshiftParameterGroup(this, 'parameters', {
      provider: props.provider,
      name: `${props.identifier}-parameters`,
      family: 'redshift-1.0',
      parameter: [
        { name: 'require_ssl', value: 'true' },
        { name: 'enable_user_activity_logging', value: 'true' },
      ],
      tags: p.tags,
    });
    this.cluster = new RedshiftCluster(this, 'cluster', {
      provider: props.provider,
      clusterIdentifier: props.identifier,
      nodeType: props.nodeType ?? 'ra3.xlplus',
      masterUsername: props.masterUsername,
      manageMasterPassword: true,
      masterPasswordSecretKmsKeyId: p.key.arn,
      publiclyAccessible: false,
      encrypted: true,
      kmsKeyId: p.key.arn,
      clusterSubnetGroupName: subnets.name,
      clusterParameterGroupName: parameters.name,
      vpcSecurityGroupIds: p.groups,
      enhancedVpcRouting: true,
      automatedSnapshotRetentionPeriod: p.retention,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${props.identifier}-final`,
      tags: p.tags,
    });
    new RedshiftLogging(this, 'audit-logs', {
      provider: props.provider,
      clusterIdentifier: this.cluster.id,
      logDestinationType: 'cloudwatch',
      logExports: ['connectionlog', 'userlog', 'useractivitylog'],
    });
  }
}

/** Redis/Valkey: encrypted at rest with a CMK and in transit (required), RBAC user groups. */
export class EncryptedRedis extends Construct {
  readonly group: ElasticacheReplicationGroup;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateClusterProps & { readonly userGroupIds: readonly string[]; readonly nodeType?: string; readonly engine?: 'redis' | 'valkey' }) {
    super(scope, id);
    const p = placement(this, props, 'ElastiCache');
    this.key = p.key;
    const users = requireNonEmpty(this, 'userGroupIds', props.userGroupIds);
    const subnets = new ElasticacheSubnetGroup(this, 'subnets', { provider: props.provider, name: `${props.identifier}-subnets`, subnetIds: p.subnets, tags: p.tags });
    this.group = new ElasticacheReplicationGroup(this, 'group', {
      provider: props.provider,
      replicationGroupId: props.identifier,
      description: `${props.identifier} (encrypted, RBAC)`,
      engine: props.engine ?? 'valkey',
      nodeType: props.nodeType ?? 'cache.t4g.small',
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      subnetGroupName: subnets.name,
      securityGroupIds: p.groups,
      atRestEncryptionEnabled: 'true',
      kmsKeyId: p.key.arn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      userGroupIds: [...users],
      snapshotRetentionLimit: p.retention,
      tags: p.tags,
    });
  }
}

/** MemoryDB: TLS, a customer-managed key, an ACL with users (never open-access), snapshots kept. */
export class EncryptedMemoryDb extends Construct {
  readonly cluster: MemorydbCluster;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateClusterProps & { readonly aclName: string; readonly nodeType?: string }) {
    super(scope, id);
    if (!/^[a-zA-Z][a-zA-Z0-9-]{0,39}$/.test(props.aclName) || props.aclName === 'open-access') {
      throw new UnsafeConfigError(this, `aclName must name an aws_memorydb_acl with users (not "open-access"), got ${JSON.stringify(props.aclName)}`);
    }
    const p = placement(this, props, 'MemoryDB');
    this.key = p.key;
    const subnets = new MemorydbSubnetGroup(this, 'subnets', { provider: props.provider, name: `${props.identifier}-subnets`, subnetIds: p.subnets, tags: p.tags });
    this.cluster = new MemorydbCluster(this, 'cluster', {
      provider: props.provider,
      name: props.identifier,
      nodeType: props.nodeType ?? 'db.t4g.small',
      aclName: props.aclName,
      tlsEnabled: true,
      kmsKeyArn: p.key.arn,
      subnetGroupName: subnets.name,
      securityGroupIds: p.groups,
      snapshotRetentionLimit: p.retention,
      tags: p.tags,
    });
  }
}

export interface EncryptedDaxClusterProps extends ClassifiedProps {
  /** Cluster name (letters, digits and hyphens, at most 20, starting with a letter). */
  readonly clusterName: string;
  /** The role DAX assumes to reach the DynamoDB tables it caches. */
  readonly roleArn: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly nodeType?: string;
  /** Nodes; default 3 (one per availability zone), within [1, 10]. */
  readonly nodes?: number;
  readonly provider?: TerraformProvider;
}

/** DAX in private subnets, its nodes encrypted at rest and its endpoint TLS only (DAX takes no customer-managed key). */
export class EncryptedDaxCluster extends Construct {
  readonly cluster: DaxCluster;

  constructor(scope: Construct, id: string, props: EncryptedDaxClusterProps) {
    super(scope, id);
    if (!/^[a-zA-Z][a-zA-Z0-9-]{0,19}$/.test(props.clusterName) || props.clusterName.endsWith('-') || props.clusterName.includes('--')) {
      throw new UnsafeConfigError(this, `invalid clusterName ${JSON.stringify(props.clusterName)}`);
    }
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    const nodes = requireIntInRange(this, 'nodes', props.nodes ?? 3, 1, 10);
    const subnetGroup = new DaxSubnetGroup(this, 'subnets', { provider: props.provider, name: `${props.clusterName}-subnets`, subnetIds: [...subnets] });
    this.cluster = new DaxCluster(this, 'cluster', {
      provider: props.provider,
      clusterName: props.clusterName,
      iamRoleArn: props.roleArn,
      nodeType: props.nodeType ?? 'dax.r5.large',
      replicationFactor: nodes,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [...requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds)],
      serverSideEncryption: { enabled: true },
      clusterEndpointEncryptionType: 'TLS',
      tags: dataTags(this, props),
    });
  }
}
