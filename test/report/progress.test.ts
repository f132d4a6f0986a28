import { spinner } from '../../src/report/progress';

describe('progress spinner', () => {
  test('silent for a quick run', () => {
    let t = 0;
    const out: string[] = [];
    const p = spinner((s) => out.push(s), 1000, () => t);
    p.step('loading');
    t = 900;
    p.step('evaluating');
    p.done();
    expect(out).toEqual([]);
  });

  test('after a second it draws on each step and clears its line when done', () => {
    let t = 0;
    const out: string[] = [];
    const p = spinner((s) => out.push(s), 1000, () => t);
    p.step('loading');
    t = 1500;
    p.step('evaluating');
    p.done();
    expect(out).toEqual(['\r\x1b[K⠋ leakguard: evaluating… 1.5s', '\r\x1b[K']);
  });

  test('a step announced as slow (a large input) shows at once, before the delay', () => {
    let t = 0;
    const out: string[] = [];
    const p = spinner((s) => out.push(s), 1000, () => t);
    p.step('loading');
    t = 200;
    p.step('evaluating 8000 resource(s)', true);
    t = 60000;
    p.done();
    expect(out).toEqual(['\r\x1b[K⠋ leakguard: evaluating 8000 resource(s)… 0.2s', '\r\x1b[K']);
  });

  test('the CLI shows no progress when stderr is not a terminal', async () => {
    const { run, PLANS } = await import('../helpers/cli');
    const r = await run('check', `${PLANS}/aws-kms-key-rotation-tf0.13.json`);
    expect(r.stderr).toBe('');
  });
});
