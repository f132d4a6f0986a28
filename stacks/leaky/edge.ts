import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { dataTags } from '../constructs/common/tags';
import { HardenedBucket } from '../constructs/aws/bucket';
import { IamAuthFunction } from '../constructs/aws/lambda';
import { BoundedLogGroup } from '../constructs/aws/log-group';
import { ManagedRulesWebAcl } from '../constructs/aws/waf';
import { CLOUDFRONT_MANAGED } from '../constructs/aws/cdn';
import { checkoutCsp } from '../constructs/common/csp';
import { SHOP_CONFIG } from '../config';
import { awsPart, azurePart, leakyStack } from './common';
import { rawDistribution, rawFrontDoor } from './raw';

const CERTIFICATE = SHOP_CONFIG.environments.prod.aws.certificateArn;

/** A checkout API that accepts any body and answers anonymous reads (REST and HTTP), a Lambda URL anyone can call, and a WAF that only watches. */
export function apiNoInputValidation(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-api-no-input-validation');
  const { baseline } = awsPart(stack, { apiGatewayLogging: true });
  const handler = new IamAuthFunction(stack, 'orders-fn', { name: 'leaky-apival-orders', code: { s3Bucket: 'leaky-artifacts-111111111111', s3Key: 'orders.zip' } });
  new LambdaFunctionUrl(stack, 'orders-url', { functionName: handler.fn.functionName, authorizationType: 'NONE' });

  const api = new ApiGatewayRestApi(stack, 'api', { name: 'leaky-apival-orders', endpointConfiguration: { types: ['REGIONAL'] }, tags: dataTags(stack, { classification: 'pii' }) });
  const orders = new ApiGatewayResource(stack, 'orders', { restApiId: api.id, parentId: api.rootResourceId, pathPart: 'orders' });
  // POST with a body but no request validator or model: anything reaches the function.
  const post = new ApiGatewayMethod(stack, 'post-orders', { restApiId: api.id, resourceId: orders.id, httpMethod: 'POST', authorization: 'AWS_IAM' });
  const integration = new ApiGatewayIntegration(stack, 'post-orders-integration', {
    restApiId: api.id, resourceId: orders.id, httpMethod: post.httpMethod, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: handler.fn.invokeArn,
  });
  // GET /orders answers anyone: no authorization, only an API key (which identifies, not authenticates).
  const get = new ApiGatewayMethod(stack, 'get-orders', { restApiId: api.id, resourceId: orders.id, httpMethod: 'GET', authorization: 'NONE', apiKeyRequired: true });
  const getIntegration = new ApiGatewayIntegration(stack, 'get-orders-integration', {
    restApiId: api.id, resourceId: orders.id, httpMethod: get.httpMethod, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: handler.fn.invokeArn,
  });
  const deployment = new ApiGatewayDeployment(stack, 'deployment', { restApiId: api.id, dependsOn: [post, integration, get, getIntegration], lifecycle: { createBeforeDestroy: true } });
  const logs = new BoundedLogGroup(stack, 'access-logs', { name: '/aws/apigateway/leaky-apival-orders/v1/access' });
  const stage = new ApiGatewayStage(stack, 'stage', {
    restApiId: api.id,
    stageName: 'v1',
    deploymentId: deployment.id,
    accessLogSettings: { destinationArn: logs.arn, format: JSON.stringify({ requestId: '$context.requestId', ip: '$context.identity.sourceIp', status: '$context.status' }) },
    tags: dataTags(stack, { classification: 'pii' }),
  });
  const acl = new ManagedRulesWebAcl(stack, 'waf', { scope: 'REGIONAL', name: 'leaky-apival' });
  new Wafv2WebAclAssociation(stack, 'waf-association', { resourceArn: stage.arn, webAclArn: acl.arn });
  new LambdaPermission(stack, 'invoke', { action: 'lambda:InvokeFunction', functionName: handler.fn.functionName, principal: 'apigateway.amazonaws.com', sourceArn: `${api.executionArn}/*/*` });

  // The storefront's CDN filters nothing: no WAF web ACL.
  const site = new HardenedBucket(stack, 'site', { classification: 'public' });
  baseline.coverS3Bucket(site.accessLogBucket!);
  rawDistribution(stack, 'storefront', { name: 'leaky-apival-cdn', certificateArn: CERTIFICATE, site, checkoutCsp: checkoutCsp(stack), webAclArn: '' });

  // An internal order service's load balancer that routes malformed headers to its targets (request smuggling).
  new Lb(stack, 'orders-lb', {
    name: 'leaky-apival-orders', internal: true, subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'], securityGroups: ['sg-0a1b2c3d4e5f60718'],
    accessLogs: { bucket: 'leaky-apival-lb-logs', prefix: 'orders', enabled: true },
  });

  // An HTTP API route that names no authorization type: NONE, whoever calls.
  const http = new Apigatewayv2Api(stack, 'http-api', { name: 'leaky-apival-http', protocolType: 'HTTP', tags: dataTags(stack, { classification: 'pii' }) });
  new Apigatewayv2Route(stack, 'http-get-order', { apiId: http.id, routeKey: 'GET /orders/{id}' });

  const az = azurePart(stack, 'apival');
  rawFrontDoor(stack, 'front-door', { name: 'fdleakyapival', resourceGroupName: az.group.name, workspaceId: az.workspaceId, wafMode: 'Detection' });
  return stack;
}

