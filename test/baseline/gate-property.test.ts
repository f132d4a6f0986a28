import fc from 'fast-check';
import { createBaseline } from '../../src/baseline';
import { applyGate } from '../../src/evaluate/gate';
import { findingFingerprint } from '../../src/fingerprint';
import type { Decision, Enforcement, Finding } from '../../src/types/decision';
import type { PolicyInput } from '../../src/types/policy-input';

// The baseline gate on generated decisions: findings of every level, blocking or not, some in
// the baseline and some not, the baseline padded with findings since fixed. Whatever the mix,
// a baseline only unblocks existing findings of waivable rules: a hard rule's findings block
// as before (the "a baseline never silences a hard rule"), and every count agrees.
const input = { stacks: { shop: { format: 'plan' } }, resources: {} } as unknown as PolicyInput;

const finding = (i: number, enforcement: Enforcement, blocking: boolean): Finding =>
  ({
    rule_id: i % 2 ? 'aws-kms-key-rotation' : 'aws-s3-public-access-block', title: 't', severity: 'high', control: 'c', cloud: 'aws', message: `m${i}`,
    enforcement, blocking: enforcement === 'hard' ? true : enforcement === 'advisory' ? false : blocking, waived: enforcement === 'soft' && !blocking,
    resource: { key: `shop/aws_s3_bucket.b${i}`, address: `aws_s3_bucket.b${i}`, stack: 'shop', type: 'aws_s3_bucket' },
  }) as Finding;

test('property: a baseline unblocks only existing findings of waivable rules; hard ones still block; counts agree', () => {
  const spec = fc.tuple(fc.constantFrom<Enforcement>('hard', 'soft', 'advisory'), fc.boolean(), fc.boolean());
  fc.assert(
    fc.property(fc.array(spec, { maxLength: 12 }), fc.nat({ max: 5 }), (specs, gone) => {
      const findings = specs.map(([level, blocking], i) => finding(i, level, blocking));
      const decision = { schema_version: '1', findings, waivers: [], overrides: [], summary: { blocking: findings.filter((f) => f.blocking).length } } as unknown as Decision;
      const inBaseline = findings.filter((_, i) => specs[i][2]);
      const fixed = Array.from({ length: gone }, (_, i) => finding(100 + i, 'soft', true));
      const baseline = createBaseline({ ...decision, findings: [...inBaseline, ...fixed] });
      const d = applyGate(decision, input, { baseline: { file: 'b.json', baseline } });
      d.findings.forEach((f, i) => {
        const before = findings[i];
        const existing = specs[i][2];
        expect(f.fingerprint).toBe(findingFingerprint(before));
        expect(f.baseline).toBe(existing ? 'existing' : 'new');
        if (before.enforcement === 'hard') expect(f.blocking).toBe(true);
        expect(f.blocking).toBe(before.blocking && !(existing && before.enforcement !== 'hard'));
        expect(f.gate !== undefined).toBe(before.blocking && existing && before.enforcement !== 'hard');
      });
      expect(d.summary.blocking).toBe(d.findings.filter((f) => f.blocking).length);
      expect(d.gate?.baseline).toEqual({
        file: 'b.json',
        new: findings.length - inBaseline.length,
        existing: inBaseline.length,
        existing_hard: inBaseline.filter((f) => f.enforcement === 'hard').length,
        fixed: gone,
      });
      expect(d.fixed?.map((e) => e.resource).sort()).toEqual(fixed.map((f) => f.resource.key).sort());
    }),
    { numRuns: 300 },
  );
});
