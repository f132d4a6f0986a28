import { Construct } from 'constructs';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { requireGuid, requireSetting } from '../common/settings';
import { AzurePlacement, diagnostics, requireLocation } from './common';
import { ScopedRoleAssignment } from './role-assignment';
import { BoundedWorkspace } from './workspace';

export interface HardenedKeyVaultProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  /** Days deleted keys stay recoverable; default 90, within [7, 90]. */
  readonly softDeleteRetentionDays?: number;
  /** Where AuditEvent logs go; a workspace is created when absent. */
  readonly workspaceId?: string;
  /** Subnets allowed through the firewall (public network access stays off). */
  readonly allowedSubnetIds?: readonly string[];
  readonly tenantId?: string;
}

/**
 * Key Vault for customer-managed keys: purge protection, soft delete, RBAC authorization,
 * public network access off with a deny-by-default firewall, and audit events to a workspace.
 */
export class HardenedKeyVault extends Construct {
  readonly vault: KeyVault;
  readonly workspaceId: string;

  constructor(scope: Construct, id: string, props: HardenedKeyVaultProps) {
    super(scope, id);
    const softDelete = requireIntInRange(this, 'softDeleteRetentionDays', props.softDeleteRetentionDays ?? 90, 7, 90);
    if (!/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid key vault name ${JSON.stringify(props.name)}`);
    const tenantId = requireGuid(this, 'tenantId', requireSetting(this, 'azureTenantId', props.tenantId));
    this.vault = new KeyVault(this, 'vault', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: requireLocation(this, props.location),
      tenantId,
      skuName: 'premium',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: softDelete,
      publicNetworkAccessEnabled: false,
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', virtualNetworkSubnetIds: props.allowedSubnetIds ? [...props.allowedSubnetIds] : undefined },
      tags: dataTags(this, props),
    });
    this.workspaceId = props.workspaceId ?? new BoundedWorkspace(this, 'workspace', {
      name: `${props.name}-logs`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags,
    }).id;
    diagnostics(this, 'audit', { targetResourceId: this.vault.id, workspaceId: this.workspaceId, categoryGroups: ['audit'] });
  }

  get id(): string {
    return this.vault.id;
  }

  /** An RSA-HSM key in this vault, created in the caller's scope; rotates yearly, wrap/unwrap only. */
  addKey(scope: Construct, id: string, name: string): KeyVaultKey {
    return new KeyVaultKey(scope, id, {
      name,
      keyVaultId: this.vault.id,
      keyType: 'RSA-HSM',
      keySize: 3072,
      keyOpts: ['wrapKey', 'unwrapKey'],
      rotationPolicy: { expireAfter: 'P2Y', notifyBeforeExpiry: 'P30D', automatic: { timeAfterCreation: 'P1Y' } },
    });
  }

  /** Lets a managed identity wrap/unwrap with keys in this vault (and nothing else). */
  grantCryptoUser(scope: Construct, id: string, principalId: string): ScopedRoleAssignment {
    return new ScopedRoleAssignment(scope, id, {
      scope: this.vault.id,
      principalId,
      roleDefinitionName: 'Key Vault Crypto Service Encryption User',
    });
  }
}
