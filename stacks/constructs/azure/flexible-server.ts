import { Construct } from 'constructs';
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { MysqlFlexibleServer } from '@cdktf/provider-azurerm/lib/mysql-flexible-server';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, diagnostics, requireLocation } from './common';
import { customerKey } from './customer-key';
import { HardenedKeyVault } from './key-vault';

export interface HardenedFlexibleServerProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  readonly engine: 'postgres' | 'mysql';
  readonly keyVault: HardenedKeyVault;
  /** MySQL only: the administrator password (a reference to a secret, never a literal). */
  readonly mysqlAdministratorPassword?: string;
  /** Days of point-in-time restore; default 14, within [7, 35]. */
  readonly backupRetentionDays?: number;
  /** Where server logs go; defaults to the key vault's workspace. */
  readonly workspaceId?: string;
}

/**
 * Azure Database for PostgreSQL or MySQL flexible server: public network access off (reached
 * through a private endpoint), data and backups under a customer-managed key, TLS 1.2 left at
 * the service default (no require_secure_transport override), geo-redundant backups and
 * server logs to Log Analytics. PostgreSQL authenticates with Entra ID only.
 */
export class HardenedFlexibleServer extends Construct {
  readonly server: PostgresqlFlexibleServer | MysqlFlexibleServer;

  constructor(scope: Construct, id: string, props: HardenedFlexibleServerProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid server name ${JSON.stringify(props.name)}`);
    const placement = { resourceGroupName: props.resourceGroupName, location: requireLocation(this, props.location) };
    const backupRetentionDays = requireIntInRange(this, 'backupRetentionDays', props.backupRetentionDays ?? 14, 7, 35);
    const tags = dataTags(this, props);
    const cmk = customerKey(this, placement, props.name, props.keyVault, tags);
    const identity = { type: 'UserAssigned', identityIds: [cmk.identity.id] };
    const customerManagedKey = { keyVaultKeyId: cmk.key.id, primaryUserAssignedIdentityId: cmk.identity.id };
    const common = { ...placement, name: props.name, backupRetentionDays, geoRedundantBackupEnabled: true, identity, customerManagedKey, tags, dependsOn: [cmk.grant.assignment] };
    if (props.engine === 'postgres') {
      if (props.mysqlAdministratorPassword) throw new UnsafeConfigError(this, 'mysqlAdministratorPassword is for MySQL; PostgreSQL uses Entra ID only');
      this.server = new PostgresqlFlexibleServer(this, 'server', {
        ...common,
        version: '16',
        skuName: 'GP_Standard_D2s_v3',
        publicNetworkAccessEnabled: false,
        authentication: { activeDirectoryAuthEnabled: true, passwordAuthEnabled: false },
      });
    } else {
      if (!props.mysqlAdministratorPassword?.includes('${')) throw new UnsafeConfigError(this, 'mysqlAdministratorPassword must be a reference to a secret, not a literal');
      this.server = new MysqlFlexibleServer(this, 'server', {
        ...common,
        version: '8.0.21',
        skuName: 'GP_Standard_D2ds_v4',
        publicNetworkAccess: 'Disabled',
        administratorLogin: 'dbadmin',
        administratorPassword: props.mysqlAdministratorPassword,
      });
    }
    diagnostics(this, 'diagnostics', { targetResourceId: this.server.id, workspaceId: props.workspaceId ?? props.keyVault.workspaceId, categoryGroups: ['audit'] });
  }
}
