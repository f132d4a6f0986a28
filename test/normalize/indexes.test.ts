// Indexes normalize builds so that no evaluation (and no shard of one) scans every resource:
// - input.scopes (src/normalize/scopes.ts): the first live resource of each cloud and region
//   scope, where estate- and region-level findings are located. It must equal the Rego
//   definition (policies/testutil scopes_of, which uses lib's own region_of) on every kind of
//   resource: generated ones (clouds, modes, actions, regions or none, Azure locations given,
//   unknown or referenced, keys past U+FFFF where JavaScript's string order is not OPA's),
//   every public plan and every drift fixture.
// - input.with_secrets: the resources the secret rules read, the testutil definition's list.
// - input.by_mode: by_type's keys split by mode, which of_type's lists and the managed count
//   are built from (the testutil definition by_mode_of).
// Both describe the resources the input keeps where a key repeats (the later replaces the earlier).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadPaths } from '../../src/load';
import { byModeOf, normalize } from '../../src/normalize';
import { codePointLess, scopesOf, UNKNOWN_REGION } from '../../src/normalize/scopes';
import { opaBinary, policyDir } from '../../src/evaluate/paths';
import type { PolicyInput, Resource } from '../../src/types/policy-input';
import { planFiles, PLANS, ruleFixtures } from '../policies/helpers';

