import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// Users import the engine as `leakguard` and the waiver API as `leakguard/cdktf`.
test('the package exports resolve to the built API', () => {
  const out = execFileSync(
    process.execPath,
    ['-e', "const l = require('leakguard'); const c = require('leakguard/cdktf'); console.log(typeof l.check, typeof l.normalize, typeof c.Leakguard.suppress)"],
    { cwd: join(__dirname, '..', '..'), encoding: 'utf8' },
  );
  expect(out.trim()).toBe('function function function');
});
