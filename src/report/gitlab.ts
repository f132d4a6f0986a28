import { fingerprintOf } from '../baseline';
import type { Finding } from '../types/decision';
import { displayPath, LineIndex, locate } from './locate';
import type { Formatter } from './types';

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
 * GitLab Code Quality report (artifacts:reports:codequality): one issue per finding with the
 * fields GitLab reads. The fingerprint is the one baselines and SARIF use, so an issue keeps
 * its identity between pipelines and GitLab shows only new ones on a merge request.
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
        fingerprint: f.fingerprint ?? fingerprintOf(f.rule_id, f.resource.key),
        severity: severityOf(f),
        location: { path: displayPath(loc.file, ctx.cwd), lines: { begin: loc.line ?? 1 } },
      };
    });
    return JSON.stringify(issues, null, 2) + '\n';
  },
};
