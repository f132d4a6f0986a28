import { Construct } from 'constructs';
import { ServicebusNamespace } from '@cdktf/provider-azurerm/lib/servicebus-namespace';
import { UnsafeConfigError } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, diagnostics, requireLocation } from './common';
import { customerKey } from './customer-key';
import { HardenedKeyVault } from './key-vault';

export interface HardenedServiceBusNamespaceProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  readonly keyVault: HardenedKeyVault;
  /** Where runtime-audit and operational logs go; defaults to the key vault's workspace. */
  readonly workspaceId?: string;
}

/**
 * Premium Service Bus namespace: public network access off, TLS 1.2, Entra ID only (SAS keys
 * off), messages under a customer-managed key with infrastructure encryption, runtime-audit
 * and operational logs to Log Analytics.
 */
export class HardenedServiceBusNamespace extends Construct {
  readonly namespace: ServicebusNamespace;

  constructor(scope: Construct, id: string, props: HardenedServiceBusNamespaceProps) {
    super(scope, id);
    if (!/^[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid Service Bus namespace name ${JSON.stringify(props.name)}`);
    const placement = { resourceGroupName: props.resourceGroupName, location: requireLocation(this, props.location) };
    const tags = dataTags(this, props);
    const cmk = customerKey(this, placement, props.name, props.keyVault, tags);
    this.namespace = new ServicebusNamespace(this, 'namespace', {
      ...placement,
      name: props.name,
      sku: 'Premium',
      capacity: 1,
      premiumMessagingPartitions: 1,
      minimumTlsVersion: '1.2',
      localAuthEnabled: false,
      publicNetworkAccessEnabled: false,
      identity: { type: 'UserAssigned', identityIds: [cmk.identity.id] },
      customerManagedKey: { keyVaultKeyId: cmk.key.id, identityId: cmk.identity.id, infrastructureEncryptionEnabled: true },
      tags,
      dependsOn: [cmk.grant.assignment],
    });
    diagnostics(this, 'diagnostics', {
      targetResourceId: this.namespace.id,
      workspaceId: props.workspaceId ?? props.keyVault.workspaceId,
      categories: ['RuntimeAuditLogs', 'OperationalLogs'],
    });
  }
}
