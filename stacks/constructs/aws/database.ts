import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DynamodbTable, DynamodbTableAttribute } from '@cdktf/provider-aws/lib/dynamodb-table';
import { DynamodbResourcePolicy } from '@cdktf/provider-aws/lib/dynamodb-resource-policy';
import { KeyspacesTable } from '@cdktf/provider-aws/lib/keyspaces-table';
import { UnsafeConfigError, requireIntInRange, requireNonEmpty } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { EncryptedStoreProps, storeKey } from './store-key';
import { BoundedLogGroup } from './log-group';
import { denyInsecureTransport, policyJson } from './policy';

export interface HardenedPostgresProps extends ClassifiedProps {
  /** DB identifier (also names the log group RDS exports into). */
  readonly identifier: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly kmsKey?: HardenedKey;
  /** Automated backup retention; default max(14, minimum), within [minimum, 35]. */
  readonly backupRetentionDays?: number;
  /** Floor for backupRetentionDays (policy data); default 7. */
  readonly minBackupRetentionDays?: number;
  readonly instanceClass?: string;
  readonly allocatedStorageGb?: number;
  readonly engineVersion?: string;
  readonly multiAz?: boolean;
  readonly logRetentionDays?: number;
  readonly provider?: TerraformProvider;
}

/**
 * PostgreSQL on RDS: encrypted with a CMK (storage, snapshots, Performance Insights, master
 * secret), private, deletion-protected, retained backups, TLS forced, and postgres logs
 * exported to a bounded, masked log group so database access joins the central audit trail.
 */
