/**
 * Raw-resource builders for fixtures the constructs refuse to produce. Each is compliant by
 * default; the options switch on exactly one kind of leak.
 */
import { Construct } from 'constructs';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketAcl } from '@cdktf/provider-aws/lib/s3-bucket-acl';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
import { CloudfrontResponseHeadersPolicy } from '@cdktf/provider-aws/lib/cloudfront-response-headers-policy';
import { StorageAccount, StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { CdnFrontdoorProfile } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-profile';
import { CdnFrontdoorEndpoint } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-endpoint';
import { CdnFrontdoorOriginGroup } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin-group';
import { CdnFrontdoorOrigin } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin';
import { CdnFrontdoorRoute } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-route';
import { CdnFrontdoorRuleSet } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-rule-set';
import { CdnFrontdoorRule } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-rule';
import { CdnFrontdoorFirewallPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-firewall-policy';
import { CdnFrontdoorSecurityPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-security-policy';
import { DataClassification, dataTags } from '../constructs/common/tags';
import { checkoutCsp } from '../constructs/common/csp';
import { HardenedBucket } from '../constructs/aws/bucket';
import { HardenedKey } from '../constructs/aws/key';
import { CLOUDFRONT_MANAGED } from '../constructs/aws/cdn';
import { policyJson, Statement } from '../constructs/aws/policy';
import { diagnostics } from '../constructs/azure/common';
import { HardenedKeyVault } from '../constructs/azure/key-vault';
import { FRONT_DOOR_AUTHENTICATED_PATTERNS } from '../constructs/azure/front-door';

export interface RawBucketOptions {
  readonly classification: DataClassification;
  /** `on`: all four flags true; `off`: all false; `absent`: no block resource at all. */
  readonly publicAccessBlock?: 'on' | 'off' | 'absent';
  /** Adds `Principal: "*"` s3:GetObject to the bucket policy. */
  readonly publicReadPolicy?: boolean;
  /** Enables ACLs and applies the `public-read` canned ACL. */
  readonly publicReadAcl?: boolean;
  /** `cmk` (SSE-KMS + bucket key) or `AES256` (S3-managed keys). */
  readonly encryption?: 'cmk' | 'AES256';
  /** Server access log target; false = no object-level logging. */
  readonly accessLogs: HardenedBucket | false;
  readonly tags?: Record<string, string>;
}

export function rawBucket(scope: Construct, id: string, o: RawBucketOptions): S3Bucket {
  const c = new Construct(scope, id);
  const bucket = new S3Bucket(c, 'bucket', { bucketPrefix: `${id}-`, tags: dataTags(c, { classification: o.classification, tags: o.tags }) });
  const ref = { bucket: bucket.id };
  const block = o.publicAccessBlock ?? 'on';
  if (block !== 'absent') {
    const on = block === 'on';
    new S3BucketPublicAccessBlock(c, 'public-access-block', { ...ref, blockPublicAcls: on, blockPublicPolicy: on, ignorePublicAcls: on, restrictPublicBuckets: on });
  }
  const ownership = new S3BucketOwnershipControls(c, 'ownership', { ...ref, rule: { objectOwnership: o.publicReadAcl ? 'BucketOwnerPreferred' : 'BucketOwnerEnforced' } });
  if (o.publicReadAcl) new S3BucketAcl(c, 'acl', { ...ref, acl: 'public-read', dependsOn: [ownership] });
  const cmk = (o.encryption ?? 'cmk') === 'cmk';
  const key = cmk ? new HardenedKey(c, 'key') : undefined;
  new S3BucketServerSideEncryptionConfigurationA(c, 'encryption', {
    ...ref,
    rule: [{ bucketKeyEnabled: cmk, applyServerSideEncryptionByDefault: { sseAlgorithm: cmk ? 'aws:kms' : 'AES256', kmsMasterKeyId: key?.arn } }],
  });
  const versioning = new S3BucketVersioningA(c, 'versioning', { ...ref, versioningConfiguration: { status: 'Enabled' } });
  new S3BucketLifecycleConfiguration(c, 'lifecycle', {
    ...ref,
    rule: [{ id: 'retention', status: 'Enabled', filter: [{ prefix: '' }], noncurrentVersionExpiration: [{ noncurrentDays: 90 }], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] }],
    dependsOn: [versioning],
  });
  const everything = [bucket.arn, `${bucket.arn}/*`];
  const statements: Statement[] = [
    { sid: 'DenyInsecureTransport', effect: 'Deny', principal: '*', actions: ['s3:*'], resources: everything, conditions: { Bool: { 'aws:SecureTransport': 'false' } } },
  ];
  if (o.publicReadPolicy) statements.push({ sid: 'PublicRead', principal: '*', actions: ['s3:GetObject'], resources: [`${bucket.arn}/*`] });
  new S3BucketPolicy(c, 'policy', { ...ref, policy: policyJson(statements) });
  if (o.accessLogs) new S3BucketLoggingA(c, 'logging', { ...ref, targetBucket: o.accessLogs.bucket.id, targetPrefix: `${id}/` });
  return bucket;
}

export interface RawStorageOptions {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly keyVault: HardenedKeyVault;
  readonly classification: DataClassification;
  /** Workspace for blob read/write/delete logs; false = no diagnostic setting. */
  readonly blobDiagnosticsWorkspaceId: string | false;
  readonly containerAccessType?: 'private' | 'blob' | 'container';
  /** Fields that deviate from the hardened configuration. */
  readonly overrides?: Partial<StorageAccountConfig>;
  readonly tags?: Record<string, string>;
}

export function rawStorageAccount(scope: Construct, id: string, o: RawStorageOptions): StorageAccount {
  const c = new Construct(scope, id);
  const placement = { resourceGroupName: o.resourceGroupName, location: o.location };
  const tags = dataTags(c, { classification: o.classification, tags: o.tags });
  const identity = new UserAssignedIdentity(c, 'identity', { ...placement, name: `${o.name}-cmk`, tags });
  const grant = o.keyVault.grantCryptoUser(c, 'cmk-grant', identity.principalId);
  const key = o.keyVault.addKey(c, 'cmk', `${o.name}-cmk`);
  const account = new StorageAccount(c, 'account', {
    ...placement,
    name: o.name,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: 'GZRS',
    allowNestedItemsToBePublic: false,
    minTlsVersion: 'TLS1_2',
    httpsTrafficOnlyEnabled: true,
    infrastructureEncryptionEnabled: true,
    sharedAccessKeyEnabled: false,
    defaultToOauthAuthentication: true,
    publicNetworkAccessEnabled: false,
    identity: { type: 'UserAssigned', identityIds: [identity.id] },
    customerManagedKey: { keyVaultKeyId: key.versionlessId, userAssignedIdentityId: identity.id },
    networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
    blobProperties: { versioningEnabled: true, deleteRetentionPolicy: { days: 30 }, containerDeleteRetentionPolicy: { days: 30 } },
    tags,
    dependsOn: [grant.assignment],
    ...o.overrides,
  });
  new StorageContainer(c, 'container', { name: 'data', storageAccountId: account.id, containerAccessType: o.containerAccessType ?? 'private' });
  if (o.blobDiagnosticsWorkspaceId) {
    diagnostics(c, 'blob-diagnostics', {
      targetResourceId: `${account.id}/blobServices/default`,
      workspaceId: o.blobDiagnosticsWorkspaceId,
      categories: ['StorageRead', 'StorageWrite', 'StorageDelete'],
    });
  }
  return account;
}

export interface RawDistributionOptions {
  readonly name: string;
  readonly certificateArn: string;
  readonly site: HardenedBucket;
  /** Cache policy on authenticated paths (CachingDisabled when compliant). */
  readonly authenticatedCachePolicyId?: string;
  /** CSP sent on checkout/account paths. */
  readonly checkoutCsp: string;
  /** Custom origin serving `/api/*`, reached with this origin protocol policy (default: S3 only). */
  readonly apiOrigin?: { readonly domainName: string; readonly protocolPolicy: 'http-only' | 'match-viewer' | 'https-only' };
  /** Default a CLOUDFRONT-scope web ACL's ARN; '' for none. */
  readonly webAclArn?: string;
}

/** CloudFront with the same shape as SecureDistribution but accepting any cache policy and CSP. */
export function rawDistribution(scope: Construct, id: string, o: RawDistributionOptions): CloudfrontDistribution {
  const c = new Construct(scope, id);
  const headers = new CloudfrontResponseHeadersPolicy(c, 'checkout-headers', {
    name: `${o.name}-checkout`,
    securityHeadersConfig: {
      contentSecurityPolicy: { contentSecurityPolicy: o.checkoutCsp, override: true },
      strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, override: true },
    },
  });
  const oac = new CloudfrontOriginAccessControl(c, 'oac', { name: `${o.name}-site`, originAccessControlOriginType: 's3', signingBehavior: 'always', signingProtocol: 'sigv4' });
  const behaviour = (pathPattern: string, scripted: boolean, targetOriginId = 'site') => ({
    pathPattern,
    targetOriginId,
    viewerProtocolPolicy: 'redirect-to-https',
    cachePolicyId: o.authenticatedCachePolicyId ?? CLOUDFRONT_MANAGED.cachingDisabled,
    responseHeadersPolicyId: scripted ? headers.id : CLOUDFRONT_MANAGED.securityHeaders,
    allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
    cachedMethods: ['GET', 'HEAD'],
  });
  const distribution = new CloudfrontDistribution(c, 'distribution', {
    enabled: true,
    comment: o.name,
    origin: [
      { originId: 'site', domainName: o.site.bucket.bucketRegionalDomainName, originAccessControlId: oac.id },
      ...(o.apiOrigin
        ? [{ originId: 'api', domainName: o.apiOrigin.domainName, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: o.apiOrigin.protocolPolicy, originSslProtocols: ['TLSv1.2'] } }]
        : []),
    ],
    defaultCacheBehavior: {
      targetOriginId: 'site',
      viewerProtocolPolicy: 'redirect-to-https',
      cachePolicyId: CLOUDFRONT_MANAGED.cachingOptimized,
      allowedMethods: ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
    },
    orderedCacheBehavior: [behaviour('/account*', true), behaviour('/checkout*', true), behaviour('/api/*', false, o.apiOrigin ? 'api' : 'site')],
    loggingConfig: { bucket: o.site.accessLogBucket!.bucket.bucketDomainName, prefix: 'cloudfront/', includeCookies: false },
    restrictions: { geoRestriction: { restrictionType: 'none' } },
    viewerCertificate: { acmCertificateArn: o.certificateArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
    webAclId: o.webAclArn === undefined ? 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/leaky-edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' : o.webAclArn || undefined,
  });
  o.site.key.grantService('cloudfront.amazonaws.com');
  o.site.addPolicyStatement({
    sid: 'CloudFrontOacRead',
    principal: { Service: 'cloudfront.amazonaws.com' },
    actions: ['s3:GetObject'],
    resources: [`${o.site.arn}/*`],
    conditions: { StringEquals: { 'AWS:SourceArn': distribution.arn } },
  });
  return distribution;
}

export interface RawFrontDoorOptions {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly workspaceId: string;
  readonly wafMode?: 'Prevention' | 'Detection';
  /** Adds a cache block to the authenticated route. */
  readonly cacheAuthenticated?: boolean;
  /** CSP added on authenticated routes; defaults to the strict checkout CSP. */
  readonly csp?: string;
}

/** Front Door with the same shape as SecureFrontDoor but accepting Detection mode, caching and any CSP. */
export function rawFrontDoor(scope: Construct, id: string, o: RawFrontDoorOptions): CdnFrontdoorProfile {
  const c = new Construct(scope, id);
  const tags = dataTags(c, { classification: 'internal' });
  const profile = new CdnFrontdoorProfile(c, 'profile', { name: o.name, resourceGroupName: o.resourceGroupName, skuName: 'Premium_AzureFrontDoor', tags });
  const endpoint = new CdnFrontdoorEndpoint(c, 'endpoint', { name: o.name, cdnFrontdoorProfileId: profile.id });
  const group = new CdnFrontdoorOriginGroup(c, 'origins', { name: 'app', cdnFrontdoorProfileId: profile.id, loadBalancing: {} });
  const origin = new CdnFrontdoorOrigin(c, 'origin', {
    name: 'app', cdnFrontdoorOriginGroupId: group.id, hostName: `${o.name}.azurewebsites.net`, certificateNameCheckEnabled: true, httpsPort: 443,
  });
  const ruleSet = new CdnFrontdoorRuleSet(c, 'csp-rules', { name: 'checkoutcsp', cdnFrontdoorProfileId: profile.id });
  new CdnFrontdoorRule(c, 'csp-rule', {
    name: 'ContentSecurityPolicy',
    cdnFrontdoorRuleSetId: ruleSet.id,
    order: 1,
    actions: { responseHeaderAction: [{ headerAction: 'Overwrite', headerName: 'Content-Security-Policy', value: o.csp ?? checkoutCsp(c) }] },
  });
  const routeBase = {
    cdnFrontdoorEndpointId: endpoint.id,
    cdnFrontdoorOriginGroupId: group.id,
    cdnFrontdoorOriginIds: [origin.id],
    supportedProtocols: ['Https'],
    httpsRedirectEnabled: false,
    forwardingProtocol: 'HttpsOnly',
    linkToDefaultDomain: true,
  };
  new CdnFrontdoorRoute(c, 'route-authenticated', {
    ...routeBase,
    name: 'authenticated',
    patternsToMatch: [...FRONT_DOOR_AUTHENTICATED_PATTERNS],
    cdnFrontdoorRuleSetIds: [ruleSet.id],
    cache: o.cacheAuthenticated ? { queryStringCachingBehavior: 'UseQueryString', compressionEnabled: true, contentTypesToCompress: ['text/html'] } : undefined,
  });
  new CdnFrontdoorRoute(c, 'route-static', {
    ...routeBase,
    name: 'static',
    patternsToMatch: ['/*'],
    cache: { queryStringCachingBehavior: 'IgnoreQueryString' },
  });
  const waf = new CdnFrontdoorFirewallPolicy(c, 'waf', {
    name: `${o.name}waf`,
    resourceGroupName: o.resourceGroupName,
    skuName: 'Premium_AzureFrontDoor',
    mode: o.wafMode ?? 'Prevention',
    enabled: true,
    managedRule: [{ type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' }],
    tags,
  });
  new CdnFrontdoorSecurityPolicy(c, 'security-policy', {
    name: `${o.name}-waf`,
    cdnFrontdoorProfileId: profile.id,
    securityPolicies: { firewall: { cdnFrontdoorFirewallPolicyId: waf.id, association: { domain: [{ cdnFrontdoorDomainId: endpoint.id }], patternsToMatch: ['/*'] } } },
  });
  diagnostics(c, 'diagnostics', { targetResourceId: profile.id, workspaceId: o.workspaceId, categories: ['FrontDoorAccessLog', 'FrontDoorWebApplicationFirewallLog'] });
  return profile;
}
