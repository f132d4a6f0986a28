// Resources no rule reads are never a silent pass: the decision counts them by type, every
// report says so, and an input of nothing but such resources is refused (exit 2: nothing was
// checked) unless the config accepts it, and then reads "NOT CHECKED", never "PASSED".
// The covered types come from the rule sources (policies/lib/coverage.rego, generated).
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { run, writeTree } from '../helpers/cli';

const UNCOVERED_ONLY = `
resource "random_password" "db" {
  length = 32
}

resource "random_password" "api" {
  length = 32
}

resource "azapi_resource" "site" {
  type      = "Microsoft.Web/sites@2023-12-01"
  name      = "app"
  parent_id = "/subscriptions/3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b/resourceGroups/rg-x"
  body      = { properties = { httpsOnly = false } }
}
`;

const MIXED = `${UNCOVERED_ONLY}
resource "azurerm_redis_cache" "ok" {
  name                          = "redis-ok"
  location                      = "westeurope"
  resource_group_name           = "rg-x"
  capacity                      = 1
  family                        = "C"
  sku_name                      = "Standard"
  public_network_access_enabled = false
  tags                          = { "data-classification" = "internal", owner = "o", environment = "prod" }
}
`;

async function checkFormats(tf: string, ...options: string[]) {
  const dir = writeTree({ 'infra/main.tf': tf });
  const out = (name: string) => join(dir, name);
  const r = await run('check', join(dir, 'infra'), ...options, '--today', '2026-11-28', '--format', 'text', '--format', `json=${out('d.json')}`, '--format', `markdown=${out('c.md')}`, '--format', `junit=${out('j.xml')}`, '--format', `github=${out('g.txt')}`, '--format', `sarif=${out('r.sarif')}`);
  const read = (name: string) => require('node:fs').readFileSync(out(name), 'utf8') as string;
  return { r, json: JSON.parse(read('d.json')), md: read('c.md'), junit: read('j.xml'), github: read('g.txt'), sarif: JSON.parse(read('r.sarif')) };
}

describe('resources not covered by any rule', () => {
  test('an input of only uncovered resources is refused: exit 2, one line naming the uncovered types', async () => {
    const dir = writeTree({ 'infra/main.tf': UNCOVERED_ONLY });
    const r = await run('check', join(dir, 'infra'), '--format', `json=${join(dir, 'd.json')}`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `leakguard: ${join(dir, 'infra')}: nothing was checked: none of the 3 resource(s) is of a type any rule reads (random_password 2, azapi_resource 1); set "allow_not_checked": true under "policy" in the config to accept such an input`,
    ]);
    // No report claims anything about an input that was not checked.
    expect(existsSync(join(dir, 'd.json'))).toBe(false);
  });

  test('accepted by the config (policy.allow_not_checked), it is NOT CHECKED in every report, and says it was accepted', async () => {
    const config = join(writeTree({ 'accept.json': { policy: { allow_not_checked: true } } }), 'accept.json');
    const { r, json, md, junit, github, sarif } = await checkFormats(UNCOVERED_ONLY, '--config', config);
    expect(r.code).toBe(0);
    expect(json.summary.uncovered).toEqual({ resources: 3, managed: 3, by_type: { random_password: 2, azapi_resource: 1 }, not_checked_allowed: true });
    expect(r.stdout).toContain('(nothing was checked; accepted by policy.allow_not_checked in the config)');
    expect(r.stdout).toMatch(/NOT CHECKED/);
    expect(r.stdout).not.toMatch(/PASSED/);
    expect(r.stdout).toContain('3 resource(s) not covered by any rule: random_password 2, azapi_resource 1');
    expect(md).toContain('checked nothing');
    expect(md).not.toContain('Leakguard passed');
    expect(md).toContain('3 resource(s) not covered by any rule');
    expect(github).toMatch(/::notice title=Leakguard::NOT CHECKED/);
    expect(github).toMatch(/::warning title=Leakguard coverage::3 resource\(s\) not covered/);
    expect(junit).toContain('<testsuite name="not-covered" tests="2" failures="0" errors="0" skipped="2">');
    expect(junit).toContain('2 resource(s) of type random_password not covered by any rule');
    expect(sarif.runs[0].properties.summary.uncovered.resources).toBe(3);
  });

  test('a partly covered input is judged, not refused, and still says what was not covered', async () => {
    const { r, json } = await checkFormats(MIXED);
    // Judged by its findings (the Azure estate rules find something here), never exit 2.
    expect(r.code).toBe(1);
    expect(json.summary.uncovered).toEqual({ resources: 3, managed: 4, by_type: { random_password: 2, azapi_resource: 1 }, not_checked_allowed: false });
    expect(r.stdout).not.toMatch(/NOT CHECKED|accepted/);
    expect(r.stdout).toContain('3 resource(s) not covered by any rule');
  });

  // The class: any input whose resources are all of types no rule reads is refused, naming
  // exactly those types and counts; one covered resource among them and it is judged instead.
  test('generated inputs: exit 2 exactly when no resource is covered, naming every uncovered type with its count', async () => {
    const uncovered = ['random_password', 'random_id', 'null_resource', 'time_sleep', 'tls_private_key'];
    const covered = 'resource "azurerm_redis_cache" "covered" {\n  name = "redis-x"\n  location = "westeurope"\n  resource_group_name = "rg"\n  capacity = 1\n  family = "C"\n  sku_name = "Standard"\n}\n';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...uncovered), { minLength: 1, maxLength: 6 }), fc.boolean(), async (types, withCovered) => {
        const tf = types.map((t, i) => `resource "${t}" "r${i}" {}\n`).join('') + (withCovered ? covered : '');
        const dir = writeTree({ 'infra/main.tf': tf });
        const r = await run('check', join(dir, 'infra'));
        if (withCovered) {
          expect(r.code).not.toBe(2);
          return;
        }
        const counts = new Map<string, number>();
        for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
        const listed = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([t, n]) => `${t} ${n}`).join(', ');
        expect(r.code).toBe(2);
        expect(r.stderr.trimEnd().split('\n')).toEqual([
          `leakguard: ${join(dir, 'infra')}: nothing was checked: none of the ${types.length} resource(s) is of a type any rule reads (${listed}); set "allow_not_checked": true under "policy" in the config to accept such an input`,
        ]);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
