import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { UnsafeConfigError } from '../common/errors';
import { requireGuid, requireSetting } from '../common/settings';

/** Where an Azure resource lives. */
export interface AzurePlacement {
  readonly resourceGroupName: string;
  readonly location: string;
}

const LOCATION = /^[a-z]+[a-z0-9]*$/;

export function requireLocation(where: Construct, location: string): string {
  if (!LOCATION.test(location)) throw new UnsafeConfigError(where, `location must be an Azure region name like westus2, got ${JSON.stringify(location)}`);
  return location;
}

/** Azure provider for one subscription; data-plane calls use Entra ID because shared keys are off. */
export function azureProvider(scope: Construct, id: string, props: { subscriptionId?: string; tenantId?: string } = {}): AzurermProvider {
  const subscriptionId = requireGuid(scope, 'azureSubscriptionId', requireSetting(scope, 'azureSubscriptionId', props.subscriptionId));
  const tenantId = requireGuid(scope, 'azureTenantId', requireSetting(scope, 'azureTenantId', props.tenantId));
  return new AzurermProvider(scope, id, {
    features: [{}],
    subscriptionId,
    tenantId,
    storageUseAzuread: true,
    resourceProviderRegistrations: 'none',
  });
}

export interface DiagnosticsProps {
  readonly targetResourceId: string;
  readonly workspaceId: string;
  readonly categories?: readonly string[];
  readonly categoryGroups?: readonly string[];
  readonly metrics?: readonly string[];
}

/** A diagnostic setting sending the named log categories of one resource to a Log Analytics workspace. */
export function diagnostics(scope: Construct, id: string, props: DiagnosticsProps): MonitorDiagnosticSetting {
  const logs = [
    ...(props.categories ?? []).map((category) => ({ category })),
    ...(props.categoryGroups ?? []).map((categoryGroup) => ({ categoryGroup })),
  ];
  if (logs.length === 0) throw new UnsafeConfigError(scope, `diagnostic setting ${id} enables no log category`);
  return new MonitorDiagnosticSetting(scope, id, {
    name: 'leakguard-audit',
    targetResourceId: props.targetResourceId,
    logAnalyticsWorkspaceId: props.workspaceId,
    enabledLog: logs,
    enabledMetric: props.metrics?.map((category) => ({ category })),
  });
}
