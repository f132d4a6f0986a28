/* Generated from schemas/drift-estate.schema.json by scripts/gen-types.ts. Do not edit. */

import type { DriftFinding, DriftedResource, HistoryStatus, ResolvedItem } from './drift-report';
export type { DriftFinding, DriftedResource, HistoryStatus, ResolvedItem };

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
