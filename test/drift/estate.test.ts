import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { mergeReports, NO_REPORT } from '../../src/drift/estate/merge';
import type { StackReport } from '../../src/drift/estate/read';
import { loadHistory } from '../../src/drift/history';
import { ISSUE_MARKER } from '../../src/drift/format/markdown';
import { schemaErrors } from '../../src/normalize/validate';
import type { DriftEstateReport } from '../../src/types/drift-estate';
import type { DriftHistory, DriftReport } from '../../src/types/drift-report';
import { DRIFT, EMULATOR, run, tempDir, writeTree } from './helpers';

// The real drift fixtures split over five stacks: two refresh-only plans of the same root module
// (retention and rotation turned off; benign tags), its state against its code, and the
// emulator's plans (a public access block deleted; no drift).
const T1 = '2026-11-27T01:00:00Z';
const T2 = '2026-11-28T08:00:00Z';
const T3 = '2026-11-29T09:30:00Z';

const PLANS: Record<string, string> = {
  'kms-logs': join(DRIFT, 'refresh-only-retention-and-rotation-off.json'),
  'kms-benign': join(DRIFT, 'refresh-only-benign-tags.json'),
  shop: join(EMULATOR, 'drift-plan.json'),
  'shop-clean': join(EMULATOR, 'nodrift-plan.json'),
};

/** One stack's job: `leakguard drift --stack-name <stack> --format json --output <dir>/<stack>.json`. */
async function stackReport(dir: string, stack: string, plan: string, now = T1): Promise<string> {
  const out = join(dir, `${stack}.json`);
  const r = await run('drift', plan, '--stack-name', stack, '--now', now, '--format', 'json', '--output', out);
  expect(r.code === 0 || r.code === 1).toBe(true);
  return out;
}

/** The state fixture against the code it was applied from, as a stack named by its folder. */
async function stateReport(dir: string): Promise<string> {
  const code = writeTree({ 'kms-state/main.tf': readFileSync(join(DRIFT, 'main.tf.txt'), 'utf8') });
  const out = join(dir, 'kms-state.json');
  const r = await run('drift', '--state', join(DRIFT, 'state-kms-loggroup.json'), '--config-dir', join(code, 'kms-state'), '--now', T1, '--format', 'json', '--output', out);
  expect(r.code).toBe(0);
  return out;
}

const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

async function merge(...args: string[]): Promise<{ code: number; stderr: string; stdout: string; report?: DriftEstateReport }> {
  const r = await run('drift', 'merge', ...args);
  return { ...r, report: r.code === 2 ? undefined : (JSON.parse(r.stdout) as DriftEstateReport) };
}

