// The input is written into the policy's memory by opa-runtime.ts's ValueWriter, not parsed
// by OPA: the two must give OPA the same value, laid out alike (the same bucket count, each
// key in the same bucket and chain position: what OPA's iteration order follows), or a rule
// could read, iterate or print it differently. Compared here over generated JSON by walking
// both in memory, and through the policy on every rule fixture.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inputWriter } from '../../src/evaluate/input-stream';
import { opaInstance, type OpaInstance, type ValueWriter } from '../../src/evaluate/opa-runtime';
import { BUILTINS, emptyHeap, runJob, sharedMemory, type InputImage } from '../../src/evaluate/parallel';
import { project } from '../../src/evaluate/projection';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { estatePlan } from '../../scripts/bench/estate';
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
const text = fc.oneof(fc.constantFrom('', 'a', 'b', 'ab', 'aé', 'é', 'z', '😀', 'Z', 'key', 'key2', '"q"', 'back\\slash', 'tab\t'), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary-ascii', maxLength: 3 }));
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e21, 1e-7, 2 ** 53, -(2 ** 63), 0.1));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), number, text, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 12 }),
  // Up to 40 keys: objects grow from 8 buckets to 16, 32 and 64.
  object: fc.dictionary(text, tie('value'), { maxKeys: 40 }),
})).value;

/** A string as JSON text, each character written plainly or as a \u escape (as any JSON writer may). */
const stringText = (s: string, escape: boolean[]): string =>
  `"${[...s].map((ch, i) => (escape[i % escape.length] && ch.length === 1 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : JSON.stringify(ch).slice(1, -1))).join('')}"`;

/** JSON text of a value: compact, indented, or with strings escaped in other ways and repeated keys. */
const jsonText = fc.letrec<{ value: string; string: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom('null', 'true', 'false', ' 0 ', '-0', '1.5e+3', '2E-2'), number.map((n) => JSON.stringify(n)), tie('string'), tie('array'), tie('object')),
  string: fc.tuple(text, fc.array(fc.boolean(), { minLength: 1, maxLength: 4 })).map(([s, e]) => stringText(s, e)),
  array: fc.tuple(fc.array(tie('value'), { maxLength: 8 }), fc.constantFrom('', ' ', '\n  ')).map(([vs, ws]) => `[${ws}${vs.join(`,${ws}`)}${ws}]`),
  object: fc.tuple(fc.array(fc.tuple(tie('string'), tie('value')), { maxLength: 30 }), fc.constantFrom('', ' ', '\r\n\t')).map(([ms, ws]) => `{${ws}${ms.map(([k, v]) => `${k}${ws}:${ws}${v}`).join(`${ws},`)}${ws}}`),
})).value;

test('generated JSON texts: the writer lays out the value OPA parses from them, bucket by bucket', () => {
  const inst = instance();
  const mark = inst.mark();
  const same = (t: string): void => {
    inst.reset(mark);
    const parsed = read(inst, inst.load(Buffer.from(t)));
    expect(read(inst, inst.writer().json(t))).toEqual(parsed);
  };
  fc.assert(
    fc.property(json, (v) => {
      same(JSON.stringify(v));
      same(JSON.stringify(v, null, 2));
    }),
    { numRuns: 300 },
  );
  // Escapes OPA decodes, whitespace anywhere, repeated keys (the last value in the first one's place).
  fc.assert(fc.property(jsonText, same), { numRuns: 300 });
});

test('generated JavaScript values: value() lays out what OPA parses from their JSON.stringify text', () => {
  // The main thread writes each resource from its value (input-stream.ts), one writer for the
  // whole input: strings, numbers and layouts met before are shared, never written again.
  const inst = instance(256);
  const mark = inst.mark();
  let writer = inst.writer();
  // Members JSON.stringify leaves out (undefined, functions), array elements it writes as
  // null, and numbers it writes as null.
  const odd = fc.constantFrom(undefined, () => 1, NaN, Infinity, -Infinity);
  const loose = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, json, tie('array'), tie('object')),
    array: fc.array(fc.oneof(tie('value'), odd), { maxLength: 8 }),
    object: fc.dictionary(fc.oneof(text, fc.constantFrom('0', '1', '10', '-1', '01')), fc.oneof(tie('value'), odd), { maxKeys: 20 }),
  })).value;
  fc.assert(
    fc.property(loose, fc.boolean(), (v, fresh) => {
      if (fresh) {
        inst.reset(mark);
        writer = inst.writer();
      }
      const t = JSON.stringify(v);
      expect(read(inst, writer.value(v))).toEqual(read(inst, inst.load(Buffer.from(t))));
    }),
    { numRuns: 400 },
  );
  // Objects that inherit enumerable properties: only their own are written, as JSON.stringify writes them.
  class Tagged {
    own = 'kept';
  }
  Object.defineProperty(Tagged.prototype, 'inherited', { value: 'dropped', enumerable: true });
  const inherits = Object.assign(Object.create({ inheritedToo: 1 }) as Record<string, unknown>, { a: 1, b: [new Tagged()] });
  for (const v of [new Tagged(), inherits, { nested: inherits }]) expect(read(inst, writer.value(v))).toEqual(read(inst, inst.load(Buffer.from(JSON.stringify(v)))));
  // What JSON has no text for, and text that is not text, are refused, not written as something else.
  expect(() => writer.value(undefined)).toThrow('not JSON');
  expect(() => writer.value(10n)).toThrow('not JSON');
  expect(() => writer.value({ a: new Date(0) })).toThrow('toJSON');
  expect(() => writer.value(['ok', 'x\ud800'])).toThrow('lone surrogate');
  expect(() => writer.value({ ['\udfff']: 1 })).toThrow('lone surrogate');
  // The writer goes on after a refusal.
  expect(read(inst, writer.value({ a: [1, 'b'] }))).toEqual(read(inst, inst.load(Buffer.from('{"a":[1,"b"]}'))));
  // Every object would list what a polluted Object.prototype holds: no writer is made then.
  Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true });
  try {
    expect(() => instance().writer()).toThrow('enumerable property "polluted"');
  } finally {
    delete (Object.prototype as Record<string, unknown>).polluted;
  }
  expect(() => instance().writer()).not.toThrow();
});

