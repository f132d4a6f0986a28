import { Construct } from 'constructs';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageContainerImmutabilityPolicy } from '@cdktf/provider-azurerm/lib/storage-container-immutability-policy';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { UnsafeConfigError, requireIntInRange, requireOneOf } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { AzurePlacement, diagnostics, requireLocation } from './common';
import { HardenedKeyVault } from './key-vault';
import { ScopedRoleAssignment } from './role-assignment';

export interface ContainerSpec {
  readonly name: string;
  /** Only `private` is accepted; `blob`/`container` would expose blobs anonymously. */
  readonly accessType?: 'private';
}

const REPLICATION = ['LRS', 'ZRS', 'GRS', 'GZRS', 'RAGRS', 'RAGZRS'] as const;

export interface HardenedStorageAccountProps extends AzurePlacement, ClassifiedProps {
  /** 3–24 lowercase letters and digits. */
  readonly name: string;
  /** Vault holding the customer-managed key; one is created when absent. */
  readonly keyVault?: HardenedKeyVault;
  /** Workspace for blob read/write/delete logs; defaults to the key vault's workspace. */
  readonly workspaceId?: string;
  readonly containers?: readonly ContainerSpec[];
  /** Soft-delete window for blobs and containers; default 30, within [7, 365]. */
  readonly deleteRetentionDays?: number;
  readonly replicationType?: (typeof REPLICATION)[number];
  /** Subnets allowed through the deny-by-default firewall. */
  readonly allowedSubnetIds?: readonly string[];
  /** Public IP ranges allowed through the firewall (never the whole internet). */
  readonly allowedIpRanges?: readonly string[];
  /** Longest SAS lifetime the account accepts; default 1 hour, within [1, 24]. */
  readonly maxSasLifetimeHours?: number;
}

/**
 * Storage account that cannot serve anonymous or shared-key traffic: no public blobs, no
 * shared keys (so no account SAS), TLS 1.2 + HTTPS only, infrastructure encryption plus a
 * customer-managed key, network deny by default, versioning and soft delete, private
 * containers, and blob read/write/delete logs to Log Analytics.
 */
export class HardenedStorageAccount extends Construct {
  readonly account: StorageAccount;
  readonly keyVault: HardenedKeyVault;
  readonly workspaceId: string;
  readonly containers = new Map<string, StorageContainer>();

  constructor(scope: Construct, id: string, props: HardenedStorageAccountProps) {
    super(scope, id);
    if (!/^[a-z0-9]{3,24}$/.test(props.name)) throw new UnsafeConfigError(this, `storage account name must be 3-24 lowercase letters/digits, got ${JSON.stringify(props.name)}`);
    const retention = requireIntInRange(this, 'deleteRetentionDays', props.deleteRetentionDays ?? 30, 7, 365);
    const sasHours = requireIntInRange(this, 'maxSasLifetimeHours', props.maxSasLifetimeHours ?? 1, 1, 24);
    const replication = requireOneOf(this, 'replicationType', props.replicationType ?? 'GZRS', REPLICATION);
    for (const range of props.allowedIpRanges ?? []) {
      const bits = Number(range.split('/')[1] ?? 32);
      if (range === '*' || range.startsWith('0.0.0.0') || bits < 16) {
        throw new UnsafeConfigError(this, `allowed IP range ${range} is too broad (public access): allow at most a /16`);
      }
    }
    const location = requireLocation(this, props.location);
    const placement = { resourceGroupName: props.resourceGroupName, location };
    const tags = dataTags(this, props);

    this.keyVault = props.keyVault ?? new HardenedKeyVault(this, 'key-vault', {
      ...placement,
      name: `${props.name.slice(0, 21)}-kv`,
      workspaceId: props.workspaceId,
      classification: props.classification,
      tags: props.tags,
    });
    this.workspaceId = props.workspaceId ?? this.keyVault.workspaceId;
    // A user-assigned identity exists before the account, so the key grant can precede the CMK.
    const identity = new UserAssignedIdentity(this, 'identity', { ...placement, name: `${props.name}-cmk`, tags });
    const grant = this.keyVault.grantCryptoUser(this, 'cmk-grant', identity.principalId);
    const key = this.keyVault.addKey(this, 'cmk', `${props.name}-cmk`);

    this.account = new StorageAccount(this, 'account', {
      ...placement,
      name: props.name,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: replication,
      allowNestedItemsToBePublic: false,
      minTlsVersion: 'TLS1_2',
      httpsTrafficOnlyEnabled: true,
      infrastructureEncryptionEnabled: true,
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      publicNetworkAccessEnabled: false,
      crossTenantReplicationEnabled: false,
      allowedCopyScope: 'AAD',
      localUserEnabled: false,
      sftpEnabled: false,
      // Queue/table data under the account key too, so the CMK covers every service.
      queueEncryptionKeyType: 'Account',
      tableEncryptionKeyType: 'Account',
      identity: { type: 'UserAssigned', identityIds: [identity.id] },
      customerManagedKey: { keyVaultKeyId: key.versionlessId, userAssignedIdentityId: identity.id },
      networkRules: {
        defaultAction: 'Deny',
        bypass: ['AzureServices'],
        ipRules: props.allowedIpRanges ? [...props.allowedIpRanges] : undefined,
        virtualNetworkSubnetIds: props.allowedSubnetIds ? [...props.allowedSubnetIds] : undefined,
      },
      sasPolicy: { expirationPeriod: `0.${String(sasHours).padStart(2, '0')}:00:00`, expirationAction: 'Block' },
      blobProperties: {
        versioningEnabled: true,
        changeFeedEnabled: true,
        deleteRetentionPolicy: { days: retention },
        containerDeleteRetentionPolicy: { days: retention },
      },
      tags,
      dependsOn: [grant.assignment],
    });

    diagnostics(this, 'blob-diagnostics', {
      targetResourceId: `${this.account.id}/blobServices/default`,
      workspaceId: this.workspaceId,
      categories: ['StorageRead', 'StorageWrite', 'StorageDelete'],
      metrics: ['Transaction'],
    });
    (props.containers ?? []).forEach((c) => this.addContainer(c));
  }

