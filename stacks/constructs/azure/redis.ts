import { Construct } from 'constructs';
import { RedisCache } from '@cdktf/provider-azurerm/lib/redis-cache';
import { UnsafeConfigError } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, diagnostics, requireLocation } from './common';

export interface HardenedRedisCacheProps extends AzurePlacement, ClassifiedProps {
  readonly name: string;
  /** Standard or Premium (Basic has no SLA or replication). */
  readonly skuName?: 'Standard' | 'Premium';
  /** Log Analytics workspace (the central one) for the connected-client (IP address) log. */
  readonly workspaceId: string;
}

/** Azure Cache for Redis: TLS 1.2 only (plain-text port closed), public network access off, Entra ID auth, audit logs to Log Analytics. */
export class HardenedRedisCache extends Construct {
  readonly cache: RedisCache;

  constructor(scope: Construct, id: string, props: HardenedRedisCacheProps) {
    super(scope, id);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid Redis cache name ${JSON.stringify(props.name)}`);
    const premium = props.skuName === 'Premium';
    this.cache = new RedisCache(this, 'cache', {
      resourceGroupName: props.resourceGroupName,
      location: requireLocation(this, props.location),
      name: props.name,
      skuName: premium ? 'Premium' : 'Standard',
      family: premium ? 'P' : 'C',
      capacity: 1,
      minimumTlsVersion: '1.2',
      nonSslPortEnabled: false,
      publicNetworkAccessEnabled: false,
      accessKeysAuthenticationEnabled: false,
      redisConfiguration: { activeDirectoryAuthenticationEnabled: true },
      tags: dataTags(this, props),
    });
    diagnostics(this, 'diagnostics', { targetResourceId: this.cache.id, workspaceId: props.workspaceId, categories: ['ConnectedClientList'] });
  }
}
