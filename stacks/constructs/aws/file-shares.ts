import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { FsxWindowsFileSystem } from '@cdktf/provider-aws/lib/fsx-windows-file-system';
import { FsxLustreFileSystem } from '@cdktf/provider-aws/lib/fsx-lustre-file-system';
import { UnsafeConfigError, requireIntInRange, requireNonEmpty } from '../common/errors';
import { dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { EncryptedStoreProps, storeKey } from './store-key';

interface FileShareProps extends EncryptedStoreProps {
  readonly securityGroupIds: readonly string[];
  /** Days of automatic daily backups; default max(14, minBackupRetentionDays), within [min, 90]. */
  readonly backupRetentionDays?: number;
  /** Floor for backupRetentionDays (policy data); default 7. */
  readonly minBackupRetentionDays?: number;
}

function retention(scope: Construct, props: FileShareProps): number {
  const min = requireIntInRange(scope, 'minBackupRetentionDays', props.minBackupRetentionDays ?? 7, 1, 90);
  return requireIntInRange(scope, 'backupRetentionDays', props.backupRetentionDays ?? Math.max(14, min), min, 90);
}

export interface EncryptedWindowsFileShareProps extends FileShareProps {
  /** The AWS Managed Microsoft AD the file system joins. */
  readonly directoryId: string;
  /** One subnet (SINGLE_AZ_2) or two in different zones (MULTI_AZ_1). */
  readonly subnetIds: readonly string[];
  /** Where access events go: a CloudWatch Logs group under /aws/fsx/ or a Firehose stream named aws-fsx-… (ARN). */
  readonly auditLogDestinationArn: string;
  readonly storageCapacityGiB?: number;
  readonly throughputCapacity?: number;
}

/**
 * FSx for Windows File Server under a customer-managed key, backed up daily, recording
 * successful and failed file and share access (FSx only writes the events; folders still need
 * SACLs). Refusing unencrypted SMB is a Windows setting (Set-FSxSmbServerConfiguration) that
 * Terraform cannot make.
 */
export class EncryptedWindowsFileShare extends Construct {
  readonly fileSystem: FsxWindowsFileSystem;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedWindowsFileShareProps) {
    super(scope, id);
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    if (subnets.length > 2) throw new UnsafeConfigError(this, 'subnetIds: one subnet (single-AZ) or two (multi-AZ)');
    const dest = props.auditLogDestinationArn;
    if (!Token.isUnresolved(dest) && !/^arn:aws[a-z-]*:(logs:[^:]+:\d{12}:log-group:\/aws\/fsx\/|firehose:[^:]+:\d{12}:deliverystream\/aws-fsx-)/.test(dest)) {
      throw new UnsafeConfigError(this, `auditLogDestinationArn must be a log group under /aws/fsx/ or a Firehose stream named aws-fsx-…, not ${JSON.stringify(dest)}`);
    }
    this.key = storeKey(this, props, `FSx for Windows File Server in ${props.directoryId}`);
    this.fileSystem = new FsxWindowsFileSystem(this, 'fs', {
      provider: props.provider,
      activeDirectoryId: props.directoryId,
      deploymentType: subnets.length === 2 ? 'MULTI_AZ_1' : 'SINGLE_AZ_2',
      subnetIds: [...subnets],
      preferredSubnetId: subnets.length === 2 ? subnets[0] : undefined,
      securityGroupIds: [...requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds)],
      storageCapacity: requireIntInRange(this, 'storageCapacityGiB', props.storageCapacityGiB ?? 300, 32, 65536),
      throughputCapacity: props.throughputCapacity ?? 32,
      kmsKeyId: this.key.arn,
      automaticBackupRetentionDays: retention(this, props),
      copyTagsToBackups: true,
      auditLogConfiguration: {
        fileAccessAuditLogLevel: 'SUCCESS_AND_FAILURE',
        fileShareAccessAuditLogLevel: 'SUCCESS_AND_FAILURE',
        auditLogDestination: dest,
      },
      tags: dataTags(this, props),
    });
  }
}

export interface EncryptedLustreFileSystemProps extends FileShareProps {
  readonly subnetId: string;
  /** GiB: 1200, 2400, then multiples of 2400. */
  readonly storageCapacityGiB?: number;
  /** MB/s per TiB: 125, 250, 500 or 1000. */
  readonly throughputPerTiB?: 125 | 250 | 500 | 1000;
}

/** FSx for Lustre as a PERSISTENT_2 deployment: keyed by a customer-managed key, backed up daily, encrypting traffic from clients that support it. */
export class EncryptedLustreFileSystem extends Construct {
  readonly fileSystem: FsxLustreFileSystem;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedLustreFileSystemProps) {
    super(scope, id);
    const capacity = props.storageCapacityGiB ?? 1200;
    if (!(capacity === 1200 || (Number.isInteger(capacity) && capacity >= 2400 && capacity % 2400 === 0))) {
      throw new UnsafeConfigError(this, `storageCapacityGiB must be 1200 or a multiple of 2400, not ${capacity}`);
    }
    this.key = storeKey(this, props, `FSx for Lustre in ${props.subnetId}`);
    this.fileSystem = new FsxLustreFileSystem(this, 'fs', {
      provider: props.provider,
      deploymentType: 'PERSISTENT_2',
      perUnitStorageThroughput: props.throughputPerTiB ?? 125,
      storageCapacity: capacity,
      subnetIds: [props.subnetId],
      securityGroupIds: [...requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds)],
      kmsKeyId: this.key.arn,
      automaticBackupRetentionDays: retention(this, props),
      copyTagsToBackups: true,
      tags: dataTags(this, props),
    });
  }
}
