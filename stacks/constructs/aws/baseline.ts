import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { Cloudtrail, CloudtrailAdvancedEventSelector } from '@cdktf/provider-aws/lib/cloudtrail';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { IamServiceLinkedRole } from '@cdktf/provider-aws/lib/iam-service-linked-role';
import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { UnsafeConfigError, requireOneOf } from '../common/errors';
import { awsAccountId } from '../common/settings';
import { HardenedBucket } from './bucket';
import { HardenedKey } from './key';
import { BoundedLogGroup } from './log-group';
import { AwsRegionalProviders } from './providers';
import { ScopedRole } from './role';

/** Data-event resource types CloudTrail records for queues, topics and streams (advanced selectors only). */
export const MESSAGING_DATA_EVENT_TYPES = ['AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::Kinesis::Stream'] as const;
export type MessagingDataEventType = (typeof MESSAGING_DATA_EVENT_TYPES)[number];
const MESSAGING_SELECTOR_NAMES: Record<MessagingDataEventType, string> = {
  'AWS::SQS::Queue': 'sqs-data-events',
  'AWS::SNS::Topic': 'sns-data-events',
  'AWS::Kinesis::Stream': 'kinesis-data-events',
};

export interface RegionalBaselineProps {
  /** Providers for every region in use (the home region hosts the trail and its buckets). */
  readonly providers: AwsRegionalProviders;
  readonly trailName?: string;
  /**
   * Which objects/tables the trail records data events for: `all` (everything except the trail's
   * own bucket, the default) or `listed` (only what is passed to coverS3Bucket/coverTable/coverMessaging).
   */
  readonly dataEvents?: 'all' | 'listed';
  /** Trail log-group retention (days); default 365. */
  readonly logRetentionDays?: number;
  readonly findingPublishingFrequency?: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS';
  /** Set the per-region API Gateway CloudWatch role (needed for stage access logs). Default true. */
  readonly apiGatewayLogging?: boolean;
  readonly accountId?: string;
}

/**
 * Audit and detection in every region in use: GuardDuty (with S3 protection) and an AWS Config
 * recorder per region, and one multi-region CloudTrail with global events, log-file validation,
 * KMS, CloudWatch Logs delivery and S3, DynamoDB, SQS, SNS and Kinesis data events.
 */
export class RegionalBaseline extends Construct {
  readonly trail: Cloudtrail;
  readonly trailBucket: HardenedBucket;
  readonly accessLogBucket: HardenedBucket;
  readonly key: HardenedKey;
  readonly detectors = new Map<string, GuarddutyDetector>();
  private readonly mode: 'all' | 'listed';
  private readonly s3Arns: string[] = [];
  private readonly tableArns: string[] = [];
  private readonly messagingArns: Record<MessagingDataEventType, string[]> = { 'AWS::SQS::Queue': [], 'AWS::SNS::Topic': [], 'AWS::Kinesis::Stream': [] };

