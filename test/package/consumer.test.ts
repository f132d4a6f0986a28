// A new user's project: the packed tarball installed with npm (--prefer-offline: tarballs from the cache `npm ci` filled),
// on a PATH without go or opa, used the way the README says. What users install is what runs.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { hashSources, sha256, type PolicyManifest } from '../../src/evaluate/manifest';
import { tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, 'fixtures');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const devVersion = (name: string): string => `${name}@${pkg.devDependencies[name]}`;

/** PATH without any folder that holds a `go` or `opa` executable. */
function pathWithout(tools: string[]): string {
  const runnable = (p: string): boolean => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !tools.some((t) => runnable(join(dir, t))))
    .join(delimiter);
}

// The outer `npm test` exports npm_* settings; the consumer's npm must not inherit them.
const ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && !/^LEAKGUARD_/.test(k) && k !== 'INIT_CWD'),
);
ENV.PATH = pathWithout(['go', 'opa']);
ENV.NO_COLOR = '1';

function sh(cmd: string, args: string[], cwd: string, timeout = 240_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: ENV, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const npm = (cwd: string, ...args: string[]) => ok(sh('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], cwd), `npm ${args.join(' ')}`);
// `npx leakguard` the way users call it; the rest through the same installed bin, skipping npm's start-up.
const npx = (cwd: string, ...args: string[]) => sh('npx', ['--no', 'leakguard', ...args], cwd);
const leakguard = (cwd: string, ...args: string[]) => sh(join(project, 'node_modules', '.bin', 'leakguard'), args, cwd);

let tarball: string;
let packed: string[];
let project: string;

beforeAll(() => {
  // The test command has just built dist/ and the policy; `prepack` (checked below) does the
  // same for a release. Packing with scripts here would rewrite files other tests are reading.
  const out = tempDir('leakguard-pack-');
  const info = JSON.parse(ok(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], ROOT), 'npm pack'));
  tarball = join(out, info[0].filename);
  packed = info[0].files.map((f: { path: string }) => f.path);

  project = tempDir('leakguard-consumer-');
  ok(sh('git', ['init', '-q'], project), 'git init');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'platform-infra', version: '1.0.0', private: true }, null, 2));
  npm(project, 'install', tarball);
}, 300_000);

