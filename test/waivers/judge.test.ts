import fc from 'fast-check';
import { globRegExp, judge, type Levelled } from '../../src/evaluate/judge';
import type { Enforcement, Waiver } from '../../src/types/decision';
import type { PolicyInput } from '../../src/types/policy-input';

// Judging (src/evaluate/judge.ts): waivers applied to the policy's levelled findings. The
// public-access-block finding on test/aws_s3_bucket.b drives the cases; the whole pipeline
// (check, CLI, 10,000 waivers) is covered by the other tests in this folder.
const RULE = 'aws-s3-public-access-block';
const TODAY = '2026-06-01';
type Levelled1 = Levelled['findings'][number];

function finding(address: string, enforcement: Enforcement, extra: Partial<Levelled1> = {}): Levelled1 {
  return {
    rule_id: RULE, title: 't', control: 'public-storage', severity: 'critical', cloud: 'aws', message: 'm', enforcement,
    resource: { key: `test/${address}`, address, stack: 'test', type: 'aws_s3_bucket' },
    ...extra,
  } as Levelled1;
}

function levelled(...findings: Levelled1[]): Levelled {
  const summary = { resources: 1, findings: findings.length, advisory: 0, by_severity: {}, by_control: {}, uncovered: { resources: 0, managed: 1, by_type: {} } };
  return { schema_version: '1', findings, overrides: [], summary };
}

const input = (waivers: Record<string, Waiver[]> = {}): PolicyInput => ({ resources: Object.fromEntries(Object.entries(waivers).map(([k, w]) => [k, { waivers: w }])) }) as unknown as PolicyInput;

const waiver = (extra: Partial<Waiver> = {}): Waiver => ({ rule: RULE, resource: 'test/aws_s3_bucket.b', reason: 'legacy bucket, migration in SHOP-12', owner: 'platform', expires: '2026-12-31', ...extra });
const soft = (address = 'aws_s3_bucket.b') => levelled(finding(address, 'soft', { override: { set_by: `rules.${RULE}`, default: 'hard' } }));

test('hard blocks and is not waived; a waiver naming it is refused, expired or not', () => {
  for (const expires of ['2026-12-31', '2026-01-01']) {
    const d = judge(levelled(finding('aws_s3_bucket.b', 'hard')), input(), [waiver({ expires })], TODAY);
    expect(d.findings[0]).toMatchObject({ blocking: true, waived: false });
    expect(d.findings[0].waiver).toBeUndefined();
    expect(d.waivers.map((r) => r.status)).toEqual(['refused']);
    expect(d.summary).toMatchObject({ blocking: 1, waived: 0, silenced_by_overrides: 0 });
  }
});

test('advisory never blocks; a waiver covering only advisory findings is unused', () => {
  const d = judge(levelled(finding('aws_s3_bucket.b', 'advisory', { override: { set_by: `rules.${RULE}`, default: 'hard' } })), input(), [waiver()], TODAY);
  expect(d.findings[0]).toMatchObject({ blocking: false, waived: false });
  expect(d.waivers).toEqual([{ waiver: waiver(), status: 'unused', matched: [] }]);
  // Would block at its default (hard): an override silenced it.
  expect(d.summary.silenced_by_overrides).toBe(1);
});

test('soft: a live waiver waives it (applied, matched), and that counts as silenced by the override that made it soft', () => {
  const d = judge(soft(), input(), [waiver()], TODAY);
  expect(d.findings[0]).toMatchObject({ blocking: false, waived: true, waiver: waiver() });
  expect(d.waivers).toEqual([{ waiver: waiver(), status: 'applied', matched: ['test/aws_s3_bucket.b'] }]);
  expect(d.summary).toMatchObject({ blocking: 0, waived: 1, silenced_by_overrides: 1 });
});

test('soft by default and waived is not silenced by an override; soft and unwaived blocks', () => {
  const d = judge(levelled(finding('aws_s3_bucket.b', 'soft')), input(), [waiver()], TODAY);
  expect(d.summary).toMatchObject({ blocking: 0, waived: 1, silenced_by_overrides: 0 });
  const e = judge(soft(), input(), [], TODAY);
  expect(e.findings[0]).toMatchObject({ blocking: true, waived: false });
  expect(e.summary).toMatchObject({ blocking: 1, silenced_by_overrides: 0 });
});

test('an expired waiver waives nothing; one expiring today still waives', () => {
  const d = judge(soft(), input(), [waiver({ expires: '2026-05-31' })], TODAY);
  expect(d.findings[0].blocking).toBe(true);
  expect(d.waivers[0].status).toBe('expired');
  expect(judge(soft(), input(), [waiver({ expires: TODAY })], TODAY).findings[0].waived).toBe(true);
});

