import type { Decision } from '../types/decision';

// One-line notes every report prints the same way: what the config, the baseline and the
// evidence log did to this run.

/**
 * What the config changed about blocking, in one line for every report: the enforcement
 * overrides in effect and how many findings they made non-blocking. Null when the config
 * sets none, so a plain pass is only ever printed for the default enforcement.
 */
export function overridesNote(decision: Decision): string | null {
  const o = decision.overrides ?? [];
  if (o.length === 0) return null;
  const shown = o.slice(0, 5).map((x) => `${x.scope}.${x.name}=${x.level}`);
  const more = o.length > shown.length ? ` and ${o.length - shown.length} more` : '';
  const n = decision.summary.silenced_by_overrides;
  return `enforcement overrides in effect (${o.length}): ${shown.join(', ')}${more}; ${n} finding(s) made non-blocking by overrides`;
}

/** The baseline's effect, hard rules apart: a baseline never silences a hard rule. */
export function baselineNote(gate: Decision['gate']): string | null {
  const b = gate?.baseline;
  if (!b) return null;
  const hard = b.existing_hard > 0 ? `, ${b.existing_hard} existing of hard rules (still blocking)` : '';
  return `baseline ${b.file}: ${b.new} new, ${b.existing - b.existing_hard} existing (not blocking)${hard}, ${b.fixed} fixed`;
}

/** The evidence-log entry this run appended and the chain's new head, to be kept outside the log. */
export function evidenceNote(decision: Decision): string | null {
  const e = decision.evidence;
  if (!e) return null;
  return `evidence log ${e.log}: entry ${e.entry}, chain head ${e.head} (${e.key_id ? `signed by key ${e.key_id}` : 'unsigned'})`;
}

/**
 * What the input could not show the rules (remote modules, count/for_each known only after
 * apply, a script a plan holds as a hash): the heading every report gives the list, or null.
 * A pass covers the rest only, so the list is printed beside the verdict, never hidden.
 */
export function notCheckedNote(decision: Decision): string | null {
  const n = decision.not_checked?.length ?? 0;
  return n === 0 ? null : `${n} item(s) not checked (the input could not show them to the rules, or no rule checks them yet):`;
}
