import { Construct } from 'constructs';
import { SynapseWorkspace } from '@cdktf/provider-azurerm/lib/synapse-workspace';
import { UnsafeConfigError } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, diagnostics, requireLocation } from './common';
import { customerKey } from './customer-key';
import { HardenedKeyVault } from './key-vault';

export interface HardenedSynapseWorkspaceProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  /** The ADLS Gen2 filesystem (of a HardenedStorageAccount) the workspace uses. */
  readonly dataLakeFilesystemId: string;
  readonly keyVault: HardenedKeyVault;
  /** Where SQL audit, RBAC and gateway logs go; defaults to the key vault's workspace. */
  readonly workspaceId?: string;
}

/**
 * Synapse workspace in a managed virtual network with exfiltration protection, public network
 * access off, Entra-only authentication, a customer-managed key, and SQL audit, RBAC and
 * gateway logs to Log Analytics.
 */
export class HardenedSynapseWorkspace extends Construct {
  readonly workspace: SynapseWorkspace;

  constructor(scope: Construct, id: string, props: HardenedSynapseWorkspaceProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid Synapse workspace name ${JSON.stringify(props.name)}`);
    const placement = { resourceGroupName: props.resourceGroupName, location: requireLocation(this, props.location) };
    const tags = dataTags(this, props);
    const cmk = customerKey(this, placement, props.name, props.keyVault, tags);
    this.workspace = new SynapseWorkspace(this, 'workspace', {
      ...placement,
      name: props.name,
      storageDataLakeGen2FilesystemId: props.dataLakeFilesystemId,
      managedVirtualNetworkEnabled: true,
      dataExfiltrationProtectionEnabled: true,
      publicNetworkAccessEnabled: false,
      azureadAuthenticationOnly: true,
      identity: { type: 'UserAssigned', identityIds: [cmk.identity.id] },
      customerManagedKey: { keyVersionlessId: cmk.key.versionlessId, keyName: 'cmk', userAssignedIdentityId: cmk.identity.id },
      tags,
      dependsOn: [cmk.grant.assignment],
    });
    diagnostics(this, 'diagnostics', {
      targetResourceId: this.workspace.id,
      workspaceId: props.workspaceId ?? props.keyVault.workspaceId,
      categories: ['SQLSecurityAuditEvents', 'SynapseRbacOperations', 'GatewayApiRequests', 'BuiltinSqlReqsEnded'],
    });
  }
}