  get id(): string {
    return this.account.id;
  }

  /** Adds a private container. */
  addContainer(spec: ContainerSpec): StorageContainer {
    if ((spec.accessType ?? 'private') !== 'private') {
      throw new UnsafeConfigError(this, `container ${spec.name}: access type ${JSON.stringify(spec.accessType)} is public; only private is allowed`);
    }
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(spec.name)) throw new UnsafeConfigError(this, `invalid container name ${JSON.stringify(spec.name)}`);
    if (this.containers.has(spec.name)) throw new UnsafeConfigError(this, `duplicate container ${spec.name}`);
    const container = new StorageContainer(this, `container-${spec.name}`, {
      name: spec.name,
      storageAccountId: this.account.id,
      containerAccessType: 'private',
    });
    this.containers.set(spec.name, container);
    return container;
  }
}

export interface ForensicEvidenceContainerProps {
  readonly account: HardenedStorageAccount;
  /** Object id of the incident-response group; the only principal granted blob access. */
  readonly incidentResponseGroupId: string;
  readonly containerName?: string;
  /** Locked immutability period; default = minRetentionDays, within [min, 3650]. */
  readonly retentionDays?: number;
  readonly minRetentionDays?: number;
}

/** Evidence container under a locked (irreversible) time-based immutability policy, readable by the IR group only. */
export class ForensicEvidenceContainer extends Construct {
  readonly container: StorageContainer;

  constructor(scope: Construct, id: string, props: ForensicEvidenceContainerProps) {
    super(scope, id);
    const min = requireIntInRange(this, 'minRetentionDays', props.minRetentionDays ?? 365, 1, 3650);
    const retention = requireIntInRange(this, 'retentionDays', props.retentionDays ?? min, min, 3650);
    this.container = props.account.addContainer({ name: props.containerName ?? 'evidence' });
    new StorageContainerImmutabilityPolicy(this, 'immutability', {
      storageContainerResourceManagerId: this.container.id,
      immutabilityPeriodInDays: retention,
      locked: true,
      protectedAppendWritesEnabled: false,
    });
    new ScopedRoleAssignment(this, 'ir-access', {
      scope: this.container.id,
      principalId: props.incidentResponseGroupId,
      principalType: 'Group',
      roleDefinitionName: 'Storage Blob Data Contributor',
      description: 'Incident response: evidence collection (container is immutable)',
    });
  }
}
