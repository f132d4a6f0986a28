// One `leakguard check` in this process, timed per phase: run by the benchmark as a child
// process so each measurement starts cold and its peak RSS and CPU time (worker threads
// included) are its own. With --dump <dir> it also writes what the policy evaluated
// (input.json, projected as the WASM receives it, and data.json) for `opa eval` to run on.
// Usage: node dist/scripts/bench/probe.js [--dump <dir>] <paths...>   → one JSON line on stdout.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check';
import { loadConfig, policyData } from '../../src/evaluate/config';
import { loadCompiledPolicy } from '../../src/evaluate/policy';
import { project } from '../../src/evaluate/projection';
import { formatterFor } from '../../src/report';
import { decisionDigest } from './digest';

const TODAY = '2026-01-01';
const ms = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dump = args[0] === '--dump' ? args.splice(0, 2)[1] : null;
  const start = process.hrtime.bigint();
  const marks: Record<string, bigint> = {};
  const result = await check(args, { today: TODAY, onStep: (step) => (marks[step] = process.hrtime.bigint()) });
  const evaluated = process.hrtime.bigint();
  const out = formatterFor('json').render({ decision: result.decision, input: result.input, rules: [], color: false });
  const report = ms(evaluated);
  const cpu = process.cpuUsage();
  const phase = (a: bigint, b: bigint): number => Number(b - a) / 1e6;
  // The decision as the policy returned it, before judge.ts applied waivers (which add
  // blocking/waived to findings and summary, and the waiver results) and the engine added the
  // config: what `opa eval` of the same entrypoint answers (findings compared in sorted order).
  const { config, waivers, findings, summary, ...rest } = result.decision;
  void config;
  void waivers;
  const { blocking, waived, silenced_by_overrides, ...levelledSummary } = summary;
  void [blocking, waived, silenced_by_overrides];
  // Nor the rule facts the engine adds to each finding from the catalogue (lib/finding.rego).
  const policyDecision = {
    ...rest,
    summary: levelledSummary,
    findings: findings.map(({ blocking: _b, waived: _w, waiver: _v, title: _t, cloud: _c, remediation: _r, legal: _l, audit_component: _a, ...f }) => f),
  };
  console.log(JSON.stringify({
    load: phase(marks.loading, marks.normalizing),
    normalize: phase(marks.normalizing, marks.evaluating),
    evaluate: phase(marks.evaluating, evaluated),
    report,
    total: ms(start),
    cpu: (cpu.user + cpu.system) / 1000,
    rss: process.resourceUsage().maxRSS * 1024,
    resources: result.decision.summary.resources,
    findings: result.decision.summary.findings,
    decision_sha256: sha(out),
    policy_sha256: decisionDigest(policyDecision),
  }));
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
