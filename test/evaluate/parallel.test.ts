// The parallel evaluation (rule shards on worker threads, their levelled findings put together
// with the estate part and the summary counted by the engine) over the projected input must
// give, byte for byte, the JSON decision of the one-pass evaluation of the whole input: on every rule fixture, every public plan, the synthesized leaky app with
// its config and waivers, and generated estates whose cross-resource findings (guards in
// another stack, trails and detectors per region, trust across environments) fall to rules
// in different shards. Needs `npm run build:policies` first.
import fc from 'fast-check';
import { join } from 'node:path';
import { loadCatalog } from '../../src/evaluate/catalog';
import { loadConfig, policyData } from '../../src/evaluate/config';
import type { CompiledPolicy, PolicyData } from '../../src/evaluate/policy';
import { shardRules } from '../../src/evaluate/parallel';
import { project, readAttributes } from '../../src/evaluate/projection';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import type { PolicyInput } from '../../src/types/policy-input';
import { buildLeakyApp } from '../../stacks/leaky';
import { estateInput, estateSpec } from '../helpers/estates';
import { cleanup, synthApp } from '../helpers/synth';
import { DATA, ROOT, planFiles, planInput, ruleFixtures, wasm } from '../policies/helpers';

jest.setTimeout(600_000);

/** Today's evaluation (one pass, every attribute) and the new ones, as the JSON report prints them. */
async function expectSameDecision(policy: CompiledPolicy, input: PolicyInput, data: PolicyData, workers: number, threads = true, ruleChunks?: number): Promise<string> {
  const reference = JSON.stringify(policy.evaluate(input, data, { project: false }), null, 2);
  expect(JSON.stringify(policy.evaluate(input, data), null, 2)).toBe(reference);
  expect(JSON.stringify(await policy.evaluateInWorker(input, data, { workers, threads, ruleChunks }), null, 2)).toBe(reference);
  return reference;
}

// Rule fixtures run the shards in this thread (the same phases; a worker pair per fixture
// would cost minutes on a busy 2-core runner); public plans go through worker threads.
test('every rule fixture and public plan: parallel and projected decisions equal the one-pass decision', async () => {
  const policy = await wasm();
  const plans = await Promise.all(planFiles().map(async (f): Promise<[string, PolicyInput, boolean]> => [f, await planInput(f), true]));
  const cases: Array<[string, PolicyInput, boolean]> = [...ruleFixtures().map(([id, input]): [string, PolicyInput, boolean] => [id, input, false]), ...plans];
  let findings = 0;
  for (const [name, input, threads] of cases) {
    const decision = await expectSameDecision(policy, input, DATA, 2, threads).catch((err: Error) => {
      throw new Error(`${name}: ${err.message}`);
    });
    findings += (JSON.parse(decision) as { findings: unknown[] }).findings.length;
  }
  expect(findings).toBeGreaterThan(cases.length);
});

test('the synthesized leaky app with its config and waivers, over 2 and 3 workers', async () => {
  const out = synthApp((app) => {
    buildLeakyApp(app);
  });
  try {
    const input = normalize(await loadPaths([out]));
    const configPath = join(ROOT, 'leakguard.config.json');
    const data = policyData(loadConfig(configPath), configPath, '2026-11-28');
    const policy = await wasm();
    for (const workers of [2, 3]) await expectSameDecision(policy, input, data, workers);
  } finally {
    cleanup(join(out, '..'));
  }
});

