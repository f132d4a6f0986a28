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
  /** A value at an address as a host built-in receives it (as JSON.parse of OPA's dump of it). */
  argument(value: number): unknown;
  /** A host built-in's result written into memory (undefined: 0, no value); its address. */
  result(r: unknown): number;
  /** OPA's JSON text of a value. */
  dump(value: number): string;
  /** Evaluates an entrypoint over parsed input and data; the result set. */
  evaluate(entrypoint: string, input: number, data: number): unknown;
  /** The same, as the JSON text OPA writes (posted between threads as one string, not an object graph to clone). */
  evaluateJson(entrypoint: string, input: number, data: number): string;
}

/**
 * Writes JSON texts, or JavaScript values as JSON.stringify would encode them, into an
 * instance's memory as the values OPA's parser makes of the text, with the same hash buckets
 * in the same order, so OPA reads, iterates and prints them alike
 * (test/evaluate/value-writer.test.ts compares both byte for byte over generated JSON). Each
 * distinct string and number is written once and shared (as OPA shares the policy's constant
 * strings: interned, never freed; OPA never frees or changes its input), and nothing carries
 * the allocator's per-block header and size-class padding: a 20k-resource plan's input takes
 * 24 MB of WASM memory instead of 150 MB. Strings of a text are found by OPA's own hash as
 * they are scanned, so a repeated one is never made a JavaScript string. Its tables hold what
 * it wrote: drop the writer once the heap is reset below it.
 */
export interface ValueWriter {
  /** Writes a JSON text's value; its address. */
  json(text: string): number;
  /**
   * Writes a JavaScript value as JSON.stringify would encode it (undefined and functions
   * skipped in objects, null in arrays; numbers that are not finite as null); its address.
   */
  value(v: unknown): number;
  /** The handle of the string `s` as a key (written once). */
  key(s: string): number;
  /** An object of values already written under distinct keys (handles from key()). */
  object(keys: readonly number[], values: readonly number[]): number;
  /**
   * The same, member by member: for an object expected to hold `count` members each is placed
   * in its bucket as it comes (where the count turns out otherwise, all are placed at the
   * end); written by finish().
   */
  objectBuilder(count: number): ObjectBuilder;
  /** Just past the last byte it wrote (past everything, where its blocks come in address order: a bump allocator's). */
  end(): number;
}

export interface ObjectBuilder {
  add(key: number, value: number): void;
  /** Writes the object; its address. */
  finish(): number;
}

/**
 * A fresh instance of `module` (its memory import declared shared: withSharedMemory) whose
 * memory starts at `pages` 64 KiB pages and grows to `maxPages`, or is the memory given.
 */