/** A testutil definition (`fn`) applied to each list of resources, in one `opa eval` of the Rego sources. */
function rego(fn: string, cases: Resource[][]): unknown[] {
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-scopes-'));
  try {
    writeFileSync(join(dir, 'input.json'), JSON.stringify({ cases }));
    const out = execFileSync(opaBinary(), ['eval', '--format', 'json', '-d', policyDir(), '-i', join(dir, 'input.json'), `[${fn} | some c in input.cases]`], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(out).result[0].expressions[0].value as unknown[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Characters on both sides of the places where UTF-16 order and code-point order part.
const keyChar = fc.constantFrom('a', 'b', '/', '.', '\u00e9', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{1f600}');
const key = fc.string({ unit: keyChar, minLength: 1, maxLength: 6 }).map((s) => `st/${s}`);

const resource = (k: string): fc.Arbitrary<Resource> =>
  fc.record({
    cloud: fc.constantFrom('aws', 'azure', 'other'),
    mode: fc.constantFrom('managed', 'managed', 'data'),
    action: fc.constantFrom('create', 'update', 'delete', 'replace', 'no-op', 'read', 'none'),
    region: fc.constantFrom<string | null>(null, null, 'us-east-1', 'westus2', '', UNKNOWN_REGION),
    location: fc.constantFrom<unknown>(undefined, null, 'West US 2', 0),
    unknownLocation: fc.boolean(),
    locationRefs: fc.constantFrom<string[] | undefined>(undefined, [], ['st/azurerm_resource_group.rg']),
    // Types that keep copies of their data in other regions (scopes.ts COPY_REGIONS), their
    // copies' regions given, empty, null or unknown, and the list of copies unknown.
    copies: fc.record({
      type: fc.constantFrom('aws_thing', 'aws_dynamodb_table', 'aws_secretsmanager_secret', 'aws_ecr_replication_configuration'),
      regions: fc.array(fc.constantFrom<string | null>('us-west-2', 'eu-west-1', 'us-east-1', '', null), { maxLength: 3 }),
      unknown: fc.constantFrom<string | undefined>(undefined, 'replica', 'replica.region_name', 'replication_configuration', 'replication_configuration.rule.destination.region', 'replica.arn'),
      // Whether something sets the list (an unknown one set from nothing is the provider's).
      referenced: fc.constantFrom<string | undefined>(undefined, 'replica', 'replica.kms_key_id', 'replication_configuration'),
    }),
  }).map(({ cloud, mode, action, region, location, unknownLocation, locationRefs, copies }) => ({
    key: k,
    address: k.slice(3),
    stack: 'st',
    mode,
    type: cloud === 'azure' ? 'azurerm_thing' : copies.type,
    name: 'x',
    module: '',
    index: null,
    cloud,
    provider: cloud,
    region,
    values: {
      ...(location === undefined ? {} : { location }),
      ...(cloud === 'aws' && copies.type === 'aws_ecr_replication_configuration'
        ? { replication_configuration: [{ rule: [{ destination: copies.regions.map((r) => ({ region: r, registry_id: '1' })) }] }] }
        : cloud === 'aws' && copies.type !== 'aws_thing'
          ? { replica: copies.regions.map((r) => ({ [copies.type === 'aws_secretsmanager_secret' ? 'region' : 'region_name']: r })) }
          : {}),
    },
    unknown: [unknownLocation ? 'location' : 'tags', ...(copies.unknown ? [copies.unknown] : [])],
    sensitive: [],
    tags: {},
    references: { ...(locationRefs === undefined ? {} : { location: locationRefs }), ...(cloud === 'aws' && copies.referenced ? { [copies.referenced]: ['st/aws_thing.src'] } : {}) },
    referenced_by: [],
    action,
    origin: { file: 'main.tf' },
  }) as Resource);

const resources = fc.uniqueArray(key, { maxLength: 12 }).chain((keys) => fc.tuple(...keys.map(resource)));

test('generated resources: the scopes index is the Rego definition of it', () => {
  const cases = fc.sample(resources, { numRuns: 400, seed: 20261205 });
  const expected = rego('data.leakguard.testutil.scopes_of(c)', cases);
  // Not a vacuous comparison: the cases reach every kind of scope.
  const scopes = cases.map((rs) => scopesOf(rs));
  expect(scopes.filter((s) => Object.keys(s).length === 0).length).toBeGreaterThan(0);
  expect(scopes.some((s) => s.azure && Object.keys(s.azure.regions).length === 0)).toBe(true);
  expect(scopes.some((s) => Object.values(s).some((c) => UNKNOWN_REGION in c.regions))).toBe(true);
  // Regions that only a copy (a table's replica) puts a resource in.
  expect(scopes.some((s, i) => Object.entries(s.aws?.regions ?? {}).some(([region, key]) => region !== UNKNOWN_REGION && cases[i].find((r) => r.key === key)?.region !== region))).toBe(true);
  for (let i = 0; i < cases.length; i++) expect([i, scopes[i]]).toEqual([i, expected[i]]);
});

/** Every rule fixture, public plan and drift fixture, normalized (the fixtures as committed). */
async function realInputs(): Promise<PolicyInput[]> {
  const inputs = [...ruleFixtures().map(([, input]) => input)];
  for (const f of planFiles()) inputs.push(normalize(await loadPaths([join(PLANS, f)])));
  const drift = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'drift');
  for (const f of ['state-kms-loggroup.json', 'refresh-only-benign-tags.json']) inputs.push(normalize(await loadPaths([join(drift, f)])));
  return inputs;
}

test('rule fixtures, public plans and drift fixtures: normalize writes the Rego definition of the scopes', async () => {
  const inputs = await realInputs();
  expect(inputs.map((i) => i.scopes)).toEqual(rego('data.leakguard.testutil.scopes_of(c)', inputs.map((i) => Object.values(i.resources))));
  expect(inputs.filter((i) => Object.keys(i.scopes).length > 0).length).toBeGreaterThan(inputs.length / 2);
});

const withSecrets = 'data.leakguard.testutil.with_index(c).with_secrets';

test('with_secrets: the resources holding secret candidates, as the Rego definition lists them', async () => {
  const inputs = await realInputs();
  expect(inputs.map((i) => i.with_secrets)).toEqual(rego(withSecrets, inputs.map((i) => Object.values(i.resources))));
  // Normalized here, not committed: public plans whose resources hold candidates.
  expect(inputs.slice(ruleFixtures().length).filter((i) => i.with_secrets.length > 0).length).toBeGreaterThan(3);
  // Generated: any resource may hold candidates, the normalized input lists exactly those.
  const cases = fc.sample(
    resources.chain((rs) => fc.tuple(...rs.map((r) => fc.boolean().map((held) => (held ? { ...r, secrets: [{ path: 'tags.k', kind: 'aws-access-key', fingerprint: 'x' }] } : r))))),
    { numRuns: 200, seed: 20261205 },
  ) as Resource[][];
  const listed = cases.map((rs) => rs.filter((r) => r.secrets !== undefined).map((r) => r.key));
  expect(listed).toEqual(rego(withSecrets, cases));
  expect(listed.some((l) => l.length > 0)).toBe(true);
});

const byMode = 'data.leakguard.testutil.by_mode_of(c)';

test('by_mode: by_type split by mode, as the Rego definition builds it', async () => {
  const inputs = await realInputs();
  expect(inputs.map((i) => i.by_mode)).toEqual(rego(byMode, inputs.map((i) => Object.values(i.resources))));
  // Each resource once, under its mode and type: the same keys as by_type.
  for (const i of inputs) {
    const keys = (index: Record<string, string[]>): string[] => Object.values(index).flat().sort();
    expect(keys({ ...i.by_mode.managed, ...Object.fromEntries(Object.entries(i.by_mode.data).map(([t, k]) => [`data ${t}`, k])) })).toEqual(keys(i.by_type));
  }
  // Not only managed resources: real inputs with data sources.
  expect(inputs.filter((i) => Object.keys(i.by_mode.data).length > 0).length).toBeGreaterThan(1);
  // Generated: both modes, types shared between them, any order of keys.
  const cases = fc.sample(
    resources.chain((rs) => fc.tuple(...rs.map((r) => fc.constantFrom('aws_thing', 'aws_other', 'azurerm_thing').map((type) => ({ ...r, type }))))),
    { numRuns: 200, seed: 20261205 },
  ) as Resource[][];
  const built = cases.map((rs) => byModeOf(rs));
  expect(built).toEqual(rego(byMode, cases));
  expect(built.some((b) => Object.keys(b.managed).some((t) => t in b.data))).toBe(true);
});

test('code-point order: as OPA compares strings (their UTF-8 bytes), not as JavaScript does', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
      expect(codePointLess(a, b)).toBe(Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0);
    }),
    { numRuns: 2000 },
  );
  // Where the two orders part: U+FFFF is one UTF-16 unit above U+10000's first.
  expect('\uffff' < '\u{10000}').toBe(false);
  expect(codePointLess('\uffff', '\u{10000}')).toBe(true);
});

