import { InputError } from '../errors';
import type { Waiver } from '../types/policy-input';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD: 2026-13-45 and 2026-02-30 are not. */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Blank: empty or nothing but whitespace (Unicode spaces included). */
export const isBlank = (s: string): boolean => s.trim() === '';

/** The same month and day a year on (29 February → 1 March). */
export function oneYearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

export function daysAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Why a waiver's fields are unacceptable, or null: text that says nothing, a date that is not
 * on the calendar. The same for config and construct waivers, and for `Leakguard.suppress`.
 */
export function fieldProblem(w: Partial<Record<keyof Waiver, unknown>>): string | null {
  for (const k of ['rule', 'resource', 'reason', 'owner', 'ticket', 'expires'] as const) {
    const v = w[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') return `${k} must be a string`;
    if (isBlank(v)) return `${k} must not be blank`;
  }
  if (typeof w.reason === 'string' && w.reason.trim().length < 10) return 'reason must say why (at least 10 characters besides spaces)';
  if (w.expires !== undefined && !isCalendarDate(w.expires)) return `expires must be a real date YYYY-MM-DD, got ${JSON.stringify(w.expires)}`;
  return null;
}

export interface WaiverLimits {
  /** YYYY-MM-DD the waivers are judged on (`--today`). */
  today: string;
  /** The latest expiry accepted (`waiver_max_days` after today, default a year). */
  latest: string;
  /** Where the limit comes from, for the message. */
  limitSource: string;
  rules: Set<string>;
}

/** Every waiver, wherever declared, must name a real rule, say something and expire in time. */
export function checkWaiver(where: string, w: Waiver, limits: WaiverLimits): void {
  const problem = fieldProblem(w);
  if (problem) throw new InputError(`${where}: ${problem}`);
  if (!limits.rules.has(w.rule)) throw new InputError(`${where}: names an unknown rule "${w.rule}"; see \`leakguard rules\``);
  if (w.expires > limits.latest) {
    throw new InputError(`${where}: expires ${w.expires}, after the longest allowed expiry ${limits.latest} (${limits.limitSource})`);
  }
}

export function waiverLimits(today: string, maxDays: number | undefined, rules: Set<string>): WaiverLimits {
  return maxDays === undefined
    ? { today, latest: oneYearAfter(today), limitSource: 'one year from today; set waiver_max_days in the config to change it', rules }
    : { today, latest: daysAfter(today, maxDays), limitSource: `waiver_max_days ${maxDays}`, rules };
}
