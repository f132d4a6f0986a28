import { driftFingerprint, findingFingerprint } from '../fingerprint';
import type { Finding } from '../types/decision';
import type {
  Classification,
  DriftFinding,
  DriftReport,
  DriftSeverity,
  DriftedResource,
  Exposure,
  HistoryEntry,
  NotificationClock,
  ResolvedItem,
  Settings,
} from '../types/drift-report';
import type { RuleInfo } from '../evaluate/catalog';
import { exposureOf as dataExposureOf, type ExposureSettings } from '../report/exposure';
import { renderRunbook } from '../report/runbook';
import type { PolicyInput, Resource } from '../types/policy-input';
import type { LoadedHistory, OpenItem } from './history';
import { addHours, ageBucket, AGE_BUCKETS, hoursBetween } from './time';
import type { DriftWorlds } from './worlds';

export const SEVERITY_ORDER: DriftSeverity[] = ['critical', 'high', 'medium', 'low', 'info', 'none'];

export const worst = (list: DriftSeverity[]): DriftSeverity =>
  list.reduce<DriftSeverity>((a, b) => (SEVERITY_ORDER.indexOf(b) < SEVERITY_ORDER.indexOf(a) ? b : a), 'none');


/** The notification clock's label: an internal target, never presented as the law's deadline. */
export function notificationLabel(hours: number): string {
  const gdpr = hours === 72 ? ' (GDPR Art. 33)' : ' (GDPR Art. 33 uses 72 h)';
  return `California's Cal. Civ. Code §1798.82 sets no fixed number of hours; ${hours} h is an internal target${gdpr}`;
}

export interface Evaluated {
  baseline: { input: PolicyInput; findings: Finding[] };
  live: { input: PolicyInput; findings: Finding[] };
}

/**
 * Classified as check's reports classify (report/exposure.ts): its own tag, else a classified resource
 * linked to it, with the consumer records the estate states; read in the live world, or in the code's
 * for a resource deleted out of band.
 */
function classify(key: string, ev: Evaluated, xs: ExposureSettings): Classification {
  const e = dataExposureOf(key, ev.live.input.resources[key] ? ev.live.input : ev.baseline.input, xs);
  return { value: e.classification ?? null, pii: e.pii, ...(e.via ? { via: e.via } : {}), ...(e.records !== undefined ? { records: e.records } : {}) };
}

/** Identifying values (id, arn, name, bucket) of a resource, to link drift that state cannot link by reference. */
function identities(r: Resource | undefined): Set<string> {
  const out = new Set<string>();
  for (const k of ['id', 'arn', 'name', 'bucket']) {
    const v = r?.values[k];
    if (typeof v === 'string' && v !== '' && !v.includes('${')) out.add(v);
  }
  return out;
}

/** The drifted resources behind a finding: the resource itself, or one linked to it in either world. */
function causes(f: Finding, drifted: Set<string>, ev: Evaluated): string[] {
  const key = f.resource.key;
  if (drifted.has(key)) return [key];
  const linked = new Set<string>();
  for (const world of [ev.live.input, ev.baseline.input]) {
    const r = world.resources[key];
    if (!r) continue;
    for (const targets of Object.values(r.references)) for (const t of targets) linked.add(t);
    for (const ref of r.referenced_by) linked.add(ref.key);
  }
  const byLink = [...linked].filter((k) => drifted.has(k));
  if (byLink.length > 0) return byLink.sort();
  const ids = identities(ev.live.input.resources[key] ?? ev.baseline.input.resources[key]);
  return [...drifted]
    .filter((k) => {
      const d = ev.baseline.input.resources[k] ?? ev.live.input.resources[k];
      return Object.values(d?.values ?? {}).some((v) => typeof v === 'string' && ids.has(v));
    })
    .sort();
}

export function exposureOf(entry: Pick<HistoryEntry, 'first_seen' | 'last_seen'>, now: string): Exposure {
  return { first_seen: entry.first_seen, last_seen: entry.last_seen, open_hours: Math.max(0, hoursBetween(entry.first_seen, now)) };
}

export function clockOf(exposure: Exposure, settings: Pick<Settings, 'notification_target_hours' | 'notification_target_label'>): NotificationClock {
  const target = settings.notification_target_hours;
  const elapsed = exposure.open_hours;
  return {
    target_hours: target,
    elapsed_hours: elapsed,
    remaining_hours: Math.round((target - elapsed) * 10) / 10,
    exceeded: elapsed >= target,
    target_at: addHours(exposure.first_seen, target),
    label: settings.notification_target_label,
  };
}

const findingOut = (f: Finding, status: DriftFinding['status'], fingerprint: string, classification: Classification, caused_by: string[]): DriftFinding => ({
  fingerprint,
  status,
  rule_id: f.rule_id,
  title: f.title,
  control: f.control,
  severity: f.severity,
  enforcement: f.enforcement,
  blocking: f.blocking,
  waived: f.waived,
  message: f.message,
  remediation: f.remediation,
  legal: f.legal,
  resource: { key: f.resource.key, address: f.resource.address, stack: f.resource.stack, type: f.resource.type },
  caused_by,
  classification,
});

/** Violating first, then by severity, then by key. */
export const byResourceRank = (a: DriftedResource, b: DriftedResource): number =>
  Number(b.violating) - Number(a.violating) || SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.key.localeCompare(b.key);

/** Introduced first; exposure ranks before severity: findings on personal data first, the most consumer records first. */
export const byFindingRank = (a: DriftFinding, b: DriftFinding): number =>
  a.status.localeCompare(b.status) ||
  Number(b.classification.pii) - Number(a.classification.pii) ||
  (b.classification.records ?? -1) - (a.classification.records ?? -1) ||
  SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
  a.fingerprint.localeCompare(b.fingerprint);

