import type { Json } from '../load/types';
import table from './provider-defaults.json';

/** Per resource type: what hashicorp/aws plans for an unset attribute (test/helpers/provider-defaults.ts learns it from real plans). */
export type ProviderDefaults = Record<string, { defaults: Record<string, unknown>; computed: string[] }>;

const DEFAULTS = table as ProviderDefaults;

/**
 * An attribute an HCL configuration leaves unset (or sets to null, which Terraform treats the
 * same) gets what the plan would give it: the provider's default, or unknown when the
 * provider computes it. Values and unknown paths are returned anew.
 */
export function withProviderDefaults(type: string, values: Json, unknown: string[]): { values: Json; unknown: string[] } {
  const entry = DEFAULTS[type];
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
