// One `leakguard check` in this process, timed per phase: run by the benchmark as a child
// process so each measurement starts cold and its peak RSS (worker threads included) is its own.
// Usage: node dist/scripts/bench/probe.js <paths...>   → one JSON line on stdout.
import { createHash } from 'node:crypto';
import { check } from '../../src/check';
import { formatterFor } from '../../src/report';

const ms = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;

async function main(): Promise<void> {
  const start = process.hrtime.bigint();
  const marks: Record<string, bigint> = {};
  const result = await check(process.argv.slice(2), { today: '2026-01-01', onStep: (step) => (marks[step] = process.hrtime.bigint()) });
  const evaluated = process.hrtime.bigint();
  const out = formatterFor('json').render({ decision: result.decision, input: result.input, rules: [], color: false });
  const report = ms(evaluated);
  const phase = (a: bigint, b: bigint): number => Number(b - a) / 1e6;
  console.log(JSON.stringify({
    load: phase(marks.loading, marks.normalizing),
    normalize: phase(marks.normalizing, marks.evaluating),
    evaluate: phase(marks.evaluating, evaluated),
    report,
    total: ms(start),
    rss: process.resourceUsage().maxRSS * 1024,
    resources: result.decision.summary.resources,
    findings: result.decision.summary.findings,
    decision_sha256: createHash('sha256').update(out).digest('hex'),
  }));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
