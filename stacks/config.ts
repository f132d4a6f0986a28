/**
 * Where the reference shop runs. Everything environment-specific lives here so the same code
 * builds dev and prod; ids are fake but well-formed.
 */
export type EnvironmentName = 'dev' | 'prod';

export interface AwsEnvironment {
  readonly accountId: string;
  /** Regions in use; the first is primary. The baseline covers all of them. */
  readonly regions: readonly string[];
  /** CloudFront-scoped WAF and ACM certificates live here. */
  readonly edgeRegion: string;
  /** Second-region copy of every backup. */
  readonly backupCopyRegion: string;
  /** Region of the DynamoDB global-table replica. */
  readonly replicaRegion: string;
  readonly vpcCidr: string;
  readonly certificateArn: string;
  /** Role (in this account) whose sessions may assume the incident-response role with MFA. */
  readonly incidentResponderRoleName: string;
}

export interface AzureEnvironment {
  readonly subscriptionId: string;
  readonly tenantId: string;
  /** Regions in use; the first is primary. */
  readonly regions: readonly string[];
  readonly sqlAdminGroup: { readonly loginUsername: string; readonly objectId: string };
  readonly incidentResponseGroupId: string;
}

export interface EnvironmentConfig {
  readonly name: EnvironmentName;
  readonly domain: string;
  readonly aws: AwsEnvironment;
  readonly azure: AzureEnvironment;
  /** Backups: floor the constructs enforce, and what the shop keeps. */
  readonly minBackupRetentionDays: number;
  readonly backupRetentionDays: number;
  readonly logRetentionDays: number;
  readonly evidenceRetentionDays: number;
}

export interface ShopConfig {
  readonly app: string;
  readonly owner: string;
  /** Exact https origins allowed to run scripts on checkout/account pages (payments SDK). */
  readonly checkoutScriptSources: readonly string[];
  readonly environments: Record<EnvironmentName, EnvironmentConfig>;
}

const TENANT = '7d1f9c2e-4b6a-4c8d-9e0f-1a2b3c4d5e6f';

export const SHOP_CONFIG: ShopConfig = {
  app: 'shop',
  owner: 'shop-platform',
  checkoutScriptSources: ['https://js.stripe.com'],
  environments: {
    prod: {
      name: 'prod',
      domain: 'shop.example.com',
      aws: {
        accountId: '111111111111',
        regions: ['us-west-2', 'us-east-1', 'eu-west-1'],
        edgeRegion: 'us-east-1',
        backupCopyRegion: 'us-east-1',
        replicaRegion: 'eu-west-1',
        vpcCidr: '10.10.0.0/16',
        certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/0b6e7d3a-1c2f-4e5a-8b9c-0d1e2f3a4b5c',
        incidentResponderRoleName: 'security-oncall',
      },
      azure: {
        subscriptionId: '3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
        tenantId: TENANT,
        regions: ['westus2', 'eastus'],
        sqlAdminGroup: { loginUsername: 'sg-shop-prod-sql-admins', objectId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
        incidentResponseGroupId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
      },
      minBackupRetentionDays: 7,
      backupRetentionDays: 35,
      logRetentionDays: 365,
      evidenceRetentionDays: 365,
    },
    dev: {
      name: 'dev',
      domain: 'dev.shop.example.com',
      aws: {
        accountId: '222222222222',
        regions: ['us-west-2', 'us-east-1', 'eu-west-1'],
        edgeRegion: 'us-east-1',
        backupCopyRegion: 'us-east-1',
        replicaRegion: 'eu-west-1',
        vpcCidr: '10.20.0.0/16',
        certificateArn: 'arn:aws:acm:us-east-1:222222222222:certificate/1c7f8e4b-2d3a-4f6b-9cad-1e2f3a4b5c6d',
        incidentResponderRoleName: 'security-oncall',
      },
      azure: {
        subscriptionId: '4a3b2c1d-6e7f-4a81-9b0c-1d2e3f4a5b6c',
        tenantId: TENANT,
        regions: ['westus2', 'eastus'],
        sqlAdminGroup: { loginUsername: 'sg-shop-dev-sql-admins', objectId: 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f' },
        incidentResponseGroupId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
      },
      minBackupRetentionDays: 7,
      backupRetentionDays: 14,
      logRetentionDays: 90,
      evidenceRetentionDays: 365,
    },
  },
};