test('objects of many keys, one writer for all (strings shared between them)', () => {
  const inst = instance(256);
  const writer = inst.writer();
  fc.assert(
    fc.property(fc.dictionary(text, fc.oneof(text, number), { minKeys: 60, maxKeys: 400 }), (v) => {
      const t = JSON.stringify(v);
      expect(read(inst, writer.json(t))).toEqual(read(inst, inst.load(Buffer.from(t))));
    }),
    { numRuns: 40 },
  );
});

/** Each member's key handle and value, written by `writer` (as texts, or as values). */
const membersOf = (writer: ValueWriter, v: Record<string, unknown>, keys: number[], values: number[], asText = true): void => {
  for (const [k, x] of Object.entries(v)) {
    keys.push(writer.key(k));
    values.push(asText ? writer.json(JSON.stringify(x)) : writer.value(x));
  }
};

test('an object of values under keys of its own', () => {
  const inst = instance();
  const mark = inst.mark();
  fc.assert(
    fc.property(fc.dictionary(text, json, { maxKeys: 30 }), json, fc.boolean(), (v, extra, asText) => {
      inst.reset(mark);
      const writer = inst.writer();
      const keys: number[] = [];
      const values: number[] = [];
      membersOf(writer, v, keys, values, asText);
      const whole = { ...v, 'an extra key': extra };
      keys.push(writer.key('an extra key'));
      values.push(writer.json(JSON.stringify(extra)));
      expect(read(inst, writer.object(keys, values))).toEqual(read(inst, inst.load(Buffer.from(JSON.stringify(whole)))));
      expect(() => writer.object([...keys, keys[0]], [...values, values[0]])).toThrow('distinct keys');
    }),
    { numRuns: 200 },
  );
});

test('an object built member by member, whether its expected size was right or not', () => {
  const inst = instance();
  const mark = inst.mark();
  fc.assert(
    fc.property(fc.dictionary(text, number, { maxKeys: 60 }), fc.integer({ min: -12, max: 12 }), (v, off) => {
      inst.reset(mark);
      const writer = inst.writer();
      const keys: number[] = [];
      const values: number[] = [];
      membersOf(writer, v, keys, values);
      const built = writer.objectBuilder(Math.max(0, keys.length + off));
      keys.forEach((k, i) => built.add(k, values[i]));
      expect(read(inst, built.finish())).toEqual(read(inst, inst.load(Buffer.from(JSON.stringify(v)))));
      // A key added twice is refused, found as it comes or at the end.
      if (keys.length > 0) {
        const twice = writer.objectBuilder(Math.max(0, keys.length + 1 + off));
        expect(() => {
          [...keys, keys[0]].forEach((k, i) => twice.add(k, values[i % values.length]));
          twice.finish();
        }).toThrow('distinct keys');
      }
    }),
    { numRuns: 300 },
  );
});

test('a text JSON.parse refuses is refused, one that it reads is written', () => {
  const writer = instance(256).writer();
  const accepts = (f: () => unknown): boolean => {
    try {
      f();
      return true;
    } catch {
      return false;
    }
  };
  // JSON.parse takes a lone surrogate (half of a pair cut out): OPA cannot, neither does the writer.
  const parses = (t: string): boolean => !/\p{Cs}/u.test(t) && accepts(() => JSON.parse(t));
  fc.assert(
    fc.property(jsonText, fc.nat(), fc.constantFrom('', '"', '{', '}', ',', ':', ']', 'x', '\\', '\u0001', '-', '.', 'e', '0'), (t, at, insert) => {
      const cut = at % (t.length + 1);
      for (const mutated of [t.slice(0, cut), t.slice(0, cut) + insert + t.slice(cut), t.slice(0, cut) + t.slice(cut + 1)]) {
        expect([mutated, accepts(() => writer.json(mutated))]).toEqual([mutated, parses(mutated)]);
      }
    }),
    { numRuns: 500 },
  );
  expect(() => writer.json('{"a": 1} x')).toThrow('policy input is not JSON: text after the value');
});