export interface BuildArgs {
  worlds: DriftWorlds;
  evaluated: Evaluated;
  settings: Settings;
  /** Classification and record counts (the check reports' settings, with drift's tag and PII values). */
  exposure: ExposureSettings;
  now: string;
  history: LoadedHistory;
  /** Called once the open items are known; returns their history entries and what resolved. */
  advance: (open: OpenItem[]) => { entries: Record<string, HistoryEntry>; resolved: ResolvedItem[] };
  /** The rule catalogue: violating drift carries its rule's containment runbook. */
  rules?: RuleInfo[];
}

/** The whole report; the exit code is decided here, from the findings model, once. */
export function buildReport({ worlds, evaluated: ev, settings, exposure: xs, now, history, advance, rules = [] }: BuildArgs): DriftReport {
  const keyOf = (address: string): string => `${worlds.stack}/${address}`;
  const drifted = new Set(worlds.entries.map((e) => keyOf(e.address)));
  const before = new Set(ev.baseline.findings.map(findingFingerprint));
  const introduced = ev.live.findings.filter((f) => !before.has(findingFingerprint(f)));
  const preexisting = ev.live.findings.filter((f) => before.has(findingFingerprint(f)));

  const introducedOut = introduced.map((f) => findingOut(f, 'introduced', findingFingerprint(f), classify(f.resource.key, ev, xs), causes(f, drifted, ev)));
  const preexistingOut = preexisting.map((f) => findingOut(f, 'preexisting', findingFingerprint(f), classify(f.resource.key, ev, xs), []));

  const open: OpenItem[] = [
    ...worlds.entries.map((e) => ({ fingerprint: driftFingerprint(keyOf(e.address)), kind: 'drift' as const, subject: `${e.kind} ${keyOf(e.address)}`, stack: worlds.stack })),
    ...introducedOut.map((f) => ({ fingerprint: f.fingerprint, kind: 'finding' as const, subject: `${f.rule_id} on ${f.resource.key}`, stack: worlds.stack })),
  ];
  const { entries: seen, resolved } = advance(open);

  const books = new Map(rules.filter((r) => r.runbook).map((r) => [r.id, r]));
  for (const [i, f] of introducedOut.entries()) {
    f.exposure = exposureOf(seen[f.fingerprint], now);
    if (f.classification.pii) f.notification_clock = clockOf(f.exposure, settings);
    const rule = books.get(f.rule_id);
    if (rule && f.blocking) {
      const window = { start: f.exposure.first_seen, end: now };
      f.runbook = renderRunbook(rule, { finding: introduced[i], resource: ev.live.input.resources[f.resource.key], input: ev.live.input, window }).text;
    }
  }

  const resources: DriftedResource[] = worlds.entries.map((e) => {
    const key = keyOf(e.address);
    const mine = introducedOut.filter((f) => f.caused_by.includes(key));
    return {
      fingerprint: driftFingerprint(key),
      key,
      address: e.address,
      stack: worlds.stack,
      type: e.type,
      kind: e.kind,
      severity: mine.length > 0 ? worst(mine.map((f) => f.severity)) : 'info',
      violating: mine.some((f) => f.blocking),
      classification: classify(key, ev, xs),
      changes: e.changes,
      introduces: mine.map((f) => f.fingerprint),
      exposure: exposureOf(seen[driftFingerprint(key)], now),
    };
  });
  resources.sort(byResourceRank);
  const findings = [...introducedOut, ...preexistingOut].sort(byFindingRank);

  const violatingDrift = introducedOut.some((f) => f.blocking);
  const status: DriftReport['status'] = resources.length === 0 ? 'clean' : violatingDrift ? 'violating-drift' : 'benign-drift';
  const exit_code = violatingDrift || (settings.fail_on_drift && resources.length > 0) ? 1 : 0;

  const byControl: Record<string, number> = {};
  for (const r of resources) {
    const controls = new Set(introducedOut.filter((f) => r.introduces.includes(f.fingerprint)).map((f) => f.control));
    for (const c of controls.size > 0 ? controls : ['none']) byControl[c] = (byControl[c] ?? 0) + 1;
  }
  const byAge: Record<string, number> = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0]));
  for (const r of resources) byAge[ageBucket(r.exposure.open_hours)]++;
  const bySeverity: Record<string, number> = {};
  for (const r of resources) bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + 1;
  const count = (kind: DriftedResource['kind']): number => resources.filter((r) => r.kind === kind).length;

  return {
    schema_version: '1',
    generated_at: now,
    status,
    exit_code,
    severity: resources.length === 0 ? 'none' : worst(resources.map((r) => r.severity)),
    source: worlds.source,
    settings,
    summary: {
      resources: Object.values(ev.live.input.resources).filter((r) => r.mode === 'managed').length,
      drifted: resources.length,
      changed: count('changed'),
      deleted: count('deleted'),
      unmanaged: count('unmanaged'),
      violating: resources.filter((r) => r.violating).length,
      introduced_findings: introducedOut.length,
      preexisting_findings: preexistingOut.length,
      resolved: resolved.length,
      unchanged_reports: worlds.unchangedReports,
      by_control: byControl,
      by_age: byAge,
      by_severity: bySeverity,
    },
    resources,
    findings,
    resolved,
    history: { path: history.path, status: history.status, ...(history.migratedFrom !== undefined ? { migrated_from: history.migratedFrom } : {}) },
  };
}
