import { Construct } from 'constructs';
import { CdnFrontdoorProfile } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-profile';
import { CdnFrontdoorEndpoint } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-endpoint';
import { CdnFrontdoorOriginGroup } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin-group';
import { CdnFrontdoorOrigin } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-origin';
import { CdnFrontdoorRoute } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-route';
import { CdnFrontdoorRuleSet } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-rule-set';
import { CdnFrontdoorRule } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-rule';
import { CdnFrontdoorFirewallPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-firewall-policy';
import { CdnFrontdoorSecurityPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-security-policy';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { checkoutCsp } from '../common/csp';
import { diagnostics } from './common';

/** Front Door wildcards must follow a slash, so `/account*` is written `/account/*`. */
export const FRONT_DOOR_AUTHENTICATED_PATTERNS = ['/account/*', '/checkout/*', '/api/*'] as const;
export const FRONT_DOOR_SCRIPT_RESTRICTED_PATTERNS = ['/account/*', '/checkout/*'] as const;

export interface SecureFrontDoorProps {
  readonly name: string;
  readonly resourceGroupName: string;
  /** Host of the app/API origin (HTTPS, certificate name checked). */
  readonly appOriginHost: string;
  /** Host of the static-content origin; defaults to the app origin. */
  readonly staticOriginHost?: string;
  readonly workspaceId: string;
  readonly authenticatedPatterns?: readonly string[];
  readonly scriptRestrictedPatterns?: readonly string[];
  readonly scriptSources?: readonly string[];
  /** Only Prevention; Detection would log attacks without stopping them. */
  readonly wafMode?: 'Prevention';
  readonly tags?: Record<string, string>;
}

/**
 * Azure Front Door (Premium) that never caches authenticated routes (no cache block), serves
 * them over HTTPS only, adds a strict CSP on checkout/account, and enforces a WAF policy in
 * Prevention mode on every path.
 */
export class SecureFrontDoor extends Construct {
  readonly profile: CdnFrontdoorProfile;
  readonly firewallPolicy: CdnFrontdoorFirewallPolicy;

  constructor(scope: Construct, id: string, props: SecureFrontDoorProps) {
    super(scope, id);
    if ((props.wafMode ?? 'Prevention') !== 'Prevention') throw new UnsafeConfigError(this, `WAF mode ${JSON.stringify(props.wafMode)} does not block attacks: use Prevention`);
    const auth = requireNonEmpty(this, 'authenticatedPatterns', props.authenticatedPatterns ?? FRONT_DOOR_AUTHENTICATED_PATTERNS);
    const scripted = props.scriptRestrictedPatterns ?? FRONT_DOOR_SCRIPT_RESTRICTED_PATTERNS;
    for (const p of auth) if (!/^\/([\w-]+\/)*\*?$|^\/[\w/-]+$/.test(p)) throw new UnsafeConfigError(this, `invalid Front Door pattern ${p}`);
    for (const p of scripted) if (!auth.includes(p)) throw new UnsafeConfigError(this, `script-restricted pattern ${p} must also be authenticated`);
    if (!/^[a-zA-Z][a-zA-Z0-9]{0,127}$/.test(props.name)) throw new UnsafeConfigError(this, `name must be alphanumeric (it also names the WAF policy), got ${JSON.stringify(props.name)}`);
    const csp = checkoutCsp(this, props.scriptSources);

    this.profile = new CdnFrontdoorProfile(this, 'profile', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      skuName: 'Premium_AzureFrontDoor',
      tags: props.tags,
    });
    const profileId = this.profile.id;
    const endpoint = new CdnFrontdoorEndpoint(this, 'endpoint', { name: props.name, cdnFrontdoorProfileId: profileId, tags: props.tags });
    const origin = (key: string, host: string) => {
      const group = new CdnFrontdoorOriginGroup(this, `${key}-origins`, {
        name: key,
        cdnFrontdoorProfileId: profileId,
        loadBalancing: { sampleSize: 4, successfulSamplesRequired: 3 },
        healthProbe: { protocol: 'Https', intervalInSeconds: 100, path: '/healthz', requestType: 'HEAD' },
      });
      const o = new CdnFrontdoorOrigin(this, `${key}-origin`, {
        name: key,
        cdnFrontdoorOriginGroupId: group.id,
        hostName: host,
        originHostHeader: host,
        httpsPort: 443,
        certificateNameCheckEnabled: true,
        enabled: true,
      });
      return { group, origin: o };
    };
    const app = origin('app', props.appOriginHost);
    const content = props.staticOriginHost ? origin('static', props.staticOriginHost) : app;

    const ruleSet = new CdnFrontdoorRuleSet(this, 'csp-rules', { name: 'checkoutcsp', cdnFrontdoorProfileId: profileId });
    new CdnFrontdoorRule(this, 'csp-rule', {
      name: 'ContentSecurityPolicy',
      cdnFrontdoorRuleSetId: ruleSet.id,
      order: 1,
      behaviorOnMatch: 'Continue',
      actions: {
        responseHeaderAction: [
          { headerAction: 'Overwrite', headerName: 'Content-Security-Policy', value: csp },
          { headerAction: 'Overwrite', headerName: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
        ],
      },
    });

    // Authenticated routes: HTTPS only and no `cache` block, which is how Front Door disables caching.
    const route = (key: string, patterns: readonly string[], extra: Partial<ConstructorParameters<typeof CdnFrontdoorRoute>[2]>, target = app) =>
      new CdnFrontdoorRoute(this, `route-${key}`, {
        name: key,
        cdnFrontdoorEndpointId: endpoint.id,
        cdnFrontdoorOriginGroupId: target.group.id,
        cdnFrontdoorOriginIds: [target.origin.id],
        patternsToMatch: [...patterns],
        supportedProtocols: ['Https'],
        httpsRedirectEnabled: false,
        forwardingProtocol: 'HttpsOnly',
        linkToDefaultDomain: true,
        ...extra,
      });
    if (scripted.length) route('checkout', scripted, { cdnFrontdoorRuleSetIds: [ruleSet.id] });
    const otherAuth = auth.filter((p) => !scripted.includes(p));
    if (otherAuth.length) route('authenticated', otherAuth, {});
    route('static', ['/*'], {
      supportedProtocols: ['Http', 'Https'],
      httpsRedirectEnabled: true,
      cache: { queryStringCachingBehavior: 'IgnoreQueryString', compressionEnabled: true, contentTypesToCompress: ['text/html', 'text/css', 'application/javascript'] },
    }, content);

    this.firewallPolicy = new CdnFrontdoorFirewallPolicy(this, 'waf', {
      name: `${props.name}waf`,
      resourceGroupName: props.resourceGroupName,
      skuName: 'Premium_AzureFrontDoor',
      mode: 'Prevention',
      enabled: true,
      requestBodyCheckEnabled: true,
      managedRule: [
        { type: 'Microsoft_DefaultRuleSet', version: '2.1', action: 'Block' },
        { type: 'Microsoft_BotManagerRuleSet', version: '1.1', action: 'Block' },
      ],
      tags: props.tags,
    });
    new CdnFrontdoorSecurityPolicy(this, 'security-policy', {
      name: `${props.name}-waf`,
      cdnFrontdoorProfileId: profileId,
      securityPolicies: {
        firewall: {
          cdnFrontdoorFirewallPolicyId: this.firewallPolicy.id,
          association: { domain: [{ cdnFrontdoorDomainId: endpoint.id }], patternsToMatch: ['/*'] },
        },
      },
    });
    diagnostics(this, 'diagnostics', {
      targetResourceId: profileId,
      workspaceId: props.workspaceId,
      categories: ['FrontDoorAccessLog', 'FrontDoorWebApplicationFirewallLog'],
    });
  }
}
