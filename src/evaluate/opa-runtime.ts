// The compiled policy's host: instantiates OPA's WASM with one memory, parses JSON into it,
// evaluates entrypoints and answers the built-ins OPA leaves to the host with
// @open-policy-agent/opa-wasm's own implementations. It replaces that SDK's loader, which
// reads the 32-bit addresses WASM returns as signed numbers: past 2 GiB of heap (a
// 200k-resource estate) every built-in call failed with a RangeError. Here every address
// is read unsigned, so an instance can use its whole memory.
//
// Self-contained on purpose: parallel.ts ships this function's source to worker threads
// (plain JS, loaded the same way from src/ under Jest and from dist/), so it names nothing
// from outside itself but `require` and `Buffer`.

export interface OpaInstance {
  /** Parses JSON bytes into the instance's memory; the parsed value's address. */
  load(json: Uint8Array): number;
  /** Writes values into the instance's memory as OPA's own JSON parse lays them out, each string once (ValueWriter). */
  writer(): ValueWriter;
  /** Memory pages the instance has. */
  pages(): number;
  /** Its memory (shared: the module imports it so, shared-memory.ts). */
  buffer(): SharedArrayBuffer;
  /**
   * Copies bytes [from, to) of another instance's memory to the same addresses here and
   * ends the heap at `to`: with the same module and the same allocations before `from`,
   * the values the other parsed there are this instance's (parallel.ts, ImageJob).
   */
  copyIn(memory: SharedArrayBuffer, from: number, to: number): void;
  /**
   * Writes zeros over `bytes` of the free memory above the heap's end (free memory is zero
   * already, so nothing changes): the kernel maps those pages now, on an idle core, instead
   * of one fault at a time while OPA allocates (a fifth of a cold evaluation at 20k resources).
   */
  touch(bytes: number): void;
  /** The heap's end: everything allocated after a mark is dropped by resetting to it. */
  mark(): number;
  reset(mark: number): void;
  /** Evaluates an entrypoint over parsed input and data; the result set. */
  evaluate(entrypoint: string, input: number, data: number): unknown;
  /** The same, as the JSON text OPA writes (posted between threads as one string, not an object graph to clone). */
  evaluateJson(entrypoint: string, input: number, data: number): string;
}

/**
 * Writes JSON values (as JSON.parse answers them) into an instance's memory as the values
 * OPA's parser makes of their text, with the same hash buckets in the same order, so OPA
 * reads, iterates and prints them alike (test/evaluate/value-writer.test.ts compares both
 * byte for byte over generated JSON). Each distinct string and number is written once and
 * shared (as OPA shares the policy's constant strings: interned, never freed; OPA never
 * frees or changes its input), and nothing carries the allocator's per-block header and
 * size-class padding: a 20k-resource plan's input takes 24 MB of WASM memory instead of
 * 150 MB. Its tables hold what it wrote: drop the writer once the heap is reset below it.
 */
export interface ValueWriter {
  /** The value's address. */
  value(v: unknown): number;
  /** An object of values already written, under distinct keys. */
  object(keys: readonly string[], values: readonly number[]): number;
}

/**
 * A fresh instance of `module` (its memory import declared shared: withSharedMemory) whose
 * memory starts at `pages` 64 KiB pages and grows to `maxPages`.
 */
