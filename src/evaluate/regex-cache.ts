// OPA's WebAssembly keeps compiled regular expressions in a cache of 100 and, when it is full,
// deletes one entry to make room (wasm/src/regex.cc, `reuse`) — after every match, also when
// the expression just used came from the cache, so it can delete that very expression and
// then insert it again: a use after free. Every glob.match is a regex match of its own
// translation, and IAM action patterns are user text: 60 policies with a few hundred
// distinct actions made the evaluation hang, crash ("memory access out of bounds") or claim
// the input was too large (test/evaluate/regex-cache.test.ts). The policy's build
// (scripts/build-policies.ts) therefore rewrites the limit in `reuse` so the cache never
// evicts: it only grows within one evaluation, and OPA empties it when the heap is reset
// for the next one (opa_heap_ptr_set).

import { skipLimits, uleb } from './shared-memory';

const CODE_SECTION = 10;
const CUSTOM_SECTION = 0;
const IMPORT_SECTION = 2;
const REUSE = 'reuse(re2::RE2*)';

// `cache()->size() >= MAX_CACHE_SIZE`, compiled: i32.load offset=12 (the size), i32.const 100
// (signed LEB128 e4 00), i32.lt_u. The constant becomes -1 in the same two bytes (ff 7f),
// 4294967295 to the unsigned comparison, which the size never reaches.
const LIMIT_CHECK = Buffer.from([0x28, 0x02, 0x0c, 0x41, 0xe4, 0x00, 0x49]);
const CONSTANT_AT = 4;
const NO_LIMIT = [0xff, 0x7f];

/** The module's bytes with OPA's regex cache never evicting; throws where `reuse` is not as measured. */
export function withRegexCacheKept(wasm: Uint8Array): Buffer {
  const bytes = Buffer.from(wasm);
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('policy.wasm is not a WebAssembly module');
  const { bodies, names, imported } = layout(bytes);
  const index = [...names].find(([, name]) => name === REUSE)?.[0];
  if (index === undefined || index < imported) throw new Error(`policy.wasm has no function ${REUSE} (OPA's regex cache): review src/evaluate/regex-cache.ts for this OPA release`);
  const [start, end] = bodies[index - imported];
  const body = bytes.subarray(start, end);
  const at = body.indexOf(LIMIT_CHECK);
  if (at < 0 || body.indexOf(LIMIT_CHECK, at + 1) >= 0) {
    throw new Error(`policy.wasm: ${REUSE} does not compare the cache size with 100 once: review src/evaluate/regex-cache.ts for this OPA release`);
  }
  bytes.set(NO_LIMIT, start + at + CONSTANT_AT);
  return bytes;
}

interface Layout {
  /** Each defined function's body, [start, end) in the module. */
  bodies: Array<[number, number]>;
  /** Function names by index (imports first), from the "name" section. */
  names: Map<number, string>;
  /** How many functions are imported (their indexes come first). */
  imported: number;
}

function layout(bytes: Buffer): Layout {
  const bodies: Array<[number, number]> = [];
  const names = new Map<number, string>();
  let imported = 0;
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, body] = uleb(bytes, pos + 1);
    if (id === IMPORT_SECTION) imported = importedFunctions(bytes, body);
    else if (id === CODE_SECTION) {
      let [count, at] = uleb(bytes, body);
      for (; count > 0; count--) {
        const [length, start] = uleb(bytes, at);
        bodies.push([start, start + length]);
        at = start + length;
      }
    } else if (id === CUSTOM_SECTION) {
      const [length, at] = uleb(bytes, body);
      if (bytes.toString('utf8', at, at + length) === 'name') functionNames(bytes, at + length, body + size, names);
    }
    pos = body + size;
  }
  return { bodies, names, imported };
}

function importedFunctions(bytes: Buffer, pos: number): number {
  let [count, at] = uleb(bytes, pos);
  let functions = 0;
  for (; count > 0; count--) {
    for (let name = 0; name < 2; name++) {
      const [length, next] = uleb(bytes, at);
      at = next + length;
    }
    const kind = bytes[at++];
    if (kind === 0) {
      functions++;
      at = uleb(bytes, at)[1];
    } else if (kind === 1) at = skipLimits(bytes, at + 1);
    else if (kind === 2) at = skipLimits(bytes, at);
    else if (kind === 3) at += 2;
    else throw new Error(`policy.wasm: unknown import kind ${kind}`);
  }
  return functions;
}

// The name section's function names (subsection 1): index, name.
function functionNames(bytes: Buffer, pos: number, end: number, into: Map<number, string>): void {
  while (pos < end) {
    const id = bytes[pos];
    const [size, body] = uleb(bytes, pos + 1);
    if (id === 1) {
      let [count, at] = uleb(bytes, body);
      for (; count > 0; count--) {
        const [index, next] = uleb(bytes, at);
        const [length, start] = uleb(bytes, next);
        into.set(index, bytes.toString('utf8', start, start + length));
        at = start + length;
      }
    }
    pos = body + size;
  }
}
