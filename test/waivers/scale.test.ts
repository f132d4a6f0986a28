import { join } from 'node:path';
import { check } from '../../src/check';
import type { Decision, Waiver } from '../../src/types/decision';
import { writeTree } from '../helpers/cli';
import { isolated, ofRule, RULE } from '../report/support';

// 10,000 waivers on 1,000 buckets (each a finding of the public-access-block rule, made soft):
// every finding and every waiver's fate is compared with an independent reading of the waiver
// rules (exact key or address; `*` and `?` patterns; expired waivers waive nothing).
const BUCKETS = 1000;
const WAIVERS = 10000;
const TODAY = '2026-06-01';
const STACK = 'scale';

function plan(n: number): object {
  const resources = [];
  const changes = [];
  for (let i = 0; i < n; i++) {
    const base = { address: `aws_s3_bucket.b${i}`, mode: 'managed', type: 'aws_s3_bucket', name: `b${i}`, provider_name: 'registry.terraform.io/hashicorp/aws' };
    const values = { bucket: `scale-${i}`, tags: {} };
    resources.push({ ...base, schema_version: 0, values, sensitive_values: {} });
    changes.push({ ...base, change: { actions: ['create'], before: null, after: values, after_unknown: {}, before_sensitive: false, after_sensitive: {} } });
  }
  return { format_version: '1.2', terraform_version: '1.11.4', planned_values: { root_module: { resources } }, resource_changes: changes };
}

/** Waiver i: on bucket i mod 1,250 (so some name no bucket), by key, address or pattern; one in seven expired. */
function waiver(i: number): Waiver & { resource: string } {
  const b = i % 1250;
  const resource = i % 50 === 49 ? `aws_s3_bucket.b${b}?` : i % 2 === 0 ? `${STACK}/aws_s3_bucket.b${b}` : `aws_s3_bucket.b${b}`;
  return { rule: RULE, resource, reason: `accepted risk, tracked in SEC-${i}`, owner: 'platform', expires: i % 7 === 0 ? '2026-05-31' : '2026-12-31' };
}

const glob = (p: string): RegExp => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/** Ids of the waivers covering a key or address: exact ones by lookup, patterns by regex. */
function coverage(waivers: Array<Waiver & { resource: string }>): (key: string, address: string) => number[] {
  const exact = new Map<string, number[]>();
  const patterns: Array<[number, RegExp]> = [];
  waivers.forEach((w, i) => {
    if (/[*?]/.test(w.resource)) patterns.push([i, glob(w.resource)]);
    else exact.set(w.resource, [...(exact.get(w.resource) ?? []), i]);
  });
  return (key, address) =>
    [...new Set([...(exact.get(key) ?? []), ...(exact.get(address) ?? []), ...patterns.filter(([, re]) => re.test(key) || re.test(address)).map(([i]) => i)])];
}

test(`${WAIVERS} config waivers on ${BUCKETS} findings evaluate correctly`, async () => {
  const waivers = Array.from({ length: WAIVERS }, (_, i) => waiver(i));
  const dir = writeTree({ [`${STACK}.json`]: plan(BUCKETS), 'leakguard.json': isolated({ policy: { enforcement: { rules: { [RULE]: 'soft' } } }, waivers }) });
  const { decision } = await check([join(dir, `${STACK}.json`)], { configPath: join(dir, 'leakguard.json'), today: TODAY });
  const d: Decision = decision;
  const findings = ofRule(d);
  expect(findings).toHaveLength(BUCKETS);

  const live = (w: Waiver) => w.expires >= TODAY;
  const covering = coverage(waivers);
  const matched = new Map<number, string[]>();
  for (const f of findings) {
    const ids = covering(f.resource.key, f.resource.address).filter((i) => live(waivers[i]));
    expect([f.resource.key, f.waived, f.blocking]).toEqual([f.resource.key, ids.length > 0, ids.length === 0]);
    for (const i of ids) matched.set(i, [...(matched.get(i) ?? []), f.resource.key]);
  }
  expect(d.waivers).toHaveLength(WAIVERS);
  // Each waiver's reason is its own, so it finds the waiver's result.
  const byReason = new Map(d.waivers.map((r) => [r.waiver.reason, r]));
  waivers.forEach((w, i) => {
    const r = byReason.get(w.reason);
    expect(r?.waiver).toEqual({ ...w, source: join(dir, 'leakguard.json') });
    const want = !live(w) ? 'expired' : matched.has(i) ? 'applied' : 'unused';
    expect([i, r?.status, r?.matched]).toEqual([i, want, (matched.get(i) ?? []).sort()]);
  });
  // Some of each fate, so the comparison above exercised them all.
  const statuses = new Set(d.waivers.map((r) => r.status));
  expect([...statuses].sort()).toEqual(['applied', 'expired', 'unused']);
});
