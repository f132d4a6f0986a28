import { join } from 'node:path';
import { PLANS, run, writeTree } from '../helpers/cli';

// Every user mistake: exit 2 and exactly one line that names the file and the problem.
function expectOneLineError(r: { code: number; stdout: string; stderr: string }, ...parts: string[]): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\s+at\s.+\(.*:\d+:\d+\)/); // no stack frames
  for (const p of parts) expect(lines[0]).toContain(p);
}

describe('bad input gives exit 2 and one clear line', () => {
  const dir = writeTree({
    'malformed.json': '{"format_version": "1.2", "planned_values": {',
    'empty.json': '',
    'blank.json': '   \n',
    'unknown.json': { hello: 'world', items: [1, 2] },
    'future-plan.json': { format_version: '2.0', planned_values: { root_module: {} } },
    'no-version-plan.json': { planned_values: { root_module: {} }, resource_changes: [] },
    'hcl/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n',
    'badconfig.json': { waivers: [{ rule: 'aws-s3-public-access-block', resource: '*', owner: 'sec', expires: '2030-01-01' }] },
    'array.json': [1, 2, 3],
  });

  test('malformed JSON names the file and the line', async () => {
    const f = join(dir, 'malformed.json');
    expectOneLineError(await run('check', f), f, 'malformed JSON');
  });

  test('an empty file', async () => {
    const f = join(dir, 'empty.json');
    expectOneLineError(await run('check', f), f, 'file is empty');
    expectOneLineError(await run('check', join(dir, 'blank.json')), 'blank.json', 'file is empty');
  });

  test('a missing path', async () => {
    const f = join(dir, 'nope', 'plan.json');
    expectOneLineError(await run('check', f), f, 'no such file or directory');
  });

  test('JSON of an unknown shape', async () => {
    expectOneLineError(await run('check', join(dir, 'unknown.json')), 'unknown.json', 'unrecognised JSON');
    expectOneLineError(await run('check', join(dir, 'array.json')), 'array.json', 'unrecognised JSON');
  });

  test('a plan with a wrong format_version', async () => {
    expectOneLineError(await run('check', join(dir, 'future-plan.json')), 'future-plan.json', 'unsupported format_version "2.0"');
  });

  test('a forced plan format on a JSON without format_version', async () => {
    expectOneLineError(await run('check', '--input-format', 'plan', join(dir, 'no-version-plan.json')), 'no-version-plan.json', 'format_version');
  });

  test('an HCL syntax error names the file and the position', async () => {
    expectOneLineError(await run('check', join(dir, 'hcl')), 'main.tf', 'HCL syntax error', 'Unclosed configuration block');
  });

  test('a forced format that does not fit the file', async () => {
    expectOneLineError(await run('check', '--input-format', 'state', join(PLANS, 'aws-kms-key-rotation-tf0.13.json')), 'not a Terraform state');
  });

  test('a waiver without a reason in the config file', async () => {
    const r = await run('check', '--config', join(dir, 'badconfig.json'), join(PLANS, 'aws-kms-key-rotation-tf0.13.json'));
    expectOneLineError(r, 'badconfig.json', 'invalid config', 'reason');
  });

  test('a file above the size limit is refused before parsing', async () => {
    const prev = process.env.LEAKGUARD_MAX_INPUT_BYTES;
    jest.resetModules();
    process.env.LEAKGUARD_MAX_INPUT_BYTES = '1000';
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { main } = require('../../src/cli/main') as typeof import('../../src/cli/main');
      let stderr = '';
      const code = await main(['check', join(PLANS, 'aws-kms-key-rotation-tf0.13.json'), '--no-config'], { stdout: () => {}, stderr: (s) => (stderr += s), isTTY: false });
      expectOneLineError({ code, stdout: '', stderr }, 'aws-kms-key-rotation-tf0.13.json', 'above the', 'input limit');
    } finally {
      if (prev === undefined) delete process.env.LEAKGUARD_MAX_INPUT_BYTES;
      else process.env.LEAKGUARD_MAX_INPUT_BYTES = prev;
      jest.resetModules();
    }
  });

  test('an input too large for the WASM memory is one line, not a crash', async () => {
    const prev = process.env.LEAKGUARD_WASM_MAX_MB;
    jest.resetModules();
    process.env.LEAKGUARD_WASM_MAX_MB = '0.25'; // 4 pages: the module's minimum
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { main } = require('../../src/cli/main') as typeof import('../../src/cli/main');
      let stderr = '';
      const code = await main(['check', join(PLANS, 'aws-lambda-iam-sg-delete-update-drift-tf1.0.json')], { stdout: () => {}, stderr: (s) => (stderr += s), isTTY: false });
      expectOneLineError({ code, stdout: '', stderr }, 'too large to evaluate in one pass', 'WASM memory exhausted');
    } finally {
      if (prev === undefined) delete process.env.LEAKGUARD_WASM_MAX_MB;
      else process.env.LEAKGUARD_WASM_MAX_MB = prev;
      jest.resetModules();
    }
  });

  test('usage errors: unknown command, unknown format, no path', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('check', '--format', 'yaml', join(PLANS, 'aws-kms-key-rotation-tf0.13.json'))).code).toBe(2);
    const r = await run('check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'paths'");
  });

  test('an input without resources is an error unless --allow-empty', async () => {
    const empty = writeTree({ 'main.tf': 'variable "region" {\n  default = "us-west-2"\n}\n' });
    expectOneLineError(await run('check', empty), empty, 'no resources found, so nothing was checked');
    const ok = await run('check', '--allow-empty', '--format', 'json', empty);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).summary.resources).toBe(0);
  });

  test('an input no rule covers is exit 2 unless the config accepts it; accepted, it says so', async () => {
    const plan = join(PLANS, 'random-moved-block-tf1.5.json');
    expectOneLineError(await run('check', plan), plan, 'nothing was checked', 'random_', '"allow_not_checked": true');
    const cfg = writeTree({ 'accept.json': { policy: { allow_not_checked: true } } });
    const r = await run('check', '--config', join(cfg, 'accept.json'), plan);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: none of the 1 resource(s) is AWS or Azure');
    expect(r.stdout).toContain('NOT CHECKED');
    expect(r.stdout).toContain('accepted by policy.allow_not_checked');
  });

  test('config mistakes are caught instead of silently falling back to defaults', async () => {
    const plan = join(PLANS, 'aws-kms-key-rotation-tf0.13.json');
    const cfg = writeTree({
      'typo.json': { policy: { log_retention_min_dayz: 30 } },
      'type.json': { policy: { log_retention_min_days: '30' } },
      'level.json': { policy: { enforcement: { controls: { 'public-storage': 'strict' } } } },
      'rule.json': { policy: { enforcement: { rules: { 'aws-s3-no-such-rule': 'soft' } } } },
      'waiver.json': { waivers: [{ rule: 'aws-s3-publik-acl', resource: '*', reason: 'legacy bucket, see SHOP-12', owner: 'sec', expires: '2030-01-01' }] },
      'good.json': { policy: { log_retention_min_days: 14, enforcement: { controls: { 'key-management': 'advisory' } } } },
    });
    expectOneLineError(await run('check', '--config', join(cfg, 'typo.json'), plan), 'unknown policy setting "log_retention_min_dayz"', 'did you mean', 'log_retention_min_days');
    expectOneLineError(await run('check', '--config', join(cfg, 'type.json'), plan), 'policy setting "log_retention_min_days" must be number, got string');
    expectOneLineError(await run('check', '--config', join(cfg, 'level.json'), plan), 'enforcement.controls.public-storage must be advisory, soft or hard, got "strict"');
    expectOneLineError(await run('check', '--config', join(cfg, 'rule.json'), plan), 'enforcement.rules names an unknown rule "aws-s3-no-such-rule"');
    expectOneLineError(await run('check', '--config', join(cfg, 'waiver.json'), plan), '/waivers/0: names an unknown rule "aws-s3-publik-acl"');
    const ok = await run('check', '--config', join(cfg, 'good.json'), '--format', 'json', plan);
    expect(ok.stderr).toBe('');
    const kms = JSON.parse(ok.stdout).findings.filter((f: { control: string }) => f.control === 'key-management');
    expect(kms.length).toBeGreaterThan(0);
    expect(kms.every((f: { enforcement: string; blocking: boolean }) => f.enforcement === 'advisory' && !f.blocking)).toBe(true);
  });

  test('--version prints the package version and exits 0', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(require('../../package.json').version);
  });

  test('a bad --today date', async () => {
    expectOneLineError(await run('check', '--today', '28/11/2026', join(PLANS, 'aws-kms-key-rotation-tf0.13.json')), '--today must be a real date YYYY-MM-DD');
  });
});
