import { Construct } from 'constructs';
import { NetworkWatcher } from '@cdktf/provider-azurerm/lib/network-watcher';
import { SecurityCenterSubscriptionPricing } from '@cdktf/provider-azurerm/lib/security-center-subscription-pricing';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { requireGuid, requireSetting } from '../common/settings';
import { diagnostics, requireLocation } from './common';
import { BoundedWorkspace } from './workspace';

export interface AzureBaselineProps {
  /** Regions in use; the first hosts the central workspace. */
  readonly regions: readonly string[];
  readonly resourceGroupName: string;
  readonly workspaceName: string;
  readonly workspaceRetentionDays?: number;
  /** Defender for Cloud plans on Standard tier; default storage, SQL, Key Vault, Resource Manager. */
  readonly defenderPlans?: readonly string[];
  readonly subscriptionId?: string;
  readonly tags?: Record<string, string>;
}

const REQUIRED_PLANS = ['StorageAccounts', 'SqlServers', 'KeyVaults'];
const ACTIVITY_LOG_CATEGORIES = ['Administrative', 'Security', 'Policy', 'Alert', 'Recommendation', 'ServiceHealth', 'ResourceHealth', 'Autoscale'];

/**
 * Subscription-wide audit and detection: the activity log exported to a central, bounded Log
 * Analytics workspace, Defender for Cloud Standard for the data services, and a Network
 * Watcher in every region in use.
 */
export class AzureBaseline extends Construct {
  readonly workspace: BoundedWorkspace;

  constructor(scope: Construct, id: string, props: AzureBaselineProps) {
    super(scope, id);
    const regions = requireNonEmpty(this, 'regions', props.regions).map((r) => requireLocation(this, r));
    if (new Set(regions).size !== regions.length) throw new UnsafeConfigError(this, `regions contain duplicates: ${regions.join(', ')}`);
    const subscriptionId = requireGuid(this, 'subscriptionId', requireSetting(this, 'azureSubscriptionId', props.subscriptionId));
    const plans = props.defenderPlans ?? [...REQUIRED_PLANS, 'Arm'];
    const missing = REQUIRED_PLANS.filter((p) => !plans.includes(p));
    if (missing.length) throw new UnsafeConfigError(this, `Defender plans ${missing.join(', ')} cannot be left on the free tier`);

    this.workspace = new BoundedWorkspace(this, 'central-workspace', {
      name: props.workspaceName,
      resourceGroupName: props.resourceGroupName,
      location: regions[0],
      retentionDays: props.workspaceRetentionDays,
      central: true,
      classification: 'confidential',
      tags: props.tags,
    });
    diagnostics(this, 'activity-log', {
      targetResourceId: `/subscriptions/${subscriptionId}`,
      workspaceId: this.workspace.id,
      categories: ACTIVITY_LOG_CATEGORIES,
    });
    for (const plan of plans) {
      new SecurityCenterSubscriptionPricing(this, `defender-${plan}`, {
        resourceType: plan,
        tier: 'Standard',
        subplan: plan === 'StorageAccounts' ? 'DefenderForStorageV2' : undefined,
      });
    }
    for (const region of regions) {
      new NetworkWatcher(this, `network-watcher-${region}`, {
        name: `NetworkWatcher_${region}`,
        resourceGroupName: props.resourceGroupName,
        location: region,
        tags: props.tags,
      });
    }
  }
}
