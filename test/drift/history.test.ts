import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftFingerprint, fingerprintOf } from '../../src/fingerprint';
import type { DriftHistory } from '../../src/types/drift-report';
import { driftJson, EMULATOR, run, tempDir } from './helpers';

const DRIFTED = join(EMULATOR, 'drift-plan.json');
const CLEAN = join(EMULATOR, 'nodrift-plan.json');
// The plan's stack is the folder holding it (`emulator`), whichever file the plan is saved as.
const BUCKET = 'emulator/aws_s3_bucket.exports';
const PUBLIC = fingerprintOf('aws-s3-public-access-block', BUCKET);
const GONE = 'emulator/aws_s3_bucket.gone';

const readHistory = (p: string): DriftHistory => JSON.parse(readFileSync(p, 'utf8'));

describe('--history: exposure windows across runs', () => {
  test('missing: created; a later run keeps first_seen and reports the exposure window', async () => {
    const history = join(tempDir(), 'drift-history.json');
    const first = await driftJson(DRIFTED, '--history', history, '--now', '2026-11-27T01:00:00Z');
    expect(first.report.history).toEqual({ path: history, status: 'created' });
    expect(readHistory(history).items[PUBLIC]).toEqual({
      kind: 'finding',
      subject: `aws-s3-public-access-block on ${BUCKET}`,
      stack: 'emulator',
      first_seen: '2026-11-27T01:00:00.000Z',
      last_seen: '2026-11-27T01:00:00.000Z',
    });

    const second = await run('drift', DRIFTED, '--history', history, '--now', '2026-11-28T08:00:00Z', '--format', 'markdown');
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('public since 2026-11-27 01:00 UTC, 31 h');
    expect(second.stdout).toContain('31 h of 72 h internal target (41 h left)');
    const h = readHistory(history);
    expect(h.items[PUBLIC]).toMatchObject({ first_seen: '2026-11-27T01:00:00.000Z', last_seen: '2026-11-28T08:00:00.000Z' });
    expect(h.version).toBe(2);

    const third = await driftJson(DRIFTED, '--history', history, '--now', '2026-11-30T02:00:00Z');
    const f = third.report.findings.find((x) => x.fingerprint === PUBLIC)!;
    expect(f.exposure).toEqual({ first_seen: '2026-11-27T01:00:00.000Z', last_seen: '2026-11-30T02:00:00.000Z', open_hours: 73 });
    expect(f.notification_clock).toMatchObject({ elapsed_hours: 73, remaining_hours: -1, exceeded: true, target_at: '2026-11-30T01:00:00.000Z' });
    expect(third.report.summary.by_age).toEqual({ '< 24 h': 0, '24–72 h': 0, '3–7 d': 4, '> 7 d': 0 });
  });

  test('one history for several stacks: a run resolves only its own stack\'s items, the others stay as they were', async () => {
    const history = join(tempDir(), 'estate-history.json');
    await driftJson(DRIFTED, '--stack-name', 'orders', '--history', history, '--now', '2026-11-27T01:00:00Z');
    const orders = readHistory(history).items;
    expect(Object.values(orders).every((e) => e.stack === 'orders')).toBe(true);
    // Another stack, clean: nothing of orders resolves, and its entries are kept byte for byte.
    const other = await driftJson(CLEAN, '--stack-name', 'payments', '--history', history, '--now', '2026-11-27T05:00:00Z');
    expect(other.report.resolved).toEqual([]);
    expect(readHistory(history).items).toEqual(orders);
    // The same stack, clean: its items resolve.
    const again = await driftJson(CLEAN, '--stack-name', 'orders', '--history', history, '--now', '2026-11-27T07:00:00Z');
    expect(again.report.resolved.map((x) => x.fingerprint).sort()).toEqual(Object.keys(orders).sort());
    expect(readHistory(history).items).toEqual({});
  });

  test('resolved findings drop out of the history with their resolution time', async () => {
    const history = join(tempDir(), 'h.json');
    await driftJson(DRIFTED, '--history', history, '--now', '2026-11-27T01:00:00Z');
    const { code, report } = await driftJson(CLEAN, '--history', history, '--now', '2026-11-27T07:30:00Z');
    expect(code).toBe(0);
    expect(report.status).toBe('clean');
    expect(report.resolved.find((x) => x.fingerprint === PUBLIC)).toEqual({
      fingerprint: PUBLIC,
      kind: 'finding',
      subject: `aws-s3-public-access-block on ${BUCKET}`,
      first_seen: '2026-11-27T01:00:00.000Z',
      last_seen: '2026-11-27T01:00:00.000Z',
      resolved_at: '2026-11-27T07:30:00.000Z',
      open_hours: 6.5,
    });
    expect(report.summary.resolved).toBe(report.resolved.length);
    expect(readHistory(history).items).toEqual({});
  });

  test.each([
    ['not JSON', '{"version": 1, "items": {'],
    ['no version', '{"items": {}}'],
    ['a newer version', '{"version": 7, "updated_at": "2026-11-27T01:00:00Z", "items": {}}'],
    ['a v1 file that breaks the schema', '{"version": 1, "updated_at": "2026-11-27T01:00:00Z", "items": {"x": {"kind": "drift"}}}'],
    ['a broken v0 file', '{"version": 0, "findings": [{"id": "drift:x"}]}'],
  ])('corrupt (%s): exit 2, one line, history byte-identical, no report written', async (_why, content) => {
    const dir = tempDir();
    const history = join(dir, 'h.json');
    writeFileSync(history, content);
    const before = readFileSync(history);
    const output = join(dir, 'report.md');
    const r = await run('drift', DRIFTED, '--history', history, '--output', output, '--now', '2026-11-28T08:00:00Z');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/corrupt drift history .*; the file was left untouched/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(history).equals(before)).toBe(true);
    expect(existsSync(output)).toBe(false);
  });

  test('older version (0): migrated to the current version, first_seen carried over', async () => {
    const history = join(tempDir(), 'h.json');
    const since = Date.parse('2026-11-26T08:00:00Z') / 1000;
    writeFileSync(
      history,
      JSON.stringify({
        version: 0,
        findings: [
          { id: `finding:aws-s3-public-access-block:${BUCKET}`, subject: `aws-s3-public-access-block on ${BUCKET}`, since, seen: since + 3600 },
          { id: `drift:${GONE}`, since, seen: since },
        ],
      }),
    );
    const { code, report } = await driftJson(DRIFTED, '--history', history, '--now', '2026-11-28T08:00:00Z');
    expect(code).toBe(1);
    expect(report.history).toEqual({ path: history, status: 'migrated', migrated_from: 0 });
    expect(report.findings.find((f) => f.fingerprint === PUBLIC)!.exposure).toMatchObject({ first_seen: '2026-11-26T08:00:00.000Z', open_hours: 48 });
    expect(report.resolved.map((x) => [x.fingerprint, x.kind, x.resolved_at])).toEqual([[driftFingerprint(GONE), 'drift', '2026-11-28T08:00:00.000Z']]);
    const migrated = readHistory(history);
    expect(migrated.version).toBe(2);
    expect(migrated.items[PUBLIC]).toEqual({
      kind: 'finding',
      subject: `aws-s3-public-access-block on ${BUCKET}`,
      stack: 'emulator',
      first_seen: '2026-11-26T08:00:00.000Z',
      last_seen: '2026-11-28T08:00:00.000Z',
    });
  });

  test('older version (1, readable keys): re-keyed by the fingerprint baselines and SARIF use, windows kept', async () => {
    const history = join(tempDir(), 'h.json');
    const entry = (kind: string, subject: string) => ({ kind, subject, first_seen: '2026-11-26T08:00:00.000Z', last_seen: '2026-11-27T08:00:00.000Z' });
    writeFileSync(
      history,
      JSON.stringify({
        version: 1,
        updated_at: '2026-11-27T08:00:00.000Z',
        items: {
          [`finding:aws-s3-public-access-block:${BUCKET}`]: entry('finding', `aws-s3-public-access-block on ${BUCKET}`),
          [`drift:${GONE}`]: entry('drift', `deleted ${GONE}`),
        },
      }),
    );
    const { report } = await driftJson(DRIFTED, '--history', history, '--now', '2026-11-28T08:00:00Z');
    expect(report.history).toEqual({ path: history, status: 'migrated', migrated_from: 1 });
    const f = report.findings.find((x) => x.fingerprint === PUBLIC)!;
    expect(f.exposure).toMatchObject({ first_seen: '2026-11-26T08:00:00.000Z', open_hours: 48 });
    expect(report.resolved.map((x) => x.fingerprint)).toEqual([driftFingerprint(GONE)]);
    expect(Object.keys(readHistory(history).items).every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
  });

  test('a version 1 key of neither form is corrupt: exit 2, file untouched', async () => {
    const history = join(tempDir(), 'h.json');
    const content = JSON.stringify({ version: 1, updated_at: '2026-11-27T08:00:00.000Z', items: { 'something-else': { kind: 'drift', subject: 'x', first_seen: '2026-11-26T08:00:00.000Z', last_seen: '2026-11-27T08:00:00.000Z' } } });
    writeFileSync(history, content);
    const r = await run('drift', DRIFTED, '--history', history, '--now', '2026-11-28T08:00:00Z');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${history}: corrupt drift history (version 1: item "something-else" is neither finding:<rule>:<key> nor drift:<key>); the file was left untouched\n`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(history, 'utf8')).toBe(content);
  });

  test('the notification target is configurable and still labelled as internal', async () => {
    const history = join(tempDir(), 'h.json');
    await driftJson(DRIFTED, '--history', history, '--now', '2026-11-27T01:00:00Z');
    const { report } = await driftJson(DRIFTED, '--history', history, '--now', '2026-11-28T08:00:00Z', '--notification-hours', '24');
    const clock = report.findings.find((f) => f.fingerprint === PUBLIC)!.notification_clock!;
    expect(clock).toMatchObject({ target_hours: 24, elapsed_hours: 31, exceeded: true });
    expect(clock.label).toBe("California's Cal. Civ. Code §1798.82 sets no fixed number of hours; 24 h is an internal target (GDPR Art. 33 uses 72 h)");
  });

  test('PII classification is configurable: another tag value set turns the clock off', async () => {
    const { report } = await driftJson(DRIFTED, '--pii-classifications', 'restricted');
    const f = report.findings.find((x) => x.fingerprint === PUBLIC)!;
    expect(f.classification).toEqual({ value: 'pii', pii: false });
    expect(f.notification_clock).toBeUndefined();
  });
});
