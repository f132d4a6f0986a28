import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { CloudfrontDistribution, CloudfrontDistributionOrderedCacheBehavior } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
import { CloudfrontResponseHeadersPolicy } from '@cdktf/provider-aws/lib/cloudfront-response-headers-policy';
import { UnsafeConfigError, requireNonEmpty, requireOneOf } from '../common/errors';
import { DEFAULT_AUTHENTICATED_PATHS, DEFAULT_SCRIPT_RESTRICTED_PATHS, checkoutCsp } from '../common/csp';
import { HardenedBucket } from './bucket';

/** AWS managed policy ids (stable across accounts). */
export const CLOUDFRONT_MANAGED = {
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  cachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
  securityHeaders: '67f7725c-6f97-4210-82d7-5512b31e9d03',
} as const;

const TLS_POLICIES = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'] as const;
const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];

export interface SecureDistributionProps {
  readonly name: string;
  /** Static site bucket, read through Origin Access Control. */
  readonly siteBucket: HardenedBucket;
  /** Dynamic origin (API / SSR) for authenticated paths; HTTPS with TLS 1.2 only. */
  readonly apiOriginDomain?: string;
  /** Path prefix on the API origin, e.g. the stage `/v1`. */
  readonly apiOriginPath?: string;
  /** ACM certificate in us-east-1; the default CloudFront certificate would allow TLS 1.0. */
  readonly certificateArn: string;
  readonly aliases?: readonly string[];
  /** Standard-log bucket; defaults to the site bucket's access-log bucket. */
  readonly logBucket?: HardenedBucket;
  /** WAFv2 web ACL of scope CLOUDFRONT (us-east-1), e.g. ManagedRulesWebAcl's arn: without one, requests reach the origins unfiltered. */
  readonly webAclArn: string;
  /** Never cached (personalised responses). Default `/account*`, `/checkout*`, `/api/*`. */
  readonly authenticatedPaths?: readonly string[];
  /** Pages taking PII get the strict CSP; must be authenticated paths too. */
  readonly scriptRestrictedPaths?: readonly string[];
  /** Exact https origins allowed to serve scripts on script-restricted pages. */
  readonly scriptSources?: readonly string[];
  readonly viewerProtocolPolicy?: 'redirect-to-https' | 'https-only';
  readonly minimumProtocolVersion?: (typeof TLS_POLICIES)[number];
  readonly provider?: TerraformProvider;
}

/**
 * CloudFront distribution that never caches authenticated responses (managed CachingDisabled
 * on every authenticated path), serves HTTPS only with TLS >= 1.2_2021, logs requests, filters
 * them through a WAF, and sends a CSP without wildcard or inline script on checkout/account pages.
 */