describe('the npm package', () => {
  test('holds the built engine, the compiled policy, schemas, docs, README and licence, and nothing else', () => {
    for (const f of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'bin/leakguard.js', 'build/policy/policy.wasm', 'build/policy/manifest.json', 'build/policy/rules.json', 'build/policy/defaults.json', 'build/hcl-eval/hcl-eval.wasm', 'build/hcl-eval/wasm_exec.js', 'schemas/decision.schema.json', 'schemas/config.schema.json', 'docs/rules.md', 'docs/configuration.md', 'README.md', 'LICENSE', 'package.json']) {
      expect({ f, packed: packed.includes(f) }).toEqual({ f, packed: true });
    }
    expect(packed).toEqual(expect.arrayContaining(['dist/stacks/constructs/aws/bucket.js', 'dist/stacks/constructs/aws/bucket.d.ts', 'dist/stacks/constructs/azure/index.d.ts']));
    const allowed = /^(bin\/|dist\/src\/|dist\/stacks\/constructs\/|dist\/schemas\/|build\/policy\/(policy\.wasm|manifest\.json|rules\.json|defaults\.json)$|build\/hcl-eval\/(hcl-eval\.wasm|wasm_exec\.js)$|schemas\/|docs\/|action\.yml$|README\.md$|LICENSE$|package\.json$)/;
    expect(packed.filter((f) => !allowed.test(f))).toEqual([]);
    expect(packed.filter((f) => /(^|\/)(test|compliance-tests|policies|\.tools|stacks\/shop|stacks\/leaky|scripts)\//.test(f) || /\.test\.|\.rego$/.test(f))).toEqual([]);
  });

  test('prepack builds the engine and the policy, so a tarball never lacks or carries a stale WASM', () => {
    expect(pkg.scripts.prepack).toBe('npm run build && npm run build:policies && bash scripts/build-hcl-eval.sh');
    // What was packed is what the sources on disk compile to.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'build', 'policy', 'manifest.json'), 'utf8')) as PolicyManifest;
    expect(sha256(readFileSync(join(ROOT, 'build', 'policy', 'policy.wasm')))).toBe(manifest.wasm_sha256);
    expect(manifest.sources).toEqual(hashSources(join(ROOT, 'policies')));
  });

  test('installing it pulls neither CDKTF nor the provider packages (optional peers)', () => {
    expect(existsSync(join(project, 'node_modules', 'leakguard', 'build', 'policy', 'policy.wasm'))).toBe(true);
    for (const peer of ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-azurerm']) {
      expect({ peer, installed: existsSync(join(project, 'node_modules', peer)) }).toEqual({ peer, installed: false });
      expect(pkg.peerDependenciesMeta[peer]).toEqual({ optional: true });
    }
  });
});

describe('the CLI in a consumer project, with no go or opa on PATH', () => {
  beforeAll(() => {
    cpSync(join(FIXTURES, 'leaky-hcl'), join(project, 'infra', 'leaky'), { recursive: true });
    cpSync(join(FIXTURES, 'clean-hcl'), join(project, 'infra', 'clean'), { recursive: true });
  });

  test('go and opa are not reachable', () => {
    for (const tool of ['go', 'opa']) expect(sh('sh', ['-c', `command -v ${tool}`], project).status).not.toBe(0);
  });

  test('blocks a leaky HCL folder (exit 1, a public-storage finding) and passes a clean one', () => {
    const leaky = npx(project, 'check', 'infra/leaky', '--format', 'json');
    expect(leaky.status).toBe(1);
    const findings = JSON.parse(leaky.stdout).findings as Array<{ control: string; blocking: boolean; resource: { address: string } }>;
    expect(findings.filter((f) => f.control === 'public-storage' && f.blocking).map((f) => f.resource.address)).toContain('aws_s3_bucket_acl.customer_exports');
    const clean = leakguard(project, 'check', 'infra/clean');
    expect({ status: clean.status, stderr: clean.stderr }).toEqual({ status: 0, stderr: '' });
    expect(clean.stdout).toMatch(/^PASSED: 0 finding\(s\) over 6 resource\(s\)/m);
    expect(clean.stdout).toContain('config: none found');
  });

  test('rules, explain, baseline, evidence, init and drift work from the package alone', () => {
    const rules = leakguard(project, 'rules');
    expect(rules.status).toBe(0);
    expect(rules.stdout).toContain('aws-s3-public-acl');
    expect(leakguard(project, 'explain', 'aws-s3-public-acl').stdout).toContain('public-storage');
    expect(leakguard(project, 'baseline', 'create', 'infra/leaky', '-o', '.leakguard/baseline.json').status).toBe(0);
    // A baseline silences the findings it holds, except those of hard rules, which still block.
    const gated = leakguard(project, 'check', 'infra/leaky', '--baseline', '.leakguard/baseline.json', '--format', 'json');
    const decision = JSON.parse(gated.stdout) as { gate: { baseline: { new: number; existing: number; existing_hard: number } }; findings: Array<{ enforcement: string; blocking: boolean; baseline?: string }> };
    expect(decision.gate.baseline).toMatchObject({ new: 0, existing: decision.findings.length });
    expect(decision.findings.some((f) => f.enforcement === 'soft' && !f.blocking)).toBe(true);
    expect(decision.findings.filter((f) => f.blocking).every((f) => f.enforcement === 'hard' && f.baseline === 'existing')).toBe(true);
    expect(gated.status).toBe(decision.gate.baseline.existing_hard > 0 ? 1 : 0);
    expect(leakguard(project, 'check', 'infra/leaky', '--evidence', 'evidence').status).toBe(1);
    const verify = leakguard(project, 'evidence', 'verify', 'evidence/evidence-log.jsonl');
    expect({ status: verify.status, stderr: verify.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    const empty = join(project, 'new-repo');
    mkdirSync(empty);
    ok(sh('git', ['init', '-q'], empty), 'git init');
    const init = leakguard(empty, 'init');
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/wrote {4}leakguard\.config\.yaml\n {2}wrote {4}\.github\/workflows\/leakguard\.yml\n {2}wrote {4}\.github\/workflows\/leakguard-drift\.yml\n/);
    // The PR check is one job; drift is stacks → one job per stack → merge.
    for (const [f, jobs] of [['leakguard.yml', ['leakguard']], ['leakguard-drift.yml', ['stacks', 'drift', 'merge']]] as const) {
      const w = parse(readFileSync(join(empty, '.github', 'workflows', f), 'utf8'));
      expect({ f, jobs: Object.keys(w.jobs) }).toEqual({ f, jobs });
    }
    const plan = join(ROOT, 'test', 'drift', 'fixtures', 'emulator', 'drift-plan.json');
    const drift = leakguard(project, 'drift', plan, '--format', 'json', '--now', '2026-12-01T00:00:00Z');
    expect([0, 1]).toContain(drift.status);
    expect(JSON.parse(drift.stdout).status).toMatch(/drift|clean/);
  });
});

describe('the workflows init writes, through the installed package\'s action', () => {
  /** Runs the action's leakguard step from node_modules/leakguard/action.yml as the runner would, with its defaults (npx). */
  function runInstalledAction(env: Record<string, string>): Record<string, string> {
    const action = parse(readFileSync(join(project, 'node_modules', 'leakguard', 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      runs: { steps: Array<{ id?: string; run?: string; env?: Record<string, string> }> };
    };
    const step = action.runs.steps.find((s) => s.id === 'run')!;
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, env[k] ?? v.default ?? '']));
    // The step's env maps inputs to LG_* variables: `${{ inputs.x }}` filled in as the runner does.
    const stepEnv = Object.fromEntries(Object.entries(step.env!).map(([k, v]) => [k, v.replace(/^\$\{\{ inputs\.([\w-]+) \}\}$/, (_m, name: string) => inputs[name])]));
    const output = join(project, `.github-output-${Date.now()}`);
    writeFileSync(output, '');
    const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd: project, env: { ...ENV, ...stepEnv, GITHUB_OUTPUT: output }, encoding: 'utf8', timeout: 240_000 });
    expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
    return Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
  }

  test('both workflows use the action the package ships, with inputs it declares; it checks and reports drift', () => {
    const repo = join(project, 'init-repo');
    mkdirSync(join(repo, 'infra'), { recursive: true });
    cpSync(join(FIXTURES, 'leaky-hcl'), join(repo, 'infra'), { recursive: true });
    ok(sh('git', ['init', '-q'], repo), 'git init');
    expect(leakguard(repo, 'init').status).toBe(0);
    const declared = Object.keys((parse(readFileSync(join(project, 'node_modules', 'leakguard', 'action.yml'), 'utf8')) as { inputs: object }).inputs);
    const uses: Array<Record<string, string>> = [];
    for (const f of ['leakguard.yml', 'leakguard-drift.yml']) {
      const w = parse(readFileSync(join(repo, '.github', 'workflows', f), 'utf8')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
      const steps = Object.values(w.jobs).flatMap((j) => j.steps).filter((s) => s.uses === './node_modules/leakguard');
      expect({ f, steps: steps.length }).toEqual({ f, steps: 1 });
      for (const k of Object.keys(steps[0].with!)) expect(declared).toContain(k);
      uses.push(steps[0].with!);
    }
    // The PR workflow's inputs, run in the consumer project (paths relative to it): the leaky folder blocks.
    const check = runInstalledAction({ ...uses[0], paths: 'infra/leaky', 'reports-dir': 'reports' });
    expect(check['exit-code']).toBe('1');
    expect(readFileSync(join(project, 'reports', 'leakguard.txt'), 'utf8')).toMatch(/^BLOCKED: /m);
    // The drift workflow's merge inputs, on one stack's report as its matrix job writes it, and a second stack that left none.
    const plan = join(ROOT, 'test', 'drift', 'fixtures', 'emulator', 'drift-plan.json');
    mkdirSync(join(project, 'stack-reports'));
    const stack = leakguard(project, 'drift', plan, '--no-config', '--stack-name', 'orders', '--format', 'json', '--output', 'stack-reports/orders.json');
    expect([0, 1]).toContain(stack.status);
    writeFileSync(join(project, 'stacks.json'), JSON.stringify([{ stack: 'orders' }, { stack: 'payments' }]));
    const drift = runInstalledAction({ ...uses[1], paths: 'stack-reports', expect: 'stacks.json', 'reports-dir': 'drift-reports' });
    expect(drift['exit-code']).toBe('1');
    expect(drift.status).toMatch(/^(violating-drift|not-checked)$/);
    expect(readFileSync(join(project, 'drift-reports', 'drift.md'), 'utf8')).toContain('| `payments` | **not checked** |');
    expect(existsSync(join(project, '.leakguard', 'drift-history.json'))).toBe(true);
    expect(readFileSync(join(project, 'drift-reports', 'drift.md'), 'utf8')).toContain('<!-- leakguard-drift-report -->');
  });
});

