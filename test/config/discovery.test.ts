import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runDiscovering, writeTree } from '../helpers/cli';
import type { Decision } from '../../src/types/decision';

// A folder whose public-ACL finding shows which config applied: the rule is hard by default,
// and the configs below set it to other levels.
const LEAKY = join(__dirname, '..', 'policies', 'hcl', 'aws-s3-public-acl');
const RULE = 'aws-s3-public-acl';
const level = (l: string) => ({ policy: { enforcement: { rules: { [RULE]: l } } } });

const tree = writeTree({
  'leakguard.config.json': level('soft'), // above the repository root: never discovered
  'repo/.git/HEAD': 'ref: refs/heads/main\n',
  'repo/leakguard.config.json': level('advisory'),
  'repo/app/.leakguard.yaml': `# nearer, YAML\npolicy:\n  enforcement:\n    rules:\n      ${RULE}: soft\n`,
  'repo/app/infra/README.md': 'no config here',
  'repo/other/explicit.json': level('advisory'),
  'bare/.git/HEAD': 'ref: refs/heads/main\n',
  'bare/src/README.md': 'a repository without a config',
  'broken/.git/HEAD': 'ref: refs/heads/main\n',
  'broken/.leakguard.json': '{"policy": {"enforcement": ',
  'twice/.git/HEAD': 'ref: refs/heads/main\n',
  'twice/leakguard.config.json': level('soft'),
  'twice/.leakguard.yml': `policy: {}\n`,
});
mkdirSync(join(tree, 'repo', 'app', 'infra', 'deep'), { recursive: true });

async function checkIn(dir: string, ...extra: string[]) {
  const cwd = process.cwd();
  process.chdir(join(tree, dir));
  try {
    const r = await runDiscovering('check', LEAKY, '--format', 'json', '--format', 'text=report.txt', ...extra);
    const decision = r.code === 2 ? undefined : (JSON.parse(r.stdout) as Decision);
    const enforcement = decision?.findings.find((f) => f.rule_id === RULE)?.enforcement;
    return { ...r, decision, enforcement };
  } finally {
    process.chdir(cwd);
  }
}

describe('config discovery', () => {
  test('the nearest config from the working directory up wins, and the report names it', async () => {
    const r = await checkIn('repo/app/infra/deep');
    expect(r.enforcement).toBe('soft');
    expect(r.decision!.config).toEqual({ file: join(tree, 'repo', 'app', '.leakguard.yaml'), origin: 'discovered' });
    const r2 = await checkIn('repo/app');
    expect(r2.decision!.config).toEqual({ file: '.leakguard.yaml', origin: 'discovered' });
    const r3 = await checkIn('repo/other');
    expect(r3.enforcement).toBe('advisory');
  });

  test('--config overrides the discovered one; --no-config uses the policy defaults', async () => {
    const explicit = await checkIn('repo/app', '--config', join(tree, 'repo', 'other', 'explicit.json'));
    expect(explicit.enforcement).toBe('advisory');
    expect(explicit.decision!.config).toEqual({ file: join(tree, 'repo', 'other', 'explicit.json'), origin: 'option' });
    const none = await checkIn('repo/app', '--no-config');
    expect(none.decision!.config).toEqual({ file: null, origin: 'disabled' });
    const defaults = await checkIn('bare/src');
    expect(none.enforcement).toBe(defaults.enforcement);
    expect(defaults.enforcement).toBe('hard');
  });

  test('the search stops at the repository root: a config above it is not used', async () => {
    const r = await checkIn('bare/src');
    expect(r.decision!.config).toEqual({ file: null, origin: 'none' });
    expect(r.stderr).toBe('');
  });

  test('every report says which config was used', async () => {
    const { readFileSync } = await import('node:fs');
    await checkIn('repo/app');
    expect(readFileSync(join(tree, 'repo', 'app', 'report.txt'), 'utf8')).toContain('config: .leakguard.yaml (discovered)');
    await checkIn('bare/src');
    expect(readFileSync(join(tree, 'bare', 'src', 'report.txt'), 'utf8')).toMatch(/config: none found \(no leakguard\.config\.json/);
  });

  test('a malformed discovered config is exit 2 with one line naming it', async () => {
    const r = await checkIn('broken');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^leakguard: \.leakguard\.json: malformed JSON at line \d+ column \d+: .+$/)]);
  });

  test('two configs in one folder are ambiguous: exit 2 naming both', async () => {
    const r = await checkIn('twice');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/leakguard\.config\.json and \.leakguard\.yml are both Leakguard configs/);
  });
});