/** Authenticated account/checkout/API responses cached at the edge. */
export function cdnCachingAuth(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-cdn-caching-auth');
  const { baseline } = awsPart(stack);
  const site = new HardenedBucket(stack, 'site', { classification: 'public' });
  baseline.coverS3Bucket(site.accessLogBucket!);
  rawDistribution(stack, 'storefront', {
    name: 'leaky-cdncache',
    certificateArn: CERTIFICATE,
    site,
    authenticatedCachePolicyId: CLOUDFRONT_MANAGED.cachingOptimized,
    checkoutCsp: checkoutCsp(stack),
  });

  const az = azurePart(stack, 'cdncache');
  rawFrontDoor(stack, 'front-door', { name: 'fdleakycdncache', resourceGroupName: az.group.name, workspaceId: az.workspaceId, cacheAuthenticated: true });
  return stack;
}

/** Checkout pages whose CSP lets any third-party script (and inline script) read the form. */
export function checkoutNoScriptRestriction(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-checkout-no-script-restriction');
  const { baseline } = awsPart(stack);
  const site = new HardenedBucket(stack, 'site', { classification: 'public' });
  baseline.coverS3Bucket(site.accessLogBucket!);
  const permissive = "default-src 'self'; script-src 'self' 'unsafe-inline' *";
  rawDistribution(stack, 'storefront', { name: 'leaky-csp', certificateArn: CERTIFICATE, site, checkoutCsp: permissive });

  const az = azurePart(stack, 'csp');
  rawFrontDoor(stack, 'front-door', { name: 'fdleakycsp', resourceGroupName: az.group.name, workspaceId: az.workspaceId, csp: permissive });
  return stack;
}

/** The storefront's API origin reached over plain HTTP: cookies and tokens cross the internet in clear. */
export function cdnPlainHttpOrigin(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-cdn-plain-http-origin');
  const { baseline } = awsPart(stack);
  const site = new HardenedBucket(stack, 'site', { classification: 'public' });
  baseline.coverS3Bucket(site.accessLogBucket!);
  rawDistribution(stack, 'storefront', {
    name: 'leaky-cdnorigin',
    certificateArn: CERTIFICATE,
    site,
    checkoutCsp: checkoutCsp(stack),
    apiOrigin: { domainName: 'origin.leaky-shop.example.com', protocolPolicy: 'http-only' },
  });
  return stack;
}