test('exact names match as written (Terraform indexes need no escaping); brackets are never classes', () => {
  const indexed = `aws_s3_bucket.b["a"]`;
  for (const resource of [indexed, `test/${indexed}`, 'aws_s3_bucket.b[*]', 'aws_s3_bucket.b["?"]']) {
    const d = judge(soft(indexed), input(), [waiver({ resource })], TODAY);
    expect([resource, d.findings[0].waived, d.waivers[0].matched]).toEqual([resource, true, [`test/${indexed}`]]);
  }
  for (const resource of ['aws_s3_bucket.b["b"]', 'aws_s3_bucket.[ab]', 'aws_s3_bucket.[ab]*', 'test/aws_s3_bucket.b[a]']) {
    expect([resource, judge(soft(indexed), input(), [waiver({ resource })], TODAY).waivers[0].status]).toEqual([resource, 'unused']);
  }
});

test('patterns: `*` any run (across `/` and `.`), `?` one character, on key or address', () => {
  for (const resource of ['aws_s3_bucket.*', 'test/*', '*', 'test/aws_s3_bucket.?', '*.b', 'aws_s3_bucket?b']) {
    expect([resource, judge(soft(), input(), [waiver({ resource })], TODAY).findings[0].waived]).toEqual([resource, true]);
  }
  for (const resource of ['aws_s3_bucket.??', 'test?aws_s3_bucket.b.*', 'other/*']) {
    expect([resource, judge(soft(), input(), [waiver({ resource })], TODAY).findings[0].waived]).toEqual([resource, false]);
  }
});

test('several covering waivers: the first in file order applies, every live one is applied, an expired one is not', () => {
  const ws = Array.from({ length: 12 }, (_, i) => waiver({ reason: `accepted risk number ${i}`, expires: i === 11 ? '2026-01-01' : '2026-12-31' }));
  const d = judge(soft(), input(), ws, TODAY);
  // File order, not the string order of ids ("config/10" < "config/2").
  expect(d.findings[0].waiver).toEqual(ws[0]);
  expect(d.waivers.map((r) => r.status)).toEqual([...Array(11).fill('applied'), 'expired']);
});

test('construct waivers cover their own resource only, after config waivers; one for another rule is unused', () => {
  const cw: Waiver = { rule: RULE, reason: 'public website assets, no PII', owner: 'web', expires: '2027-01-01', source: 'shop/site' };
  const other: Waiver = { ...cw, rule: 'aws-s3-access-logging' };
  const d = judge(soft(), input({ 'test/aws_s3_bucket.b': [cw, other], 'test/aws_s3_bucket.c': [cw] }), [waiver()], TODAY);
  expect(d.findings[0].waiver).toEqual(waiver());
  expect(d.waivers.map((r) => [r.waiver.source, r.waiver.rule, r.waiver.resource, r.status])).toEqual([
    [undefined, RULE, 'test/aws_s3_bucket.b', 'applied'],
    ['shop/site', RULE, 'test/aws_s3_bucket.b', 'applied'],
    ['shop/site', 'aws-s3-access-logging', 'test/aws_s3_bucket.b', 'unused'],
    ['shop/site', RULE, 'test/aws_s3_bucket.c', 'unused'],
  ]);
  expect(judge(soft(), input({ 'test/aws_s3_bucket.b': [cw] }), [], TODAY).findings[0].waiver).toEqual({ ...cw, resource: 'test/aws_s3_bucket.b' });
});

test('a waiver for another rule never covers the finding', () => {
  expect(judge(soft(), input(), [waiver({ rule: 'aws-s3-access-logging' })], TODAY).findings[0].waived).toBe(false);
});

// Independent reading of the two wildcards, by recursion over both strings' code points.
const walk = (p: string[], s: string[]): boolean =>
  p.length === 0 ? s.length === 0 : p[0] === '*' ? walk(p.slice(1), s) || (s.length > 0 && walk(p, s.slice(1))) : s.length > 0 && (p[0] === '?' || p[0] === s[0]) && walk(p.slice(1), s.slice(1));
const matches = (p: string, s: string): boolean => walk([...p], [...s]);

test('globRegExp agrees with a character-by-character matcher on generated patterns and names', () => {
  const chars = fc.constantFrom('a', 'b', '.', '/', '[', ']', '"', '*', '?', '\\', '$', '(', '\n', 'é', '🪣');
  const text = fc.array(chars, { maxLength: 8 }).map((cs) => cs.join(''));
  fc.assert(fc.property(text, text, (p, s) => globRegExp(p).test(s) === matches(p, s)), { numRuns: 3000 });
});

