import type { Finding, Severity } from '../types/decision';
import type { LeakguardConfig } from '../types/config';
import type { PolicyInput, Resource } from '../types/policy-input';

/** What a finding puts at risk: personal data (the classification tag), and how many consumer records where stated. */
export interface Exposure {
  pii: boolean;
  /** The classification tag's value: of the classified resource it inherits from, else its own. */
  classification?: string;
  /** Address of the classified resource, when it is not the finding's own (the bucket a public access block guards). */
  via?: string;
  records?: number;
}

export interface ExposureSettings {
  classificationTag: string;
  piiClassifications: string[];
  recordCountTag: string;
  /** Resource key or address → consumer records. */
  records: Record<string, number>;
}

/** Cal. Civ. Code §1798.150(a)(1)(A): statutory damages per consumer per incident. */
export const STATUTORY_DAMAGES = { min: 100, max: 750 } as const;

const RECORD_COUNT = /^\d+$/;

/** The policy's classification settings (defaults under the config) and the config's record counts. */
export function exposureSettings(config: LeakguardConfig, defaults: Record<string, unknown>): ExposureSettings {
  const setting = (key: string): unknown => (config.policy as Record<string, unknown> | undefined)?.[key] ?? defaults[key];
  return {
    classificationTag: String(setting('classification_tag_key')),
    piiClassifications: (setting('pii_classifications') as string[]).map((c) => c.toLowerCase()),
    recordCountTag: config.exposure?.record_count_tag ?? 'record-count',
    records: config.exposure?.records ?? {},
  };
}

function recordsOf(r: Resource, s: ExposureSettings): number | undefined {
  const stated = s.records[r.key] ?? s.records[r.address];
  if (stated !== undefined) return stated;
  const tag = r.tags[s.recordCountTag]?.replace(/[_,]/g, '');
  return tag && RECORD_COUNT.test(tag) ? Number(tag) : undefined;
}

/**
 * A resource's exposure: its own classification, else that of a resource it refers to (the bucket a
 * guard protects) or that refers to it (the log group a key encrypts).
 */
export function exposureOf(key: string, input: PolicyInput, s: ExposureSettings): Exposure {
  const r = input.resources[key];
  if (!r) return { pii: false };
  const linked = [...Object.values(r.references).flat(), ...r.referenced_by.map((x) => x.key)].map((k) => input.resources[k]).filter(Boolean);
  for (const c of [r, ...linked]) {
    const classification = c.tags[s.classificationTag];
    if (!s.piiClassifications.includes((classification ?? '').toLowerCase())) continue;
    const records = recordsOf(c, s);
    return { pii: true, classification, ...(c !== r ? { via: c.address } : {}), ...(records !== undefined ? { records } : {}) };
  }
  const records = recordsOf(r, s);
  const own = r.tags[s.classificationTag];
  return { pii: false, ...(own !== undefined ? { classification: own } : {}), ...(records !== undefined ? { records } : {}) };
}

/** Every finding's exposure, by resource key. */
export function exposures(input: PolicyInput, findings: Finding[], s: ExposureSettings): Map<string, Exposure> {
  return new Map(findings.map((f) => [f.resource.key, exposureOf(f.resource.key, input, s)]));
}

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

/** Exposure first (personal data with the most records, then personal data, then the rest), then severity. */
export function byExposure(ex?: ReadonlyMap<string, Exposure>): (a: Finding, b: Finding) => number {
  const rank = (f: Finding): [number, number] => {
    const e = ex?.get(f.resource.key);
    return [e?.pii ? 0 : 1, -(e?.records ?? -1)];
  };
  return (a, b) => {
    const [pa, ra] = rank(a);
    const [pb, rb] = rank(b);
    return pa - pb || ra - rb || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  };
}

const usd = (n: number): string => `$${n.toLocaleString('en-US')}`;

/** One line for a report; empty when nothing is known about the finding's data. */
export function exposureNote(e: Exposure | undefined): string {
  if (!e || (!e.pii && e.records === undefined)) return '';
  const what = e.pii ? `personal data${e.via ? ` (via ${e.via})` : ''}` : 'data not classified as personal';
  if (e.records === undefined) return `exposure: ${what}; record count not stated`;
  const damages = e.pii
    ? `; statutory damages estimate ${usd(e.records * STATUTORY_DAMAGES.min)}–${usd(e.records * STATUTORY_DAMAGES.max)} (Cal. Civ. Code §1798.150: $100–$750 per consumer per incident, or actual damages if greater; an estimate, not legal advice)`
    : '';
  return `exposure: ${what}, ${e.records.toLocaleString('en-US')} consumer records at risk${damages}`;
}
