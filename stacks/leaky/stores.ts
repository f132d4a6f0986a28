import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ElasticsearchDomain } from '@cdktf/provider-aws/lib/elasticsearch-domain';
import { ElasticsearchDomainPolicy } from '@cdktf/provider-aws/lib/elasticsearch-domain-policy';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { EbsSnapshot } from '@cdktf/provider-aws/lib/ebs-snapshot';
import { DlmLifecyclePolicy } from '@cdktf/provider-aws/lib/dlm-lifecycle-policy';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { SnapshotCreateVolumePermission } from '@cdktf/provider-aws/lib/snapshot-create-volume-permission';
import { DbSnapshot } from '@cdktf/provider-aws/lib/db-snapshot';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { EfsFileSystemPolicy } from '@cdktf/provider-aws/lib/efs-file-system-policy';
import { EfsBackupPolicy } from '@cdktf/provider-aws/lib/efs-backup-policy';
import { NeptuneCluster } from '@cdktf/provider-aws/lib/neptune-cluster';
import { NeptuneClusterInstance } from '@cdktf/provider-aws/lib/neptune-cluster-instance';
import { DocdbCluster } from '@cdktf/provider-aws/lib/docdb-cluster';
import { DocdbClusterParameterGroup } from '@cdktf/provider-aws/lib/docdb-cluster-parameter-group';
import { RedshiftCluster } from '@cdktf/provider-aws/lib/redshift-cluster';
import { RedshiftLogging } from '@cdktf/provider-aws/lib/redshift-logging';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheServerlessCache } from '@cdktf/provider-aws/lib/elasticache-serverless-cache';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretPolicy } from '@cdktf/provider-aws/lib/secretsmanager-secret-policy';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { MqBroker } from '@cdktf/provider-aws/lib/mq-broker';
import { DaxCluster } from '@cdktf/provider-aws/lib/dax-cluster';
import { FsxWindowsFileSystem } from '@cdktf/provider-aws/lib/fsx-windows-file-system';
import { FsxLustreFileSystem } from '@cdktf/provider-aws/lib/fsx-lustre-file-system';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { NeptunegraphGraph } from '@cdktf/provider-aws/lib/neptunegraph-graph';
import { TimestreaminfluxdbDbInstance } from '@cdktf/provider-aws/lib/timestreaminfluxdb-db-instance';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { KeyspacesTable } from '@cdktf/provider-aws/lib/keyspaces-table';
import { GlueDataCatalogEncryptionSettings } from '@cdktf/provider-aws/lib/glue-data-catalog-encryption-settings';
import { AthenaWorkgroup } from '@cdktf/provider-aws/lib/athena-workgroup';
import { MemorydbCluster } from '@cdktf/provider-aws/lib/memorydb-cluster';
import { OpensearchserverlessCollection } from '@cdktf/provider-aws/lib/opensearchserverless-collection';
import { OpensearchserverlessSecurityPolicy } from '@cdktf/provider-aws/lib/opensearchserverless-security-policy';
import { dataTags } from '../constructs/common/tags';
import { EncryptedVolume } from '../constructs/aws/block-storage';
import { HardenedKey } from '../constructs/aws/key';
import { BoundedLogGroup } from '../constructs/aws/log-group';
import { policyJson } from '../constructs/aws/policy';
import { awsPart, leakyStack } from './common';

// Stores are reached through literal subnet and security-group ids: the fixtures are about the
// stores' own settings, not their networks (which the egress rules judge elsewhere).
const SUBNETS = ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719', 'subnet-0a1b2c3d4e5f60710'];
const SECURITY_GROUPS = ['sg-0a1b2c3d4e5f60718'];

/** Everyone may do anything with the resource: the policy TerraGoat gives its Elasticsearch domain. */
const everyone = (actions: string[], resource: string) => policyJson([{ sid: 'Everyone', principal: '*', actions, resources: [resource] }]);

/** TerraGoat's Elasticsearch domain: public endpoint, `es:*` for `Principal "*"`, no encryption. */
export function publicSearchDomain(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-search-domain');
  awsPart(stack);
  const domain = new ElasticsearchDomain(stack, 'search', {
    domainName: 'leaky-customer-search',
    elasticsearchVersion: '7.10',
    clusterConfig: { instanceType: 't3.small.elasticsearch' },
    ebsOptions: { ebsEnabled: true, volumeSize: 10 },
    tags: dataTags(stack, { classification: 'pii' }),
  });
  new ElasticsearchDomainPolicy(stack, 'search-policy', { domainName: domain.domainName, accessPolicies: everyone(['es:*'], `${domain.arn}/*`) });
  return stack;
}

