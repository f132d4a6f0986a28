// A check scans resources for secret candidates only at the attributes where the policy reads
// them (the manifest's `secret_paths`, from policies/lib/secrets.rego): that must never change
// a decision. Three links, each on generated input as well as every fixture: (1) scanning at
// some attributes gives the candidates of a scan of every attribute whose path lies under
// them, in the same order; (2) normalize with the paths gives normalize without them, each
// resource's candidates cut so; (3) the decision on an input equals the decision on the input
// cut so. The guard that turns the cut off (Rego reading candidates elsewhere) is tested too.
// Needs `npm run build:policies` first.
import fc from 'fast-check';
import type { SecretPaths } from '../../src/evaluate/manifest';
import { readsSecretsElsewhere } from '../../src/evaluate/projection';
import { loadPaths } from '../../src/load';
import type { Json, PlanDocument } from '../../src/load/types';
import { normalize } from '../../src/normalize';
import { secretCandidates, secretCandidatesAt } from '../../src/normalize/secrets';
import type { PolicyInput, SecretCandidate } from '../../src/types/policy-input';
import { DATA, PLANS, planFiles, ruleFixtures, wasm } from '../policies/helpers';
import { join } from 'node:path';

jest.setTimeout(600_000);

const under = (path: string, prefixes: Iterable<string>): boolean => {
  for (const p of prefixes) if (path === p || path.startsWith(`${p}.`)) return true;
  return false;
};

/** The input with each resource's candidates those `keep` takes, the holders' index again. */
function keeping(input: PolicyInput, keep: (type: string, c: SecretCandidate) => boolean): PolicyInput {
  const out = structuredClone(input);
  for (const r of Object.values(out.resources)) {
    if (r.secrets === undefined) continue;
    const kept = r.secrets.filter((c) => keep(r.type, c));
    if (kept.length > 0) r.secrets = kept;
    else delete r.secrets;
  }
  out.with_secrets = Object.values(out.resources)
    .filter((r) => r.secrets !== undefined)
    .map((r) => r.key);
  return out;
}

/** The reference cut: each resource's candidates under the paths the policy reads. */
const cut = (input: PolicyInput, paths: SecretPaths): PolicyInput =>
  keeping(input, (type, c) => under(c.path, [...paths.everywhere, ...(Object.hasOwn(paths.by_type, type) ? paths.by_type[type] : [])].map((p) => p.split('.')[0])));

/**
 * Without the candidates under the credential paths (SecretPaths.credentials), which a check
 * reads only where the configuration writes a literal (test/policies/credentials-in-code.test.ts):
 * an input with no configuration, as generated below, has none.
 */
const withoutCredentials = (input: PolicyInput, paths: SecretPaths): PolicyInput =>
  keeping(input, (type, c) => !under(c.path, paths.credentials && Object.hasOwn(paths.credentials, type) ? paths.credentials[type] : []));

const decisionOf = async (input: PolicyInput): Promise<string> => JSON.stringify((await wasm()).evaluate(input, DATA), null, 2);

const paths = async (): Promise<SecretPaths> => {
  const p = (await wasm()).manifest.secret_paths;
  if (!p) throw new Error('the built policy records no secret_paths');
  return p;
};

// Text that holds a candidate of each kind the scanner knows, and text that holds none.
const SECRET_TEXT = fc.constantFrom(
  'AKIAZ7QW3ERT5YUI9OPL',
  'ghp_R8x2LmQ4vT9wY1zC6nB3kD7fJ5sH0aE2gI4o',
  'export DB_PASSWORD=Orders-Pa55word-2026',
  'postgres://app:Hunter2Secret@db.internal:5432/shop',
  'xK9vQ2mLp4Rt7wYz1cB6nD8fJ3kS5uA0eG2iK4oQ7x',
  'Hq9vX2mLp4Rt7wYz1cB6nD8fJ3kS5uA0',
  'plain words, nothing secret here at all',
  'arn:aws:secretsmanager:us-east-1:111122223333:secret:db',
  'short',
);
const NAME = fc.constantFrom('DB_PASSWORD', 'API_TOKEN', 'LOG_LEVEL', 'secret_key', 'region', 'name');

/** A value that may hold candidates anywhere: text, name/value pairs, maps and lists of them. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    SECRET_TEXT,
    fc.record({ name: NAME, value: SECRET_TEXT }),
    fc.dictionary(NAME, tie('v'), { maxKeys: 3 }),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.constantFrom(null, true, 7),
  ),
})).v;

/** A value placed at a dotted attribute path (`container.environment_variables`: a block list, then a map). */
const at = (path: string[], v: unknown): unknown => (path.length === 0 ? v : { [path[0]]: path.length === 1 ? v : [at(path.slice(1), v)] });

