// Benchmark (issue 12): `leakguard check` end to end on generated estate plans of 5k / 20k /
// 50k resources and on a 200k-resource estate of several plans, each measurement in a fresh
// child process (its own peak RSS and CPU time, worker threads included), beside the read +
// JSON.parse floor measured in the same run; this build runs as it does by default and in one
// pass (LEAKGUARD_WORKERS=1). Per size up to --opa-max it also runs `opa eval` (OPA's Go engine)
// once on the same Rego and the same projected input the WASM evaluates. `--before <checkout>` runs the same
// plans through another build (e.g. main before a change) interleaved with these, so all see
// the same load. The machine may be shared: CPU time beside wall time, and the load average.
// Usage: node dist/scripts/bench.js [--sizes 5000,20000,50000] [--runs 3] [--estate 200000]
//        [--plans 4] [--before /path/to/other/checkout] [--opa-max 20000]
import { execFileSync, spawnSync, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '../src/evaluate/manifest';
import type { Decision } from '../src/types/decision';
import { decisionDigest, policyDecisionOf } from './bench/digest';
import { estatePlan, estatePlans } from './bench/estate';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (msec: number): string => `${(msec / 1000).toFixed(2)} s`;
const load = (): string => loadavg()[0].toFixed(1);

interface Probe {
  load: number;
  normalize: number;
  evaluate: number;
  report: number;
  total: number;
  /** User + system CPU time of the process, ms (from /usr/bin/time where there is one, else as the probe reports it). */
  cpu?: number;
  /** Of it, system time (ms) and minor page faults (each first touch of a 4 KB page): from /usr/bin/time where there is one. */
  sys?: number;
  faults?: number;
  rss: number;
  resources: number;
  findings: number;
  decision_sha256: string;
  /** sha256 of the canonical JSON of the decision as the policy returned it. */
  policy_sha256?: string;
}

/** A build to measure: its checkout, and environment settings (LEAKGUARD_WORKERS=1 for one pass). */
interface Build {
  root: string;
  env?: Record<string, string>;
}

/** One cold `check` of the paths in a child process: its figures plus the wall time of the process. */
function probe({ root, env }: Build, paths: string[], dump: string[] = []): Probe & { wall: number } {
  const script = join(root, 'dist', 'scripts', 'bench', 'probe.js');
  // The probe writes its JSON report and the digests are taken here, outside the timed process
  // (a --before build's probe from before --report existed hashes in its own time).
  const report = readFileSync(script, 'utf8').includes("'--report'") ? join(tmpdir(), `leakguard-bench-report-${process.pid}.json`) : null;
  const args = [script, ...dump, ...(report ? ['--report', report] : []), ...paths];
  // CPU time from outside where /usr/bin/time exists, so builds whose probe does not report it (--before) have it too.
  const cpuFile = join(tmpdir(), `leakguard-bench-cpu-${process.pid}`);
  const timed = existsSync(TIME);
  const t = process.hrtime.bigint();
  const opts = { encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } };
  const r = timed ? spawnSync(TIME, ['-o', cpuFile, '-f', '%U %S %R', process.execPath, ...args], opts) : spawnSync(process.execPath, args, opts);
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`check of ${paths.join(' ')} with ${root} failed: ${r.stderr.trim().split('\n').pop()}`);
  const p = { ...(JSON.parse(r.stdout) as Probe), wall };
  if (report) {
    const text = readFileSync(report, 'utf8');
    rmSync(report, { force: true });
    p.decision_sha256 = sha256(text);
    p.policy_sha256 = decisionDigest(policyDecisionOf(JSON.parse(text) as Decision));
  }
  if (!timed) return p;
  const [user, sys, faults] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(cpuFile, { force: true });
  return { ...p, cpu: (user + sys) * 1000, sys: sys * 1000, faults };
}

