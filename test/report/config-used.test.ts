// Every report says which config the run used, whatever its format: each of check's formats
// and each of drift's, looped over the format lists so a new format cannot leave it out.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftFormatters } from '../../src/drift/format';
import { formatters } from '../../src/report';
import { run, writeTree } from '../helpers/cli';

const LEAKY = join(__dirname, '..', 'package', 'fixtures', 'leaky-hcl');
const DRIFT_PLAN = join(__dirname, '..', 'drift', 'fixtures', 'emulator', 'drift-plan.json');
const DISABLED = /none \(disabled\)|"origin": ?"disabled"/;

async function checkReports(...options: string[]): Promise<Record<string, string>> {
  const dir = writeTree({});
  const file = (name: string) => join(dir, `report.${name}`);
  const r = await run('check', LEAKY, ...options, ...formatters.flatMap((f) => ['--format', `${f.name}=${file(f.name)}`]));
  expect(r.code).toBe(1);
  return Object.fromEntries(formatters.map((f) => [f.name, readFileSync(file(f.name), 'utf8')]));
}

async function driftReports(...options: string[]): Promise<Record<string, string>> {
  const dir = writeTree({});
  mkdirSync(join(dir, 'orders'));
  copyFileSync(DRIFT_PLAN, join(dir, 'orders', 'plan.json'));
  const out: Record<string, string> = {};
  for (const f of driftFormatters) {
    const r = await run('drift', join(dir, 'orders', 'plan.json'), '--now', '2026-12-01T00:00:00Z', '--format', f.name, ...options);
    expect({ format: f.name, code: r.code === 0 || r.code === 1 }).toEqual({ format: f.name, code: true });
    out[f.name] = r.stdout;
  }
  return out;
}

describe('every report names the config it used', () => {
  const config = () => join(writeTree({ 'team-leakguard.json': { policy: {} } }), 'team-leakguard.json');

  test('check: every format names the --config file, and says when there is none', async () => {
    for (const [format, text] of Object.entries(await checkReports('--config', config()))) expect({ format, named: text.includes('team-leakguard.json') }).toEqual({ format, named: true });
    for (const [format, text] of Object.entries(await checkReports())) expect({ format, says: DISABLED.test(text) }).toEqual({ format, says: true });
  });

  test('drift: every format names the --config file, and says when there is none', async () => {
    for (const [format, text] of Object.entries(await driftReports('--config', config()))) expect({ format, named: text.includes('team-leakguard.json') }).toEqual({ format, named: true });
    for (const [format, text] of Object.entries(await driftReports('--no-config'))) expect({ format, says: DISABLED.test(text) }).toEqual({ format, says: true });
  });
});
