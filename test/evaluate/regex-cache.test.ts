// OPA's WebAssembly regex cache deleted an expression it was about to reuse once it held 100
// (regex-cache.ts); the build rewrites that limit. The built policy must carry the rewrite,
// and the rewrite must refuse a module where OPA's code is not as measured rather than ship
// it unpatched. (The behaviour it fixes is generated in test/policies/builtin-strings.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir } from '../../src/evaluate/paths';
import { withRegexCacheKept } from '../../src/evaluate/regex-cache';

test('the built policy carries the rewrite: no comparison with 100 is left in reuse()', () => {
  const built = readFileSync(join(buildDir(), 'policy.wasm'));
  expect(() => withRegexCacheKept(built)).toThrow('does not compare the cache size with 100 once');
});

test('a module without OPA\'s regex cache, or no module at all, is refused', () => {
  expect(() => withRegexCacheKept(Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]))).toThrow('has no function reuse(re2::RE2*)');
  expect(() => withRegexCacheKept(Buffer.from('{"not": "wasm"}'))).toThrow('not a WebAssembly module');
});
