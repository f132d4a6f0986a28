import type { Json } from '../load/types';
import attributeTypes from './attribute-types.json';
import table from './provider-defaults.json';

/** Per resource type: what hashicorp/aws plans for an unset attribute (test/helpers/provider-defaults.ts learns it from real plans). */
export type ProviderDefaults = Record<string, { defaults: Record<string, unknown>; computed: string[] }>;

const DEFAULTS = table as ProviderDefaults;

/** Per AWS resource type: the attributes the rules read that its schema says the provider computes (scripts/gen-attribute-types.ts). */
const SCHEMA_COMPUTED = attributeTypes.computed as Record<string, string[]>;

/**
 * An attribute an HCL configuration leaves unset (or sets to null, which Terraform treats the
 * same) gets what the plan would give it: the provider's default, or unknown when the
 * provider computes it. A type no real plan has taught the table yet takes its schema's word:
 * every attribute the provider computes is unknown until apply, as a plan shows it (an
 * unset `publicly_accessible` of aws_rds_cluster_instance once read as "not public" here
 * while the plan said unknown). Values and unknown paths are returned anew.
 */
export function withProviderDefaults(type: string, values: Json, unknown: string[]): { values: Json; unknown: string[] } {
  const entry = DEFAULTS[type] ?? (SCHEMA_COMPUTED[type] ? { defaults: {}, computed: SCHEMA_COMPUTED[type] } : undefined);
  if (!entry) return { values, unknown };
  const out: Json = { ...values };
  const unknowns = new Set(unknown);
  const unset = (attr: string): boolean => (out[attr] === undefined || out[attr] === null) && !unknowns.has(attr) && ![...unknowns].some((u) => u.startsWith(`${attr}.`));
  for (const [attr, value] of Object.entries(entry.defaults)) if (unset(attr)) out[attr] = value;
  for (const attr of entry.computed) {
    if (!unset(attr)) continue;
    delete out[attr];
    unknowns.add(attr);
  }
  return { values: out, unknown: [...unknowns] };
}
