import { Construct } from 'constructs';
import { TerraformProvider, Token } from 'cdktf';
import { AmiLaunchPermission } from '@cdktf/provider-aws/lib/ami-launch-permission';
import { KmsGrant } from '@cdktf/provider-aws/lib/kms-grant';
import { LambdaLayerVersionPermission } from '@cdktf/provider-aws/lib/lambda-layer-version-permission';
import { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { ScopedRole } from './role';

const ACCOUNT = /^[0-9]{12}$/;
const ORGANIZATION_ARN = /^arn:aws[a-z-]*:organizations::[0-9]{12}:organization\/o-[a-z0-9]{10,32}$/;
const OU_ARN = /^arn:aws[a-z-]*:organizations::[0-9]{12}:ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

/** Literal 12-digit account ids: "all" (or a token that could hold it) would share with every AWS account. */
function requireAccounts(where: Construct, name: string, ids: readonly string[]): readonly string[] {
  for (const id of ids) {
    if (Token.isUnresolved(id) || !ACCOUNT.test(id)) throw new UnsafeConfigError(where, `${name} needs literal 12-digit account ids, got ${JSON.stringify(id)}`);
  }
  return ids;
}

/** Who an image or layer is shared with: named accounts, or an organization (or OUs of it). */
export interface ShareTargets {
  readonly accountIds?: readonly string[];
  readonly organizationArn?: string;
  readonly organizationalUnitArns?: readonly string[];
}

export interface SharedImageProps extends ShareTargets {
  /** The AMI (ami-…) to share. */
  readonly imageId: string;
  readonly provider?: TerraformProvider;
}

/**
 * Launch permissions on an AMI for named accounts, an organization or its OUs; never group
 * "all", which would let every AWS account launch the image and read its snapshots.
 */
export class SharedImage extends Construct {
  readonly permissions: AmiLaunchPermission[] = [];

  constructor(scope: Construct, id: string, props: SharedImageProps & { readonly group?: never }) {
    super(scope, id);
    if ((props as { group?: unknown }).group !== undefined) throw new UnsafeConfigError(this, 'group is not allowed: an AMI shared with group "all" is public');
    const provider = props.provider;
    const base = { imageId: props.imageId, provider };
    for (const account of requireAccounts(this, 'accountIds', props.accountIds ?? [])) {
      this.permissions.push(new AmiLaunchPermission(this, `account-${account}`, { ...base, accountId: account }));
    }
    if (props.organizationArn !== undefined) {
      if (!ORGANIZATION_ARN.test(props.organizationArn)) throw new UnsafeConfigError(this, `invalid organizationArn ${JSON.stringify(props.organizationArn)}`);
      this.permissions.push(new AmiLaunchPermission(this, 'organization', { ...base, organizationArn: props.organizationArn }));
    }
    (props.organizationalUnitArns ?? []).forEach((ou, i) => {
      if (!OU_ARN.test(ou)) throw new UnsafeConfigError(this, `invalid organizational unit ARN ${JSON.stringify(ou)}`);
      this.permissions.push(new AmiLaunchPermission(this, `ou-${i}`, { ...base, organizationalUnitArn: ou }));
    });
    if (this.permissions.length === 0) throw new UnsafeConfigError(this, 'name at least one account, the organization or an OU to share the image with');
  }
}

export interface PrivateDocumentProps extends ClassifiedProps {
  readonly name: string;
  /** Command, Automation, Session … */
  readonly documentType: string;
  /** The document body (JSON or YAML text). */
  readonly content: string;
  readonly documentFormat?: 'JSON' | 'YAML';
  /** Accounts the document is shared with; "All" (public) is refused. */
  readonly shareWithAccountIds?: readonly string[];
  readonly provider?: TerraformProvider;
}

/** An SSM document shared, if at all, only with named accounts: never publicly ("All"). */
export class PrivateDocument extends Construct {
  readonly document: SsmDocument;

  constructor(scope: Construct, id: string, props: PrivateDocumentProps) {
    super(scope, id);
    const accounts = requireAccounts(this, 'shareWithAccountIds', props.shareWithAccountIds ?? []);
    this.document = new SsmDocument(this, 'document', {
      name: props.name,
      documentType: props.documentType,
      documentFormat: props.documentFormat ?? 'JSON',
      content: props.content,
      ...(accounts.length > 0 ? { permissions: { type: 'Share', account_ids: accounts.join(',') } } : {}),
      tags: dataTags(this, props),
      provider: props.provider,
    });
  }
}

export interface SharedLayerProps extends ShareTargets {
  /** The layer's name or ARN. */
  readonly layerName: string;
  readonly versionNumber: number;
  /** The organization id (o-…) for an organization-wide share; organizationArn is not accepted here. */
  readonly organizationId?: string;
  readonly provider?: TerraformProvider;
}

/**
 * Read access to a Lambda layer version for named accounts or one organization; never
 * principal "*" alone, which would let every AWS account download the layer.
 */
export class SharedLayer extends Construct {
  readonly permissions: LambdaLayerVersionPermission[] = [];

  constructor(scope: Construct, id: string, props: SharedLayerProps) {
    super(scope, id);
    if (props.organizationArn !== undefined || props.organizationalUnitArns !== undefined) {
      throw new UnsafeConfigError(this, 'a layer is shared with an organization by organizationId (o-…), not by ARN or OU');
    }
    const base = { layerName: props.layerName, versionNumber: props.versionNumber, action: 'lambda:GetLayerVersion', provider: props.provider };
    for (const account of requireAccounts(this, 'accountIds', props.accountIds ?? [])) {
      this.permissions.push(new LambdaLayerVersionPermission(this, `account-${account}`, { ...base, statementId: `account-${account}`, principal: account }));
    }
    if (props.organizationId !== undefined) {
      if (Token.isUnresolved(props.organizationId) || !ORGANIZATION_ID.test(props.organizationId)) {
        throw new UnsafeConfigError(this, `organizationId needs a literal organization id (o-…), got ${JSON.stringify(props.organizationId)}`);
      }
      this.permissions.push(new LambdaLayerVersionPermission(this, 'organization', { ...base, statementId: 'organization', principal: '*', organizationId: props.organizationId }));
    }
    if (this.permissions.length === 0) throw new UnsafeConfigError(this, 'name at least one account or the organization to share the layer with');
  }
}

/** KMS operations a grant may give; CreateGrant (re-granting the key onwards) is left out. */
export type GrantOperation = 'Decrypt' | 'Encrypt' | 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext' | 'ReEncryptFrom' | 'ReEncryptTo' | 'DescribeKey' | 'RetireGrant';

export interface ScopedKeyGrantProps {
  readonly key: HardenedKey;
  /** The role that gets the grant: a role of this app, never a principal of another account. */
  readonly grantee: ScopedRole;
  readonly operations: readonly GrantOperation[];
  /** Encryption context the grant is limited to (every request must carry exactly this context). */
  readonly encryptionContext?: Record<string, string>;
  readonly provider?: TerraformProvider;
}

/** A grant on one of this app's keys to one of its roles, for the fewest operations needed. */
export class ScopedKeyGrant extends Construct {
  readonly grant: KmsGrant;

  constructor(scope: Construct, id: string, props: ScopedKeyGrantProps) {
    super(scope, id);
    const operations = requireNonEmpty(this, 'operations', props.operations);
    if ((operations as readonly string[]).includes('CreateGrant')) throw new UnsafeConfigError(this, 'CreateGrant is not allowed: the grantee could pass the key on');
    this.grant = new KmsGrant(this, 'grant', {
      name: id,
      keyId: props.key.arn,
      granteePrincipal: props.grantee.role.arn,
      operations: [...operations],
      ...(props.encryptionContext ? { constraints: [{ encryptionContextEquals: props.encryptionContext }] } : {}),
      provider: props.provider,
    });
  }
}
