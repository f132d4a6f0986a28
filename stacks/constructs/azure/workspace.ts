import { Construct } from 'constructs';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, requireLocation } from './common';

export interface BoundedWorkspaceProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  /** Default 365; within [minRetentionDays, maxRetentionDays]. */
  readonly retentionDays?: number;
  readonly minRetentionDays?: number;
  readonly maxRetentionDays?: number;
  /** Marks the workspace all audit data correlates in (tag purpose=central-audit). */
  readonly central?: boolean;
}

/**
 * Log Analytics workspace with retention bounded on both sides (logs hold customer data:
 * long enough to investigate, never forever) and local (shared-key) auth disabled.
 */
export class BoundedWorkspace extends Construct {
  readonly workspace: LogAnalyticsWorkspace;

  constructor(scope: Construct, id: string, props: BoundedWorkspaceProps) {
    super(scope, id);
    // Log Analytics accepts 30–730 days of interactive retention.
    const min = requireIntInRange(this, 'minRetentionDays', props.minRetentionDays ?? 30, 30, 730);
    const max = requireIntInRange(this, 'maxRetentionDays', props.maxRetentionDays ?? 400, min, 730);
    const retention = requireIntInRange(this, 'retentionDays', props.retentionDays ?? 365, min, max);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid workspace name ${JSON.stringify(props.name)}`);
    this.workspace = new LogAnalyticsWorkspace(this, 'workspace', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: requireLocation(this, props.location),
      sku: 'PerGB2018',
      retentionInDays: retention,
      localAuthenticationEnabled: false,
      tags: dataTags(this, { ...props, tags: { ...props.tags, ...(props.central ? { purpose: 'central-audit' } : {}) } }),
    });
  }

  get id(): string {
    return this.workspace.id;
  }
}
