// Benchmark (issue 10): what 10,000 config waivers and a 10,000-entry baseline add to the
// evaluation of a 20,000-resource estate plan (scripts/bench/estate.ts), the way `check` runs
// it (evaluateInWorker, then the gate). Each run evaluates three ways, in rotating order:
//   plain     evaluate with no config, gate with no baseline;
//   waivers   + read and validate the config (n waivers), evaluate and judge with them;
//   both      + read and validate the baseline (n entries), gate with it.
// Then the same cost by part, each timed alone many times (the difference of two whole
// evaluations carries their noise): reading and validating the config, judging the findings
// with the n waivers rather than none, reading and validating the baseline, the gate with it
// rather than without, and rendering the text report (check's default) with the n waivers'
// results rather than none (every format together is printed too: a run renders one or a
// few). The WASM never sees waivers, so these parts are all that differs.
// The machine is shared, so it reports process CPU time (every thread) beside wall time, as
// medians, with the load average; it exits 1 when the parts add 10 % or more CPU time to the
// plain evaluation.
// Usage: node dist/scripts/bench-waivers.js [--resources 20000] [--waivers 10000] [--runs 5]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from '../src/load';
import { normalize } from '../src/normalize';
import { loadCompiledPolicy } from '../src/evaluate/policy';
import { loadConfig, policyData } from '../src/evaluate/config';
import { judge, type Levelled } from '../src/evaluate/judge';
import { loadCatalog } from '../src/evaluate/catalog';
import { formatters } from '../src/report';
import { applyGate } from '../src/evaluate/gate';
import { createBaseline, readBaseline, serializeBaseline } from '../src/baseline';
import type { LeakguardConfig } from '../src/types/config';
import type { Baseline, Decision } from '../src/types/decision';
import { estatePlan } from './bench/estate';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

const TODAY = '2026-01-01';
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * n config waivers on the estate plan (services s0, s1, …): every other one names a key or a
 * log group, some with a finding of a soft rule (KMS rotation, log retention), one in a hundred
 * is a `*` pattern, and most name resources without findings, as a large estate's file would.
 */
function syntheticWaivers(n: number): LeakguardConfig {
  const waivers = Array.from({ length: n }, (_, i) => ({
    rule: i % 2 === 0 ? 'aws-kms-key-rotation' : 'aws-log-group-retention',
    resource: i % 100 === 99 ? `aws_cloudwatch_log_group.s${i}*` : i % 2 === 0 ? `aws_kms_key.s${i}` : `aws_cloudwatch_log_group.s${i}`,
    reason: `accepted risk, tracked in SEC-${i}`,
    owner: 'platform',
    expires: '2026-06-30',
  }));
  return { waivers };
}

/** A baseline of n entries: every current finding, padded with findings since fixed. */
function syntheticBaseline(decision: Decision, n: number): Baseline {
  const b = createBaseline(decision);
  const pad = Math.max(0, n - b.findings.length);
  const gone = Array.from({ length: pad }, (_, i) => decision.findings[i % decision.findings.length]).map((f, i) => ({ ...f, resource: { ...f.resource, key: `${f.resource.key}-gone-${i}` } }));
  const fixed = createBaseline({ ...decision, findings: gone });
  return { leakguard_baseline: '1', findings: [...b.findings, ...fixed.findings].slice(0, n) };
}

interface Cost {
  cpu: number;
  wall: number;
}

function measureSync(f: () => void): Cost {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  f();
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall: Number(process.hrtime.bigint() - t) / 1e6 };
}

async function measure(f: () => Promise<void>): Promise<Cost> {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  await f();
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall: Number(process.hrtime.bigint() - t) / 1e6 };
}