export class SecureDistribution extends Construct {
  readonly distribution: CloudfrontDistribution;
  readonly checkoutHeaders: CloudfrontResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SecureDistributionProps) {
    super(scope, id);
    const viewerProtocolPolicy = requireOneOf(this, 'viewerProtocolPolicy', props.viewerProtocolPolicy ?? 'redirect-to-https', ['redirect-to-https', 'https-only']);
    const tls = requireOneOf(this, 'minimumProtocolVersion', props.minimumProtocolVersion ?? 'TLSv1.2_2021', TLS_POLICIES);
    const authPaths = requireNonEmpty(this, 'authenticatedPaths', props.authenticatedPaths ?? DEFAULT_AUTHENTICATED_PATHS);
    const scriptPaths = props.scriptRestrictedPaths ?? DEFAULT_SCRIPT_RESTRICTED_PATHS;
    for (const p of authPaths) if (!p.startsWith('/')) throw new UnsafeConfigError(this, `path pattern ${JSON.stringify(p)} must start with /`);
    for (const p of scriptPaths) {
      if (!authPaths.includes(p)) throw new UnsafeConfigError(this, `script-restricted path ${p} must also be an authenticated path`);
    }
    if (!/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(props.certificateArn)) {
      throw new UnsafeConfigError(this, `certificateArn must be an ACM certificate in us-east-1, got ${JSON.stringify(props.certificateArn)}`);
    }
    if (!props.webAclArn) throw new UnsafeConfigError(this, 'webAclArn: a WAF web ACL of scope CLOUDFRONT is required (ManagedRulesWebAcl with scope CLOUDFRONT in us-east-1)');
    const logBucket = props.logBucket ?? props.siteBucket.accessLogBucket;
    if (!logBucket) throw new UnsafeConfigError(this, 'no log bucket: pass logBucket');
    const provider = props.provider;

    this.checkoutHeaders = new CloudfrontResponseHeadersPolicy(this, 'checkout-headers', {
      provider,
      name: `${props.name}-checkout-csp`,
      comment: 'Strict CSP for pages that take personal data',
      securityHeadersConfig: {
        contentSecurityPolicy: { contentSecurityPolicy: checkoutCsp(this, props.scriptSources), override: true },
        strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: 'DENY', override: true },
        referrerPolicy: { referrerPolicy: 'strict-origin-when-cross-origin', override: true },
      },
    });
    const oac = new CloudfrontOriginAccessControl(this, 'oac', {
      provider,
      name: `${props.name}-site`,
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });

    const siteOrigin = 'site';
    const apiOrigin = 'api';
    const dynamicTarget = props.apiOriginDomain ? apiOrigin : siteOrigin;
    const behaviours: CloudfrontDistributionOrderedCacheBehavior[] = authPaths.map((pathPattern) => ({
      pathPattern,
      targetOriginId: dynamicTarget,
      viewerProtocolPolicy,
      cachePolicyId: CLOUDFRONT_MANAGED.cachingDisabled,
      originRequestPolicyId: dynamicTarget === apiOrigin ? CLOUDFRONT_MANAGED.allViewerExceptHostHeader : undefined,
      responseHeadersPolicyId: scriptPaths.includes(pathPattern) ? this.checkoutHeaders.id : CLOUDFRONT_MANAGED.securityHeaders,
      allowedMethods: dynamicTarget === apiOrigin ? ALL_METHODS : READ_METHODS,
      cachedMethods: ['GET', 'HEAD'],
      compress: true,
    }));

    this.distribution = new CloudfrontDistribution(this, 'distribution', {
      provider,
      enabled: true,
      comment: props.name,
      aliases: props.aliases ? [...props.aliases] : undefined,
      httpVersion: 'http2and3',
      isIpv6Enabled: true,
      priceClass: 'PriceClass_100',
      webAclId: props.webAclArn,
      origin: [
        { originId: siteOrigin, domainName: props.siteBucket.bucket.bucketRegionalDomainName, originAccessControlId: oac.id },
        ...(props.apiOriginDomain
          ? [{
            originId: apiOrigin,
            domainName: props.apiOriginDomain,
            originPath: props.apiOriginPath,
            customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] },
          }]
          : []),
      ],
      defaultCacheBehavior: {
        targetOriginId: siteOrigin,
        viewerProtocolPolicy,
        cachePolicyId: CLOUDFRONT_MANAGED.cachingOptimized,
        responseHeadersPolicyId: CLOUDFRONT_MANAGED.securityHeaders,
        allowedMethods: READ_METHODS,
        cachedMethods: ['GET', 'HEAD'],
        compress: true,
      },
      orderedCacheBehavior: behaviours,
      // Cookies carry session ids: keep them out of the access logs.
      loggingConfig: { bucket: logBucket.bucket.bucketDomainName, prefix: `cloudfront/${props.name}/`, includeCookies: false },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: { acmCertificateArn: props.certificateArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: tls },
    });

    // OAC reads are signed by CloudFront; only this distribution may read, and it needs the CMK.
    props.siteBucket.key.grantService('cloudfront.amazonaws.com');
    props.siteBucket.addPolicyStatement({
      sid: 'CloudFrontOacRead',
      principal: { Service: 'cloudfront.amazonaws.com' },
      actions: ['s3:GetObject'],
      resources: [`${props.siteBucket.arn}/*`],
      conditions: { StringEquals: { 'AWS:SourceArn': this.distribution.arn } },
    });
  }
}
