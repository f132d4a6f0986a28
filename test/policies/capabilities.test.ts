import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir, opaBinary } from '../../src/evaluate/paths';
import { tempDir } from '../helpers/cli';

// OPA's WASM target lacks some built-ins; the build narrows the capabilities so a rule that
// uses one fails `opa check`/`opa build`, instead of failing at run time in the engine.
const caps = join(buildDir(), 'capabilities.json');

function check(body: string) {
  const dir = tempDir('leakguard-caps-');
  writeFileSync(join(dir, 'rule.rego'), `package leakguard.rules.aws.x.y\n\nimport rego.v1\n\n${body}\n`);
  return spawnSync(opaBinary(), ['check', '--strict', '--capabilities', caps, dir], { encoding: 'utf8' });
}

describe('WASM-safe capabilities', () => {
  const names = new Set((JSON.parse(readFileSync(caps, 'utf8')).builtins as Array<{ name: string }>).map((b) => b.name));

  test('the capabilities keep what the WASM target and JS SDK implement, and nothing else', () => {
    for (const ok of ['sprintf', 'json.unmarshal', 'glob.match', 'net.cidr_contains', 'object.union', 'regex.match', 'rego.metadata.chain']) expect(names.has(ok)).toBe(true);
    for (const no of ['time.now_ns', 'time.parse_rfc3339_ns', 'http.send', 'object.keys', 'strings.count', 'crypto.sha256']) expect(names.has(no)).toBe(false);
  });

  test('a rule calling a non-WASM built-in is rejected at build time', () => {
    const r = check('deny contains x if {\n\tx := time.now_ns()\n}');
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('undefined function time.now_ns');
  });

  test('a rule using only WASM-safe built-ins passes the same check', () => {
    const r = check('deny contains x if {\n\tsome r in input.resources\n\tx := sprintf("%s", [r.key])\n}');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