/** The floor: a process that only reads and parses the same files. */
function floor(paths: string[]): number {
  const t = process.hrtime.bigint();
  execFileSync(process.execPath, ['-e', 'for (const p of process.argv.slice(1)) JSON.parse(require("fs").readFileSync(p, "utf8"))', ...paths]);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** `opa eval` of the decision over the input the probe dumped (input.json); CPU and RSS from /usr/bin/time where there is one. */
function opaEval(opa: string, bundle: string, dir: string): { wall: number; cpu?: number; rss?: number; sha: string } {
  // Every finding's subject whole (lib/finding.rego), as the engine reports it: the digests
  // compare them. A bundle owns all of data (a -d file beside it is not read): the probe runs
  // with the default config, which is no data.
  const args = ['eval', '-b', bundle, '-i', join(dir, 'input.json'), '-f', 'json', 'data.leakguard.main.decision with data.full_subjects as true'];
  const timed = existsSync(TIME);
  // Its output straight to a file: the decision at 50k is tens of MB.
  const fd = openSync(join(dir, 'opa.json'), 'w');
  const stdio: StdioOptions = ['ignore', fd, 'pipe'];
  const t = process.hrtime.bigint();
  const r = timed ? spawnSync(TIME, ['-f', '%U %S %M', opa, ...args], { encoding: 'utf8', stdio }) : spawnSync(opa, args, { encoding: 'utf8', stdio });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`opa eval failed: ${r.stderr.trim().split('\n').pop()}`);
  const out = JSON.parse(readFileSync(join(dir, 'opa.json'), 'utf8')) as { result: Array<{ expressions: Array<{ value: { findings: unknown[] } }> }> };
  const sha = decisionDigest(out.result[0].expressions[0].value);
  if (!timed) return { wall, sha };
  const [user, sys, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: (user + sys) * 1000, rss: kb * 1024, sha };
}

const TIME = '/usr/bin/time';

/** The digest of a build's JSON report with findings in sorted order (one untimed `leakguard check`): builds may order findings differently. */
function reportContents({ root, env }: Build, paths: string[]): string {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'leakguard.js'), 'check', ...paths, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, ...env } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`check of ${paths.join(' ')} with ${root} failed: ${r.stderr.trim().split('\n').pop()}`);
  return decisionDigest(JSON.parse(r.stdout) as { findings: unknown[] });
}

interface Figures {
  wall: number;
  cpu?: number;
  sys?: number;
  faults?: number;
  phases?: Record<'load' | 'normalize' | 'evaluate' | 'report', number>;
  rss?: number;
  findings?: number;
  sha?: string;
  policySha?: string;
}

interface Row {
  label: string;
  /** When the builds' reports differ: whether they hold the same findings and the same everything else (reportContents). */
  sameContents?: boolean;
  bytes: number;
  floor: number;
  builds: Record<string, Figures>;
  load: string;
}

const medianOf = <T>(xs: T[], f: (x: T) => number | undefined): number | undefined => (xs.some((x) => f(x) === undefined) ? undefined : median(xs.map((x) => f(x)!)));

/** Runs each build `runs` times on the paths, interleaved so all see the same load, and opa eval (given a bundle) once: it takes minutes at 20k. */
function measure(label: string, paths: string[], runs: number, builds: Record<string, Build>, opa?: { bin: string; bundle: string; dir: string }): Row {
  const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  const floors: number[] = [];
  const probes: Record<string, Array<Probe & { wall: number }>> = Object.fromEntries(Object.keys(builds).map((b) => [b, []]));
  const opas: Array<ReturnType<typeof opaEval>> = [];
  const loads: string[] = [load()];
  const first = Object.keys(builds)[0];
  // What opa eval reads is dumped by a run of its own (writing it is not the check's time).
  if (opa) {
    probe(builds[first], paths, ['--dump', opa.dir]);
    opas.push(opaEval(opa.bin, opa.bundle, opa.dir));
  }
  for (let r = 0; r < runs; r++) {
    floors.push(floor(paths));
    for (const [name, build] of Object.entries(builds)) probes[name].push(probe(build, paths));
    loads.push(load());
  }
  const row: Row = { label, bytes, floor: median(floors), builds: {}, load: loads.join('→') };
  for (const [name, ps] of Object.entries(probes)) {
    row.builds[name] = {
      wall: median(ps.map((p) => p.wall)),
      cpu: medianOf(ps, (p) => p.cpu),
      sys: medianOf(ps, (p) => p.sys),
      faults: medianOf(ps, (p) => p.faults),
      phases: { load: median(ps.map((p) => p.load)), normalize: median(ps.map((p) => p.normalize)), evaluate: median(ps.map((p) => p.evaluate)), report: median(ps.map((p) => p.report)) },
      rss: Math.max(...ps.map((p) => p.rss)),
      findings: ps[0].findings,
      sha: ps[0].decision_sha256,
      policySha: ps[0].policy_sha256,
    };
  }
  if (opas.length > 0) row.builds['opa eval'] = { wall: opas[0].wall, cpu: opas[0].cpu, rss: opas[0].rss, policySha: opas[0].sha };
  if (new Set(Object.values(row.builds).flatMap((b) => (b.sha ? [b.sha] : []))).size > 1) {
    row.sameContents = new Set(Object.values(builds).map((b) => reportContents(b, paths))).size === 1;
  }
  return row;
}

