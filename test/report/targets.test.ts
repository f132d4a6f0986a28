import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pairTargets, type TargetToken } from '../../src/report/targets';
import { formatterFor } from '../../src/report';
import { PLANS, run, tempDir } from '../helpers/cli';
import { expectValidSarif } from './sarif-schema';
import { ofRule } from './support';

const PLAN = join(PLANS, 'aws-s3-public-access-block-module-for-each-tf0.15.json');
const f = (value: string): TargetToken => ({ option: 'format', value });
const o = (value: string): TargetToken => ({ option: 'output', value });
const pairs = (...t: TargetToken[]) => pairTargets(t, formatterFor, 'text').map((x) => [x.formatter.name, x.output]);

describe('pairing --format with --output', () => {
  test('each --output belongs to the --format just before it; the unpaired one goes to stdout', () => {
    expect(pairs(f('sarif'), o('r.sarif'), f('markdown'), o('c.md'), f('text'))).toEqual([
      ['sarif', 'r.sarif'],
      ['markdown', 'c.md'],
      ['text', undefined],
    ]);
  });

  test('--format name=file, and `-` for stdout', () => {
    expect(pairs(f('sarif=out/r.sarif'), f('json'), o('-'))).toEqual([
      ['sarif', 'out/r.sarif'],
      ['json', undefined],
    ]);
  });

  test('no --format is text on stdout; a lone --output with a lone --format pairs in either order', () => {
    expect(pairs()).toEqual([['text', undefined]]);
    expect(pairs(o('r.json'), f('json'))).toEqual([['json', 'r.json']]);
    expect(pairs(o('report.txt'))).toEqual([['text', 'report.txt']]);
  });

  test.each([
    [[f('sarif'), f('json')], /--format sarif and --format json would all write to stdout/],
    [[f('sarif'), o('a'), o('b')], /--output b: --format sarif already writes to a/],
    [[f('sarif=a'), o('b')], /--output b: --format sarif already writes to a/],
    [[o('a'), f('sarif'), f('json')], /--output a comes before any --format/],
    [[o('a'), o('b'), f('json')], /--output a comes before any --format/],
    [[f('sarif'), o('x'), f('json'), o('x')], /--format sarif and --format json both write to x/],
    [[f('yaml')], /unknown format "yaml" \(expected one of: text, json, sarif, junit, markdown, github, gitlab\)/],
    [[f('sarif=')], /no file after "="/],
  ])('ambiguous or wrong: %j', (tokens, message) => {
    expect(() => pairTargets(tokens as TargetToken[], formatterFor, 'text')).toThrow(message);
  });

  test('through the CLI: files written from one evaluation, ambiguity is exit 2 with one line and writes nothing', async () => {
    const dir = tempDir();
    const ok = await run('check', PLAN, '--format', 'sarif', '--output', join(dir, 'sub', 'r.sarif'), '--format', 'json', '--output', join(dir, 'd.json'));
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe('');
    expectValidSarif(readFileSync(join(dir, 'sub', 'r.sarif'), 'utf8'));
    expect(ofRule(JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8')))).toHaveLength(1);

    const bad = await run('check', PLAN, '--format', 'sarif', '--format', 'json', '--output', join(dir, 'x.json'), '--format', 'markdown');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toEqual(['leakguard: --format sarif and --format markdown would all write to stdout; give all but one an --output file']);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  test('an output that cannot be written is exit 2 with one line', async () => {
    const dir = tempDir();
    const r = await run('check', PLAN, '--format', `json=${join(dir, 'nope\u0000', 'x.json')}`);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('cannot write');
  });
});