describe('the exported constructs in a CDKTF app', () => {
  beforeAll(() => {
    npm(project, 'install', '--save-dev', devVersion('cdktf'), devVersion('constructs'), devVersion('@cdktf/provider-aws'), devVersion('jest'));
    mkdirSync(join(project, 'cdk'), { recursive: true });
    cpSync(join(FIXTURES, 'cdktf-app'), join(project, 'cdk'), { recursive: true });
  }, 300_000);

  test('an app built from leakguard/constructs/* synthesizes and passes with its discovered config', () => {
    ok(sh('node', ['main.js'], join(project, 'cdk')), 'synth');
    const r = npx(join(project, 'cdk'), 'check', 'cdktf.out');
    expect(r.stdout).toContain('config: leakguard.config.json (discovered)');
    expect(r.stdout).toMatch(/^PASSED: 0 finding\(s\)/m);
    expect(r.status).toBe(0);
  });

  test('the constructs come with type declarations at their public paths', () => {
    const d = readFileSync(join(project, 'node_modules', 'leakguard', 'dist', 'stacks', 'constructs', 'aws', 'bucket.d.ts'), 'utf8');
    expect(d).toMatch(/export declare class HardenedBucket extends Construct/);
    const resolved = ok(sh('node', ['-p', "require.resolve('leakguard/constructs/aws/bucket') + ' ' + Object.keys(require('leakguard/constructs/aws')).length"], project), 'resolve');
    expect(resolved.trim()).toMatch(/node_modules\/leakguard\/dist\/stacks\/constructs\/aws\/bucket\.js \d+$/);
  });
});

