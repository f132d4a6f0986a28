import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { MysqlFlexibleServerFirewallRule } from '@cdktf/provider-azurerm/lib/mysql-flexible-server-firewall-rule';
import { PostgresqlFlexibleServerConfiguration } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import { HardenedFlexibleServer } from '../constructs/azure/flexible-server';
import { HardenedCosmosAccount } from '../constructs/azure/cosmos';
import { HardenedRedisCache } from '../constructs/azure/redis';
import { azurePart, leakyStack } from './common';

/** A MySQL flexible server switched to public access with a firewall rule for every IPv4 address. */
export function openMysql(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-open-mysql');
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
  const az = azurePart(stack, 'pgtls');
  const db = new HardenedFlexibleServer(stack, 'customers', { ...az.at(), name: 'psql-leaky-customers', engine: 'postgres', keyVault: az.keyVault, workspaceId: az.workspaceId });
  new PostgresqlFlexibleServerConfiguration(stack, 'no-tls', { name: 'require_secure_transport', serverId: db.server.id, value: 'off' });
  return stack;
}

/** A Cosmos DB account with public network access on and no IP or virtual-network filter. */
export function publicCosmos(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-public-cosmos');
  const az = azurePart(stack, 'cosmos');
  const carts = new HardenedCosmosAccount(stack, 'carts', { ...az.at(), name: 'cosmos-leaky-carts', keyVault: az.keyVault, workspaceId: az.workspaceId });
  carts.account.addOverride('public_network_access_enabled', true);
  return stack;
}

/** A private session cache that still opens its plain-text port. */
export function plaintextRedis(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-plaintext-redis');
  const az = azurePart(stack, 'redis');
  const sessions = new HardenedRedisCache(stack, 'sessions', { ...az.at(), name: 'redis-leaky-sessions' });
  sessions.cache.addOverride('non_ssl_port_enabled', true);
  return stack;
}
