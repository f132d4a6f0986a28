// A host built-in (sprintf) receives its arguments and returns its result across the WASM
// boundary. opa-runtime.ts reads strings, booleans, null and lists of them straight from
// memory and writes a string result as OPA lays one out, where it used to dump each argument
// as JSON text and parse the result's text: both must give exactly what the JSON way gives,
// on generated values (every value OPA's parser makes, strings beyond ASCII and with control
// characters, bytes that are not UTF-8, lone surrogates in a result). The policy's messages
// are compared with `opa eval` on every fixture elsewhere (test/policies).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { opaInstance, type OpaInstance } from '../../src/evaluate/opa-runtime';
import { BUILTINS } from '../../src/evaluate/parallel';
import { buildDir } from '../../src/evaluate/paths';
import { withSharedMemory } from '../../src/evaluate/shared-memory';

const policyModule = new WebAssembly.Module(withSharedMemory(readFileSync(join(buildDir(), 'policy.wasm'))));
const instance = (): OpaInstance => opaInstance(policyModule, 256, 4096, BUILTINS);

// Text of every kind: ASCII with escapes and control characters, beyond ASCII, astral.
const text = fc.oneof(fc.string({ unit: 'grapheme-composite', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', '"', '\\', '\n\t\u0001', 'é', '😀', '\ufffd', '%s %d'));

test('arguments read from memory are what JSON.parse of OPA\'s dump gives', () => {
  const inst = instance();
  // Values OPA's parser makes from JSON text (a lone surrogate it cannot read is left out).
  const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => !/\p{Cs}/u.test(JSON.stringify(v)));
  let direct = 0;
  fc.assert(
    fc.property(fc.oneof(json, fc.array(text, { maxLength: 4 }), text), (v) => {
      const at = inst.load(Buffer.from(JSON.stringify(v)));
      const expected = JSON.parse(inst.dump(at));
      expect(inst.argument(at)).toEqual(expected);
      if (typeof v === 'string' || Array.isArray(v)) direct++;
    }),
    { numRuns: 600 },
  );
  expect(direct).toBeGreaterThan(100);
});

test('strings holding bytes that are not UTF-8 are read as the dump reads them', () => {
  const inst = instance();
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 16 }), (bytes) => {
      // A string value written by hand (OPA's parser only makes valid UTF-8, a built-in could not).
      const at = inst.result('x'.repeat(bytes.length));
      new Uint8Array(inst.buffer()).set(bytes, at + 12);
      expect(inst.argument(at)).toEqual(JSON.parse(inst.dump(at)));
      const list = inst.load(Buffer.from('["a", 1]'));
      expect(inst.argument(list)).toEqual(['a', 1]);
    }),
    { numRuns: 300 },
  );
});

test('a result written into memory is the value the JSON way writes', () => {
  const inst = instance();
  fc.assert(
    fc.property(fc.oneof(text, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('\ud800', 'a\udfffb')), (r) => {
      const viaJson = (i: OpaInstance): string => i.dump(i.load(Buffer.from(JSON.stringify(r))));
      // A lone surrogate takes the JSON way, which OPA's parser refuses: the evaluation fails.
      if (typeof r === 'string' && /\p{Cs}/u.test(r)) {
        expect(() => viaJson(instance())).toThrow('illegal string escape character');
        expect(() => instance().result(r)).toThrow('illegal string escape character');
        return;
      }
      const at = inst.result(r);
      expect(inst.dump(at)).toBe(viaJson(inst));
      // As JSON carries it (-0 is 0 there).
      expect(inst.argument(at)).toEqual(JSON.parse(JSON.stringify(r)));
    }),
    { numRuns: 600 },
  );
  expect(inst.result(undefined)).toBe(0);
});