describe('CDKTF-native checks in the consumer project', () => {
  const cdk = () => join(project, 'cdk');

  test('a Jest run exercises both matchers: passing cases pass, failing ones print the findings', () => {
    const results = join(cdk(), 'jest-results.json');
    const r = sh(join(project, 'node_modules', '.bin', 'jest'), ['--ci', '--rootDir', '.', '--json', '--outputFile', results], cdk());
    expect(r.status).toBe(1); // failing.test.js fails on purpose
    const tests = (JSON.parse(readFileSync(results, 'utf8')).testResults as Array<{ name: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>).flatMap((f) =>
      f.assertionResults.map((a) => ({ file: f.name.split('/').pop(), ...a })),
    );
    const byTitle = new Map(tests.map((t) => [t.title, t]));
    expect(tests.filter((t) => t.file === 'compliance.test.js').map((t) => [t.title, t.status, t.failureMessages])).toEqual([
      ['the orders stack passes Leakguard', 'passed', []],
      ['the leaky stack violates public storage on its ACL', 'passed', []],
    ]);
    const notPassing = byTitle.get('FAILS: the leaky stack does not pass')!;
    expect(notPassing.status).toBe('failed');
    const msg = notPassing.failureMessages.join('\n');
    expect(msg).toMatch(/expected stack leaky to pass Leakguard, but \d+ finding\(s\) block it:/);
    expect(msg).toMatch(/CRITICAL aws-s3-public-acl {2}aws_s3_bucket_acl\.exports-acl/);
    expect(msg).toContain('(construct leaky/exports-acl)');
    expect(msg).toContain('fix: Remove the public canned ACL');
    const notViolating = byTitle.get('FAILS: the orders stack has no public ACL')!;
    expect(notViolating.status).toBe('failed');
    expect(notViolating.failureMessages.join('\n')).toContain('expected stack orders to violate {"rule":"aws-s3-public-acl"}, but no finding matches. Leakguard found nothing.');
  });

  test('the synth-time aspect makes synth fail on the leaky bucket, naming the construct path', () => {
    const r = sh('node', ['leaky.js'], cdk());
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/\[leaky\/exports-acl\] \[leakguard\] aws-s3-public-acl: .*Fix: /);
    expect(r.stderr).toContain('[leaky/exports] [leakguard] aws-s3-public-access-block');
  });
});
