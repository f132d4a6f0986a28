import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { EbsDefaultKmsKey } from '@cdktf/provider-aws/lib/ebs-default-kms-key';
import { EbsSnapshotBlockPublicAccess } from '@cdktf/provider-aws/lib/ebs-snapshot-block-public-access';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { EfsFileSystemPolicy } from '@cdktf/provider-aws/lib/efs-file-system-policy';
import { EfsBackupPolicy } from '@cdktf/provider-aws/lib/efs-backup-policy';
import { DlmLifecyclePolicy } from '@cdktf/provider-aws/lib/dlm-lifecycle-policy';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { policyJson } from './policy';
import { EncryptedStoreProps, storeKey } from './store-key';
import { ScopedRole } from './role';

export interface EncryptedVolumeProps extends EncryptedStoreProps {
  readonly availabilityZone: string;
  readonly sizeGb: number;
  readonly type?: string;
  /** Daily snapshots kept by the volume's Data Lifecycle Manager policy; default 14, within [7, 1000]. */
  readonly snapshotsKept?: number;
  /** An existing DLM execution role; a scoped one is created when absent. */
  readonly snapshotRoleArn?: string;
}

/** An EBS volume encrypted with a customer-managed key and snapshotted daily by a Data Lifecycle Manager policy of its own (its snapshots inherit the key). */
export class EncryptedVolume extends Construct {
  readonly volume: EbsVolume;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedVolumeProps) {
    super(scope, id);
    if (!/^[a-z]{2}-[a-z]+-\d[a-z]$/.test(props.availabilityZone)) throw new UnsafeConfigError(this, `invalid availability zone ${JSON.stringify(props.availabilityZone)}`);
    const size = requireIntInRange(this, 'sizeGb', props.sizeGb, 1, 16384);
    this.key = storeKey(this, props, `EBS volume ${this.node.path}`);
    this.volume = new EbsVolume(this, 'volume', {
      provider: props.provider,
      availabilityZone: props.availabilityZone,
      size,
      type: props.type ?? 'gp3',
      encrypted: true,
      kmsKeyId: this.key.arn,
      tags: dataTags(this, { ...props, tags: { ...props.tags, 'snapshot-policy': this.node.addr } }),
    });
    const kept = requireIntInRange(this, 'snapshotsKept', props.snapshotsKept ?? 14, 7, 1000);
    const roleArn =
      props.snapshotRoleArn ??
      new ScopedRole(this, 'snapshot-role', {
        name: `dlm-${this.node.addr}`.slice(0, 64),
        trust: { service: 'dlm.amazonaws.com' },
        managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole'],
        provider: props.provider,
      }).arn;
    new DlmLifecyclePolicy(this, 'snapshots', {
      provider: props.provider,
      description: `Daily snapshots of volume ${this.node.addr}`,
      executionRoleArn: roleArn,
      state: 'ENABLED',
      policyDetails: {
        resourceTypes: ['VOLUME'],
        targetTags: { 'snapshot-policy': this.node.addr },
        schedule: [{ name: 'daily', createRule: { interval: 24, intervalUnit: 'HOURS', times: ['05:00'] }, retainRule: { count: kept }, copyTags: true }],
      },
    });
  }
}

/**
 * A region's EBS defaults: every new volume and snapshot copy encrypted under a
 * customer-managed key, and snapshots never shareable publicly.
 */
export class EbsRegionDefaults extends Construct {
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: { readonly kmsKey?: HardenedKey; readonly provider?: TerraformProvider } = {}) {
    super(scope, id);
    const provider = props.provider;
    this.key = props.kmsKey ?? new HardenedKey(this, 'key', { provider, description: 'EBS default CMK' });
    new EbsEncryptionByDefault(this, 'encryption', { provider, enabled: true });
    new EbsDefaultKmsKey(this, 'default-key', { provider, keyArn: this.key.arn });
    new EbsSnapshotBlockPublicAccess(this, 'snapshot-sharing', { provider, state: 'block-all-sharing' });
  }
}

export interface EncryptedFileSystemProps extends EncryptedStoreProps {
  readonly creationToken: string;
}

/** EFS encrypted with a customer-managed key; its policy refuses clients that do not use TLS. */
export class EncryptedFileSystem extends Construct {
  readonly fileSystem: EfsFileSystem;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedFileSystemProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9-]{1,64}$/.test(props.creationToken)) throw new UnsafeConfigError(this, `invalid creationToken ${JSON.stringify(props.creationToken)}`);
    this.key = storeKey(this, props, `EFS ${props.creationToken}`);
    this.fileSystem = new EfsFileSystem(this, 'fs', {
      provider: props.provider,
      creationToken: props.creationToken,
      encrypted: true,
      kmsKeyId: this.key.arn,
      tags: dataTags(this, props),
    });
    new EfsFileSystemPolicy(this, 'policy', {
      provider: props.provider,
      fileSystemId: this.fileSystem.id,
      policy: policyJson([
        {
          sid: 'DenyWithoutTls',
          effect: 'Deny',
          principal: '*',
          actions: ['*'],
          resources: [this.fileSystem.arn],
          conditions: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
    });
    // A file system created through the API has no automatic backups unless this turns them on.
    new EfsBackupPolicy(this, 'backup', { provider: props.provider, fileSystemId: this.fileSystem.id, backupPolicy: { status: 'ENABLED' } });
  }
}
