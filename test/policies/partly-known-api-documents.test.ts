// An API's OpenAPI `body` whose integrations name a Lambda function the configuration creates
// (`uri = aws_lambda_function.f.invoke_arn`, an authorizer's authorizerUri) is unknown in a plan
// as a whole: only those ARNs wait for apply. Every such API was reported as "cannot be
// verified", the secured ones too, in the forms real code writes it (jsonencode, yamlencode, a
// local, a heredoc, templatefile of a JSON or YAML file: audit k2). HCL and a plan beside its folder now
// read the document with the ARN "(known after apply)"; a value only apply knows in what
// decides the security keeps it unverifiable, and so does a plan checked alone. Generated
// APIs, planned by a real offline `terraform plan`: HCL = plan beside = the expected verdict,
// the plan alone fails closed.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { check } from '../../src/check';
import { API_DOCUMENT_TYPES } from '../../src/load/plan-source';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Kind = 'rest' | 'http';
type Form = 'jsonencode' | 'yamlencode' | 'local' | 'heredoc' | 'templatefile-json' | 'templatefile-yaml';
interface Op {
  path: string;
  verb: 'get' | 'post' | 'delete';
  secured: boolean;
}
interface Api {
  kind: Kind;
  form: Form;
  ops: Op[];
}

const RULE: Record<Kind, string> = { rest: 'aws-apigw-method-auth', http: 'aws-apigwv2-route-auth' };
const TYPE: Record<Kind, string> = { rest: 'aws_api_gateway_rest_api', http: 'aws_apigatewayv2_api' };
const ARN = '${aws_lambda_function.orders.invoke_arn}';
// A computed attribute that is no identifier (audit k4: a JWT issuer from a user pool's endpoint).
const ISSUER = 'https://${aws_cognito_user_pool.users.endpoint}';

