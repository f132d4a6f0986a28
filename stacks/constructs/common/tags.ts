import { Construct } from 'constructs';
import { UnsafeConfigError } from './errors';
import { requireSetting } from './settings';

export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'pii'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** Classes that may hold personal information: masked, CMK-encrypted, centrally audited. */
export const PERSONAL_CLASSIFICATIONS: readonly DataClassification[] = ['pii', 'confidential'];

/** Unclassified data is handled as the most sensitive class until someone classifies it. */
export const DEFAULT_CLASSIFICATION: DataClassification = 'pii';

/** Props shared by every construct that stores data. */
export interface ClassifiedProps {
  readonly classification?: DataClassification;
  /** Extra tags; `owner` / `environment` here override the stack settings. */
  readonly tags?: Record<string, string>;
}

/**
 * The tags a data-bearing resource must carry: data-classification, owner, environment.
 * Owner and environment default to the stack settings so callers cannot forget them.
 */
export function dataTags(scope: Construct, props: ClassifiedProps = {}): Record<string, string> {
  const classification = props.classification ?? DEFAULT_CLASSIFICATION;
  if (!DATA_CLASSIFICATIONS.includes(classification)) {
    throw new UnsafeConfigError(scope, `classification must be one of ${DATA_CLASSIFICATIONS.join(', ')}, got ${JSON.stringify(classification)}`);
  }
  const extra = props.tags ?? {};
  if ('data-classification' in extra) {
    throw new UnsafeConfigError(scope, 'set the classification prop, not a data-classification tag');
  }
  return {
    ...extra,
    'data-classification': classification,
    owner: requireSetting(scope, 'owner', extra.owner),
    environment: requireSetting(scope, 'environment', extra.environment),
  };
}
