// User text reaches OPA's built-ins: IAM actions and OpenSearch Serverless resource patterns
// become glob.match patterns, security group, network ACL and NSG address ranges go to
// net.cidr_intersects and net.cidr_contains. OPA's WebAssembly (ours) and its Go engine read
// such text apart at the edges (an unbalanced "{" or a trailing "\" matched in one and was an
// error in the other; "1.2.3.4/32/1" was a block to one only), and its regex cache deleted an
// expression it was about to reuse once it held 100 (every glob is a regex of its own): 60
// role policies with a few hundred distinct actions made the evaluation hang, crash, or claim
// the input too large. Generated: address ranges and AWS patterns of every shape, hundreds
// per input, written into the rules' fixtures; the WASM's decision (in a child process, so a
// hang fails the test) must be `opa eval`'s, byte for byte.
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decision } from '../../src/types/decision';
import type { PolicyInput } from '../../src/types/policy-input';
import { DATA, canonical, opaDecision, ruleFixtures } from './helpers';

const FIXTURES = ['aws-sg-internet-ingress', 'aws-nacl-admin-ports', 'azure-nsg-internet-ingress', 'aws-iam-passrole-wildcard', 'aws-iam-wildcard-action', 'aws-opensearchserverless-public'];

// Address ranges: well formed and not, with the text AWS and Azure refuse around them.
const cidr = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '8', '9', '.', '.', ':', ':', '/', '/', 'f', 'a', 'x', ' ', '-', '+', '%', '3', '6', '4'), maxLength: 16 }),
  fc
    .tuple(
      fc.constantFrom('0.0.0.0', '1.2.3.4', '64.0.0.0', '128.0.0.0', '256.1.1.1', '1.2.3', '::', '2000::', '::ffff:0.0.0.0', '2001:db8::1', 'fe80::1%eth0', '1:2:3:4:5:6:7:8', '1::2::3', '0000:0000::', '01.2.3.4'),
      fc.constantFrom('/0', '/1', '/2', '/7', '/8', '/32', '/33', '/128', '/129', '', '/', '/01', '/-1', '/+1', '/ 1', '/1/1', '/00', '/0/1', '/1x'),
      fc.constantFrom('', '', ' ', '\n', 'x', '/1'),
    )
    .map(([a, b, c]) => a + b + c),
);

// AWS patterns: action names from IAM's words, and any text of the glob's metacharacters.
const action = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('s3', 'iam', 'ec2', 'lambda', 'kms', 'sts', 'dynamodb'),
      fc.constantFrom('Get', 'Put', 'List', 'Pass', 'Create', 'Delete', 'Update', 'Attach', ''),
      fc.constantFrom('Object', 'Bucket', 'Policy', 'Role', 'Key', 'Function', 'Table', 'User', ''),
      fc.constantFrom('', '*', '?', 's', '[', '{', '\\', '}', ']', '{a,b}', '[!x]'),
    )
    .map(([s, v, n, end]) => `${s}:${v}${n}${end}`),
  fc.string({ unit: fc.constantFrom('a', 'b', 's', '3', ':', '*', '?', '[', ']', '{', '}', ',', '\\', '!', '-', '.', '/'), maxLength: 10 }),
);
const collection = fc.tuple(fc.constantFrom('collection/', 'collection/ord', ''), fc.string({ unit: fc.constantFrom('o', 'r', 'd', '*', '?', '[', ']', '{', '}', ',', '\\', '-'), maxLength: 8 })).map(([a, b]) => a + b);

// Every address range and pattern in the value, replaced by the next generated one.
function rewrite(v: unknown, next: { cidr: () => string; action: () => string; collection: () => string }): unknown {
  if (typeof v === 'string') {
    if (/^[0-9a-f:.]+\/[0-9]+$/i.test(v)) return next.cidr();
    if (v.startsWith('{') || v.startsWith('[')) {
      try {
        const doc = JSON.parse(v) as unknown;
        return JSON.stringify(rewriteDoc(doc, next));
      } catch {
        return v;
      }
    }
    return v;
  }
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' && /^[0-9a-f:.]+\/[0-9]+$/i.test(x) ? [next.cidr(), next.cidr(), next.cidr()] : [rewrite(x, next)]));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x, next)]));
  return v;
}

