import type { Levelled } from './judge';

// The decision of a parallel evaluation, put together from the shards' levelled findings and
// the estate part (policies/shard/shard.rego). The summary counts are main.rego's `tally`
// over the union, done here: in WASM it meant inserting every finding into a set once more.
// test/evaluate/parallel.test.ts proves the result equal to main.rego's `decision`.

export type LevelledFinding = Levelled['findings'][number];

/** A finding's level fields (main.rego `level_fields`): its enforcement, and the override that set it. */
type LevelFields = Pick<LevelledFinding, 'enforcement' | 'override'>;

/**
 * What shard/findings answers for a chunk of rules: the findings as the rules give them, and
 * their level fields once per rule, control and severity (main.rego `levelled`).
 */
export interface ShardChunk {
  raw: Array<Omit<LevelledFinding, keyof LevelFields>>;
  levels: Array<[rule_id: string, control: string, severity: string, fields: LevelFields]>;
}

/**
 * The chunk's findings with their level fields, as main.rego's `findings` gives them (its
 * object.union copied every finding in WASM: ~75 ms of a 20k-resource evaluation). A finding
 * whose rule, control and severity have no level row is an error, never a finding without level.
 */
export function levelledChunk(chunk: ShardChunk): LevelledFinding[] {
  const levels = new Map<string, LevelFields>();
  for (const [rule, control, severity, fields] of chunk.levels) levels.set(`${rule}\u0000${control}\u0000${severity}`, fields);
  return chunk.raw.map((f) => {
    const fields = levels.get(`${f.rule_id}\u0000${f.control}\u0000${f.severity}`);
    if (fields === undefined) throw new Error(`internal error: the policy gave no enforcement level for the ${f.rule_id} finding on ${f.resource.key}`);
    return Object.assign(f, fields) as LevelledFinding;
  });
}

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
 * JSON text, keys in code-point order, where those tie). OPA's order is its set's hash order,
 * which a split evaluation does not reproduce, nor the order of a finding's keys.
 */
export function canonicalOrder<T extends Orderable>(findings: T[]): T[] {
  return findings.sort(compareFindings);
}

type Orderable = { rule_id: string; resource: { key: string }; message: string };

/** canonicalOrder's comparison. */
export const compareFindings = (a: Orderable, b: Orderable): number =>
  cmp(a.rule_id, b.rule_id) || cmp(a.resource.key, b.resource.key) || cmp(a.message, b.message) || cmp(JSON.stringify(sortedDeep(a)), JSON.stringify(sortedDeep(b)));

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