async function main(): Promise<void> {
  const resources = Number(arg('resources', '20000'));
  const n = Number(arg('waivers', '10000'));
  const runs = Number(arg('runs', '5'));
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-bench-waivers-'));
  try {
    const plan = join(dir, 'estate.json');
    writeFileSync(plan, JSON.stringify(estatePlan(resources)));
    const policy = await loadCompiledPolicy();
    const input = normalize(await loadPaths([plan]));
    const configFile = join(dir, 'leakguard.json');
    writeFileSync(configFile, JSON.stringify(syntheticWaivers(n)));
    const baselineFile = join(dir, 'baseline.json');
    writeFileSync(baselineFile, serializeBaseline(syntheticBaseline(await policy.evaluateInWorker(input, policyData({}, undefined, TODAY)), n)));

    let waived = 0;
    let existing = 0;
    const ways: Record<'plain' | 'waivers' | 'both', () => Promise<void>> = {
      plain: async () => {
        applyGate(await policy.evaluateInWorker(input, policyData({}, undefined, TODAY)), input);
      },
      waivers: async () => {
        const d = await policy.evaluateInWorker(input, policyData(loadConfig(configFile, TODAY), configFile, TODAY));
        waived = applyGate(d, input).summary.waived;
      },
      both: async () => {
        const d = await policy.evaluateInWorker(input, policyData(loadConfig(configFile, TODAY), configFile, TODAY));
        existing = applyGate(d, input, { baseline: { file: baselineFile, baseline: readBaseline(baselineFile) } }).gate?.baseline?.existing ?? 0;
      },
    };
    const names = Object.keys(ways) as Array<keyof typeof ways>;
    const costs: Record<string, Cost[]> = { plain: [], waivers: [], both: [] };
    const load0 = loadavg();
    await ways.plain(); // warm-up: compile the schemas and JIT once, for every way alike
    await ways.both();
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        costs[name].push(await measure(ways[name]));
      }
    }
    const load1 = loadavg();
    const med = (name: string, m: keyof Cost): number => median(costs[name].map((c) => c[m]));
    const added = (name: string, from: string, m: keyof Cost): string => {
      const x = med(name, m) - med(from, m);
      return `${x >= 0 ? '+' : ''}${x.toFixed(0)} ms (${x >= 0 ? '+' : ''}${((x / med('plain', m)) * 100).toFixed(1)} %)`;
    };
    console.log(`${n} waivers and a ${n}-entry baseline on ${Object.keys(input.resources).length} resources, median of ${runs} runs; load average ${load0[0].toFixed(2)} at start, ${load1[0].toFixed(2)} at end`);
    for (const m of ['cpu', 'wall'] as const) {
      console.log(
        `  ${m === 'cpu' ? 'CPU time ' : 'wall time'}: evaluate ${med('plain', m).toFixed(0)} ms; the waivers add ${added('waivers', 'plain', m)}; ` +
          `the baseline adds ${added('both', 'waivers', m)}; both add ${added('both', 'plain', m)}`,
      );
    }
    console.log(`  ${waived} findings waived, ${existing} findings in the baseline`);

    // By part. Judging reads only each finding's rule, subject, level and override, which the
    // judged decision keeps, so it is judged again from it: with the n waivers, and with none.
    const decision = await policy.evaluateInWorker(input, policyData({}, undefined, TODAY));
    const levelled = decision as unknown as Levelled;
    const waivers = policyData(loadConfig(configFile, TODAY), configFile, TODAY).waivers;
    const judged = judge(levelled, input, waivers, TODAY);
    const rules = loadCatalog();
    const render = (d: Decision, only?: string): void => {
      for (const f of formatters) if (!only || f.name === only) f.render({ decision: d, input, rules, color: false });
    };
    const parts: Record<string, () => void> = {
      'read and validate the config': () => void loadConfig(configFile, TODAY),
      'judge with the waivers': () => void judge(levelled, input, waivers, TODAY),
      'judge with none': () => void judge(levelled, input, [], TODAY),
      'read and validate the baseline': () => void readBaseline(baselineFile),
      'gate with the baseline': () => void applyGate(decision, input, { baseline: { file: baselineFile, baseline: readBaseline(baselineFile) } }),
      'gate without': () => void applyGate(decision, input),
      'text report with the waivers': () => render(judged, 'text'),
      'text report without': () => render(decision, 'text'),
      'every report with the waivers': () => render(judged),
      'every report without': () => render(decision),
    };
    const partRuns = Math.max(15, runs * 3);
    const part: Record<string, number> = {};
    for (const [name, f] of Object.entries(parts)) {
      f(); // warm-up
      part[name] = median(Array.from({ length: partRuns }, () => measureSync(f).cpu));
    }
    const adds = {
      config: part['read and validate the config'],
      judging: part['judge with the waivers'] - part['judge with none'],
      baseline: part['gate with the baseline'] - part['gate without'],
      report: part['text report with the waivers'] - part['text report without'],
    };
    const total = adds.config + adds.judging + adds.baseline + adds.report;
    const share = total / med('plain', 'cpu');
    const pc = (x: number): string => `${x.toFixed(0)} ms (${((x / med('plain', 'cpu')) * 100).toFixed(1)} %)`;
    console.log(
      `  by part, CPU time, median of ${partRuns}: config ${pc(adds.config)}; judging ${n} waivers instead of none ${pc(adds.judging)} (judging with none ${part['judge with none'].toFixed(0)} ms); ` +
        `baseline read, validated and gated ${pc(adds.baseline)} (of which reading ${part['read and validate the baseline'].toFixed(0)} ms); ` +
        `the text report with the waivers' results ${pc(adds.report)} (all ${formatters.length} formats ${pc(part['every report with the waivers'] - part['every report without'])}); ` +
        `together ${pc(total)} of the plain evaluation`,
    );
    if (share >= 0.1) {
      console.error(`waivers and baseline add ${(share * 100).toFixed(1)} % CPU time to evaluation: over the 10 % budget`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
