/* Generated from schemas/drift-report.schema.json by scripts/gen-types.ts. Do not edit. */

/**
 * A finding severity, `info` for drift that introduces no finding, `none` when nothing drifted.
 *
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "DriftSeverity".
 */
export type DriftSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info' | 'none';
/**
 * Any JSON value of an attribute.
 *
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "Value".
 */
export type Value = string | number | boolean | null | {} | unknown[];
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * What `leakguard drift` reports: every resource that drifted from code (changed, deleted out of band, or unmanaged), the policy findings its live values introduce, how long each has been open (from the history file) and the exit code derived from them. Values Terraform marks sensitive appear only as `(sensitive)`.
 */
export interface DriftReport {
  schema_version: '1';
  /**
   * The run's clock (`--now`, or the current time).
   */
  generated_at: string;
  /**
   * clean: no drift; benign-drift: drift that introduces no blocking finding; violating-drift: drift that introduces at least one blocking finding.
   */
  status: 'clean' | 'benign-drift' | 'violating-drift';
  /**
   * 0 clean or benign (unless --fail-on-drift) · 1 violating drift (or any drift with --fail-on-drift). Errors exit 2 and write no report.
   */
  exit_code: 0 | 1;
  severity: DriftSeverity;
  source: Source;
  settings: Settings;
  summary: Summary;
  resources: DriftedResource[];
  findings: DriftFinding[];
  /**
   * Items the history had open that this run no longer sees, with their resolution time.
   */
  resolved: ResolvedItem[];
  history: HistoryStatus;
  config?: ConfigUsed;
}
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "Source".
 */
export interface Source {
  /**
   * plan: resource_drift of a (refresh-only) plan; state: a state file compared with the configuration.
   */
  mode: 'plan' | 'state';
  stack: string;
  plan?: string;
  state?: string;
  config?: string;
  /**
   * The plan proposes no resource changes (terraform plan -refresh-only).
   */
  refresh_only?: boolean;
  terraform_version?: string;
}
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "Settings".
 */
export interface Settings {
  classification_tag: string;
  pii_classifications: string[];
  notification_target_hours: number;
  /**
   * Says that the clock is an internal target, not a statutory deadline.
   */
  notification_target_label: string;
  fail_on_drift: boolean;
}
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "Summary".
 */
export interface Summary {
  /**
   * Managed resources in the live world.
   */
  resources: number;
  /**
   * changed + deleted + unmanaged.
   */
  drifted: number;
  changed: number;
  deleted: number;
  unmanaged: number;
  /**
   * Drifted resources that introduce at least one blocking finding.
   */
  violating: number;
  introduced_findings: number;
  preexisting_findings: number;
  resolved: number;
  /**
   * resource_drift entries whose before and after are identical (Terraform 1.0 reports these); not counted as drift.
   */
  unchanged_reports: number;
  /**
   * Drifted resources by the control of the findings they introduce; `none` for drift that introduces none.
   */
  by_control: {
    [k: string]: number;
  };
  /**
   * Open drifted resources by time since first seen.
   */
  by_age: {
    [k: string]: number;
  };
  by_severity: {
    [k: string]: number;
  };
}
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "DriftedResource".
 */
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
  severity: DriftSeverity;
  violating: boolean;
  classification: Classification;
  changes: AttributeChange[];
  /**
   * Fingerprints of the findings this drift introduces.
   */
  introduces: string[];
  exposure: Exposure;
}
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "Classification".
 */
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
 *
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "AttributeChange".
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
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "Exposure".
 */
export interface Exposure {
  first_seen: string;
  last_seen: string;
  /**
   * Hours from first_seen to this run.
   */
  open_hours: number;
}
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "DriftFinding".
 */
export interface DriftFinding {
  fingerprint: string;
  /**
   * introduced: present live, absent from the desired values; preexisting: present in both (the code itself violates).
   */
  status: 'introduced' | 'preexisting';
  rule_id: string;
  title: string;
  control: string;
  severity: Severity;
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
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "FindingResource".
 */
export interface FindingResource {
  key: string;
  address: string;
  stack: string;
  type: string;
}
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "NotificationClock".
 */
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
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "ResolvedItem".
 */
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
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "HistoryStatus".
 */
export interface HistoryStatus {
  path: string | null;
  /**
   * none: no --history given (ages start at this run).
   */
  status: 'created' | 'updated' | 'migrated' | 'none';
  migrated_from?: number;
}
/**
 * Added by the engine: the config file the run used and how it was chosen (--config, discovered from the working directory up to the repository root, none found, or disabled with --no-config).
 */
export interface ConfigUsed {
  file: string | null;
  origin: 'option' | 'discovered' | 'none' | 'disabled';
}
/**
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "HistoryEntry".
 */
export interface HistoryEntry {
  kind: 'drift' | 'finding';
  subject: string;
  /**
   * The stack the item was seen in: a run of one stack (or a merge that did not check a stack) leaves the other stacks' items as they are, never resolved. Entries written before it existed belong to the stack their subject key names.
   */
  stack?: string;
  first_seen: string;
  last_seen: string;
}
/**
 * The --history file, version 2: open items by fingerprint (the sha256 fingerprint of src/fingerprint.ts, as baselines and SARIF use). Resolved items drop out.
 *
 * This interface was referenced by `DriftReport`'s JSON-Schema
 * via the `definition` "DriftHistory".
 */
export interface DriftHistory {
  version: 2;
  updated_at: string;
  items: {
    [k: string]: HistoryEntry;
  };
}
