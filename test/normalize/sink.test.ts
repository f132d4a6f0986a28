// normalize() hands each resource to its sink as soon as it is complete, its referenced_by
// included, so the policy's workers parse it while the rest is normalized (check()). What the
// sink got, at the moment it got it, must be the input normalize() returns, in its order, and
// that input the same as without a sink: on generated estates (references across resources,
// guards in other stacks), every public plan, and inputs where a key repeats.
import fc from 'fast-check';
import { join } from 'node:path';
import { loadPaths } from '../../src/load';
import type { LoadedDocument } from '../../src/load/types';
import { normalize } from '../../src/normalize';
import { estateDocs, estateSpec } from '../helpers/estates';
import { planFiles, PLANS } from '../policies/helpers';

function expectStreamed(docs: () => LoadedDocument[]): void {
  const got: Array<[string, string]> = [];
  let expected = -1;
  const input = normalize(docs(), { sink: { expect: (n) => (expected = n), add: (r) => got.push([r.key, JSON.stringify(r)]) } });
  expect(got).toEqual(Object.keys(input.resources).map((k) => [k, JSON.stringify(input.resources[k])]));
  expect(expected).toBeGreaterThanOrEqual(got.length);
  expect(JSON.stringify(input)).toBe(JSON.stringify(normalize(docs())));
}

test('generated estates: each resource reaches the sink complete, as the input holds it', () => {
  let linked = 0;
  fc.assert(
    fc.property(estateSpec, (spec) => {
      expectStreamed(() => estateDocs(spec));
      const input = normalize(estateDocs(spec));
      if (Object.values(input.resources).some((r) => r.referenced_by.length > 0)) linked++;
    }),
    { numRuns: 40, seed: 14 },
  );
  // The runs had references to stream (links into resources built before and after them).
  expect(linked).toBeGreaterThan(20);
});

test('every public plan, and a plan read twice (its keys repeat: the later replaces the earlier)', async () => {
  for (const file of planFiles()) {
    const docs = await loadPaths([join(PLANS, file)]);
    expectStreamed(() => structuredClone(docs));
  }
  const plan = join(PLANS, 'aws-s3-bucket-policy-tf1.0.json');
  const [first, second] = await loadPaths([plan, plan]);
  // The same stack name for both (the loader would number the second): every key repeats.
  const twice = [first, { ...second, stack: first.stack }];
  expect(Object.keys(normalize(structuredClone(twice)).resources)).toHaveLength(Object.keys(normalize([structuredClone(first)]).resources).length);
  expectStreamed(() => structuredClone(twice));
});
