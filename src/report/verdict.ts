import type { Summary } from '../types/decision';

/**
 * The one-word outcome every report shows. An input none of whose resources any rule reads
 * was not checked at all, so it never reads as a pass.
 */
export type Verdict = 'BLOCKED' | 'PASSED' | 'NOT CHECKED';

export function verdictOf(s: Summary): Verdict {
  if (s.blocking > 0) return 'BLOCKED';
  return s.uncovered.managed > 0 && s.uncovered.resources === s.uncovered.managed ? 'NOT CHECKED' : 'PASSED';
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
