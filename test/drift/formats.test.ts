import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../schemas/drift-report.schema.json';
import decisionSchema from '../../schemas/decision.schema.json';
import inputSchema from '../../schemas/policy-input.schema.json';
import { DRIFT, EMULATOR, run, SECRETS, tempDir } from './helpers';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// The report's config is the decision's ConfigUsed (which refers to the input schema).
ajv.addSchema(inputSchema).addSchema(decisionSchema);
const validate = ajv.compile(schema);

const PLAN = join(EMULATOR, 'drift-plan.json');

describe('report formats', () => {
  test('JSON validates against schemas/drift-report.schema.json for every fixture', async () => {
    for (const plan of [PLAN, join(EMULATOR, 'nodrift-plan.json'), join(DRIFT, 'refresh-only-benign-tags.json'), join(DRIFT, 'refresh-only-retention-and-rotation-off.json')]) {
      const r = await run('drift', plan, '-f', 'json', '--now', '2026-11-28T08:00:00Z');
      const doc = JSON.parse(r.stdout);
      expect({ plan, errors: validate(doc) ? null : validate.errors }).toEqual({ plan, errors: null });
    }
  });

  test('a secret in the fixture never reaches any output: markdown, JSON, HTML, stderr or the history file', async () => {
    const raw = readFileSync(PLAN, 'utf8');
    for (const s of SECRETS) expect(raw).toContain(s);
    const dir = tempDir();
    const history = join(dir, 'history.json');
    for (const format of ['markdown', 'json', 'html']) {
      const output = join(dir, `report.${format}`);
      const r = await run('drift', PLAN, '-f', format, '--output', output, '--history', history, '--now', '2026-11-28T08:00:00Z');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^leakguard drift: 4 drifted resources of 4 .* Report: /);
      for (const s of SECRETS) expect(r.stderr).not.toContain(s);
    }
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const s of SECRETS) expect({ file, leaks: text.includes(s) }).toEqual({ file, leaks: false });
    }
    expect(readFileSync(join(dir, 'report.markdown'), 'utf8')).toContain('| `value` | `"(sensitive)"` | `"(sensitive)"` | sensitive |');
  });

  test('markdown starts with the issue marker and leads with the summary', async () => {
    const r = await run('drift', PLAN, '--now', '2026-11-28T08:00:00Z');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('<!-- leakguard-drift-report -->');
    expect(lines[1]).toBe('## Leakguard drift report: Drift introduces policy violations');
    // How many findings the drift introduces grows with the rule set; the shape does not.
    expect(r.stdout).toMatch(/\n\*\*4 drifted resources of 4 \(3 changed, 1 deleted out of band, 0 unmanaged\); \d+ policy findings? introduced by drift \(\d+ violating\)\.\*\*\n/);
    expect(r.stdout).toContain("¹ California's Cal. Civ. Code §1798.82 sets no fixed number of hours; 72 h is an internal target (GDPR Art. 33).");
  });

  test('HTML is one self-contained page: inline CSS and SVG, no script, no external asset', async () => {
    const r = await run('drift', PLAN, '-f', 'html', '--now', '2026-11-28T08:00:00Z');
    const html = r.stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('aria-label="Drifted resources by control"');
    expect(html).toContain('aria-label="Drifted resources by age (since first seen)"');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html.match(/https?:\/\/[^"\s<]*/g) ?? []).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
    expect(html).toContain('<p id="summary">4 drifted resources of 4');
  });
});