// IAM statements get many actions; OpenSearch Serverless rules many resource patterns.
function rewriteDoc(doc: unknown, next: { action: () => string; collection: () => string }): unknown {
  if (Array.isArray(doc)) return doc.map((d) => rewriteDoc(d, next));
  if (!doc || typeof doc !== 'object') return doc;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(doc)) {
    if (k === 'Action') out[k] = Array.from({ length: 120 }, () => next.action());
    else if (k === 'Resource' && (doc as Record<string, unknown>).ResourceType) out[k] = Array.from({ length: 40 }, () => next.collection());
    else out[k] = rewriteDoc(x, next);
  }
  return out;
}

/** One input holding every fixture's resources (their keys do not collide). */
function merged(inputs: PolicyInput[]): PolicyInput {
  const [first] = inputs;
  const byType: Record<string, string[]> = {};
  const data: Record<string, string[]> = {};
  for (const i of inputs) {
    for (const [t, keys] of Object.entries(i.by_mode.managed)) byType[t] = [...(byType[t] ?? []), ...keys];
    for (const [t, keys] of Object.entries(i.by_mode.data)) data[t] = [...(data[t] ?? []), ...keys];
  }
  return {
    ...first,
    resources: Object.assign({}, ...inputs.map((i) => i.resources)),
    by_type: { ...byType, ...data },
    by_mode: { managed: byType, data },
  } as PolicyInput;
}

/** The WASM's decision, evaluated in a child process: a hang or a crash fails here. */
function wasmDecision(input: PolicyInput, dir: string): Decision {
  const file = join(dir, 'input.json');
  writeFileSync(file, JSON.stringify(input));
  const script = `
    const { loadCompiledPolicy } = require(${JSON.stringify(join(__dirname, '../../dist/src/evaluate/policy.js'))});
    const input = JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'));
    loadCompiledPolicy().then((p) => process.stdout.write(JSON.stringify(p.evaluate(input, ${JSON.stringify(DATA)}))));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 })) as Decision;
}

test('address ranges and AWS patterns of every shape: the WASM decides as opa eval does, and completes', () => {
  const templates = new Map(ruleFixtures());
  const missing = FIXTURES.filter((f) => !templates.has(f));
  expect(missing).toEqual([]);
  const keys = FIXTURES.flatMap((f) => Object.keys(templates.get(f)!.resources));
  expect(new Set(keys).size).toBe(keys.length);
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-builtins-'));
  let findings = 0;
  try {
    fc.assert(
      fc.property(fc.array(cidr, { minLength: 200, maxLength: 200 }), fc.array(action, { minLength: 600, maxLength: 600 }), fc.array(collection, { minLength: 200, maxLength: 200 }), (cidrs, actions, collections) => {
        const take = <T>(xs: T[]) => {
          let i = 0;
          return () => xs[i++ % xs.length];
        };
        const next = { cidr: take(cidrs), action: take(actions), collection: take(collections) };
        const input = merged(
          FIXTURES.map((f) => {
            const t = templates.get(f)!;
            return { ...t, resources: Object.fromEntries(Object.entries(t.resources).map(([k, r]) => [k, { ...r, values: rewrite(r.values, next) }])) } as PolicyInput;
          }),
        );
        const ours = wasmDecision(input, dir);
        findings += ours.findings.length;
        expect(canonical(ours)).toBe(canonical(opaDecision(input, DATA)));
      }),
      { numRuns: 6 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`builtin strings: 6 inputs of 200 address ranges, 600 IAM actions, 200 collection patterns; ${findings} findings, each opa eval's\n`);
  expect(findings).toBeGreaterThan(0);
}, 900_000);
