import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayRequestValidator } from '@cdktf/provider-aws/lib/api-gateway-request-validator';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayModel } from '@cdktf/provider-aws/lib/api-gateway-model';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { UnsafeConfigError, requireIntInRange, requireNonEmpty } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { BoundedLogGroup } from './log-group';
import { IamAuthFunction } from './lambda';
import { ManagedRulesWebAcl } from './waf';
import { regionOf } from './providers';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const BODY_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH']);

export interface ApiRoute {
  /** e.g. `/orders` or `/orders/{id}`. */
  readonly path: string;
  readonly method: HttpMethod;
  /** JSON Schema (draft 4) for the body; required for POST/PUT/PATCH. */
  readonly requestSchema?: Record<string, unknown>;
  /** Required request parameters, e.g. `method.request.path.id`. */
  readonly requiredParameters?: readonly string[];
}

/** Each route's `METHOD /path`, refusing a malformed path or a route given twice. */
function routeKeys(scope: Construct, routes: readonly { readonly path: string; readonly method: HttpMethod }[]): string[] {
  const seen = new Set<string>();
  return routes.map((r) => {
    const key = `${r.method} ${r.path}`;
    if (!/^\/([a-zA-Z0-9_-]+|\{[a-zA-Z0-9_]+\})(\/([a-zA-Z0-9_-]+|\{[a-zA-Z0-9_]+\}))*$/.test(r.path)) throw new UnsafeConfigError(scope, `invalid route path ${r.path}`);
    if (seen.has(key)) throw new UnsafeConfigError(scope, `duplicate route ${key}`);
    seen.add(key);
    return key;
  });
}

function checkThrottle(scope: Construct, throttle?: { readonly rateLimit: number; readonly burstLimit: number }): void {
  if (!throttle) return;
  requireIntInRange(scope, 'throttle.rateLimit', throttle.rateLimit, 1, 10000);
  requireIntInRange(scope, 'throttle.burstLimit', throttle.burstLimit, 1, 5000);
}

export interface ValidatedRestApiProps extends ClassifiedProps {
  readonly name: string;
  readonly routes: readonly ApiRoute[];
  /** Lambda proxy target for every route. */
  readonly handler: IamAuthFunction;
  /** Regional WAF ACL; one with AWS managed rules is created when absent. */
  readonly webAclArn?: string;
  readonly stageName?: string;
  /** COGNITO_USER_POOLS / CUSTOM need authorizerId. NONE is refused. */
  readonly authorization?: 'AWS_IAM' | 'COGNITO_USER_POOLS' | 'CUSTOM';
  readonly authorizerId?: string;
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  readonly accessLogRetentionDays?: number;
  readonly kmsKey?: HardenedKey;
  readonly provider?: TerraformProvider;
}

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId', ip: '$context.identity.sourceIp', caller: '$context.identity.caller', user: '$context.identity.user',
  requestTime: '$context.requestTime', httpMethod: '$context.httpMethod', resourcePath: '$context.resourcePath',
  status: '$context.status', protocol: '$context.protocol', responseLength: '$context.responseLength',
  validationError: '$context.error.validationErrorString', wafResponse: '$context.wafResponseCode',
});

/**
 * REST API where every method with a body is checked against a JSON Schema model by a request
 * validator before reaching code, the stage writes access logs to a bounded log group and
 * sits behind a WAF, and no method is anonymous.
 */
export class ValidatedRestApi extends Construct {
  readonly api: ApiGatewayRestApi;
  readonly stage: ApiGatewayStage;
  readonly validator: ApiGatewayRequestValidator;

