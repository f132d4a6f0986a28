import fc from 'fast-check';
import { Judging, judged, ruleFacts, type PolicyData } from '../../src/evaluate/policy';
import type { Levelled } from '../../src/evaluate/judge';
import type { Enforcement, Waiver } from '../../src/types/decision';
import type { PolicyInput } from '../../src/types/policy-input';

// A parallel evaluation judges each worker's findings as they arrive (policy.ts Judging), in
// batches of any size and in any order of arrival; the decision must be the one judged() gives
// all findings at once, byte for byte: order, waivers applied, refused and matched, summary.
type LevelledFinding = Levelled['findings'][number];

const catalogue = ruleFacts();
const facts = (): ReturnType<typeof ruleFacts> => catalogue;
const rules = [...catalogue.values()].slice(0, 6);
const TODAY = '2026-06-01';

const finding = fc
  .record({
    rule: fc.constantFrom(...rules),
    key: fc.constantFrom('st/aws_s3_bucket.a', 'st/aws_s3_bucket.b', 'st/aws_kms_key.k', 'other/aws_s3_bucket.a'),
    message: fc.constantFrom('m1', 'm2', 'm2'),
    enforcement: fc.constantFrom<Enforcement>('hard', 'soft', 'advisory'),
    overridden: fc.boolean(),
  })
  .map(({ rule, key, message, enforcement, overridden }): LevelledFinding => {
    const [stack, address] = key.split('/');
    return {
      rule_id: rule.id,
      control: rule.control,
      severity: rule.severity,
      message,
      enforcement,
      resource: { key, address, stack, type: address.split('.')[0] },
      ...(overridden ? { override: { set_by: `rules.${rule.id}`, default: 'hard' } } : {}),
    } as LevelledFinding;
  });

const waiver = fc.record({
  rule: fc.constantFrom(...rules.map((r) => r.id)),
  resource: fc.constantFrom('st/aws_s3_bucket.a', 'aws_s3_bucket.b', 'st/*', '*'),
  expires: fc.constantFrom('2026-01-01', '2026-12-31'),
}).map((w): Waiver => ({ ...w, reason: 'generated', owner: 'platform' }));

const levelledOf = (findings: LevelledFinding[]): Levelled => ({
  schema_version: '1',
  findings,
  overrides: [],
  summary: { resources: 4, findings: findings.length, advisory: findings.filter((f) => f.enforcement === 'advisory').length, by_severity: {}, by_control: {}, uncovered: { resources: 0, managed: 4, by_type: {}, not_checked_allowed: false } },
});

const input = { resources: {} } as unknown as PolicyInput;
const dataOf = (waivers: Waiver[]): PolicyData => ({ config: {}, waivers, context: { today: TODAY } });

test('judged in batches, in any order of arrival: the decision judged all at once', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 30 }), fc.array(waiver, { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), (fs, waivers, cuts, reversed) => {
      const one = judged([{ result: levelledOf(structuredClone(fs)) }], input, dataOf(waivers), catalogue);
      // The findings cut into batches where `cuts` say; the batches arrive in order or reversed.
      const copy = structuredClone(fs);
      const at = [...new Set(cuts.map((c) => c % (copy.length + 1)))].sort((a, b) => a - b);
      const batches = [0, ...at].map((from, i) => copy.slice(from, [...at, copy.length][i]));
      const judging = new Judging(input, dataOf(waivers), facts);
      for (const b of reversed ? [...batches].reverse() : batches) judging.add(b);
      expect(JSON.stringify(judging.decision(levelledOf(copy)))).toBe(JSON.stringify(one));
    }),
    { numRuns: 300, seed: 20261205 },
  );
});

test('a judged finding that does not match its schema is an internal error naming it; so is a finding left out', () => {
  const [f] = fc.sample(finding, { numRuns: 1, seed: 1 });
  const judging = new Judging(input, dataOf([]), facts);
  expect(() => judging.add([{ ...structuredClone(f), severity: 'catastrophic' } as unknown as LevelledFinding])).toThrow(
    new RegExp(`^internal error: produced decision does not match its schema: the ${f.rule_id} finding on ${f.resource.key}: /severity`),
  );
  const partial = new Judging(input, dataOf([]), facts);
  partial.add([structuredClone(f)]);
  expect(() => partial.decision(levelledOf([f, f]))).toThrow('internal error: 1 findings judged of the decision');
  // The rest of the decision is still checked as a whole.
  const whole = new Judging(input, dataOf([]), facts);
  whole.add([structuredClone(f)]);
  const bad = levelledOf([f]);
  (bad.summary as { resources: unknown }).resources = 'four';
  expect(() => whole.decision(bad)).toThrow(/^internal error: produced decision does not match its schema: \/summary\/resources/);
});