function print(row: Row): void {
  for (const [name, b] of Object.entries(row.builds)) {
    // System time is mostly the kernel mapping fresh pages (on this project's 2-core VM ~3.5 µs a fault): memory touched costs time.
    const sys = b.sys === undefined || b.faults === undefined ? '' : ` (sys ${s(b.sys)}, ${(b.faults / 1000).toFixed(0)}k page faults = ${mb(b.faults * 4096)} touched)`;
    const cpu = b.cpu === undefined ? '' : ` cpu ${s(b.cpu)}${sys}`;
    const phases = b.phases ? ` | load ${s(b.phases.load)} normalize ${s(b.phases.normalize)} evaluate ${s(b.phases.evaluate)} report ${s(b.phases.report)}` : '';
    const rss = b.rss === undefined ? '' : ` | peak RSS ${mb(b.rss)} (${(b.rss / row.bytes).toFixed(1)}× input)`;
    const findings = b.findings === undefined ? '' : ` | ${b.findings} findings`;
    console.log(
      `${row.label.padEnd(26)} ${name.padEnd(8)} input ${mb(row.bytes).padStart(7)} | floor ${s(row.floor)} | end to end ${s(b.wall)}${cpu} (${(b.wall / row.floor).toFixed(1)}× floor)` +
        `${phases}${rss}${findings} | load ${row.load}`,
    );
  }
  const shas = new Set(Object.values(row.builds).flatMap((b) => (b.sha ? [b.sha] : [])));
  if (shas.size > 1) console.log(`${row.label}: the builds' JSON reports ${row.sameContents ? 'differ only in the order of findings' : 'DIFFER'}`);
  const opa = row.builds['opa eval'];
  const own = Object.values(row.builds)[0];
  if (opa && own.policySha) console.log(`${row.label}: opa eval's decision ${opa.policySha === own.policySha ? 'is the same as' : 'DIFFERS from'} the WASM's (findings in sorted order)`);
}

function main(): void {
  const sizes = arg('sizes', '5000,20000,50000').split(',').map(Number);
  const runs = Number(arg('runs', '3'));
  const estate = Number(arg('estate', '200000'));
  const plans = Number(arg('plans', '4'));
  const opaMax = Number(arg('opa-max', '20000'));
  const root = join(__dirname, '..', '..');
  // This build as it runs by default, in one pass (what the second core adds), and optionally another checkout.
  const builds: Record<string, Build> = { this: { root }, '1 pass': { root, env: { LEAKGUARD_WORKERS: '1' } } };
  const before = arg('before', '');
  if (before) builds.before = { root: before };
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-bench-'));
  try {
    console.log(`leakguard bench: median of ${runs} cold runs per build (child processes), opa eval once; cpu = user + system time; load average before→after each run`);
    const bin = join(root, '.tools', 'bin', 'opa');
    let opa: { bin: string; bundle: string; dir: string } | undefined;
    if (existsSync(bin)) {
      const bundle = join(dir, 'bundle.tar.gz');
      execFileSync(bin, ['build', '-o', bundle, '--ignore', '*_test.rego', join(root, 'policies')]);
      opa = { bin, bundle, dir };
    } else console.log(`opa eval: not measured (no ${bin}; run scripts/setup-opa.sh)`);
    const rows: Row[] = [];
    for (const n of sizes) {
      const file = join(dir, `estate-${n}.json`);
      writeFileSync(file, JSON.stringify(estatePlan(n)));
      if (opa && n > opaMax) console.log(`opa eval: not measured at ${n} resources (--opa-max ${opaMax})`);
      const row = measure(`${n} resources, 1 plan`, [file], runs, builds, n <= opaMax ? opa : undefined);
      print(row);
      rows.push(row);
      rmSync(file);
    }
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (rows.length > 1) {
      for (const name of Object.keys(first.builds).filter((b) => b in last.builds)) {
        const [a, b] = [first.builds[name], last.builds[name]];
        const cpu = a.cpu && b.cpu ? `, cpu ${(b.cpu / a.cpu).toFixed(1)}` : '';
        const evaluate = a.phases && b.phases ? `, evaluate ${(b.phases.evaluate / a.phases.evaluate).toFixed(1)}` : '';
        console.log(`t(${sizes[sizes.length - 1]})/t(${sizes[0]}) ${name}: end to end ${(b.wall / a.wall).toFixed(1)}${cpu}${evaluate} (input ×${(last.bytes / first.bytes).toFixed(1)})`);
      }
    }
    if (estate > 0) {
      const files = estatePlans(estate, plans).map((plan, i) => {
        const file = join(dir, `estate-${estate}-${i}.json`);
        writeFileSync(file, JSON.stringify(plan));
        return file;
      });
      print(measure(`${estate} resources, ${plans} plans`, files, 1, { this: builds.this }));
    }
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
