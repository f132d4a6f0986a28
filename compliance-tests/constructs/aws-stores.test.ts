import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { EbsRegionDefaults, EncryptedFileSystem, EncryptedVolume } from '../../stacks/constructs/aws/block-storage';
import { PrivateSearchCollection, SecureSearchDomain, SecureSearchDomainProps } from '../../stacks/constructs/aws/search';
import { EncryptedDaxCluster, EncryptedDocumentDatabase, EncryptedGraphDatabase, EncryptedMemoryDb, EncryptedRedis, PrivateAnalyticsGraph, PrivateClusterProps, PrivateWarehouse } from '../../stacks/constructs/aws/clusters';
import { EncryptedDeliveryStream, EncryptedStream, HardenedQueue, HardenedTopic, PrivateKafka, PrivateMessageBroker, TopicSubscription } from '../../stacks/constructs/aws/messaging';
import { InstanceMetadataDefaults } from '../../stacks/constructs/aws/compute';
import { EncryptedKeyspacesTable } from '../../stacks/constructs/aws/database';
import { HardenedSecret } from '../../stacks/constructs/aws/secrets';
import { PrivateTimeSeriesDatabase, PrivateTimeSeriesDatabaseProps } from '../../stacks/constructs/aws/time-series';
import { PrivateReplicationInstance } from '../../stacks/constructs/aws/migration';
import { EncryptedAthenaWorkgroup, EncryptedDataCatalog } from '../../stacks/constructs/aws/analytics';
import { RegionalBaseline } from '../../stacks/constructs/aws/baseline';
import { EncryptedLustreFileSystem, EncryptedWindowsFileShare } from '../../stacks/constructs/aws/file-shares';
import { awsPart, leakyStack } from '../../stacks/leaky/common';
import { policyConfig } from '../../stacks/policy-config';
import { check } from '../../src/check';
import { cleanup as removeDir, synthApp } from '../../test/helpers/synth';
import { tempDir } from '../../test/helpers/cli';
import { cleanup, only, ref, synth, testStack } from './helpers';

afterAll(cleanup);

const SUBNETS = ['subnet-a', 'subnet-b'];
const GROUPS = ['sg-1'];
const CLIENT = 'arn:aws:iam::123456789012:role/orders-api';
const AUDIT_LOGS = 'arn:aws:logs:us-west-2:123456789012:log-group:/aws/fsx/invoices';
const cluster = (identifier: string): PrivateClusterProps => ({ identifier, subnetIds: SUBNETS, securityGroupIds: GROUPS });

/** A broker's admin password as a caller passes it: a sensitive variable, set from the CI's secrets. */
const brokerPassword = (stack: TerraformStack, name = 'broker'): string => new TerraformVariable(stack, `${name}-admin-password`, { type: 'string', sensitive: true }).stringValue;

/** An InfluxDB instance as a caller would write it, its password a sensitive variable. */
const influx = (stack: TerraformStack): PrivateTimeSeriesDatabaseProps => ({
  name: 'telemetry', subnetIds: SUBNETS, securityGroupIds: GROUPS, organization: 'shop', bucket: 'clicks', username: 'admin', password: brokerPassword(stack, 'influx'), logBucket: 'telemetry-logs',
});

