import { findingFingerprint, fingerprintOf } from '../fingerprint';
import type { Finding } from '../types/decision';
import { configLine } from './config-line';
import { displayPath, LineIndex, locate } from './locate';
import type { Formatter, ReportContext } from './types';
import { uncoveredLine, verdictOf } from './verdict';

// GitLab's five levels; a blocking finding is never shown below "major" in the MR widget.
const LEVEL: Record<Finding['severity'], string> = { critical: 'critical', high: 'major', medium: 'minor', low: 'info' };

function severityOf(f: Finding): string {
  if (f.blocking) return f.severity === 'critical' ? 'blocker' : f.severity === 'high' ? 'critical' : 'major';
  return LEVEL[f.severity];
}

function state(f: Finding): string {
  if (f.waived) return ' [waived]';
  if (f.blocking) return ' [blocking]';
  if (f.gate) return ' [not blocking]';
  return f.override ? ` [${f.enforcement} by override ${f.override.set_by}]` : ` [${f.enforcement}]`;
}

/**
 * The run itself as one issue: Code Quality JSON is a bare list of issues, with no place for the
 * verdict, the config used or what no rule covers. Its fingerprint depends on the config alone,
 * so the issue is never "new" on a merge request unless the config changes. An input nothing
 * checks is a major issue, never a silent pass.
 */
function runIssue(ctx: ReportContext): object {
  const s = ctx.decision.summary;
  const verdict = verdictOf(s);
  const config = configLine(ctx.decision.config);
  const notChecked = ctx.decision.not_checked ?? [];
  const facts = [
    `${verdict}: ${s.findings} finding(s) over ${s.resources} resource(s), ${s.blocking} blocking`,
    config,
    uncoveredLine(s),
    notChecked.length > 0 ? `not checked: ${notChecked.join('; ')}` : undefined,
  ];
  const where = ctx.decision.config?.file ?? Object.values(ctx.input.stacks)[0]?.source ?? '.';
  return {
    description: `leakguard: ${facts.filter(Boolean).join('; ')}`,
    check_name: 'leakguard-run',
    fingerprint: fingerprintOf('leakguard-run', config ?? ''),
    severity: verdict === 'NOT CHECKED' ? 'major' : notChecked.length > 0 ? 'minor' : 'info',
    location: { path: displayPath(where, ctx.cwd), lines: { begin: 1 } },
  };
}

/**
 * GitLab Code Quality report (artifacts:reports:codequality): one issue per finding with the
 * fields GitLab reads. The fingerprint is the one baselines and SARIF use, so an issue keeps
 * its identity between pipelines and GitLab shows only new ones on a merge request. The last
 * issue is the run's own (runIssue).
 */
export const gitlabFormatter: Formatter = {
  name: 'gitlab',
  description: 'GitLab Code Quality JSON (artifacts:reports:codequality)',
  render(ctx) {
    const lines = new LineIndex();
    const issues = ctx.decision.findings.map((f) => {
      const loc = locate(f, lines);
      return {
        description: `${f.rule_id}${state(f)}: ${f.message} (${f.resource.key}${loc.constructPath ? `, construct ${loc.constructPath}` : ''}). Fix: ${f.remediation}`,
        check_name: f.rule_id,
        fingerprint: f.fingerprint ?? findingFingerprint(f),
        severity: severityOf(f),
        location: { path: displayPath(loc.file, ctx.cwd), lines: { begin: loc.line ?? 1 } },
      };
    });
    return JSON.stringify([...issues, runIssue(ctx)], null, 2) + '\n';
  },
};
