import type { Format } from '../types/policy-input';

export type Json = Record<string, unknown>;

/** A Terraform JSON configuration (cdk.tf.json, or HCL converted by hcl2json). */
export interface ConfigDocument {
  kind: 'config';
  format: 'cdktf-out' | 'cdktf-json' | 'hcl';
  stack: string;
  file: string;
  config: Json;
  /** HCL only: where each `type.name` block (or `provider.name`) starts, for reports. */
  locations?: Map<string, { file: string; line: number }>;
}

/** `terraform show -json` of a plan. */
export interface PlanDocument {
  kind: 'plan';
  format: 'plan';
  stack: string;
  file: string;
  plan: Json;
}

/** `terraform show -json` of a state, or a raw .tfstate (version 4). */
export interface StateDocument {
  kind: 'state';
  format: 'state';
  stack: string;
  file: string;
  state: Json;
}

export type LoadedDocument = ConfigDocument | PlanDocument | StateDocument;

/** One parser per input format (Conftest style), picked by name or by `detect`. */
export interface Loader {
  format: Format;
  /** Cheap check on a path (and its parsed JSON, for JSON files). */
  detect(path: string, isDir: boolean, json?: unknown): boolean;
  load(path: string, json?: unknown): Promise<LoadedDocument[]>;
}
