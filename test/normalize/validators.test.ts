import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { check } from '../../src/check';
import { PRECOMPILED_DEFINITIONS, SCHEMAS_SHA256, standaloneValidators, validator, type SchemaName } from '../../src/normalize/validate';
import { PLANS } from '../helpers/cli';

// `npm run build` compiles the schemas' validators to code (scripts/gen-validators.ts) so a
// run neither loads Ajv nor compiles a schema. They must judge every document exactly as
// the validators Ajv compiles at run time (which Jest, running from src/, uses).

function precompiled(): Record<string, ValidateFunction> & { schemas_sha256: string } {
  const exports: Record<string, unknown> = {};
  // The generated module is CommonJS: run it with this file's require (the project's node_modules).
  new Function('exports', 'require', standaloneValidators())(exports, require);
  return exports as Record<string, ValidateFunction> & { schemas_sha256: string };
}

const firstError = (v: ValidateFunction, doc: unknown): string => (v(doc) ? 'valid' : `${v.errors?.[0]?.instancePath} ${v.errors?.[0]?.message}`);

test('precompiled validators judge documents as the run-time ones, first error included', async () => {
  const pre = precompiled();
  expect(pre.schemas_sha256).toBe(SCHEMAS_SHA256);
  const { input, decision } = await check([join(PLANS, 'aws-s3-bucket-policy-tf1.0.json')], { today: '2026-11-28' });
  const key = Object.keys(input.resources)[0];
  const docs: Array<[SchemaName, (d: Record<string, any>) => void]> = [
    ['policy-input', () => undefined],
    ['policy-input', (d) => delete d.resources[key].key],
    ['policy-input', (d) => (d.resources[key].mode = 'bogus')],
    ['policy-input', (d) => (d.resources[key].tags = { a: 1 })],
    ['policy-input', (d) => (d.resources[key].extra = true)],
    ['policy-input', (d) => (d.by_type = [])],
    ['decision', () => undefined],
    ['decision', (d) => (d.summary.findings = 'many')],
    ['decision', (d) => d.findings.push({ rule_id: 1 })],
    ['decision', (d) => (d.waivers = [{ waiver: { rule: 'x', reason: 'r', owner: 'o', expires: 'not a date' }, status: 'unused', matched: [] }])],
  ];
  for (const [name, change] of docs) {
    const doc = JSON.parse(JSON.stringify(name === 'decision' ? decision : input)) as Record<string, any>;
    change(doc);
    expect(firstError(pre[name], doc)).toBe(firstError(validator(name), doc));
  }
  expect(firstError(pre.decision, JSON.parse(JSON.stringify(decision)))).toBe('valid');
  for (const name of ['config', 'drift-report', 'drift-estate', 'fix', 'runbook'] as SchemaName[]) {
    for (const doc of [{}, [], null, { schema_version: '1' }]) expect(firstError(pre[name], doc)).toBe(firstError(validator(name), doc));
  }
});

test('definitions validated on their own: precompiled where the sources name them, and judged as at run time', async () => {
  // Every `'<schema>', …, '#/definitions/X'` the sources validate against is in the list.
  const named = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.ts')) for (const m of readFileSync(join(dir, e.name), 'utf8').matchAll(/'([a-z-]+)',[^)\n]*'(#\/definitions\/\w+)'/g)) named.add(`${m[1]}${m[2]}`);
    }
  };
  walk(join(__dirname, '..', '..', 'src'));
  expect(named.size).toBeGreaterThan(3);
  const listed = new Set(PRECOMPILED_DEFINITIONS.map(([name, ref]) => `${name}${ref}`));
  expect([...named].filter((n) => !listed.has(n))).toEqual([]);
  const pre = precompiled();
  const { input, decision } = await check([join(PLANS, 'aws-s3-bucket-policy-tf1.0.json')], { today: '2026-11-28' });
  const resource = Object.values(input.resources)[0];
  const cases: Array<[string, unknown]> = [
    ['policy-input#/definitions/Resource', resource],
    ['policy-input#/definitions/Resource', { ...resource, region: 7 }],
    ['policy-input#/definitions/Resource', { ...resource, referenced_by: [{ key: 'x' }] }],
    ['decision#/definitions/Finding', decision.findings[0]],
    ['decision#/definitions/Finding', { ...decision.findings[0], blocking: 'yes' }],
    ['decision#/definitions/Finding', {}],
  ];
  for (const [id, doc] of cases) {
    const [name, ref] = id.split('#');
    expect([id, firstError(pre[id], doc)]).toEqual([id, firstError(validator(name as SchemaName, `#${ref}` as `#/definitions/${string}`), doc)]);
  }
  expect(firstError(pre['policy-input#/definitions/Resource'], resource)).toBe('valid');
});
