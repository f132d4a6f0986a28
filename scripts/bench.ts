// Benchmark (issue 12): `leakguard check` end to end on generated estate plans of 5k / 20k /
// 50k resources and on a 200k-resource estate of several plans, each measurement in a fresh
// child process (its own peak RSS, worker threads included), beside the read + JSON.parse
// floor measured in the same run; this build runs as it does by default and in one pass
// (LEAKGUARD_WORKERS=1). `--before <checkout>` runs the same plans through another build
// (e.g. main before a change) interleaved with these, so all see the same load.
// Usage: node dist/scripts/bench.js [--sizes 5000,20000,50000] [--runs 3] [--estate 200000]
//        [--plans 4] [--before /path/to/other/checkout]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
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
  rss: number;
  resources: number;
  findings: number;
  decision_sha256: string;
}

/** A build to measure: its checkout, and environment settings (LEAKGUARD_WORKERS=1 for one pass). */
interface Build {
  root: string;
  env?: Record<string, string>;
}

/** One cold `check` of the paths in a child process: its figures plus the wall time of the process. */
function probe({ root, env }: Build, paths: string[]): Probe & { wall: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'bench', 'probe.js'), ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`check of ${paths.join(' ')} with ${root} failed: ${r.stderr.trim().split('\n').pop()}`);
  return { ...(JSON.parse(r.stdout) as Probe), wall };
}

/** The floor: a process that only reads and parses the same files. */
function floor(paths: string[]): number {
  const t = process.hrtime.bigint();
  execFileSync(process.execPath, ['-e', 'for (const p of process.argv.slice(1)) JSON.parse(require("fs").readFileSync(p, "utf8"))', ...paths]);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

interface Row {
  label: string;
  bytes: number;
  floor: number;
  builds: Record<string, { wall: number; evaluate: number; rss: number; findings: number; sha: string }>;
  load: string;
}

function measure(label: string, paths: string[], runs: number, builds: Record<string, Build>): Row {
  const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  const floors: number[] = [];
  const probes: Record<string, Array<Probe & { wall: number }>> = Object.fromEntries(Object.keys(builds).map((b) => [b, []]));
  const loads: string[] = [load()];
  for (let r = 0; r < runs; r++) {
    floors.push(floor(paths));
    for (const [name, build] of Object.entries(builds)) probes[name].push(probe(build, paths));
    loads.push(load());
  }
  const row: Row = { label, bytes, floor: median(floors), builds: {}, load: loads.join('→') };
  for (const [name, ps] of Object.entries(probes)) {
    row.builds[name] = {
      wall: median(ps.map((p) => p.wall)),
      evaluate: median(ps.map((p) => p.evaluate)),
      rss: Math.max(...ps.map((p) => p.rss)),
      findings: ps[0].findings,
      sha: ps[0].decision_sha256,
    };
  }
  return row;
}

function print(row: Row): void {
  for (const [name, b] of Object.entries(row.builds)) {
    console.log(
      `${row.label.padEnd(26)} ${name.padEnd(6)} input ${mb(row.bytes).padStart(7)} | floor ${s(row.floor)} | end to end ${s(b.wall)} (${(b.wall / row.floor).toFixed(1)}× floor)` +
        ` | evaluate ${s(b.evaluate)} | peak RSS ${mb(b.rss)} (${(b.rss / row.bytes).toFixed(1)}× input) | ${b.findings} findings | load ${row.load}`,
    );
  }
  const shas = new Set(Object.values(row.builds).map((b) => b.sha));
  if (shas.size > 1) console.log(`${row.label}: the builds' JSON decisions DIFFER`);
}

function main(): void {
  const sizes = arg('sizes', '5000,20000,50000').split(',').map(Number);
  const runs = Number(arg('runs', '3'));
  const estate = Number(arg('estate', '200000'));
  const plans = Number(arg('plans', '4'));
  const root = join(__dirname, '..', '..');
  // This build as it runs by default, in one pass (what the second core adds), and optionally another checkout.
  const builds: Record<string, Build> = { this: { root }, '1 pass': { root, env: { LEAKGUARD_WORKERS: '1' } } };
  const before = arg('before', '');
  if (before) builds.before = { root: before };
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-bench-'));
  try {
    console.log(`leakguard bench: median of ${runs} cold runs per build (child processes), load average shown per row`);
    const rows: Row[] = [];
    for (const n of sizes) {
      const file = join(dir, `estate-${n}.json`);
      writeFileSync(file, JSON.stringify(estatePlan(n)));
      const row = measure(`${n} resources, 1 plan`, [file], runs, builds);
      print(row);
      rows.push(row);
      rmSync(file);
    }
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (rows.length > 1) {
      for (const name of Object.keys(builds)) {
        console.log(`t(${sizes[sizes.length - 1]})/t(${sizes[0]}) ${name}: end to end ${(last.builds[name].wall / first.builds[name].wall).toFixed(1)}, evaluate ${(last.builds[name].evaluate / first.builds[name].evaluate).toFixed(1)} (input ×${(last.bytes / first.bytes).toFixed(1)})`);
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
