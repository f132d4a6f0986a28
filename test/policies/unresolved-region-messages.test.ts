// A configuration whose provider names no region (it comes from the environment at apply
// time) leaves every resource's region unresolved. A finding then said "Data Catalog (null)"
// (an audit); five other rules printed the region the same way. Every AWS rule's failing HCL
// fixture with its provider's region removed: the rule still reports it, and no finding of any
// rule prints a missing value (null, undefined, Go's %!v(<nil>)).
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check';
import { tempDir } from '../helpers/cli';
import { hclFixtures } from './hcl/fixtures';

const TODAY = '2026-11-28';
const REGION_LINE = /^\s*region\s*=\s*"[^"]*"\s*$/gm;
const fixtures = hclFixtures().filter((f) => f.ruleId.startsWith('aws-') && new RegExp(REGION_LINE.source, 'm').test(f.text));
const MISSING = /\bnull\b|\bundefined\b|%!|<nil>/;

const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  for (const k of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
});

test('there are fixtures to read', () => {
  expect(fixtures.length).toBeGreaterThan(100);
});

test.each(fixtures.map((f) => [f.ruleId, f] as const))('%s without a provider region', async (ruleId, f) => {
  const dir = join(tempDir('leakguard-noregion-'), ruleId);
  cpSync(f.dir, dir, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tf'))) {
    const file = join(dir, name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(REGION_LINE, ''));
  }
  const { decision } = await check([dir], { configPath: f.configPath, today: TODAY });
  // A regional rule's subject is a region; without regions it may rightly have none.
  if (!/^(region|estate):/.test(f.expected)) expect(decision.findings.some((x) => x.rule_id === ruleId)).toBe(true);
  expect(decision.findings.filter((x) => MISSING.test(x.message)).map((x) => `${x.rule_id}: ${x.message}`)).toEqual([]);
});
