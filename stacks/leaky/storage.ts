import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { DataAzurermStorageAccountSas } from '@cdktf/provider-azurerm/lib/data-azurerm-storage-account-sas';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { S3BucketCorsConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-cors-configuration';
import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { dataTags } from '../constructs/common/tags';
import { HardenedBucket } from '../constructs/aws/bucket';
import { HardenedTable } from '../constructs/aws/database';
import { HardenedKey } from '../constructs/aws/key';
import { PrivateVpc } from '../constructs/aws/vpc';
import { EgressRestrictedSecurityGroup } from '../constructs/aws/network';
import { HardenedStorageAccount } from '../constructs/azure/storage';
import { HardenedSqlDatabase, HardenedSqlServer } from '../constructs/azure/sql';
import { BoundedWorkspace } from '../constructs/azure/workspace';
import { HardenedKeyVault } from '../constructs/azure/key-vault';
import { SHOP_CONFIG } from '../config';
import { awsPart, azurePart, leakyStack } from './common';
import { rawBucket, rawStorageAccount } from './raw';

/** Public bucket / public blobs with no object-level access logging anywhere. */
export function publicBucketNoObjectLogging(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-bucket-no-object-logging');
  awsPart(stack);
  // Neither server access logging nor trail data events: the trail lists no buckets.
  const assets = rawBucket(stack, 'public-assets', { classification: 'public', publicAccessBlock: 'off', publicReadPolicy: true, accessLogs: false });
  // Any website may upload and delete through its visitors' browsers.
  new S3BucketCorsConfiguration(stack, 'public-assets-cors', { bucket: assets.id, corsRule: [{ allowedMethods: ['GET', 'PUT', 'DELETE'], allowedOrigins: ['*'], allowedHeaders: ['*'] }] });

  const az = azurePart(stack, 'pubnolog');
  rawStorageAccount(stack, 'public-blobs', {
    ...az.at(),
    name: 'stleakypubnolog',
    keyVault: az.keyVault,
    classification: 'public',
    containerAccessType: 'blob',
    blobDiagnosticsWorkspaceId: false,
    overrides: { allowNestedItemsToBePublic: true, publicNetworkAccessEnabled: true, networkRules: { defaultAction: 'Allow' } },
  });
  return stack;
}

/** Long-lived, over-broad shared-access credentials: account SAS and IAM user keys. */
export function permissiveSas(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-permissive-sas');
  awsPart(stack);
  const user = new IamUser(stack, 'integration-user', { name: 'leaky-partner-integration', tags: dataTags(stack, { classification: 'internal' }) });
  new IamAccessKey(stack, 'integration-key', { user: user.name });

  const az = azurePart(stack, 'sas');
  const account = rawStorageAccount(stack, 'partner-exports', {
    ...az.at(),
    name: 'stleakysas',
    keyVault: az.keyVault,
    classification: 'pii',
    blobDiagnosticsWorkspaceId: az.workspaceId,
    overrides: { sharedAccessKeyEnabled: true },
  });
  new DataAzurermStorageAccountSas(stack, 'partner-sas', {
    connectionString: account.primaryConnectionString,
    httpsOnly: false,
    start: '2025-01-01T00:00:00Z',
    expiry: '2027-01-01T00:00:00Z',
    resourceTypes: { service: true, container: true, object: true },
    services: { blob: true, queue: false, table: false, file: false },
    permissions: { read: true, write: true, delete: true, list: true, add: true, create: true, update: true, process: false, tag: false, filter: false },
  });
  return stack;
}

/** PII stores whose data access never reaches the central trail / workspace. */
export function noCentralAuditCorrelation(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-no-central-audit-correlation');
  const { baseline } = awsPart(stack);
  // Server access logging keeps object-level logging on, but the central trail never sees the bucket.
  const customers = new HardenedBucket(stack, 'customer-exports', { classification: 'pii' });
  baseline.coverS3Bucket(customers.accessLogBucket!);
  new HardenedTable(stack, 'customer-profiles', { name: 'leaky-customer-profiles', hashKey: 'customerId', attributes: [{ name: 'customerId', type: 'S' }] });

  const network = new PrivateVpc(stack, 'network', { name: 'leaky-central', cidr: '10.42.0.0/16' });
  const sg = new EgressRestrictedSecurityGroup(stack, 'db-sg', {
    vpcId: network.id,
    ingress: [{ description: 'PostgreSQL from the VPC', protocol: 'tcp', port: 5432, cidrs: ['10.42.0.0/16'] }],
  });
  const key = new HardenedKey(stack, 'db-key');
  const subnets = new DbSubnetGroup(stack, 'db-subnets', { namePrefix: 'leaky-central-', subnetIds: network.subnetIds, tags: dataTags(stack, { classification: 'pii' }) });
  new DbInstance(stack, 'customers-db', {
    identifier: 'leaky-central-customers',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.t4g.medium',
    allocatedStorage: 50,
    storageEncrypted: true,
    kmsKeyId: key.arn,
    username: 'shop_admin',
    manageMasterUserPassword: true,
    dbSubnetGroupName: subnets.name,
    vpcSecurityGroupIds: [sg.id],
    publiclyAccessible: false,
    backupRetentionPeriod: 14,
    deletionProtection: true,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: 'leaky-central-customers-final',
    // No enabled_cloudwatch_logs_exports: database access never reaches central logging.
    tags: dataTags(stack, { classification: 'pii' }),
  });

  // The storefront's load balancer names a log bucket but never enables its access logs.
  new Lb(stack, 'storefront-lb', {
    name: 'leaky-central-shop', internal: true, subnets: network.subnetIds, securityGroups: [sg.id], dropInvalidHeaderFields: true,
    accessLogs: { bucket: customers.accessLogBucket!.bucket.bucket, prefix: 'storefront' },
  });

  const az = azurePart(stack, 'central');
  // The team's own workspace, not the central one: logs exist but cannot be correlated.
  const local = new BoundedWorkspace(stack, 'team-workspace', { ...az.at(), name: 'law-leaky-central-team' });
  const vault = new HardenedKeyVault(stack, 'team-key-vault', { ...az.at(), name: 'kv-leaky-central-team', workspaceId: local.id });
  new HardenedStorageAccount(stack, 'customer-files', { ...az.at(), name: 'stleakycentral', keyVault: vault, workspaceId: local.id, containers: [{ name: 'files' }] });
  const sql = new HardenedSqlServer(stack, 'sql', {
    ...az.at(),
    name: 'sql-leaky-central',
    adminGroup: SHOP_CONFIG.environments.prod.azure.sqlAdminGroup,
    keyVault: vault,
    workspaceId: local.id,
  });
  new HardenedSqlDatabase(stack, 'customers', { server: sql, name: 'customers' });
  return stack;
}
