import fc from 'fast-check';
import { coerceDraft } from '../../src/normalize/coerce';
import { redact, SENSITIVE, type Draft } from '../../src/normalize/draft';

// redact and coerceDraft copy a resource's values only where they change something: the
// plan's own objects are never changed, and what nothing touched is shared, not copied.

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('redact (copy on write)', () => {
  it('returns values nothing marks as they are', () => {
    const values = { bucket: 'b', tags: { a: '1' }, rule: [{ x: 1 }] };
    expect(redact(values, { tags: {}, rule: [{}] })).toBe(values);
    expect(redact(values, {})).toBe(values);
  });

  it('replaces a marked value in a copy and leaves the original and untouched siblings alone', () => {
    const values = { password: 'hunter22', tags: { a: '1' }, block: [{ secret: 's', keep: 'k' }, { keep: 'x' }] };
    const before = clone(values);
    const out = redact(values, { password: true, block: [{ secret: true }, {}] }) as typeof values;
    expect(out).toEqual({ password: SENSITIVE, tags: { a: '1' }, block: [{ secret: SENSITIVE, keep: 'k' }, { keep: 'x' }] });
    expect(values).toEqual(before);
    expect(out.tags).toBe(values.tags);
    expect(out.block[1]).toBe(values.block[1]);
  });

  it('gives the same JSON as a full copy would, on random values and marks', () => {
    const full = (v: unknown, m: unknown): unknown => {
      if (m === true) return v === null || v === undefined ? v : SENSITIVE;
      if (Array.isArray(v) && Array.isArray(m)) return v.map((x, i) => full(x, m[i]));
      if (v && typeof v === 'object' && !Array.isArray(v) && m && typeof m === 'object' && !Array.isArray(m)) {
        const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
        for (const [k, mk] of Object.entries(m)) if (k in out) out[k] = full(out[k], mk);
        return out;
      }
      return v;
    };
    const marks: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      m: fc.oneof({ depthSize: 'small' }, fc.boolean(), fc.array(tie('m'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('m'), { maxKeys: 3 })),
    })).m;
    const values = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(values, marks, (v, m) => {
        const before = JSON.stringify(v);
        expect(JSON.stringify(redact(v, m))).toBe(JSON.stringify(full(v, m)));
        expect(JSON.stringify(v)).toBe(before);
      }),
    );
  });
});

describe('coerceDraft (copy on write)', () => {
  const draft = (values: Record<string, unknown>): Draft => ({
    address: 'aws_s3_bucket_versioning.v', mode: 'managed', type: 'aws_s3_bucket_versioning', name: 'v', module: '', index: null, provider: 'aws',
    values, unknown: [], sensitive: [], action: 'create', origin: { file: 'plan.json' }, references: {},
  });

  it('keeps values that already have their declared types, without copying them', () => {
    const values = { bucket: 'b', versioning_configuration: [{ status: 'Enabled' }] };
    const d = draft(values);
    coerceDraft(d, false);
    expect(d.values).toBe(values);
  });

  it('converts into a copy and leaves the original values unchanged', () => {
    const values = { bucket: 12, versioning_configuration: [{ status: 'Enabled' }] };
    const d = draft(values);
    coerceDraft(d, false);
    expect(d.values).toEqual({ bucket: '12', versioning_configuration: [{ status: 'Enabled' }] });
    expect(values.bucket).toBe(12);
    expect(d.values.versioning_configuration).toBe(values.versioning_configuration);
  });
});
