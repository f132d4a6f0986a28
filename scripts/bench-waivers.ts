// Benchmark (issue 10): what 10,000 waivers and a 10,000-entry baseline add to the evaluation
// of a 20,000-resource estate plan (scripts/bench/estate.ts), in this process, median of runs.
// Usage: node dist/scripts/bench-waivers.js [--resources 20000] [--waivers 10000] [--runs 5]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from '../src/load';
import { normalize } from '../src/normalize';
import { loadCompiledPolicy } from '../src/evaluate/policy';
import { loadConfig, policyData } from '../src/evaluate/config';
import { applyGate } from '../src/evaluate/gate';
import { createBaseline, readBaseline, serializeBaseline } from '../src/baseline';
import type { LeakguardConfig } from '../src/types/config';
import type { Baseline } from '../src/types/decision';
import type { PolicyInput } from '../src/types/policy-input';
import { estatePlan } from './bench/estate';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

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
function syntheticBaseline(decision: Parameters<typeof createBaseline>[0], n: number): Baseline {
  const b = createBaseline(decision);
  const pad = Math.max(0, n - b.findings.length);
  const fixed = createBaseline({ ...decision, findings: decision.findings.slice(0, pad).map((f) => ({ ...f, resource: { ...f.resource, key: `${f.resource.key}-gone` } })) });
  return { leakguard_baseline: '1', findings: [...b.findings, ...fixed.findings].slice(0, n) };
}

/**
 * Evaluation of the plan with no waivers and no baseline, then with n waivers (config file
 * read and validated, then evaluated), then the gate with an n-entry baseline (file read and
 * checked, then applied) against the gate without: the time each adds, median of `runs`.
 */
async function main(): Promise<void> {
  const resources = Number(arg('resources', '20000'));
  const n = Number(arg('waivers', '10000'));
  const runs = Number(arg('runs', '5'));
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-bench-waivers-'));
  const plan = join(dir, 'estate.json');
  writeFileSync(plan, JSON.stringify(estatePlan(resources)));
  const policy = await loadCompiledPolicy();
  const input: PolicyInput = normalize(await loadPaths([plan]));
  const configFile = join(dir, 'leakguard.json');
  writeFileSync(configFile, JSON.stringify(syntheticWaivers(n)));
  const plain = policyData({}, undefined, '2026-01-01');
  let decision = policy.evaluate(input, plain);
  const baselineFile = join(dir, 'baseline.json');
  writeFileSync(baselineFile, serializeBaseline(syntheticBaseline(decision, n)));
  const base: number[] = [];
  const withWaivers: number[] = [];
  const gate: number[] = [];
  const gateBaseline: number[] = [];
  let applied = 0;
  let existing = 0;
  for (let r = 0; r < runs; r++) {
    let t = process.hrtime.bigint();
    decision = policy.evaluate(input, plain);
    base.push(ms(t));
    t = process.hrtime.bigint();
    const d = policy.evaluate(input, policyData(loadConfig(configFile), configFile, '2026-01-01'));
    withWaivers.push(ms(t));
    applied = d.summary.waived;
    t = process.hrtime.bigint();
    applyGate(decision, input);
    gate.push(ms(t));
    t = process.hrtime.bigint();
    existing = applyGate(decision, input, { baseline: { file: baselineFile, baseline: readBaseline(baselineFile) } }).gate?.baseline?.existing ?? 0;
    gateBaseline.push(ms(t));
  }
  const b = median(base);
  const added = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(0)} ms, ${x >= 0 ? '+' : ''}${((x / b) * 100).toFixed(1)} %`;
  console.log(
    `${n} waivers and a ${n}-entry baseline on ${Object.keys(input.resources).length} resources | median of ${runs}: evaluate ${b.toFixed(0)} ms; ` +
      `${n} waivers add ${added(median(withWaivers) - b)} (${applied} findings waived); ` +
      `the baseline adds ${added(median(gateBaseline) - median(gate))} (${existing} existing findings)`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