/** One of every data-store construct, as a caller would write it. */
/** Every hardened store; the baseline's central trail records the data events of the queue, topic and stream (PII by default). */
function everyStore(stack: TerraformStack, baseline: RegionalBaseline): void {
  new EbsRegionDefaults(stack, 'ebs-defaults');
  new InstanceMetadataDefaults(stack, 'imds-defaults');
  new EncryptedVolume(stack, 'volume', { availabilityZone: 'us-west-2a', sizeGb: 50 });
  new EncryptedFileSystem(stack, 'uploads', { creationToken: 'customer-uploads' });
  new SecureSearchDomain(stack, 'search', { domainName: 'orders-search', subnetIds: SUBNETS, securityGroupIds: GROUPS, clientRoleArns: [CLIENT] });
  new EncryptedGraphDatabase(stack, 'graph', cluster('customer-graph'));
  new PrivateAnalyticsGraph(stack, 'analytics-graph', { name: 'customer-links' });
  new PrivateTimeSeriesDatabase(stack, 'telemetry', influx(stack));
  new EncryptedDocumentDatabase(stack, 'profiles', { ...cluster('customer-profiles'), masterUsername: 'profiles_admin' });
  new PrivateWarehouse(stack, 'warehouse', { ...cluster('analytics'), masterUsername: 'analytics_admin' });
  new EncryptedRedis(stack, 'sessions', { ...cluster('sessions'), userGroupIds: ['checkout-users'] });
  new EncryptedMemoryDb(stack, 'carts', { ...cluster('carts'), aclName: 'carts-users' });
  new EncryptedKeyspacesTable(stack, 'orders-table', { keyspaceName: 'shop', tableName: 'orders', columns: [{ name: 'order_id', type: 'text' }, { name: 'customer_email', type: 'text' }], partitionKeys: ['order_id'] });
  new EncryptedDaxCluster(stack, 'carts-cache', { clusterName: 'carts-cache', roleArn: 'arn:aws:iam::123456789012:role/dax-carts', subnetIds: SUBNETS, securityGroupIds: GROUPS });
  new EncryptedWindowsFileShare(stack, 'invoices', { directoryId: 'd-1234567890', subnetIds: SUBNETS, securityGroupIds: GROUPS, auditLogDestinationArn: AUDIT_LOGS });
  new EncryptedLustreFileSystem(stack, 'features', { subnetId: SUBNETS[0], securityGroupIds: GROUPS });
  new PrivateSearchCollection(stack, 'order-search', { name: 'order-search', vpcEndpointIds: ['vpce-0123456789abcdef0'] });
  const topic = new HardenedTopic(stack, 'events', { name: 'order-events', subscriptions: [{ protocol: 'https', endpoint: 'https://fulfilment.example.com/sns' }] });
  const queue = new HardenedQueue(stack, 'orders', { name: 'orders', senderTopicArns: [topic.topic.arn] });
  const stream = new EncryptedStream(stack, 'clicks', { name: 'clickstream' });
  baseline.coverMessaging('AWS::SNS::Topic', topic.topic.arn);
  baseline.coverMessaging('AWS::SQS::Queue', queue.queue.arn);
  baseline.coverMessaging('AWS::Kinesis::Stream', stream.stream.arn);
  new EncryptedDeliveryStream(stack, 'lake', { name: 'orders-to-lake', roleArn: 'arn:aws:iam::123456789012:role/firehose', bucketArn: 'arn:aws:s3:::orders-lake' });
  new PrivateKafka(stack, 'kafka', { clusterName: 'order-events', subnetIds: SUBNETS, securityGroupIds: GROUPS });
  new PrivateMessageBroker(stack, 'broker', { brokerName: 'orders', subnetIds: SUBNETS, securityGroupIds: GROUPS, adminPassword: brokerPassword(stack) });
  new PrivateMessageBroker(stack, 'legacy-broker', { brokerName: 'legacy-orders', engine: 'ActiveMQ', subnetIds: SUBNETS.slice(0, 1), securityGroupIds: GROUPS, adminPassword: brokerPassword(stack, 'legacy') });
  const dbSecret = new HardenedSecret(stack, 'db-secret', { name: 'orders/db' });
  const migration = new PrivateReplicationInstance(stack, 'migration', { instanceId: 'orders-migration', subnetIds: SUBNETS, securityGroupIds: GROUPS });
  migration.endpoint('source', { endpointId: 'orders-source', endpointType: 'source', engineName: 'aurora-postgresql', databaseName: 'orders', secretsManagerArn: dbSecret.secret.arn, secretsManagerAccessRoleArn: 'arn:aws:iam::123456789012:role/dms-secrets-access' });
  new EncryptedDataCatalog(stack, 'catalog');
  new EncryptedAthenaWorkgroup(stack, 'athena', { name: 'analysts', outputLocation: 's3://athena-results/analysts/' });
}

