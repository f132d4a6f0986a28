// JSON documents held in strings (IAM policies, OpenAPI bodies) must read alike in OPA's Go
// engine and its WebAssembly (ours). The WebAssembly parser took a text that merely begins
// with a JSON value as that value ('{…s3:GetObject…} {…"Action": "*"…}' passed as its first
// policy where `opa eval` and AWS refuse the text), numbers such as "1." and arrays without
// commas ('[{…} {…}]'), and crashed the evaluation on 'true false' or a lone surrogate escape
// ("internal error"). Generated: policies and bodies serialized every way JSON allows, with
// text before, after or instead of them, malformed numbers and arrays written into them, and
// strings holding lone and paired surrogates (raw or escaped) and escaped backslashes; one
// input per run holds many. The IAM decision must be the WASM's and `opa eval`'s alike, and
// independently of both engines a policy is read where the whole text is one JSON value whose
// strings hold no lone surrogate (and no escaped backslash shares it with a surrogate escape:
// not read, as counting escapes cannot tell them apart), and judged; any other is reported
// unreadable. A body that is not JSON goes to the two YAML parsers, which differ at the
// edges: ours may refuse more (not verifiable), never read more or otherwise.
import fc from 'fast-check';
import type { CompiledPolicy } from '../../src/evaluate/policy';
import type { PolicyInput, Resource } from '../../src/types/policy-input';
import { DATA, canonical, opaDecision, ruleFixtures, wasm } from './helpers';

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.constantFrom('*', 's3:*', 's3:GetObject'),
  Resource: fc.constantFrom('*', 'arn:aws:s3:::orders/*'),
  Sid: fc.oneof(
    fc.string({ unit: 'binary', maxLength: 6 }),
    // Backslashes and the letters of a \uXXXX escape, so the text holds escaped backslashes before them.
    fc.string({
      unit: fc.constantFrom('\\', 'u', 'd', '8', 'D', 'c', '0', 'a', '\ud83d', '\ude00', '\ud800', '\udc00'),
      maxLength: 8,
    }),
  ),
});
const policyDoc = fc.record({
  Version: fc.constant('2012-10-17'),
  Statement: fc.array(statement, { minLength: 1, maxLength: 2 }),
});

/** Astral characters written as escaped surrogate pairs (JSON.stringify escapes only lone halves). */
const escapePairs = (text: string, upper: boolean): string =>
  text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, (m) => [...m].map((c) => `\\u${c.charCodeAt(0).toString(16)[upper ? 'toUpperCase' : 'toLowerCase']()}`).join(''));

// Numbers the WebAssembly parser took and Go refuses ("1.", "1e", "2.e3"), and good ones.
const NUMBERS = ['1.', '1e', '1E+', '2.e3', '-', '01', '1.5', '-0', '3e2', '1.5e+3', '1e400', '0.25'];
const withNumber = fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom('key', 'array', 'condition')).map(([n, where]) => ({ n, where }));

// Arrays the WebAssembly parser took without commas, or with one after the last element.
const ARRAYS = ['[{} {}]', '[1 2]', '["x" "y"]', '["x""y"]', '[[] []]', '[true false]', '[1,]', '[{},]', '[1, 2]', '["a, b", "c"]', '[]', '[" ", ""]'];

const JUNK = [' x', '}', ']', ',0]', '] ,{"v":1}', ' {"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', ' true', '\f', '\u00a0', '\ufeff', ',', ' null'];
const around = fc.oneof(fc.constant(''), fc.constantFrom(' ', '\n', '\t', '\r\n  '), fc.constantFrom(...JUNK), fc.string({ maxLength: 4 }));

const text: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(policyDoc, fc.constantFrom(undefined, 1, 2, '\t'), fc.boolean(), fc.boolean(), around, around, fc.option(withNumber), fc.option(fc.constantFrom(...ARRAYS)))
    .map(([doc, indent, escape, upper, before, after, number, array]) => {
      let json = JSON.stringify(doc, null, indent);
      // A number written into the text as it stands (JSON.stringify would correct it).
      if (number) {
        const at = {
          key: `"Size":${number.n},`,
          array: `"Sizes":[0,${number.n}],`,
          condition: `"Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":${number.n}}},`,
        }[number.where];
        json = json.replace('{', `{${at}`);
      }
      if (array) json = json.replace('{', `{"Tags":${array},`);
      return `${before}${escape ? escapePairs(json, upper) : json}${after}`;
    }),
  // Any JSON value, two of them in a row (the WebAssembly crashed on 'true false'), any text.
  fc.json(),
  fc.tuple(fc.json(), fc.constantFrom(' ', '', ',', '\n'), fc.json()).map(([a, sep, b]) => `${a}${sep}${b}`),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const hasLone = (v: unknown): boolean =>
  typeof v === 'string'
    ? /(^|[^\ud800-\udbff])[\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])/.test(v)
    : Array.isArray(v)
      ? v.some(hasLone)
      : v !== null && typeof v === 'object'
        ? Object.entries(v).some(([k, x]) => hasLone(k) || hasLone(x))
        : false;

/** The value the text holds where the policy is to read it, or undefined (unreadable). */
function read(t: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return undefined;
  }
  // JSON.parse takes \f, U+00A0 and a BOM as neither whitespace nor value: refused above, as Go refuses them.
  if (hasLone(value) || (t.includes('\\\\') && /\\u[dD][89a-fA-F]/.test(t))) return undefined;
  return { value };
}