/** TerraGoat's EBS volume and its snapshot, neither encrypted, in a region without default encryption. */
export function unencryptedVolumeSnapshot(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unencrypted-volume-snapshot');
  awsPart(stack);
  const volume = new EbsVolume(stack, 'web-host-storage', { availabilityZone: 'us-west-2a', size: 1, tags: dataTags(stack, { classification: 'pii' }) });
  // Snapshotted daily: this fixture is about encryption, not backups.
  new DlmLifecyclePolicy(stack, 'pii-volume-snapshots', {
    description: 'Daily snapshots of personal-data volumes',
    executionRoleArn: 'arn:aws:iam::111111111111:role/leaky-dlm',
    policyDetails: {
      resourceTypes: ['VOLUME'],
      targetTags: { 'data-classification': 'pii' },
      schedule: [{ name: 'daily', createRule: { interval: 24 }, retainRule: { count: 14 } }],
    },
  });
  new EbsSnapshot(stack, 'web-host-snapshot', { volumeId: volume.id, tags: dataTags(stack, { classification: 'pii' }) });
  return stack;
}

/** Backups anyone can restore: an encrypted volume's snapshot and an RDS snapshot shared with all accounts. */
export function publicSnapshots(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-snapshots');
  // A region of its own that encrypts new volumes by default: this fixture is about sharing.
  awsPart(stack, { regions: ['us-east-2'] });
  new EbsEncryptionByDefault(stack, 'ebs-default', { enabled: true });
  const volume = new EncryptedVolume(stack, 'data', { availabilityZone: 'us-east-2a', sizeGb: 20 });
  const snapshot = new EbsSnapshot(stack, 'data-snapshot', { volumeId: volume.volume.id, tags: dataTags(stack) });
  new SnapshotCreateVolumePermission(stack, 'data-snapshot-public', { snapshotId: snapshot.id, accountId: 'all' });
  new DbSnapshot(stack, 'orders-snapshot', { dbInstanceIdentifier: 'leaky-orders', dbSnapshotIdentifier: 'leaky-orders-export', sharedAccounts: ['all'] });
  return stack;
}

/** TerraGoat's Neptune cluster (storage_encrypted = false) with a public instance, and a public Neptune Analytics graph. */
export function unencryptedGraphDatabase(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unencrypted-graph-db');
  awsPart(stack);
  const pii = dataTags(stack, { classification: 'pii' });
  const cluster = new NeptuneCluster(stack, 'graph', {
    clusterIdentifier: 'leaky-customer-graph',
    engine: 'neptune',
    storageEncrypted: false,
    backupRetentionPeriod: 7,
    enableCloudwatchLogsExports: ['audit'],
    skipFinalSnapshot: true,
    tags: pii,
  });
  new NeptuneClusterInstance(stack, 'graph-instance', { clusterIdentifier: cluster.id, instanceClass: 'db.r6g.large', publiclyAccessible: true, tags: pii });
  // A Neptune Analytics graph of customer links, open to the internet under a key AWS owns.
  new NeptunegraphGraph(stack, 'links', { graphName: 'leaky-customer-links', provisionedMemory: 16, publicConnectivity: true, tags: pii });
  return stack;
}

