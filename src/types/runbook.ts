/* Generated from schemas/runbook.schema.json by scripts/gen-types.ts. Do not edit. */

/**
 * A rule's containment runbook, declared in its METADATA (`custom.runbook`) for controls whose failure is a live exposure once applied. `leakguard runbook` and drift reports render it with the finding's identifiers: `{{values.<attribute>}}` (the resource's own values), `{{address}}`, `{{region}}`, `{{account}}`, `{{window_start}}`/`{{window_end}}` (the exposure window); what the input does not hold is printed as a marked placeholder `<FILL-IN:…>`. Evidence is preserved before anything is changed, and the tool never runs a command.
 */
export interface RuleRunbook {
  /**
   * What is exposed while the finding is live.
   */
  exposure: string;
  /**
   * Evidence to preserve first: access logs and CloudTrail/Activity Log lookups for the exposure window, snapshots, the current configuration.
   *
   * @minItems 1
   */
  preserve: [Step, ...Step[]];
  /**
   * @minItems 1
   */
  contain: [Step, ...Step[]];
  /**
   * @minItems 1
   */
  verify: [Step, ...Step[]];
}
/**
 * This interface was referenced by `RuleRunbook`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface Step {
  /**
   * What the step does and why.
   */
  do: string;
  /**
   * The AWS CLI (`aws …`) or Azure CLI (`az …`) command, with identifiers in {{…}}.
   */
  run?: string;
  /**
   * Changes or removes something that cannot simply be put back (revoking keys, deleting policies): marked in the output.
   */
  destructive?: boolean;
}
