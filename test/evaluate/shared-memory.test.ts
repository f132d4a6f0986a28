// The policy's memory import is rewritten to shared (shared-memory.ts) so that workers copy
// the input one of them parsed (parallel.ts, ImageJob). Generated modules, with imports of
// every kind before and after the memory and limits of every encoding, must keep everything
// but the memory's limits; the real policy's instances must give the same findings over a
// copied image as over their own parse, and refuse an image laid out differently.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputWriter } from '../../src/evaluate/input-stream';
import { opaInstance, type OpaInstance } from '../../src/evaluate/opa-runtime';
import { BUILTINS, emptyHeap, runJob, sharedMemory, type InputImage } from '../../src/evaluate/parallel';
import { buildDir } from '../../src/evaluate/paths';
// The modules are encoded with the module's own leb(): a wrong encoding fails WebAssembly.validate below.
import { leb, withSharedMemory } from '../../src/evaluate/shared-memory';
import type { PolicyInput } from '../../src/types/policy-input';
import { ruleFixtures } from '../policies/helpers';

const name = (s: string): number[] => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const limits = (min: number, max: number | null): number[] => (max === null ? [0, ...leb(min)] : [1, ...leb(min), ...leb(max)]);

type Import = { kind: 'func' } | { kind: 'table'; min: number; max: number | null } | { kind: 'global'; mutable: boolean } | { kind: 'memory'; min: number; max: number | null };

/** A module importing `imports` (names m0, m1, …) that exports one function answering 42. */
function moduleBytes(imports: Import[]): Uint8Array<ArrayBuffer> {
  const entries = imports.flatMap((imp, i) => {
    const head = [...name('env'), ...name(`m${i}`)];
    if (imp.kind === 'func') return [...head, 0, 0];
    if (imp.kind === 'table') return [...head, 1, 0x70, ...limits(imp.min, imp.max)];
    if (imp.kind === 'global') return [...head, 3, 0x7f, imp.mutable ? 1 : 0];
    return [...head, 2, ...limits(imp.min, imp.max)];
  });
  const funcs = imports.filter((i) => i.kind === 'func').length;
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [2, 0x60, 0, 0, 0x60, 0, 1, 0x7f]),
    ...section(2, [...leb(imports.length), ...entries]),
    ...section(3, [1, 1]),
    ...section(7, [1, ...name('answer'), 0, ...leb(funcs)]),
    ...section(10, [1, 4, 0, 0x41, 42, 0x0b]),
  ]);
}

const limitsArb = (ceiling: number) =>
  fc.integer({ min: 0, max: ceiling }).chain((min) => fc.tuple(fc.constant(min), fc.option(fc.integer({ min, max: ceiling }), { nil: null })));
const other = fc.oneof(
  fc.constant<Import>({ kind: 'func' }),
  limitsArb(300).map(([min, max]): Import => ({ kind: 'table', min, max })),
  fc.boolean().map((mutable): Import => ({ kind: 'global', mutable })),
);

test('generated modules: only the memory import changes, to shared with the largest maximum', () => {
  fc.assert(
    fc.property(fc.array(other, { maxLength: 6 }), fc.array(other, { maxLength: 6 }), limitsArb(200), (before, after, [min, max]) => {
      const imports: Import[] = [...before, { kind: 'memory', min, max }, ...after];
      const patched = withSharedMemory(moduleBytes(imports));
      expect(WebAssembly.validate(patched)).toBe(true);
      const mod = new WebAssembly.Module(patched);
      expect(WebAssembly.Module.imports(mod)).toEqual(WebAssembly.Module.imports(new WebAssembly.Module(moduleBytes(imports))));
      const env: Record<string, unknown> = {};
      imports.forEach((imp, i) => {
        if (imp.kind === 'func') env[`m${i}`] = () => undefined;
        else if (imp.kind === 'table') env[`m${i}`] = new WebAssembly.Table({ initial: imp.min, maximum: imp.max ?? undefined, element: 'anyfunc' });
        else if (imp.kind === 'global') env[`m${i}`] = new WebAssembly.Global({ value: 'i32', mutable: imp.mutable }, 0);
        else env[`m${i}`] = new WebAssembly.Memory({ initial: min, maximum: Math.max(min, max ?? min) + 1, shared: true });
      });
      const { exports } = new WebAssembly.Instance(mod, { env: env as WebAssembly.ModuleImports });
      expect((exports.answer as () => number)()).toBe(42);
      // An unshared memory no longer fits the import: the rewrite is what makes it shared.
      const unshared = { ...env, [`m${before.length}`]: new WebAssembly.Memory({ initial: min, maximum: Math.max(min, max ?? min) + 1 }) };
      expect(() => new WebAssembly.Instance(mod, { env: unshared as WebAssembly.ModuleImports })).toThrow();
    }),
    { numRuns: 200 },
  );
});