export function opaInstance(module: WebAssembly.Module, pages: number | WebAssembly.Memory, maxPages: number, builtinsPath: string): OpaInstance {
  // The YAML library reads flow collections by recursion: past some 900 levels (fewer on a
  // thread with a smaller stack) it overflows, and building its error there takes seconds (a
  // 400 KB body of brackets took 18 s). A text nested deeper than this is refused up front, the
  // same on every thread; OPA's Go YAML reads to 10000 levels, so such a body is reported not
  // verifiable, never read otherwise. Brackets in quoted strings count too: refusing more.
  // (Defined here: the workers run this function's source, not the module's.)
  const MAX_FLOW_DEPTH = 512;
  const deeplyNested = (text: unknown): boolean => {
    if (typeof text !== 'string' || text.length <= MAX_FLOW_DEPTH) return false;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) {
        if (++depth > MAX_FLOW_DEPTH) return true;
      } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    }
    return false;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(builtinsPath) as Record<string, (...args: unknown[]) => unknown>;
  // sprintf-js throws on a null for %v (it calls valueOf); OPA's Go engine writes it "null". A
  // rule formatting a value normalize made null (one Terraform would reject for its type) had
  // made the whole evaluation fail: test/evaluate/builtins.test.ts.
  const builtins: Record<string, (...args: unknown[]) => unknown> = {
    ...loaded,
    sprintf: (format: unknown, values: unknown) => loaded.sprintf(format, Array.isArray(values) ? values.map((v) => (v === null ? 'null' : v)) : values),
    // The YAML library throws what it does not count as a syntax error (an alias bomb in an
    // OpenAPI body: "Excessive alias count"), which made the whole evaluation fail ("internal
    // error"); OPA's Go engine refuses such a text as YAML, and so does this one now
    // (test/policies/yaml-bodies.test.ts).
    'yaml.is_valid': (text: unknown) => {
      if (deeplyNested(text)) return false;
      try {
        return loaded['yaml.is_valid'](text);
      } catch {
        return false;
      }
    },
    'yaml.unmarshal': (text: unknown) => {
      if (deeplyNested(text)) return undefined;
      try {
        return loaded['yaml.unmarshal'](text);
      } catch {
        return undefined;
      }
    },
  };
  // A memory given is one another thread writes the input into (input-stream.ts).
  const memory = typeof pages === 'number' ? new WebAssembly.Memory({ initial: pages, maximum: maxPages, shared: true }) : pages;
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
  const writer = (): ValueWriter => valueWriter(memory, (n) => ex.opa_malloc(n) >>> 0);
  // A built-in's arguments and result crossed as JSON text, dumped, parsed and parsed again
  // (~4 µs a call; sprintf, the one built-in the rules call, makes 7,000 messages at 20k
  // resources). Strings, booleans, null and lists of them are read from memory as the dump
  // would give them, and a string result is written as OPA lays out a string; anything else
  // (numbers, objects, a result with a lone surrogate) goes the JSON way.
  const UNREAD = Symbol('unread');
  const u32at = (u8: Uint8Array, a: number): number => (u8[a] | (u8[a + 1] << 8) | (u8[a + 2] << 16) | (u8[a + 3] << 24)) >>> 0;
  const read = (u8: Uint8Array, v: number, nested: boolean): unknown => {
    switch (u8[v]) {
      case 1: // null
        return null;
      case 2: // boolean, and its interned form
      case 9:
        return u8[v + 1] !== 0;
      case 4: // string {type, free, len@4, chars@8}, and its interned form
      case 8:
        // Bytes that are not UTF-8 read as U+FFFD, as OPA's dump of them does (it copies them).
        return Buffer.from(u8.buffer, u32at(u8, v + 8), u32at(u8, v + 4)).toString('utf8');
      case 5: {
        // array {type, elems@4, len@8} of {index, value}: one level (sprintf's argument list).
        if (nested) return UNREAD;
        const elems = u32at(u8, v + 4);
        const out: unknown[] = [];
        for (let i = 0, n = u32at(u8, v + 8); i < n; i++) {
          const x = read(u8, u32at(u8, elems + 8 * i + 4), true);
          if (x === UNREAD) return UNREAD;
          out.push(x);
        }
        return out;
      }
      default:
        return UNREAD;
    }
  };
  const argument = (v: number): unknown => {
    const x = read(new Uint8Array(memory.buffer), v >>> 0, false);
    return x === UNREAD ? dump(v) : x;
  };
  const LONE_SURROGATE = /\p{Cs}/u;
  const result = (r: unknown): number => {
    if (r === undefined) return 0;
    if (typeof r !== 'string' || LONE_SURROGATE.test(r)) return load(Buffer.from(JSON.stringify(r)));
    const bytes = Buffer.from(r, 'utf8');
    const a = ex.opa_malloc(12 + bytes.length) >>> 0;
    const u8 = new Uint8Array(memory.buffer);
    const dv = new DataView(memory.buffer);
    // A string whose characters follow it in the same block (not freed apart: free = 0).
    u8[a] = 4;
    u8[a + 1] = 0;
    dv.setUint32(a + 4, bytes.length, true);
    dv.setUint32(a + 8, a + 12, true);
    u8.set(bytes, a + 12);
    return a;
  };
  const call = (id: number, args: number[]): number => {
    const impl = builtins[names[id]];
    if (impl === undefined) throw new Error(`not implemented: built-in function ${names[id]}`);
    return result(impl(...args.map(argument)));
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
    argument,
    result,
    dump: (value) => text(ex.opa_json_dump(value)),
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

/**
 * A ValueWriter over `memory`, its blocks from `malloc` (an instance's opa_malloc, or the
 * bump allocator of a thread that writes an input for another's instance: inputWriter).
 * Self-contained like opaInstance (shipped to workers).
 */
export function valueWriter(memory: WebAssembly.Memory, malloc: (bytes: number) => number): ValueWriter {
  // OPA's layouts (wasm/src/value.h, 32-bit): string {type, free, len@4, chars@8},
  // number {type, repr, int64@8 | text@8, len@12, free@16}, array {type, elems@4, len@8,
  // cap@12} with {index, value} elements, object {type, buckets@4, n@8, len@12} with
  // {key, value, next} elements chained per bucket in key order.
  const STRING_INTERNED = 8;
  const ARENA = 1 << 20;
  let at = 0;
  let end = 0;
  let u8 = new Uint8Array(memory.buffer);
  let u32 = new Uint32Array(memory.buffer);
  let dv = new DataView(memory.buffer);
  // Carved from blocks of OPA's allocator, so its heap's end (the mark) is past them.
  const alloc = (size: number): number => {
    size = (size + 3) & ~3;
    if (at + size > end) {
      const n = Math.max(ARENA, size);
      // 4-aligned (OPA's blocks need not be), so words are written as u32[address / 4].
      at = ((malloc(n + 3)) + 3) & ~3;
      end = at + n;
      if (u8.byteLength !== memory.buffer.byteLength) {
        u8 = new Uint8Array(memory.buffer);
        u32 = new Uint32Array(memory.buffer);
        dv = new DataView(memory.buffer);
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

  // Strings written, found by OPA's hash of their bytes (value.c fnv1a32: multiply, then
  // xor each byte; it also places them as object keys), computed as they are scanned:
  // open addressing over `slots` (a string's id + 1; 0: empty). Cheaper than a Map of
  // their texts, which needs each made a JavaScript string first (~25 % slower at 20k).
  let slots = new Int32Array(1 << 12);
  let addrs = new Uint32Array(1 << 11);
  let hashes = new Uint32Array(1 << 11);
  let count = 0;
  const grow = (): void => {
    const bigger = new Uint32Array(addrs.length * 2);
    bigger.set(addrs);
    addrs = bigger;
    const h = new Uint32Array(hashes.length * 2);
    h.set(hashes);
    hashes = h;
    slots = new Int32Array(slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < count; id++) {
      let i = hashes[id] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
  };
  /** Writes a string of `len` bytes hashing to `h` (its bytes for the caller to fill, at addrs[id] + 12) and records it; its id. */
  const add = (h: number, len: number): number => {
    const a = alloc(12 + len);
    u8[a] = STRING_INTERNED;
    u8[a + 1] = 0;
    dv.setUint32(a + 4, len, true);
    dv.setUint32(a + 8, a + 12, true);
    if (2 * (count + 1) > slots.length) grow();
    const id = count++;
    addrs[id] = a;
    hashes[id] = h;
    const mask = slots.length - 1;
    let i = h & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = id + 1;
    return id;
  };
  /**
   * The id of the string written of `len` bytes hashing to `h` whose bytes are `bytes`, or
   * else the ASCII characters of `text` from `start`; -1 if none.
   */
  const find = (h: number, len: number, bytes: Uint8Array | null, text: string, start: number): number => {
    const mask = slots.length - 1;
    for (let i = h & mask; slots[i] !== 0; i = (i + 1) & mask) {
      const id = slots[i] - 1;
      const c = addrs[id] + 12;
      if (hashes[id] !== h || dv.getUint32(c - 8, true) !== len) continue;
      let j = 0;
      if (bytes !== null) while (j < len && u8[c + j] === bytes[j]) j++;
      else while (j < len && u8[c + j] === text.charCodeAt(start + j)) j++;
      if (j === len) return id;
    }
    return -1;
  };
  /** The id of the string of these UTF-8 bytes, written if new. */
  const bytesId = (bytes: Uint8Array): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) h = (Math.imul(h, 0x01000193) ^ bytes[i]) >>> 0;
    const found = find(h, bytes.length, bytes, '', 0);
    if (found >= 0) return found;
    const id = add(h, bytes.length);
    u8.set(bytes, addrs[id] + 12);
    return id;
  };
  const textId = (s: string): number => {
    // OPA's parser refuses a lone surrogate (or misreads it); Buffer would write U+FFFD.
    if (/\p{Cs}/u.test(s)) throw new Error('policy input holds a string with a lone surrogate, which is not text');
    return bytesId(Buffer.from(s, 'utf8'));
  };

  // The text being written and where in it.
  let t = '';
  let p = 0;
  const fail = (what: string): never => {
    throw new Error(`policy input is not JSON: ${what} at character ${p}`);
  };
  const space = (): void => {
    for (let c = t.charCodeAt(p); c === 32 || c === 10 || c === 13 || c === 9; c = t.charCodeAt(++p));
  };
  // Characters a string holds as they are (0), its closing quote (1), and the rest (2:
  // escapes, control characters, beyond ASCII), below 128.
  const KIND = new Uint8Array(128).map((_, c) => (c === 34 ? 1 : c === 92 || c < 0x20 ? 2 : 0));
  /** The id of the string starting at p (its opening quote). ASCII without escapes is hashed and matched as it is scanned. */
  const string = (): number => {
    const open = p++;
    const start = p;
    let h = 0x811c9dc5;
    for (;;) {
      const c = t.charCodeAt(p);
      // NaN (past the end) fails every comparison: decoded() says the string is unterminated.
      const kind = c < 128 ? KIND[c] : 2;
      if (kind === 1) break;
      if (kind === 2) return decoded(open);
      h = (Math.imul(h, 0x01000193) ^ c) >>> 0;
      p++;
    }
    const len = p - start;
    p++;
    const found = find(h, len, null, t, start);
    if (found >= 0) return found;
    const id = add(h, len);
    const c = addrs[id] + 12;
    for (let j = 0; j < len; j++) u8[c + j] = t.charCodeAt(start + j);
    return id;
  };
  /** A string with escapes or beyond ASCII: V8 decodes it (and says where it is not JSON). */
  const decoded = (open: number): number => {
    let q = open + 1;
    for (let c = t.charCodeAt(q); c !== 34; c = t.charCodeAt(q)) {
      if (c !== c) fail('an unterminated string');
      q += c === 92 ? 2 : 1;
    }
    let s: unknown;
    try {
      s = JSON.parse(t.slice(open, q + 1));
    } catch {
      fail('a malformed string');
    }
    p = q + 1;
    return textId(s as string);
  };
  // Numbers as OPA parses them: their text, written once each.
  const numbers = new Map<string, number>();
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const number = (): number => {
    NUMBER.lastIndex = p;
    if (!NUMBER.test(t)) fail('a malformed number');
    const text = t.slice(p, NUMBER.lastIndex);
    p = NUMBER.lastIndex;
    return numberOf(text);
  };
  /** The number of this JSON text (its value kept as the text), written once. */
  const numberOf = (text: string): number => {
    let a = numbers.get(text);
    if (a !== undefined) return a;
    a = alloc(24 + text.length);
    u8[a] = 3;
    u8[a + 1] = 2;
    dv.setUint32(a + 8, a + 24, true);
    dv.setUint32(a + 12, text.length, true);
    u8[a + 16] = 0;
    for (let i = 0; i < text.length; i++) u8[a + 24 + i] = text.charCodeAt(i);
    numbers.set(text, a);
    return a;
  };
  const literal = (word: string, a: number): number => {
    if (!t.startsWith(word, p)) fail('an unknown literal');
    p += word.length;
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
  // Addresses of the values written for the arrays and objects being written (a stack: they nest).
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
  const array = (): number => {
    const base = sp;
    p++;
    space();
    if (t.charCodeAt(p) === 93) p++;
    else
      for (;;) {
        push(value());
        space();
        const c = t.charCodeAt(p++);
        if (c === 93) break;
        if (c !== 44) fail("',' or ']' expected");
      }
    return arrayOf(base);
  };
  /** The array of the stack's values from `base` (popped). */
  const arrayOf = (base: number): number => {
    const n = sp - base;
    for (let i = 0; i < n; i++) index(i);
    const a = alloc(16 + 8 * n);
    const elems = n === 0 ? 0 : a + 16;
    const w = a >>> 2;
    u32[w] = 5;
    u32[w + 1] = elems;
    u32[w + 2] = n;
    u32[w + 3] = n;
    for (let i = 0; i < n; i++) {
      u32[w + 4 + 2 * i] = indexes[i];
      u32[w + 5 + 2 * i] = stack[base + i];
    }
    sp = base;
    return a;
  };
  // An object's layout depends on its keys alone: buckets (OPA starts with 8 and doubles when
  // an insert would pass 0.7 per bucket), each key's bucket by its hash, each chain in OPA's
  // key order (bytes, then length). heads[b] / next[i]: the element first in bucket b /
  // after element i (-1: none).
  type Layout = { n: number; keys: Uint32Array; heads: Int32Array; next: Int32Array };
  const compare = (a: number, b: number): number => {
    const la = dv.getUint32(a + 4, true);
    const lb = dv.getUint32(b + 4, true);
    const ca = a + 12;
    const cb = b + 12;
    for (let i = 0; i < la && i < lb; i++) if (u8[ca + i] !== u8[cb + i]) return u8[ca + i] - u8[cb + i];
    return la - lb;
  };
  /** OPA's bucket count for `count` members. */
  const bucketsFor = (count: number): number => {
    let n = 8;
    while (count > n * 0.7) n *= 2;
    return n;
  };
  /** Chains `keys[i]` (a string id) into its bucket before the first greater key, as OPA inserts. */
  const place = (keys: readonly number[], i: number, n: number, heads: Int32Array, next: Int32Array): void => {
    const id = keys[i];
    const b = hashes[id] % n;
    let prev = -1;
    let j = heads[b];
    for (; j >= 0; prev = j, j = next[j]) {
      const order = compare(addrs[id], addrs[keys[j]]);
      if (order === 0) throw new Error('an object needs distinct keys');
      if (order < 0) break;
    }
    next[i] = j;
    if (prev < 0) heads[b] = i;
    else next[prev] = i;
  };
  const layoutOf = (ids: readonly number[]): Layout => {
    const n = bucketsFor(ids.length);
    const heads = new Int32Array(n).fill(-1);
    const next = new Int32Array(ids.length).fill(-1);
    for (let i = 0; i < ids.length; i++) place(ids, i, n, heads, next);
    return { n, keys: Uint32Array.from(ids, (id) => addrs[id]), heads, next };
  };
  // Objects of the same keys in the same order share a layout, found by walking their keys.
  // `repeats`: where the path to it already holds its key (a repeated key), else -1.
  type Shape = { id: number; depth: number; repeats: number; parent: Shape | null; next: Map<number, Shape> | null; layout: Layout | null };
  const shapes: Shape = { id: -1, depth: 0, repeats: -1, parent: null, next: null, layout: null };
  const step = (shape: Shape, id: number): Shape => {
    let s = shape.next?.get(id);
    if (s === undefined) {
      let repeats = -1;
      for (let up: Shape | null = shape; up !== null && up.parent !== null; up = up.parent) if (up.id === id) repeats = up.depth - 1;
      s = { id, depth: shape.depth + 1, repeats, parent: shape, next: null, layout: null };
      (shape.next ??= new Map()).set(id, s);
    }
    return s;
  };
  const idsOf = (shape: Shape): number[] => {
    const ids: number[] = [];
    for (let s: Shape | null = shape; s !== null && s.parent !== null; s = s.parent) ids.push(s.id);
    return ids.reverse();
  };
  /** The object of layout `l` whose values are the stack's from `base`. */
  const objectOf = (l: Layout, base: number): number => {
    const count = l.keys.length;
    const a = alloc(16 + 4 * l.n + 12 * count);
    const buckets = a + 16;
    const elems = buckets + 4 * l.n;
    const w = a >>> 2;
    u32[w] = 6;
    u32[w + 1] = buckets;
    u32[w + 2] = l.n;
    u32[w + 3] = count;
    for (let b = 0; b < l.n; b++) u32[w + 4 + b] = l.heads[b] < 0 ? 0 : elems + 12 * l.heads[b];
    for (let i = 0, e = elems >>> 2; i < count; i++, e += 3) {
      u32[e] = l.keys[i];
      u32[e + 1] = stack[base + i];
      u32[e + 2] = l.next[i] < 0 ? 0 : elems + 12 * l.next[i];
    }
    return a;
  };
  /** Scans the key of an object's member and its ':' (p at the key's quote, or just past '{' or ','): the key's id. */
  const memberKey = (): number => {
    space();
    if (t.charCodeAt(p) !== 34) fail('a key expected');
    const id = string();
    space();
    if (t.charCodeAt(p++) !== 58) fail("':' expected");
    return id;
  };
  /** After a member's value: true at the object's end, false before the next member. */
  const memberEnd = (): boolean => {
    space();
    const c = t.charCodeAt(p++);
    if (c === 125) return true;
    if (c !== 44) fail("',' or '}' expected");
    return false;
  };
  /** Whether the object opening at p is empty (then scanned). */
  const empty = (): boolean => {
    p++;
    space();
    if (t.charCodeAt(p) !== 125) return false;
    p++;
    return true;
  };
  const object = (): number => {
    const base = sp;
    let shape = shapes;
    if (!empty())
      do {
        const s = step(shape, memberKey());
        const v = value();
        // A repeated key: OPA keeps its first place and the last value.
        if (s.repeats >= 0) stack[base + s.repeats] = v;
        else {
          shape = s;
          push(v);
        }
      } while (!memberEnd());
    const a = objectOf((shape.layout ??= layoutOf(idsOf(shape))), base);
    sp = base;
    return a;
  };
  const value = (): number => {
    let c = t.charCodeAt(p);
    if (c <= 32) {
      space();
      c = t.charCodeAt(p);
    }
    if (c === 34) {
      // Not addrs[string()]: that reads `addrs` before string() may replace it (grow).
      const id = string();
      return addrs[id];
    }
    if (c === 123) return object();
    if (c === 91) return array();
    if (c === 116) return literal('true', yes);
    if (c === 102) return literal('false', no);
    if (c === 110) return literal('null', nul);
    return number();
  };
  const objectBuilder = (size: number): ObjectBuilder => {
    // Not a count (a job without one): every member is placed at the end.
    const expected = Number.isSafeInteger(size) && size > 0 ? size : 0;
    const n = bucketsFor(expected);
    const heads = new Int32Array(n).fill(-1);
    const next = new Int32Array(expected).fill(-1);
    const keys: number[] = [];
    const values: number[] = [];
    return {
      add(id, value) {
        if (!(id >= 0 && id < count)) throw new Error('an object key must be a string of this writer');
        keys.push(id);
        values.push(value);
        if (keys.length <= expected) place(keys, keys.length - 1, n, heads, next);
      },
      finish() {
        // Placed as they came where the count was right; otherwise all now (place() refuses a repeated key).
        const l = keys.length === expected ? { n, keys: Uint32Array.from(keys, (id) => addrs[id]), heads, next } : layoutOf(keys);
        const base = sp;
        for (const v of values) push(v);
        const a = objectOf(l, base);
        sp = base;
        return a;
      },
    };
  };
  /** Runs `scan` over the whole of `text`, which must hold nothing after the value. */
  const whole = <T>(text: string, scan: () => T): T => {
    t = text;
    p = 0;
    try {
      const v = scan();
      space();
      if (p !== t.length) fail('text after the value');
      return v;
    } finally {
      t = '';
      sp = 0;
    }
  };
  // Values written from JavaScript (value()): each string's id and each number's address by
  // the value itself (V8 hashes a string once and keeps it), the text's own lookup only for
  // one not met yet; objects' layouts through the same shapes, found by the keys' names.
  const ids = new Map<string, number>();
  const jsId = (s: string): number => {
    let id = ids.get(s);
    if (id !== undefined) return id;
    const n = s.length;
    let h = 0x811c9dc5;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) break;
      h = (Math.imul(h, 0x01000193) ^ c) >>> 0;
    }
    if (i < n) id = textId(s);
    else {
      id = find(h, n, null, s, 0);
      if (id < 0) {
        id = add(h, n);
        const c = addrs[id] + 12;
        for (let j = 0; j < n; j++) u8[c + j] = s.charCodeAt(j);
      }
    }
    ids.set(s, id);
    return id;
  };
  const jsNumbers = new Map<number, number>();
  const jsNumber = (v: number): number => {
    let a = jsNumbers.get(v);
    if (a !== undefined) return a;
    // JSON.stringify's text of a finite number is String()'s.
    a = numberOf(String(v));
    jsNumbers.set(v, a);
    return a;
  };
  type Named = Shape & { named?: Map<string, Shape> };
  // for…in below would also see what an object inherits: refuse a polluted Object.prototype.
  for (const k in Object.prototype) throw new Error(`Object.prototype has an enumerable property ${JSON.stringify(k)}; refusing to write the policy input`);
  const jsValue = (v: unknown): number => {
    switch (typeof v) {
      case 'string': {
        // Not addrs[jsId(v)]: that reads `addrs` before jsId() may replace it (grow).
        const id = jsId(v);
        return addrs[id];
      }
      case 'number':
        return Number.isFinite(v) ? jsNumber(v) : nul;
      case 'boolean':
        return v ? yes : no;
      case 'object': {
        if (v === null) return nul;
        if (typeof (v as { toJSON?: unknown }).toJSON === 'function') throw new Error('policy input holds a value with toJSON(), which this writer does not call');
        const base = sp;
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            const x: unknown = v[i];
            push(x === undefined || typeof x === 'function' || typeof x === 'symbol' ? nul : jsValue(x));
          }
          return arrayOf(base);
        }
        let shape = shapes as Named;
        // for…in: no array of keys per object (~15 ms at 20k resources). It also lists what an
        // object inherits: none for plain data (Object.prototype checked above), and for any
        // other only its own keys are taken, as JSON.stringify takes them.
        const proto: unknown = Object.getPrototypeOf(v);
        const plain = proto === Object.prototype || proto === null;
        for (const k in v) {
          if (!plain && !Object.prototype.hasOwnProperty.call(v, k)) continue;
          const x = (v as Record<string, unknown>)[k];
          if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
          let s = shape.named?.get(k);
          if (s === undefined) {
            s = step(shape, jsId(k));
            (shape.named ??= new Map()).set(k, s);
          }
          shape = s as Named;
          push(jsValue(x));
        }
        const a = objectOf((shape.layout ??= layoutOf(idsOf(shape))), base);
        sp = base;
        return a;
      }
      default:
        // undefined, a function or a symbol alone: JSON.stringify gives no text; nothing OPA could read.
        throw new Error(`policy input holds a ${typeof v}, which is not JSON`);
    }
  };
  return {
    json: (text) => whole(text, value),
    value: (v) => {
      try {
        return jsValue(v);
      } finally {
        sp = 0;
      }
    },
    key: jsId,
    object(keys, values) {
      if (keys.length !== values.length) throw new Error('an object needs one value per key');
      const b = objectBuilder(keys.length);
      keys.forEach((k, i) => b.add(k, values[i]));
      return b.finish();
    },
    objectBuilder,
    end: () => at,
  };
}
