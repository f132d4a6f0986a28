import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { fingerprintOf } from '../../src/fingerprint';
import { validator } from '../../src/normalize/validate';
import { PLANS, run, tempDir } from '../helpers/cli';
import { stack, synthApp } from '../helpers/synth';
import { expectValidSarif } from '../report/sarif-schema';
import { ofRule, RULE } from '../report/support';
import type { BaselineEntry, Decision } from '../../src/types/decision';

const ofExisting = (d: Decision) => d.findings.filter((f) => f.baseline === 'existing').length;
const forRule = (entries: BaselineEntry[]) => entries.filter((e) => e.rule_id === RULE);

/** One stack named `shop` with these buckets (none has a public access block: each is a finding). */
const shop = (...buckets: string[]) =>
  synthApp((app) =>
    stack(app, 'shop', (s) => {
      new AwsProvider(s, 'aws', { region: 'us-east-1' });
      for (const b of buckets) new S3Bucket(s, b, { bucket: `shop-${b}` });
    }),
  );

describe('baseline create', () => {
  test('records every finding with a stable fingerprint (rule id + resource key, not the message)', async () => {
    const file = join(tempDir(), 'baseline.json');
    const r = await run('baseline', 'create', shop('orders', 'exports'), '--output', file);
    expect(r.code).toBe(0);
    const b = JSON.parse(readFileSync(file, 'utf8'));
    expect(r.stderr).toBe(`leakguard: baseline of ${b.findings.length} finding(s) written to ${file} (config: none (disabled), policy defaults)\n`);
    expect(b.leakguard_baseline).toBe('1');
    // Every finding of every rule; sorted by rule then resource.
    const keys = b.findings.map((e: BaselineEntry) => `${e.rule_id} ${e.resource}`);
    expect(keys).toEqual([...keys].sort());
    expect(forRule(b.findings).map((e) => e.resource)).toEqual(['shop/aws_s3_bucket.exports', 'shop/aws_s3_bucket.orders']);
    expect(forRule(b.findings)[0]).toMatchObject({ rule_id: RULE, fingerprint: fingerprintOf(RULE, 'shop/aws_s3_bucket.exports'), severity: 'critical' });
    // Same findings → byte-identical file (no timestamps), so it diffs cleanly in git.
    const again = join(tempDir(), 'baseline.json');
    await run('baseline', 'create', shop('exports', 'orders'), '--output', again);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  test('--output is required', async () => {
    const r = await run('baseline', 'create', shop('orders'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '-o, --output <file>' not specified");
  });
});

describe('check --baseline', () => {
  const dir = tempDir();
  const file = join(dir, 'baseline.json');
  // Critical rules are hard by default and a baseline never silences a hard rule; made soft
  // here, so these tests are about what a baseline does to waivable findings.
  const soft = join(dir, 'soft.json');
  beforeAll(async () => {
    expect((await run('baseline', 'create', shop('orders', 'exports'), '-o', file)).code).toBe(0);
    writeFileSync(soft, JSON.stringify({ policy: { enforcement: { by_severity: { critical: 'soft' } } } }));
  });

  test('a baseline never silences a hard rule: its existing findings still block, counted apart', async () => {
    const r = await run('check', shop('orders', 'exports'), '--baseline', file, '--format', 'json');
    expect(r.code).toBe(1);
    const d: Decision = JSON.parse(r.stdout);
    const existing = d.findings.filter((f) => f.baseline === 'existing');
    expect(existing).toHaveLength(d.findings.length);
    // Whatever the rule: an existing finding blocks exactly when its rule is hard.
    for (const f of existing) expect([f.rule_id, f.blocking]).toEqual([f.rule_id, f.enforcement === 'hard']);
    const hard = existing.filter((f) => f.enforcement === 'hard');
    expect(hard.map((f) => f.rule_id)).toContain(RULE);
    expect(d.gate!.baseline).toEqual({ file, new: 0, existing: existing.length, existing_hard: hard.length, fixed: 0 });
    expect(d.summary.blocking).toBe(hard.length);
    const text = (await run('check', shop('orders', 'exports'), '--baseline', file)).stdout;
    expect(text).toContain('CRITICAL aws-s3-public-access-block [existing]  aws_s3_bucket.orders');
    expect(text).toContain(`baseline ${file}: 0 new, ${existing.length - hard.length} existing (not blocking), ${hard.length} existing of hard rules (still blocking), 0 fixed`);
  });

  test('nothing new: exit 0, existing findings reported but not blocking', async () => {
    const r = await run('check', shop('orders', 'exports'), '--baseline', file, '--config', soft, '--format', 'json');
    expect(r.code).toBe(0);
    const d: Decision = JSON.parse(r.stdout);
    expect(validator('decision')(d)).toBe(true);
    expect(d.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of d.findings) expect([f.baseline, f.blocking]).toEqual(['existing', false]);
    expect(ofRule(d)[0].gate).toEqual([`in baseline ${file}: not blocking`]);
    expect(d.summary.blocking).toBe(0);
    expect(d.fixed).toEqual([]);
    expect(d.gate).toEqual({ baseline: { file, new: 0, existing: d.findings.length, existing_hard: 0, fixed: 0 } });
  });

  test('a new finding blocks; a fixed one is listed — in json, text, markdown and SARIF', async () => {
    const now = shop('orders', 'invoices'); // exports fixed, invoices new
    const json = await run('check', now, '--baseline', file, '--config', soft, '--format', 'json');
    expect(json.code).toBe(1);
    const d: Decision = JSON.parse(json.stdout);
    const state = Object.fromEntries(ofRule(d).map((f) => [f.resource.key, [f.baseline, f.blocking]]));
    expect(state).toEqual({ 'shop/aws_s3_bucket.orders': ['existing', false], 'shop/aws_s3_bucket.invoices': ['new', true] });
    // Whatever the rule: only findings on the new bucket are new, only they can block.
    for (const f of d.findings) expect(f.baseline).toBe(f.resource.key === 'shop/aws_s3_bucket.invoices' ? 'new' : 'existing');
    expect(d.findings.filter((f) => f.blocking).every((f) => f.baseline === 'new')).toBe(true);
    expect(forRule(d.fixed!)).toEqual([
      { fingerprint: fingerprintOf(RULE, 'shop/aws_s3_bucket.exports'), rule_id: RULE, resource: 'shop/aws_s3_bucket.exports', severity: 'critical', message: expect.any(String) },
    ]);
    expect(d.fixed!.every((e) => e.resource === 'shop/aws_s3_bucket.exports')).toBe(true);
    const g = d.gate!.baseline!;
    expect(g).toEqual({ file, new: d.findings.length - ofExisting(d), existing: ofExisting(d), existing_hard: 0, fixed: d.fixed!.length });

    const text = (await run('check', now, '--baseline', file, '--config', soft)).stdout;
    expect(text).toContain('CRITICAL aws-s3-public-access-block [new]  aws_s3_bucket.invoices');
    expect(text).toContain('CRITICAL aws-s3-public-access-block [existing, not blocking]  aws_s3_bucket.orders');
    expect(text).toContain(`Fixed since the baseline (${g.fixed})\n`);
    expect(text).toContain('  fixed    aws-s3-public-access-block on shop/aws_s3_bucket.exports\n');
    expect(text).toContain(`baseline ${file}: ${g.new} new, ${g.existing} existing (not blocking), ${g.fixed} fixed`);
    expect(text).toContain(`BLOCKED: ${d.findings.length} finding(s) over 2 resource(s): ${d.summary.blocking} blocking`);

    const md = (await run('check', now, '--baseline', file, '--config', soft, '--format', 'markdown')).stdout;
    expect(md).toContain(`### ❌ Blocking findings (${d.summary.blocking})\n\n- **CRITICAL** `);
    expect(md).toContain('- **CRITICAL** `aws-s3-public-access-block` (new) on `aws_s3_bucket.invoices`');
    expect(md).toContain(`<details><summary>🎉 Fixed since the baseline (${g.fixed})</summary>\n\n`);
    expect(md).toContain('- `aws-s3-public-access-block` on `shop/aws_s3_bucket.exports`');
    expect(md).toContain(`baseline: ${g.new} new, ${g.existing} existing, ${g.fixed} fixed`);
    expect(md).toContain(`_(in baseline ${file}: not blocking)_`);

    const sarif = expectValidSarif((await run('check', now, '--baseline', file, '--config', soft, '--format', 'sarif')).stdout);
    const states = Object.fromEntries(sarif.runs[0].results.filter((x) => x.ruleId === RULE).map((x) => [x.locations[0].logicalLocations[0].name, [x.baselineState, x.level]]));
    expect(states).toEqual({ 'aws_s3_bucket.orders': ['unchanged', 'warning'], 'aws_s3_bucket.invoices': ['new', 'error'] });
  });

  test.each([
    ['missing', null, 'baseline file not found'],
    ['malformed JSON', '{"leakguard_baseline": "1", ', 'b.json: malformed JSON at line 1 column 29: unexpected end of input'],
    ['another document', { findings: [] }, "not a Leakguard baseline: / must have required property 'leakguard_baseline'"],
    ['a wrong entry', { leakguard_baseline: '1', findings: [{ rule_id: RULE }] }, 'not a Leakguard baseline: /findings/0'],
    [
      'an edited fingerprint',
      { leakguard_baseline: '1', findings: [{ fingerprint: 'a'.repeat(64), rule_id: RULE, resource: 'shop/aws_s3_bucket.orders' }] },
      '/findings/0 fingerprint does not match',
    ],
  ])('a bad baseline (%s) → exit 2 with one line', async (_, content, message) => {
    const d = tempDir();
    const f = join(d, 'b.json');
    if (content !== null) writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
    const r = await run('check', shop('orders'), '--baseline', f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(f);
    expect(r.stderr).toContain(message);
  });
});

describe('check --changed-only', () => {
  // A real plan: create_bucket (create), update_bucket (update), noop_bucket (no-op), all without a block.
  const PLAN = join(PLANS, 'aws-s3-create-update-delete-noop-drift-tf1.2.json');
  // A plan's stack is the folder holding it (the shared fixtures folder), not the file name.
  const STACK = 'plans';

  test('blocks only on resources the plan creates, updates or replaces; reports the rest as not blocking', async () => {
    const all: Decision = JSON.parse((await run('check', PLAN, '--format', 'json')).stdout);
    expect(ofRule(all).filter((f) => f.blocking)).toHaveLength(3);

    const r = await run('check', PLAN, '--changed-only', '--format', 'json');
    expect(r.code).toBe(1);
    const d: Decision = JSON.parse(r.stdout);
    expect(validator('decision')(d)).toBe(true);
    const state = Object.fromEntries(ofRule(d).map((f) => [f.resource.address, [f.resource.action, f.blocking]]));
    expect(state).toEqual({
      'aws_s3_bucket.create_bucket': ['create', true],
      'aws_s3_bucket.update_bucket': ['update', true],
      'aws_s3_bucket.noop_bucket': ['no-op', false],
    });
    const noop = ofRule(d).find((f) => f.resource.address === 'aws_s3_bucket.noop_bucket')!;
    expect(noop.gate).toEqual(['plan does not create, update or replace this resource (action no-op): not blocking']);
    // Every rule alike: nothing on the unchanged bucket blocks, the rest is as it was.
    const unblocked = all.findings.filter((f) => f.blocking && f.resource.action === 'no-op').length;
    expect(d.findings.filter((f) => f.resource.action === 'no-op').every((f) => !f.blocking)).toBe(true);
    expect(d.gate).toEqual({ changed_only: { unblocked } });
    expect(d.summary.blocking).toBe(all.summary.blocking - unblocked);
    const text = (await run('check', PLAN, '--changed-only')).stdout;
    expect(text).toContain(`stack ${STACK}`);
    expect(text).toContain('[not blocking]  aws_s3_bucket.noop_bucket');
    expect(text).toContain(`changed-only: ${unblocked} finding(s) on resources the plan does not change are not blocking`);
  });

  test('a plan with only unchanged resources passes', async () => {
    const r = await run('check', join(PLANS, 'aws-cloudtrail-s3-logging-drift-noop-tf1.1.json'), '--changed-only');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASSED: \d+ finding\(s\) over \d+ resource\(s\): 0 blocking/);
  });

  test('without a plan among the inputs it is a usage error, not a silent pass', async () => {
    const r = await run('check', shop('orders'), '--changed-only');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leakguard: --changed-only needs a terraform plan (terraform show -json) among the inputs; synthesized stacks, HCL and state have no changes\n');
  });

  test('with a baseline too: both narrow, a new finding on a changed resource still blocks', async () => {
    const d = tempDir();
    const file = join(d, 'b.json');
    const b = { leakguard_baseline: '1', findings: [{ fingerprint: fingerprintOf(RULE, `${STACK}/aws_s3_bucket.update_bucket`), rule_id: RULE, resource: `${STACK}/aws_s3_bucket.update_bucket` }] };
    writeFileSync(file, JSON.stringify(b));
    const soft = join(d, 'soft.json');
    writeFileSync(soft, JSON.stringify({ policy: { enforcement: { rules: { [RULE]: 'soft' } } } }));
    const r = await run('check', PLAN, '--changed-only', '--baseline', file, '--config', soft, '--format', 'json');
    expect(r.code).toBe(1);
    const out: Decision = JSON.parse(r.stdout);
    expect(ofRule(out).filter((f) => f.blocking).map((f) => f.resource.address)).toEqual(['aws_s3_bucket.create_bucket']);
    expect(ofRule(out).find((f) => f.resource.address === 'aws_s3_bucket.update_bucket')!.gate).toEqual([`in baseline ${file}: not blocking`]);
  });
});