test('values written past the memory reserved grow it, and read back whole', () => {
  // The smallest memory the policy fits in (its static data grows with the rules), plus a page.
  const pages = Math.ceil(instance().mark() / 65536) + 1;
  const inst = instance(pages);
  const t = JSON.stringify({ big: 'x'.repeat(200_000), list: Array.from({ length: 5000 }, (_, i) => ({ i, s: `s${i}` })) });
  const at = inst.writer().json(t);
  expect(inst.pages()).toBeGreaterThan(pages);
  expect(read(inst, at)).toEqual(read(inst, inst.load(Buffer.from(t))));
});

test('a string OPA could not parse (a lone surrogate) is refused, not written', () => {
  const writer = instance().writer();
  expect(() => writer.json(JSON.stringify({ name: 'a\ud800b' }))).toThrow('lone surrogate');
  expect(() => writer.json('["\\udc00"]')).toThrow('lone surrogate');
  expect(() => writer.key('\ud800')).toThrow('lone surrogate');
});

test("an estate's input, written as the main thread writes it, takes a fifth or less of the memory OPA's parse of it takes", async () => {
  // The memory the benchmark's peak RSS rests on (issue 12): a 3,000-resource estate plan, as
  // the benchmark generates them, written resource by resource into a worker's memory as the
  // main thread writes it: the same value as OPA's parse of the whole projected text, in
  // 4.2 MB against 23 MB (the 20k estate: 24 against 150 MB).
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-writer-'));
  try {
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(estatePlan(3000)));
    const input = normalize(await loadPaths([file]));
    const { attributes } = JSON.parse(readFileSync(join(buildDir(), 'manifest.json'), 'utf8')) as { attributes: string[] | null };
    const text = JSON.stringify(project(input, attributes));
    const memory = sharedMemory(2048, 4096);
    const inst = opaInstance(policyModule, memory, 4096, BUILTINS);
    const heap = emptyHeap(inst.mark());
    const writer = inputWriter(memory, heap.base, attributes, Object.keys(input.resources).length);
    for (const [key, r] of Object.entries(input.resources)) writer.add(key, r);
    const image = runJob(inst, heap, { kind: 'written', ...writer.finish(input), share: true }) as InputImage;
    const written = image.afterInput - image.base;
    const other = instance(2048);
    const before = other.mark();
    const parsed = read(other, other.load(Buffer.from(text)));
    const parsedBytes = other.mark() - before;
    expect(read(inst, image.input)).toEqual(parsed);
    expect(written).toBeLessThan(1.5 * text.length);
    // parallel.ts sizes by the written input: a plan file is about 1.5× it (PRESTART_TWO_MAX_BYTES).
    const ratio = statSync(file).size / written;
    expect(ratio).toBeGreaterThan(1.5 / 1.25);
    expect(ratio).toBeLessThan(1.5 * 1.25);
    expect(parsedBytes).toBeGreaterThan(5 * written);
    // Written into a memory reserved too small for it, the memory grows under the idle
    // instance (its allocator's idea of the top stays behind: it grows the memory again as it
    // allocates), which then evaluates it as it does its own parse.
    const manifest = JSON.parse(readFileSync(join(buildDir(), 'manifest.json'), 'utf8')) as { raw_entrypoint: string };
    const small = sharedMemory(40, 4096);
    const grown = opaInstance(policyModule, small, 4096, BUILTINS);
    const grownHeap = emptyHeap(grown.mark());
    const w = inputWriter(small, grownHeap.base, attributes, 0);
    for (const [key, r] of Object.entries(input.resources)) w.add(key, r);
    runJob(grown, grownHeap, { kind: 'written', ...w.finish(input) });
    // Written once: nothing is added to an input already handed over.
    const [someKey, someResource] = Object.entries(input.resources)[0];
    expect(() => w.add(someKey, someResource)).toThrow('already written');
    expect(() => w.finish(input)).toThrow('already written');
    expect(small.buffer.byteLength).toBeGreaterThan(40 * 65536);
    const config = (i: OpaInstance): number => i.load(Buffer.from('{"config": {}}'));
    other.reset(before);
    const found = JSON.parse(grown.evaluateJson(manifest.raw_entrypoint, grownHeap.input, config(grown))) as Array<{ result: { raw: unknown[] } }>;
    expect(found[0].result.raw.length).toBeGreaterThan(0);
    expect(found).toEqual(JSON.parse(other.evaluateJson(manifest.raw_entrypoint, other.load(Buffer.from(text)), config(other))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    const written = inst.evaluateJson(manifest.raw_entrypoint, inst.writer().json(JSON.stringify(input)), data());
    if (written !== parsed) throw new Error(`${id}: the written input gave other findings`);
    found += (JSON.parse(written) as Array<{ result: { raw: unknown[] } }>)[0].result.raw.length;
  }
  expect(found).toBeGreaterThan(ruleFixtures().length);
});