test('scanning at some attributes gives the full scan\'s candidates under them, in order', () => {
  const ATTRS = ['tags', 'user_data', 'environment', 'name', 'value', 'setting', 'description', 'app_settings'];
  let kept = 0;
  let dropped = 0;
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom(...ATTRS), value, { maxKeys: 6 }), fc.option(fc.dictionary(fc.constantFrom(...ATTRS), value, { maxKeys: 3 }), { nil: undefined }), fc.subarray(ATTRS), (values, written, only) => {
      const all = secretCandidates(values, written);
      const some = secretCandidatesAt(new Set(only), values, written);
      const expected = all.filter((c: SecretCandidate) => under(c.path, only));
      expect(some).toEqual(expected);
      kept += some.length;
      dropped += all.length - some.length;
    }),
    { numRuns: 400 },
  );
  // Not vacuous: candidates were found both where the scan looked and where it did not.
  expect(kept).toBeGreaterThan(50);
  expect(dropped).toBeGreaterThan(50);
});

describe('the policy\'s secret paths', () => {
  test('the built policy records them: tags and provisioners everywhere, and where each rule looks', async () => {
    const p = await paths();
    expect(p.everywhere).toEqual(['tags', 'provisioner']);
    expect(p.by_type.aws_lambda_function).toEqual(['environment']);
    expect(p.by_type.azurerm_container_group).toEqual(['container.environment_variables']);
    expect(p.by_type.azurerm_linux_web_app).toEqual(['app_settings', 'connection_string']);
  });

  test('Rego reading candidates anywhere else turns the cut off', () => {
    for (const src of ['x := r.secrets', 'x := object.get(r, "secrets", [])', 'some k in input.with_secrets', 'c := r.secrets[_]']) {
      expect(readsSecretsElsewhere({ 'rules/aws/x/y/rule.rego': src })).toBe(true);
    }
    // The package and data paths named `secrets` are not the field; the library itself reads it.
    expect(readsSecretsElsewhere({ 'rules/aws/secrets/in_code/rule.rego': 'package leakguard.rules.aws.secrets.in_code\nimport data.leakguard.lib.secrets\nd := data.leakguard.rules.aws.secrets.in_code.deny\nh := secrets.holders # r.secrets' })).toBe(false);
    expect(readsSecretsElsewhere({ 'lib/secrets.rego': 'x := object.get(r, "secrets", [])' })).toBe(false);
    // A value looked for or compared (EKS's encryption_config resources) is not the field.
    for (const src of ['covers if "secrets" in r.values.encryption_config.resources', 'x if r.values.kind == "secrets"', 'x if "with_secrets" != y']) {
      expect(readsSecretsElsewhere({ 'rules/aws/eks/x/rule.rego': src })).toBe(false);
    }
    expect(readsSecretsElsewhere({ 'rules/aws/x/y/rule.rego': 'x := r["secrets"]' })).toBe(true);
  });
});

test('every public plan: normalized with the paths, it is the full input cut, and decides the same', async () => {
  const p = await paths();
  let dropped = 0;
  for (const file of planFiles()) {
    const full = normalize(await loadPaths([join(PLANS, file)]));
    const scanned = normalize(await loadPaths([join(PLANS, file)]), { secretPaths: p });
    expect(JSON.stringify(scanned)).toBe(JSON.stringify(cut(full, p)));
    expect(await decisionOf(scanned)).toBe(await decisionOf(full));
    dropped += full.with_secrets.length - scanned.with_secrets.length;
  }
  expect(planFiles().length).toBeGreaterThan(10);
  // Not vacuous: public plans hold candidates at attributes no rule reads.
  expect(dropped).toBeGreaterThan(0);
});

