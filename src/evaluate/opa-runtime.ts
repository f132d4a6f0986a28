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
  /**
   * Parses the texts of `bytes` in pairs (path, value: lengths in bytes) and adds each value to
   * the object at `base` under its path (a JSON array of keys); one copy into memory for all.
   */
  addPairs(base: number, bytes: Uint8Array, lengths: Uint32Array): void;
  /** Sets `value` (parsed) in the object at `base` under `path` (JSON text of an array of keys). */
  setPath(base: number, path: Uint8Array, value: number): void;
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
  const addPairs = (base: number, bytes: Uint8Array, lengths: Uint32Array): void => {
    const start = ex.opa_malloc(bytes.length) >>> 0;
    new Uint8Array(memory.buffer).set(bytes, start);
    let at = start;
    for (let i = 0; i + 1 < lengths.length; i += 2) {
      const path = ex.opa_json_parse(at, lengths[i]) >>> 0;
      at += lengths[i];
      const value = ex.opa_json_parse(at, lengths[i + 1]) >>> 0;
      at += lengths[i + 1];
      if (path === 0 || value === 0) throw new Error('policy input is not JSON');
      if (ex.opa_value_add_path(base, path, value) !== 0) throw new Error('policy input: cannot add a value at its path');
    }
    ex.opa_free(start);
  };
  const setPath = (base: number, path: Uint8Array, value: number): void => {
    if (ex.opa_value_add_path(base, load(path), value) !== 0) throw new Error('policy input: cannot add a value at its path');
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
    addPairs,
    setPath,
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
