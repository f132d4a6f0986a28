import type { Json, LoadedDocument } from '../load/types';
import { isJson } from '../normalize/draft';
import type { AttributeChange, Source } from '../types/drift-report';

/** One resource instance in the shape of `terraform show -json` (`values.root_module.resources[]`). */
export interface WorldResource extends Json {
  address: string;
  mode: string;
  type: string;
  name: string;
  index?: string | number;
  provider_name?: string;
  values: Json;
  sensitive_values?: unknown;
}

/** One drifted resource, before policy evaluation. */
export interface DriftEntry {
  address: string;
  type: string;
  kind: 'changed' | 'deleted' | 'unmanaged';
  changes: AttributeChange[];
}

/**
 * The same estate twice: as code wants it (baseline) and as it is (live). Both go through
 * the normal load → normalize → evaluate path, so the policy sees drift exactly as it sees code.
 */
export interface DriftWorlds {
  stack: string;
  source: Source;
  baseline: LoadedDocument[];
  live: LoadedDocument[];
  entries: DriftEntry[];
  /** resource_drift entries with identical before and after (Terraform 1.0 emits them). */
  unchangedReports: number;
}

export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every resource of a `values.root_module`-shaped module tree, child modules included. */
export function flatten(module: unknown, out: WorldResource[] = []): WorldResource[] {
  if (!isJson(module)) return out;
  for (const r of asList(module.resources)) {
    if (isJson(r) && typeof r.address === 'string') out.push({ ...r, values: isJson(r.values) ? r.values : {} } as WorldResource);
  }
  for (const c of asList(module.child_modules)) flatten(c, out);
  return out;
}

/** `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`: the address code declares. */
export const declaredAddress = (address: string): string => address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
