import { Construct } from 'constructs';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { KinesisStream } from '@cdktf/provider-aws/lib/kinesis-stream';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { MqBroker } from '@cdktf/provider-aws/lib/mq-broker';
import { Token } from 'cdktf';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { denyInsecureTransport, policyJson } from './policy';
import { BoundedLogGroup } from './log-group';
import { EncryptedStoreProps, storeKey } from './store-key';

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

function requireName(scope: Construct, name: string): string {
  if (!NAME.test(name)) throw new UnsafeConfigError(scope, `invalid name ${JSON.stringify(name)}`);
  return name;
}

export interface HardenedQueueProps extends EncryptedStoreProps {
  readonly name: string;
  /** SNS topics (by ARN) allowed to send to the queue, each scoped with aws:SourceArn. */
  readonly senderTopicArns?: readonly string[];
}

/** SQS under a customer-managed key, TLS only; the only resource-policy grants are to named SNS topics. */
export class HardenedQueue extends Construct {
  readonly queue: SqsQueue;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: HardenedQueueProps) {
    super(scope, id);
    this.key = storeKey(this, props, `SQS ${props.name}`, props.senderTopicArns?.length ? ['sns.amazonaws.com'] : []);
    this.queue = new SqsQueue(this, 'queue', {
      provider: props.provider,
      name: requireName(this, props.name),
      kmsMasterKeyId: this.key.arn,
      kmsDataKeyReusePeriodSeconds: 300,
      tags: dataTags(this, props),
    });
    // Only the named topics may send, and nothing is accepted over plain HTTP.
    new SqsQueuePolicy(this, 'policy', {
      provider: props.provider,
      queueUrl: this.queue.url,
      policy: policyJson([
        denyInsecureTransport(['sqs:*'], [this.queue.arn]),
        ...(props.senderTopicArns?.length
          ? [
              {
                sid: 'NamedTopicsSend',
                principal: { Service: 'sns.amazonaws.com' },
                actions: ['sqs:SendMessage'],
                resources: [this.queue.arn],
                conditions: { ArnEquals: { 'aws:SourceArn': [...props.senderTopicArns] } },
              },
            ]
          : []),
      ]),
    });
  }
}

/** Protocols a HardenedTopic delivers over: every SNS protocol but plain `http`. */
export const TOPIC_SUBSCRIPTION_PROTOCOLS = ['https', 'sqs', 'lambda', 'firehose', 'application', 'email', 'email-json', 'sms'] as const;
export type TopicSubscriptionProtocol = (typeof TOPIC_SUBSCRIPTION_PROTOCOLS)[number];

export interface TopicSubscription {
  /** Never plain `http`: messages would travel unencrypted. */
  readonly protocol: TopicSubscriptionProtocol;
  /** For `https`, an https:// URL. */
  readonly endpoint: string;
}

/**
 * SNS under a customer-managed key whose topic policy refuses requests not made over TLS (the
 * account's own principals are allowed by their IAM policies); its subscriptions never deliver
 * over plain HTTP.
 */
export class HardenedTopic extends Construct {
  readonly topic: SnsTopic;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedStoreProps & { readonly name: string; readonly subscriptions?: readonly TopicSubscription[] }) {
    super(scope, id);
    this.key = storeKey(this, props, `SNS ${props.name}`);
    this.topic = new SnsTopic(this, 'topic', { provider: props.provider, name: requireName(this, props.name), kmsMasterKeyId: this.key.arn, tags: dataTags(this, props) });
    new SnsTopicPolicy(this, 'policy', { provider: props.provider, arn: this.topic.arn, policy: policyJson([denyInsecureTransport(['sns:*'], [this.topic.arn])]) });
    (props.subscriptions ?? []).forEach((s, i) => {
      if (!(TOPIC_SUBSCRIPTION_PROTOCOLS as readonly string[]).includes(s.protocol)) {
        throw new UnsafeConfigError(this, `subscription protocol must be one of ${TOPIC_SUBSCRIPTION_PROTOCOLS.join(', ')} (never plain http), got ${JSON.stringify(s.protocol)}`);
      }
      if (s.protocol === 'https' && !s.endpoint.startsWith('https://')) {
        throw new UnsafeConfigError(this, `an https subscription needs an https:// endpoint, got ${JSON.stringify(s.endpoint)}`);
      }
      new SnsTopicSubscription(this, `subscription-${i}`, { provider: props.provider, topicArn: this.topic.arn, protocol: s.protocol, endpoint: s.endpoint });
    });
  }
}

/** A Kinesis data stream encrypted with a customer-managed key. */
export class EncryptedStream extends Construct {
  readonly stream: KinesisStream;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedStoreProps & { readonly name: string; readonly retentionHours?: number }) {
    super(scope, id);
    this.key = storeKey(this, props, `Kinesis ${props.name}`);
    this.stream = new KinesisStream(this, 'stream', {
      provider: props.provider,
      name: requireName(this, props.name),
      retentionPeriod: props.retentionHours ?? 24,
      encryptionType: 'KMS',
      kmsKeyId: this.key.arn,
      streamModeDetails: { streamMode: 'ON_DEMAND' },
      tags: dataTags(this, props),
    });
  }
}

export interface EncryptedDeliveryStreamProps extends EncryptedStoreProps {
  readonly name: string;
  readonly roleArn: string;
  readonly bucketArn: string;
}

