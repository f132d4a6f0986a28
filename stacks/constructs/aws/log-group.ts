import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogDataProtectionPolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-data-protection-policy';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, DEFAULT_CLASSIFICATION, PERSONAL_CLASSIFICATIONS, dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { regionOf } from './providers';

/** Retention values CloudWatch Logs accepts (0 = never expire is deliberately absent). */
export const CLOUDWATCH_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** Managed data identifiers masked in PII log groups (what a shop's logs leak most). */
export const PII_DATA_IDENTIFIERS = ['EmailAddress', 'CreditCardNumber', 'CreditCardSecurityCode', 'CreditCardExpiration', 'PhoneNumber-US', 'Address', 'Ssn-US', 'IpAddress'] as const;

export interface BoundedLogGroupProps extends ClassifiedProps {
  readonly name: string;
  /** Default 365; must be a CloudWatch value within [minRetentionDays, maxRetentionDays]. */
  readonly retentionDays?: number;
  readonly minRetentionDays?: number;
  readonly maxRetentionDays?: number;
  /** CMK; created (with the regional Logs service granted) when absent. */
  readonly kmsKey?: HardenedKey;
  /** Managed identifiers to audit and mask when the classification is pii or confidential. */
  readonly dataIdentifiers?: readonly string[];
  readonly provider?: TerraformProvider;
}

/**
 * Log group whose retention is bounded (never "forever", never beyond the configured max),
 * encrypted with a CMK, and — for pii/confidential — masked by a data-protection policy with Audit and
 * Deidentify statements so personal data is not readable by everyone with logs:GetLogEvents.
 */
export class BoundedLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: BoundedLogGroupProps) {
    super(scope, id);
    const min = requireIntInRange(this, 'minRetentionDays', props.minRetentionDays ?? 30, 1, 3653);
    const max = requireIntInRange(this, 'maxRetentionDays', props.maxRetentionDays ?? 400, min, 3653);
    const retention = props.retentionDays ?? 365;
    requireIntInRange(this, 'retentionDays', retention, min, max);
    if (!(CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(retention)) {
      throw new UnsafeConfigError(this, `retentionDays ${retention} is not a CloudWatch retention value (${CLOUDWATCH_RETENTION_DAYS.join(', ')})`);
    }
    const region = regionOf(this, props.provider);
    this.key = props.kmsKey ?? new HardenedKey(this, 'key', { provider: props.provider, description: `Logs CMK for ${props.name}` });
    this.key.grantService(`logs.${region}.amazonaws.com`);

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      provider: props.provider,
      name: props.name,
      retentionInDays: retention,
      kmsKeyId: this.key.arn,
      tags: dataTags(this, props),
    });

    if (PERSONAL_CLASSIFICATIONS.includes(props.classification ?? DEFAULT_CLASSIFICATION)) {
      const ids = props.dataIdentifiers ?? PII_DATA_IDENTIFIERS;
      if (ids.length === 0) throw new UnsafeConfigError(this, 'a personal-data log group needs at least one data identifier to mask');
      const arns = ids.map((i) => `arn:aws:dataprotection::aws:data-identifier/${i}`);
      new CloudwatchLogDataProtectionPolicy(this, 'data-protection', {
        provider: props.provider,
        logGroupName: this.logGroup.name,
        policyDocument: JSON.stringify({
          Name: 'pii-masking',
          Version: '2021-06-01',
          Statement: [
            { Sid: 'Audit', DataIdentifier: arns, Operation: { Audit: { FindingsDestination: {} } } },
            { Sid: 'Deidentify', DataIdentifier: arns, Operation: { Deidentify: { MaskConfig: {} } } },
          ],
        }),
      });
    }
  }

  get arn(): string {
    return this.logGroup.arn;
  }

  get name(): string {
    return this.logGroup.name;
  }
}