/** The document, every computed value written as `ARN`: a Lambda authorizer (REST) or a JWT one (HTTP). */
function document(api: Api): Record<string, unknown> {
  const integration = { 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: ARN, payloadFormatVersion: api.kind === 'http' ? '2.0' : undefined } };
  const authorizer =
    api.kind === 'rest'
      ? { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'custom', 'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: ARN } }
      : { type: 'oauth2', 'x-amazon-apigateway-authorizer': { type: 'jwt', identitySource: '$request.header.Authorization', jwtConfiguration: { issuer: ISSUER, audience: ['shop'] } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of api.ops) (paths[op.path] ??= {})[op.verb] = { ...integration, ...(op.secured ? { security: [{ shopauth: [] }] } : {}) };
  return JSON.parse(JSON.stringify({ openapi: '3.0.1', info: { title: 'orders', version: '1' }, paths, components: { securitySchemes: { shopauth: authorizer } } }));
}

/** HCL object syntax of a JSON value, `ARN` written as the reference. */
function hcl(v: unknown): string {
  if (v === ARN) return 'aws_lambda_function.orders.invoke_arn';
  if (v === ISSUER) return JSON.stringify(ISSUER);
  if (Array.isArray(v)) return `[${v.map(hcl).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{\n${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)} = ${hcl(x)}`).join('\n')}\n}`;
  return JSON.stringify(v);
}

const PROVIDER =
  'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}';
const VARS = '{ lambda = aws_lambda_function.orders.invoke_arn, issuer = aws_cognito_user_pool.users.endpoint }';
const LAMBDA = [
  'resource "aws_cognito_user_pool" "users" {\n  name = "shop-users"\n}',
  'resource "aws_iam_role" "fn" {\n  name = "orders-fn"\n  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })\n}',
  'resource "aws_lambda_function" "orders" {\n  function_name = "orders"\n  role          = aws_iam_role.fn.arn\n  handler       = "index.handler"\n  runtime       = "nodejs20.x"\n  filename      = "orders.zip"\n}',
];

function folder(apis: Api[]): { files: Record<string, string>; subjects: string[] } {
  const parts = [PROVIDER, ...LAMBDA];
  const files: Record<string, string> = { 'orders.zip': '' };
  const subjects: string[] = [];
  apis.forEach((api, i) => {
    const doc = document(api);
    let body: string;
    switch (api.form) {
      case 'jsonencode':
        body = `jsonencode(${hcl(doc)})`;
        break;
      case 'yamlencode':
        body = `yamlencode(${hcl(doc)})`;
        break;
      case 'local':
        parts.push(`locals {\n  api${i} = ${hcl(doc)}\n}`);
        body = `jsonencode(local.api${i})`;
        break;
      case 'heredoc':
        body = `<<EOT\n${JSON.stringify(doc, null, 2)}\nEOT`;
        break;
      case 'templatefile-json':
        files[`api${i}.json`] = JSON.stringify(doc, null, 2).split(ARN).join('${lambda}').split(ISSUER).join('https://${issuer}');
        body = `templatefile("\${path.module}/api${i}.json", ${VARS})`;
        break;
      case 'templatefile-yaml':
        files[`api${i}.yml`] = stringify(doc).split(ARN).join('${lambda}').split(ISSUER).join('https://${issuer}');
        body = `templatefile("\${path.module}/api${i}.yml", ${VARS})`;
        break;
    }
    const protocol = api.kind === 'http' ? '\n  protocol_type = "HTTP"' : '';
    parts.push(`resource "${TYPE[api.kind]}" "a${i}" {\n  name = "orders-${i}"${protocol}\n  body = ${body}\n}`);
    subjects.push(`${TYPE[api.kind]}.a${i}`);
  });
  return { files: { ...files, 'main.tf': parts.join('\n\n') + '\n' }, subjects };
}

/** Each API's verdict: 'open: <operations>', 'unverified' or 'secured' (no finding). */
async function verdicts(path: string, apis: Api[], subjects: string[]): Promise<{ of: string[]; findings: string[] }> {
  const { decision } = await check([path], { today: '2026-11-28' });
  const of = subjects.map((subject, i) => {
    const f = decision.findings.find((x) => x.rule_id === RULE[apis[i].kind] && x.resource.address === subject);
    if (!f) return 'secured';
    if (f.message.includes('cannot be verified')) return 'unverified';
    return `open: ${f.message.split('unauthenticated calls: ')[1]}`;
  });
  return { of, findings: decision.findings.map((f) => `${f.rule_id} ${f.resource.address} ${f.message}`).sort() };
}

/** What API Gateway makes of the document: the operations without the authorizer, sorted. */
function expected(api: Api): string {
  const open = [...new Set(api.ops.filter((o) => !o.secured).map((o) => `${o.verb.toUpperCase()} ${o.path}`))].sort();
  return open.length === 0 ? 'secured' : `open: ${open.join(', ')}`;
}

const op = fc.record({ path: fc.constantFrom('/orders', '/orders/{id}', '/debug'), verb: fc.constantFrom<Op['verb']>('get', 'post', 'delete'), secured: fc.boolean() });
// One operation per path and verb (a later one would replace an earlier one in the document).
const ops = fc.uniqueArray(op, { minLength: 1, maxLength: 4, selector: (o) => `${o.verb} ${o.path}` });
const api: fc.Arbitrary<Api> = fc.record({
  kind: fc.constantFrom<Kind>('rest', 'http'),
  form: fc.constantFrom<Form>('jsonencode', 'yamlencode', 'local', 'heredoc', 'templatefile-json', 'templatefile-yaml'),
  ops,
});

describe('OpenAPI bodies with ARNs only apply knows', () => {
  test('HCL: a value only apply knows where the security is decided, or a variable without a value, keeps the document unverifiable', async () => {
    await fc.assert(
      fc.asyncProperty(api, fc.constantFrom('scheme-from-resource', 'variable'), async (a, opaque) => {
        const { files, subjects } = folder([{ ...a, ops: a.ops.map((o) => ({ ...o, secured: true })) }]);
        // The requirement names the scheme by what only apply (or the caller) knows.
        const by = opaque === 'variable' ? 'var.scheme' : 'aws_iam_role.fn.id';
        const main = files['main.tf'].replace(/"shopauth" = \[\]/g, `(${by}) = []`).replace(/"shopauth": \[\]/g, `"\${${by}}": []`);
        const withVar = `${main}\nvariable "scheme" {\n  type = string\n}\n`;
        const tplVars = (s: string): string => s.split(VARS).join(`{ lambda = aws_lambda_function.orders.invoke_arn, issuer = aws_cognito_user_pool.users.endpoint, scheme = ${by} }`);
        const inFile = (k: string, v: string): string => (k.endsWith('.json') ? v.replace(/"shopauth": \[\]/g, '"${scheme}": []') : k.endsWith('.yml') ? v.replace(/shopauth: \[\]/g, '${scheme}: []') : v);
        const tree = { ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, inFile(k, v)])), 'main.tf': tplVars(withVar) };
        expect((await verdicts(writeTree(tree), [a], subjects)).of).toEqual(['unverified']);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  (tf.ok ? test : test.skip)(
    `HCL and the plan beside its folder read them, the ARN "(known after apply)"; the plan alone fails closed (${tf.ok ? 'terraform plan' : `skipped: ${tf.ok ? '' : tf.reason}`})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(api, { minLength: 6, maxLength: 6 }), async (apis) => {
          const { files, subjects } = folder(apis);
          const want = apis.map(expected);
          const hclSide = await verdicts(writeTree(files), apis, subjects);
          expect(hclSide.of).toEqual(want);
          const beside = planFolder(files, tf.ok ? tf.mirror : '');
          const planned = await verdicts(beside, apis, subjects);
          expect(planned.of).toEqual(want);
          expect(planned.findings).toEqual(hclSide.findings);
          const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
          copyFileSync(beside, alone);
          expect((await verdicts(alone, apis, subjects)).of).toEqual(apis.map(() => 'unverified'));
        }),
        // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
        { numRuns: 3, endOnFailure: true },
      );
    },
    300_000,
  );
});

// The HCL evaluator and the plan reader read the same resources' bodies.
test('the Go evaluator and the plan reader agree on the API document types', () => {
  const go = readFileSync(join(__dirname, '..', '..', 'hcl-eval', 'partial.go'), 'utf8');
  const types = /var apiDocumentTypes = map\[string\]bool\{([^}]*)\}/.exec(go)?.[1] ?? '';
  expect([...types.matchAll(/"([a-z0-9_]+)": true/g)].map((m) => m[1]).sort()).toEqual([...API_DOCUMENT_TYPES].sort());
});
