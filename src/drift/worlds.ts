import type { LoadedDocument } from '../load/types';
import type { Instance as WorldResource } from '../normalize/instances';
import type { AttributeChange, Source } from '../types/drift-report';

export type { WorldResource };

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


/** `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`: the address code declares. */
export const declaredAddress = (address: string): string => address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g, '');
