import { Construct } from 'constructs';
import { DiskEncryptionSet } from '@cdktf/provider-azurerm/lib/disk-encryption-set';
import { ManagedDisk } from '@cdktf/provider-azurerm/lib/managed-disk';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, requireLocation } from './common';
import { customerKey } from './customer-key';
import { HardenedKeyVault } from './key-vault';

export interface HardenedManagedDiskProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  readonly sizeGb: number;
  readonly keyVault: HardenedKeyVault;
}

/**
 * Data disk encrypted through a disk encryption set with a customer-managed key (rotated
 * automatically), never exportable: public network access off and network_access_policy DenyAll.
 */
export class HardenedManagedDisk extends Construct {
  readonly disk: ManagedDisk;

  constructor(scope: Construct, id: string, props: HardenedManagedDiskProps) {
    super(scope, id);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid disk name ${JSON.stringify(props.name)}`);
    const placement = { resourceGroupName: props.resourceGroupName, location: requireLocation(this, props.location) };
    const tags = dataTags(this, props);
    const cmk = customerKey(this, placement, props.name, props.keyVault, tags);
    const encryptionSet = new DiskEncryptionSet(this, 'encryption-set', {
      ...placement,
      name: `${props.name}-des`,
      keyVaultKeyId: cmk.key.versionlessId,
      autoKeyRotationEnabled: true,
      identity: { type: 'UserAssigned', identityIds: [cmk.identity.id] },
      tags,
      dependsOn: [cmk.grant.assignment],
    });
    this.disk = new ManagedDisk(this, 'disk', {
      ...placement,
      name: props.name,
      storageAccountType: 'Premium_ZRS',
      createOption: 'Empty',
      diskSizeGb: requireIntInRange(this, 'sizeGb', props.sizeGb, 4, 32767),
      diskEncryptionSetId: encryptionSet.id,
      publicNetworkAccessEnabled: false,
      networkAccessPolicy: 'DenyAll',
      tags,
    });
  }
}
