import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { settingsStack } from 'leakguard/constructs/common/stack';
import { AwsRegionalProviders } from 'leakguard/constructs/aws/providers';
import { RegionalBaseline } from 'leakguard/constructs/aws/baseline';
import { HardenedKey } from 'leakguard/constructs/aws/key';
import { HardenedBucket } from 'leakguard/constructs/aws/bucket';
import { PrivateVpc } from 'leakguard/constructs/aws/vpc';
import { EgressRestrictedSecurityGroup } from 'leakguard/constructs/aws/network';
import { HardenedPostgres, HardenedTable } from 'leakguard/constructs/aws/database';
import { LockedBackupVault, TagBasedBackupPlan } from 'leakguard/constructs/aws/backup';
import { IamAuthFunction } from 'leakguard/constructs/aws/lambda';
import { ValidatedRestApi } from 'leakguard/constructs/aws/api';
import { ManagedRulesWebAcl } from 'leakguard/constructs/aws/waf';
import { SecureDistribution } from 'leakguard/constructs/aws/cdn';
import { ForensicEvidenceBucket, IncidentResponseRole } from 'leakguard/constructs/aws/forensics';
import { EnvironmentConfig, ShopConfig } from '../config';

function awsStack(scope: Construct, name: string, shop: ShopConfig, env: EnvironmentConfig): TerraformStack {
  return settingsStack(scope, name, { owner: shop.owner, environment: env.name, awsAccountId: env.aws.accountId });
}

/** Audit trail, Config and GuardDuty for every region the environment uses. */
export function buildAwsBaseline(scope: Construct, shop: ShopConfig, env: EnvironmentConfig): TerraformStack {
  const stack = awsStack(scope, `${shop.app}-${env.name}-aws-baseline`, shop, env);
  const providers = new AwsRegionalProviders(stack, 'providers', { regions: env.aws.regions, defaultTags: { app: shop.app } });
  new RegionalBaseline(stack, 'baseline', { providers, trailName: `${shop.app}-${env.name}-central-audit`, logRetentionDays: env.logRetentionDays });
  return stack;
}

/** Evidence store and the MFA-only incident-response role, kept apart from the workloads. */
export function buildAwsForensics(scope: Construct, shop: ShopConfig, env: EnvironmentConfig): TerraformStack {
  const stack = awsStack(scope, `${shop.app}-${env.name}-aws-forensics`, shop, env);
  new AwsRegionalProviders(stack, 'providers', { regions: [env.aws.regions[0]], defaultTags: { app: shop.app } });
  const ir = new IncidentResponseRole(stack, 'incident-response', { trustedRoleName: env.aws.incidentResponderRoleName });
  new ForensicEvidenceBucket(stack, 'evidence', {
    incidentResponseRole: ir,
    name: `${shop.app}-${env.name}-evidence-${env.aws.accountId}`,
    retentionDays: env.evidenceRetentionDays,
  });
  return stack;
}

