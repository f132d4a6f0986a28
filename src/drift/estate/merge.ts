import { InputError } from '../../errors';
import type { DriftEstateReport, StackStatus } from '../../types/drift-estate';
import type { DriftFinding, DriftHistory, DriftedResource, DriftReport, ResolvedItem } from '../../types/drift-report';
import { advance, type LoadedHistory, type OpenItem } from '../history';
import { byFindingRank, byResourceRank, clockOf, exposureOf, worst } from '../report';
import { ageBucket, AGE_BUCKETS } from '../time';
import type { StackReport } from './read';

export interface MergeArgs {
  reports: StackReport[];
  /** --expect: stacks that must have a report; a missing one is not checked. */
  expected?: string[];
  history: LoadedHistory;
  now: string;
  failOnDrift?: boolean;
}

export const NO_REPORT = 'no report: its job did not run, failed before writing one, or its artifact is missing';

/** The items a stack's report has open, as its own run recorded them in the history. */
function openItems(r: DriftReport): OpenItem[] {
  const stack = r.source.stack;
  return [
    ...r.resources.map((d) => ({ fingerprint: d.fingerprint, kind: 'drift' as const, subject: `${d.kind} ${d.key}`, stack })),
    ...r.findings.filter((f) => f.status === 'introduced').map((f) => ({ fingerprint: f.fingerprint, kind: 'finding' as const, subject: `${f.rule_id} on ${f.resource.key}`, stack })),
  ];
}

/** One stack per report: two reports of one stack cannot both be right. */
function byStack(reports: StackReport[]): Map<string, StackReport> {
  const out = new Map<string, StackReport>();
  for (const r of reports) {
    const other = out.get(r.stack);
    if (other) throw new InputError(`${other.file} and ${r.file} are both reports of stack "${r.stack}"; give one report per stack`);
    out.set(r.stack, r);
  }
  return out;
}

function stackStatus(name: string, r: StackReport | undefined, expected: boolean): StackStatus {
  if (!r) return { stack: name, status: 'not-checked', expected, reason: NO_REPORT };
  if ('notChecked' in r) return { stack: name, status: 'not-checked', expected, reason: r.notChecked.reason, report: r.file, generated_at: r.notChecked.generated_at };
  const s = r.report.summary;
  return {
    stack: name,
    status: r.report.status,
    expected,
    report: r.file,
    generated_at: r.report.generated_at,
    severity: r.report.severity,
    drifted: s.drifted,
    violating: s.violating,
    introduced_findings: s.introduced_findings,
    resources: s.resources,
  };
}

/**
 * Per-stack reports of one run → one estate report and one history. The estate history
 * advances only for the stacks that were checked: a stack not checked keeps its open items
 * (never resolved by silence), and its absence makes the verdict a failure.
 */
export function mergeReports({ reports, expected, history, now, failOnDrift = false }: MergeArgs): { report: DriftEstateReport; next: DriftHistory } {
  const stacks = byStack(reports);
  const names = expected ? [...expected, ...[...stacks.keys()].filter((n) => !expected.includes(n)).sort()] : [...stacks.keys()].sort();
  if (names.length === 0) throw new InputError('no drift report and no --expect: nothing to merge');
  const statuses = names.map((n) => stackStatus(n, stacks.get(n), expected ? expected.includes(n) : true));
  const checked = [...stacks.values()].flatMap((r) => ('report' in r ? [r.report] : []));
  checked.sort((a, b) => a.source.stack.localeCompare(b.source.stack));

  const { next, resolved: newlyResolved } = advance(history.history, checked.flatMap(openItems), now, new Set(checked.map((r) => r.source.stack)));
  // A stack's own run may have seen an item earlier than this history did (its own --history).
  const firstSeen = (fp: string, own: string): string => {
    const entry = next.items[fp];
    if (entry && own < entry.first_seen) entry.first_seen = own;
    return entry?.first_seen ?? own;
  };
  const windowed = <T extends DriftedResource | DriftFinding>(x: T): T => {
    if (!x.exposure) return x;
    const exposure = exposureOf({ first_seen: firstSeen(x.fingerprint, x.exposure.first_seen), last_seen: next.items[x.fingerprint]?.last_seen ?? now }, now);
    const out = { ...x, exposure };
    if ('notification_clock' in out && out.notification_clock) {
      out.notification_clock = clockOf(exposure, { notification_target_hours: out.notification_clock.target_hours, notification_target_label: out.notification_clock.label });
    }
    return out;
  };
  const resources = checked.flatMap((r) => r.resources.map(windowed)).sort(byResourceRank);
  // Estate-wide subjects (a region, a whole cloud) can come from several stacks: one finding each.
  const findings = [...new Map(checked.flatMap((r) => r.findings.map(windowed)).map((f) => [`${f.status} ${f.fingerprint}`, f])).values()].sort(byFindingRank);
  const resolvedBy = new Map<string, ResolvedItem>();
  for (const x of [...newlyResolved, ...checked.flatMap((r) => r.resolved)]) if (!resolvedBy.has(x.fingerprint)) resolvedBy.set(x.fingerprint, x);
  const resolved = [...resolvedBy.values()].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));

  const notChecked = statuses.filter((s) => s.status === 'not-checked').length;
  const violating = statuses.some((s) => s.status === 'violating-drift');
  const status: DriftEstateReport['status'] = violating ? 'violating-drift' : notChecked > 0 ? 'not-checked' : resources.length > 0 ? 'benign-drift' : 'clean';
  const failOn = failOnDrift || checked.some((r) => r.settings.fail_on_drift);
  const exit_code = violating || notChecked > 0 || checked.some((r) => r.exit_code === 1) || (failOn && resources.length > 0) ? 1 : 0;

  const sum = (pick: (s: DriftReport['summary']) => number): number => checked.reduce((n, r) => n + pick(r.summary), 0);
  const byControl: Record<string, number> = {};
  for (const r of checked) for (const [c, n] of Object.entries(r.summary.by_control)) byControl[c] = (byControl[c] ?? 0) + n;
  const byAge: Record<string, number> = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0]));
  for (const r of resources) byAge[ageBucket(r.exposure.open_hours)]++;
  const bySeverity: Record<string, number> = {};
  for (const r of resources) bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + 1;
  const byStackCount: Record<string, number> = Object.fromEntries(checked.map((r) => [r.source.stack, r.resources.length]));
  const count = (kind: DriftedResource['kind']): number => resources.filter((r) => r.kind === kind).length;

  const report: DriftEstateReport = {
    schema_version: '1',
    kind: 'estate',
    generated_at: now,
    status,
    exit_code,
    severity: resources.length === 0 ? 'none' : worst(resources.map((r) => r.severity)),
    fail_on_drift: failOn,
    stacks: statuses,
    summary: {
      stacks: statuses.length,
      checked: checked.length,
      not_checked: notChecked,
      resources: sum((s) => s.resources),
      drifted: resources.length,
      changed: count('changed'),
      deleted: count('deleted'),
      unmanaged: count('unmanaged'),
      violating: resources.filter((r) => r.violating).length,
      introduced_findings: findings.filter((f) => f.status === 'introduced').length,
      preexisting_findings: findings.filter((f) => f.status === 'preexisting').length,
      resolved: resolved.length,
      by_control: byControl,
      by_age: byAge,
      by_severity: bySeverity,
      by_stack: byStackCount,
    },
    resources,
    findings,
    resolved,
    history: { path: history.path, status: history.status, ...(history.migratedFrom !== undefined ? { migrated_from: history.migratedFrom } : {}) },
  };
  return { report, next };
}
