import { Construct } from 'constructs';
import { CosmosdbAccount } from '@cdktf/provider-azurerm/lib/cosmosdb-account';
import { UnsafeConfigError } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, diagnostics, requireLocation } from './common';
import { customerKey } from './customer-key';
import { HardenedKeyVault } from './key-vault';

export interface HardenedCosmosAccountProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  readonly keyVault: HardenedKeyVault;
  /** Where data-plane logs go; defaults to the key vault's workspace. */
  readonly workspaceId?: string;
}

/**
 * Cosmos DB (NoSQL) account: public network access off, Entra ID only (account keys off),
 * TLS 1.2, data under a customer-managed key, continuous backup and data-plane logs.
 */
export class HardenedCosmosAccount extends Construct {
  readonly account: CosmosdbAccount;

  constructor(scope: Construct, id: string, props: HardenedCosmosAccountProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]{1,42}[a-z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid Cosmos DB account name ${JSON.stringify(props.name)}`);
    const placement = { resourceGroupName: props.resourceGroupName, location: requireLocation(this, props.location) };
    const tags = dataTags(this, props);
    const cmk = customerKey(this, placement, props.name, props.keyVault, tags);
    this.account = new CosmosdbAccount(this, 'account', {
      ...placement,
      name: props.name,
      offerType: 'Standard',
      kind: 'GlobalDocumentDB',
      publicNetworkAccessEnabled: false,
      localAuthenticationDisabled: true,
      minimalTlsVersion: 'Tls12',
      keyVaultKeyId: cmk.key.versionlessId,
      identity: { type: 'UserAssigned', identityIds: [cmk.identity.id] },
      defaultIdentityType: `UserAssignedIdentity=${cmk.identity.id}`,
      consistencyPolicy: { consistencyLevel: 'Session' },
      geoLocation: [{ location: placement.location, failoverPriority: 0 }],
      backup: { type: 'Continuous', tier: 'Continuous30Days' },
      tags,
      dependsOn: [cmk.grant.assignment],
    });
    diagnostics(this, 'diagnostics', { targetResourceId: this.account.id, workspaceId: props.workspaceId ?? props.keyVault.workspaceId, categoryGroups: ['audit'] });
  }
}