  constructor(scope: Construct, id: string, props: ValidatedRestApiProps) {
    super(scope, id);
    const provider = props.provider;
    const routes = requireNonEmpty(this, 'routes', props.routes);
    const stageName = props.stageName ?? 'v1';
    if (!/^[a-zA-Z0-9_]{1,128}$/.test(stageName)) throw new UnsafeConfigError(this, `invalid stage name ${JSON.stringify(stageName)}`);
    const authorization = props.authorization ?? 'AWS_IAM';
    if (!['AWS_IAM', 'COGNITO_USER_POOLS', 'CUSTOM'].includes(authorization)) {
      throw new UnsafeConfigError(this, `authorization ${JSON.stringify(authorization)} is not allowed: methods must authenticate callers`);
    }
    if (authorization !== 'AWS_IAM' && !props.authorizerId) throw new UnsafeConfigError(this, `${authorization} authorization needs authorizerId`);
    const keys = routeKeys(this, routes);
    for (const [i, r] of routes.entries()) {
      const key = keys[i];
      if (BODY_METHODS.has(r.method) && !r.requestSchema) {
        throw new UnsafeConfigError(this, `${key} accepts a body but has no requestSchema: the request validator needs a model`);
      }
    }
    checkThrottle(this, props.throttle);

    this.api = new ApiGatewayRestApi(this, 'api', {
      provider,
      name: props.name,
      endpointConfiguration: { types: ['REGIONAL'] },
      tags: dataTags(this, props),
    });
    const apiRef = { provider, restApiId: this.api.id };
    this.validator = new ApiGatewayRequestValidator(this, 'validator', {
      ...apiRef,
      name: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    const resourceIds = new Map<string, string>([['', this.api.rootResourceId]]);
    const resourceFor = (path: string): string => {
      const segments = path.split('/').filter(Boolean);
      let prefix = '';
      for (const seg of segments) {
        const parent = resourceIds.get(prefix)!;
        prefix = `${prefix}/${seg}`;
        if (!resourceIds.has(prefix)) {
          const res = new ApiGatewayResource(this, `resource${prefix.replace(/[{}]/g, '')}`, { ...apiRef, parentId: parent, pathPart: seg });
          resourceIds.set(prefix, res.id);
        }
      }
      return resourceIds.get(prefix)!;
    };

    const dependencies: (ApiGatewayMethod | ApiGatewayIntegration)[] = [];
    for (const r of routes) {
      const slug = `${r.method.toLowerCase()}${r.path.replace(/[{}]/g, '').replace(/\//g, '-')}`;
      const resourceId = resourceFor(r.path);
      const model = r.requestSchema
        ? new ApiGatewayModel(this, `model-${slug}`, {
          ...apiRef,
          name: slug.replace(/[^a-zA-Z0-9]/g, ''),
          contentType: 'application/json',
          schema: JSON.stringify(r.requestSchema),
        })
        : undefined;
      const method = new ApiGatewayMethod(this, `method-${slug}`, {
        ...apiRef,
        resourceId,
        httpMethod: r.method,
        authorization,
        authorizerId: props.authorizerId,
        requestValidatorId: this.validator.id,
        requestModels: model ? { 'application/json': model.name } : undefined,
        requestParameters: r.requiredParameters ? Object.fromEntries(r.requiredParameters.map((p) => [p, true])) : undefined,
      });
      const integration = new ApiGatewayIntegration(this, `integration-${slug}`, {
        ...apiRef,
        resourceId,
        httpMethod: method.httpMethod,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: props.handler.fn.invokeArn,
      });
      dependencies.push(method, integration);
    }

    const deployment = new ApiGatewayDeployment(this, 'deployment', {
      ...apiRef,
      // Redeploy whenever the route table changes.
      triggers: { redeployment: createHash('sha256').update(JSON.stringify(routes)).digest('hex') },
      lifecycle: { createBeforeDestroy: true },
      dependsOn: dependencies,
    });
    const accessLogs = new BoundedLogGroup(this, 'access-logs', {
      name: `/aws/apigateway/${props.name}/${stageName}/access`,
      retentionDays: props.accessLogRetentionDays,
      kmsKey: props.kmsKey,
      classification: props.classification,
      tags: props.tags,
      provider,
    });
    this.stage = new ApiGatewayStage(this, 'stage', {
      ...apiRef,
      stageName,
      deploymentId: deployment.id,
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: ACCESS_LOG_FORMAT },
      tags: dataTags(this, props),
    });
    new ApiGatewayMethodSettings(this, 'method-settings', {
      ...apiRef,
      stageName: this.stage.stageName,
      methodPath: '*/*',
      // Full request/response tracing would copy request bodies (PII) into execution logs.
      settings: {
        metricsEnabled: true,
        loggingLevel: 'ERROR',
        dataTraceEnabled: false,
        throttlingRateLimit: props.throttle?.rateLimit ?? 100,
        throttlingBurstLimit: props.throttle?.burstLimit ?? 200,
      },
    });
    const webAclArn = props.webAclArn ?? new ManagedRulesWebAcl(this, 'waf', { scope: 'REGIONAL', name: `${props.name}-api`, provider }).arn;
    new Wafv2WebAclAssociation(this, 'waf-association', { provider, resourceArn: this.stage.arn, webAclArn });
    new LambdaPermission(this, 'invoke', {
      provider,
      action: 'lambda:InvokeFunction',
      functionName: props.handler.fn.functionName,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `${this.api.executionArn}/*/*`,
    });
  }

  /** Host name of the stage endpoint (for a CDN origin). */
  get domainName(): string {
    return `${this.api.id}.execute-api.${regionOf(this, this.api.provider)}.amazonaws.com`;
  }
}

// HTTP APIs have their own context variables (no resourcePath, validator or WAF fields).
const HTTP_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId', ip: '$context.identity.sourceIp', requestTime: '$context.requestTime', httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey', status: '$context.status', protocol: '$context.protocol', responseLength: '$context.responseLength',
  authorizerError: '$context.authorizer.error',
});

