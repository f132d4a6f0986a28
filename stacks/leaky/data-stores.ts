import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { MysqlFlexibleServerFirewallRule } from '@cdktf/provider-azurerm/lib/mysql-flexible-server-firewall-rule';
import { PostgresqlFlexibleServerConfiguration } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { HardenedFlexibleServer } from '../constructs/azure/flexible-server';
import { HardenedCosmosAccount } from '../constructs/azure/cosmos';
import { HardenedRedisCache } from '../constructs/azure/redis';
import { HardenedManagedDisk } from '../constructs/azure/managed-disk';
import { HardenedLinuxWebApp } from '../constructs/azure/web-app';
import { HardenedServiceBusNamespace } from '../constructs/azure/service-bus';
import { HardenedSynapseWorkspace } from '../constructs/azure/synapse';
import { HardenedSearchService } from '../constructs/azure/search';
import { awsPart, azurePart, leakyStack } from './common';

/** A MySQL flexible server switched to public access with a firewall rule for every IPv4 address. */
export function openMysql(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-open-mysql');
  awsPart(stack);
  const az = azurePart(stack, 'mysql');
  const password = new TerraformVariable(stack, 'mysql-admin-password', { type: 'string', sensitive: true });
  const db = new HardenedFlexibleServer(stack, 'orders', {
    ...az.at(),
    name: 'mysql-leaky-orders',
    engine: 'mysql',
    keyVault: az.keyVault,
    workspaceId: az.workspaceId,
    mysqlAdministratorPassword: password.stringValue,
  });
  db.server.addOverride('public_network_access', 'Enabled');
  new MysqlFlexibleServerFirewallRule(stack, 'anyone', {
    name: 'allow-all',
    resourceGroupName: az.group.name,
    serverName: db.server.name,
    startIpAddress: '0.0.0.0',
    endIpAddress: '255.255.255.255',
  });
  return stack;
}

/** A private PostgreSQL flexible server whose parameters let clients connect without TLS. */
export function plaintextPostgres(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-plaintext-postgres');
  awsPart(stack);
  const az = azurePart(stack, 'pgtls');
  const db = new HardenedFlexibleServer(stack, 'customers', { ...az.at(), name: 'psql-leaky-customers', engine: 'postgres', keyVault: az.keyVault, workspaceId: az.workspaceId });
  new PostgresqlFlexibleServerConfiguration(stack, 'no-tls', { name: 'require_secure_transport', serverId: db.server.id, value: 'off' });
  return stack;
}

/** A Cosmos DB account with public network access on and no IP or virtual-network filter. */
export function publicCosmos(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-cosmos');
  awsPart(stack);
  const az = azurePart(stack, 'cosmos');
  const carts = new HardenedCosmosAccount(stack, 'carts', { ...az.at(), name: 'cosmos-leaky-carts', keyVault: az.keyVault, workspaceId: az.workspaceId });
  carts.account.addOverride('public_network_access_enabled', true);
  return stack;
}

/** A private session cache that still opens its plain-text port. */
export function plaintextRedis(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-plaintext-redis');
  awsPart(stack);
  const az = azurePart(stack, 'redis');
  const sessions = new HardenedRedisCache(stack, 'sessions', { ...az.at(), name: 'redis-leaky-sessions', workspaceId: az.workspaceId });
  sessions.cache.addOverride('non_ssl_port_enabled', true);
  return stack;
}

/** A CMK-encrypted data disk whose export SAS works from any network. */
export function exportableDisk(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-exportable-disk');
  awsPart(stack);
  const az = azurePart(stack, 'disk');
  const disk = new HardenedManagedDisk(stack, 'orders-data', { ...az.at(), name: 'disk-leaky-orders', sizeGb: 128, keyVault: az.keyVault });
  disk.disk.addOverride('public_network_access_enabled', true);
  disk.disk.addOverride('network_access_policy', 'AllowAll');
  return stack;
}

/** A storefront web app that also answers on plain HTTP. */
export function plainHttpWebApp(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-plain-http-web-app');
  awsPart(stack);
  const az = azurePart(stack, 'webapp');
  const plan = new ServicePlan(stack, 'plan', { ...az.at(), name: 'asp-leaky-storefront', osType: 'Linux', skuName: 'P1v3' });
  const app = new HardenedLinuxWebApp(stack, 'storefront', { ...az.at(), name: 'app-leaky-storefront', servicePlanId: plan.id });
  app.app.addOverride('https_only', false);
  return stack;
}

/** An order-message namespace open to every network. */
export function publicServiceBus(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-service-bus');
  awsPart(stack);
  const az = azurePart(stack, 'sb');
  const orders = new HardenedServiceBusNamespace(stack, 'orders', { ...az.at(), name: 'sb-leaky-orders', keyVault: az.keyVault });
  orders.namespace.addOverride('public_network_access_enabled', true);
  return stack;
}

/** A private order-message namespace that still accepts its SAS keys. */
export function sasServiceBus(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-sas-service-bus');
  awsPart(stack);
  const az = azurePart(stack, 'sas');
  const orders = new HardenedServiceBusNamespace(stack, 'orders', { ...az.at(), name: 'sb-leaky-sas-orders', keyVault: az.keyVault });
  orders.namespace.addOverride('local_auth_enabled', true);
  return stack;
}

/** An analytics workspace whose SQL endpoints answer the internet. */
export function publicSynapse(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-synapse');
  awsPart(stack);
  const az = azurePart(stack, 'synapse');
  const analytics = new HardenedSynapseWorkspace(stack, 'analytics', {
    ...az.at(),
    name: 'synw-leaky-analytics',
    dataLakeFilesystemId: 'https://stleakylake.dfs.core.windows.net/analytics',
    keyVault: az.keyVault,
  });
  analytics.workspace.addOverride('public_network_access_enabled', true);
  return stack;
}

/** A customer search index reachable from every address. */
export function publicSearch(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-search');
  awsPart(stack);
  const az = azurePart(stack, 'search');
  const customers = new HardenedSearchService(stack, 'customers', { ...az.at(), name: 'srch-leaky-customers', workspaceId: az.workspaceId });
  customers.service.addOverride('public_network_access_enabled', true);
  return stack;
}
