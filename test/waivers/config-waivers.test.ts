import { join } from 'node:path';
import { PLANS, run, writeTree } from '../helpers/cli';
import { isolated, ofRule } from '../report/support';

const PLAN = join(PLANS, 'aws-s3-public-access-block-module-for-each-tf0.15.json');
const RULE = 'aws-s3-public-access-block';
// A plan's stack is the folder holding it, not the file name.
const KEY = 'plans/module.test2.aws_s3_bucket.test["a"]';
const SOFT = { enforcement: { rules: { [RULE]: 'soft' } } };

const waiver = (over: object = {}) => ({ rule: RULE, resource: 'module.test2.aws_s3_bucket.test*', reason: 'bucket is being retired in SHOP-12', owner: 'platform', expires: '2026-12-31', ...over });

// Every other rule advisory (`isolated`): the exit codes here are the waived rule's alone.
async function check(config: Parameters<typeof isolated>[0], format = 'json') {
  const dir = writeTree({ 'leakguard.json': isolated(config) });
  return run('check', PLAN, '--config', join(dir, 'leakguard.json'), '--today', '2026-06-01', '--format', format);
}

describe('config-file waivers', () => {
  test.each([['rule'], ['resource'], ['reason'], ['owner'], ['expires']])('missing %s → exit 2 with one line naming it', async (field) => {
    const w: Record<string, string> = waiver();
    delete w[field];
    const r = await check({ waivers: [w] });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('invalid config');
    expect(r.stderr).toContain(field);
  });

  test('a reason that says nothing, or a date that is not YYYY-MM-DD → exit 2', async () => {
    expect((await check({ waivers: [waiver({ reason: 'ok' })] })).code).toBe(2);
    const r = await check({ waivers: [waiver({ expires: '31/12/2026' })] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expires');
  });

  test('applied: the finding is waived, the waiver lists what it matched', async () => {
    const r = await check({ policy: SOFT, waivers: [waiver({ ticket: 'SHOP-12' })] });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(ofRule(d)[0]).toMatchObject({ waived: true, blocking: false, waiver: { reason: 'bucket is being retired in SHOP-12', ticket: 'SHOP-12' } });
    expect(d.waivers).toEqual([{ waiver: expect.objectContaining({ owner: 'platform' }), status: 'applied', matched: [KEY] }]);
    const text = (await check({ policy: SOFT, waivers: [waiver({ ticket: 'SHOP-12' })] }, 'text')).stdout;
    expect(text).toContain('CRITICAL aws-s3-public-access-block [waived]');
    expect(text).toContain('waived: bucket is being retired in SHOP-12 (owner platform, expires 2026-12-31, ticket SHOP-12)');
    expect(text).toMatch(/applied {2}aws-s3-public-access-block on .*test\["a"\]: waives/);
    const md = (await check({ policy: SOFT, waivers: [waiver()] }, 'markdown')).stdout;
    expect(md).toContain('<details><summary>Waived findings (1)</summary>');
    expect(md).toContain('waived by platform until 2026-12-31: bucket is being retired in SHOP-12');
  });

  test('a resource key or address written in full matches as written, indexes and all', async () => {
    for (const resource of [KEY, 'module.test2.aws_s3_bucket.test["a"]']) {
      const r = await check({ policy: SOFT, waivers: [waiver({ resource })] });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).waivers[0]).toMatchObject({ status: 'applied', matched: [KEY] });
    }
  });

  test('expired: stops waiving, blocks, and is reported in text and markdown', async () => {
    const config = { policy: SOFT, waivers: [waiver({ expires: '2026-05-31' })] };
    const r = await check(config);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(ofRule(d)[0]).toMatchObject({ waived: false, blocking: true });
    expect(d.waivers[0].status).toBe('expired');
    const text = (await check(config, 'text')).stdout;
    expect(text).toMatch(/expired {2}aws-s3-public-access-block on module\.test2\.aws_s3_bucket\.test\*: expired: no longer waives; renew it or fix the finding/);
    expect(text).toContain('"bucket is being retired in SHOP-12" (owner platform, expires 2026-05-31');
    const md = (await check(config, 'markdown')).stdout;
    expect(md).toContain('### ⚠️ Waivers needing attention (1)');
    expect(md).toContain('- **expired** `aws-s3-public-access-block` on `module.test2.aws_s3_bucket.test*`: expired, no longer waives: renew it or fix the finding. Owner platform, expires 2026-05-31');
  });

  test('refused: a hard rule cannot be waived, and the refusal is reported', async () => {
    const config = { waivers: [waiver()] };
    const r = await check(config);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(ofRule(d)[0]).toMatchObject({ enforcement: 'hard', waived: false, blocking: true });
    expect(d.waivers[0].status).toBe('refused');
    expect((await check(config, 'text')).stdout).toContain('refused: the rule is hard-enforced and cannot be waived');
    expect((await check(config, 'markdown')).stdout).toContain('- **refused** `aws-s3-public-access-block`');
  });

  test('unused: a waiver that matches nothing is reported (and changes nothing)', async () => {
    const config = { policy: SOFT, waivers: [waiver(), waiver({ resource: 'aws_s3_bucket.gone', reason: 'bucket was deleted last quarter' })] };
    const r = await check(config);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.waivers.map((w: { status: string }) => w.status).sort()).toEqual(['applied', 'unused']);
    expect((await check(config, 'text')).stdout).toMatch(/unused {3}aws-s3-public-access-block on aws_s3_bucket\.gone: unused: matches no finding; remove it/);
    expect((await check(config, 'markdown')).stdout).toContain('- **unused** `aws-s3-public-access-block` on `aws_s3_bucket.gone`: matches no finding: remove it.');
  });
});
