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

/** `3 resource(s) not covered by any rule: azurerm_resource_group 2, random_password 1`, or nothing. */
export function uncoveredLine(s: Summary): string | undefined {
  const { resources, by_type } = s.uncovered;
  if (resources === 0) return undefined;
  const types = Object.entries(by_type)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([t, n]) => `${t} ${n}`);
  return `${resources} resource(s) not covered by any rule: ${types.join(', ')}`;
}
