import { writeFileSync } from 'fs';
import { join } from 'path';
import { EnvironmentName, SHOP_CONFIG, ShopConfig } from './config';
import { LEAKY_PATTERNS, centralWorkspaceName } from './leaky/common';
import { SHARED_SERVICE_PRINCIPAL_ID } from './leaky/identity';
import { EXAMPLE_TRAIL, EXAMPLE_WORKSPACE } from './examples';

/**
 * The Leakguard policy data (`--config`) that describes these stacks: which accounts and
 * subscriptions belong to which environment, who the incident responders are, and which
 * trail/workspace is central (shop, leaky fixtures and the example pair). Generated from config.ts so the two cannot drift;
 * `leakguard.config.json` at the repository root (where `leakguard check` discovers it) is this object written out (a test keeps them equal);
 * regenerate it with `node dist/stacks/policy-config.js`.
 */
export function policyConfig(shop: ShopConfig = SHOP_CONFIG): { policy: Record<string, unknown> } {
  const envs = Object.values(shop.environments);
  const byEnv = <T>(f: (e: (typeof envs)[number]) => T) =>
    Object.fromEntries(envs.map((e) => [e.name, [f(e)]])) as Record<EnvironmentName, T[]>;
  const leakyStacks = Object.values(LEAKY_PATTERNS).flatMap((p) => [...p.stacks]);
  return {
    policy: {
      environment_accounts: byEnv((e) => e.aws.accountId),
      environment_subscriptions: byEnv((e) => e.azure.subscriptionId),
      // The service principal the shared-service-account fixture hands to prod belongs to dev.
      environment_principals: { dev: [SHARED_SERVICE_PRINCIPAL_ID] },
      incident_response_role_names: ['incident-response'],
      incident_response_principal_ids: [...new Set(envs.map((e) => e.azure.incidentResponseGroupId))],
      central_trail_names: [...envs.map((e) => `${shop.app}-${e.name}-central-audit`), ...leakyStacks, EXAMPLE_TRAIL],
      central_workspace_names: [...envs.map((e) => `law-${shop.app}-${e.name}-central`), ...leakyStacks.map(centralWorkspaceName), EXAMPLE_WORKSPACE],
    },
  };
}

if (require.main === module) {
  // dist/stacks/policy-config.js → leakguard.config.json
  writeFileSync(join(__dirname, '..', '..', 'leakguard.config.json'), `${JSON.stringify(policyConfig(), null, 2)}\n`);
}