export function opaInstance(module: WebAssembly.Module, pages: number, maxPages: number, builtinsPath: string): OpaInstance {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const builtins = require(builtinsPath) as Record<string, (...args: unknown[]) => unknown>;
  const memory = new WebAssembly.Memory({ initial: pages, maximum: maxPages, shared: true });
  type Exports = Record<string, (...args: number[]) => number>;
  let ex: Exports = {};
  let names: Record<number, string> = {};
  const text = (at: number): string => {
    // A native search for the NUL: a byte loop took tens of ms on a decision of tens of MB.
    const end = new Uint8Array(memory.buffer).indexOf(0, at >>> 0);
    return Buffer.from(memory.buffer, at >>> 0, end - (at >>> 0)).toString('utf8');
  };
  const dump = (value: number): unknown => {
    // A built-in's arguments are dumped as JSON text on every call (sprintf: once per message):
    // the text goes back to the allocator once read, or each call kept ~2 KB of the
    // evaluation's memory (~10 % of it for the S3 rules at 20k resources).
    const at = ex.opa_json_dump(value);
    const json = text(at);
    ex.opa_free(at);
    return JSON.parse(json);
  };
  const load = (json: Uint8Array): number => {
    const at = ex.opa_malloc(json.length) >>> 0;
    new Uint8Array(memory.buffer).set(json, at);
    const value = ex.opa_json_parse(at, json.length) >>> 0;
    if (value === 0) throw new Error('policy input or data is not JSON');
    // OPA copies every string and number out of the text: its block (tens of MB for a large
    // input) goes back to the allocator, which carves the evaluation's allocations from it
    // instead of touching as much fresh memory.
    ex.opa_free(at);
    return value;
  };
  const writer = (): ValueWriter => {
    // OPA's layouts (wasm/src/value.h, 32-bit): string {type, free, len@4, chars@8},
    // number {type, repr, int64@8 | text@8, len@12, free@16}, array {type, elems@4, len@8,
    // cap@12} with {index, value} elements, object {type, buckets@4, n@8, len@12} with
    // {key, value, next} elements chained per bucket in key order.
    const STRING_INTERNED = 8;
    const ARENA = 1 << 20;
    let at = 0;
    let end = 0;
    let u8 = new Uint8Array(memory.buffer);
    let dv = new DataView(memory.buffer);
    let mem = Buffer.from(memory.buffer);
    // Carved from blocks of OPA's allocator, so its heap's end (the mark) is past them.
    const alloc = (size: number): number => {
      size = (size + 3) & ~3;
      if (at + size > end) {
        const n = Math.max(ARENA, size);
        at = ex.opa_malloc(n) >>> 0;
        end = at + n;
        if (u8.byteLength !== memory.buffer.byteLength) {
          u8 = new Uint8Array(memory.buffer);
          dv = new DataView(memory.buffer);
          mem = Buffer.from(memory.buffer);
        }
      }
      const a = at;
      at += size;
      return a;
    };
    const small = (type: number, b1: number): number => {
      const a = alloc(4);
      u8[a] = type;
      u8[a + 1] = b1;
      return a;
    };
    const nul = small(1, 0);
    const yes = small(9, 1);
    const no = small(9, 0);
    // Each string once: its address, and as an object key its hash (-1 until needed) and whether it is ASCII.
    const strings = new Map<string, { a: number; h: number; ascii: boolean }>();
    const str = (s: string): { a: number; h: number; ascii: boolean } => {
      let r = strings.get(s);
      if (r !== undefined) return r;
      const len = Buffer.byteLength(s, 'utf8');
      const a = alloc(12 + len);
      u8[a] = STRING_INTERNED;
      u8[a + 1] = 0;
      dv.setUint32(a + 4, len, true);
      dv.setUint32(a + 8, a + 12, true);
      const ascii = len === s.length;
      // OPA's parser refuses a lone surrogate (or misreads it); Buffer would write U+FFFD.
      if (!ascii && /\p{Cs}/u.test(s)) throw new Error('policy input holds a string with a lone surrogate, which is not text');
      if (ascii) for (let i = 0; i < len; i++) u8[a + 12 + i] = s.charCodeAt(i);
      else mem.write(s, a + 12, len, 'utf8');
      r = { a, h: -1, ascii };
      strings.set(s, r);
      return r;
    };
    // OPA's string hash (value.c fnv1a32: multiply, then xor each byte) over the UTF-8 bytes.
    const hash = (s: string, r: { h: number; ascii: boolean }): number => {
      if (r.h >= 0) return r.h;
      let h = 0x811c9dc5;
      if (r.ascii) for (let i = 0; i < s.length; i++) h = (Math.imul(h, 0x01000193) ^ s.charCodeAt(i)) >>> 0;
      else for (const b of Buffer.from(s, 'utf8')) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
      return (r.h = h >>> 0);
    };
    // OPA orders strings by their bytes, then length: for ASCII, JavaScript's order.
    const compare = (a: string, ra: { ascii: boolean }, b: string, rb: { ascii: boolean }): number =>
      ra.ascii && rb.ascii ? (a < b ? -1 : a > b ? 1 : 0) : Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
    // Numbers as OPA parses them: their JSON text (JSON.stringify's, which the input was written with).
    const numbers = new Map<string, number>();
    const num = (n: number): number => {
      const t = JSON.stringify(n);
      let a = numbers.get(t);
      if (a !== undefined) return a;
      a = alloc(24 + t.length);
      u8[a] = 3;
      u8[a + 1] = 2;
      dv.setUint32(a + 8, a + 24, true);
      dv.setUint32(a + 12, t.length, true);
      u8[a + 16] = 0;
      for (let i = 0; i < t.length; i++) u8[a + 24 + i] = t.charCodeAt(i);
      numbers.set(t, a);
      return a;
    };
    // Array elements carry their index as an integer value: one per index for every array.
    const indexes: number[] = [];
    const index = (i: number): number => {
      let a = indexes[i];
      if (a !== undefined) return a;
      a = alloc(16);
      u8[a] = 3;
      u8[a + 1] = 1;
      dv.setUint32(a + 8, i, true);
      dv.setUint32(a + 12, 0, true);
      return (indexes[i] = a);
    };
    // Addresses of the values written for the array or object being written (a stack: they nest).
    let stack = new Uint32Array(1024);
    let sp = 0;
    const push = (a: number): void => {
      if (sp === stack.length) {
        const bigger = new Uint32Array(stack.length * 2);
        bigger.set(stack);
        stack = bigger;
      }
      stack[sp++] = a;
    };
    const array = (v: unknown[]): number => {
      const base = sp;
      for (const x of v) push(value(x));
      const n = v.length;
      for (let i = 0; i < n; i++) index(i);
      const a = alloc(16 + 8 * n);
      const elems = n === 0 ? 0 : a + 16;
      u8[a] = 5;
      dv.setUint32(a + 4, elems, true);
      dv.setUint32(a + 8, n, true);
      dv.setUint32(a + 12, n, true);
      for (let i = 0; i < n; i++) {
        dv.setUint32(elems + 8 * i, indexes[i], true);
        dv.setUint32(elems + 8 * i + 4, stack[base + i], true);
      }
      sp = base;
      return a;
    };
    // OPA's objects start with 8 buckets and double when an insert would pass 0.7 per bucket.
    const objectAt = (keys: readonly string[], values: (i: number) => number): number => {
      const count = keys.length;
      let n = 8;
      while (count > n * 0.7) n *= 2;
      const recs = keys.map(str);
      const a = alloc(16 + 4 * n + 12 * count);
      const buckets = a + 16;
      const elems = buckets + 4 * n;
      u8[a] = 6;
      dv.setUint32(a + 4, buckets, true);
      dv.setUint32(a + 8, n, true);
      dv.setUint32(a + 12, count, true);
      u8.fill(0, buckets, elems);
      for (let i = 0; i < count; i++) {
        const k = keys[i];
        const r = recs[i];
        const e = elems + 12 * i;
        dv.setUint32(e, r.a, true);
        dv.setUint32(e + 4, values(i), true);
        // Into its bucket's chain before the first greater key, as OPA inserts.
        let link = buckets + 4 * (hash(k, r) % n);
        let next = dv.getUint32(link, true);
        while (next !== 0) {
          const j = (next - elems) / 12;
          if (compare(k, r, keys[j], recs[j]) < 0) break;
          link = next + 8;
          next = dv.getUint32(link, true);
        }
        dv.setUint32(e + 8, next, true);
        dv.setUint32(link, e, true);
      }
      return a;
    };
    const object = (v: Record<string, unknown>): number => {
      const keys = Object.keys(v);
      const base = sp;
      for (const k of keys) push(value(v[k]));
      const a = objectAt(keys, (i) => stack[base + i]);
      sp = base;
      return a;
    };
    const value = (v: unknown): number => {
      if (v === null) return nul;
      switch (typeof v) {
        case 'string':
          return str(v).a;
        case 'number':
          return num(v);
        case 'boolean':
          return v ? yes : no;
        case 'object':
          return Array.isArray(v) ? array(v) : object(v as Record<string, unknown>);
      }
      throw new Error(`policy input holds a ${typeof v}, which JSON cannot`);
    };
    return { value, object: (keys, values) => objectAt(keys, (i) => values[i]) };
  };
  const call = (id: number, args: number[]): number => {
    const impl = builtins[names[id]];
    if (impl === undefined) throw new Error(`not implemented: built-in function ${names[id]}`);
    const result = impl(...args.map(dump));
    return result === undefined ? 0 : load(Buffer.from(JSON.stringify(result)));
  };
  const env = {
    memory,
    opa_abort: (at: number): never => {
      throw new Error(text(at));
    },
    opa_println: (at: number): void => console.log(text(at)),
    opa_builtin0: (id: number): number => call(id, []),
    opa_builtin1: (id: number, _ctx: number, a: number): number => call(id, [a]),
    opa_builtin2: (id: number, _ctx: number, a: number, b: number): number => call(id, [a, b]),
    opa_builtin3: (id: number, _ctx: number, a: number, b: number, c: number): number => call(id, [a, b, c]),
    opa_builtin4: (id: number, _ctx: number, a: number, b: number, c: number, d: number): number => call(id, [a, b, c, d]),
  };
  ex = new WebAssembly.Instance(module, { env }).exports as unknown as Exports;
  names = Object.fromEntries(Object.entries(dump(ex.builtins()) as Record<string, number>).map(([name, id]) => [id, name]));
  const entrypoints = dump(ex.entrypoints()) as Record<string, number>;
  const evaluateJson = (entrypoint: string, input: number, data: number): string => {
    if (!(entrypoint in entrypoints)) throw new Error(`entrypoint ${entrypoint} is not in the compiled policy`);
    const ctx = ex.opa_eval_ctx_new();
    ex.opa_eval_ctx_set_input(ctx, input);
    ex.opa_eval_ctx_set_data(ctx, data);
    ex.opa_eval_ctx_set_entrypoint(ctx, entrypoints[entrypoint]);
    ex.eval(ctx);
    return text(ex.opa_json_dump(ex.opa_eval_ctx_get_result(ctx)));
  };
  return {
    load,
    writer,
    pages: () => memory.buffer.byteLength >>> 16,
    buffer: () => memory.buffer as unknown as SharedArrayBuffer,
    copyIn: (source, from, to) => {
      // OPA's allocator took its heap's top from the memory's size when the instance started:
      // an image past it would be overwritten (parallel.ts makes instances at least as large).
      if (to > memory.buffer.byteLength) throw new Error('policy input image is larger than this instance\'s memory');
      new Uint8Array(memory.buffer).set(new Uint8Array(source, from, to - from), from);
      ex.opa_heap_ptr_set(to);
    },
    touch: (bytes) => {
      const from = ex.opa_heap_ptr_get() >>> 0;
      new Uint8Array(memory.buffer, from, Math.max(0, Math.min(bytes, memory.buffer.byteLength - from))).fill(0);
    },
    mark: () => ex.opa_heap_ptr_get() >>> 0,
    reset: (mark) => {
      ex.opa_heap_ptr_set(mark);
    },
    evaluate: (entrypoint, input, data) => JSON.parse(evaluateJson(entrypoint, input, data)),
    evaluateJson,
  };
}
