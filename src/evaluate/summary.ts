import type { Levelled } from './judge';

// The decision of a parallel evaluation, put together from the shards' levelled findings and
// the estate part (policies/shard/shard.rego). The summary counts are main.rego's `tally`
// over the union, done here: in WASM it meant inserting every finding into a set once more.
// test/evaluate/parallel.test.ts proves the result equal to main.rego's `decision`.

export type LevelledFinding = Levelled['findings'][number];

/** What shard/estate answers: the decision's parts that depend on no finding. */
export interface Estate {
  schema_version: Levelled['schema_version'];
  overrides: Levelled['overrides'];
  resources: number;
  uncovered: Levelled['summary']['uncovered'];
}

/** Findings per value of one field (main.rego `tally`), keys in code-point order as OPA writes them. */
function tally(findings: readonly LevelledFinding[], field: 'enforcement' | 'severity' | 'control', zero: readonly string[] = []): Record<string, number> {
  const counts = new Map<string, number>(zero.map((k) => [k, 0]));
  for (const f of findings) {
    const v = f[field];
    if (typeof v === 'string') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => cmp(a, b)));
}

/** A JSON value with every object's keys in code-point order (OPA's WASM writes them in its hash order). */
export function sortedDeep<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortedDeep) as T;
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort(cmp)
      .map((k) => [k, sortedDeep((v as Record<string, unknown>)[k])]),
  ) as T;
}

/** Code-point order of two strings (not the locale's). */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Findings in one order whatever evaluated them: by rule, resource key and message (their
 * JSON text where those tie). OPA's order is its set's hash order, which a split evaluation
 * does not reproduce.
 */
export function canonicalOrder<T extends Orderable>(findings: T[]): T[] {
  return findings.sort(compareFindings);
}

type Orderable = { rule_id: string; resource: { key: string }; message: string };

/** canonicalOrder's comparison. */
export const compareFindings = (a: Orderable, b: Orderable): number =>
  cmp(a.rule_id, b.rule_id) || cmp(a.resource.key, b.resource.key) || cmp(a.message, b.message) || cmp(JSON.stringify(a), JSON.stringify(b));

/** main.rego's `decision` from its parts. */
export function assemble(estate: Estate, findings: LevelledFinding[]): Levelled {
  return {
    schema_version: estate.schema_version,
    findings,
    overrides: estate.overrides,
    summary: {
      resources: estate.resources,
      findings: findings.length,
      advisory: tally(findings, 'enforcement').advisory ?? 0,
      by_severity: tally(findings, 'severity', ['critical', 'high', 'medium', 'low']),
      by_control: tally(findings, 'control'),
      uncovered: estate.uncovered,
    },
  };
}