describe('leakguard drift merge: the real drift fixtures over several stacks', () => {
  let dir: string;
  let files: Record<string, string>;
  beforeAll(async () => {
    dir = tempDir('leakguard-estate-');
    files = {};
    for (const [stack, plan] of Object.entries(PLANS)) files[stack] = await stackReport(dir, stack, plan);
    files['kms-state'] = await stateReport(dir);
  });

  test('one estate report: every stack, every drifted resource and finding under its stack key, the worst verdict', async () => {
    const expect_ = join(tempDir(), 'stacks.json');
    writeFileSync(expect_, JSON.stringify(Object.keys(files).map((stack) => ({ stack, dir: `x/${stack}`, source: 'hcl' }))));
    const m = await merge(...Object.values(files), '--expect', expect_, '--now', T2, '--format', 'json');
    expect(m.stderr).toMatch(/^leakguard drift merge: 5 stacks of 5 checked; \d+ drifted resources/);
    const r = m.report!;
    expect(schemaErrors('drift-estate', r)).toBeNull();
    expect(m.code).toBe(1);
    expect(r.status).toBe('violating-drift');
    expect(r.stacks.map((s) => [s.stack, s.status])).toEqual([
      ['kms-logs', 'violating-drift'],
      ['kms-benign', 'benign-drift'],
      ['shop', 'violating-drift'],
      ['shop-clean', 'clean'],
      ['kms-state', 'clean'],
    ]);
    const reports = Object.fromEntries(Object.entries(files).map(([s, f]) => [s, readJson<DriftReport>(f)]));
    // Nothing lost, nothing invented: the union of the stacks' resources and findings.
    expect(r.resources.map((d) => d.key).sort()).toEqual(Object.values(reports).flatMap((x) => x.resources.map((d) => d.key)).sort());
    const introduced = (xs: Array<{ status: string; fingerprint: string }>) => xs.filter((f) => f.status === 'introduced').map((f) => f.fingerprint).sort();
    expect(introduced(r.findings)).toEqual(introduced(Object.values(reports).flatMap((x) => x.findings)));
    expect(r.resources.filter((d) => d.stack === 'kms-logs').map((d) => d.key).sort()).toEqual(['kms-logs/aws_cloudwatch_log_group.accounts', 'kms-logs/aws_kms_key.logs']);
    expect(r.summary).toMatchObject({ stacks: 5, checked: 5, not_checked: 0, drifted: r.resources.length, by_stack: { 'kms-logs': 2, 'kms-benign': 1, 'shop-clean': 0, 'kms-state': 0 } });
    expect(r.summary.resources).toBe(Object.values(reports).reduce((n, x) => n + x.summary.resources, 0));
    // The windows are the merge's: one hour... here 31 h after the stacks first saw them.
    const retention = r.findings.find((f) => f.rule_id === 'aws-log-group-retention' && f.resource.stack === 'kms-logs')!;
    expect(retention.exposure).toEqual({ first_seen: '2026-11-27T01:00:00.000Z', last_seen: '2026-11-28T08:00:00.000Z', open_hours: 31 });
    expect(retention.notification_clock).toMatchObject({ elapsed_hours: 31, remaining_hours: 41, exceeded: false });
  });

  test('Markdown for the issue (marker, stack table) and one self-contained HTML page with the charts', async () => {
    const out = tempDir();
    const m = await run('drift', 'merge', dir, '--now', T2, '--format', `markdown=${join(out, 'estate.md')}`, '--format', `html=${join(out, 'estate.html')}`);
    expect(m.code).toBe(1);
    const md = readFileSync(join(out, 'estate.md'), 'utf8');
    expect(md.startsWith(ISSUE_MARKER)).toBe(true);
    expect(md).toContain('## Leakguard drift report (estate): Drift introduces policy violations');
    expect(md).toMatch(/\| `kms-logs` \| Drift introduces policy violations \| 2 drifted of 2, 2 finding\(s\) introduced \(2 violating\) \|/);
    expect(md).toContain('#### `kms-logs/aws_kms_key.logs`');
    const html = readFileSync(join(out, 'estate.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html.match(/<svg /g)).toHaveLength(3); // by control, by age, by stack
    expect(html).toContain('Drifted resources by stack');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  test('a missing stack is not checked, never clean: the merge cannot pass', async () => {
    const clean = [files['shop-clean'], files['kms-state']];
    const alone = await merge(...clean, '--now', T2, '--format', 'json');
    expect([alone.code, alone.report!.status]).toEqual([0, 'clean']);
    const expected = join(tempDir(), 'expected.json');
    writeFileSync(expected, JSON.stringify(['shop-clean', 'kms-state', 'orders-prod']));
    const m = await merge(...clean, '--expect', expected, '--now', T2, '--format', 'json');
    expect(m.code).toBe(1);
    expect(m.report!.status).toBe('not-checked');
    expect(m.report!.stacks.find((s) => s.stack === 'orders-prod')).toEqual({ stack: 'orders-prod', status: 'not-checked', expected: true, reason: NO_REPORT });
    expect(m.report!.summary).toMatchObject({ stacks: 3, checked: 2, not_checked: 1 });
    expect(m.stderr).toContain('1 stack NOT checked: orders-prod');
    const md = await run('drift', 'merge', ...clean, '--expect', expected, '--now', T2);
    expect(md.stdout).toContain('| `orders-prod` | **not checked** |');
    const html = await run('drift', 'merge', ...clean, '--expect', expected, '--now', T2, '--format', 'html');
    expect(html.stdout).toContain('orders-prod (NOT CHECKED)</text>'); // in the by-stack chart, never a clean-looking bar
    expect(html.stdout).toMatch(/<code>orders-prod<\/code><\/td><td><span class="badge" style="background:#5f3dc4">not checked<\/span>/);
    // Violating drift elsewhere still ranks first in the status; the missing stack is still listed.
    const worse = await merge(files.shop, '--expect', expected, '--now', T2, '--format', 'json');
    expect(worse.report!.status).toBe('violating-drift');
    expect(worse.report!.stacks.filter((s) => s.status === 'not-checked').map((s) => s.stack)).toEqual(['shop-clean', 'kms-state', 'orders-prod']);
    // A report no one expected is kept, and flagged.
    expect(worse.report!.stacks.find((s) => s.stack === 'shop')).toMatchObject({ expected: false, status: 'violating-drift' });
  });

  test('a failed job (not-checked report): shown with its reason, its open items neither resolved nor refreshed', async () => {
    const history = join(tempDir(), 'estate-history.json');
    const first = await merge(files['kms-logs'], files['shop-clean'], '--history', history, '--now', T2, '--format', 'json');
    expect(first.code).toBe(1);
    const open = readJson<DriftHistory>(history).items;
    const kms = Object.entries(open).filter(([, e]) => e.stack === 'kms-logs');
    expect(kms.length).toBe(4); // two drifted resources, two findings

    const failed = join(tempDir(), 'kms-logs.json');
    const nc = await run('drift', 'not-checked', '--stack', 'kms-logs', '--reason', 'terraform plan failed: AccessDenied', '--now', T3, '--output', failed);
    expect(nc.code).toBe(0);
    const second = await merge(failed, files['shop-clean'], '--history', history, '--now', T3, '--format', 'json');
    expect(second.code).toBe(1);
    expect(second.report!.status).toBe('not-checked');
    expect(second.report!.stacks[0]).toEqual({ stack: 'kms-logs', status: 'not-checked', expected: true, reason: 'terraform plan failed: AccessDenied', report: failed, generated_at: '2026-11-29T09:30:00.000Z' });
    expect(second.report!.resolved).toEqual([]);
    expect(readJson<DriftHistory>(history).items).toMatchObject(Object.fromEntries(kms));

    // Checked again and clean: now they resolve, with the window from the first run.
    const cleanNow = await stackReport(tempDir(), 'kms-logs', join(DRIFT, 'refresh-only-benign-tags.json'), T3);
    const third = await merge(cleanNow, files['shop-clean'], '--history', history, '--now', T3, '--format', 'json');
    const resolved = third.report!.resolved.filter((x) => kms.some(([fp]) => fp === x.fingerprint));
    expect(resolved.map((x) => x.subject).sort()).toEqual(['aws-kms-key-rotation on kms-logs/aws_kms_key.logs', 'aws-log-group-retention on kms-logs/aws_cloudwatch_log_group.accounts', 'changed kms-logs/aws_cloudwatch_log_group.accounts']);
    expect(resolved.every((x) => x.first_seen === '2026-11-27T01:00:00.000Z' && x.resolved_at === '2026-11-29T09:30:00.000Z')).toBe(true);
    // The key still drifts (benign tags): it stays open, first seen at the first run.
    expect(third.report!.resources.find((d) => d.key === 'kms-logs/aws_kms_key.logs')!.exposure.first_seen).toBe('2026-11-27T01:00:00.000Z');
  });

  test('bad report files: one line, exit 2, nothing written and the history byte-identical', async () => {
    const bad = writeTree({
      'not-json.json': '{"schema_version": "1", ',
      'array.json': '[1, 2]',
      'check.json': { schema_version: '1', verdict: 'pass', findings: [] },
      'newer.json': { schema_version: '2', status: 'clean' },
      'broken.json': { ...readJson<DriftReport>(files.shop), status: 'maybe' },
      'estate.json': { schema_version: '1', kind: 'estate' },
      'not-checked.json': { schema_version: '1', kind: 'not-checked', stack: 'x', generated_at: T1 },
    });
    const history = join(bad, 'history.json');
    writeFileSync(history, '{"version":2,"updated_at":"2026-11-27T01:00:00.000Z","items":{}}\n');
    const before = readFileSync(history);
    const cases: Array<[string, RegExp]> = [
      ['not-json.json', /^leakguard: drift report .*not-json\.json: malformed JSON at line 1 column 25/],
      ['array.json', /: not a JSON object$/],
      ['check.json', /: not a valid leakguard drift report \(/],
      ['newer.json', /: drift report format version "2"; this Leakguard reads version "1"$/],
      ['broken.json', /: not a valid leakguard drift report \(\/status must be equal to one of the allowed values\)$/],
      ['estate.json', /: an estate report \(leakguard drift merge\), not one stack's drift report$/],
      ['not-checked.json', /: not a valid not-checked report \(/],
      ['absent.json', /absent\.json: no such file or directory$/],
    ];
    for (const [file, message] of cases) {
      const out = join(bad, `out-${file}.md`);
      const r = await run('drift', 'merge', files.shop, join(bad, file), '--history', history, '--format', `markdown=${out}`);
      expect({ file, code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ file, code: 2, lines: 1 });
      expect(r.stderr.trim()).toMatch(message);
      expect(existsSync(out)).toBe(false);
      expect(readFileSync(history).equals(before)).toBe(true);
    }
    const nothing = await run('drift', 'merge');
    expect([nothing.code, nothing.stderr]).toEqual([2, 'leakguard: no drift report and no --expect: nothing to merge\n']);
    const badExpect = writeTree({ 'dup.json': ['a', 'a'], 'obj.json': { a: 1 } });
    expect((await run('drift', 'merge', files.shop, '--expect', join(badExpect, 'dup.json'))).stderr).toMatch(/stack "a" is listed twice\n$/);
    expect((await run('drift', 'merge', files.shop, '--expect', join(badExpect, 'obj.json'))).stderr).toMatch(/expected a list of stacks/);
    expect((await run('drift', 'merge', files.shop, '--now', 'yesterday')).code).toBe(2);
  });

  test('duplicate stack names: two reports of one stack are refused, naming both files', async () => {
    const copy = join(tempDir(), 'again.json');
    writeFileSync(copy, readFileSync(files.shop));
    const r = await run('drift', 'merge', files.shop, copy, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`leakguard: ${files.shop} and ${copy} are both reports of stack "shop"; give one report per stack\n`);
    // A not-checked report and a drift report of one stack are two reports of it too.
    const nc = join(tempDir(), 'nc.json');
    await run('drift', 'not-checked', '--stack', 'shop', '--reason', 'plan failed', '--output', nc);
    expect((await run('drift', 'merge', files.shop, nc)).code).toBe(2);
  });

  test('--expect takes the stacks command\'s list, a list of names, or a CDKTF manifest / cdktf.out folder', async () => {
    const out = writeTree({
      'cdktf.out/manifest.json': { version: '0.20.0', stacks: { shop: { synthesizedStackPath: 'stacks/shop/cdk.tf.json' }, 'shop-clean': { synthesizedStackPath: 'stacks/shop-clean/cdk.tf.json' } } },
    });
    const m = await merge(files.shop, '--expect', join(out, 'cdktf.out'), '--format', 'json');
    expect(m.report!.stacks.map((s) => [s.stack, s.status])).toEqual([
      ['shop', 'violating-drift'],
      ['shop-clean', 'not-checked'],
    ]);
  });
});

describe('leakguard drift stacks / not-checked', () => {
  test('lists the stacks of cdktf.out folders and the config\'s drift.roots as one line of JSON', async () => {
    const repo = writeTree({
      'app/cdktf.out/manifest.json': { version: '0.20.0', stacks: { 'orders-prod': { synthesizedStackPath: 'stacks/orders-prod/cdk.tf.json' } } },
      'app/cdktf.out/stacks/orders-prod/cdk.tf.json': { resource: {} },
      'infra/prod/main.tf': '',
      'infra/dev/main.tf': '',
      'leakguard.config.json': { drift: { roots: [{ dir: 'infra/prod' }, { dir: 'infra/dev', name: 'infra-dev' }] } },
    });
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const r = await run('drift', 'stacks', 'app/cdktf.out', '--config', 'leakguard.config.json');
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')).toHaveLength(2); // one line for $GITHUB_OUTPUT
      expect(JSON.parse(r.stdout)).toEqual([
        { stack: 'orders-prod', dir: join('app', 'cdktf.out', 'stacks', 'orders-prod'), source: 'cdktf' },
        { stack: 'prod', dir: join('infra', 'prod'), source: 'hcl' },
        { stack: 'infra-dev', dir: join('infra', 'dev'), source: 'hcl' },
      ]);
      // Its output is what merge --expect reads.
      writeFileSync('stacks.json', r.stdout);
      const m = await run('drift', 'merge', '--expect', 'stacks.json', '--format', 'json');
      expect((JSON.parse(m.stdout) as DriftEstateReport).stacks.map((s) => s.status)).toEqual(['not-checked', 'not-checked', 'not-checked']);
      // Two roots named alike, a root that is no folder, nothing at all: exit 2, one line.
      writeFileSync('dup.json', JSON.stringify({ drift: { roots: [{ dir: 'infra/prod' }, { dir: 'app', name: 'prod' }] } }));
      const dup = await run('drift', 'stacks', '--config', 'dup.json');
      expect([dup.code, dup.stderr]).toEqual([2, 'leakguard: stack "prod" twice (infra/prod and app); give each root its own name (drift.roots[].name)\n']);
      writeFileSync('gone.json', JSON.stringify({ drift: { roots: [{ dir: 'infra/qa' }] } }));
      expect((await run('drift', 'stacks', '--config', 'gone.json')).stderr).toBe('leakguard: gone.json: /drift/roots/0: infra/qa is not a folder\n');
      expect((await run('drift', 'stacks', '--no-config')).stderr).toMatch(/^leakguard: no stacks: /);
      expect((await run('drift', 'stacks', 'infra', '--no-config')).stderr).toBe('leakguard: infra: not a cdktf.out folder (no manifest.json)\n');
      writeFileSync('badkey.json', JSON.stringify({ drift: { roots: [{ dir: 'infra/prod', name: 'a/b' }] } }));
      expect((await run('drift', 'stacks', '--config', 'badkey.json')).stderr).toMatch(/^leakguard: badkey\.json: invalid config: \/drift\/roots\/0\/name must match pattern/);
    } finally {
      process.chdir(cwd);
    }
  });

  test('not-checked needs a stack and a reason, and writes a report merge reads', async () => {
    expect((await run('drift', 'not-checked', '--stack', 'x')).code).toBe(2);
    expect((await run('drift', 'not-checked', '--stack', ' ', '--reason', 'r')).stderr).toBe('leakguard: --stack and --reason must not be empty\n');
    const r = await run('drift', 'not-checked', '--stack', 'x', '--reason', 'two\nlines', '--now', T1);
    expect(JSON.parse(r.stdout)).toEqual({ schema_version: '1', kind: 'not-checked', stack: 'x', generated_at: '2026-11-27T01:00:00.000Z', reason: 'two lines' });
  });
});

describe('merging is a union, independent of order (property)', () => {
  // A pool of real per-stack reports: each fixture plan under several stack names.
  const NAMES = ['a', 'b', 'c', 'd'];
  const pool: Record<string, DriftReport[]> = {};
  beforeAll(async () => {
    const dir = tempDir('leakguard-estate-pool-');
    for (const name of NAMES) {
      pool[name] = [];
      for (const [i, plan] of Object.values(PLANS).entries()) {
        const sub = join(dir, `${name}-${i}`);
        mkdirSync(sub);
        pool[name].push(readJson<DriftReport>(await stackReport(sub, name, plan)));
      }
    }
  });

  const stackChoice = fc.record({ plan: fc.nat({ max: Object.keys(PLANS).length - 1 }), failed: fc.boolean(), missing: fc.boolean() });
  const estate = fc.record({ picks: fc.dictionary(fc.constantFrom(...NAMES), stackChoice, { minKeys: 1 }), seed: fc.integer() });

  function inputs(picks: Record<string, { plan: number; failed: boolean; missing: boolean }>): { reports: StackReport[]; expected: string[] } {
    const reports: StackReport[] = [];
    for (const [name, p] of Object.entries(picks)) {
      if (p.missing) continue;
      reports.push(p.failed ? { file: `${name}.json`, stack: name, notChecked: { schema_version: '1', kind: 'not-checked', stack: name, generated_at: T1, reason: 'plan failed' } } : { file: `${name}.json`, stack: name, report: pool[name][p.plan] });
    }
    return { reports, expected: Object.keys(picks) };
  }
  const shuffled = <T>(xs: T[], seed: number): T[] => {
    const out = [...xs];
    let s = seed >>> 0;
    for (let i = out.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) >>> 0;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const history = () => loadHistory(undefined, '2026-11-28T08:00:00.000Z');

  test('findings, resources and verdict are those of the stacks taken one by one, whatever the order', () => {
    fc.assert(
      fc.property(estate, ({ picks, seed }) => {
        const { reports, expected } = inputs(picks);
        const one = mergeReports({ reports, expected, history: history(), now: '2026-11-28T08:00:00.000Z' });
        const other = mergeReports({ reports: shuffled(reports, seed), expected, history: history(), now: '2026-11-28T08:00:00.000Z' });
        expect(other).toEqual(one);
        expect(schemaErrors('drift-estate', one.report)).toBeNull();

        const checked = reports.flatMap((r) => ('report' in r ? [r.report] : []));
        const ids = (xs: Array<{ status: string; fingerprint: string }>) => [...new Set(xs.map((f) => `${f.status} ${f.fingerprint}`))].sort();
        expect(ids(one.report.findings)).toEqual(ids(checked.flatMap((r) => r.findings)));
        expect(one.report.resources.map((d) => d.key).sort()).toEqual(checked.flatMap((r) => r.resources.map((d) => d.key)).sort());
        expect(Object.keys(one.next.items).sort()).toEqual([...new Set(checked.flatMap((r) => [...r.resources.map((d) => d.fingerprint), ...r.findings.filter((f) => f.status === 'introduced').map((f) => f.fingerprint)]))].sort());

        const notChecked = Object.values(picks).filter((p) => p.failed || p.missing).length;
        expect(one.report.summary.not_checked).toBe(notChecked);
        const violating = checked.some((r) => r.status === 'violating-drift');
        expect(one.report.status).toBe(violating ? 'violating-drift' : notChecked > 0 ? 'not-checked' : checked.some((r) => r.status === 'benign-drift') ? 'benign-drift' : 'clean');
        expect(one.report.exit_code).toBe(Math.max(notChecked > 0 ? 1 : 0, ...checked.map((r) => r.exit_code)));
        // Never a pass while a stack is not checked.
        if (notChecked > 0) expect(one.report.exit_code).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  test('a stack merged alone gives back its own report\'s verdict and content', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.nat({ max: Object.keys(PLANS).length - 1 }), (name, plan) => {
        const r = pool[name][plan];
        const { report } = mergeReports({ reports: [{ file: 'r.json', stack: name, report: r }], history: history(), now: r.generated_at });
        expect([report.status, report.exit_code, report.severity]).toEqual([r.status, r.exit_code, r.severity]);
        expect(report.findings).toEqual(r.findings);
        expect(report.resources).toEqual(r.resources);
        expect(report.summary).toMatchObject({ drifted: r.summary.drifted, changed: r.summary.changed, violating: r.summary.violating, introduced_findings: r.summary.introduced_findings, by_control: r.summary.by_control, by_age: r.summary.by_age, by_severity: r.summary.by_severity });
      }),
      { numRuns: 30 },
    );
  });
});
