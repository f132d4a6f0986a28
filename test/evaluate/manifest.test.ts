import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../src/errors';
import { policyReads, type PolicyManifest } from '../../src/evaluate/manifest';
import { loadCompiledPolicy } from '../../src/evaluate/policy';
import { buildDir, policyDir } from '../../src/evaluate/paths';
import { tempDir } from '../helpers/cli';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { DATA, PLANS, planFiles } from '../policies/helpers';

// The engine must never run a WASM that no longer matches the Rego on disk.
describe('compiled policy manifest', () => {
  function copies(): { build: string; policies: string } {
    const dir = tempDir('leakguard-manifest-');
    cpSync(buildDir(), join(dir, 'build'), { recursive: true });
    cpSync(policyDir(), join(dir, 'policies'), { recursive: true });
    return { build: join(dir, 'build'), policies: join(dir, 'policies') };
  }

  test('the manifest records the pinned OPA version and a hash of every Rego file', () => {
    const manifest = JSON.parse(readFileSync(join(buildDir(), 'manifest.json'), 'utf8'));
    const pinned = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).leakguard.opaVersion;
    expect(manifest.opa_version).toBe(pinned);
    expect(manifest.entrypoint).toBe('leakguard/main/decision');
    expect(manifest.sources['rules/aws/s3/public_access_block/rule.rego']).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest.sources).length).toBeGreaterThan(100);
  });

  test('an intact build loads', async () => {
    const { build, policies } = copies();
    await expect(loadCompiledPolicy(build, policies)).resolves.toHaveProperty('manifest');
  });

  test('an edited rule makes the engine refuse the WASM and say how to rebuild', async () => {
    const { build, policies } = copies();
    appendFileSync(join(policies, 'rules/aws/s3/public_access_block/rule.rego'), '\n# edited\n');
    const err = await loadCompiledPolicy(build, policies).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toContain('policy sources changed since policy.wasm was built (rules/aws/s3/public_access_block/rule.rego)');
    expect(err.message).toContain('npm run build:policies');
  });

  test('deferred (as check() loads it), an edited rule is refused by every evaluation before it answers', async () => {
    const { build, policies } = copies();
    appendFileSync(join(policies, 'rules/aws/s3/public_access_block/rule.rego'), '\n# edited\n');
    const policy = await loadCompiledPolicy(build, policies, { deferSourceCheck: true });
    const input = normalize(await loadPaths([join(PLANS, planFiles()[0])]));
    const refused = /^policy sources changed since policy\.wasm was built \(rules\/aws\/s3\/public_access_block\/rule\.rego\)/;
    expect(() => policy.evaluate(input, DATA)).toThrow(refused);
    await expect(policy.evaluateInWorker(input, DATA)).rejects.toThrow(refused);
    await expect(policy.evaluateInWorker(input, DATA, { threads: false })).rejects.toThrow(refused);
    const session = policy.evaluationSession(DATA);
    session.expect(0);
    await expect(session.finish(normalize([]))).rejects.toThrow(refused);
    // The intact sources, deferred: the same decision as checked up front.
    const intact = copies();
    const deferred = await loadCompiledPolicy(intact.build, intact.policies, { deferSourceCheck: true });
    const upFront = await loadCompiledPolicy(intact.build, intact.policies);
    expect(JSON.stringify(await deferred.evaluateInWorker(input, DATA))).toBe(JSON.stringify(upFront.evaluate(input, DATA)));
  });

  test('a new or removed rule file is a change too', async () => {
    const { build, policies } = copies();
    writeFileSync(join(policies, 'rules/aws/s3/extra.rego'), 'package leakguard.extra\n');
    await expect(loadCompiledPolicy(build, policies)).rejects.toThrow(/rules\/aws\/s3\/extra\.rego/);
  });

  test('a swapped WASM no longer matches its manifest', async () => {
    const { build, policies } = copies();
    const wasm = readFileSync(join(build, 'policy.wasm'));
    wasm[wasm.length - 1] ^= 0xff;
    writeFileSync(join(build, 'policy.wasm'), wasm);
    await expect(loadCompiledPolicy(build, policies)).rejects.toThrow('policy.wasm does not match its manifest');
  });

  test('a missing build says to run the build', async () => {
    await expect(loadCompiledPolicy(tempDir(), policyDir())).rejects.toThrow(/no compiled policy at .*run `npm run build:policies`/);
  });
});

// A type a rule checks through a library helper (OpenSearch domains: stores.rego) was named by no
// rule's source, so what a plan alone could not show of it got no not-checked line: a domain's
// AWS-managed key passed silently (an audit). Every type a rule's METADATA says it checks counts.
test('every type a rule says it checks (data_stores.types) is one the policy reads', () => {
  const manifest = JSON.parse(readFileSync(join(buildDir(), 'manifest.json'), 'utf8')) as PolicyManifest;
  const catalogue = JSON.parse(readFileSync(join(buildDir(), 'rules.json'), 'utf8')) as Array<{ id: string; file: string; data_stores?: { types?: string[] } }>;
  const reads = policyReads(manifest);
  const checked = catalogue.flatMap((r) => (r.data_stores?.types ?? []).map((type) => ({ id: r.id, type, attr: (r as { reads?: string[] }).reads?.[0] ?? 'id' })));
  expect(checked.length).toBeGreaterThan(50);
  expect(checked.filter(({ type, attr }) => !reads(type, attr)).map(({ id, type }) => `${id}: ${type}`)).toEqual([]);
});