test('every rule fixture decides the same with candidates added where no rule reads them', async () => {
  const p = await paths();
  // Reportable candidates (an access key, a named secret, a long random token), placed at a path.
  const planted = (path: string): SecretCandidate[] => [
    { path, kind: 'aws-access-key-id', length: 20, entropy: 3.8, fingerprint: 'sha256:0a1b2c3d' },
    { path, kind: 'named-secret', length: 16, entropy: 3.5, fingerprint: 'sha256:1b2c3d4e' },
    { path, kind: 'generic', length: 40, entropy: 5.2, fingerprint: 'sha256:2c3d4e5f' },
  ];
  const plant = (input: PolicyInput, path: (type: string) => string): PolicyInput => {
    const out = structuredClone(input);
    for (const r of Object.values(out.resources)) if (r.mode === 'managed') r.secrets = [...(r.secrets ?? []), ...planted(path(r.type))];
    out.with_secrets = Object.values(out.resources).filter((r) => r.secrets !== undefined).map((r) => r.key);
    return out;
  };
  let reportable = 0;
  for (const [name, input] of ruleFixtures()) {
    const original = await decisionOf(input);
    // Under no path the policy reads: not a finding more.
    if ((await decisionOf(plant(input, () => 'description.user_data_note'))) !== original) throw new Error(`${name}: candidates where no rule reads changed the decision`);
    // Where it reads (tags): the same candidates are findings, so the first comparison meant something.
    if ((await decisionOf(plant(input, () => `${p.everywhere[0]}.note`))) !== original) reportable++;
  }
  expect(reportable).toBeGreaterThan(ruleFixtures().length / 2);
});

test('generated resources with candidates at any attribute: the same input and decision either way', async () => {
  const p = await paths();
  // Where documents are scanned: the credential paths read only literals, which a generated plan
  // without configuration has none of (credentials-in-code.test.ts plans them).
  const creds = (type: string): string[] => (p.credentials && Object.hasOwn(p.credentials, type) ? p.credentials[type] : []);
  const documents = (type: string): string[] => (Object.hasOwn(p.by_type, type) ? p.by_type[type].filter((x) => !creds(type).includes(x)) : []);
  const TYPES = [...Object.keys(p.by_type).filter((t) => documents(t).length > 0), 'aws_s3_bucket', 'aws_iam_role', 'azurerm_storage_account'];
  const resource = fc
    .constantFrom(...TYPES)
    .chain((type) => {
      const read = documents(type);
      const attribute = fc.constantFrom(...read, ...p.everywhere, 'description', 'user_data', 'environment', 'setting', 'metadata', 'name', 'value');
      return fc.record({ type: fc.constant(type), members: fc.array(fc.tuple(attribute, value), { maxLength: 4 }) });
    });
  let findings = 0;
  let dropped = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(resource, { minLength: 1, maxLength: 6 }), async (specs) => {
      const resources = specs.map((s, i) => {
        const values: Record<string, unknown> = {};
        for (const [path, v] of s.members) Object.assign(values, at(path.split('.'), v));
        const provider = s.type.startsWith('azurerm_') ? 'registry.terraform.io/hashicorp/azurerm' : 'registry.terraform.io/hashicorp/aws';
        return { address: `${s.type}.r${i}`, mode: 'managed', type: s.type, name: `r${i}`, provider_name: provider, values, sensitive_values: {} };
      });
      // Through JSON text, as a plan is loaded (fast-check's dictionaries may lack a prototype).
      const plan = JSON.parse(JSON.stringify({
        format_version: '1.2',
        planned_values: { root_module: { resources } },
        resource_changes: resources.map((r) => ({ address: r.address, mode: 'managed', type: r.type, name: r.name, provider_name: r.provider_name, change: { actions: ['create'], before: null, after: r.values, after_unknown: {}, before_sensitive: false, after_sensitive: {} } })),
      })) as Json;
      const docs = (): PlanDocument[] => [{ kind: 'plan', format: 'plan', stack: 'gen', file: 'gen.json', plan }];
      // A scan of every attribute reads credentials wherever they are; a check only where written as literals.
      const full = withoutCredentials(normalize(docs()), p);
      const scanned = normalize(docs(), { secretPaths: p });
      expect(JSON.stringify(scanned)).toBe(JSON.stringify(cut(full, p)));
      const decision = await decisionOf(scanned);
      expect(decision).toBe(await decisionOf(full));
      findings += (JSON.parse(decision) as { findings: Array<{ rule_id: string }> }).findings.filter((f) => f.rule_id.endsWith('secret-in-code')).length;
      dropped += full.with_secrets.length - scanned.with_secrets.length;
    }),
    { numRuns: Number(process.env.RUNS ?? 60) },
  );
  // Not vacuous: secrets were reported where rules look and cut where they do not. (Any, not
  // "more than 10": the runs draw at random, and 10 findings in 60 runs failed a correct build.)
  expect(findings).toBeGreaterThan(0);
  expect(dropped).toBeGreaterThan(0);
});
