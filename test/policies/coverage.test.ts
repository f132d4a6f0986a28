// The "not covered by any rule" count is only as honest as the derived list of types the rules
// read (scripts/coverage.ts). Every type any policy source asks for by name, in a rule or in a
// helper of any lib package a rule calls, must be in it: a type read only through a lib other than
// resources.rego (stores.rego's backup selections, DLM policies) was counted as uncovered.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deriveCoverage } from '../../scripts/coverage';

const POLICIES = join(__dirname, '..', '..', 'policies');

function regoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? regoFiles(p) : f.endsWith('.rego') && !f.endsWith('_test.rego') ? [p] : [];
  });
}

// The managed resource types the rules read attributes of (the generated attribute-type map).
const typed = Object.keys((JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'normalize', 'attribute-types.json'), 'utf8')) as { types: Record<string, unknown> }).types).filter((t) => !t.startsWith('data.'));

test('every resource type a policy source names outside comments is covered', () => {
  const covered = new Set(deriveCoverage(POLICIES).types);
  const named = new Set<string>();
  for (const f of regoFiles(POLICIES).filter((f) => !/[\\/](config|coverage)\.rego$/.test(f))) {
    const code = readFileSync(f, 'utf8').split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
    for (const m of code.matchAll(/"((?:aws|azurerm|azapi)_[a-z0-9_]+)"/g)) named.add(m[1]);
  }
  const types = [...named].filter((t) => typed.includes(t));
  expect(types.length).toBeGreaterThan(150);
  expect(types.filter((t) => !covered.has(t)).sort()).toEqual([]);
});

test('setting names are not types', () => {
  expect(deriveCoverage(POLICIES).types.filter((t) => t.endsWith('_types'))).toEqual([]);
});
