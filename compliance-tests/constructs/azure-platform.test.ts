import { TerraformStack } from 'cdktf';
import { DataAzurermSubscription } from '@cdktf/provider-azurerm/lib/data-azurerm-subscription';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ScopedRoleAssignment } from '../../stacks/constructs/azure/role-assignment';
import { AzureBaseline, AzureBaselineProps } from '../../stacks/constructs/azure/baseline';
import { BoundedWorkspace } from '../../stacks/constructs/azure/workspace';
import { NsgRule, RestrictedNsg } from '../../stacks/constructs/azure/network';
import { SecureFrontDoor, SecureFrontDoorProps } from '../../stacks/constructs/azure/front-door';
import { cleanup, only, ref, resources, synth, testStack } from './helpers';

afterAll(cleanup);

const azure = () => testStack({ aws: false, azure: true });
const SUB = '00000000-0000-4000-8000-000000000001';
const RG_SCOPE = `/subscriptions/${SUB}/resourceGroups/rg-shop`;
const assign = (stack: TerraformStack, scope: string, role = 'Storage Blob Data Reader') =>
  new ScopedRoleAssignment(stack, 'ra', { scope, principalId: 'p', roleDefinitionName: role });

describe('ScopedRoleAssignment', () => {
  test('accepts a built-in data role on a resource group', () => {
    const stack = azure();
    assign(stack, RG_SCOPE);
    expect(only(synth(stack), 'azurerm_role_assignment')).toMatchObject({ scope: RG_SCOPE, role_definition_name: 'Storage Blob Data Reader' });
  });

  test('accepts a reference to a resource group', () => {
    const stack = azure();
    assign(stack, new ResourceGroup(stack, 'rg', { name: 'rg', location: 'westus2' }).id);
    expect(only(synth(stack), 'azurerm_role_assignment').scope).toBe('${azurerm_resource_group.rg.id}');
  });
});

const raRejected: [string, (s: TerraformStack) => unknown, RegExp][] = [
  ['Owner', (s) => assign(s, RG_SCOPE, 'Owner'), /too privileged/],
  ['Contributor', (s) => assign(s, RG_SCOPE, 'Contributor'), /too privileged/],
  ['User Access Administrator', (s) => assign(s, RG_SCOPE, 'User Access Administrator'), /too privileged/],
  ['a subscription scope', (s) => assign(s, `/subscriptions/${SUB}`), /not a subscription/],
  ['a management-group scope', (s) => assign(s, '/providers/Microsoft.Management/managementGroups/root'), /not a subscription/],
  ['a reference to the subscription', (s) => assign(s, new DataAzurermSubscription(s, 'sub', {}).id), /subscription or management group/],
];
test.each(raRejected)('ScopedRoleAssignment rejects %s', (_name, build, message) => {
  expect(() => build(azure())).toThrow(message);
});

const baseline = (stack: TerraformStack, props: Partial<AzureBaselineProps> = {}) =>
  new AzureBaseline(stack, 'baseline', { regions: ['westus2', 'eastus'], resourceGroupName: 'rg-sec', workspaceName: 'law-central', ...props });

describe('AzureBaseline', () => {
  const stack = azure();
  baseline(stack);
  const out = synth(stack);

  test('exports the subscription activity log to the central workspace', () => {
    const d = only(out, 'azurerm_monitor_diagnostic_setting');
    expect(d.target_resource_id).toBe(`/subscriptions/${SUB}`);
    expect(d.log_analytics_workspace_id).toBe(ref(out, 'azurerm_log_analytics_workspace', 'id'));
    expect(d.enabled_log.map((l: { category: string }) => l.category)).toEqual(expect.arrayContaining(['Administrative', 'Security', 'Policy']));
  });

  test('the central workspace has bounded retention and is marked central', () => {
    const w = only(out, 'azurerm_log_analytics_workspace');
    expect(w.retention_in_days).toBe(365);
    expect(w.tags.purpose).toBe('central-audit');
  });

  test('Defender for Cloud Standard for storage, SQL and Key Vault', () => {
    const plans = Object.fromEntries(resources(out, 'azurerm_security_center_subscription_pricing').map((p) => [p.resource_type, p.tier]));
    expect(plans).toMatchObject({ StorageAccounts: 'Standard', SqlServers: 'Standard', KeyVaults: 'Standard' });
  });

  test('a Network Watcher in every region in use', () => {
    expect(resources(out, 'azurerm_network_watcher').map((w) => w.location).sort()).toEqual(['eastus', 'westus2']);
  });
});

