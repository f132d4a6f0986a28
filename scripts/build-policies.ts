// Policy build: fmt → check (strict, against the input schema, WASM-safe capabilities)
// → test with coverage → build WASM → manifest with OPA version and sha256 of sources and WASM.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { hashSources, regoFiles, sha256, type PolicyManifest, type SecretPaths } from '../src/evaluate/manifest';
import { resourceTypes } from '../src/evaluate/parallel';
import { attributePaths, readAttributes, readsSecretsElsewhere } from '../src/evaluate/projection';
import { buildDir, opaBinary, policyDir, projectRoot } from '../src/evaluate/paths';
import { pagesFor } from '../src/evaluate/wasm-memory';
import { withRegexCacheKept } from '../src/evaluate/regex-cache';
import { fixSettings } from '../src/fix/values';
import { schemaErrors } from '../src/normalize/validate';
import type { RuleFix } from '../src/types/fix';

const ENTRYPOINT = 'leakguard/main/decision';
// The rules' findings before judging, for the parallel evaluation's shards.
const RAW_ENTRYPOINT = 'leakguard/shard/findings';
const ESTATE_ENTRYPOINT = 'leakguard/shard/estate';
const root = projectRoot();
const opa = opaBinary();
const policies = policyDir();
const out = buildDir();
const minCoverage = Number(process.env.LEAKGUARD_MIN_COVERAGE ?? readPackageConfig().minCoverage ?? 0);

function readPackageConfig(): { minCoverage?: number } {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).leakguard ?? {};
}

function step(name: string, args: string[], opts: { capture?: boolean } = {}): string {
  process.stderr.write(`• ${name}\n`);
  const r = spawnSync(opa, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) fail(`${name}: cannot run ${opa} (${r.error.message}); run scripts/setup-opa.sh`);
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    fail(`${name} failed`);
  }
  if (!opts.capture && r.stdout.trim()) process.stderr.write(r.stdout);
  return r.stdout;
}

function fail(msg: string): never {
  process.stderr.write(`build:policies: ${msg}\n`);
  process.exit(1);
}

/**
 * OPA's own capabilities narrowed to what the WASM target and the JS SDK implement, so a
 * rule using any other built-in is rejected by `opa check`/`opa build`, not at run time.
 */
function wasmCapabilities(file: string): void {
  const current = JSON.parse(execFileSync(opa, ['capabilities', '--current'], { encoding: 'utf8' }));
  const sdk = JSON.parse(readFileSync(join(root, 'node_modules', '@open-policy-agent', 'opa-wasm', 'capabilities.json'), 'utf8'));
  const allowed = new Set<string>(sdk.builtins.map((b: { name: string }) => b.name));
  // Rewritten to constants by the compiler, so no WASM implementation is needed.
  for (const b of ['rego.metadata.chain', 'rego.metadata.rule']) allowed.add(b);
  current.builtins = current.builtins.filter((b: { name: string }) => allowed.has(b.name));
  writeFileSync(file, JSON.stringify(current, null, 1));
}

/** Built-ins the WASM asks its host for: each must exist in the JS SDK. */
async function checkHostBuiltins(wasm: Buffer): Promise<void> {
  // The engine's own memory reservation: the default initial memory is smaller than the
  // policy's data segment (rule metadata) once there are enough rules.
  const policy = (await loadPolicy(wasm, { initial: pagesFor(0) })) as unknown as {
    wasmInstance: WebAssembly.Instance;
    mem: WebAssembly.Memory;
  };
  const ex = policy.wasmInstance.exports as Record<string, (...a: number[]) => number>;
  const addr = ex.opa_json_dump(ex.builtins());
  const bytes = new Uint8Array(policy.mem.buffer, addr);
  const json = Buffer.from(bytes.subarray(0, bytes.indexOf(0))).toString('utf8');
  const needed = Object.keys(JSON.parse(json));
  const sdk = require(join(root, 'node_modules', '@open-policy-agent', 'opa-wasm', 'src', 'builtins', 'index.js')) as Record<string, unknown>;
  const missing = needed.filter((b) => !(b in sdk));
  if (missing.length > 0) fail(`the WASM needs built-ins the JS SDK lacks: ${missing.join(', ')}`);
}

