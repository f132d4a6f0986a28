// An OpenAPI body in YAML that expands aliases without end (a "billion laughs" document) or
// nests deeply made the YAML library our engine calls throw, and the whole evaluation failed
// ("internal error", exit 2) where OPA's Go engine refuses the text as YAML. Generated: alias
// bombs of every width and depth, deeply nested sequences and mappings, beside a plain
// document, as REST and HTTP API bodies in one input: the evaluation completes, and each API's
// findings are `opa eval`'s, or ours refuses a body it reads (reported not verifiable: the two
// YAML parsers set their limits differently), never reads one it refuses or reads it otherwise.
// (Flow nesting past 512 levels is refused before the library sees it: its overflow error took
// seconds to build, 20 s for 20000 levels under Jest.)
import fc from 'fast-check';
import type { CompiledPolicy } from '../../src/evaluate/policy';
import type { PolicyInput, Resource } from '../../src/types/policy-input';
import { DATA, opaDecision, ruleFixtures, wasm } from './helpers';

const bomb = fc
  .record({
    width: fc.integer({ min: 1, max: 9 }),
    depth: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ width, depth }) => {
    const names = Array.from({ length: depth + 1 }, (_, i) => `l${i}`);
    const lines = [`${names[0]}: &${names[0]} [${Array(width).fill('"lol"').join(', ')}]`];
    for (let i = 1; i <= depth; i++)
      lines.push(
        `${names[i]}: &${names[i]} [${Array(width)
          .fill(`*${names[i - 1]}`)
          .join(', ')}]`,
      );
    return [...lines, 'openapi: "3.0.1"', 'info: {title: shop, version: "1"}', 'paths:', '  /orders:', '    get:', '      responses: {"200": {description: ok}}'].join('\n');
  });
const nested = fc
  .record({ depth: fc.integer({ min: 10, max: 20000 }), flow: fc.boolean() })
  .map(({ depth, flow }) =>
    flow
      ? `openapi: "3.0.1"\npaths: {}\nx: ${'['.repeat(depth)}${']'.repeat(depth)}`
      : `openapi: "3.0.1"\npaths: {}\n${Array.from({ length: Math.min(depth, 3000) }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1`,
  );
const plain = fc.constant('openapi: "3.0.1"\ninfo: {title: shop, version: "1"}\npaths:\n  /orders:\n    get:\n      responses: {"200": {description: ok}}');

let policy: CompiledPolicy;
let template: PolicyInput;
beforeAll(async () => {
  policy = await wasm();
  template = ruleFixtures().find(([id]) => id === 'aws-apigw-method-auth')![1];
});

function inputOf(bodies: string[]): PolicyInput {
  const base = Object.values(template.resources)[0];
  const resources: Record<string, Resource> = {};
  bodies.forEach((body, i) => {
    const type = i % 2 === 0 ? 'aws_api_gateway_rest_api' : 'aws_apigatewayv2_api';
    const address = `${type}.a${i}`;
    resources[`test/${address}`] = {
      ...base,
      type,
      name: `a${i}`,
      address,
      key: `test/${address}`,
      values: {
        name: `a${i}`,
        body,
        ...(i % 2 ? { protocol_type: 'HTTP' } : {}),
      },
      references: {},
      referenced_by: [],
    } as Resource;
  });
  const of = (t: string) => Object.keys(resources).filter((k) => resources[k].type === t);
  const byType = {
    aws_api_gateway_rest_api: of('aws_api_gateway_rest_api'),
    aws_apigatewayv2_api: of('aws_apigatewayv2_api'),
  };
  return {
    ...template,
    resources,
    by_type: byType,
    by_mode: { managed: byType, data: {} },
  } as PolicyInput;
}

test('YAML bodies that expand or nest without end are refused as YAML, never fail the evaluation, never read where opa eval refuses them', () => {
  let refusedByBoth = 0;
  let refusedByOurs = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof(bomb, nested, plain), { minLength: 6, maxLength: 12 }), (bodies) => {
      const input = inputOf(bodies);
      const ours = policy.evaluate(input, DATA);
      const theirs = opaDecision(input, DATA);
      bodies.forEach((_b, i) => {
        const address = `${i % 2 === 0 ? 'aws_api_gateway_rest_api' : 'aws_apigatewayv2_api'}.a${i}`;
        const on = (d: typeof ours): string[] =>
          d.findings
            .filter((f) => f.resource.address === address)
            .map((f) => f.message)
            .sort();
        const refusal = (m: string): boolean => m.includes('is not an OpenAPI object in JSON or YAML');
        if (JSON.stringify(on(ours)) === JSON.stringify(on(theirs))) {
          if (on(ours).some(refusal)) refusedByBoth++;
          return;
        }
        refusedByOurs++;
        expect(on(ours).length).toBe(1);
        expect(refusal(on(ours)[0])).toBe(true);
      });
    }),
    { numRuns: 8 },
  );
  process.stdout.write(`yaml bodies: ${refusedByBoth} refused by both engines, ${refusedByOurs} read by opa eval and refused by ours\n`);
  expect(refusedByBoth).toBeGreaterThan(0);
});
