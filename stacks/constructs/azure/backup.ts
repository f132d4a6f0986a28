import { Construct } from 'constructs';
import { RecoveryServicesVault } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { UnsafeConfigError, requireOneOf } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, requireLocation } from './common';
import { HardenedKeyVault } from './key-vault';

const STORAGE_MODES = ['GeoRedundant', 'ZoneRedundant', 'LocallyRedundant'] as const;

export interface LockedRecoveryVaultProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  readonly keyVault: HardenedKeyVault;
  readonly storageMode?: (typeof STORAGE_MODES)[number];
  /** Restore in the paired region; needs GeoRedundant storage. Default true. */
  readonly crossRegionRestore?: boolean;
}

/**
 * Recovery Services vault whose backups cannot be deleted early: immutability Locked
 * (irreversible), soft delete on, private, and encrypted with a customer-managed key.
 */
export class LockedRecoveryVault extends Construct {
  readonly vault: RecoveryServicesVault;

  constructor(scope: Construct, id: string, props: LockedRecoveryVaultProps) {
    super(scope, id);
    const mode = requireOneOf(this, 'storageMode', props.storageMode ?? 'GeoRedundant', STORAGE_MODES);
    const crossRegion = props.crossRegionRestore ?? true;
    if (crossRegion && mode !== 'GeoRedundant') throw new UnsafeConfigError(this, 'cross-region restore needs GeoRedundant storage');
    if (!/^[a-zA-Z][a-zA-Z0-9-]{1,49}$/.test(props.name)) throw new UnsafeConfigError(this, `invalid vault name ${JSON.stringify(props.name)}`);
    const placement = { resourceGroupName: props.resourceGroupName, location: requireLocation(this, props.location) };
    const tags = dataTags(this, props);
    const identity = new UserAssignedIdentity(this, 'identity', { ...placement, name: `${props.name}-cmk`, tags });
    const grant = props.keyVault.grantCryptoUser(this, 'cmk-grant', identity.principalId);
    const key = props.keyVault.addKey(this, 'cmk', `${props.name}-cmk`);
    this.vault = new RecoveryServicesVault(this, 'vault', {
      ...placement,
      name: props.name,
      sku: 'Standard',
      immutability: 'Locked',
      softDeleteEnabled: true,
      publicNetworkAccessEnabled: false,
      storageModeType: mode,
      crossRegionRestoreEnabled: crossRegion,
      identity: { type: 'UserAssigned', identityIds: [identity.id] },
      encryption: { keyId: key.versionlessId, infrastructureEncryptionEnabled: true, userAssignedIdentityId: identity.id, useSystemAssignedIdentity: false },
      tags,
      dependsOn: [grant.assignment],
    });
  }
}