/** Storefront CDN, checkout API, customer data with backups, and export storage. */
export function buildAwsApp(scope: Construct, shop: ShopConfig, env: EnvironmentConfig): TerraformStack {
  const name = `${shop.app}-${env.name}`;
  const stack = awsStack(scope, `${name}-aws`, shop, env);
  const aws = env.aws;
  const providers = new AwsRegionalProviders(stack, 'providers', {
    regions: [...new Set([aws.regions[0], aws.edgeRegion, aws.backupCopyRegion, aws.replicaRegion])],
    defaultTags: { app: shop.app },
  });
  const primary = providers.home;
  const primaryRegion = providers.homeRegion;

  // Customer data shares one CMK per region; buckets bring their own.
  const dataKey = new HardenedKey(stack, 'data-key', { alias: `${name}-customer-data`, description: 'Customer data (RDS, DynamoDB, Lambda, logs)' });
  const replicaKey = new HardenedKey(stack, 'replica-key', { alias: `${name}-customer-data`, provider: providers.forRegion(aws.replicaRegion) });

  const accessLogs = new HardenedBucket(stack, 'access-logs', {
    name: `${name}-access-logs-${aws.accountId}`,
    classification: 'internal',
    isAccessLogTarget: true,
    expirationDays: 400,
  });
  const exportsBucket = new HardenedBucket(stack, 'exports', {
    name: `${name}-exports-${aws.accountId}`,
    classification: 'pii',
    accessLogBucket: accessLogs,
    expirationDays: 30,
  });
  const site = new HardenedBucket(stack, 'site', {
    name: `${name}-site-${aws.accountId}`,
    classification: 'public',
    accessLogBucket: accessLogs,
  });

  const network = new PrivateVpc(stack, 'network', { name, cidr: aws.vpcCidr, kmsKey: dataKey, flowLogRetentionDays: env.logRetentionDays });
  const dbSg = new EgressRestrictedSecurityGroup(stack, 'db-sg', { vpcId: network.id, name: `${name}-customers-db`, description: 'Customer database: no egress' });
  const appSg = new EgressRestrictedSecurityGroup(stack, 'checkout-sg', {
    vpcId: network.id,
    name: `${name}-checkout`,
    description: 'Checkout function: database and AWS endpoints only',
    egress: [
      { description: 'PostgreSQL', protocol: 'tcp', port: 5432, securityGroupIds: [dbSg.id] },
      { description: 'S3 and DynamoDB gateway endpoints', protocol: 'tcp', port: 443, prefixListIds: [network.s3PrefixListId, network.dynamodbPrefixListId] },
    ],
  });
  dbSg.allowIngress({ description: 'PostgreSQL from checkout', protocol: 'tcp', port: 5432, securityGroupIds: [appSg.id] });

  const customers = new HardenedPostgres(stack, 'customers-db', {
    identifier: `${name}-customers`,
    subnetIds: network.subnetIds,
    securityGroupIds: [dbSg.id],
    kmsKey: dataKey,
    minBackupRetentionDays: env.minBackupRetentionDays,
    backupRetentionDays: env.backupRetentionDays,
    logRetentionDays: env.logRetentionDays,
    multiAz: env.name === 'prod',
  });
  const carts = new HardenedTable(stack, 'carts', {
    name: `${name}-carts`,
    hashKey: 'customerId',
    rangeKey: 'itemId',
    attributes: [{ name: 'customerId', type: 'S' }, { name: 'itemId', type: 'S' }],
    kmsKey: dataKey,
    replicas: [{ region: aws.replicaRegion, kmsKey: replicaKey }],
  });

  const vault = new LockedBackupVault(stack, 'backup-vault', { name: `${name}-backups`, minRetentionDays: env.minBackupRetentionDays });
  const copyVault = new LockedBackupVault(stack, 'backup-copy-vault', {
    name: `${name}-backups-copy`,
    minRetentionDays: env.minBackupRetentionDays,
    provider: providers.forRegion(aws.backupCopyRegion),
  });
  new TagBasedBackupPlan(stack, 'backup-plan', { name: `${name}-daily`, vault, copyTo: copyVault, retentionDays: env.backupRetentionDays });

  const code = { s3Bucket: `${name}-artifacts-${aws.accountId}`, s3Key: 'checkout/handler.zip' };
  const checkout = new IamAuthFunction(stack, 'checkout-fn', {
    name: `${name}-checkout`,
    code,
    kmsKey: dataKey,
    logRetentionDays: env.logRetentionDays,
    vpc: { subnetIds: network.subnetIds, securityGroupIds: [appSg.id] },
    environment: { CARTS_TABLE: carts.table.name, DB_HOST: customers.instance.address },
    permissions: [
      { sid: 'Carts', actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query'], resources: [carts.arn] },
      { sid: 'CustomersDbIamAuth', actions: ['rds-db:connect'], resources: [`arn:aws:rds-db:${primaryRegion}:${aws.accountId}:dbuser:${customers.instance.resourceId}/checkout`] },
      { sid: 'DataKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [dataKey.arn] },
    ],
  });
  new IamAuthFunction(stack, 'export-fn', {
    name: `${name}-order-export`,
    code: { ...code, s3Key: 'export/handler.zip' },
    kmsKey: dataKey,
    logRetentionDays: env.logRetentionDays,
    functionUrl: true,
    environment: { EXPORT_BUCKET: exportsBucket.bucket.bucket },
    permissions: [
      { sid: 'WriteExports', actions: ['s3:PutObject'], resources: [`${exportsBucket.arn}/*`] },
      { sid: 'ExportKey', actions: ['kms:GenerateDataKey'], resources: [exportsBucket.key.arn] },
    ],
  });

  const orderSchema = {
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    required: ['cartId', 'paymentToken'],
    additionalProperties: false,
    properties: { cartId: { type: 'string', pattern: '^[a-zA-Z0-9-]{8,64}$' }, paymentToken: { type: 'string', maxLength: 256 } },
  };
  const cartItemSchema = {
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    required: ['sku', 'quantity'],
    additionalProperties: false,
    properties: { sku: { type: 'string', maxLength: 64 }, quantity: { type: 'integer', minimum: 1, maximum: 99 } },
  };
  const api = new ValidatedRestApi(stack, 'checkout-api', {
    name: `${name}-checkout`,
    handler: checkout,
    kmsKey: dataKey,
    accessLogRetentionDays: env.logRetentionDays,
    routes: [
      { path: '/orders', method: 'POST', requestSchema: orderSchema },
      { path: '/orders/{orderId}', method: 'GET', requiredParameters: ['method.request.path.orderId'] },
      { path: '/cart/items', method: 'POST', requestSchema: cartItemSchema },
      { path: '/account/profile', method: 'GET' },
    ],
  });

  const edgeAcl = new ManagedRulesWebAcl(stack, 'cdn-waf', { scope: 'CLOUDFRONT', name: `${name}-storefront`, provider: providers.forRegion(aws.edgeRegion) });
  new SecureDistribution(stack, 'storefront', {
    name: `${name}-storefront`,
    siteBucket: site,
    apiOriginDomain: api.domainName,
    apiOriginPath: `/${api.stage.stageName}`,
    certificateArn: aws.certificateArn,
    aliases: [env.domain],
    logBucket: accessLogs,
    webAclArn: edgeAcl.arn,
    scriptSources: shop.checkoutScriptSources,
    provider: primary,
  });
  return stack;
}