test('generated estates: cross-resource findings split across shards are kept, byte for byte', async () => {
  const policy = await wasm();
  const seen = new Set<string>();
  const files = new Map(loadCatalog().map((r) => [r.id, r.file.split('/').slice(2, 5).join('/')]));
  const runs = Number(process.env.PARALLEL_RUNS ?? 25);
  let split = 0;
  await fc.assert(
    // The input is written into the first worker's memory by this thread (input-stream.ts) and
    // copied by the others. The rules go in one chunk per worker, or in several that each
    // worker takes as it is free, their findings judged as each chunk is evaluated; a lone
    // worker takes them all in turn, a service's rules kept together.
    fc.asyncProperty(estateSpec, fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.constantFrom(undefined, 5, 9), async (spec, workers, soft, ruleChunks) => {
      const input = estateInput(spec);
      const shards = shardRules(policy.manifest.rules, 2, input.by_type).map((s) => new Set(s.map((p) => p.join('/'))));
      const waivers = (input.by_type.aws_s3_bucket ?? []).slice(0, 2).map((key) => ({ rule: 'aws-s3-public-access-block', resource: key, reason: 'generated', owner: 'platform', expires: '2099-01-01' }));
      const data: PolicyData = { ...DATA, config: soft ? { enforcement: { rules: { 'aws-s3-public-access-block': 'soft', 'aws-kms-key-rotation': 'soft' } } } : {}, waivers };
      const decision = JSON.parse(await expectSameDecision(policy, input, data, workers, true, ruleChunks)) as { findings: Array<{ rule_id: string; waived: boolean }> };
      for (const f of decision.findings) seen.add(f.waived ? `${f.rule_id} (waived)` : f.rule_id);
      const found = new Set(decision.findings.map((f) => files.get(f.rule_id)));
      if (shards.every((s) => [...found].some((p) => p !== undefined && s.has(p)))) split++;
    }),
    { numRuns: runs, seed: Number(process.env.PARALLEL_SEED ?? 12) },
  );
  // The runs exercised what the property is about: findings that need two resources or the
  // whole estate, waived ones, from rules the two-worker split puts in different shards.
  const crossResource = ['aws-s3-public-access-block', 'aws-iam-cross-environment-trust', 'aws-cloudtrail-multi-region', 'aws-guardduty-every-region', 'aws-config-recorder-every-region', 'aws-central-trail-pii-data-events'];
  for (const id of crossResource) expect(seen).toContain(id);
  expect([...seen].some((s) => s.endsWith('(waived)'))).toBe(true);
  // And most runs had findings from rules of both shards to put together again.
  expect(split).toBeGreaterThan(runs / 2);
});

test('resources written into a worker\'s memory from this thread: any text, no resources at all', async () => {
  const policy = await wasm();
  // Text outside ASCII (written as UTF-8 bytes, hashed as OPA hashes them) in keys, values and tags; in worker threads or in this one.
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  await fc.assert(
    fc.asyncProperty(estateSpec, text, text, fc.boolean(), async (spec, name, tag, threads) => {
      const input = estateInput(spec);
      const keys = input.by_type.aws_s3_bucket ?? [];
      for (const key of keys) {
        const r = input.resources[key];
        r.values = { ...r.values, bucket: `${name}${String(r.values.bucket)}` };
        r.tags = { ...r.tags, owner: tag };
      }
      // And a bucket under a key of such text (for_each keys are any string).
      if (keys.length > 0) {
        const r = input.resources[keys[0]];
        const address = `${r.address}[${JSON.stringify(name)}]`;
        const key = `${r.stack}/${address}`;
        input.resources[key] = { ...r, key, address, index: name, referenced_by: [] };
        input.by_type.aws_s3_bucket = [...keys, key];
      }
      await expectSameDecision(policy, input, DATA, 2, threads);
    }),
    { numRuns: Number(process.env.PARALLEL_RUNS ?? 25), seed: Number(process.env.PARALLEL_SEED ?? 12) },
  );
  const empty = estateInput(fc.sample(estateSpec, { numRuns: 1, seed: 3 })[0]);
  await expectSameDecision(policy, { ...empty, resources: {}, by_type: {}, regions: {} }, DATA, 2);
});

