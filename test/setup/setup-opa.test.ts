import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const PINNED = require(join(ROOT, 'package.json')).leakguard.opaVersion as string;
const NODE_DIR = dirname(process.execPath);

/** A throwaway project holding only the script and package.json, so nothing real is touched. */
function project(): string {
  const dir = tempDir('leakguard-setup-');
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(ROOT, 'scripts', 'setup-opa.sh'), join(dir, 'scripts', 'setup-opa.sh'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return dir;
}

function fakeOpa(version: string): string {
  const bin = tempDir('leakguard-fake-opa-');
  writeFileSync(join(bin, 'opa'), `#!/bin/sh\necho "Version: ${version}"\n`);
  chmodSync(join(bin, 'opa'), 0o755);
  return bin;
}

const run = (dir: string, path: string) =>
  spawnSync('bash', [join(dir, 'scripts', 'setup-opa.sh')], { cwd: dir, encoding: 'utf8', env: { PATH: path, HOME: dir } });

describe('scripts/setup-opa.sh', () => {
  test('reuses an opa on PATH only when it is the pinned version', () => {
    const dir = project();
    const bin = fakeOpa(PINNED);
    const r = run(dir, `${bin}:${NODE_DIR}:/usr/bin:/bin`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`opa ${PINNED}: reusing ${bin}/opa`);
    expect(readlinkSync(join(dir, '.tools', 'bin', 'opa'))).toBe(join(bin, 'opa'));
  });

  test('without Go and without the pinned opa it fails with one clear line', () => {
    const dir = project();
    const wrong = fakeOpa('0.70.0');
    const r = run(dir, `${wrong}:${NODE_DIR}:/usr/bin:/bin`);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`setup-opa: need Go (to 'go install' OPA v${PINNED}) or opa ${PINNED} on PATH; found neither`]);
    expect(existsSync(join(dir, '.tools', 'bin', 'opa'))).toBe(false);
  });

  test('the project-local install is the pinned release', () => {
    const r = spawnSync(join(ROOT, '.tools', 'bin', 'opa'), ['version'], { encoding: 'utf8' });
    expect(r.stdout).toContain(`Version: ${PINNED}`);
  });
});
