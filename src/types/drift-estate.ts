/* Generated from schemas/drift-estate.schema.json by scripts/gen-types.ts. Do not edit. */

/**
 * Any JSON value of an attribute.
 */
export type Value = string | number | boolean | null | {} | unknown[];
/**
 * `leakguard drift stacks`: one CI job per entry (a GitHub matrix `include`).
 *
 * This interface was referenced by `DriftEstateReport`'s JSON-Schema
 * via the `definition` "StackList".
 */
export type StackList = {
  stack: string;
  /**
   * The folder to run `terraform plan -refresh-only` in.
   */
  dir: string;
  source: 'cdktf' | 'hcl';
}[];

/**
 * What `leakguard drift merge` reports: the per-stack drift reports of one scheduled run combined, with every expected stack listed and a stack that was not checked (no report, or its job failed) shown as such, never as clean. Resources, findings and resolved items are those of the stack reports (schemas/drift-report.schema.json), their windows taken from the one estate history.
 */
export interface DriftEstateReport {
  schema_version: '1';
  kind: 'estate';
  /**
   * The merge's clock (`--now`, or the current time).
   */
  generated_at: string;
  /**
   * violating-drift: some stack's drift introduces a blocking finding; not-checked: nothing violating among the stacks checked, but at least one stack was not checked; benign-drift / clean: every stack was checked.
   */
  status: 'clean' | 'benign-drift' | 'violating-drift' | 'not-checked';
  /**
   * 1 when any stack's drift is violating, any stack was not checked, or (--fail-on-drift) anything drifted; else 0. Bad input exits 2 and writes no report.
   */
  exit_code: 0 | 1;
  /**
   * A finding severity, `info` for drift that introduces no finding, `none` when nothing drifted.
   */
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info' | 'none';
  fail_on_drift?: boolean;
  /**
   * Every stack: expected ones in the order given, then unexpected ones by name.
   */
  stacks: StackStatus[];
  summary: EstateSummary;
  resources: DriftedResource[];
  findings: DriftFinding[];
  resolved: ResolvedItem[];
  history: HistoryStatus;
}
/**
 * This interface was referenced by `DriftEstateReport`'s JSON-Schema
 * via the `definition` "StackStatus".
 */
export interface StackStatus {
  stack: string;
  status: 'clean' | 'benign-drift' | 'violating-drift' | 'not-checked';
  /**
   * Named by --expect (always true without --expect).
   */
  expected: boolean;
  /**
   * not-checked: why (no report, or the failed job's own reason).
   */
  reason?: string;
  /**
   * The report file read for this stack.
   */
  report?: string;
  generated_at?: string;
  /**
   * A finding severity, `info` for drift that introduces no finding, `none` when nothing drifted.
   */
  severity?: 'critical' | 'high' | 'medium' | 'low' | 'info' | 'none';
  drifted?: number;
  violating?: number;
  introduced_findings?: number;
  resources?: number;
}
/**
 * This interface was referenced by `DriftEstateReport`'s JSON-Schema
 * via the `definition` "EstateSummary".
 */
