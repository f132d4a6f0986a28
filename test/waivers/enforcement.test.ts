import { join } from 'node:path';
import { PLANS, run, writeTree } from '../helpers/cli';
import { isolated, ofRule, RULE } from '../report/support';
import type { Finding } from '../../src/types/decision';

// The S3 public-access-block rule (critical, control public-storage → hard by default) on a
// plan where it finds one bucket. Every other rule is made advisory by `isolated`, so exit
// codes here are this rule's alone.
const PLAN = join(PLANS, 'aws-s3-public-access-block-module-for-each-tf0.15.json');
const WAIVER = { rule: RULE, resource: 'module.test2.aws_s3_bucket.test*', reason: 'bucket is being retired in SHOP-12', owner: 'platform', expires: '2027-01-01' };

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

  test('per rule: advisory reports without blocking (exit 0); every report says an override silenced it', async () => {
    const config = { policy: { enforcement: { rules: { [RULE]: 'advisory' } } } };
    const r = await checkWith(config);
    expect(r.code).toBe(0);
    expect(r.finding).toMatchObject({ enforcement: 'advisory', blocking: false, waived: false, override: { set_by: `rules.${RULE}`, default: 'hard' } });
    expect(r.decision.summary).toMatchObject({ blocking: 0, advisory: r.decision.findings.length });
    // Silenced: findings an override made non-blocking that would block at their severity's default.
    const defaults: Record<string, string> = { critical: 'hard', high: 'soft', medium: 'soft', low: 'advisory' };
    const silenced = r.decision.findings.filter((f: Finding) => defaults[f.severity] !== 'advisory').length;
    expect(silenced).toBeGreaterThanOrEqual(1);
    expect(r.decision.summary.silenced_by_overrides).toBe(silenced);
    expect(r.decision.overrides).toContainEqual({ scope: 'rules', name: RULE, level: 'advisory' });
    const dir = writeTree({ 'c.json': isolated(config) });
    const cfg = join(dir, 'c.json');
    const note = `; ${silenced} finding(s) made non-blocking by overrides`;
    const text = await run('check', PLAN, '--config', cfg);
    expect(text.stdout).toContain(`CRITICAL aws-s3-public-access-block [advisory by override rules.${RULE}]  module.test2.aws_s3_bucket.test["a"]`);
    expect(text.stdout).toContain(`PASSED ONLY BY OVERRIDES: ${r.decision.findings.length} finding(s) over 6 resource(s): 0 blocking, 0 waived, ${r.decision.findings.length} advisory`);
    expect(text.stdout).not.toMatch(/^PASSED:/m);
    expect(text.stdout).toContain(`enforcement overrides in effect (${r.decision.overrides.length}): `);
    expect(text.stdout).toContain(note);
    const md = (await run('check', PLAN, '--config', cfg, '--format', 'markdown')).stdout;
    expect(md).not.toContain('✅');
    expect(md).toContain(`## ⚠️ Leakguard passed only because enforcement overrides made ${silenced} finding(s) non-blocking`);
    expect(md).toContain(note);
    const gh = (await run('check', PLAN, '--config', cfg, '--format', 'github')).stdout;
    expect(gh).toContain('::warning title=enforcement overrides::');
    expect(gh).toContain('PASSED ONLY BY OVERRIDES');
    const junit = (await run('check', PLAN, '--config', cfg, '--format', 'junit')).stdout;
    expect(junit).toContain(`<property name="rules.${RULE}" value="advisory"/>`);
    expect(junit).toContain(`<property name="silenced_by_overrides" value="${silenced}"/>`);
    const sarif = JSON.parse((await run('check', PLAN, '--config', cfg, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].properties.overrides).toEqual(r.decision.overrides);
    expect(sarif.runs[0].properties.summary.silenced_by_overrides).toBe(silenced);
  });

  test('no overrides: a plain pass, no override line, nothing counted as silenced', async () => {
    const r = await run('check', PLAN, '--format', 'json');
    const d = JSON.parse(r.stdout);
    expect(d.overrides).toEqual([]);
    expect(d.summary.silenced_by_overrides).toBe(0);
    expect(d.findings.every((f: Finding) => f.override === undefined)).toBe(true);
    expect((await run('check', PLAN)).stdout).not.toContain('enforcement overrides');
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
