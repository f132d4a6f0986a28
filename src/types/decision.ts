/* Generated from schemas/decision.schema.json by scripts/gen-types.ts. Do not edit. */

/**
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';
/**
 * advisory: reported, never blocks; soft: blocks unless waived; hard: blocks, cannot be waived.
 *
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Enforcement".
 */
export type Enforcement = 'advisory' | 'soft' | 'hard';

/**
 * What the compiled policy returns for one policy input: every finding (blocking, waived or advisory), the fate of every waiver and a summary. Exit codes are computed from `findings[].blocking` only.
 */
export interface Decision {
  schema_version: '1';
  findings: Finding[];
  waivers: WaiverResult[];
  /**
   * Enforcement levels set by the config (policy.enforcement): every rule and control entry, and severity levels that differ from the default.
   */
  overrides: Override[];
  summary: Summary;
  /**
   * With --baseline: baseline findings no longer found (fixed since the baseline was recorded).
   */
  fixed?: BaselineEntry[];
  gate?: Gate;
  /**
   * What the input could not show the rules, one line each (a remote module not followed, a resource whose count or for_each is known only after apply, a user_data script a plan holds only as its hash, an AzAPI update whose target is missing): not checked, so a pass covers the rest. Absent when everything was read.
   *
   * @minItems 1
   */
  not_checked?: [string, ...string[]];
  config?: ConfigUsed;
  /**
   * With --evidence: the evidence-log entry this run appended and the chain's new head, printed by every report so it is kept outside the log.
   */
  evidence?: {
    log: string;
    entry: number;
    head: string;
    /**
     * The signing key's id; null for an unsigned entry.
     */
    key_id: string | null;
  };
}
/**
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  rule_id: string;
  title: string;
  control: string;
  severity: Severity;
  cloud: 'aws' | 'azure';
  enforcement: Enforcement;
  blocking: boolean;
  waived: boolean;
  waiver?: Waiver;
  /**
   * Present when a config override gave this finding another level than its severity's default.
   */
  override?: {
    /**
     * The override: rules.<id>, controls.<id> or by_severity.<severity>.
     */
    set_by: string;
    default: Enforcement;
  };
  message: string;
  resource: FindingResource;
  remediation: string;
  legal: string[];
  audit_component: string;
  /**
   * sha256 of rule_id, NUL and resource.key (never the message or a line), computed in one place (src/fingerprint.ts): the identity baselines, SARIF partialFingerprints and drift history share.
   */
  fingerprint?: string;
  /**
   * With --baseline: whether the baseline already held this finding.
   */
  baseline?: 'new' | 'existing';
  /**
   * Why the gate step (baseline, --changed-only) made this finding non-blocking.
   */
  gate?: string[];
}
/**
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Waiver".
 */
export interface Waiver {
  rule: string;
  /**
   * Resource key or address glob the waiver covers; absent on construct waivers (they cover their own resource).
   */
  resource?: string;
  reason: string;
  owner: string;
  /**
   * ISO date YYYY-MM-DD; the waiver stops waiving after it.
   */
  expires: string;
  ticket?: string;
  /**
   * Where the waiver was declared (config file or construct path).
   */
  source?: string;
}
/**
 * The finding's subject: a resource, or for findings about a region or a whole cloud estate a scope (type `region` or `estate`, key and address `region:<cloud>:<region>` or `estate:<cloud>`, stack and origin those of the provider block that configures it). Waivers name it by key or address.
 *
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "FindingResource".
 */
export interface FindingResource {
  /**
   * Stable identity: `<stack>/<address>` (the address with its instance key; the stack's own name: CDKTF stack, root module folder or --stack-name, never an input file's name), `region:<cloud>:<region>` or `estate:<cloud>`.
   */
  key: string;
  address: string;
  stack: string;
  /**
   * Resource type, or `region` / `estate` for a scope subject.
   */
  type: string;
  region?: string | null;
  action?: string;
  origin?: Origin;
}
/**
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Origin".
 */
export interface Origin {
  file: string;
  line?: number;
  construct_path?: string;
  stack_trace?: string[];
}
/**
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "WaiverResult".
 */
export interface WaiverResult {
  waiver: Waiver;
  /**
   * applied: waived at least one finding; expired: past its date, waives nothing; refused: targets a hard rule; unused: matched no finding.
   */
  status: 'applied' | 'expired' | 'refused' | 'unused';
  /**
   * Keys of the resources whose findings it matched.
   */
  matched: string[];
}
/**
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Override".
 */
export interface Override {
  scope: 'rules' | 'controls' | 'by_severity';
  name: string;
  level: Enforcement;
}
/**
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Summary".
 */
export interface Summary {
  resources: number;
  findings: number;
  blocking: number;
  waived: number;
  advisory: number;
  /**
   * Findings that do not block only because an enforcement override lowered their level (they would block at the severity default).
   */
  silenced_by_overrides: number;
  by_severity: {
    [k: string]: number;
  };
  by_control: {
    [k: string]: number;
  };
  /**
   * Managed resources of a type no rule reads (the types come from the rule sources: policies/lib/coverage.rego, generated): how many, out of how many managed resources, by type. When every managed resource is uncovered, nothing was checked.
   */
  uncovered: {
    resources: number;
    managed: number;
    by_type: {
      [k: string]: number;
    };
    /**
     * The config's policy.allow_not_checked (the policy always writes it; absent reads as false): an input nothing covers (verdict NOT CHECKED) exits 0 instead of being refused with exit 2.
     */
    not_checked_allowed?: boolean;
  };
}
/**
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "BaselineEntry".
 */
export interface BaselineEntry {
  fingerprint: string;
  rule_id: string;
  /**
   * Resource key (stack/address).
   */
  resource: string;
  severity?: Severity;
  /**
   * For readers only; never used to match.
   */
  message?: string;
}
/**
 * What the gate step after evaluation did; it only ever narrows blocking.
 *
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Gate".
 */
export interface Gate {
  baseline?: {
    file: string;
    new: number;
    existing: number;
    /**
     * Existing findings of hard-enforced rules: a baseline never silences a hard rule, so they still block.
     */
    existing_hard: number;
    fixed: number;
  };
  changed_only?: {
    /**
     * Findings no longer blocking because the plan does not create, update or replace their resource.
     */
    unblocked: number;
  };
}
/**
 * Added by the engine: the config file the run used and how it was chosen (--config, discovered from the working directory up to the repository root, none found, or disabled with --no-config).
 *
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "ConfigUsed".
 */
export interface ConfigUsed {
  file: string | null;
  origin: 'option' | 'discovered' | 'none' | 'disabled';
}
/**
 * A baseline file (`leakguard baseline create`): the findings accepted at one point in time.
 *
 * This interface was referenced by `Decision`'s JSON-Schema
 * via the `definition` "Baseline".
 */
export interface Baseline {
  leakguard_baseline: '1';
  findings: BaselineEntry[];
}