/** A Direct PUT Firehose stream to S3: buffered records and delivered objects under the CMK. */
export class EncryptedDeliveryStream extends Construct {
  readonly stream: KinesisFirehoseDeliveryStream;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedDeliveryStreamProps) {
    super(scope, id);
    this.key = storeKey(this, props, `Firehose ${props.name}`);
    this.stream = new KinesisFirehoseDeliveryStream(this, 'stream', {
      provider: props.provider,
      name: requireName(this, props.name),
      destination: 'extended_s3',
      serverSideEncryption: { enabled: true, keyType: 'CUSTOMER_MANAGED_CMK', keyArn: this.key.arn },
      extendedS3Configuration: { roleArn: props.roleArn, bucketArn: props.bucketArn, kmsKeyArn: this.key.arn },
      tags: dataTags(this, props),
    });
  }
}

export interface PrivateKafkaProps extends EncryptedStoreProps {
  readonly clusterName: string;
  readonly kafkaVersion?: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly instanceType?: string;
  /** Retention of the broker log group (a CloudWatch value; default 365). */
  readonly logRetentionDays?: number;
}

/** MSK without public endpoints, IAM-authenticated clients only, TLS everywhere, CMK at rest, broker logs to a bounded log group. */
export class PrivateKafka extends Construct {
  readonly cluster: MskCluster;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateKafkaProps) {
    super(scope, id);
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    if (subnets.length < 2) throw new UnsafeConfigError(this, 'MSK needs subnets in at least two availability zones');
    this.key = storeKey(this, props, `MSK ${props.clusterName}`);
    // Broker logs hold client connections and (with IAM access control) authorization decisions.
    const brokerLogs = new BoundedLogGroup(this, 'broker-logs', {
      name: `/aws/msk/${requireName(this, props.clusterName)}`,
      retentionDays: props.logRetentionDays,
      kmsKey: this.key,
      classification: props.classification,
      tags: props.tags,
      provider: props.provider,
    });
    this.cluster = new MskCluster(this, 'cluster', {
      provider: props.provider,
      clusterName: requireName(this, props.clusterName),
      kafkaVersion: props.kafkaVersion ?? '3.6.0',
      numberOfBrokerNodes: subnets.length,
      brokerNodeGroupInfo: {
        instanceType: props.instanceType ?? 'kafka.m7g.large',
        clientSubnets: [...subnets],
        securityGroups: [...requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds)],
        connectivityInfo: { publicAccess: { type: 'DISABLED' } },
      },
      clientAuthentication: { unauthenticated: false, sasl: { iam: true } },
      encryptionInfo: {
        encryptionAtRestKmsKeyArn: this.key.arn,
        encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
      },
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: brokerLogs.logGroup.name } } },
      tags: dataTags(this, props),
    });
  }
}

export interface PrivateMessageBrokerProps extends EncryptedStoreProps {
  readonly brokerName: string;
  /** Private subnets: one for a single instance, two (in two availability zones) for active/standby. */
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** "RabbitMQ" (default) or "ActiveMQ". */
  readonly engine?: 'RabbitMQ' | 'ActiveMQ';
  readonly engineVersion?: string;
  readonly hostInstanceType?: string;
  readonly adminUsername?: string;
  /** The admin user's password: a token (a sensitive variable, a secret's value), never a literal in the code. */
  readonly adminPassword: string;
}

/**
 * Amazon MQ never publicly accessible, in private subnets behind the caller's security groups,
 * its storage under a customer-managed key, publishing its logs to CloudWatch Logs (general,
 * and audit on ActiveMQ). Amazon MQ writes them to /aws/amazonmq/broker/<id>/… once a
 * CloudWatch Logs resource policy lets mq.amazonaws.com write there (one per account).
 */
export class PrivateMessageBroker extends Construct {
  readonly broker: MqBroker;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: PrivateMessageBrokerProps) {
    super(scope, id);
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    if (subnets.length > 2) throw new UnsafeConfigError(this, 'an Amazon MQ broker takes one subnet (single instance) or two (active/standby)');
    // A literal password is in the repository and in every plan and state (aws-secret-in-code).
    if (!Token.isUnresolved(props.adminPassword)) throw new UnsafeConfigError(this, 'adminPassword must be a token (a sensitive variable or a secret), never a literal');
    const engine = props.engine ?? 'RabbitMQ';
    this.key = storeKey(this, props, `Amazon MQ ${props.brokerName}`);
    this.broker = new MqBroker(this, 'broker', {
      provider: props.provider,
      brokerName: requireName(this, props.brokerName),
      engineType: engine,
      engineVersion: props.engineVersion ?? (engine === 'RabbitMQ' ? '3.13' : '5.18'),
      hostInstanceType: props.hostInstanceType ?? 'mq.m5.large',
      deploymentMode: subnets.length === 2 ? (engine === 'RabbitMQ' ? 'CLUSTER_MULTI_AZ' : 'ACTIVE_STANDBY_MULTI_AZ') : 'SINGLE_INSTANCE',
      publiclyAccessible: false,
      subnetIds: [...subnets],
      securityGroups: [...requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds)],
      encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: this.key.arn },
      // RabbitMQ has no audit log: its general log records connections and logins.
      logs: engine === 'ActiveMQ' ? { general: true, audit: 'true' } : { general: true },
      autoMinorVersionUpgrade: true,
      user: [{ username: props.adminUsername ?? 'broker_admin', password: props.adminPassword }],
      tags: dataTags(this, props),
    });
  }
}
