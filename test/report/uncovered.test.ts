// Resources no rule reads are never a silent pass: the decision counts them by type, every
// report says so, and an input of nothing but such resources is "NOT CHECKED", not "PASSED".
// The covered types come from the rule sources (policies/lib/coverage.rego, generated).
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

async function checkFormats(tf: string) {
  const dir = writeTree({ 'infra/main.tf': tf });
  const out = (name: string) => join(dir, name);
  const r = await run('check', join(dir, 'infra'), '--today', '2026-11-28', '--format', 'text', '--format', `json=${out('d.json')}`, '--format', `markdown=${out('c.md')}`, '--format', `junit=${out('j.xml')}`, '--format', `github=${out('g.txt')}`, '--format', `sarif=${out('r.sarif')}`);
  const read = (name: string) => require('node:fs').readFileSync(out(name), 'utf8') as string;
  return { r, json: JSON.parse(read('d.json')), md: read('c.md'), junit: read('j.xml'), github: read('g.txt'), sarif: JSON.parse(read('r.sarif')) };
}

describe('resources not covered by any rule', () => {
  test('an input of only uncovered resources is NOT CHECKED in every report', async () => {
    const { r, json, md, junit, github, sarif } = await checkFormats(UNCOVERED_ONLY);
    expect(json.summary.uncovered).toEqual({ resources: 3, managed: 3, by_type: { random_password: 2, azapi_resource: 1 } });
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

  test('a partly covered input passes and still says what was not covered', async () => {
    const { r, json } = await checkFormats(MIXED);
    expect(json.summary.uncovered).toEqual({ resources: 3, managed: 4, by_type: { random_password: 2, azapi_resource: 1 } });
    expect(r.stdout).not.toMatch(/NOT CHECKED/);
    expect(r.stdout).toContain('3 resource(s) not covered by any rule');
  });
});
