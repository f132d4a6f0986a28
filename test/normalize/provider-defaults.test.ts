import fc from 'fast-check';
import attributeTypes from '../../src/normalize/attribute-types.json';
import table from '../../src/normalize/provider-defaults.json';
import { withProviderDefaults } from '../../src/normalize/provider-defaults';

// An HCL resource leaves attributes unset that a plan shows as the provider plans them: the
// table learned from real plans (provider-defaults.json) where it has the type, else what the
// provider's schema computes (attribute-types.json `computed`), unknown until apply.
// test/policies/same-verdict/schema-computed compares the second with a real terraform plan.

const learned = table as Record<string, { defaults: Record<string, unknown>; computed: string[] }>;
const schema = attributeTypes.computed as Record<string, string[]>;
const fallback = Object.entries(schema).filter(([type]) => !learned[type]).flatMap(([type, attrs]) => attrs.map((attr) => ({ type, attr })));

describe('attributes the provider computes, for types no real plan has taught the table', () => {
  it('covers the rule-read types the table lacks (aws_rds_cluster_instance among them)', () => {
    expect(fallback.length).toBeGreaterThan(50);
    expect(schema.aws_rds_cluster_instance).toEqual(expect.arrayContaining(['publicly_accessible', 'storage_encrypted', 'kms_key_id']));
    // The schema's word never overrides a learned entry, nor covers tags_all (planned from the tags).
    expect(Object.values(schema).flat()).not.toContain('tags_all');
  });

  it('marks an unset (or null) computed attribute unknown, keeps a set one, and leaves the rest alone (generated)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fallback), fc.oneof(fc.string(), fc.boolean(), fc.integer()), fc.boolean(), ({ type, attr }, value, asNull) => {
        const unset = withProviderDefaults(type, asNull ? { [attr]: null, other: 1 } : { other: 1 }, []);
        expect(unset.unknown).toContain(attr);
        expect(unset.values).not.toHaveProperty(attr);
        expect(unset.values.other).toBe(1);
        const set = withProviderDefaults(type, { [attr]: value }, []);
        expect(set.values[attr]).toEqual(value);
        expect(set.unknown).not.toContain(attr);
      }),
      { numRuns: 300 },
    );
  });

  it('takes the learned table where it has the type (generated over its entries)', () => {
    const types = Object.keys(learned).filter((t) => schema[t]);
    fc.assert(
      fc.property(fc.constantFrom(...types), (type) => {
        const { unknown } = withProviderDefaults(type, {}, []);
        expect(unknown.sort()).toEqual([...learned[type].computed].sort());
      }),
      { numRuns: 100 },
    );
  });
});
