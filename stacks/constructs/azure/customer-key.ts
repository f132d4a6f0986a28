import { Construct } from 'constructs';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { AzurePlacement } from './common';
import { HardenedKeyVault } from './key-vault';
import { ScopedRoleAssignment } from './role-assignment';

/** A Key Vault key plus the user-assigned identity a data store uses to wrap/unwrap with it. */
export interface CustomerKey {
  readonly identity: UserAssignedIdentity;
  readonly key: KeyVaultKey;
  readonly grant: ScopedRoleAssignment;
}

/** The identity, key and role grant every CMK-encrypted store needs, named after the store. */
export function customerKey(scope: Construct, placement: AzurePlacement, name: string, keyVault: HardenedKeyVault, tags: Record<string, string>): CustomerKey {
  const identity = new UserAssignedIdentity(scope, 'cmk-identity', { ...placement, name: `${name}-cmk`, tags });
  const grant = keyVault.grantCryptoUser(scope, 'cmk-grant', identity.principalId);
  const key = keyVault.addKey(scope, 'cmk-key', `${name}-cmk`);
  return { identity, key, grant };
}
