import { buildLeakyApp } from '../stacks/leaky';
import { LEAKY_PATTERNS } from '../stacks/leaky/common';
import { check } from '../src/check';
import { SHOP_CONFIG, synth } from './helpers';

// Every seed failure pattern is blocked by the control it breaks, and by nothing else.
describe('failure-pattern fixtures', () => {
  let byStack: Map<string, Array<{ control: string; rule: string; blocking: boolean; enforcement: string }>>;
  let stacks: string[];

  beforeAll(async () => {
    const out = synth((app) => buildLeakyApp(app));
    const { input, decision } = await check([out], { configPath: SHOP_CONFIG, today: '2026-11-28' });
    stacks = Object.keys(input.stacks);
    byStack = new Map();
    for (const f of decision.findings) {
      const list = byStack.get(f.resource.stack) ?? [];
      list.push({ control: f.control, rule: f.rule_id, blocking: f.blocking, enforcement: f.enforcement });
      byStack.set(f.resource.stack, list);
    }
  });

  test('there is one fixture per seed failure and every stack belongs to one', () => {
    expect(Object.keys(LEAKY_PATTERNS)).toHaveLength(43);
    const declared = Object.values(LEAKY_PATTERNS).flatMap((p) => [...p.stacks]).sort();
    expect(stacks.sort()).toEqual(declared);
  });

  test.each(Object.entries(LEAKY_PATTERNS))('%s is reported under exactly its control(s)', (_name, pattern) => {
    for (const stack of pattern.stacks) {
      const findings = byStack.get(stack) ?? [];
      expect(findings.length).toBeGreaterThan(0);
      expect([...new Set(findings.map((f) => f.control))].sort()).toEqual([...pattern.controls].sort());
    }
  });

  // Mistakes added to a fixture of their control show up under their own rule, not just the control.
  test.each([
    ['leaky-public-unencrypted-db-backup', 'aws-dynamodb-replica-protection'],
    ['leaky-public-unencrypted-db-backup', 'aws-cognito-deletion-protection'],
    ['leaky-wildcard-iam', 'aws-cognito-unauthenticated-identities'],
    ['leaky-public-unencrypted-db-backup', 'aws-neptune-graph-deletion-protection'],
    ['leaky-unencrypted-graph-db', 'aws-neptune-graph-public'],
    ['leaky-unencrypted-graph-db', 'aws-neptune-graph-cmk'],
    ['leaky-public-warehouse', 'aws-timestream-influxdb-public'],
    ['leaky-no-central-audit-correlation', 'aws-lb-access-logs'],
    ['leaky-api-no-input-validation', 'aws-lb-drop-invalid-headers'],
    ['leaky-api-no-input-validation', 'aws-cloudfront-waf'],
    ['leaky-public-messaging', 'aws-sns-subscription-https'],
    ['leaky-public-bucket-no-object-logging', 'aws-s3-cors-public-write'],
    ['leaky-unrestricted-egress', 'aws-nacl-admin-ports'],
    ['leaky-audit-log-gap-region', 'aws-vpc-flow-logs'],
    ['leaky-api-no-input-validation', 'aws-apigw-method-auth'],
    ['leaky-api-no-input-validation', 'aws-apigwv2-route-auth'],
  ])('%s shows %s', (stack, rule) => {
    expect((byStack.get(stack) ?? []).map((f) => f.rule)).toContain(rule);
  });

  test.each(Object.entries(LEAKY_PATTERNS))('%s blocks the merge unless its control is advisory', (_name, pattern) => {
    for (const stack of pattern.stacks) {
      const findings = byStack.get(stack) ?? [];
      const advisoryOnly = findings.every((f) => f.enforcement === 'advisory');
      if (pattern.controls.every((c) => c === 'third-party-script-control')) {
        // Infrastructure-side CSP is advisory by design (controls.md): reported, never blocking.
        expect(advisoryOnly).toBe(true);
      } else {
        expect(findings.some((f) => f.blocking)).toBe(true);
      }
    }
  });
});
