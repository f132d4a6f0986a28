// The learner of the HCL path's provider defaults (test/helpers/provider-defaults.ts) over
// generated plans: an unset attribute is learned as the plan shows it (a value or unknown)
// whatever its shape, and never when any part of it is sensitive. after_sensitive mirrors a
// value's shape, `[]` or `{}` for a block or map with nothing sensitive; reading those as
// sensitive had left every block and map attribute (point_in_time_recovery, ttl, tags_all)
// unlearned, absent on the HCL path and unknown in the plan.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli';
import { learnProviderDefaults } from '../helpers/provider-defaults';

type Shape = { name: string; after?: unknown; unknown?: unknown; sensitive: unknown; learned: 'computed' | 'default' | 'no' };

const shape: fc.Arbitrary<Omit<Shape, 'name'>> = fc.oneof(
  // Wholly unknown, with nothing sensitive in whatever shape: learned as computed.
  fc.constantFrom<unknown>(false, [], {}, [{}], [{ a: false }], { k: false }).map((sensitive) => ({ unknown: true, sensitive, learned: 'computed' as const })),
  // A known primitive the plan gives it: learned as its default.
  fc.oneof(fc.boolean(), fc.integer(), fc.string({ maxLength: 6 })).map((after) => ({ after, sensitive: false, learned: 'default' as const })),
  // Anything sensitive, anywhere in it: never learned.
  fc.constantFrom<unknown>(true, [true], [{ a: true }], { k: true }).map((sensitive) => ({ unknown: true, sensitive, learned: 'no' as const })),
);

test('property: unset attributes are learned whatever their shape, sensitive ones never', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), { minLength: 1, maxLength: 6 }), fc.infiniteStream(shape), (names, shapes) => {
      const attrs: Shape[] = names.map((name) => ({ name, ...shapes.next().value }));
      const change = {
        actions: ['create'],
        after: Object.fromEntries(attrs.filter((a) => a.after !== undefined).map((a) => [a.name, a.after])),
        after_unknown: Object.fromEntries(attrs.filter((a) => a.unknown !== undefined).map((a) => [a.name, a.unknown])),
        after_sensitive: Object.fromEntries(attrs.map((a) => [a.name, a.sensitive])),
      };
      const plan = {
        resource_changes: [{ address: 'aws_thing.t', mode: 'managed', type: 'aws_thing', change }],
        configuration: { root_module: { resources: [{ address: 'aws_thing.t', expressions: {} }] } },
      };
      const file = join(tempDir('leakguard-defaults-'), 'plan.json');
      writeFileSync(file, JSON.stringify(plan));
      const entry = learnProviderDefaults([file]).aws_thing ?? { defaults: {}, computed: [] };
      for (const a of attrs) {
        const got = entry.computed.includes(a.name) ? 'computed' : a.name in entry.defaults ? 'default' : 'no';
        expect({ attr: a.name, sensitive: a.sensitive, got }).toEqual({ attr: a.name, sensitive: a.sensitive, got: a.learned });
        if (got === 'default') expect(entry.defaults[a.name]).toEqual(a.after);
      }
    }),
    { numRuns: 100 },
  );
});
