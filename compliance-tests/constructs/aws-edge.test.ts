import { TerraformStack } from 'cdktf';
import { HardenedBucket } from '../../stacks/constructs/aws/bucket';
import { SecureDistribution, SecureDistributionProps } from '../../stacks/constructs/aws/cdn';
import { AuthorizedHttpApi, AuthorizedHttpApiProps, ValidatedRestApi, ValidatedRestApiProps } from '../../stacks/constructs/aws/api';
import { IamAuthFunction, IamAuthFunctionProps } from '../../stacks/constructs/aws/lambda';
import { ManagedRulesWebAcl } from '../../stacks/constructs/aws/waf';
import { HttpsLoadBalancer } from '../../stacks/constructs/aws/load-balancer';
import { check } from '../../src/check';
import { awsPart, leakyStack } from '../../stacks/leaky/common';
import { cleanup as removeDir, synthApp } from '../../test/helpers/synth';
import { join } from 'node:path';
import { cleanup, doc, only, ref, resources, statement, synth, testStack } from './helpers';

afterAll(cleanup);

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0b6e7d3a-1c2f-4e5a-8b9c-0d1e2f3a4b5c';
const EDGE_ACL = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/shop-edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

function distribution(stack: TerraformStack, props: Partial<SecureDistributionProps> = {}): SecureDistribution {
  const site = new HardenedBucket(stack, 'site', { classification: 'public' });
  return new SecureDistribution(stack, 'cdn', { name: 'shop', siteBucket: site, apiOriginDomain: 'api.example.com', certificateArn: CERT, webAclArn: EDGE_ACL, ...props });
}