test('a module without a memory import, or not WebAssembly, is refused', () => {
  expect(() => withSharedMemory(moduleBytes([{ kind: 'func' }]))).toThrow('imports no memory');
  expect(() => withSharedMemory(Buffer.from('{"not": "wasm"}'))).toThrow('not a WebAssembly module');
  const truncated = moduleBytes([{ kind: 'memory', min: 1, max: null }]).subarray(0, 20);
  expect(() => withSharedMemory(truncated)).toThrow();
});

describe('the compiled policy over a copied image', () => {
  const module = new WebAssembly.Module(withSharedMemory(readFileSync(join(buildDir(), 'policy.wasm'))));
  const manifest = JSON.parse(readFileSync(join(buildDir(), 'manifest.json'), 'utf8')) as { raw_entrypoint: string };
  const PAGES = 512;
  const instance = (pages = PAGES) => opaInstance(module, pages, 4096, BUILTINS);
  /** The input as the first worker holds it: written into its memory by the main thread, resource by resource. */
  const parsed = (input: PolicyInput) => {
    const memory = sharedMemory(PAGES, 4096);
    const inst = opaInstance(module, memory, 4096, BUILTINS);
    const heap = emptyHeap(inst.mark());
    const writer = inputWriter(memory, heap.base, null, Object.keys(input.resources).length);
    for (const [key, r] of Object.entries(input.resources)) writer.add(key, r);
    const image = runJob(inst, heap, { kind: 'written', ...writer.finish(input), share: true }) as InputImage;
    return { inst, image };
  };
  const findings = (inst: OpaInstance, at: number): string => inst.evaluateJson(manifest.raw_entrypoint, at, inst.load(Buffer.from('{"config": {}}')));

  test('every rule fixture: an image copied into a fresh instance gives the findings of the input parsed whole', () => {
    let found = 0;
    for (const [id, input] of ruleFixtures()) {
      const { image } = parsed(input);
      const copy = instance();
      const heap = emptyHeap(copy.mark());
      runJob(copy, heap, { kind: 'image', ...image });
      const whole = instance();
      const expected = findings(whole, whole.load(Buffer.from(JSON.stringify(input))));
      const got = findings(copy, heap.input);
      if (got !== expected) throw new Error(`${id}: the copied input gave other findings`);
      found += (JSON.parse(got) as Array<{ result: { raw: unknown[] } }>)[0].result.raw.length;
    }
    expect(found).toBeGreaterThan(ruleFixtures().length);
  });

  const [, fixture] = ruleFixtures()[0];

  test('a shared memory grows as OPA allocates past it: the same findings as with room reserved', () => {
    // Pages are reserved up front for the input (pagesFor), but OPA grows the memory where that
    // fell short; a shared memory grows in place (its buffer is read afresh on every access).
    const padded = Buffer.from(JSON.stringify({ ...fixture, padding: 'x'.repeat(3_000_000) }));
    const small = instance(16);
    const roomy = instance(1024);
    const got = findings(small, small.load(padded));
    expect(small.pages()).toBeGreaterThan(16);
    expect(got).toBe(findings(roomy, roomy.load(padded)));
    expect((JSON.parse(got) as Array<{ result: { raw: unknown[] } }>)[0].result.raw.length).toBeGreaterThan(0);
  });

  test('an instance whose heap starts elsewhere refuses the image', () => {
    const { image } = parsed(fixture);
    const other = instance();
    other.load(Buffer.from('"something allocated first"'));
    expect(() => runJob(other, emptyHeap(other.mark()), { kind: 'image', ...image })).toThrow('policy instances differ');
  });

  test('an image past the instance memory is refused, not written over its end', () => {
    const { image } = parsed(fixture);
    const pages = Math.ceil(image.base / 65536) + 1;
    const small = instance(pages);
    expect(() => runJob(small, emptyHeap(small.mark()), { kind: 'image', ...image, afterInput: (pages + 1) * 65536 })).toThrow('larger than this instance');
  });
});