export interface EstateSummary {
  stacks: number;
  checked: number;
  not_checked: number;
  /**
   * Managed resources over the stacks checked.
   */
  resources: number;
  drifted: number;
  changed: number;
  deleted: number;
  unmanaged: number;
  violating: number;
  introduced_findings: number;
  preexisting_findings: number;
  resolved: number;
  by_control: {
    [k: string]: number;
  };
  by_age: {
    [k: string]: number;
  };
  by_severity: {
    [k: string]: number;
  };
  /**
   * Drifted resources per stack checked.
   */
  by_stack: {
    [k: string]: number;
  };
}
export interface DriftedResource {
  fingerprint: string;
  key: string;
  address: string;
  stack: string;
  type: string;
  /**
   * changed: live attributes differ from code; deleted: in code, gone live; unmanaged: live (in state) but no code declares it.
   */
  kind: 'changed' | 'deleted' | 'unmanaged';
  /**
   * A finding severity, `info` for drift that introduces no finding, `none` when nothing drifted.
   */
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info' | 'none';
  violating: boolean;
  classification: Classification;
  changes: AttributeChange[];
  /**
   * Fingerprints of the findings this drift introduces.
   */
  introduces: string[];
  exposure: Exposure;
}
export interface Classification {
  /**
   * The classification tag's value on the resource (or on the resource it was inherited from).
   */
  value: string | null;
  pii: boolean;
  /**
   * Address of the classified resource linked to this one (e.g. the log group a key encrypts, the bucket a public access block guards).
   */
  via?: string;
  /**
   * Consumer records the (classified) store holds, from its record-count tag or the config's exposure.records: the records at risk, and with pii the Cal. Civ. Code §1798.150 statutory damages estimate.
   */
  records?: number;
}
/**
 * `before` is the desired (recorded or declared) value, absent for `add`; `after` the live value, absent for `remove`. Either reads `(sensitive)` where Terraform marks it sensitive.
 */
export interface AttributeChange {
  /**
   * Attribute path: `retention_in_days`, `tags.owner`, `logging[0].target_bucket`.
   */
  path: string;
  op: 'add' | 'remove' | 'change';
  before?: Value;
  after?: Value;
  sensitive: boolean;
  /**
   * null ↔ empty, or the same JSON document formatted differently.
   */
  cosmetic: boolean;
}
export interface Exposure {
  first_seen: string;
  last_seen: string;
  /**
   * Hours from first_seen to this run.
   */
  open_hours: number;
}
export interface DriftFinding {
  fingerprint: string;
  /**
   * introduced: present live, absent from the desired values; preexisting: present in both (the code itself violates).
   */
  status: 'introduced' | 'preexisting';
  rule_id: string;
  title: string;
  control: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  enforcement: 'advisory' | 'soft' | 'hard';
  blocking: boolean;
  waived: boolean;
  message: string;
  remediation: string;
  legal: string[];
  resource: FindingResource;
  /**
   * Keys of the drifted resources behind an introduced finding (the resource itself or one linked to it).
   */
  caused_by: string[];
  classification: Classification;
  exposure?: Exposure;
  notification_clock?: NotificationClock;
  /**
   * Blocking introduced findings whose rule has a containment runbook: the runbook as text, filled in with the resource's identifiers and the exposure window (first seen to this run).
   */
  runbook?: string;
}
export interface FindingResource {
  key: string;
  address: string;
  stack: string;
  type: string;
}
export interface NotificationClock {
  target_hours: number;
  elapsed_hours: number;
  /**
   * Negative once the target has passed.
   */
  remaining_hours: number;
  exceeded: boolean;
  target_at: string;
  label: string;
}
export interface ResolvedItem {
  fingerprint: string;
  kind: 'drift' | 'finding';
  /**
   * What was open: `<rule id> on <key>` or `<kind> <key>`.
   */
  subject: string;
  first_seen: string;
  last_seen: string;
  /**
   * This run: the first that no longer saw it.
   */
  resolved_at: string;
  /**
   * first_seen → resolved_at.
   */
  open_hours: number;
}
export interface HistoryStatus {
  path: string | null;
  /**
   * none: no --history given (ages start at this run).
   */
  status: 'created' | 'updated' | 'migrated' | 'none';
  migrated_from?: number;
}
/**
 * What a stack's CI job writes instead of its drift report when it could not make one (`leakguard drift not-checked`): the stack counts as not checked.
 *
 * This interface was referenced by `DriftEstateReport`'s JSON-Schema
 * via the `definition` "NotCheckedReport".
 */
export interface NotCheckedReport {
  schema_version: '1';
  kind: 'not-checked';
  stack: string;
  generated_at: string;
  reason: string;
}