  constructor(scope: Construct, id: string, props: RegionalBaselineProps) {
    super(scope, id);
    const accountId = awsAccountId(this, props.accountId);
    this.mode = requireOneOf(this, 'dataEvents', props.dataEvents ?? 'all', ['all', 'listed']);
    const providers = props.providers;
    const home = providers.home;
    const homeRegion = providers.homeRegion;
    const trailName = props.trailName ?? 'central-audit';
    const trailArn = `arn:aws:cloudtrail:${homeRegion}:${accountId}:trail/${trailName}`;

    this.key = new HardenedKey(this, 'audit-key', {
      provider: home,
      alias: `${trailName}-audit`,
      description: 'Audit trail, Config and audit log CMK',
      servicePrincipals: ['cloudtrail.amazonaws.com', 'config.amazonaws.com'],
    });
    this.accessLogBucket = new HardenedBucket(this, 'access-logs', {
      classification: 'internal',
      kmsKey: this.key,
      isAccessLogTarget: true,
      expirationDays: 400,
      provider: home,
    });
    // Operator audit records, not customer data: classified internal, so they are neither
    // masked (investigators need IPs and identities) nor fed back into the trail (a loop).
    this.trailBucket = new HardenedBucket(this, 'trail-bucket', {
      classification: 'internal',
      tags: { purpose: 'central-audit' },
      kmsKey: this.key,
      accessLogBucket: this.accessLogBucket,
      expirationDays: 2555,
      provider: home,
    });
    const bucketArn = this.trailBucket.arn;
    // Each service may write only under its own prefix, and only for this trail / account.
    const writers: { sid: string; service: string; prefix: string; condition: Record<string, string> }[] = [
      { sid: 'CloudTrail', service: 'cloudtrail.amazonaws.com', prefix: 'cloudtrail', condition: { 'aws:SourceArn': trailArn } },
      { sid: 'Config', service: 'config.amazonaws.com', prefix: 'config', condition: { 'aws:SourceAccount': accountId } },
    ];
    for (const w of writers) {
      this.trailBucket.addPolicyStatement({
        sid: `${w.sid}AclCheck`, principal: { Service: w.service }, actions: ['s3:GetBucketAcl', 's3:ListBucket'], resources: [bucketArn],
        conditions: { StringEquals: w.condition },
      });
      this.trailBucket.addPolicyStatement({
        sid: `${w.sid}Write`, principal: { Service: w.service }, actions: ['s3:PutObject'], resources: [`${bucketArn}/${w.prefix}/AWSLogs/${accountId}/*`],
        conditions: { StringEquals: w.condition },
      });
    }

    const logGroup = new BoundedLogGroup(this, 'trail-logs', {
      name: `/aws/cloudtrail/${trailName}`,
      classification: 'internal',
      retentionDays: props.logRetentionDays,
      kmsKey: this.key,
      provider: home,
    });
    const trailRole = new ScopedRole(this, 'trail-to-logs', {
      name: `${trailName}-cloudtrail-logs`,
      trust: { service: 'cloudtrail.amazonaws.com' },
      statements: [{ sid: 'DeliverToLogGroup', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${logGroup.arn}:*`] }],
      provider: home,
    });
    this.trail = new Cloudtrail(this, 'trail', {
      provider: home,
      name: trailName,
      s3BucketName: this.trailBucket.bucket.id,
      s3KeyPrefix: 'cloudtrail',
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: this.key.arn,
      cloudWatchLogsGroupArn: `${logGroup.arn}:*`,
      cloudWatchLogsRoleArn: trailRole.arn,
      advancedEventSelector: this.selectors(),
      tags: { purpose: 'central-audit' },
      dependsOn: [this.trailBucket.policy],
    });
    this.key.grantService(`logs.${homeRegion}.amazonaws.com`);
    // Recording the trail's own bucket would log its own writes forever; the access-log
    // bucket cannot log itself, so the trail covers it.
    this.coverS3Bucket(this.accessLogBucket);

    // AWS Config records through its service-linked role; one per account.
    const configRole = new IamServiceLinkedRole(this, 'config-role', { provider: home, awsServiceName: 'config.amazonaws.com' });
    const apiGatewayRole = props.apiGatewayLogging === false ? undefined : new ScopedRole(this, 'apigateway-logs', {
      name: `${trailName}-apigateway-logs`,
      trust: { service: 'apigateway.amazonaws.com' },
      managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs'],
      provider: home,
    });

    for (const region of providers.regions) {
      const provider: TerraformProvider = providers.forRegion(region);
      const detector = new GuarddutyDetector(this, `guardduty-${region}`, {
        provider,
        enable: true,
        findingPublishingFrequency: props.findingPublishingFrequency ?? 'FIFTEEN_MINUTES',
      });
      this.detectors.set(region, detector);
      new GuarddutyDetectorFeature(this, `guardduty-s3-${region}`, { provider, detectorId: detector.id, name: 'S3_DATA_EVENTS', status: 'ENABLED' });

      const recorder = new ConfigConfigurationRecorder(this, `config-recorder-${region}`, {
        provider,
        name: 'default',
        roleArn: configRole.arn,
        // Global resources (IAM) are recorded once, in the home region.
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: region === homeRegion },
      });
      const channel = new ConfigDeliveryChannel(this, `config-delivery-${region}`, {
        provider,
        name: 'default',
        s3BucketName: this.trailBucket.bucket.id,
        s3KeyPrefix: 'config',
        s3KmsKeyArn: this.key.arn,
        snapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
        dependsOn: [recorder],
      });
      new ConfigConfigurationRecorderStatus(this, `config-status-${region}`, { provider, name: recorder.name, isEnabled: true, dependsOn: [channel] });
      if (apiGatewayRole) new ApiGatewayAccount(this, `apigateway-account-${region}`, { provider, cloudwatchRoleArn: apiGatewayRole.arn });
    }
  }

  /** Records object-level data events for this bucket (needed in `listed` mode). */
  coverS3Bucket(bucket: HardenedBucket | string): void {
    if (bucket === this.trailBucket) throw new UnsafeConfigError(this, 'the trail bucket cannot record its own data events');
    this.s3Arns.push(typeof bucket === 'string' ? bucket : bucket.arn);
    this.trail?.putAdvancedEventSelector(this.selectors());
  }

  /** Records item-level data events for this DynamoDB table (needed in `listed` mode). */
  coverTable(tableArn: string): void {
    this.tableArns.push(tableArn);
    this.trail?.putAdvancedEventSelector(this.selectors());
  }

  /** Records data events (sends, receives, publishes, record reads and writes) for this queue, topic or stream (needed in `listed` mode). */
  coverMessaging(type: MessagingDataEventType, arn: string): void {
    this.messagingArns[type].push(arn);
    this.trail?.putAdvancedEventSelector(this.selectors());
  }

  private selectors(): CloudtrailAdvancedEventSelector[] {
    const selectors: CloudtrailAdvancedEventSelector[] = [
      { name: 'management-events', fieldSelector: [{ field: 'eventCategory', equalTo: ['Management'] }] },
    ];
    const data = (name: string, type: string, arnFilter: { startsWith?: string[]; notStartsWith?: string[]; equalTo?: string[] }) =>
      selectors.push({
        name,
        fieldSelector: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: [type] },
          { field: 'resources.ARN', ...arnFilter },
        ],
      });
    if (this.mode === 'all') {
      data('s3-data-events', 'AWS::S3::Object', { notStartsWith: [`${this.trailBucket.arn}/`] });
      selectors.push({ name: 'dynamodb-data-events', fieldSelector: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: ['AWS::DynamoDB::Table'] }] });
      for (const type of MESSAGING_DATA_EVENT_TYPES) {
        selectors.push({ name: MESSAGING_SELECTOR_NAMES[type], fieldSelector: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: [type] }] });
      }
    } else {
      if (this.s3Arns.length) data('s3-data-events', 'AWS::S3::Object', { startsWith: this.s3Arns.map((a) => `${a}/`) });
      if (this.tableArns.length) data('dynamodb-data-events', 'AWS::DynamoDB::Table', { equalTo: [...this.tableArns] });
      for (const type of MESSAGING_DATA_EVENT_TYPES) {
        if (this.messagingArns[type].length) data(MESSAGING_SELECTOR_NAMES[type], type, { equalTo: [...this.messagingArns[type]] });
      }
    }
    return selectors;
  }
}
