import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkCommand } from '../../src/cli/commands/check';
import { formatters } from '../../src/report';
import { MARKER } from '../../src/report/markdown';
import { tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const checkStep = action.runs.steps.find((s) => s.id === 'check')!;

// Inputs that are `leakguard check` arguments, and the ones that only steer the action.
const CLI: Record<string, string> = { paths: '<paths...>', config: '--config', baseline: '--baseline', formats: '--format', 'changed-only': '--changed-only', evidence: '--evidence' };
const ACTION_ONLY = ['comment', 'upload-sarif', 'reports-dir', 'leakguard', 'fail', 'github-token'];

describe('action.yml (composite GitHub Action)', () => {
  test('every input is a leakguard check option the CLI has, or one the action itself uses', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual([...Object.keys(CLI), ...ACTION_ONLY].sort());
    const cmd = checkCommand({ io: { stdout: () => {}, stderr: () => {}, isTTY: false }, exit: () => {} });
    const options = cmd.options.map((o) => o.long);
    const args = cmd.registeredArguments.map((a) => `<${a.name()}${a.variadic ? '...' : ''}>`);
    for (const [input, flag] of Object.entries(CLI)) {
      expect({ input, known: flag.startsWith('<') ? args.includes(flag) : options.includes(flag) }).toEqual({ input, known: true });
      expect({ input, passed: checkStep.run!.includes(flag.startsWith('<') ? '"${paths[@]}"' : flag) }).toEqual({ input, passed: true });
      expect(action.inputs[input].description).toContain(flag.startsWith('<') ? 'leakguard check <paths...>' : flag);
    }
    expect(action.inputs.paths.required).toBe(true);
  });

  test('the reports it writes use formats the CLI knows, and the comment finds the Markdown marker', () => {
    const known = formatters.map((f) => f.name);
    for (const m of checkStep.run!.matchAll(/--format (\w+)/g)) expect(known).toContain(m[1]);
    const comment = action.runs.steps.find((s) => s.uses?.startsWith('actions/github-script@'))!;
    expect(comment.with!.script).toContain(`const marker = '${MARKER}';`);
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!.if).toContain("inputs.upload-sarif == 'true'");
    for (const [name, out] of Object.entries(action.outputs)) expect({ name, value: out.value }).toEqual({ name, value: `\${{ steps.check.outputs.${name} }}` });
  });

  test('its check step, run as the runner would, writes the reports and outputs the exit code', () => {
    const dir = tempDir('leakguard-action-');
    const output = join(dir, 'github-output');
    writeFileSync(output, '');
    const run = (env: Record<string, string>) =>
      spawnSync('bash', ['-e', '-c', checkStep.run!], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_OUTPUT: output, LG_CONFIG: '', LG_BASELINE: '', LG_FORMATS: '', LG_CHANGED_ONLY: 'false', LG_EVIDENCE: '', LG_RUN: `${process.execPath} bin/leakguard.js`, ...env },
      });
    const r = run({ LG_PATHS: 'test/package/fixtures/leaky-hcl', LG_REPORTS: join(dir, 'reports'), LG_FORMATS: `gitlab=${join(dir, 'reports', 'gl.json')}`, LG_BASELINE: join(dir, 'absent.json') });
    expect(r.status).toBe(0); // the step itself never fails; the verdict step does
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
    expect(outputs).toEqual({ 'exit-code': '1', sarif: join(dir, 'reports', 'leakguard.sarif'), markdown: join(dir, 'reports', 'comment.md'), text: join(dir, 'reports', 'leakguard.txt') });
    for (const f of ['leakguard.sarif', 'comment.md', 'leakguard.txt', 'gl.json']) expect({ f, written: existsSync(join(dir, 'reports', f)) }).toEqual({ f, written: true });
    expect(r.stdout).toContain('::error file=');
    expect(r.stdout).toContain('BLOCKED:');
  });
});

describe('docs/ci.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]) as Record<string, unknown>);

  test('shows a GitHub, a GitLab and an Azure Pipelines job, each valid YAML', () => {
    expect(blocks).toHaveLength(3);
    expect(JSON.stringify(blocks[0])).toContain('<owner>/leakguard@v0');
    expect((blocks[1].leakguard as { artifacts: { reports: Record<string, string> } }).artifacts.reports).toEqual({ codequality: 'gl-code-quality.json', junit: 'leakguard-junit.xml' });
    expect(JSON.stringify(blocks[2])).toContain('PublishTestResults@2');
  });

  test('its leakguard commands use formats the CLI knows, and the action example inputs the action has', () => {
    const known = formatters.map((f) => f.name);
    const commands = JSON.stringify(blocks).match(/npx leakguard check [^"]*/g)!;
    expect(commands).toHaveLength(2);
    for (const c of commands) for (const m of c.matchAll(/--format (\w+)/g)) expect(known).toContain(m[1]);
    const steps = (blocks[0].jobs as Record<string, { steps: Step[] }>).leakguard.steps;
    const uses = steps.find((s) => s.uses?.includes('leakguard@'))!;
    for (const k of Object.keys(uses.with!)) expect(Object.keys(action.inputs)).toContain(k);
  });
});
