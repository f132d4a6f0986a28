// OPA compiles its WASM to import one memory, not shared. Declared shared instead, the
// memory of one policy instance can be read by another worker's: the workers' instances are
// the same module, so after the first one writes the input, the others copy its memory
// image (parallel.ts, ImageJob: 24 MB at 20k resources) instead of each writing it again
// (~0.25 s of a core at 20k resources, taken while this thread normalizes). Evaluation runs as fast over a shared memory; only the import's declared
// limits change (shared memories must declare a maximum).

/** The largest memory WASM32 can declare (4 GiB in 64 KiB pages). */
const MAX_PAGES = 65536;

/** The module's bytes with its memory import declared shared, maximum MAX_PAGES. */
export function withSharedMemory(wasm: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(wasm.buffer, wasm.byteOffset, wasm.byteLength);
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('policy.wasm is not a WebAssembly module');
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, body] = uleb(bytes, pos + 1);
    if (id === IMPORT_SECTION) {
      const at = memoryLimits(bytes, body);
      const [, afterMin] = uleb(bytes, at + 1);
      const min = bytes.subarray(at + 1, afterMin);
      const end = skipLimits(bytes, at);
      const limits = Buffer.from([SHARED_WITH_MAX, ...min, ...leb(MAX_PAGES)]);
      const section = Buffer.concat([bytes.subarray(body, at), limits, bytes.subarray(end, body + size)]);
      return new Uint8Array(Buffer.concat([bytes.subarray(0, pos), Buffer.from([IMPORT_SECTION, ...leb(section.length)]), section, bytes.subarray(body + size)]));
    }
    pos = body + size;
  }
  throw new Error('policy.wasm imports no memory');
}

const IMPORT_SECTION = 2;
/** Limits flags: bit 0 a maximum follows, bit 1 shared. */
const SHARED_WITH_MAX = 3;

/** Where the memory import's limits start in the import section at `pos`. */
function memoryLimits(bytes: Buffer, pos: number): number {
  let [count, at] = uleb(bytes, pos);
  for (; count > 0; count--) {
    for (let name = 0; name < 2; name++) {
      const [len, next] = uleb(bytes, at);
      at = next + len;
    }
    const kind = bytes[at++];
    if (kind === 2) return at;
    if (kind === 0) at = uleb(bytes, at)[1]; // function: type index
    else if (kind === 1) at = skipLimits(bytes, at + 1); // table: element type, limits
    else if (kind === 3) at += 2; // global: value type, mutability
    else throw new Error(`policy.wasm: unknown import kind ${kind}`);
  }
  throw new Error('policy.wasm imports no memory');
}

export function skipLimits(bytes: Buffer, at: number): number {
  const flags = bytes[at];
  const [, afterMin] = uleb(bytes, at + 1);
  return flags & 1 ? uleb(bytes, afterMin)[1] : afterMin;
}

/** An unsigned LEB128 number at `pos`, and where it ends. */
export function uleb(bytes: Buffer, pos: number): [number, number] {
  let value = 0;
  let shift = 0;
  let b: number;
  do {
    if (pos >= bytes.length) throw new Error('policy.wasm is truncated');
    b = bytes[pos++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, pos];
}

/** `n` as unsigned LEB128, WASM's encoding of sizes and limits. */
export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}