test('a key that repeats (the later resource replaces the earlier): the indexes describe the resource kept', async () => {
  const plan = join(PLANS, 'aws-s3-create-update-delete-noop-drift-tf1.2.json');
  const [first, second] = await loadPaths([plan, plan]);
  if (first.kind !== 'plan' || second.kind !== 'plan') throw new Error('expected plans');
  // The same stack name for both (every key repeats); the later plan moves every resource to
  // another region (each names its own: `region` wins over the provider's).
  const moved = structuredClone(second.plan) as { planned_values: { root_module: { resources: Array<{ values: Record<string, unknown> }> } } };
  for (const r of moved.planned_values.root_module.resources) r.values.region = 'eu-north-1';
  const input = normalize([structuredClone(first), { ...second, stack: first.stack, plan: moved as unknown as typeof second.plan }]);
  const kept = Object.values(input.resources);
  expect(kept.filter((r) => r.mode === 'managed').every((r) => r.region === 'eu-north-1')).toBe(true);
  expect([input.scopes, input.with_secrets, input.by_mode]).toEqual([
    rego('data.leakguard.testutil.scopes_of(c)', [kept])[0],
    rego(withSecrets, [kept])[0],
    rego(byMode, [kept])[0],
  ]);
  // Not what the first plan alone gives: its resources were replaced.
  const alone = normalize([structuredClone(first)]).scopes;
  expect(Object.keys(alone).length).toBeGreaterThan(0);
  expect(input.scopes).not.toEqual(alone);
  expect(JSON.stringify(input.scopes)).toContain('eu-north-1');
});
