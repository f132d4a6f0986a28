// Methods and routes an OpenAPI document defines in an API's `body` (REST: aws_api_gateway_rest_api,
// HTTP: aws_apigatewayv2_api) passed in silence: nothing read the document (audit k1,
// terraform-aws-apigateway-v2 complete-http, whose GET /debug is open). Generated: OpenAPI 3
// and Swagger 2 documents, JSON or YAML, with random paths, verbs, security schemes of every
// kind (authorizers, auth types, OAuth2, OpenID Connect, plain API keys, undeclared names),
// requirements at the operation and the document level (empty lists, empty alternatives) and
// x-amazon-apigateway-auth; the compiled policy must report exactly the operations an
// independent reading of API Gateway's rules finds open, sorted, on their API (and, for a REST
// API, those only the document-level security covers, as not verifiable).
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { CompiledPolicy } from '../../src/evaluate/policy';
import type { PolicyInput } from '../../src/types/policy-input';
import { DATA, ruleFixtures, wasm } from './helpers';

type Kind = 'authorizer' | 'authtype' | 'oauth2' | 'oidc' | 'apikey';
const scheme = (kind: Kind): Record<string, unknown> =>
  ({
    authorizer: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authorizer': { type: 'request' } },
    authtype: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools' },
    oauth2: { type: 'oauth2', flows: {} },
    oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' },
    apikey: { type: 'apiKey', name: 'x-api-key', in: 'header' },
  })[kind];
const AUTHORIZERS: ReadonlySet<Kind> = new Set(['authorizer', 'authtype', 'oauth2', 'oidc']);
const VERBS = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'x-amazon-apigateway-any-method'] as const;

type Requirement = Record<string, string[]>;
interface Op {
  security?: Requirement[];
  auth?: 'NONE' | 'AWS_IAM' | 'CUSTOM';
}
interface Doc {
  swagger: boolean;
  schemes: Record<string, Kind>;
  security?: Requirement[];
  paths: Record<string, Partial<Record<(typeof VERBS)[number], Op>>>;
}

const names = ['s0', 's1', 's2', 'undeclared'];
const requirement = fc.oneof(fc.constant({}), fc.subarray(names, { minLength: 1, maxLength: 2 }).map((ns) => Object.fromEntries(ns.map((n) => [n, []]))));
const requirements = fc.array(requirement, { maxLength: 3 });
const op: fc.Arbitrary<Op> = fc.record({ security: requirements, auth: fc.constantFrom('NONE', 'AWS_IAM', 'CUSTOM') }, { requiredKeys: [] });
const doc: fc.Arbitrary<Doc> = fc.record({
  swagger: fc.boolean(),
  schemes: fc.dictionary(fc.constantFrom('s0', 's1', 's2'), fc.constantFrom<Kind>('authorizer', 'authtype', 'oauth2', 'oidc', 'apikey')),
  security: fc.option(requirements, { nil: undefined }),
  paths: fc.dictionary(
    fc.constantFrom('/orders', '/orders/{id}', '/debug', '/customers/{id}/addresses'),
    fc.dictionary(fc.constantFrom(...VERBS), op, { minKeys: 1 }),
    { minKeys: 1, maxKeys: 3 },
  ),
});

/** The document as API Gateway imports it. */
function render(d: Doc): Record<string, unknown> {
  const schemes = Object.fromEntries(Object.entries(d.schemes).map(([n, k]) => [n, scheme(k)]));
  const paths = Object.fromEntries(
    Object.entries(d.paths).map(([p, ops]) => [
      p,
      Object.fromEntries(
        Object.entries(ops).map(([verb, o]) => [verb, { responses: { 200: { description: 'ok' } }, ...(o.security ? { security: o.security } : {}), ...(o.auth ? { 'x-amazon-apigateway-auth': { type: o.auth } } : {}) }]),
      ),
    ]),
  );
  const top = d.security ? { security: d.security } : {};
  return d.swagger
    ? { swagger: '2.0', info: { title: 'shop', version: '1' }, securityDefinitions: schemes, ...top, paths }
    : { openapi: '3.0.1', info: { title: 'shop', version: '1' }, components: { securitySchemes: schemes }, ...top, paths };
}

/**
 * The operations anyone may call (`open`: not IAM by x-amazon-apigateway-auth, whose documented
 * types are NONE and AWS_IAM, and some alternative of the requirements in force names no
 * authorizer, or none is in force), and those only the document-level requirements secure
 * (`documentOnly`: a REST import applies security per method). OPTIONS is CORS preflight.
 */
