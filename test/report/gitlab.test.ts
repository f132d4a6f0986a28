// The GitLab Code Quality report: the run's verdict, config and what no rule covers as one
// issue of its own, and findings that carry the one fingerprint baselines and SARIF use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingFingerprint } from '../../src/fingerprint';
import { formatters } from '../../src/report';
import type { Baseline, Decision } from '../../src/types/decision';
import { run, writeTree } from '../helpers/cli';

const LEAKY = join(__dirname, '..', 'package', 'fixtures', 'leaky-hcl');
const CLEAN = join(__dirname, '..', 'package', 'fixtures', 'clean-hcl');
const GITLAB_SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

/** One check writing every format to its own file. */
export async function everyFormat(input: string, ...options: string[]) {
  const dir = writeTree({});
  const file = (name: string) => join(dir, `report.${name}`);
  const r = await run('check', input, '--today', '2026-11-28', ...options, ...formatters.flatMap((f) => ['--format', `${f.name}=${file(f.name)}`]));
  const out = Object.fromEntries(formatters.map((f) => [f.name, readFileSync(file(f.name), 'utf8')]));
  return { r, out, gitlab: JSON.parse(out.gitlab) as Issue[], decision: JSON.parse(out.json) as Decision };
}

describe('--format gitlab (GitLab Code Quality)', () => {
  test('one issue per finding with the fields GitLab reads, fingerprinted as baselines and SARIF are', async () => {
    const { gitlab, decision, out } = await everyFormat(LEAKY);
    const findings = gitlab.filter((i) => i.check_name !== 'leakguard-run');
    expect(findings).toHaveLength(decision.findings.length);
    expect(decision.findings.length).toBeGreaterThan(0);
    const sarif = JSON.parse(out.sarif) as { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }> };
    const sarifPrints = new Set(sarif.runs[0].results.map((r) => r.partialFingerprints['leakguardFingerprint/v1']));
    const dir = writeTree({});
    expect((await run('baseline', 'create', LEAKY, '-o', join(dir, 'b.json'))).code).toBe(0);
    const baselinePrints = new Set((JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as Baseline).findings.map((e) => e.fingerprint));
    for (const f of decision.findings) {
      const issue = findings.find((i) => i.fingerprint === findingFingerprint(f))!;
      expect(issue).toBeDefined();
      expect(issue.check_name).toBe(f.rule_id);
      expect(issue.description).toContain(f.message);
      expect(GITLAB_SEVERITIES).toContain(issue.severity);
      expect(issue.location.path).toMatch(/main\.tf$/);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
      expect(sarifPrints.has(issue.fingerprint)).toBe(true);
      expect(baselinePrints.has(issue.fingerprint)).toBe(true);
    }
  });

  test('the run is one issue: verdict, config and coverage; its identity changes with the config only', async () => {
    const configs = writeTree({ 'a/leakguard.json': { policy: {} }, 'b/leakguard.json': { policy: {} } });
    const runOf = async (input: string, config: string) => (await everyFormat(input, '--config', join(configs, config, 'leakguard.json'))).gitlab.filter((i) => i.check_name === 'leakguard-run');
    const [leaky] = await runOf(LEAKY, 'a');
    const [clean] = await runOf(CLEAN, 'a');
    const [other] = await runOf(CLEAN, 'b');
    expect(leaky.description).toMatch(/^leakguard: BLOCKED: \d+ finding\(s\) over \d+ resource\(s\), \d+ blocking; config: .*a\/leakguard\.json \(--config\)$/);
    // Other findings (the clean folder has none, or fewer), the same run identity.
    expect(clean.description).not.toBe(leaky.description);
    expect([leaky.severity, clean.severity]).toEqual(['info', 'info']);
    expect(clean.location.path).toMatch(/a\/leakguard\.json$/);
    expect(clean.fingerprint).toBe(leaky.fingerprint);
    expect(other.fingerprint).not.toBe(clean.fingerprint);
  });

  test('an input no rule covers is a major issue saying NOT CHECKED and what was not covered', async () => {
    const dir = writeTree({ 'infra/main.tf': 'resource "random_password" "db" {\n  length = 32\n}\n', 'accept.json': { policy: { allow_not_checked: true } } });
    const { gitlab, r } = await everyFormat(join(dir, 'infra'), '--config', join(dir, 'accept.json'));
    expect(r.code).toBe(0);
    expect(gitlab).toEqual([
      expect.objectContaining({ check_name: 'leakguard-run', severity: 'major', description: expect.stringMatching(/^leakguard: NOT CHECKED: .*; 1 resource\(s\) not covered by any rule: random_password 1 \(nothing was checked; accepted by policy\.allow_not_checked in the config\)$/) }),
    ]);
  });
});