describe('SecureDistribution', () => {
  const stack = testStack();
  distribution(stack, { scriptSources: ['https://js.stripe.com'] });
  const out = synth(stack);
  const cf = only(out, 'aws_cloudfront_distribution');
  const behaviour = (p: string) => cf.ordered_cache_behavior.find((b: { path_pattern: string }) => b.path_pattern === p);

  test.each(['/account*', '/checkout*', '/api/*'])('never caches %s (managed CachingDisabled)', (path) => {
    expect(behaviour(path).cache_policy_id).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(behaviour(path).viewer_protocol_policy).toBe('redirect-to-https');
  });

  test('redirects every viewer to HTTPS and requires TLS >= 1.2_2021', () => {
    expect(cf.default_cache_behavior.viewer_protocol_policy).toBe('redirect-to-https');
    expect(cf.viewer_certificate).toEqual({ acm_certificate_arn: CERT, ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' });
  });

  test('filters every request through the WAF web ACL', () => {
    expect(cf.web_acl_id).toBe(EDGE_ACL);
  });

  test('logs to the access-log bucket, without cookies', () => {
    expect(cf.logging_config.bucket).toBe(ref(out, 'aws_s3_bucket', 'bucket_domain_name', (b) => b.bucket_prefix === 'access-logs-'));
    expect(cf.logging_config.include_cookies).toBe(false);
  });

  test('checkout and account pages get a CSP without wildcard or inline script', () => {
    const policyId = ref(out, 'aws_cloudfront_response_headers_policy', 'id');
    expect(behaviour('/checkout*').response_headers_policy_id).toBe(policyId);
    expect(behaviour('/account*').response_headers_policy_id).toBe(policyId);
    const csp = only(out, 'aws_cloudfront_response_headers_policy').security_headers_config.content_security_policy.content_security_policy as string;
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toBe("script-src 'self' https://js.stripe.com");
  });

  test('the site bucket is readable only by this distribution (OAC)', () => {
    const siteId = ref(out, 'aws_s3_bucket', 'id', (b) => b.bucket_prefix === 'site-');
    const policy = doc(resources(out, 'aws_s3_bucket_policy').find((p) => p.bucket === siteId)!);
    expect(statement(policy, 'CloudFrontOacRead').Condition).toEqual({ StringEquals: { 'AWS:SourceArn': ref(out, 'aws_cloudfront_distribution', 'arn') } });
  });
});

const cdnRejected: [string, Partial<SecureDistributionProps>, RegExp][] = [
  ['viewers over plain HTTP (allow-all)', { viewerProtocolPolicy: 'allow-all' as 'https-only' }, /viewerProtocolPolicy/],
  ['TLS 1.0-era protocol policies', { minimumProtocolVersion: 'TLSv1_2016' as 'TLSv1.2_2021' }, /minimumProtocolVersion/],
  ['a wildcard script source', { scriptSources: ['*'] }, /exact https origin/],
  ["'unsafe-inline' script", { scriptSources: ["'unsafe-inline'"] }, /exact https origin/],
  ['no authenticated paths', { authenticatedPaths: [] }, /authenticatedPaths must not be empty/],
  ['a script-restricted path that would be cached', { scriptRestrictedPaths: ['/profile*'] }, /must also be an authenticated path/],
  ['a certificate outside us-east-1', { certificateArn: CERT.replace('us-east-1', 'us-west-2') }, /us-east-1/],
  ['no WAF web ACL (JavaScript callers can leave it out)', { webAclArn: '' }, /webAclArn/],
];
test.each(cdnRejected)('SecureDistribution rejects %s', (_name, props, message) => {
  expect(() => distribution(testStack(), props)).toThrow(message);
});

function fn(stack: TerraformStack, props: Partial<IamAuthFunctionProps> = {}): IamAuthFunction {
  return new IamAuthFunction(stack, 'fn', { name: 'checkout', code: { s3Bucket: 'artifacts', s3Key: 'checkout.zip' }, ...props });
}

describe('IamAuthFunction', () => {
  const stack = testStack();
  fn(stack, { functionUrl: true, environment: { TABLE: 'carts' } });
  const out = synth(stack);

  test('the function URL requires IAM auth', () => {
    expect(only(out, 'aws_lambda_function_url').authorization_type).toBe('AWS_IAM');
  });

  test('logs as JSON to its own bounded, masked log group and traces', () => {
    const f = only(out, 'aws_lambda_function');
    expect(f.logging_config.log_group).toBe(ref(out, 'aws_cloudwatch_log_group', 'name'));
    expect(only(out, 'aws_cloudwatch_log_group').name).toBe('/aws/lambda/checkout');
    expect(resources(out, 'aws_cloudwatch_log_data_protection_policy')).toHaveLength(1);
    expect(f.tracing_config.mode).toBe('Active');
  });

  test('encrypts its environment with a CMK it may use through its role', () => {
    const keyArn = ref(out, 'aws_kms_key', 'arn');
    expect(only(out, 'aws_lambda_function').kms_key_arn).toBe(keyArn);
    expect(statement(doc(only(out, 'aws_iam_role_policy')), 'FunctionKey').Resource).toBe(keyArn);
  });
});

const fnRejected: [string, Partial<IamAuthFunctionProps>, RegExp][] = [
  ['an anonymous function URL (NONE)', { functionUrl: true, functionUrlAuthType: 'NONE' as 'AWS_IAM' }, /use AWS_IAM/],
  ['a secret in an environment variable', { environment: { DB_PASSWORD: 'hunter2' } }, /looks like a secret/],
  ['a wildcard permission', { permissions: [{ actions: ['dynamodb:*'], resources: ['arn:aws:dynamodb:us-west-2:123456789012:table/t'] }] }, /not explicit/],
  ['a 15-minute-plus timeout', { timeoutSeconds: 901 }, /timeoutSeconds/],
];
test.each(fnRejected)('IamAuthFunction rejects %s', (_name, props, message) => {
  expect(() => fn(testStack(), props)).toThrow(message);
});

const ORDER = { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } };
function api(stack: TerraformStack, props: Partial<ValidatedRestApiProps> = {}): ValidatedRestApi {
  return new ValidatedRestApi(stack, 'api', {
    name: 'checkout',
    handler: fn(stack),
    routes: [{ path: '/orders', method: 'POST', requestSchema: ORDER }, { path: '/orders/{id}', method: 'GET', requiredParameters: ['method.request.path.id'] }],
    ...props,
  });
}

describe('ValidatedRestApi', () => {
  const stack = testStack();
  api(stack);
  const out = synth(stack);
  const methods = resources(out, 'aws_api_gateway_method');
  const validatorId = ref(out, 'aws_api_gateway_request_validator', 'id');

  test('the validator checks bodies and parameters', () => {
    expect(only(out, 'aws_api_gateway_request_validator')).toMatchObject({ validate_request_body: true, validate_request_parameters: true });
  });

  test('the method with a body uses the validator and a JSON Schema model', () => {
    const post = methods.find((m) => m.http_method === 'POST')!;
    expect(post.request_validator_id).toBe(validatorId);
    expect(post.request_models['application/json']).toBe(ref(out, 'aws_api_gateway_model', 'name'));
    expect(JSON.parse(only(out, 'aws_api_gateway_model').schema)).toEqual(ORDER);
  });

  test('no method is anonymous', () => {
    expect(methods.map((m) => m.authorization)).toEqual(['AWS_IAM', 'AWS_IAM']);
  });

  test('the stage writes access logs to a bounded log group', () => {
    const stage = only(out, 'aws_api_gateway_stage');
    expect(stage.access_log_settings.destination_arn).toBe(ref(out, 'aws_cloudwatch_log_group', 'arn', (g) => g.name.startsWith('/aws/apigateway/')));
  });

  test('the stage sits behind an enforcing WAF', () => {
    expect(only(out, 'aws_wafv2_web_acl_association')).toEqual({
      resource_arn: ref(out, 'aws_api_gateway_stage', 'arn'),
      web_acl_arn: ref(out, 'aws_wafv2_web_acl', 'arn'),
    });
    const acl = only(out, 'aws_wafv2_web_acl');
    expect(acl.scope).toBe('REGIONAL');
    expect(acl.rule.filter((r: { override_action?: object }) => r.override_action).every((r: { override_action: object }) => 'none' in r.override_action)).toBe(true);
  });

  test('execution logs never carry request bodies', () => {
    expect(only(out, 'aws_api_gateway_method_settings').settings.data_trace_enabled).toBe(false);
  });
});

const apiRejected: [string, Partial<ValidatedRestApiProps>, RegExp][] = [
  ['a POST without a request schema', { routes: [{ path: '/orders', method: 'POST' }] }, /has no requestSchema/],
  ['a PATCH without a request schema', { routes: [{ path: '/orders', method: 'PATCH' }] }, /has no requestSchema/],
  ['anonymous methods (NONE)', { authorization: 'NONE' as 'AWS_IAM' }, /must authenticate callers/],
  ['Cognito without an authorizer', { authorization: 'COGNITO_USER_POOLS' }, /needs authorizerId/],
  ['a duplicate route', { routes: [{ path: '/a', method: 'GET' }, { path: '/a', method: 'GET' }] }, /duplicate route/],
  ['a malformed path', { routes: [{ path: 'orders', method: 'GET' }] }, /invalid route path/],
  ['no routes', { routes: [] }, /routes must not be empty/],
  ['an out-of-range throttle', { throttle: { rateLimit: 0, burstLimit: 10 } }, /throttle.rateLimit/],
];
test.each(apiRejected)('ValidatedRestApi rejects %s', (_name, props, message) => {
  expect(() => api(testStack(), props)).toThrow(message);
});

test('ManagedRulesWebAcl rejects a rate limit below 100', () => {
  expect(() => new ManagedRulesWebAcl(testStack(), 'waf', { scope: 'REGIONAL', name: 'x', rateLimit: 50 })).toThrow(/rateLimit/);
});

test('ManagedRulesWebAcl rejects an unknown scope', () => {
  expect(() => new ManagedRulesWebAcl(testStack(), 'waf', { scope: 'GLOBAL' as 'REGIONAL', name: 'x' })).toThrow(/scope must be one of/);
});


describe('HttpsLoadBalancer', () => {
  const props = { name: 'shop', subnetIds: ['subnet-a', 'subnet-b'], securityGroupIds: ['sg-1'], certificateArn: 'arn:aws:acm:us-west-2:123456789012:certificate/0b6e7d3a-1c2f-4e5a-8b9c-0d1e2f3a4b5c', targetGroupArn: 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web/73e2d6bc24d8a067', accessLogBucket: 'shop-alb-logs' };

  test('serves TLS 1.2+ only, answers HTTP with a redirect, logs and drops malformed headers; the listener, access-log and header rules pass it', async () => {
    const stack = testStack();
    new HttpsLoadBalancer(stack, 'lb', props);
    const out = synth(stack);
    expect(only(out, 'aws_lb')).toMatchObject({ internal: false, drop_invalid_header_fields: true, access_logs: { bucket: 'shop-alb-logs', enabled: true } });
    const listeners = resources(out, 'aws_lb_listener');
    expect(listeners.find((l) => l.protocol === 'HTTPS')).toMatchObject({ ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', default_action: [{ type: 'forward' }] });
    expect(listeners.find((l) => l.protocol === 'HTTP')).toMatchObject({ default_action: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } }] });
    const dir = synthApp((app) => {
      const s = leakyStack(app, 'storefront');
      awsPart(s);
      new HttpsLoadBalancer(s, 'lb', props);
    });
    const { decision } = await check([dir], { today: '2026-11-28' });
    expect(decision.findings.filter((f) => ['aws-lb-listener-tls', 'aws-lb-access-logs', 'aws-lb-drop-invalid-headers'].includes(f.rule_id))).toEqual([]);
    removeDir(join(dir, '..'));
  });

  test.each([
    ['a TLS 1.0 policy', { sslPolicy: 'ELBSecurityPolicy-2016-08' }, /sslPolicy/],
    ['one subnet', { subnetIds: ['subnet-a'] }, /two availability zones/],
    ['a name ELB refuses', { name: 'shop_web' }, /invalid name/],
  ])('rejects %s', (_name, bad, message) => {
    expect(() => new HttpsLoadBalancer(testStack(), 'lb', { ...props, ...bad })).toThrow(message);
  });
});

describe('AuthorizedHttpApi', () => {
  const JWT = { issuer: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_AbCdEf123', audience: ['web-client'] };
  const httpApi = (stack: TerraformStack, props: Partial<AuthorizedHttpApiProps> = {}): AuthorizedHttpApi =>
    new AuthorizedHttpApi(stack, 'http', { name: 'orders', handler: fn(stack), jwt: JWT, routes: [{ method: 'GET', path: '/orders/{id}' }, { method: 'POST', path: '/orders' }], ...props });

  test('every route needs a JWT from the issuer, the stage logs and throttles, no quick create; the route rule passes it', async () => {
    const stack = testStack();
    httpApi(stack);
    const out = synth(stack);
    expect(only(out, 'aws_apigatewayv2_api')).toMatchObject({ protocol_type: 'HTTP' });
    expect(only(out, 'aws_apigatewayv2_api').target).toBeUndefined();
    expect(only(out, 'aws_apigatewayv2_authorizer')).toMatchObject({ authorizer_type: 'JWT', jwt_configuration: { issuer: JWT.issuer, audience: JWT.audience } });
    const routes = resources(out, 'aws_apigatewayv2_route');
    expect(routes.map((r) => r.route_key).sort()).toEqual(['GET /orders/{id}', 'POST /orders']);
    for (const r of routes) expect(r).toMatchObject({ authorization_type: 'JWT', authorizer_id: ref(out, 'aws_apigatewayv2_authorizer', 'id') });
    const stage = only(out, 'aws_apigatewayv2_stage');
    expect(stage.access_log_settings.destination_arn).toBe(ref(out, 'aws_cloudwatch_log_group', 'arn', (g) => g.name.startsWith('/aws/apigateway/')));
    expect(stage.default_route_settings).toMatchObject({ throttling_rate_limit: 100, throttling_burst_limit: 200 });
    const dir = synthApp((app) => {
      const s = leakyStack(app, 'orders-http');
      awsPart(s);
      httpApi(s);
    });
    const { decision } = await check([dir], { today: '2026-11-28' });
    expect(decision.findings.filter((f) => f.rule_id === 'aws-apigwv2-route-auth')).toEqual([]);
    removeDir(join(dir, '..'));
  });

  test.each([
    ['an issuer that is not https', { jwt: { issuer: 'http://issuer.example.com', audience: ['web'] } }, /must be an https URL/],
    ['no audience', { jwt: { issuer: JWT.issuer, audience: [] } }, /jwt.audience must not be empty/],
    ['no routes', { routes: [] }, /routes must not be empty/],
    ['a duplicate route', { routes: [{ method: 'GET', path: '/a' }, { method: 'GET', path: '/a' }] }, /duplicate route/],
    ['a malformed path', { routes: [{ method: 'GET', path: 'orders' }] }, /invalid route path/],
    ['an out-of-range throttle', { throttle: { rateLimit: 100, burstLimit: 0 } }, /throttle.burstLimit/],
  ] as [string, Partial<AuthorizedHttpApiProps>, RegExp][])('rejects %s', (_name, bad, message) => {
    expect(() => httpApi(testStack(), bad)).toThrow(message);
  });
});