/** A rule's fix and runbook are data the engine applies: they must match their schemas, and a fix may name only real settings. */
function checkFixes(rules: Array<{ file: string; fix?: unknown; runbook?: unknown }>, defaults: Record<string, unknown>): void {
  for (const r of rules) {
    for (const field of ['fix', 'runbook'] as const) {
      const err = r[field] === undefined ? null : schemaErrors(field, r[field]);
      if (err) fail(`${r.file}: METADATA custom.${field}${err === 'is invalid' ? ' is invalid' : ` ${err}`} (schemas/${field}.schema.json)`);
    }
    const unknown = r.fix ? fixSettings(r.fix as RuleFix).filter((k) => !(k in defaults)) : [];
    if (unknown.length > 0) fail(`${r.file}: METADATA custom.fix names unknown settings ${unknown.join(', ')}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const caps = join(out, 'capabilities.json');
  wasmCapabilities(caps);
  const version = execFileSync(opa, ['version'], { encoding: 'utf8' }).match(/^Version: (.+)$/m)?.[1] ?? 'unknown';

  step('opa fmt', ['fmt', '--list', '--fail', policies]);
  step('opa check --strict', ['check', '--strict', '--capabilities', caps, '--schema', join(root, 'schemas', 'policy-input.schema.json'), policies]);
  process.stderr.write(step('opa test', ['test', policies], { capture: true }).split('\n').filter((l) => /^(PASS|FAIL|SKIPPED)/.test(l)).join('\n') + '\n');
  const cov = JSON.parse(step('opa test --coverage', ['test', '--coverage', '--format', 'json', policies], { capture: true }));
  const pct = Number(cov.coverage ?? 0);
  process.stderr.write(`  coverage ${pct.toFixed(2)}% (minimum ${minCoverage}%)\n`);
  if (pct < minCoverage) {
    const worst = Object.entries(cov.files as Record<string, { coverage?: number }>)
      .map(([f, c]) => [f, c.coverage ?? 0] as const)
      .sort((a, b) => a[1] - b[1])
      .slice(0, 5)
      .map(([f, c]) => `${f} ${c.toFixed(1)}%`);
    fail(`policy line coverage ${pct.toFixed(2)}% is below ${minCoverage}% (lowest: ${worst.join(', ')})`);
  }

  const bundle = join(out, 'bundle.tar.gz');
  // The WASM embeds the source paths it was given: a path relative to the project root makes
  // the same sources and OPA version give the same bytes in any checkout (test/package).
  step('opa build -t wasm', ['build', '-t', 'wasm', '-e', ENTRYPOINT, '-e', RAW_ENTRYPOINT, '-e', ESTATE_ENTRYPOINT, '--capabilities', caps, '--ignore', '*_test.rego', '-o', bundle, relative(root, policies)]);
  rmSync(join(out, 'extract'), { recursive: true, force: true });
  mkdirSync(join(out, 'extract'));
  execFileSync('tar', ['-xzf', bundle, '-C', join(out, 'extract'), '/policy.wasm'], { stdio: 'ignore' });
  // OPA's regex cache deletes what it is about to reuse once full (regex-cache.ts).
  const wasm = withRegexCacheKept(readFileSync(join(out, 'extract', 'policy.wasm')));
  await checkHostBuiltins(wasm);
  writeFileSync(join(out, 'policy.wasm'), wasm);
  rmSync(join(out, 'extract'), { recursive: true, force: true });

  const inspect = JSON.parse(execFileSync(opa, ['inspect', '--annotations', '--format', 'json', policies], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const rules = (inspect.annotations ?? [])
    .filter((a: { annotations?: { custom?: { id?: string } } }) => a.annotations?.custom?.id)
    .map((a: { annotations: Record<string, unknown> & { custom: Record<string, unknown> }; location: { file: string } }) => ({
      ...a.annotations.custom,
      title: a.annotations.title,
      description: a.annotations.description,
      file: a.location.file.replace(`${root}/`, ''),
      // Derived, not METADATA: the attribute paths the rule's source names (a finding's
      // message says which of them are unknown before apply: judge.ts unknownNote).
      reads: attributePaths(readFileSync(a.location.file, 'utf8')),
    }))
    .sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
  writeFileSync(join(out, 'rules.json'), JSON.stringify(rules, null, 2) + '\n');

  // The policy's own defaults, so the engine can reject a mistyped or mistyped-value setting.
  const defaults = JSON.parse(
    execFileSync(opa, ['eval', '--format', 'json', '-d', join(policies, 'lib', 'config.rego'), 'data.leakguard.lib.config.defaults'], { encoding: 'utf8' }),
  ).result[0].expressions[0].value;
  writeFileSync(join(out, 'defaults.json'), JSON.stringify(defaults, null, 2) + '\n');
  checkFixes(rules, defaults);

  const sources = regoFiles(policies).filter((f) => !f.endsWith('_test.rego'));
  // Each source read once: policies/-relative path → text.
  const texts = Object.fromEntries(sources.map((f) => [relative(policies, f), readFileSync(f, 'utf8')]));
  // Where the rules read secret candidates, as the Rego defines it (lib/secrets.rego).
  const secretPaths = readsSecretsElsewhere(texts)
    ? null
    : (JSON.parse(
        execFileSync(opa, ['eval', '--format', 'json', '--ignore', '*_test.rego', '-d', policies, '{"by_type": data.leakguard.lib.secrets.locations, "everywhere": data.leakguard.lib.secrets.everywhere, "credentials": data.leakguard.lib.secrets.credentials}'], {
          encoding: 'utf8',
        }),
      ).result[0].expressions[0].value as SecretPaths);
  const checkedTypes = new Map((rules as Array<{ file: string; data_stores?: { types?: string[] } }>).map((r) => [r.file, r.data_stores?.types ?? []]));
  const manifest: PolicyManifest = {
    opa_version: version,
    entrypoint: ENTRYPOINT,
    raw_entrypoint: RAW_ENTRYPOINT,
    estate_entrypoint: ESTATE_ENTRYPOINT,
    wasm_sha256: sha256(wasm),
    sources: hashSources(policies),
    attributes: readAttributes(Object.values(texts)),
    secret_paths: secretPaths,
    rules: sources
      .map((f) => ({ file: f, path: relative(join(policies, 'rules'), f).split('/') }))
      .filter(({ path }) => path.length === 4 && path[3] === 'rule.rego')
      // The types its source names, and those its METADATA says it checks (data_stores.types):
      // a rule reaching them through a library helper (OpenSearch domains, stores.rego) names
      // none itself, and a type no rule names gets no not-checked line (an audit: a domain's
      // key read as set in a plan alone passed without one).
      .map(({ file, path }) => ({ path: path.slice(0, 3), types: [...new Set([...resourceTypes(texts[relative(policies, file)]), ...(checkedTypes.get(relative(root, file)) ?? [])])].sort() })),
    known_gaps: JSON.parse(execFileSync(opa, ['eval', '--format', 'json', '-d', join(policies, 'lib', 'data_stores.rego'), 'data.leakguard.lib.data_stores.known_gaps'], { encoding: 'utf8' })).result[0].expressions[0].value as Record<string, Record<string, string>>,
  };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  process.stderr.write(`built ${join(out, 'policy.wasm')} (${rules.length} rules, OPA ${version}, sha256 ${manifest.wasm_sha256.slice(0, 12)})\n`);
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
