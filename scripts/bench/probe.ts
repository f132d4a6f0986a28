// One `leakguard check` in this process, timed per phase: run by the benchmark as a child
// process so each measurement starts cold and its peak RSS and CPU time (worker threads
// included) are its own. With --dump <dir> it also writes what the policy evaluated
// (input.json, projected as the WASM receives it, and data.json) for `opa eval` to run on.
// With --report <file> it writes the JSON report there, as `leakguard check --format json`
// writes it, and leaves the digests to the caller: hashing the decision twice (~70 ms at 20k
// resources) is the benchmark's work, not the check's, and would count in its wall time.
// Usage: node dist/scripts/bench/probe.js [--dump <dir>] [--report <file>] <paths...>   → one JSON line on stdout.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check';
import { loadConfig, policyData } from '../../src/evaluate/config';
import { sha256 } from '../../src/evaluate/manifest';
import { loadCompiledPolicy } from '../../src/evaluate/policy';
import { project } from '../../src/evaluate/projection';
import { formatterFor } from '../../src/report';
import { decisionDigest, policyDecisionOf } from './digest';

const TODAY = '2026-01-01';
const ms = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options: Record<string, string> = {};
  while (args[0] === '--dump' || args[0] === '--report') options[args.shift()!] = args.shift()!;
  const dump = options['--dump'] ?? null;
  const start = process.hrtime.bigint();
  const marks: Record<string, bigint> = {};
  const result = await check(args, { today: TODAY, onStep: (step) => (marks[step] = process.hrtime.bigint()) });
  const evaluated = process.hrtime.bigint();
  const out = formatterFor('json').render({ decision: result.decision, input: result.input, rules: [], color: false });
  const report = ms(evaluated);
  const cpu = process.cpuUsage();
  const phase = (a: bigint, b: bigint): number => Number(b - a) / 1e6;
  const figures: Record<string, unknown> = {
    load: phase(marks.loading, marks.normalizing),
    normalize: phase(marks.normalizing, marks.evaluating),
    evaluate: phase(marks.evaluating, evaluated),
    report,
    total: ms(start),
    cpu: (cpu.user + cpu.system) / 1000,
    rss: process.resourceUsage().maxRSS * 1024,
    resources: result.decision.summary.resources,
    findings: result.decision.summary.findings,
  };
  if (options['--report']) writeFileSync(options['--report'], out);
  else Object.assign(figures, { decision_sha256: sha256(out), policy_sha256: decisionDigest(policyDecisionOf(result.decision)) });
  console.log(JSON.stringify(figures));
  if (dump) {
    const policy = await loadCompiledPolicy();
    writeFileSync(join(dump, 'input.json'), JSON.stringify(project(result.input, policy.manifest.attributes)));
    writeFileSync(join(dump, 'data.json'), JSON.stringify(policyData(loadConfig(undefined, TODAY), undefined, TODAY)));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