const baselineRejected: [string, (s: TerraformStack) => unknown, RegExp][] = [
  ['leaving Key Vault on the free tier', (s) => baseline(s, { defenderPlans: ['StorageAccounts', 'SqlServers'] }), /KeyVaults cannot be left/],
  ['duplicate regions', (s) => baseline(s, { regions: ['westus2', 'westus2'] }), /duplicates/],
  ['a workspace retention above 400 days', (s) => baseline(s, { workspaceRetentionDays: 730 }), /retentionDays/],
  ['a malformed subscription id', (s) => baseline(s, { subscriptionId: 'prod' }), /GUID/],
  ['workspace retention below 30 days', (s) => new BoundedWorkspace(s, 'w', { name: 'law-x', resourceGroupName: 'rg', location: 'westus2', retentionDays: 7 }), /retentionDays/],
  ['a workspace maximum beyond Log Analytics limits', (s) => new BoundedWorkspace(s, 'w', { name: 'law-x', resourceGroupName: 'rg', location: 'westus2', maxRetentionDays: 1000 }), /maxRetentionDays/],
];
test.each(baselineRejected)('AzureBaseline rejects %s', (_name, build, message) => {
  expect(() => build(azure())).toThrow(message);
});

const nsgRule = (r: Partial<NsgRule>): NsgRule => ({ name: 'r', priority: 100, protocol: 'Tcp', ports: [443], peers: ['10.0.0.0/16'], ...r });
const nsg = (stack: TerraformStack, rules: { inbound?: NsgRule[]; outbound?: NsgRule[] }) =>
  new RestrictedNsg(stack, 'nsg', { name: 'nsg-app', resourceGroupName: 'rg', location: 'westus2', ...rules });

describe('RestrictedNsg', () => {
  const stack = azure();
  nsg(stack, { inbound: [nsgRule({ name: 'Web', peers: ['Internet'] })], outbound: [nsgRule({ name: 'Sql', ports: [1433], peers: ['Sql.WestUS2'] })] });
  const out = synth(stack);

  test('closes outbound internet explicitly (Azure allows it by default)', () => {
    expect(resources(out, 'azurerm_network_security_rule').find((r) => r.name === 'DenyInternetOutbound')).toMatchObject({ access: 'Deny', direction: 'Outbound', destination_address_prefix: 'Internet' });
  });

  test('allow rules name explicit peers and ports', () => {
    const sqlRule = resources(out, 'azurerm_network_security_rule').find((r) => r.name === 'Sql')!;
    expect(sqlRule).toMatchObject({ access: 'Allow', direction: 'Outbound', destination_address_prefixes: ['Sql.WestUS2'], destination_port_ranges: ['1433'] });
  });
});

const nsgRejected: [string, { inbound?: NsgRule[]; outbound?: NsgRule[] }, RegExp][] = [
  ['outbound Allow to Internet', { outbound: [nsgRule({ peers: ['Internet'] })] }, /outbound Allow to the internet/],
  ['outbound Allow to *', { outbound: [nsgRule({ peers: ['*'] })] }, /outbound Allow to the internet/],
  ['outbound Allow to 0.0.0.0/0', { outbound: [nsgRule({ peers: ['0.0.0.0/0'] })] }, /outbound Allow to the internet/],
  ['inbound RDP from the internet', { inbound: [nsgRule({ ports: [3389], peers: ['Internet'] })] }, /only on tcp 80\/443/],
  ['any protocol', { inbound: [nsgRule({ protocol: '*' as 'Tcp' })] }, /Tcp or Udp/],
  ['any port', { inbound: [nsgRule({ ports: ['*'] })] }, /ports must be explicit/],
  ['a priority that shadows the closing deny', { inbound: [nsgRule({ priority: 4096 })] }, /priority/],
];
test.each(nsgRejected)('RestrictedNsg rejects %s', (_name, rules, message) => {
  expect(() => nsg(azure(), rules)).toThrow(message);
});

