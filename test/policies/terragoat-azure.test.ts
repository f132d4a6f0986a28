// The TerraGoat-like Azure leaks (issue: "Every place customer data lives") through the full
// pipeline on plain HCL: each leak is reported by the rule that names it, on the resource
// that carries it, and the check blocks. Needs `npm run build:policies` first.
import { join } from 'node:path';
import { check, exitCodeOf } from '../../src/check';

const DIR = join(__dirname, 'terragoat-azure');

/** Resource address → the rules that must report it. */
const EXPECTED: Record<string, string[]> = {
  'azurerm_mysql_server.example': ['azure-rdbms-public-network', 'azure-rdbms-tls'],
  'azurerm_postgresql_server.example': ['azure-rdbms-public-network', 'azure-rdbms-tls'],
  'azurerm_postgresql_firewall_rule.everyone': ['azure-rdbms-firewall-internet'],
  'azurerm_app_service.app-service1': ['azure-appservice-https-only', 'azure-appservice-min-tls', 'azure-appservice-ftps'],
};

describe('TerraGoat-like Azure estate', () => {
  let found: Map<string, Set<string>>;
  let blocked: boolean;

  beforeAll(async () => {
    const { decision } = await check([DIR], { today: '2026-11-28' });
    found = new Map();
    for (const f of decision.findings) {
      const rules = found.get(f.resource.address) ?? new Set<string>();
      rules.add(f.rule_id);
      found.set(f.resource.address, rules);
    }
    blocked = exitCodeOf(decision) === 1;
  });

  test.each(Object.entries(EXPECTED))('%s is reported by %p', (address, rules) => {
    expect([...(found.get(address) ?? [])].filter((r) => rules.includes(r)).sort()).toEqual([...rules].sort());
  });

  test('the estate is blocked', () => {
    expect(blocked).toBe(true);
  });
});
