import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { DynamodbResourcePolicy } from '@cdktf/provider-aws/lib/dynamodb-resource-policy';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { NeptunegraphGraph } from '@cdktf/provider-aws/lib/neptunegraph-graph';
import { HardenedKey } from '../constructs/aws/key';
import { denyInsecureTransport, policyJson } from '../constructs/aws/policy';
import { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import { MssqlDatabase } from '@cdktf/provider-azurerm/lib/mssql-database';
import { RecoveryServicesVault } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
import { dataTags } from '../constructs/common/tags';
import { PrivateVpc } from '../constructs/aws/vpc';
import { EgressRestrictedSecurityGroup } from '../constructs/aws/network';
import { BoundedLogGroup } from '../constructs/aws/log-group';
import { diagnostics } from '../constructs/azure/common';
import { SHOP_CONFIG } from '../config';
import { awsPart, azurePart, leakyStack } from './common';

/** Customer databases, accounts and their backups: unencrypted, reachable from the internet, barely retained, deletable. */
export function publicUnencryptedDbBackup(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-unencrypted-db-backup');
  const { baseline } = awsPart(stack);
  const pii = dataTags(stack, { classification: 'pii' });
  const network = new PrivateVpc(stack, 'network', { name: 'leaky-dbbak', cidr: '10.44.0.0/16' });
  // Only the VPC may connect: the exposure is the instance's public endpoint, not the security group.
  const sg = new EgressRestrictedSecurityGroup(stack, 'db-sg', {
    vpcId: network.id,
    ingress: [{ description: 'PostgreSQL from the VPC', protocol: 'tcp', port: 5432, cidrs: ['10.44.0.0/16'] }],
  });
  const subnets = new DbSubnetGroup(stack, 'db-subnets', { namePrefix: 'leaky-dbbak-', subnetIds: network.subnetIds, tags: pii });
  new BoundedLogGroup(stack, 'db-logs', { name: '/aws/rds/instance/leaky-dbbak-customers/postgresql' });
  new DbInstance(stack, 'customers-db', {
    identifier: 'leaky-dbbak-customers',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.t4g.medium',
    allocatedStorage: 50,
    storageEncrypted: false,
    username: 'shop_admin',
    manageMasterUserPassword: true,
    dbSubnetGroupName: subnets.name,
    vpcSecurityGroupIds: [sg.id],
    publiclyAccessible: true,
    backupRetentionPeriod: 1,
    deletionProtection: false,
    skipFinalSnapshot: true,
    enabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
    tags: pii,
  });
  // Vault with AWS-owned encryption and no Vault Lock.
  new BackupVault(stack, 'vault', { name: 'leaky-dbbak-backups', tags: pii });
  const orders = new DynamodbTable(stack, 'orders', {
    name: 'leaky-dbbak-orders',
    billingMode: 'PAY_PER_REQUEST',
    hashKey: 'orderId',
    attribute: [{ name: 'orderId', type: 'S' }],
    pointInTimeRecovery: { enabled: false },
    // A global-table replica without point-in-time recovery of its own (its default is off).
    streamEnabled: true,
    streamViewType: 'NEW_AND_OLD_IMAGES',
    replica: [{ regionName: 'eu-west-1' }],
    tags: pii,
  });
  // TLS only: this fixture's leaks are its backups, not its transport.
  new DynamodbResourcePolicy(stack, 'orders-policy', { resourceArn: orders.arn, policy: policyJson([denyInsecureTransport(['dynamodb:*'], [orders.arn])]) });
  baseline.coverTable(orders.arn);

  // The customer accounts: a user pool anyone with DeleteUserPool (or a terraform destroy) erases for good.
  new CognitoUserPool(stack, 'shoppers', { name: 'leaky-dbbak-shoppers', mfaConfiguration: 'OPTIONAL', softwareTokenMfaConfiguration: { enabled: true }, tags: dataTags(stack, { classification: 'pii' }) });
  // The customer graph: deletion protection off, and Terraform deletes a graph without a final snapshot.
  const graphKey = new HardenedKey(stack, 'graph-key', { description: 'CMK for the customer graph' });
  new NeptunegraphGraph(stack, 'links', { graphName: 'leaky-dbbak-links', provisionedMemory: 16, kmsKeyIdentifier: graphKey.arn, deletionProtection: false, tags: dataTags(stack, { classification: 'pii' }) });

  const az = azurePart(stack, 'dbbak');
  const server = new MssqlServer(stack, 'sql', {
    ...az.at(),
    name: 'sql-leaky-dbbak',
    version: '12.0',
    minimumTlsVersion: '1.2',
    publicNetworkAccessEnabled: true,
    azureadAdministrator: { ...SHOP_CONFIG.environments.prod.azure.sqlAdminGroup, azureadAuthenticationOnly: true },
    tags: pii,
  });
  const db = new MssqlDatabase(stack, 'customers', {
    name: 'customers',
    serverId: server.id,
    skuName: 'GP_S_Gen5_2',
    shortTermRetentionPolicy: { retentionDays: 1 },
    tags: pii,
  });
  diagnostics(stack, 'sql-diagnostics', { targetResourceId: db.id, workspaceId: az.workspaceId, categoryGroups: ['allLogs'] });
  diagnostics(stack, 'sql-audit-diagnostics', { targetResourceId: `${server.id}/databases/master`, workspaceId: az.workspaceId, categories: ['SQLSecurityAuditEvents'] });
  new RecoveryServicesVault(stack, 'recovery-vault', {
    ...az.at(),
    name: 'rsv-leaky-dbbak',
    sku: 'Standard',
    immutability: 'Disabled',
    softDeleteEnabled: false,
    publicNetworkAccessEnabled: true,
    tags: pii,
  });
  return stack;
}
