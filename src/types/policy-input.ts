/* Generated from schemas/policy-input.schema.json by scripts/gen-types.ts. Do not edit. */

/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Format".
 */
export type Format = 'cdktf-out' | 'cdktf-json' | 'plan' | 'state' | 'hcl';
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Cloud".
 */
export type Cloud = 'aws' | 'azure' | 'other';
/**
 * What the plan does to the resource; `none` for sources without a plan (synth, HCL, state).
 *
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Action".
 */
export type Action = 'create' | 'update' | 'delete' | 'replace' | 'no-op' | 'read' | 'none';

/**
 * The one normalized document every loader produces and every policy reads. Resources are keyed by `<stack>/<address>`; `by_type` indexes them so rules never scan the whole estate per resource.
 */
export interface PolicyInput {
  schema_version: '1';
  sources: Source[];
  /**
   * Stacks by name.
   */
  stacks: {
    [k: string]: Stack;
  };
  /**
   * Resources (managed and data) by key `<stack>/<address>`.
   */
  resources: {
    [k: string]: Resource;
  };
  /**
   * Resource keys grouped by resource type.
   */
  by_type: {
    [k: string]: string[];
  };
  /**
   * The keys of `by_type` split by mode, each resource once, in the order of `resources`: the policy's per-type lists (lib/resources.rego `of_type`) and the count of managed resources are built from these without reading every resource's mode in each evaluation.
   */
  by_mode: {
    managed: KeysByType;
    data: KeysByType;
  };
  /**
   * Regions in use per cloud: every region where at least one managed resource lives.
   */
  regions: {
    [k: string]: string[];
  };
  /**
   * Per cloud with a live (managed, not deleted) resource: the first such resource's key in code-point order, and per region scope the first key there. A resource without a region is in the scope `(region unknown)` (an AWS resource of an aliased provider: `(region unknown: provider <key>)`), unless it is an Azure resource with no location of its own (child and global resources), which is in no region scope. Estate- and region-level findings are located from these (lib/resources.rego `first_resource`).
   */
  scopes: {
    [k: string]: Scope;
  };
  /**
   * Keys of the resources holding secret candidates (a `secrets` list), in the order of `resources`: the secret rules read these, not every resource.
   */
  with_secrets: string[];
}
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Source".
 */
export interface Source {
  path: string;
  format: Format;
  terraform_version?: string;
}
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Stack".
 */
export interface Stack {
  name: string;
  format: Format;
  /**
   * File the stack was read from.
   */
  source: string;
  providers: {
    [k: string]: Provider;
  };
}
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Provider".
 */
export interface Provider {
  /**
   * Provider configuration key as resources name it: `aws`, `aws.west`, `module.m:aws`.
   */
  key: string;
  cloud: Cloud;
  alias?: string;
  region?: string | null;
  default_tags?: {
    [k: string]: string;
  };
  origin?: Origin;
  /**
   * Secret candidates among the block's arguments (which are never copied into the input).
   */
  secrets?: SecretCandidate[];
}
/**
 * Where the provider block is: findings about its region are located there.
 */
export interface Origin {
  file: string;
  line?: number;
  construct_path?: string;
  stack_trace?: string[];
}
/**
 * Text that looks like a credential, found by the normalizer: never the text itself, only what the secret-in-code rules decide on.
 *
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "SecretCandidate".
 */
export interface SecretCandidate {
  /**
   * Dotted attribute path (list indexes dropped; base64 and JSON strings are read through).
   */
  path: string;
  /**
   * A pattern kind (src/normalize/secret-patterns.ts), `named-secret` (a value whose name announces a secret) or `generic` (a long mixed token).
   */
  kind: string;
  length: number;
  /**
   * Shannon entropy of the secret, bits per character.
   */
  entropy: number;
  /**
   * `sha256:` and the first 8 hex digits of the secret's SHA-256.
   */
  fingerprint: string;
}
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Resource".
 */
export interface Resource {
  key: string;
  /**
   * Terraform address, module-qualified and with its count/for_each index.
   */
  address: string;
  stack: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  module?: string;
  index?: string | number | null;
  cloud: Cloud;
  provider: string;
  region: string | null;
  /**
   * Attribute values (planned after-values for plans). Sensitive values are replaced by the string `(sensitive)`; unknown ones are absent.
   */
  values: {
    [k: string]: unknown;
  };
  /**
   * Dotted attribute paths known only after apply.
   */
  unknown: string[];
  /**
   * Dotted attribute paths whose value Terraform would reject for the declared type (a list where a string is declared, an object where a bool is), or that Terraform marks sensitive as a whole where a block, collection, number or bool is declared (also in `sensitive`: a set around a sensitive value). Also in `unknown`: no rule can read them, so they are reported as unverifiable.
   */
  unreadable?: string[];
  /**
   * Dotted attribute paths Terraform marks sensitive that hold a value or are unknown at plan time (values redacted); a marked null is not listed.
   */
  sensitive: string[];
  /**
   * Resource tags merged over the provider's default_tags.
   */
  tags: {
    [k: string]: string;
  };
  /**
   * Dotted attribute paths unknown at plan time whose configuration refers only to what the input cannot follow to a resource (a local value, a module output or variable with no resource of the input behind it): configured, not left to the provider, so rules read them as unresolved.
   */
  unlinked?: string[];
  /**
   * Attribute (dotted path) → keys of resources it refers to.
   */
  references: {
    [k: string]: string[];
  };
  referenced_by: Reference[];
  action: Action;
  origin: Origin1;
  waivers?: Waiver[];
  /**
   * Secret candidates among the values (managed resources): at every attribute, or where the input is normalized for a policy, at the attributes it reads them (its manifest's secret_paths).
   */
  secrets?: SecretCandidate[];
}
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Reference".
 */
export interface Reference {
  key: string;
  type: string;
  attribute: string;
}
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Origin".
 */
export interface Origin1 {
  file: string;
  line?: number;
  construct_path?: string;
  stack_trace?: string[];
}
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
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
 * Resource keys per resource type (types without a resource are absent).
 *
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "KeysByType".
 */
export interface KeysByType {
  [k: string]: string[];
}
/**
 * This interface was referenced by `PolicyInput`'s JSON-Schema
 * via the `definition` "Scope".
 */
export interface Scope {
  /**
   * Key of the cloud's first live resource.
   */
  first: string;
  /**
   * Key of the first live resource of each region scope.
   */
  regions: {
    [k: string]: string;
  };
}
