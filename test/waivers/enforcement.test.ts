import { join } from 'node:path';
import { PLANS, run, writeTree } from '../helpers/cli';
import { isolated, ofRule, RULE } from '../report/support';

// The S3 public-access-block rule (critical, control public-storage → hard by default) on a
// plan where it finds one bucket. Every other rule is made advisory by `isolated`, so exit
// codes here are this rule's alone.
const PLAN = join(PLANS, 'aws-s3-public-access-block-module-for-each-tf0.15.json');
const WAIVER = { rule: RULE, resource: 'module.test2.aws_s3_bucket.test*', reason: 'bucket is being retired in SHOP-12', owner: 'platform', expires: '2030-01-01' };

async function checkWith(config: Parameters<typeof isolated>[0], ...extra: string[]) {
  const dir = writeTree({ 'leakguard.json': isolated(config) });
  const r = await run('check', PLAN, '--config', join(dir, 'leakguard.json'), '--today', '2026-06-01', '--format', 'json', ...extra);
  const decision = r.stdout ? JSON.parse(r.stdout) : undefined;
  return { ...r, decision, finding: decision ? ofRule(decision)[0] : undefined };
}

describe('enforcement levels through the CLI and a config file', () => {
  test('default: critical is hard and blocks', async () => {
    const r = await run('check', PLAN, '--format', 'json');
    expect(r.code).toBe(1);
    expect(ofRule(JSON.parse(r.stdout))[0]).toMatchObject({ enforcement: 'hard', blocking: true });
    // With every other rule advisory, this one alone still blocks.
    const only = await checkWith({});
    expect(only.code).toBe(1);
    expect(only.finding).toMatchObject({ enforcement: 'hard', blocking: true });
  });

  test('per rule: advisory reports without blocking (exit 0), text says so', async () => {
    const config = { policy: { enforcement: { rules: { [RULE]: 'advisory' } } } };
    const r = await checkWith(config);
    expect(r.code).toBe(0);
    expect(r.finding).toMatchObject({ enforcement: 'advisory', blocking: false, waived: false });
    expect(r.decision.summary).toMatchObject({ blocking: 0, advisory: r.decision.findings.length });
    const dir = writeTree({ 'c.json': isolated(config) });
    const text = await run('check', PLAN, '--config', join(dir, 'c.json'));
    expect(text.stdout).toContain('CRITICAL aws-s3-public-access-block [advisory]  module.test2.aws_s3_bucket.test["a"]');
    expect(text.stdout).toContain(`PASSED: ${r.decision.findings.length} finding(s) over 6 resource(s): 0 blocking, 0 waived, ${r.decision.findings.length} advisory`);
  });

  test('per control: soft blocks until waived', async () => {
    const soft = { policy: { enforcement: { controls: { 'public-storage': 'soft' } } } };
    const blocked = await checkWith(soft);
    expect(blocked.code).toBe(1);
    expect(blocked.finding).toMatchObject({ enforcement: 'soft', blocking: true });
    const waived = await checkWith({ ...soft, waivers: [WAIVER] });
    expect(waived.code).toBe(0);
    expect(waived.finding).toMatchObject({ enforcement: 'soft', blocking: false, waived: true, waiver: { owner: 'platform' } });
  });

  test('a rule override beats a control override: hard again, the waiver is refused', async () => {
    const r = await checkWith({ policy: { enforcement: { controls: { 'public-storage': 'advisory' }, rules: { [RULE]: 'hard' } } }, waivers: [WAIVER] });
    expect(r.code).toBe(1);
    expect(r.finding).toMatchObject({ enforcement: 'hard', blocking: true, waived: false });
    expect(r.decision.waivers[0].status).toBe('refused');
  });

  test('by severity: critical made soft applies to every critical rule', async () => {
    const r = await checkWith({ policy: { enforcement: { by_severity: { critical: 'soft' } } }, waivers: [WAIVER] });
    expect(r.code).toBe(0);
    expect(r.finding).toMatchObject({ enforcement: 'soft', waived: true });
  });
});