describe('data-store constructs', () => {
  test('one of each, beside a regional baseline, passes every rule', async () => {
    const name = 'hardened-stores';
    const out = synthApp((app) => {
      const stack = leakyStack(app, name);
      const { baseline } = awsPart(stack);
      everyStore(stack, baseline);
    });
    const dir = tempDir('leakguard-stores-');
    const config = join(dir, 'leakguard.json');
    const base = policyConfig().policy as Record<string, string[]>;
    writeFileSync(config, JSON.stringify({ policy: { ...base, central_trail_names: [...base.central_trail_names, name] } }));
    const { input, decision } = await check([out], { configPath: config, today: '2026-11-28' });
    // Every store type the data-store rules judge is in the stack.
    const types = new Set(Object.values(input.resources).map((r) => r.type));
    for (const t of ['aws_ec2_instance_metadata_defaults', 'aws_sns_topic_subscription', 'aws_ebs_volume', 'aws_efs_file_system', 'aws_opensearch_domain', 'aws_neptune_cluster', 'aws_docdb_cluster', 'aws_redshift_cluster', 'aws_elasticache_replication_group', 'aws_sqs_queue', 'aws_sns_topic', 'aws_kinesis_stream', 'aws_kinesis_firehose_delivery_stream', 'aws_msk_cluster', 'aws_secretsmanager_secret', 'aws_glue_data_catalog_encryption_settings', 'aws_athena_workgroup', 'aws_memorydb_cluster', 'aws_opensearchserverless_collection', 'aws_dms_replication_instance', 'aws_dms_endpoint', 'aws_mq_broker', 'aws_dax_cluster', 'aws_fsx_windows_file_system', 'aws_fsx_lustre_file_system', 'aws_keyspaces_table', 'aws_neptunegraph_graph', 'aws_timestreaminfluxdb_db_instance']) {
      expect(types).toContain(t);
    }
    expect(decision.findings.map((f) => `${f.rule_id} ${f.resource.address}: ${f.message}`)).toEqual([]);
    // What no rule checks yet for a store in the stack is named (the Windows share's SMB encryption,
    // the Keyspaces table's and the graph's data events, InfluxDB's engine logs), nothing else.
    expect(decision.not_checked ?? []).toEqual([
      expect.stringMatching(/^aws_fsx_windows_file_system\.\S+: encryption-in-transit of aws_fsx_windows_file_system is checked by no rule yet \(/),
      expect.stringMatching(/^aws_keyspaces_table\.\S+: audit-logging of aws_keyspaces_table is checked by no rule yet \(/),
      expect.stringMatching(/^aws_neptunegraph_graph\.\S+: audit-logging of aws_neptunegraph_graph is checked by no rule yet \(/),
      expect.stringMatching(/^aws_timestreaminfluxdb_db_instance\.\S+: audit-logging of aws_timestreaminfluxdb_db_instance is checked by no rule yet \(/),
    ]);
    removeDir(join(out, '..'));
    removeDir(dir);
  });

  test('every store is under its own customer-managed key', () => {
    const stack = testStack();
    new EncryptedVolume(stack, 'volume', { availabilityZone: 'us-west-2a', sizeGb: 50 });
    const out = synth(stack);
    expect(only(out, 'aws_ebs_volume')).toMatchObject({ encrypted: true, kms_key_id: ref(out, 'aws_kms_key', 'arn') });
  });

  test('the analytics graph is private, deletion-protected and under its own key', () => {
    const stack = testStack();
    new PrivateAnalyticsGraph(stack, 'graph', { name: 'customer-links' });
    const out = synth(stack);
    expect(only(out, 'aws_neptunegraph_graph')).toMatchObject({ public_connectivity: false, deletion_protection: true, kms_key_identifier: ref(out, 'aws_kms_key', 'arn'), provisioned_memory: 16 });
  });

  test('the InfluxDB instance has no public address and delivers its engine logs', () => {
    const stack = testStack();
    new PrivateTimeSeriesDatabase(stack, 'telemetry', influx(stack));
    expect(only(synth(stack), 'aws_timestreaminfluxdb_db_instance')).toMatchObject({ publicly_accessible: false, deployment_type: 'WITH_MULTIAZ_STANDBY', log_delivery_configuration: [{ s3_configuration: [{ bucket_name: 'telemetry-logs', enabled: true }] }] });
  });

  test('the warehouse requires SSL through its own parameter group', () => {
    const stack = testStack();
    new PrivateWarehouse(stack, 'warehouse', { ...cluster('analytics'), masterUsername: 'analytics_admin' });
    const out = synth(stack);
    expect(only(out, 'aws_redshift_cluster').cluster_parameter_group_name).toBe(ref(out, 'aws_redshift_parameter_group', 'name'));
    expect(only(out, 'aws_redshift_parameter_group').parameter).toContainEqual({ name: 'require_ssl', value: 'true' });
  });

  test('the region requires IMDSv2 tokens; topic subscriptions deliver over TLS', () => {
    const stack = testStack();
    new InstanceMetadataDefaults(stack, 'imds-defaults');
    new HardenedTopic(stack, 'events', { name: 'order-events', subscriptions: [{ protocol: 'https', endpoint: 'https://fulfilment.example.com/sns' }, { protocol: 'sqs', endpoint: 'arn:aws:sqs:us-west-2:123456789012:orders' }] });
    const out = synth(stack);
    expect(only(out, 'aws_ec2_instance_metadata_defaults')).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
    expect(Object.values(out.resource.aws_sns_topic_subscription).map((s) => s.protocol)).toEqual(['https', 'sqs']);
  });

  test('the message broker is private, under its own key, logging; active/standby across two subnets', () => {
    const stack = testStack();
    new PrivateMessageBroker(stack, 'broker', { brokerName: 'orders', engine: 'ActiveMQ', subnetIds: SUBNETS, securityGroupIds: GROUPS, adminPassword: brokerPassword(stack) });
    const out = synth(stack);
    expect(only(out, 'aws_mq_broker')).toMatchObject({
      publicly_accessible: false,
      deployment_mode: 'ACTIVE_STANDBY_MULTI_AZ',
      subnet_ids: SUBNETS,
      security_groups: GROUPS,
      encryption_options: { use_aws_owned_key: false, kms_key_id: ref(out, 'aws_kms_key', 'arn') },
      logs: { general: true, audit: 'true' },
    });
  });

  test('the DAX cluster encrypts its nodes and serves only TLS, in its own subnet group', () => {
    const stack = testStack();
    new EncryptedDaxCluster(stack, 'carts-cache', { clusterName: 'carts-cache', roleArn: CLIENT, subnetIds: SUBNETS, securityGroupIds: GROUPS });
    const out = synth(stack);
    expect(only(out, 'aws_dax_cluster')).toMatchObject({ server_side_encryption: { enabled: true }, cluster_endpoint_encryption_type: 'TLS', replication_factor: 3, subnet_group_name: ref(out, 'aws_dax_subnet_group', 'name') });
  });

  test('the file shares are keyed, backed up for 14 days, and the Windows share audits access', () => {
    const stack = testStack();
    new EncryptedWindowsFileShare(stack, 'invoices', { directoryId: 'd-1234567890', subnetIds: SUBNETS, securityGroupIds: GROUPS, auditLogDestinationArn: AUDIT_LOGS });
    new EncryptedLustreFileSystem(stack, 'features', { subnetId: SUBNETS[0], securityGroupIds: GROUPS, minBackupRetentionDays: 21 });
    const out = synth(stack);
    expect(only(out, 'aws_fsx_windows_file_system')).toMatchObject({
      deployment_type: 'MULTI_AZ_1', preferred_subnet_id: 'subnet-a', automatic_backup_retention_days: 14,
      audit_log_configuration: { file_access_audit_log_level: 'SUCCESS_AND_FAILURE', file_share_access_audit_log_level: 'SUCCESS_AND_FAILURE', audit_log_destination: AUDIT_LOGS },
    });
    expect(only(out, 'aws_fsx_lustre_file_system')).toMatchObject({ deployment_type: 'PERSISTENT_2', per_unit_storage_throughput: 125, automatic_backup_retention_days: 21 });
    for (const t of ['aws_fsx_windows_file_system', 'aws_fsx_lustre_file_system']) expect(String(only(out, t).kms_key_id)).toMatch(/aws_kms_key\./);
  });

  test('the search domain has no public endpoint and names its clients', () => {
    const stack = testStack();
    new SecureSearchDomain(stack, 'search', { domainName: 'orders-search', subnetIds: SUBNETS, securityGroupIds: GROUPS, clientRoleArns: [CLIENT] });
    const domain = only(synth(stack), 'aws_opensearch_domain');
    expect(domain.vpc_options).toEqual({ subnet_ids: SUBNETS, security_group_ids: GROUPS });
    expect(JSON.parse(domain.access_policies).Statement[0].Principal).toEqual({ AWS: [CLIENT] });
  });
});

const rejected: [string, (stack: TerraformStack) => void, RegExp][] = [
  ['a search domain client given as a token or wildcard', (s) => new SecureSearchDomain(s, 'd', { domainName: 'orders', subnetIds: SUBNETS, securityGroupIds: GROUPS, clientRoleArns: ['*'] } as SecureSearchDomainProps), /clientRoleArns/],
  ['a search domain without subnets', (s) => new SecureSearchDomain(s, 'd', { domainName: 'orders', subnetIds: [], securityGroupIds: GROUPS, clientRoleArns: [CLIENT] }), /subnetIds/],
  ['a cluster in one subnet', (s) => new PrivateWarehouse(s, 'w', { ...cluster('analytics'), subnetIds: ['subnet-a'], masterUsername: 'a' }), /two availability zones/],
  ['a backup retention under 7 days', (s) => new EncryptedGraphDatabase(s, 'g', { ...cluster('graph'), backupRetentionDays: 1 }), /backupRetentionDays/],
  ['an analytics graph below the 16 m-NCU minimum', (s) => new PrivateAnalyticsGraph(s, 'g', { name: 'links', provisionedMemory: 8 }), /provisionedMemory/],
  ['an analytics graph name the service refuses', (s) => new PrivateAnalyticsGraph(s, 'g', { name: 'Links_1' }), /invalid name/],
  ['an InfluxDB admin password written as a literal', (s) => new PrivateTimeSeriesDatabase(s, 't', { ...influx(s), password: 'Sup3rS3cretPassw0rd!' }), /never a literal/],
  ['an InfluxDB instance in four subnets', (s) => new PrivateTimeSeriesDatabase(s, 't', { ...influx(s), subnetIds: ['a', 'b', 'c', 'd'] }), /at most three/],
  ['a cache without user groups', (s) => new EncryptedRedis(s, 'r', { ...cluster('sessions'), userGroupIds: [] }), /userGroupIds/],
  ['a Kafka cluster in one subnet', (s) => new PrivateKafka(s, 'k', { clusterName: 'events', subnetIds: ['subnet-a'], securityGroupIds: GROUPS }), /two availability zones/],
  ['a Keyspaces partition key that is no column', (s) => new EncryptedKeyspacesTable(s, 't', { keyspaceName: 'shop', tableName: 'orders', columns: [{ name: 'order_id', type: 'text' }], partitionKeys: ['id'] }), /partitionKeys id/],
  ['a DAX cluster of 11 nodes', (s) => new EncryptedDaxCluster(s, 'd', { clusterName: 'carts', roleArn: CLIENT, subnetIds: SUBNETS, securityGroupIds: GROUPS, nodes: 11 }), /nodes/],
  ['a DAX cluster name DAX refuses', (s) => new EncryptedDaxCluster(s, 'd', { clusterName: 'carts_cache', roleArn: CLIENT, subnetIds: SUBNETS, securityGroupIds: GROUPS }), /clusterName/],
  ['a Windows share auditing to a log group outside /aws/fsx/', (s) => new EncryptedWindowsFileShare(s, 'w', { directoryId: 'd-1', subnetIds: SUBNETS, securityGroupIds: GROUPS, auditLogDestinationArn: 'arn:aws:logs:us-west-2:123456789012:log-group:shares' }), /auditLogDestinationArn/],
  ['a Windows share in three subnets', (s) => new EncryptedWindowsFileShare(s, 'w', { directoryId: 'd-1', subnetIds: ['a', 'b', 'c'], securityGroupIds: GROUPS, auditLogDestinationArn: AUDIT_LOGS }), /subnetIds/],
  ['file-share backups kept 3 days', (s) => new EncryptedLustreFileSystem(s, 'l', { subnetId: 'subnet-a', securityGroupIds: GROUPS, backupRetentionDays: 3 }), /backupRetentionDays/],
  ['a Lustre capacity FSx refuses', (s) => new EncryptedLustreFileSystem(s, 'l', { subnetId: 'subnet-a', securityGroupIds: GROUPS, storageCapacityGiB: 2000 }), /storageCapacityGiB/],
  ['a broker admin password written as a literal', (s) => new PrivateMessageBroker(s, 'b', { brokerName: 'orders', subnetIds: SUBNETS, securityGroupIds: GROUPS, adminPassword: 'Sup3rS3cretPassw0rd!' }), /never a literal/],
  ['a broker in three subnets', (s) => new PrivateMessageBroker(s, 'b', { brokerName: 'orders', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'], securityGroupIds: GROUPS, adminPassword: brokerPassword(s) }), /one subnet/],
  ['an Athena output that is not an S3 prefix', (s) => new EncryptedAthenaWorkgroup(s, 'a', { name: 'x', outputLocation: 'results' }), /outputLocation/],
  ['a topic subscription over plain HTTP', (s) => new HardenedTopic(s, 't', { name: 'events', subscriptions: [{ protocol: 'http', endpoint: 'http://hooks.example.com' } as unknown as TopicSubscription] }), /never plain http/],
  ['an https subscription to an http:// endpoint', (s) => new HardenedTopic(s, 't', { name: 'events', subscriptions: [{ protocol: 'https', endpoint: 'http://hooks.example.com' }] }), /https:\/\/ endpoint/],
  ['an instance metadata hop limit of 3', (s) => new InstanceMetadataDefaults(s, 'i', { hopLimit: 3 }), /hopLimit/],
  ['a replication instance in one subnet', (s) => new PrivateReplicationInstance(s, 'm', { instanceId: 'orders-migration', subnetIds: ['subnet-a'], securityGroupIds: GROUPS }), /two availability zones/],
  ['a replication instance id DMS refuses', (s) => new PrivateReplicationInstance(s, 'm', { instanceId: 'Orders--1', subnetIds: SUBNETS, securityGroupIds: GROUPS }), /instanceId/],
  ['a volume size of 0', (s) => new EncryptedVolume(s, 'v', { availabilityZone: 'us-west-2a', sizeGb: 0 }), /sizeGb/],
];
test.each(rejected)('rejects %s', (_name, build, message) => {
  expect(() => build(testStack())).toThrow(message);
});
