// Every data-store resource type in the one list (policies/lib/data_stores.rego) has a rule for
// each required check: public reachability and encryption at rest; every AWS and Azure type has all five
// checks decided. A rule says what it checks
// in METADATA (custom.data_stores: {check, types}, or a list of them); a check that cannot apply is marked
// not_applicable with its reason, and a missing rule can only be a listed, printed known gap.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { coverage, readDataStores, readRules } from '../../scripts/gen-docs';
import { policyDir, projectRoot } from '../../src/evaluate/paths';

const rules = readRules();
const stores = readDataStores();
const cov = coverage(rules);
const types = Object.keys(stores.types).sort();
const LIB = join(policyDir(), 'lib');
const libText = readdirSync(LIB)
  .filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego'))
  .map((f) => readFileSync(join(LIB, f), 'utf8'))
  .join('\n');

afterAll(() => {
  const gaps = Object.entries(stores.known_gaps).flatMap(([type, checks]) => Object.entries(checks).map(([check, why]) => `  gap ${type} ${check}: ${why}`));
  process.stdout.write([`data stores: ${types.length} types, ${rules.filter((r) => r.data_stores).length} rules declare a data-store check; ${gaps.length} known gaps`, ...gaps].join('\n') + '\n');
});

describe('data-store conformance', () => {
  test('the list is not empty and every check named is a known kind', () => {
    expect(types.length).toBeGreaterThan(0);
    for (const check of stores.required) expect(stores.checks).toContain(check);
    for (const m of [stores.not_applicable, stores.known_gaps]) {
      for (const [type, checks] of Object.entries(m)) {
        expect(types).toContain(type);
        for (const check of Object.keys(checks)) expect(stores.checks).toContain(check);
      }
    }
  });

  test.each(types)('%s has a rule for every required check (or a stated reason why not)', (type) => {
    const missing = stores.required.filter((check) => (cov.get(type)?.get(check) ?? []).length === 0);
    const unexplained = missing.filter((check) => !stores.not_applicable[type]?.[check] && !stores.known_gaps[type]?.[check]);
    expect({ type, unexplained }).toEqual({ type, unexplained: [] });
  });

  // Every check, not only the required ones, is decided for every AWS and Azure type: a rule, a
  // stated reason it cannot apply, or a known gap (printed above on every run).
  test.each(types.filter((type) => type.startsWith('aws_') || type.startsWith('azurerm_')))('%s has every check decided (rule, n/a or known gap)', (type) => {
    const undecided = stores.checks.filter(
      (check) => (cov.get(type)?.get(check) ?? []).length === 0 && !stores.not_applicable[type]?.[check] && !stores.known_gaps[type]?.[check],
    );
    expect({ type, undecided }).toEqual({ type, undecided: [] });
  });

  test.each(types)('%s: a known gap or not-applicable mark is dropped once a rule covers it', (type) => {
    const stale = [...Object.keys(stores.known_gaps[type] ?? {}), ...Object.keys(stores.not_applicable[type] ?? {})].filter(
      (check) => (cov.get(type)?.get(check) ?? []).length > 0,
    );
    expect({ type, stale }).toEqual({ type, stale: [] });
  });

  test.each(rules.filter((r) => r.data_stores).map((r) => [r.id, r] as const))('%s declares known checks for listed types its Rego reads', (_id, r) => {
    const declared = r.data_stores!;
    expect(declared.length).toBeGreaterThan(0);
    // One entry per check: a check declared twice would hide which types it covers.
    expect(new Set(declared.map((d) => d.check)).size).toBe(declared.length);
    const source = readFileSync(join(projectRoot(), r.file), 'utf8').replace(/^#.*$/gm, '');
    for (const d of declared) {
      expect(stores.checks).toContain(d.check);
      expect(d.types.length).toBeGreaterThan(0);
      for (const type of d.types) {
        expect(types).toContain(type);
        // The rule (or the shared library it calls) names the type outside its METADATA.
        expect({ type, read: source.includes(`"${type}`) || libText.includes(`"${type}"`) }).toEqual({ type, read: true });
      }
    }
  });
});
