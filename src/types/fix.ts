/* Generated from schemas/fix.schema.json by scripts/gen-types.ts. Do not edit. */

/**
 * This interface was referenced by `RuleFix`'s JSON-Schema
 * via the `definition` "Value".
 */
export type Value = string | number | boolean | Choice;

/**
 * A rule's fix, declared in its METADATA (`custom.fix`) and applied by `leakguard fix`: HCL edits on the reported resource (or the resources linked to it), and for CDKTF inputs the construct option to use. Values are HCL expression text; `{{name}}`, `{{ref}}` (the resource's own reference, e.g. aws_s3_bucket.data) and `{{settings.<key>}}` are filled in.
 */
export interface RuleFix {
  /**
   * What the fix changes, in one line.
   */
  summary: string;
  /**
   * @minItems 1
   */
  edits: [Edit, ...Edit[]];
  cdktf?: CdktfFix;
}
/**
 * This interface was referenced by `RuleFix`'s JSON-Schema
 * via the `definition` "Edit".
 */
export interface Edit {
  /**
   * Apply only when the reported resource has this type (rules that report several types).
   */
  on?: string;
  when?: Match;
  linked?: Linked;
  /**
   * Edit the nested blocks of this type (e.g. egress), or of a dotted path of types (rule.apply_server_side_encryption_by_default), instead of the resource body; without `where`, a level the resource lacks is added (its settings were at the provider's defaults).
   */
  nested?: string;
  where?: Match1;
  remove?: Match1;
  /**
   * Attribute → value: HCL expression text (a string), a number or a boolean, or a choice within configured bounds.
   */
  set?: {
    [k: string]: Value;
  };
  /**
   * Attribute → line comment written after the value (placeholders the user must replace).
   */
  comment?: {
    [k: string]: string;
  };
  /**
   * HCL of a resource to add after the reported one: with `linked`, when none is linked yet; without, unless a resource of that address exists (e.g. the customer-managed key the other settings point at). A `set` attribute pointing at the added resource is first left as written when the source already sets it (a key the store already uses), and then the resource is not added; only if the re-check still reports the finding is it replaced.
   */
  create?: string;
}
/**
 * Apply only when the reported resource's own top-level attribute holds one of the values (e.g. an engine_type the edit is valid for).
 */
export interface Match {
  name: string;
  /**
   * @minItems 1
   */
  values: [string, ...string[]];
}
/**
 * Edit the resources of this type whose attribute `via` refers to the reported resource. When none does, the edit with `create` adds one, and the other edits of that type are skipped (the added resource is already as the fix wants).
 *
 * This interface was referenced by `RuleFix`'s JSON-Schema
 * via the `definition` "Linked".
 */
export interface Linked {
  type: string;
  via: string;
}
/**
 * An attribute that literally holds (a scalar; true, false and numbers as HCL writes them) or contains (a list) one of the values.
 *
 * This interface was referenced by `RuleFix`'s JSON-Schema
 * via the `definition` "Match".
 */
export interface Match1 {
  name: string;
  /**
   * @minItems 1
   */
  values: [string, ...string[]];
}
/**
 * The smallest of the allowed values inside [settings.at_least, settings.at_most] (e.g. a CloudWatch retention period inside the configured range); no at_most: no upper bound.
 *
 * This interface was referenced by `RuleFix`'s JSON-Schema
 * via the `definition` "Choice".
 */
export interface Choice {
  /**
   * @minItems 1
   */
  smallest_of: [number, ...number[]];
  at_least: string;
  at_most?: string;
}
/**
 * For CDKTF inputs: the option of the rule's construct (METADATA `construct`) that fixes the finding, and a TypeScript snippet using it.
 *
 * This interface was referenced by `RuleFix`'s JSON-Schema
 * via the `definition` "CdktfFix".
 */
export interface CdktfFix {
  option: string;
  snippet: string;
}
