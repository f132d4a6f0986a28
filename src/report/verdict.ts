import type { Summary } from '../types/decision';

/**
 * The outcome every report shows. An input none of whose resources any rule reads was not
 * checked at all, so it never reads as a pass; a pass that holds only because overrides
 * silenced findings says so.
 */
export type Verdict = 'BLOCKED' | 'NOT CHECKED' | 'PASSED ONLY BY OVERRIDES' | 'PASSED';

export function verdictOf(s: Summary): Verdict {
  if (s.blocking > 0) return 'BLOCKED';
  if (s.uncovered.managed > 0 && s.uncovered.resources === s.uncovered.managed) return 'NOT CHECKED';
  return s.silenced_by_overrides > 0 ? 'PASSED ONLY BY OVERRIDES' : 'PASSED';
}

function uncoveredTypes(s: Summary): string {
  return Object.entries(s.uncovered.by_type)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
}

/**
 * `3 resource(s) not covered by any rule: azurerm_resource_group 2, random_password 1`, or
 * nothing; a NOT CHECKED input the config accepts says so.
 */
export function uncoveredLine(s: Summary): string | undefined {
  if (s.uncovered.resources === 0) return undefined;
  const accepted = verdictOf(s) === 'NOT CHECKED' && s.uncovered.not_checked_allowed ? ' (nothing was checked; accepted by policy.allow_not_checked in the config)' : '';
  return `${s.uncovered.resources} resource(s) not covered by any rule: ${uncoveredTypes(s)}${accepted}`;
}

/**
 * Why `check` refuses the input (exit 2, like an empty input), or undefined: none of its
 * resources is read by any rule, so a pass would say nothing, and the config does not accept
 * that (policy.allow_not_checked).
 */
export function notCheckedRefusal(s: Summary): string | undefined {
  if (verdictOf(s) !== 'NOT CHECKED' || s.uncovered.not_checked_allowed) return undefined;
  return (
    `nothing was checked: none of the ${s.uncovered.managed} resource(s) is of a type any rule reads (${uncoveredTypes(s)}); ` +
    'set "allow_not_checked": true under "policy" in the config to accept such an input'
  );
}
