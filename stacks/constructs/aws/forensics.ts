import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { awsAccountId } from '../common/settings';
import { HardenedBucket } from './bucket';
import { HardenedKey } from './key';
import { ScopedRole } from './role';

export interface IncidentResponseRoleProps {
  readonly name?: string;
  /** Role in this account allowed to assume the IR role (e.g. an SSO role); default the account root. */
  readonly trustedRoleName?: string;
  /** At most 3600: responders re-authenticate with MFA every hour. */
  readonly maxSessionDurationSeconds?: number;
  readonly accountId?: string;
  readonly provider?: TerraformProvider;
}

/**
 * The one role allowed to read and add forensic evidence. Assumable only with MFA, with sessions
 * of at most an hour. Its evidence permissions are granted by ForensicEvidenceBucket.
 */
export class IncidentResponseRole extends Construct {
  readonly role: ScopedRole;
  readonly roleName: string;
  readonly accountId: string;
  private readonly props: IncidentResponseRoleProps;

  constructor(scope: Construct, id: string, props: IncidentResponseRoleProps = {}) {
    super(scope, id);
    this.props = props;
    const session = requireIntInRange(this, 'maxSessionDurationSeconds', props.maxSessionDurationSeconds ?? 3600, 900, 3600);
    this.roleName = props.name ?? 'incident-response';
    this.accountId = awsAccountId(this, props.accountId);
    this.role = new ScopedRole(this, 'role', {
      name: this.roleName,
      description: 'Incident response: evidence collection and review (MFA required)',
      trust: { accountId: this.accountId, roleName: props.trustedRoleName, requireMfa: true },
      maxSessionDurationSeconds: session,
      accountId: props.accountId,
      provider: props.provider,
    });
  }

  get arn(): string {
    return this.role.arn;
  }

  /** The role's ARN as a literal (for conditions that must not depend on the role resource). */
  get literalArn(): string {
    return `arn:aws:iam::${this.accountId}:role/${this.roleName}`;
  }

  get provider(): TerraformProvider | undefined {
    return this.props.provider;
  }
}

export interface ForensicEvidenceBucketProps {
  readonly incidentResponseRole: IncidentResponseRole;
  readonly name?: string;
  /** Object Lock COMPLIANCE retention; default = minRetentionDays, within [min, 3650]. */
  readonly retentionDays?: number;
  /** Policy floor for retention; default 365. */
  readonly minRetentionDays?: number;
  readonly kmsKey?: HardenedKey;
  readonly accessLogBucket?: HardenedBucket;
  readonly provider?: TerraformProvider;
}

const EVIDENCE_ACTIONS = [
  's3:GetObject', 's3:GetObjectVersion', 's3:GetObjectRetention', 's3:GetObjectLegalHold', 's3:GetObjectAttributes',
  's3:PutObject', 's3:PutObjectLegalHold', 's3:ListBucket', 's3:ListBucketVersions',
];

/**
 * Evidence store with chain of custody: Object Lock in COMPLIANCE mode (nobody, not even root,
 * can delete or shorten retention), versioning, its own CMK usable only by the IR role, and a
 * bucket policy denying object access to every other principal.
 */
export class ForensicEvidenceBucket extends Construct {
  readonly bucket: HardenedBucket;

  constructor(scope: Construct, id: string, props: ForensicEvidenceBucketProps) {
    super(scope, id);
    const min = requireIntInRange(this, 'minRetentionDays', props.minRetentionDays ?? 365, 1, 3650);
    const retention = requireIntInRange(this, 'retentionDays', props.retentionDays ?? min, min, 3650);
    const ir = props.incidentResponseRole;
    if (!ir) throw new UnsafeConfigError(this, 'incidentResponseRole is required');
    const provider = props.provider ?? ir.provider;

    const key = props.kmsKey ?? new HardenedKey(this, 'key', { provider, description: 'Forensic evidence CMK', restrictUseTo: [ir.literalArn] });
    // Access logs get their own key: the evidence key is usable by the IR role alone.
    const accessLogBucket = props.accessLogBucket ?? new HardenedBucket(this, 'access-logs', {
      classification: 'internal',
      isAccessLogTarget: true,
      expirationDays: 400,
      provider,
    });
    this.bucket = new HardenedBucket(this, 'evidence', {
      name: props.name,
      classification: 'pii',
      tags: { purpose: 'forensics' },
      kmsKey: key,
      accessLogBucket,
      objectLockRetentionDays: retention,
      // Evidence versions are kept for the retention period; delete markers never remove data.
      noncurrentVersionExpirationDays: Math.min(3650, retention + 30),
      provider,
    });
    const arns = [this.bucket.arn, `${this.bucket.arn}/*`];
    this.bucket.addPolicyStatement({ sid: 'IncidentResponseAccess', principal: { AWS: ir.arn }, actions: EVIDENCE_ACTIONS, resources: arns });
    this.bucket.addPolicyStatement({
      sid: 'DenyEvidenceAccessToOthers',
      effect: 'Deny',
      principal: '*',
      actions: ['s3:GetObject*', 's3:PutObject*', 's3:DeleteObject*', 's3:RestoreObject', 's3:BypassGovernanceRetention', 's3:ListBucket*'],
      resources: arns,
      conditions: { ArnNotEquals: { 'aws:PrincipalArn': ir.arn } },
    });
    ir.role.addStatements([
      { sid: 'EvidenceObjects', actions: EVIDENCE_ACTIONS, resources: arns },
      { sid: 'EvidenceKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], resources: [key.arn] },
    ]);
  }
}
