import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CLOUDS, CONTROLS, SEVERITIES, readRules, staleFiles, type RuleDoc } from '../../scripts/gen-docs';
import { opaBinary, policyDir } from '../../src/evaluate/paths';
import { schemaErrors } from '../../src/normalize/validate';
import { CONTROLS_MD, FIXTURES, ROOT } from './helpers';

const RULES_DIR = join(policyDir(), 'rules');
const rules: RuleDoc[] = readRules();

const dirs = (p: string): string[] => readdirSync(p).filter((f) => statSync(join(p, f)).isDirectory()).sort();

/** policies/rules/<cloud>/<service>/<rule>/ */
const ruleDirs: string[] = dirs(RULES_DIR).flatMap((cloud) =>
  dirs(join(RULES_DIR, cloud)).flatMap((service) => dirs(join(RULES_DIR, cloud, service)).map((rule) => join(cloud, service, rule))),
);

describe('rule conformance', () => {
  test('rules exist', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(ruleDirs.length).toBe(rules.length);
  });

  test.each(ruleDirs)('%s holds rule.rego and rule_test.rego only, in the package its path names', (dir) => {
    const files = readdirSync(join(RULES_DIR, dir)).sort();
    expect(files).toEqual(['rule.rego', 'rule_test.rego']);
    const pkg = `leakguard.rules.${dir.split('/').join('.')}`;
    expect(readFileSync(join(RULES_DIR, dir, 'rule.rego'), 'utf8')).toMatch(new RegExp(`^package ${pkg.replace(/\./g, '\\.')}$`, 'm'));
    expect(readFileSync(join(RULES_DIR, dir, 'rule_test.rego'), 'utf8')).toMatch(new RegExp(`^package ${pkg.replace(/\./g, '\\.')}_test$`, 'm'));
    expect(rules.find((r) => r.package === pkg)).toBeDefined();
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s has complete, valid METADATA', (_id, r) => {
    for (const field of ['id', 'title', 'description', 'control', 'cloud', 'severity', 'audit_component', 'remediation', 'construct', 'example'] as const) {
      expect({ field, value: r[field] }).toEqual({ field, value: expect.stringMatching(/\S/) });
    }
    expect(CONTROLS.map((c) => c.id)).toContain(r.control);
    expect(CLOUDS).toContain(r.cloud);
    expect(SEVERITIES).toContain(r.severity);
    expect(r.id.startsWith(`${r.cloud}-`)).toBe(true);
    expect(r.legal.length).toBeGreaterThan(0);
    for (const ref of r.legal) expect(ref).toMatch(/^Cal\. Civ\. Code §1798\.(100\(e\)|81\.5|150|155|199\.90|82)( |$)/);
    expect(r.description).toMatch(/Unknowns: \S/);
    expect(r.example).toMatch(/^(resource|data) "[a-z0-9_]+" "[a-z0-9_]+" \{$/m);
    expect(relative(ROOT, join(ROOT, r.file))).toBe(`policies/rules/${r.package.replace(/^leakguard\.rules\./, '').split('.').join('/')}/rule.rego`);
  });

  test('the construct each rule names exists in stacks/constructs', () => {
    const constructsDir = join(ROOT, 'stacks', 'constructs');
    const sources = dirs(constructsDir)
      .flatMap((d) => readdirSync(join(constructsDir, d)).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(constructsDir, d, f), 'utf8')))
      .join('\n');
    const missing = rules.filter((r) => !new RegExp(`^export class ${r.construct} `, 'm').test(sources)).map((r) => `${r.id}: ${r.construct}`);
    expect(missing).toEqual([]);
  });

  // OPA's WASM SDK formats sprintf with sprintf-js, which knows fewer verbs than Go: "%q" passed
  // opa test and threw in the engine. Every format string the policies write uses verbs both know.
  test('sprintf format strings use only verbs the WASM built-in knows', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.rego') && !e.name.endsWith('_test.rego') ? [join(dir, e.name)] : []));
    const verbs = new Map<string, string>();
    for (const f of files(policyDir())) {
      for (const m of readFileSync(f, 'utf8').matchAll(/sprintf\(\s*"((?:[^"\\]|\\.)*)"/g)) {
        for (const v of m[1].matchAll(/%(?:\d+\$)?[-+ 0#]*\d*(?:\.\d+)?([a-zA-Z%])/g)) verbs.set(v[1], relative(ROOT, f));
      }
    }
    expect(verbs.size).toBeGreaterThan(0);
    const unsupported = [...verbs].filter(([v]) => !'sdfv%'.includes(v));
    expect(unsupported).toEqual([]);
  });

  test('rule ids are unique', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(CONTROLS.map((c) => c.id))('control %s has AWS and Azure rules', (control) => {
    const clouds = new Set(rules.filter((r) => r.control === control).map((r) => r.cloud));
    expect([...clouds].sort()).toEqual(['aws', 'azure']);
  });

  test('third-party script control is advisory (low severity)', () => {
    const severities = new Set(rules.filter((r) => r.control === 'third-party-script-control').map((r) => r.severity));
    expect([...severities]).toEqual(['low']);
  });

  test('every rule has a failing fixture for the differential test', () => {
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(fixtures).toEqual(rules.map((r) => r.id).sort());
  });

  const catalogueIds = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/^\| ([a-z][a-z-]+) \|/gm)].map((m) => m[1]).filter((id) => id !== 'id');

  (existsSync(CONTROLS_MD) ? test : test.skip)('the control list matches design/controls.md followed by docs/controls.md (this repository\'s extension)', () => {
    expect(CONTROLS.map((c) => c.id)).toEqual([...catalogueIds(CONTROLS_MD), ...catalogueIds(join(ROOT, 'docs', 'controls.md'))]);
  });

  test('every configuration default is documented in docs/configuration.md', () => {
    const out = execFileSync(opaBinary(), ['eval', '--format', 'json', '-d', policyDir(), 'data.leakguard.lib.config.defaults'], { encoding: 'utf8' });
    const defaults = JSON.parse(out).result[0].expressions[0].value as Record<string, unknown>;
    const doc = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
    const undocumented = Object.keys(defaults).filter((key) => !doc.includes(`\`${key}`));
    expect(undocumented).toEqual([]);
  });
});

describe('documented configuration', () => {
  test('docs/examples/shop-config.json is a valid config file', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'docs', 'examples', 'shop-config.json'), 'utf8'));
    expect(schemaErrors('config', config)).toBeNull();
  });
});

describe('generated docs', () => {
  test('docs/rules.md and docs/rules/index.json are up to date (node dist/scripts/gen-docs.js)', () => {
    expect(staleFiles()).toEqual([]);
  });
});
