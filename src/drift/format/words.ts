import type { DriftEstateReport } from '../../types/drift-estate';
import type { AttributeChange, DriftFinding, DriftReport } from '../../types/drift-report';
import { exposureNote } from '../../report/exposure';
import { duration } from '../time';

export const STATUS_TITLE: Record<DriftEstateReport['status'], string> = {
  clean: 'No drift',
  'benign-drift': 'Benign drift',
  'violating-drift': 'Drift introduces policy violations',
  'not-checked': 'Not every stack was checked',
};

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The one-sentence summary every format leads with (and the HTML test looks for). */
export function summaryLine(r: DriftReport): string {
  const s = r.summary;
  if (s.drifted === 0) return `No drift: ${plural(s.resources, 'managed resource')} match the code.`;
  const parts = [`${s.changed} changed`, `${s.deleted} deleted out of band`, `${s.unmanaged} unmanaged`];
  const violations = s.introduced_findings > 0 ? `; ${plural(s.introduced_findings, 'policy finding')} introduced by drift (${s.violating} violating)` : '; no policy finding introduced';
  return `${plural(s.drifted, 'drifted resource')} of ${s.resources} (${parts.join(', ')})${violations}.`;
}

/** The estate's one sentence: stacks checked and not, then the drift over the stacks checked. */
export function estateSummaryLine(r: DriftEstateReport): string {
  const s = r.summary;
  const stacks = `${plural(s.checked, 'stack')} of ${s.stacks} checked${s.not_checked > 0 ? ` (${plural(s.not_checked, 'stack')} NOT checked: ${r.stacks.filter((x) => x.status === 'not-checked').map((x) => x.stack).join(', ')})` : ''}`;
  if (s.drifted === 0) return `${stacks}; no drift in the ${plural(s.resources, 'managed resource')} checked.`;
  const violations = s.introduced_findings > 0 ? `; ${plural(s.introduced_findings, 'policy finding')} introduced by drift (${s.violating} violating)` : '; no policy finding introduced';
  return `${stacks}; ${plural(s.drifted, 'drifted resource')} of ${s.resources} (${s.changed} changed, ${s.deleted} deleted out of band, ${s.unmanaged} unmanaged)${violations}.`;
}

/** "public since 2026-11-27 00:00 UTC, 31 h" — the phrase depends on what the control protects. */
export function exposurePhrase(f: DriftFinding): string {
  if (!f.exposure) return '';
  const state = f.control === 'public-storage' ? 'public' : 'violating';
  return `${state} since ${instant(f.exposure.first_seen)}, ${duration(f.exposure.open_hours)}`;
}

/** The records at risk and, for personal data, the §1798.150 estimate, worded as check's reports word them. */
export function recordsPhrase(f: DriftFinding): string {
  const c = f.classification;
  return c.records === undefined ? '' : exposureNote({ pii: c.pii, records: c.records, ...(c.via ? { via: c.via } : {}) });
}

export function clockPhrase(f: DriftFinding): string {
  const c = f.notification_clock;
  if (!c) return '';
  const left = c.exceeded ? `target passed ${duration(-c.remaining_hours)} ago` : `${duration(c.remaining_hours)} left`;
  return `${duration(c.elapsed_hours)} of ${c.target_hours} h internal target (${left})`;
}

export const instant = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** A value for a table cell: compact JSON, long values cut. Sensitive values arrive already redacted. */
export function valueText(v: unknown, max = 80): string {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function changeNote(c: AttributeChange): string {
  if (c.sensitive) return 'sensitive';
  return c.cosmetic ? 'cosmetic' : '';
}

export const KIND_TEXT = { changed: 'changed out of band', deleted: 'deleted out of band (still in code)', unmanaged: 'unmanaged (in state, in no code)' } as const;