const frontDoor = (stack: TerraformStack, props: Partial<SecureFrontDoorProps> = {}) =>
  new SecureFrontDoor(stack, 'fd', { name: 'fdshop', resourceGroupName: 'rg', appOriginHost: 'app.example.com', workspaceId: '/subscriptions/x/workspaces/w', ...props });

describe('SecureFrontDoor', () => {
  const stack = azure();
  frontDoor(stack, { scriptSources: ['https://js.stripe.com'] });
  const out = synth(stack);
  const routes = Object.fromEntries(resources(out, 'azurerm_cdn_frontdoor_route').map((r) => [r.name, r]));

  test('authenticated routes have no cache block and accept HTTPS only', () => {
    for (const name of ['checkout', 'authenticated']) {
      expect(routes[name].cache).toBeUndefined();
      expect(routes[name].supported_protocols).toEqual(['Https']);
      expect(routes[name].forwarding_protocol).toBe('HttpsOnly');
    }
    expect([...routes.checkout.patterns_to_match, ...routes.authenticated.patterns_to_match].sort()).toEqual(['/account/*', '/api/*', '/checkout/*']);
  });

  test('static content is cached and redirected to HTTPS', () => {
    expect(routes.static.cache).toBeDefined();
    expect(routes.static.https_redirect_enabled).toBe(true);
  });

  test('checkout/account routes carry the CSP rule set without wildcard or inline script', () => {
    expect(routes.checkout.cdn_frontdoor_rule_set_ids).toEqual([ref(out, 'azurerm_cdn_frontdoor_rule_set', 'id')]);
    const header = only(out, 'azurerm_cdn_frontdoor_rule').actions.response_header_action.find((h: { header_name: string }) => h.header_name === 'Content-Security-Policy');
    expect(header.value).toContain("script-src 'self' https://js.stripe.com;");
    expect(header.value).not.toMatch(/unsafe-inline|\s\*/);
  });

  test('a Prevention-mode WAF is bound to the endpoint by a security policy', () => {
    expect(only(out, 'azurerm_cdn_frontdoor_firewall_policy')).toMatchObject({ mode: 'Prevention', enabled: true });
    const firewall = only(out, 'azurerm_cdn_frontdoor_security_policy').security_policies.firewall;
    expect(firewall.cdn_frontdoor_firewall_policy_id).toBe(ref(out, 'azurerm_cdn_frontdoor_firewall_policy', 'id'));
    expect(firewall.association.domain[0].cdn_frontdoor_domain_id).toBe(ref(out, 'azurerm_cdn_frontdoor_endpoint', 'id'));
  });
});

const fdRejected: [string, Partial<SecureFrontDoorProps>, RegExp][] = [
  ['a Detection-mode WAF', { wafMode: 'Detection' as 'Prevention' }, /use Prevention/],
  ['a wildcard script source', { scriptSources: ['https://*.cdn.example'] }, /exact https origin/],
  ['no authenticated patterns', { authenticatedPatterns: [] }, /must not be empty/],
  ['a script-restricted pattern that would be cached', { scriptRestrictedPatterns: ['/profile/*'] }, /must also be authenticated/],
];
test.each(fdRejected)('SecureFrontDoor rejects %s', (_name, props, message) => {
  expect(() => frontDoor(azure(), props)).toThrow(message);
});
