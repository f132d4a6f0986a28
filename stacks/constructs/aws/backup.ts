import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';
import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { UnsafeConfigError, requireIntInRange, requireNonEmpty } from '../common/errors';
import { ClassifiedProps, DATA_CLASSIFICATIONS, DataClassification, dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { regionOf } from './providers';
import { ScopedRole } from './role';

export interface LockedBackupVaultProps extends ClassifiedProps {
  readonly name: string;
  readonly kmsKey?: HardenedKey;
  /** Vault Lock floor; recovery points cannot be deleted sooner. Default 7. */
  readonly minRetentionDays?: number;
  /** Vault Lock ceiling; default 400. */
  readonly maxRetentionDays?: number;
  /** Grace period before the lock becomes immutable (compliance mode); 3–30, default 3. */
  readonly changeableForDays?: number;
  readonly provider?: TerraformProvider;
}

/** Backup vault encrypted with a CMK and locked in compliance mode (no early deletion, even by root). */
export class LockedBackupVault extends Construct {
  readonly vault: BackupVault;
  readonly minRetentionDays: number;
  readonly maxRetentionDays: number;
  readonly region: string;

  constructor(scope: Construct, id: string, props: LockedBackupVaultProps) {
    super(scope, id);
    this.minRetentionDays = requireIntInRange(this, 'minRetentionDays', props.minRetentionDays ?? 7, 1, 36500);
    this.maxRetentionDays = requireIntInRange(this, 'maxRetentionDays', props.maxRetentionDays ?? 400, this.minRetentionDays, 36500);
    const changeable = requireIntInRange(this, 'changeableForDays', props.changeableForDays ?? 3, 3, 30);
    this.region = regionOf(this, props.provider);
    const key = props.kmsKey ?? new HardenedKey(this, 'key', { provider: props.provider, description: `Backup vault CMK for ${props.name}` });
    this.vault = new BackupVault(this, 'vault', { provider: props.provider, name: props.name, kmsKeyArn: key.arn, tags: dataTags(this, props) });
    new BackupVaultLockConfiguration(this, 'lock', {
      provider: props.provider,
      backupVaultName: this.vault.name,
      minRetentionDays: this.minRetentionDays,
      maxRetentionDays: this.maxRetentionDays,
      changeableForDays: changeable,
    });
  }
}

export interface TagBasedBackupPlanProps {
  readonly name: string;
  readonly vault: LockedBackupVault;
  /** Copy of every recovery point, in another region. */
  readonly copyTo: LockedBackupVault;
  /** Resources tagged data-classification with one of these are backed up. Default pii, confidential. */
  readonly classifications?: readonly DataClassification[];
  /** Default 35; must fit both vault locks. */
  readonly retentionDays?: number;
  readonly schedule?: string;
  readonly provider?: TerraformProvider;
}

/**
 * Daily AWS Backup plan selecting resources by their data-classification tag, so every newly
 * classified store is protected without editing the plan, with a cross-region copy.
 */
export class TagBasedBackupPlan extends Construct {
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: TagBasedBackupPlanProps) {
    super(scope, id);
    const classes = requireNonEmpty(this, 'classifications', props.classifications ?? ['pii', 'confidential']);
    for (const c of classes) if (!DATA_CLASSIFICATIONS.includes(c)) throw new UnsafeConfigError(this, `unknown classification ${c}`);
    const retention = props.retentionDays ?? 35;
    for (const v of [props.vault, props.copyTo]) {
      requireIntInRange(this, `retentionDays (vault ${v.node.id} lock)`, retention, v.minRetentionDays, v.maxRetentionDays);
    }
    if (props.vault.region === props.copyTo.region) throw new UnsafeConfigError(this, `copyTo must be in another region than ${props.vault.region}`);
    const provider = props.provider;

    this.plan = new BackupPlan(this, 'plan', {
      provider,
      name: props.name,
      rule: [{
        ruleName: 'daily',
        targetVaultName: props.vault.vault.name,
        schedule: props.schedule ?? 'cron(0 5 ? * * *)',
        startWindow: 60,
        completionWindow: 360,
        lifecycle: { deleteAfter: retention },
        copyAction: [{ destinationVaultArn: props.copyTo.vault.arn, lifecycle: { deleteAfter: retention } }],
      }],
    });
    const role = new ScopedRole(this, 'role', {
      name: `${props.name}-backup`.slice(0, 64),
      trust: { service: 'backup.amazonaws.com' },
      managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup'],
      provider,
    });
    new BackupSelection(this, 'selection', {
      provider,
      name: `${props.name}-by-classification`,
      planId: this.plan.id,
      iamRoleArn: role.arn,
      selectionTag: classes.map((value) => ({ type: 'STRINGEQUALS', key: 'data-classification', value })),
    });
  }
}