function judge(d: Doc): { open: string[]; documentOnly: string[] } {
  const authorizes = (reqs: Requirement[]): boolean => reqs.length > 0 && reqs.every((r) => Object.keys(r).some((n) => n in d.schemes && AUTHORIZERS.has(d.schemes[n])));
  const open: string[] = [];
  const documentOnly: string[] = [];
  for (const [p, ops] of Object.entries(d.paths))
    for (const [verb, o] of Object.entries(ops)) {
      if (verb === 'options' || o.auth === 'AWS_IAM') continue;
      const name = `${verb === 'x-amazon-apigateway-any-method' ? 'ANY' : verb.toUpperCase()} ${p}`;
      if (o.security ? authorizes(o.security) : false) continue;
      if (!o.security && authorizes(d.security ?? [])) documentOnly.push(name);
      else open.push(name);
    }
  return { open: open.sort(), documentOnly: documentOnly.sort() };
}

// An input holding one API of `type` with `body`, cut from a rule fixture's (its index and scopes).
function withApi(template: PolicyInput, type: string, body: string): PolicyInput {
  const [key, r] = Object.entries(template.resources)[0];
  const address = `${type}.shop`;
  const api = { ...r, type, name: 'shop', address, key: `test/${address}`, values: { name: 'shop', body, ...(type === 'aws_apigatewayv2_api' ? { protocol_type: 'HTTP' } : {}) }, references: {}, referenced_by: [] };
  const resources = { [api.key]: api };
  void key;
  return { ...template, resources, by_type: { [type]: [api.key] }, by_mode: { managed: { [type]: [api.key] }, data: {} } } as PolicyInput;
}

let policy: CompiledPolicy;
let template: PolicyInput;
beforeAll(async () => {
  policy = await wasm();
  template = ruleFixtures().find(([id]) => id === 'aws-apigw-method-auth')![1];
});

const APIS = [
  { type: 'aws_api_gateway_rest_api', rule: 'aws-apigw-method-auth', kind: 'REST API', noun: 'methods', rest: true },
  { type: 'aws_apigatewayv2_api', rule: 'aws-apigwv2-route-auth', kind: 'API', noun: 'routes', rest: false },
] as const;

test('the open operations of a generated OpenAPI body are reported on its API, and no others', () => {
  fc.assert(
    // YAML as people write it, as yamlencode writes it (every key and string quoted: a text that
    // begins with a JSON string, which OPA's WebAssembly json.is_valid took for JSON), and ended by
    // a document marker (the WebAssembly YAML parser refuses a second, empty document; audit k4).
    fc.property(doc, fc.constantFrom(...APIS), fc.constantFrom('json', 'yaml', 'yaml-quoted', 'yaml-marker'), (d, api, format) => {
      const body =
        format === 'json'
          ? JSON.stringify(render(d))
          : format === 'yaml'
            ? stringify(render(d))
            : format === 'yaml-marker'
              ? `${stringify(render(d))}---\n`
              : stringify(render(d), { defaultKeyType: 'QUOTE_DOUBLE', defaultStringType: 'QUOTE_DOUBLE' });
      const found = policy.evaluate(withApi(template, api.type, body), DATA).findings.filter((f) => f.rule_id === api.rule);
      const { open, documentOnly } = judge(d);
      const expected = [
        ...(open.length > 0 ? [`API Gateway ${api.kind} ${api.type}.shop defines ${api.noun} in its OpenAPI document (body) that accept unauthenticated calls: ${open.join(', ')}`] : []),
        // An HTTP API applies the document-level requirements where an operation has none; a REST import does not.
        ...(api.rest && documentOnly.length > 0
          ? [`API Gateway REST API ${api.type}.shop leaves the authorization of methods in its OpenAPI document (body) to the document-level security, which a REST import does not apply to each method: ${documentOnly.join(', ')}; that they authenticate callers cannot be verified`]
          : []),
      ];
      expect(found.map((f) => f.message).sort()).toEqual(expected.sort());
    }),
    { numRuns: 300 },
  );
});

test('a body that cannot be read is reported as unverified, never passed', () => {
  for (const api of APIS)
    for (const [body, why] of [
      ['paths: [unclosed', 'is not an OpenAPI object in JSON or YAML'],
      ['"just a string"', 'is not an OpenAPI object in JSON or YAML'],
      ['${file("api.yaml")}', 'is unknown at plan time'],
    ] as const) {
      const found = policy.evaluate(withApi(template, api.type, body), DATA).findings.filter((f) => f.rule_id === api.rule);
      expect(found.map((f) => f.message)).toEqual([`API Gateway ${api.kind} ${api.type}.shop has an OpenAPI document (body) that ${why}; that its ${api.noun} authenticate callers cannot be verified`]);
    }
});
