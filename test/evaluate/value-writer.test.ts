// The input is written into the policy's memory by opa-runtime.ts's ValueWriter, not parsed
// by OPA: the two must give OPA the same value, laid out alike (the same bucket count, each
// key in the same bucket and chain position: what OPA's iteration order follows), or a rule
// could read, iterate or print it differently. Compared here over generated JSON by walking
// both in memory, and through the policy on every rule fixture.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { opaInstance, type OpaInstance } from '../../src/evaluate/opa-runtime';
import { BUILTINS } from '../../src/evaluate/parallel';
import { buildDir } from '../../src/evaluate/paths';
import { withSharedMemory } from '../../src/evaluate/shared-memory';
import { ruleFixtures } from '../policies/helpers';

const policyModule = new WebAssembly.Module(withSharedMemory(readFileSync(join(buildDir(), 'policy.wasm'))));
const instance = (pages = 64): OpaInstance => opaInstance(policyModule, pages, 4096, BUILTINS);

type Shape = unknown[];

/** A value in an instance's memory as OPA's structures hold it (value.h), interned strings read as strings. */
function read(inst: OpaInstance, at: number): Shape {
  const dv = new DataView(inst.buffer());
  const u32 = (a: number): number => dv.getUint32(a, true);
  const bytes = (a: number, n: number): string => Buffer.from(inst.buffer(), a, n).toString('hex');
  const type = dv.getUint8(at);
  switch (type) {
    case 1:
      return ['null'];
    case 2:
    case 9:
      return ['boolean', dv.getUint8(at + 1)];
    case 3:
      return dv.getUint8(at + 1) === 1 ? ['int', dv.getBigInt64(at + 8, true)] : ['number', bytes(u32(at + 8), u32(at + 12))];
    case 4:
    case 8:
      return ['string', bytes(u32(at + 8), u32(at + 4))];
    case 5: {
      const elems = u32(at + 4);
      return ['array', Array.from({ length: u32(at + 8) }, (_, i) => [read(inst, u32(elems + 8 * i)), read(inst, u32(elems + 8 * i + 4))])];
    }
    case 6: {
      const n = u32(at + 8);
      const chains: unknown[] = [];
      for (let b = 0; b < n; b++) {
        for (let e = u32(u32(at + 4) + 4 * b); e !== 0; e = u32(e + 8)) chains.push([b, read(inst, u32(e)), read(inst, u32(e + 4))]);
      }
      return ['object', n, u32(at + 12), chains];
    }
  }
  throw new Error(`unknown OPA value type ${type} at ${at}`);
}

// Few distinct strings (keys collide, values repeat, one is a prefix of another: the
// orders OPA's chains keep), and any others, non-ASCII and astral included.
const text = fc.oneof(fc.constantFrom('', 'a', 'b', 'ab', 'aé', 'é', 'z', '😀', 'Z', 'key', 'key2'), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary-ascii', maxLength: 3 }));
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e21, 1e-7, 2 ** 53, -(2 ** 63), 0.1));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), number, text, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 12 }),
  // Up to 40 keys: objects grow from 8 buckets to 16, 32 and 64.
  object: fc.dictionary(text, tie('value'), { maxKeys: 40 }),
})).value;

test('generated JSON: the writer lays out the value OPA parses from its text, bucket by bucket', () => {
  const inst = instance();
  const mark = inst.mark();
  fc.assert(
    fc.property(json, (v) => {
      inst.reset(mark);
      const parsed = read(inst, inst.load(Buffer.from(JSON.stringify(v))));
      const written = read(inst, inst.writer().value(v));
      expect(written).toEqual(parsed);
    }),
    { numRuns: 400 },
  );
});

test('objects of many keys, one writer for all (strings shared between them)', () => {
  const inst = instance(256);
  const writer = inst.writer();
  fc.assert(
    fc.property(fc.dictionary(text, fc.oneof(text, number), { minKeys: 60, maxKeys: 400 }), (v) => {
      expect(read(inst, writer.value(v))).toEqual(read(inst, inst.load(Buffer.from(JSON.stringify(v)))));
    }),
    { numRuns: 40 },
  );
});

test('an object of values already written: the object OPA parses with them under those keys', () => {
  const inst = instance();
  const mark = inst.mark();
  fc.assert(
    fc.property(fc.dictionary(text, json, { maxKeys: 30 }), (v) => {
      inst.reset(mark);
      const writer = inst.writer();
      const keys = Object.keys(v);
      const built = writer.object(
        keys,
        keys.map((k) => writer.value(v[k])),
      );
      expect(read(inst, built)).toEqual(read(inst, inst.load(Buffer.from(JSON.stringify(v)))));
    }),
    { numRuns: 200 },
  );
});

test('values written past the memory reserved grow it, and read back whole', () => {
  const inst = instance(10);
  const v = { big: 'x'.repeat(200_000), list: Array.from({ length: 5000 }, (_, i) => ({ i, s: `s${i}` })) };
  const at = inst.writer().value(v);
  expect(inst.pages()).toBeGreaterThan(10);
  expect(read(inst, at)).toEqual(read(inst, inst.load(Buffer.from(JSON.stringify(v)))));
});

test('a string OPA could not parse (a lone surrogate) is refused, not written', () => {
  const writer = instance().writer();
  expect(() => writer.value({ name: 'a\ud800b' })).toThrow('lone surrogate');
  expect(() => writer.value(['\udc00'])).toThrow('lone surrogate');
  expect(() => writer.value(undefined)).toThrow('JSON cannot');
});

test('every rule fixture: the policy finds the same in the written input as in the parsed one', () => {
  const manifest = JSON.parse(readFileSync(join(buildDir(), 'manifest.json'), 'utf8')) as { raw_entrypoint: string };
  let found = 0;
  for (const [id, input] of ruleFixtures()) {
    const inst = instance(512);
    const mark = inst.mark();
    const data = (): number => inst.load(Buffer.from('{"config": {}}'));
    const parsed = inst.evaluateJson(manifest.raw_entrypoint, inst.load(Buffer.from(JSON.stringify(input))), data());
    inst.reset(mark);
    const written = inst.evaluateJson(manifest.raw_entrypoint, inst.writer().value(input), data());
    if (written !== parsed) throw new Error(`${id}: the written input gave other findings`);
    found += (JSON.parse(written) as Array<{ result: unknown[] }>)[0].result.length;
  }
  expect(found).toBeGreaterThan(ruleFixtures().length);
});