export class HardenedPostgres extends Construct {
  readonly instance: DbInstance;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: HardenedPostgresProps) {
    super(scope, id);
    const provider = props.provider;
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(props.identifier)) throw new UnsafeConfigError(this, `invalid identifier ${JSON.stringify(props.identifier)}`);
    const min = requireIntInRange(this, 'minBackupRetentionDays', props.minBackupRetentionDays ?? 7, 1, 35);
    const retention = requireIntInRange(this, 'backupRetentionDays', props.backupRetentionDays ?? Math.max(14, min), min, 35);
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    const groups = requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds);
    if (subnets.length < 2) throw new UnsafeConfigError(this, 'RDS needs subnets in at least two availability zones');

    const engineVersion = props.engineVersion ?? '16.4';
    const major = /^(\d+)(\.\d+)?$/.exec(engineVersion)?.[1];
    if (!major) throw new UnsafeConfigError(this, `engineVersion must look like 16.4, got ${JSON.stringify(engineVersion)}`);
    this.key = props.kmsKey ?? new HardenedKey(this, 'key', { provider, description: `RDS CMK for ${props.identifier}` });
    const tags = dataTags(this, props);
    // RDS exports into this exact name; creating it first bounds retention and adds KMS/masking.
    new BoundedLogGroup(this, 'postgres-logs', {
      name: `/aws/rds/instance/${props.identifier}/postgresql`,
      retentionDays: props.logRetentionDays,
      kmsKey: this.key,
      classification: props.classification,
      tags: props.tags,
      provider,
    });
    const subnetGroup = new DbSubnetGroup(this, 'subnets', { provider, namePrefix: `${props.identifier}-`, subnetIds: [...subnets], tags });
    const parameters = new DbParameterGroup(this, 'parameters', {
      provider,
      namePrefix: `${props.identifier}-`,
      family: `postgres${major}`,
      parameter: [
        { name: 'rds.force_ssl', value: '1' },
        { name: 'log_connections', value: '1' },
        { name: 'log_disconnections', value: '1' },
        { name: 'log_statement', value: 'ddl' },
      ],
      lifecycle: { createBeforeDestroy: true },
      tags,
    });
    this.instance = new DbInstance(this, 'instance', {
      provider,
      identifier: props.identifier,
      engine: 'postgres',
      engineVersion,
      instanceClass: props.instanceClass ?? 'db.t4g.medium',
      allocatedStorage: requireIntInRange(this, 'allocatedStorageGb', props.allocatedStorageGb ?? 50, 20, 65536),
      storageType: 'gp3',
      storageEncrypted: true,
      kmsKeyId: this.key.arn,
      username: 'shop_admin',
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: this.key.arn,
      iamDatabaseAuthenticationEnabled: true,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [...groups],
      parameterGroupName: parameters.name,
      publiclyAccessible: false,
      multiAz: props.multiAz ?? true,
      backupRetentionPeriod: retention,
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: false,
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${props.identifier}-final`,
      enabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: this.key.arn,
      autoMinorVersionUpgrade: true,
      caCertIdentifier: 'rds-ca-rsa2048-g1',
      tags,
    });
  }
}

export interface HardenedTableProps extends ClassifiedProps {
  readonly name: string;
  readonly hashKey: string;
  readonly rangeKey?: string;
  readonly attributes: readonly DynamodbTableAttribute[];
  readonly kmsKey?: HardenedKey;
  /** Point-in-time recovery window; default 35, within [1, 35]. */
  readonly pitrRecoveryDays?: number;
  /** Global-table replicas; each region needs its own CMK (keys are regional). */
  readonly replicas?: readonly { readonly region: string; readonly kmsKey: HardenedKey }[];
  readonly provider?: TerraformProvider;
}

/** DynamoDB table with a CMK, point-in-time recovery, deletion protection (replicas included) and a TLS-only table policy. */
export class HardenedTable extends Construct {
  readonly table: DynamodbTable;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: HardenedTableProps) {
    super(scope, id);
    const pitrDays = requireIntInRange(this, 'pitrRecoveryDays', props.pitrRecoveryDays ?? 35, 1, 35);
    const names = new Set(props.attributes.map((a) => a.name));
    for (const k of [props.hashKey, props.rangeKey].filter((k): k is string => !!k)) {
      if (!names.has(k)) throw new UnsafeConfigError(this, `key ${k} is not among attributes`);
    }
    this.key = props.kmsKey ?? new HardenedKey(this, 'key', { provider: props.provider, description: `DynamoDB CMK for ${props.name}` });
    this.table = new DynamodbTable(this, 'table', {
      provider: props.provider,
      name: props.name,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: props.hashKey,
      rangeKey: props.rangeKey,
      attribute: [...props.attributes],
      serverSideEncryption: { enabled: true, kmsKeyArn: this.key.arn },
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: pitrDays },
      deletionProtectionEnabled: true,
      // Replication needs a stream; replicas carry the same protections and tags.
      streamEnabled: props.replicas?.length ? true : undefined,
      streamViewType: props.replicas?.length ? 'NEW_AND_OLD_IMAGES' : undefined,
      replica: props.replicas?.map((r) => ({ regionName: r.region, kmsKeyArn: r.kmsKey.arn, pointInTimeRecovery: true, propagateTags: true })),
      tags: dataTags(this, props),
    });
    // DynamoDB's regional endpoints answer on HTTP too: the table policy refuses plain requests.
    new DynamodbResourcePolicy(this, 'policy', {
      provider: props.provider,
      resourceArn: this.table.arn,
      policy: policyJson([denyInsecureTransport(['dynamodb:*'], [this.table.arn])]),
    });
  }

  get arn(): string {
    return this.table.arn;
  }
}

export interface EncryptedKeyspacesTableProps extends EncryptedStoreProps {
  /** The keyspace the table is in (an aws_keyspaces_keyspace's name). */
  readonly keyspaceName: string;
  readonly tableName: string;
  /** Columns, with their CQL types (text, int, timestamp …). */
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type: string }>;
  /** Partition key columns, in order (each among the columns). */
  readonly partitionKeys: readonly string[];
}

/** Amazon Keyspaces (Cassandra) table under a customer-managed key, with point-in-time recovery. */
export class EncryptedKeyspacesTable extends Construct {
  readonly table: KeyspacesTable;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedKeyspacesTableProps) {
    super(scope, id);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_]{0,47}$/.test(props.tableName)) throw new UnsafeConfigError(this, `invalid tableName ${JSON.stringify(props.tableName)}`);
    const columns = requireNonEmpty(this, 'columns', props.columns);
    const keys = requireNonEmpty(this, 'partitionKeys', props.partitionKeys);
    const missing = keys.filter((k) => !columns.some((c) => c.name === k));
    if (missing.length > 0) throw new UnsafeConfigError(this, `partitionKeys ${missing.join(', ')} are not among the columns`);
    this.key = storeKey(this, props, `Keyspaces ${props.keyspaceName}.${props.tableName}`);
    this.table = new KeyspacesTable(this, 'table', {
      provider: props.provider,
      keyspaceName: props.keyspaceName,
      tableName: props.tableName,
      schemaDefinition: { column: columns.map((c) => ({ name: c.name, type: c.type })), partitionKey: keys.map((name) => ({ name })) },
      encryptionSpecification: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyIdentifier: this.key.arn },
      pointInTimeRecovery: { status: 'ENABLED' },
      tags: dataTags(this, props),
    });
  }
}