/** An Allow of "*" or "s3:*" on Resource "*" in a read policy object. */
function wildcard(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const statements = (v as { Statement?: unknown }).Statement;
  return (Array.isArray(statements) ? statements : [statements]).some((s) => s && typeof s === 'object' && s.Effect === 'Allow' && ['*', 's3:*'].includes(s.Action) && s.Resource === '*');
}

let policy: CompiledPolicy;
let iamTemplate: Resource;
let apiTemplate: PolicyInput;
beforeAll(async () => {
  policy = await wasm();
  iamTemplate = Object.values(ruleFixtures().find(([id]) => id === 'aws-iam-wildcard-action')![1].resources)[0];
  apiTemplate = ruleFixtures().find(([id]) => id === 'aws-apigw-method-auth')![1];
});

/** One input: an IAM policy and a REST API (its body) per text, cut from the rule fixtures. */
function inputOf(texts: string[]): PolicyInput {
  const resources: Record<string, Resource> = {};
  const apiBase = Object.values(apiTemplate.resources)[0];
  texts.forEach((t, i) => {
    const p = {
      ...iamTemplate,
      name: `p${i}`,
      address: `aws_iam_policy.p${i}`,
      key: `test/aws_iam_policy.p${i}`,
      values: { name: `p${i}`, policy: t },
    };
    const a = {
      ...apiBase,
      type: 'aws_api_gateway_rest_api',
      name: `a${i}`,
      address: `aws_api_gateway_rest_api.a${i}`,
      key: `test/aws_api_gateway_rest_api.a${i}`,
      values: { name: `a${i}`, body: t },
      references: {},
      referenced_by: [],
    };
    resources[p.key] = p as Resource;
    resources[a.key] = a as Resource;
  });
  const keys = (type: string) => Object.keys(resources).filter((k) => resources[k].type === type);
  const byType = {
    aws_iam_policy: keys('aws_iam_policy'),
    aws_api_gateway_rest_api: keys('aws_api_gateway_rest_api'),
  };
  return {
    ...apiTemplate,
    resources,
    by_type: byType,
    by_mode: { managed: byType, data: {} },
  } as PolicyInput;
}

test('JSON texts read alike in the WASM and opa eval, and a policy is read only where the whole text is one JSON value', () => {
  let read_ = 0;
  let refused = 0;
  let yamlRefused = 0;
  fc.assert(
    fc.property(fc.array(text, { minLength: 20, maxLength: 40 }), (texts) => {
      const input = inputOf(texts);
      const fromWasm = policy.evaluate(input, DATA);
      const fromOpa = opaDecision(input, DATA);
      // Findings first, each with its text (readable where they differ), then the whole decision.
      const lines = (d: typeof fromWasm, kind: string): string[] =>
        d.findings
          .filter((f) => f.resource.type === kind)
          .map((f) => `${f.resource.address} ${f.rule_id} ${f.message} ← ${JSON.stringify(texts[Number(/\d+$/.exec(f.resource.address)![0])])}`)
          .sort();
      expect(lines(fromWasm, 'aws_iam_policy')).toEqual(lines(fromOpa, 'aws_iam_policy'));
      // Every field of the policies' findings (the summary also counts the APIs'; see below).
      const iamOnly = (d: typeof fromWasm): string =>
        canonical({
          ...d,
          findings: d.findings.filter((f) => f.resource.type === 'aws_iam_policy'),
          summary: fromWasm.summary,
        });
      expect(iamOnly(fromWasm)).toEqual(iamOnly(fromOpa));
      // A body that is not JSON goes to the YAML parsers, which differ at the edges (a flow
      // mapping followed by '#': Go reads it, the WebAssembly refuses it). Ours may refuse more
      // (reported as not verifiable), never read more or otherwise.
      texts.forEach((_t, i) => {
        const address = `aws_api_gateway_rest_api.a${i}`;
        const on = (d: typeof fromWasm): string[] => d.findings.filter((f) => f.resource.address === address).map((f) => f.message);
        if (JSON.stringify(on(fromWasm)) === JSON.stringify(on(fromOpa))) return;
        yamlRefused++;
        expect(on(fromWasm)).toEqual([
          `API Gateway REST API ${address} has an OpenAPI document (body) that is not an OpenAPI object in JSON or YAML; that its methods authenticate callers cannot be verified`,
        ]);
        expect(read(texts[i])).toBeUndefined();
      });
      texts.forEach((t, i) => {
        const on = fromWasm.findings.filter((f) => f.resource.address === `aws_iam_policy.p${i}`).map((f) => f.rule_id);
        const r = read(t);
        if (r) read_++;
        else if (t !== '') refused++;
        expect({
          text: t,
          wildcard: on.includes('aws-iam-wildcard-action'),
          unreadable: on.includes('aws-iam-policy-unreadable'),
        }).toEqual({
          text: t,
          wildcard: r !== undefined && wildcard(r.value),
          // The provider takes an empty policy as none (absent, another rule's concern).
          unreadable: r === undefined && t !== '',
        });
      });
    }),
    { numRuns: 12 },
  );
  process.stdout.write(`json texts: ${read_} read, ${refused} refused as not one JSON value; ${yamlRefused} bodies opa eval read as YAML and ours refused\n`);
  expect(read_).toBeGreaterThan(50);
  expect(refused).toBeGreaterThan(50);
});
