import { Construct } from 'constructs';
import { Lazy, TerraformProvider } from 'cdktf';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketLifecycleConfiguration, S3BucketLifecycleConfigurationRule } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { awsAccountId } from '../common/settings';
import { HardenedKey } from './key';
import { Statement, assertNoPublicAllow, policyJson } from './policy';

export interface HardenedBucketProps extends ClassifiedProps {
  /** Exact bucket name; otherwise a prefix derived from the construct id. */
  readonly name?: string;
  /** CMK for SSE-KMS; a HardenedKey is created when absent. */
  readonly kmsKey?: HardenedKey;
  /** Target for server access logs; an access-log bucket is created when absent. */
  readonly accessLogBucket?: HardenedBucket;
  /**
   * This bucket receives server access logs. It cannot log into itself, so its object-level
   * access must be covered by CloudTrail S3 data events instead (RegionalBaseline does that).
   */
  readonly isAccessLogTarget?: boolean;
  /** Extra resource-policy statements (service access, CloudFront OAC, ...); never public. */
  readonly policyStatements?: readonly Statement[];
  /** Days before non-current versions expire; default 90, within [1, 3650]. */
  readonly noncurrentVersionExpirationDays?: number;
  /** Days before current objects expire; unset keeps objects, within [1, 3650]. */
  readonly expirationDays?: number;
  /** S3 Object Lock in COMPLIANCE mode with this default retention (days, 1–36500). */
  readonly objectLockRetentionDays?: number;
  readonly accountId?: string;
  readonly provider?: TerraformProvider;
}

/**
 * S3 bucket that cannot be made public and cannot be read without TLS: public-access block
 * (all four flags), ACLs disabled, SSE-KMS with a CMK and bucket key, versioning, TLS-only
 * bucket policy, server access logging and a lifecycle.
 */
export class HardenedBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly key: HardenedKey;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly versioning: S3BucketVersioningA;
  readonly policy: S3BucketPolicy;
  /** The access-log target this bucket writes to (undefined for a log target itself). */
  readonly accessLogBucket?: HardenedBucket;
  readonly provider?: TerraformProvider;
  private readonly statements: Statement[] = [];

  constructor(scope: Construct, id: string, props: HardenedBucketProps = {}) {
    super(scope, id);
    const provider = (this.provider = props.provider);
    const accountId = awsAccountId(this, props.accountId ?? props.kmsKey?.accountId);
    const noncurrentDays = requireIntInRange(this, 'noncurrentVersionExpirationDays', props.noncurrentVersionExpirationDays ?? 90, 1, 3650);
    if (props.expirationDays !== undefined) requireIntInRange(this, 'expirationDays', props.expirationDays, 1, 3650);
    if (props.objectLockRetentionDays !== undefined) requireIntInRange(this, 'objectLockRetentionDays', props.objectLockRetentionDays, 1, 36500);
    if (props.isAccessLogTarget && props.accessLogBucket) {
      throw new UnsafeConfigError(this, 'an access-log target does not log into another bucket');
    }
    if (props.name !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(props.name)) {
      throw new UnsafeConfigError(this, `invalid bucket name ${JSON.stringify(props.name)}`);
    }

    this.key = props.kmsKey ?? new HardenedKey(this, 'key', { accountId, provider, description: `S3 CMK for ${this.node.path}` });
    this.bucket = new S3Bucket(this, 'bucket', {
      provider,
      bucket: props.name,
      bucketPrefix: props.name ? undefined : `${id.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 36)}-`,
      objectLockEnabled: props.objectLockRetentionDays !== undefined ? true : undefined,
      tags: dataTags(this, props),
    });
    const bucketRef = { provider, bucket: this.bucket.id };

    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public-access-block', {
      ...bucketRef,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', { ...bucketRef, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      ...bucketRef,
      // S3 delivers server access logs only to buckets encrypted with SSE-S3.
      rule: [
        props.isAccessLogTarget
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
          : { bucketKeyEnabled: true, applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.key.arn } },
      ],
    });
    this.versioning = new S3BucketVersioningA(this, 'versioning', { ...bucketRef, versioningConfiguration: { status: 'Enabled' } });

    if (props.objectLockRetentionDays !== undefined) {
      new S3BucketObjectLockConfigurationA(this, 'object-lock', {
        ...bucketRef,
        rule: { defaultRetention: { mode: 'COMPLIANCE', days: props.objectLockRetentionDays } },
        dependsOn: [this.versioning],
      });
    }

    if (props.isAccessLogTarget) {
      // S3 log delivery writes as logging.s3.amazonaws.com; it needs the bucket policy grant
      // (ACLs are disabled).
      this.statements.push({
        sid: 'S3ServerAccessLogDelivery',
        principal: { Service: 'logging.s3.amazonaws.com' },
        actions: ['s3:PutObject'],
        resources: [`${this.bucket.arn}/*`],
        conditions: { StringEquals: { 'aws:SourceAccount': accountId } },
      });
    } else {
      this.accessLogBucket = props.accessLogBucket ?? new HardenedBucket(this, 'access-logs', {
        name: props.name ? `${props.name.slice(0, 51)}-access-logs` : undefined,
        classification: 'internal',
        tags: props.tags,
        kmsKey: this.key,
        isAccessLogTarget: true,
        expirationDays: 365,
        accountId,
        provider,
      });
      new S3BucketLoggingA(this, 'logging', {
        ...bucketRef,
        targetBucket: this.accessLogBucket.bucket.id,
        targetPrefix: `${this.bucket.id}/`,
      });
    }

    const rule: S3BucketLifecycleConfigurationRule = {
      id: 'retention',
      status: 'Enabled',
      filter: [{ prefix: '' }],
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      noncurrentVersionExpiration: [{ noncurrentDays: noncurrentDays }],
      ...(props.expirationDays !== undefined ? { expiration: [{ days: props.expirationDays }] } : {}),
    };
    new S3BucketLifecycleConfiguration(this, 'lifecycle', { ...bucketRef, rule: [rule], dependsOn: [this.versioning] });

    props.policyStatements?.forEach((s) => this.addPolicyStatement(s));
    this.policy = new S3BucketPolicy(this, 'policy', {
      ...bucketRef,
      policy: Lazy.stringValue({ produce: () => this.renderPolicy() }),
      // A policy applied before the block exists could briefly be public.
      dependsOn: [this.publicAccessBlock],
    });
  }

  get arn(): string {
    return this.bucket.arn;
  }

  /** Adds a resource-policy statement; refuses anything granting access to every principal. */
  addPolicyStatement(statement: Statement): void {
    assertNoPublicAllow(this, [statement]);
    this.statements.push(statement);
  }

  private renderPolicy(): string {
    const everything = [this.bucket.arn, `${this.bucket.arn}/*`];
    return policyJson([
      { sid: 'DenyInsecureTransport', effect: 'Deny', principal: '*', actions: ['s3:*'], resources: everything, conditions: { Bool: { 'aws:SecureTransport': 'false' } } },
      { sid: 'DenyOutdatedTls', effect: 'Deny', principal: '*', actions: ['s3:*'], resources: everything, conditions: { NumericLessThan: { 's3:TlsVersion': '1.2' } } },
      ...this.statements,
    ]);
  }
}
