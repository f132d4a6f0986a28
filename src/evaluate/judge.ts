import type { Decision, Finding, Waiver, WaiverResult } from '../types/decision';
import type { PolicyInput } from '../types/policy-input';
import decisionSchema from '../../schemas/decision.schema.json';
import { cmp } from './summary';

// Judging: the policy gives each finding its enforcement level; waivers then decide which
// findings block. This is the one place waivers are matched and applied (config waivers and
// those recorded on constructs alike), after evaluation like the baseline gate, so 10,000
// waivers cost a map lookup per finding instead of indexing them inside OPA's WASM.

/** The policy's decision before waivers: findings with their level (and override), no `blocking`. */
export type Levelled = Omit<Decision, 'findings' | 'waivers' | 'summary'> & {
  findings: Array<Omit<Finding, 'blocking' | 'waived' | 'waiver'>>;
  summary: Omit<Decision['summary'], 'blocking' | 'waived' | 'silenced_by_overrides'>;
};

/**
 * `*` matches any run of characters (`/` and `.` included) and `?` one character; every other
 * character, Terraform's `["a"]` indexes included, matches itself.
 */
export const isPattern = (resource: string): boolean => /[*?]/.test(resource);

export function globRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${body}$`, 'u');
}

/** Keys in code-point order, as OPA writes objects: reports and bundles come out byte-stable. */
function sortedKeys<T extends object>(o: T): T {
  const keys = Object.keys(o).sort(cmp);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (o as Record<string, unknown>)[k];
  return out as T;
}

interface Indexed {
  waiver: Waiver;
  /** Its place: config waivers in file order, then construct waivers; the first live one applies. */
  order: number;
}

/** Waivers indexed by rule and the key or address they name; patterns listed per rule. */
class WaiverIndex {
  readonly all: Indexed[] = [];
  private exact = new Map<string, Indexed[]>();
  private patterns = new Map<string, Array<[RegExp, Indexed]>>();

  /** Rules some waiver names. */
  private rules = new Set<string>();

  add(waiver: Waiver, resource: string): void {
    const w: Indexed = { waiver, order: this.all.length };
    this.all.push(w);
    this.rules.add(waiver.rule);
    if (isPattern(resource)) {
      const list = this.patterns.get(waiver.rule) ?? [];
      list.push([globRegExp(resource), w]);
      this.patterns.set(waiver.rule, list);
    } else {
      const k = `${waiver.rule}\u0000${resource}`;
      const list = this.exact.get(k);
      if (list) list.push(w);
      else this.exact.set(k, [w]);
    }
  }

  /** Every waiver naming the finding's rule and its key or address, expired or not, in order. */
  covering(f: Pick<Finding, 'rule_id' | 'resource'>): Indexed[] {
    // Most runs have no waiver for most rules: no sets or sorting per finding then.
    if (!this.rules.has(f.rule_id)) return [];
    const { key, address } = f.resource;
    const found = new Set<Indexed>([...(this.exact.get(`${f.rule_id}\u0000${key}`) ?? []), ...(this.exact.get(`${f.rule_id}\u0000${address}`) ?? [])]);
    for (const [re, w] of this.patterns.get(f.rule_id) ?? []) if (re.test(key) || re.test(address)) found.add(w);
    return [...found].sort((a, b) => a.order - b.order);
  }
}

/**
 * Applies waivers to the policy's levelled findings: advisory never blocks; hard always does
 * (a waiver naming it is refused); soft blocks unless a live waiver covers it, and takes the
 * first. A waiver is live until its `expires` day has passed (`today`, YYYY-MM-DD). Every
 * waiver is reported with its fate, and the summary counts what blocks, what was waived and
 * what blocks only without the config's overrides.
 */
export function judge(levelled: Levelled, input: PolicyInput, configWaivers: readonly Waiver[], today: string): Decision {
  const judgement = new Judgement(input, configWaivers, today);
  return judgement.decision(levelled, levelled.findings.map((f) => judgement.finding(f)));
}

/** A judged finding's fields (decision.schema.json Finding) in code-point order. */
const FINDING_FIELDS = Object.keys(decisionSchema.definitions.Finding.properties).sort(cmp);

/**
 * The finding with `blocking`, `waived` and its waiver, keys in code-point order: built in the
 * schema's field order rather than sorted one by one (spreading and sorting took ~3 µs a
 * finding, ~60 ms for 18k). A finding with a field the schema does not know takes the slow
 * way, keeping the field, which the decision's schema check then refuses.
 */
function judgedFinding(f: Levelled['findings'][number], blocking: boolean, waiver: Waiver | undefined): Finding {
  const own = f as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let fromFinding = 0;
  for (const k of FINDING_FIELDS) {
    const v = k === 'blocking' ? blocking : k === 'waived' ? waiver !== undefined : k === 'waiver' ? waiver : own[k];
    if (v === undefined) continue;
    out[k] = v;
    if (k !== 'blocking' && k !== 'waived' && k !== 'waiver') fromFinding++;
  }
  // Every field of the finding was taken (none unknown to the schema, none the judging sets).
  let fields = 0;
  for (const k in own) if (Object.hasOwn(own, k)) fields++;
  if (fields === fromFinding) return out as unknown as Finding;
  return sortedKeys({ ...f, blocking, waived: waiver !== undefined, ...(waiver ? { waiver } : {}) });
}

/**
 * judge() in two steps: each finding on its own (in any order, as the workers of a parallel
 * evaluation answer), then the decision around them (waiver results and the summary).
 */
export class Judgement {
  private readonly index = new WaiverIndex();
  private readonly refused = new Set<Indexed>();
  private readonly matched = new Map<Indexed, Set<string>>();
  private silenced = 0;

  constructor(
    input: PolicyInput,
    configWaivers: readonly Waiver[],
    private readonly today: string,
  ) {
    for (const w of configWaivers) this.index.add(sortedKeys(w), w.resource ?? '');
    // A construct waiver covers its own resource: named by key, so no other resource matches it.
    for (const key of Object.keys(input.resources)
      .filter((k) => input.resources[k].waivers?.length)
      .sort()) {
      for (const w of input.resources[key].waivers ?? []) this.index.add(sortedKeys({ ...w, resource: key }), key);
    }
  }

  private live(w: Indexed): boolean {
    return !(w.waiver.expires < this.today);
  }

  /** The finding judged: whether it blocks, and the waiver that let it pass. */
  finding(f: Levelled['findings'][number]): Finding {
    const covering = this.index.covering(f);
    const liveOnes = covering.filter((w) => this.live(w));
    const level = f.enforcement;
    if (level === 'hard') for (const w of covering) this.refused.add(w);
    if (level === 'soft') for (const w of liveOnes) (this.matched.get(w) ?? this.matched.set(w, new Set()).get(w)!).add(f.resource.key);
    const waiver = level === 'soft' ? liveOnes[0]?.waiver : undefined;
    const blocking = level === 'hard' || (level === 'soft' && !waiver);
    // Would it block at its severity's default level? Then only an override let it pass.
    const byDefault = f.override?.default ?? level;
    if (!blocking && (byDefault === 'hard' || (byDefault === 'soft' && liveOnes.length === 0))) this.silenced++;
    return judgedFinding(f, blocking, waiver);
  }

  /** The decision of `levelled` with its findings judged (finding(), in the decision's order). */
  decision(levelled: Levelled, findings: Finding[]): Decision {
    const waivers = this.index.all.map(
      (w): WaiverResult => ({
        waiver: w.waiver,
        status: this.refused.has(w) ? 'refused' : !this.live(w) ? 'expired' : this.matched.has(w) ? 'applied' : 'unused',
        matched: [...(this.matched.get(w) ?? [])].sort(),
      }),
    );
    const summary = sortedKeys({
      ...levelled.summary,
      blocking: findings.filter((f) => f.blocking).length,
      waived: findings.filter((f) => f.waived).length,
      silenced_by_overrides: this.silenced,
    });
    return sortedKeys({ ...levelled, findings, summary, waivers });
  }
}