export interface AuthorizedHttpApiProps extends ClassifiedProps {
  readonly name: string;
  /** `GET /orders/{id}`-style routes, all sent to the handler. */
  readonly routes: readonly { readonly path: string; readonly method: HttpMethod }[];
  readonly handler: IamAuthFunction;
  /** JWT issuer (a Cognito user pool's `https://cognito-idp.<region>.amazonaws.com/<pool id>`, or an OIDC issuer) and the audiences it must name. */
  readonly jwt: { readonly issuer: string; readonly audience: readonly string[] };
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  readonly accessLogRetentionDays?: number;
  readonly kmsKey?: HardenedKey;
  readonly provider?: TerraformProvider;
}

/**
 * HTTP API (API Gateway v2) where every route requires a JWT from the shop's issuer (no
 * quick create, whose $default route no argument can authorize), and the stage writes access
 * logs to a bounded log group with throttling on.
 */
export class AuthorizedHttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly stage: Apigatewayv2Stage;
  readonly authorizer: Apigatewayv2Authorizer;

  constructor(scope: Construct, id: string, props: AuthorizedHttpApiProps) {
    super(scope, id);
    const provider = props.provider;
    const routes = requireNonEmpty(this, 'routes', props.routes);
    if (!/^https:\/\/\S+$/.test(props.jwt.issuer)) throw new UnsafeConfigError(this, `the JWT issuer must be an https URL, not ${JSON.stringify(props.jwt.issuer)}`);
    requireNonEmpty(this, 'jwt.audience', props.jwt.audience);
    checkThrottle(this, props.throttle);
    this.api = new Apigatewayv2Api(this, 'api', { provider, name: props.name, protocolType: 'HTTP', tags: dataTags(this, props) });
    const apiId = this.api.id;
    this.authorizer = new Apigatewayv2Authorizer(this, 'authorizer', {
      provider,
      apiId,
      name: `${props.name}-jwt`,
      authorizerType: 'JWT',
      identitySources: ['$request.header.Authorization'],
      jwtConfiguration: { issuer: props.jwt.issuer, audience: [...props.jwt.audience] },
    });
    const integration = new Apigatewayv2Integration(this, 'integration', {
      provider,
      apiId,
      integrationType: 'AWS_PROXY',
      integrationUri: props.handler.fn.invokeArn,
      payloadFormatVersion: '2.0',
    });
    const keys = routeKeys(this, routes);
    for (const [i, r] of routes.entries()) {
      const key = keys[i];
      new Apigatewayv2Route(this, `route-${r.method.toLowerCase()}${r.path.replace(/[{}]/g, '').replace(/\//g, '-')}`, {
        provider,
        apiId,
        routeKey: key,
        authorizationType: 'JWT',
        authorizerId: this.authorizer.id,
        target: `integrations/${integration.id}`,
      });
    }
    const accessLogs = new BoundedLogGroup(this, 'access-logs', {
      name: `/aws/apigateway/${props.name}/default/access`,
      retentionDays: props.accessLogRetentionDays,
      kmsKey: props.kmsKey,
      classification: props.classification,
      tags: props.tags,
      provider,
    });
    this.stage = new Apigatewayv2Stage(this, 'stage', {
      provider,
      apiId,
      name: '$default',
      autoDeploy: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: HTTP_ACCESS_LOG_FORMAT },
      defaultRouteSettings: { throttlingRateLimit: props.throttle?.rateLimit ?? 100, throttlingBurstLimit: props.throttle?.burstLimit ?? 200 },
      tags: dataTags(this, props),
    });
    new LambdaPermission(this, 'invoke', {
      provider,
      action: 'lambda:InvokeFunction',
      functionName: props.handler.fn.functionName,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `${this.api.executionArn}/*/*`,
    });
  }
}
