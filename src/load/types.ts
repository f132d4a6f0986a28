import type { CodeLiterals } from './hcl-evaluator';
import type { Format } from '../types/policy-input';
import type { EvaluatedFolder, EvaluatedResource, VarInput } from './hcl-evaluator';

export type Json = Record<string, unknown>;

/** A Terraform JSON configuration (cdk.tf.json of a CDKTF stack). */
export interface ConfigDocument {
  kind: 'config';
  format: 'cdktf-out' | 'cdktf-json';
  stack: string;
  file: string;
  config: Json;
}

/** A folder of .tf files as hcl-eval evaluated it: resource instances, providers, warnings. */
export interface HclDocument {
  kind: 'hcl';
  format: 'hcl';
  stack: string;
  file: string;
  evaluated: EvaluatedFolder;
}

/** `terraform show -json` of a plan. */
export interface PlanDocument {
  kind: 'plan';
  format: 'plan';
  stack: string;
  file: string;
  plan: Json;
  /** The folder the plan was made from, when it is at hand (beside the plan, or --source-dir). */
  source?: PlanSource;
}

/**
 * A plan's source folder: where its blocks are (source-dir.ts), and, where the plan needs it,
 * what the HCL evaluator reads there with the plan's variables (plan-source.ts).
 */
export interface PlanSource {
  root: string;
  /** Where each declared resource (`module.m.type.name`) and provider block is. */
  locations: Map<string, { file: string; line: number }>;
  /** Some file of the folder (or of a module it calls) writes a `dynamic` block. */
  dynamic: boolean;
  /** AWS provider regions the plan does not hold (a local), by provider key. */
  regions?: Map<string, string>;
  /** Each resource's unknown paths, by address. */
  unknown?: Map<string, string[]>;
  /** Each resource's references by attribute path (through locals, in dynamic blocks), by address: where the folder writes `dynamic` blocks or the plan names locals. */
  references?: Map<string, Record<string, string[]>>;
  /** Module arguments' and outputs' references (through locals), and the constants the code gives module variables, by module; set with references. */
  links?: Map<string, { args: Record<string, string[]>; outputs: Record<string, string[]>; constants?: Record<string, unknown> }>;
  /** The string literals the folder's modules write (EvaluatedFolder.code_literals), by module. */
  literals?: Map<string, CodeLiterals>;
  /** The root variables whose value the folder's code gives (EvaluatedFolder.root_code_values): a default, an auto-loaded tfvars file. */
  rootCode?: Record<string, unknown>;
  /** The evaluated resources, by address (a credential the plan hides is read here where the code writes it; a document only partly known at plan time). */
  resources?: Map<string, EvaluatedResource>;
}

/** `terraform show -json` of a state, or a raw .tfstate (version 4). */
export interface StateDocument {
  kind: 'state';
  format: 'state';
  stack: string;
  file: string;
  state: Json;
}

export type LoadedDocument = ConfigDocument | HclDocument | PlanDocument | StateDocument;

/** Inputs only some formats use (Terraform variables for HCL folders), and how stacks are named and located. */
export interface LoadOptions {
  vars?: VarInput[];
  /** HCL folders: absolute path → text read instead of the file (`leakguard fix` re-checks its edits before writing them). */
  overlay?: ReadonlyMap<string, string>;
  /** --stack-name: the one stack's own name, instead of its folder's. */
  stackName?: string;
  /** --source-dir: the Terraform folder a plan was made from (found beside the plan otherwise). */
  sourceDir?: string;
}

/** One parser per input format (Conftest style), picked by name or by `detect`. */
export interface Loader {
  format: Format;
  /** Cheap check on a path (and its parsed JSON, for JSON files). */
  detect(path: string, isDir: boolean, json?: unknown): boolean;
  load(path: string, json?: unknown, opts?: LoadOptions): Promise<LoadedDocument[]>;
}
