import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { CloudwatchLogDataProtectionPolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-data-protection-policy';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { dataTags } from '../constructs/common/tags';
import { HardenedKey } from '../constructs/aws/key';
import { HardenedTable } from '../constructs/aws/database';
import { PII_DATA_IDENTIFIERS } from '../constructs/aws/log-group';
import { RestrictedNsg } from '../constructs/azure/network';
import { awsPart, azurePart, leakyStack } from './common';

/** Customer-data logs kept forever (or for a decade): encrypted and masked, but unbounded. */
export function unboundedLogRetention(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-unbounded-log-retention');
  awsPart(stack);
  const key = new HardenedKey(stack, 'logs-key');
  key.grantService('logs.us-west-2.amazonaws.com');
  const identifiers = PII_DATA_IDENTIFIERS.map((i) => `arn:aws:dataprotection::aws:data-identifier/${i}`);
  for (const [id, retention] of [['orders-app', 0], ['payments-app', 3653]] as const) {
    const group = new CloudwatchLogGroup(stack, `${id}-logs`, {
      name: `/leaky/${id}`,
      retentionInDays: retention,
      kmsKeyId: key.arn,
      tags: dataTags(stack, { classification: 'pii' }),
    });
    new CloudwatchLogDataProtectionPolicy(stack, `${id}-masking`, {
      logGroupName: group.name,
      policyDocument: JSON.stringify({
        Name: 'pii-masking',
        Version: '2021-06-01',
        Statement: [
          { Sid: 'Audit', DataIdentifier: identifiers, Operation: { Audit: { FindingsDestination: {} } } },
          { Sid: 'Deidentify', DataIdentifier: identifiers, Operation: { Deidentify: { MaskConfig: {} } } },
        ],
      }),
    });
  }

  const az = azurePart(stack, 'logret');
  new LogAnalyticsWorkspace(stack, 'app-workspace', {
    ...az.at(),
    name: 'law-leaky-logret-app',
    sku: 'PerGB2018',
    retentionInDays: 730,
    localAuthenticationEnabled: false,
    tags: dataTags(stack, { classification: 'pii' }),
  });
  return stack;
}

/** Resources in a region with no Config recorder (AWS) and no Network Watcher (Azure). */
export function auditLogGapRegion(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-audit-log-gap-region');
  // The baseline covers us-west-2 only; eu-west-1 gets a provider outside it.
  const { baseline } = awsPart(stack);
  const eu = new AwsProvider(stack, 'aws-eu-west-1', {
    region: 'eu-west-1',
    alias: 'eu-west-1',
    defaultTags: [{ tags: { owner: 'leakguard-fixtures', environment: 'prod', app: 'leaky' } }],
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
  });
  // GuardDuty is on in eu-west-1 (threat detection holds); only the audit recorder is missing.
  const detector = new GuarddutyDetector(stack, 'guardduty-eu-west-1', { provider: eu, enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });
  new GuarddutyDetectorFeature(stack, 'guardduty-s3-eu-west-1', { provider: eu, detectorId: detector.id, name: 'S3_DATA_EVENTS', status: 'ENABLED' });
  const sessions = new HardenedTable(stack, 'eu-sessions', {
    name: 'leaky-eu-sessions',
    classification: 'confidential',
    hashKey: 'sessionId',
    attributes: [{ name: 'sessionId', type: 'S' }],
    provider: eu,
  });
  // The multi-region trail still sees eu-west-1 data: only the Config recorder is missing.
  baseline.coverTable(sessions.arn);
  // A VPC whose network traffic nothing records (no flow log).
  new Vpc(stack, 'unlogged-vpc', { cidrBlock: '10.44.0.0/16', tags: { Name: 'leaky-unlogged' } });

  const az = azurePart(stack, 'gap', { regions: ['westus2'] });
  new RestrictedNsg(stack, 'eastus-app-nsg', {
    resourceGroupName: az.group.name,
    location: 'eastus',
    name: 'nsg-leaky-gap-eastus',
    inbound: [{ name: 'FrontDoorHttps', priority: 100, protocol: 'Tcp', ports: [443], peers: ['AzureFrontDoor.Backend'] }],
  });
  return stack;
}
