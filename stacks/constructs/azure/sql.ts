import { Construct } from 'constructs';
import { MssqlServer } from '@cdktf/provider-azurerm/lib/mssql-server';
import { MssqlDatabase } from '@cdktf/provider-azurerm/lib/mssql-database';
import { MssqlServerTransparentDataEncryption } from '@cdktf/provider-azurerm/lib/mssql-server-transparent-data-encryption';
import { MssqlServerExtendedAuditingPolicy } from '@cdktf/provider-azurerm/lib/mssql-server-extended-auditing-policy';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { requireGuid } from '../common/settings';
import { AzurePlacement, diagnostics, requireLocation } from './common';
import { HardenedKeyVault } from './key-vault';

export interface HardenedSqlServerProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  /** Entra ID admin group; SQL logins are disabled (Entra-only authentication). */
  readonly adminGroup: { readonly loginUsername: string; readonly objectId: string };
  readonly keyVault: HardenedKeyVault;
  /** Audit destination; defaults to the key vault's workspace. */
  readonly workspaceId?: string;
}

/**
 * Azure SQL logical server: private (public network off), Entra-only auth, TLS 1.2, TDE with
 * a customer-managed key from Key Vault, and SQL auditing to Log Analytics.
 */
export class HardenedSqlServer extends Construct {
  readonly server: MssqlServer;
  readonly workspaceId: string;

  constructor(scope: Construct, id: string, props: HardenedSqlServerProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid SQL server name ${JSON.stringify(props.name)}`);
    requireGuid(this, 'adminGroup.objectId', props.adminGroup.objectId);
    const placement = { resourceGroupName: props.resourceGroupName, location: requireLocation(this, props.location) };
    const tags = dataTags(this, props);
    this.workspaceId = props.workspaceId ?? props.keyVault.workspaceId;

    const identity = new UserAssignedIdentity(this, 'identity', { ...placement, name: `${props.name}-tde`, tags });
    const grant = props.keyVault.grantCryptoUser(this, 'tde-grant', identity.principalId);
    const key = props.keyVault.addKey(this, 'tde-key', `${props.name}-tde`);
    this.server = new MssqlServer(this, 'server', {
      ...placement,
      name: props.name,
      version: '12.0',
      minimumTlsVersion: '1.2',
      publicNetworkAccessEnabled: false,
      outboundNetworkRestrictionEnabled: true,
      identity: { type: 'UserAssigned', identityIds: [identity.id] },
      primaryUserAssignedIdentityId: identity.id,
      azureadAdministrator: { ...props.adminGroup, azureadAuthenticationOnly: true },
      tags,
    });
    new MssqlServerTransparentDataEncryption(this, 'tde', {
      serverId: this.server.id,
      keyVaultKeyId: key.id,
      autoRotationEnabled: true,
      dependsOn: [grant.assignment],
    });
    new MssqlServerExtendedAuditingPolicy(this, 'auditing', { serverId: this.server.id, logMonitoringEnabled: true });
    // Server-level audit events are emitted through the master database.
    diagnostics(this, 'audit-diagnostics', {
      targetResourceId: `${this.server.id}/databases/master`,
      workspaceId: this.workspaceId,
      categories: ['SQLSecurityAuditEvents'],
    });
  }

  get id(): string {
    return this.server.id;
  }
}

export interface HardenedSqlDatabaseProps extends ClassifiedProps {
  readonly server: HardenedSqlServer;
  readonly name: string;
  readonly skuName?: string;
  /** Point-in-time restore window; default 14, within [minShortTermRetentionDays, 35]. */
  readonly shortTermRetentionDays?: number;
  /** Policy floor; default 7 (Azure's own minimum is 1). */
  readonly minShortTermRetentionDays?: number;
  /** ISO-8601 long-term retention; defaults weekly P12W, monthly P12M, yearly P7Y. */
  readonly longTermRetention?: { readonly weekly?: string; readonly monthly?: string; readonly yearly?: string; readonly weekOfYear?: number };
}

const ISO_PERIOD = /^P\d+[DWMY]$/;

/** Database with short- and long-term (immutable) backup retention, geo-zone-redundant backup storage and diagnostics. */
export class HardenedSqlDatabase extends Construct {
  readonly database: MssqlDatabase;

  constructor(scope: Construct, id: string, props: HardenedSqlDatabaseProps) {
    super(scope, id);
    const min = requireIntInRange(this, 'minShortTermRetentionDays', props.minShortTermRetentionDays ?? 7, 1, 35);
    const shortTerm = requireIntInRange(this, 'shortTermRetentionDays', props.shortTermRetentionDays ?? Math.max(14, min), min, 35);
    const ltr = { weekly: 'P12W', monthly: 'P12M', yearly: 'P7Y', weekOfYear: 1, ...props.longTermRetention };
    for (const [k, v] of Object.entries({ weekly: ltr.weekly, monthly: ltr.monthly, yearly: ltr.yearly })) {
      if (!ISO_PERIOD.test(v)) throw new UnsafeConfigError(this, `longTermRetention.${k} must be an ISO-8601 period like P12W, got ${JSON.stringify(v)}`);
    }
    requireIntInRange(this, 'longTermRetention.weekOfYear', ltr.weekOfYear, 1, 52);
    this.database = new MssqlDatabase(this, 'database', {
      name: props.name,
      serverId: props.server.id,
      skuName: props.skuName ?? 'GP_S_Gen5_2',
      storageAccountType: 'GeoZone',
      transparentDataEncryptionEnabled: true,
      shortTermRetentionPolicy: { retentionDays: shortTerm, backupIntervalInHours: 12 },
      longTermRetentionPolicy: {
        weeklyRetention: ltr.weekly,
        monthlyRetention: ltr.monthly,
        yearlyRetention: ltr.yearly,
        weekOfYear: ltr.weekOfYear,
        immutableBackupsEnabled: true,
      },
      tags: dataTags(this, props),
    });
    diagnostics(this, 'diagnostics', {
      targetResourceId: this.database.id,
      workspaceId: props.server.workspaceId,
      categoryGroups: ['allLogs'],
    });
  }
}