// Any partition of the rules gives the same decision (the tests above); how they are split
// decides only the time. Generated rule sets and resource counts: every rule in exactly one
// shard; with `together`, a service's rules together unless the service outweighs a shard's
// fair share; the heaviest shard no more than a fair share plus one unit above it (greedy,
// heaviest first).
test('shardRules: a partition of the rules, services kept together when asked, shards balanced', () => {
  const service = fc.constantFrom('aws/s3', 'aws/iam', 'aws/kms', 'azure/storage', 'azure/keyvault');
  const type = fc.constantFrom('aws_s3_bucket', 'aws_iam_role', 'aws_kms_key', 'azurerm_storage_account', 'azurerm_key_vault', 'aws_lambda_function');
  const rule = fc.record({ service, name: fc.string({ minLength: 1, maxLength: 6 }), types: fc.uniqueArray(type, { maxLength: 3 }) });
  const counts = fc.dictionary(type, fc.nat({ max: 5000 }));
  fc.assert(
    fc.property(fc.uniqueArray(rule, { minLength: 1, maxLength: 40, selector: (r) => `${r.service}/${r.name}` }), counts, fc.integer({ min: 1, max: 8 }), fc.boolean(), (specs, count, n, together) => {
      const rules = specs.map((r) => ({ path: [...r.service.split('/'), r.name], types: r.types }));
      const byType = Object.fromEntries(Object.entries(count).map(([t, c]) => [t, Array.from({ length: c }, (_, i) => `s/${t}.r${i}`)]));
      const shards = shardRules(rules as never, n, byType, together);
      expect(shards).toHaveLength(n);
      const ids = (paths: string[][]): string[] => paths.map((p) => p.join('/')).sort();
      expect(ids(shards.flat())).toEqual(ids(rules.map((r) => r.path)));
      const weight = (p: string[]): number => 1 + rules.find((r) => r.path.join('/') === p.join('/'))!.types.reduce((w, t) => w + (byType[t]?.length ?? 0), 0);
      const total = rules.reduce((w, r) => w + weight(r.path), 0);
      const serviceWeight = (name: string): number => rules.filter((r) => r.path.slice(0, 2).join('/') === name).reduce((w, r) => w + weight(r.path), 0);
      let largestUnit = 0;
      for (const name of new Set(rules.map((r) => r.path.slice(0, 2).join('/')))) {
        const holding = shards.filter((sh) => sh.some((p) => p.slice(0, 2).join('/') === name));
        if (together && serviceWeight(name) <= total / n) {
          expect(holding).toHaveLength(1);
          largestUnit = Math.max(largestUnit, serviceWeight(name));
        } else {
          largestUnit = Math.max(largestUnit, ...rules.filter((r) => r.path.slice(0, 2).join('/') === name).map((r) => weight(r.path)));
        }
      }
      const heaviest = Math.max(...shards.map((sh) => sh.reduce((w, p) => w + weight(p), 0)));
      expect(heaviest).toBeLessThanOrEqual(total / n + largestUnit);
    }),
    { numRuns: 300 },
  );
});

describe('projection', () => {
  test('keeps every attribute a rule names, drops the others', () => {
    const attrs = readAttributes(['x if r.values.block_public_acls == true', 'y := values_at(r, "rule.apply_server_side_encryption_by_default.sse_algorithm") # r.values.comment_only']);
    expect(attrs).toEqual(['apply_server_side_encryption_by_default', 'block_public_acls', 'rule', 'sse_algorithm']);
    const input = { resources: { k: { values: { rule: [1], tags_all: { a: 'b' }, arn: 'x' }, unknown: ['arn', 'rule.x'], sensitive: ['tags_all'] } } } as unknown as PolicyInput;
    expect(project(input, attrs).resources.k).toEqual({ values: { rule: [1] }, unknown: ['rule.x'], sensitive: [] });
  });

  test('a rule that reads values whole turns projection off', () => {
    for (const src of ['some k, v in r.values', 'x := r.values[_]', 'walk(r.values, [p, v])', 'json.marshal(r.values)']) expect(readAttributes([src])).toBeNull();
    expect(project({ resources: {} } as unknown as PolicyInput, null)).toEqual({ resources: {} });
  });

  test('the built policy projects (its Rego reads no values object whole)', async () => {
    expect((await wasm()).manifest.attributes?.length).toBeGreaterThan(100);
  });
});