/** DocumentDB with plain-text storage and plain-text client connections. */
export function unencryptedDocumentDatabase(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unencrypted-document-db');
  awsPart(stack);
  const parameters = new DocdbClusterParameterGroup(stack, 'profiles-parameters', { family: 'docdb5.0', namePrefix: 'leaky-profiles-', parameter: [{ name: 'tls', value: 'disabled' }] });
  new DocdbCluster(stack, 'profiles', {
    clusterIdentifier: 'leaky-customer-profiles',
    masterUsername: 'profiles_admin',
    manageMasterUserPassword: true,
    dbClusterParameterGroupName: parameters.name,
    backupRetentionPeriod: 7,
    enabledCloudwatchLogsExports: ['audit'],
    skipFinalSnapshot: true,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** A Redshift warehouse left at the 5.x provider defaults: public and unencrypted; and a public InfluxDB instance. */
export function publicWarehouse(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-warehouse');
  awsPart(stack);
  const cluster = new RedshiftCluster(stack, 'analytics', {
    clusterIdentifier: 'leaky-analytics',
    nodeType: 'ra3.xlplus',
    masterUsername: 'analytics_admin',
    manageMasterPassword: true,
    automatedSnapshotRetentionPeriod: 7,
    skipFinalSnapshot: true,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  new RedshiftLogging(stack, 'analytics-audit-logs', { clusterIdentifier: cluster.id, logDestinationType: 'cloudwatch', logExports: ['connectionlog', 'userlog', 'useractivitylog'] });
  // Clickstream telemetry in InfluxDB with a public address.
  const influxPassword = new TerraformVariable(stack, 'influx-admin-password', { type: 'string', sensitive: true });
  new TimestreaminfluxdbDbInstance(stack, 'clickstream', {
    name: 'leaky-clickstream', dbInstanceType: 'db.influx.medium', allocatedStorage: 20, organization: 'shop', bucket: 'clicks', username: 'admin', password: influxPassword.stringValue,
    vpcSubnetIds: SUBNETS.slice(0, 1), vpcSecurityGroupIds: SECURITY_GROUPS, publiclyAccessible: true, tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** A session cache that stores and sends everything in clear and lets any client in, and a serverless cart cache without users or its own key. */
export function openCache(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-open-cache');
  awsPart(stack);
  new ElasticacheReplicationGroup(stack, 'sessions', {
    replicationGroupId: 'leaky-sessions',
    description: 'checkout sessions',
    engine: 'redis',
    nodeType: 'cache.t4g.small',
    numCacheClusters: 2,
    securityGroupIds: SECURITY_GROUPS,
    snapshotRetentionLimit: 7,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  // Serverless carts: no RBAC user group, under the AWS-managed key.
  new ElasticacheServerlessCache(stack, 'carts', {
    name: 'leaky-carts',
    engine: 'valkey',
    securityGroupIds: SECURITY_GROUPS,
    subnetIds: SUBNETS,
    snapshotRetentionLimit: 7,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** Clickstream and order events buffered without encryption. */
export function unencryptedStreams(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unencrypted-streams');
  const { baseline } = awsPart(stack);
  const pii = dataTags(stack, { classification: 'pii' });
  const clicks = new KinesisStream(stack, 'clickstream', { name: 'leaky-clickstream', streamModeDetails: { streamMode: 'ON_DEMAND' }, tags: pii });
  baseline.coverMessaging('AWS::Kinesis::Stream', clicks.arn);
  new KinesisFirehoseDeliveryStream(stack, 'orders-to-lake', {
    name: 'leaky-orders-to-lake',
    destination: 'extended_s3',
    extendedS3Configuration: { roleArn: 'arn:aws:iam::111111111111:role/leaky-firehose', bucketArn: 'arn:aws:s3:::leaky-orders-lake' },
    tags: pii,
  });
  return stack;
}

/** Order messages anyone can read or publish, stored without encryption and delivered over plain HTTP. */
export function publicMessaging(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-messaging');
  const { baseline } = awsPart(stack);
  const pii = dataTags(stack, { classification: 'pii' });
  const queue = new SqsQueue(stack, 'orders', { name: 'leaky-orders', sqsManagedSseEnabled: false, tags: pii });
  new SqsQueuePolicy(stack, 'orders-policy', { queueUrl: queue.url, policy: everyone(['sqs:SendMessage', 'sqs:ReceiveMessage'], queue.arn) });
  const topic = new SnsTopic(stack, 'order-events', { name: 'leaky-order-events', tags: pii });
  new SnsTopicPolicy(stack, 'order-events-policy', { arn: topic.arn, policy: everyone(['sns:Subscribe', 'sns:Publish'], topic.arn) });
  // Order events pushed to a partner webhook over plain HTTP.
  new SnsTopicSubscription(stack, 'order-events-webhook', { topicArn: topic.arn, protocol: 'http', endpoint: 'http://partner.example.com/order-events' });
  baseline.coverMessaging('AWS::SQS::Queue', queue.arn);
  baseline.coverMessaging('AWS::SNS::Topic', topic.arn);
  return stack;
}

/** Credentials readable by every AWS account, a password kept as a plain String parameter, and a parameter shared through RAM outside the organization (its value written into the code). */
export function publicSecrets(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-secrets');
  awsPart(stack);
  const key = new HardenedKey(stack, 'secrets-key');
  const secret = new SecretsmanagerSecret(stack, 'orders-db', { name: 'leaky/orders/db', kmsKeyId: key.arn, tags: dataTags(stack, { classification: 'confidential' }) });
  new SecretsmanagerSecretPolicy(stack, 'orders-db-policy', { secretArn: secret.arn, policy: everyone(['secretsmanager:GetSecretValue'], '*') });
  new SsmParameter(stack, 'payments-api-token', { name: '/leaky/payments/api-token', type: 'String', value: 'placeholder-not-a-real-token', tags: dataTags(stack, { classification: 'confidential' }) });
  // An encrypted parameter handed to an account outside the organization through AWS RAM.
  const customers = new SsmParameter(stack, 'customer-export-config', {
    name: '/leaky/exports/customer-feed',
    type: 'SecureString',
    tier: 'Advanced',
    keyId: key.arn,
    value: 'placeholder-feed-settings',
    tags: dataTags(stack, { classification: 'confidential' }),
  });
  const share = new RamResourceShare(stack, 'partner-share', { name: 'leaky-partner-share', allowExternalPrincipals: true });
  new RamResourceAssociation(stack, 'partner-share-parameter', { resourceArn: customers.arn, resourceShareArn: share.arn });
  new RamPrincipalAssociation(stack, 'partner-share-principal', { principal: '999988887777', resourceShareArn: share.arn });
  return stack;
}

/** Kafka brokers on public addresses, open to unauthenticated clients in plain text. */
export function publicKafka(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-kafka');
  awsPart(stack);
  const brokerLogs = new BoundedLogGroup(stack, 'broker-logs', { name: '/aws/msk/leaky-order-events' });
  new MskCluster(stack, 'events', {
    clusterName: 'leaky-order-events',
    kafkaVersion: '3.6.0',
    numberOfBrokerNodes: 3,
    brokerNodeGroupInfo: { instanceType: 'kafka.m7g.large', clientSubnets: SUBNETS, securityGroups: SECURITY_GROUPS, connectivityInfo: { publicAccess: { type: 'SERVICE_PROVIDED_EIPS' } } },
    clientAuthentication: { unauthenticated: true },
    encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS_PLAINTEXT' } },
    loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: brokerLogs.logGroup.name } } },
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** A message broker of orders on the internet, under a key AWS owns, logging nothing (its password is no literal). */
export function publicBroker(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-broker');
  awsPart(stack);
  new MqBroker(stack, 'orders', {
    brokerName: 'leaky-orders',
    engineType: 'RabbitMQ',
    engineVersion: '3.13',
    hostInstanceType: 'mq.m5.large',
    publiclyAccessible: true,
    user: [{ username: 'broker_admin', password: new TerraformVariable(stack, 'broker-admin-password', { type: 'string', sensitive: true }).stringValue }],
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** A DAX cache of customer carts at its defaults: nodes unencrypted, endpoint in plain text. */
export function plaintextDax(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-plaintext-dax');
  awsPart(stack);
  new DaxCluster(stack, 'carts', {
    clusterName: 'leaky-carts',
    iamRoleArn: 'arn:aws:iam::123456789012:role/dax-carts',
    nodeType: 'dax.r5.large',
    replicationFactor: 3,
    securityGroupIds: SECURITY_GROUPS,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** File shares at their defaults: a Windows share of invoices under aws/fsx that records no access, and a scratch Lustre file system of customer features (no backups, no key, plain-text traffic). */
export function unprotectedFileShares(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unprotected-file-shares');
  awsPart(stack);
  new FsxWindowsFileSystem(stack, 'invoices', {
    activeDirectoryId: 'd-1234567890',
    storageCapacity: 300,
    throughputCapacity: 32,
    subnetIds: [SUBNETS[0]],
    securityGroupIds: SECURITY_GROUPS,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  new FsxLustreFileSystem(stack, 'features', {
    storageCapacity: 1200,
    subnetIds: [SUBNETS[0]],
    securityGroupIds: SECURITY_GROUPS,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** A storefront's internet-facing load balancer that forwards plain HTTP and serves HTTPS with the provider's default TLS 1.0 policy. */
export function plaintextStorefront(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-plaintext-storefront');
  awsPart(stack);
  const lb = new Lb(stack, 'shop', {
    name: 'leaky-shop', loadBalancerType: 'application', subnets: SUBNETS.slice(0, 2), securityGroups: SECURITY_GROUPS, dropInvalidHeaderFields: true,
    accessLogs: { bucket: 'leaky-shop-lb-logs', prefix: 'shop', enabled: true },
  });
  const forward = [{ type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/73e2d6bc24d8a067' }];
  new LbListener(stack, 'http', { loadBalancerArn: lb.arn, port: 80, protocol: 'HTTP', defaultAction: forward });
  new LbListener(stack, 'https', { loadBalancerArn: lb.arn, port: 443, protocol: 'HTTPS', certificateArn: 'arn:aws:acm:us-west-2:123456789012:certificate/12345678-1234-1234-1234-123456789012', defaultAction: forward });
  return stack;
}

/** A Keyspaces table of customer orders at its defaults: a key AWS owns, no point-in-time recovery. */
export function unprotectedKeyspacesTable(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unprotected-keyspaces-table');
  awsPart(stack);
  new KeyspacesTable(stack, 'orders', {
    keyspaceName: 'leaky_shop',
    tableName: 'orders',
    schemaDefinition: { column: [{ name: 'order_id', type: 'text' }, { name: 'customer_email', type: 'text' }], partitionKey: [{ name: 'order_id' }] },
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** A data lake whose catalog and query results are unencrypted. */
export function unencryptedAnalytics(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unencrypted-analytics');
  awsPart(stack);
  new GlueDataCatalogEncryptionSettings(stack, 'catalog', {
    dataCatalogEncryptionSettings: {
      encryptionAtRest: { catalogEncryptionMode: 'DISABLED' },
      connectionPasswordEncryption: { returnConnectionPasswordEncrypted: false },
    },
  });
  new AthenaWorkgroup(stack, 'analysts', {
    name: 'leaky-analysts',
    configuration: { enforceWorkgroupConfiguration: false, resultConfiguration: { outputLocation: 's3://leaky-athena-results/analysts/' } },
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** Customer uploads on an unencrypted file system any AWS account may mount. */
export function publicFileSystem(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-file-system');
  awsPart(stack);
  const fs = new EfsFileSystem(stack, 'uploads', { creationToken: 'leaky-customer-uploads', tags: dataTags(stack, { classification: 'pii' }) });
  new EfsFileSystemPolicy(stack, 'uploads-policy', { fileSystemId: fs.id, policy: everyone(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], fs.arn) });
  new EfsBackupPolicy(stack, 'uploads-backup', { fileSystemId: fs.id, backupPolicy: { status: 'ENABLED' } });
  return stack;
}

/** A durable cart store anyone on the network can read (open-access ACL), over plain text. */
export function openMemoryDb(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-open-memorydb');
  awsPart(stack);
  new MemorydbCluster(stack, 'carts', {
    name: 'leaky-carts',
    nodeType: 'db.t4g.small',
    aclName: 'open-access',
    tlsEnabled: false,
    snapshotRetentionLimit: 7,
    securityGroupIds: SECURITY_GROUPS,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** An order-search collection with a public endpoint, under an AWS-owned key. */
export function publicSearchCollection(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-search-collection');
  awsPart(stack);
  const resource = ['collection/leaky-orders'];
  const encryption = new OpensearchserverlessSecurityPolicy(stack, 'orders-encryption', {
    name: 'leaky-orders-enc',
    type: 'encryption',
    policy: JSON.stringify({ Rules: [{ ResourceType: 'collection', Resource: resource }], AWSOwnedKey: true }),
  });
  const network = new OpensearchserverlessSecurityPolicy(stack, 'orders-network', {
    name: 'leaky-orders-net',
    type: 'network',
    policy: JSON.stringify([{ Rules: [{ ResourceType: 'collection', Resource: resource }], AllowFromPublic: true }]),
  });
  new OpensearchserverlessCollection(stack, 'orders', {
    name: 'leaky-orders',
    type: 'SEARCH',
    tags: dataTags(stack, { classification: 'pii' }),
    dependsOn: [encryption, network],
  });
  return stack;
}
