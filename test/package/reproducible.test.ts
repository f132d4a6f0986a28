// The shipped policy.wasm is rebuilt from the same sources and OPA version to the same bytes in
// any checkout, so its manifest proves which Rego it came from (opa build embeds the source
// paths it is given; build-policies passes them relative to the project root).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { opaBinary } from '../../src/evaluate/paths';
import { tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');

test('the policy build in another checkout gives a byte-identical policy.wasm', () => {
  const other = join(tempDir('leakguard-rebuild-'), 'elsewhere', 'checkout');
  for (const p of ['package.json', 'policies', 'schemas', 'dist/src', 'dist/scripts', 'dist/schemas']) cpSync(join(ROOT, p), join(other, p), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(other, 'node_modules'));
  const env: NodeJS.ProcessEnv = { ...process.env, LEAKGUARD_OPA: opaBinary() };
  delete env.LEAKGUARD_POLICY_BUILD;
  const r = spawnSync(process.execPath, [join(other, 'dist', 'scripts', 'build-policies.js')], {
    cwd: other,
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'build', 'policy', 'manifest.json'), 'utf8'));
  expect(manifest(other).wasm_sha256).toBe(manifest(ROOT).wasm_sha256);
  expect(readFileSync(join(other, 'build', 'policy', 'policy.wasm')).equals(readFileSync(join(ROOT, 'build', 'policy', 'policy.wasm')))).toBe(true);
}, 300_000);
