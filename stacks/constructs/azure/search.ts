import { Construct } from 'constructs';
import { SearchService } from '@cdktf/provider-azurerm/lib/search-service';
import { UnsafeConfigError } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, diagnostics, requireLocation } from './common';

export interface HardenedSearchServiceProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  /** Log Analytics workspace (the central one) for the service's operation (query and indexing) logs. */
  readonly workspaceId: string;
}

/** Search service: public network access off, Entra ID only (API keys off), customer-managed keys enforced, operation logs to Log Analytics. */
export class HardenedSearchService extends Construct {
  readonly service: SearchService;

  constructor(scope: Construct, id: string, props: HardenedSearchServiceProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid search service name ${JSON.stringify(props.name)}`);
    this.service = new SearchService(this, 'service', {
      resourceGroupName: props.resourceGroupName,
      location: requireLocation(this, props.location),
      name: props.name,
      sku: 'standard',
      publicNetworkAccessEnabled: false,
      localAuthenticationEnabled: false,
      customerManagedKeyEnforcementEnabled: true,
      identity: { type: 'SystemAssigned' },
      tags: dataTags(this, props),
    });
    diagnostics(this, 'diagnostics', { targetResourceId: this.service.id, workspaceId: props.workspaceId, categories: ['OperationLogs'] });
  }
}