// Generated estates of findings (levels, overrides) and waivers (exact, pattern, expired,
// other rule): the invariants of judging hold whatever the mix.
test('property: hard always blocks, advisory never, soft blocks unless a live waiver covers it; every count agrees', () => {
  const level = fc.constantFrom<Enforcement>('hard', 'soft', 'advisory');
  const names = fc.constantFrom('aws_s3_bucket.a', 'aws_s3_bucket.b', 'aws_s3_bucket.b["x"]', 'aws_kms_key.a');
  const fnd = fc.tuple(names, level, fc.option(fc.constantFrom<Enforcement>('hard', 'soft', 'advisory'), { nil: undefined }));
  const wv = fc.record({
    rule: fc.constantFrom(RULE, 'aws-kms-key-rotation'),
    resource: fc.constantFrom('aws_s3_bucket.a', 'test/aws_s3_bucket.b', 'aws_s3_bucket.b["x"]', 'aws_s3_bucket.*', 'test/aws_kms_key.?', '*', 'nothing'),
    expires: fc.constantFrom('2026-05-31', '2026-06-01', '2026-12-31'),
  });
  fc.assert(
    fc.property(fc.uniqueArray(fnd, { selector: (f) => f[0], maxLength: 4 }), fc.array(wv, { maxLength: 6 }), (fs, ws) => {
      const findings = fs.map(([a, l, def]) => finding(a, l, def && def !== l ? { override: { set_by: `rules.${RULE}`, default: def } } : {}));
      const waivers = ws.map((w, i) => waiver({ ...w, reason: `generated waiver ${i}` }));
      const d = judge(levelled(...findings), input(), waivers, TODAY);
      const covers = (w: Waiver, f: Levelled1): boolean =>
        w.rule === f.rule_id && (/[*?]/.test(w.resource!) ? matches(w.resource!, f.resource.key) || matches(w.resource!, f.resource.address) : [f.resource.key, f.resource.address].includes(w.resource!));
      const liveCovering = (f: Levelled1): Waiver[] => waivers.filter((w) => covers(w, f) && w.expires >= TODAY);
      const applied = new Set<string>();
      d.findings.forEach((f, i) => {
        expect(f.enforcement).toBe(findings[i].enforcement);
        expect(f.waiver).toEqual(f.enforcement === 'soft' ? liveCovering(f)[0] : undefined);
        if (f.enforcement === 'hard') expect([f.blocking, f.waived]).toEqual([true, false]);
        if (f.enforcement === 'advisory') expect([f.blocking, f.waived]).toEqual([false, false]);
        if (f.enforcement === 'soft') expect(f.blocking).toBe(!f.waived);
        if (f.waiver) {
          expect(f.waiver.rule).toBe(f.rule_id);
          expect(f.waiver.expires >= TODAY).toBe(true);
          applied.add(f.waiver.reason);
        }
      });
      // Each waiver's fate: refused before expired before applied.
      d.waivers.forEach((r, i) => {
        const w = waivers[i];
        const soft = findings.filter((f) => f.enforcement === 'soft' && covers(w, f));
        const want = findings.some((f) => f.enforcement === 'hard' && covers(w, f)) ? 'refused' : w.expires < TODAY ? 'expired' : soft.length ? 'applied' : 'unused';
        expect(r.status).toBe(want);
        expect(r.matched).toEqual(w.expires < TODAY ? [] : soft.map((f) => f.resource.key).sort());
        if (applied.has(w.reason)) expect(['applied', 'refused']).toContain(r.status);
      });
      expect(d.waivers.map((r) => r.waiver.reason)).toEqual(waivers.map((w) => w.reason));
      expect(d.summary.blocking).toBe(d.findings.filter((f) => f.blocking).length);
      expect(d.summary.waived).toBe(d.findings.filter((f) => f.waived).length);
      const byDefault = (f: Levelled1): Enforcement => f.override?.default ?? f.enforcement;
      const silenced = d.findings.filter((f) => !f.blocking && (byDefault(f) === 'hard' || (byDefault(f) === 'soft' && liveCovering(f).length === 0))).length;
      expect(d.summary.silenced_by_overrides).toBe(silenced);
    }),
    { numRuns: 500 },
  );
});

test('each judged finding: its fields, blocking, waived and waiver, keys in code-point order, whatever fields it has', () => {
  // As judge() built them before it took the schema's field order: spread, then sorted.
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const reference = (f: Record<string, unknown>, j: Record<string, unknown>): string => {
    const o: Record<string, unknown> = { ...f, blocking: j.blocking, waived: j.waived, ...(j.waiver ? { waiver: j.waiver } : {}) };
    return JSON.stringify(Object.fromEntries(Object.keys(o).sort(cmp).map((k) => [k, o[k]])));
  };
  const extra = fc.constantFrom<Record<string, unknown>>({}, {}, { aaa: 1 }, { zzz: 'x' }, { fingerprint: 'f' }, { legal: ['§'] }, { waiver: 'from the policy' }, { blocking: 'x' });
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom<Enforcement>('hard', 'soft', 'advisory'), fc.boolean(), extra, fc.constantFrom('aws_s3_bucket.b', 'aws_s3_bucket.c')), { maxLength: 8 }),
      fc.boolean(),
      (specs, waived) => {
        const fs = specs.map(([level, overridden, more, address]) => ({ ...finding(address, level, overridden ? { override: { set_by: `rules.${RULE}`, default: 'hard' } } : {}), ...more }) as Levelled1);
        const d = judge(levelled(...structuredClone(fs)), input(), waived ? [waiver()] : [], TODAY);
        d.findings.forEach((j, i) => expect(JSON.stringify(j)).toBe(reference(fs[i] as unknown as Record<string, unknown>, j as unknown as Record<string, unknown>)));
      },
    ),
    { numRuns: 300, seed: 20261205 },
  );
});
