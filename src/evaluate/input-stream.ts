import type { PolicyInput, Resource } from '../types/policy-input';
import { valueWriter, type ValueWriter } from './opa-runtime';
import { projector } from './projection';

// The input is written by this thread, resource by resource as normalize() completes them,
// straight into the memory of the worker's policy instance that will evaluate it (shared
// WASM memory; the instance is idle meanwhile), as OPA's own parser would lay it out
// (opa-runtime.ts ValueWriter): no JSON text, no message, no parse in the worker. At 20k
// resources encoding each resource as JSON here cost as much as writing it, and the worker
// then spent a quarter of a second of the other core scanning that text again.
// test/evaluate/parallel.test.ts compares decisions with the one-pass evaluation's.

const PAGE = 64 * 1024;

export interface InputWriter {
  /** Writes a resource (cut to the attributes, projection.ts) under `key`. */
  add(key: string, resource: Resource): void;
  /** Bytes of memory written so far. */
  written(): number;
  /**
   * Writes the rest of the input around the resources added (`input`'s own resources are not
   * read): where writing started, the input's address and the end of what was written, where
   * the instance's heap goes on. The writer is done after it.
   */
  finish(input: PolicyInput): { base: number; input: number; afterInput: number };
}

/**
 * Writes an input into `memory` from `base` (the free memory of an instance that does nothing
 * meanwhile: its heap's end, set to `afterInput` by the job that hands it the input). Memory
 * too small for it is grown. `expected`: resources to come (0: not known), so that each is
 * placed in the resources object as it comes.
 */
export function inputWriter(memory: WebAssembly.Memory, base: number, attributes: readonly string[] | null, expected: number): InputWriter {
  let end = base;
  // A bump allocator: nothing written is freed, and the instance's allocator takes over at the end.
  const malloc = (bytes: number): number => {
    const at = end;
    end += bytes;
    const size = memory.buffer.byteLength;
    if (end > size) memory.grow(Math.ceil((end - size) / PAGE));
    return at;
  };
  // Null once the input is written: its tables (every string, every layout) are garbage then,
  // before the collection check.ts runs while the workers evaluate.
  let writer: ValueWriter | null = valueWriter(memory, malloc);
  const cut = projector(attributes);
  const resources = writer.objectBuilder(expected);
  let after = 0;
  const open = (): ValueWriter => writer ?? fail();
  const fail = (): never => {
    throw new Error('the input was already written');
  };
  return {
    add(key, resource) {
      const w = open();
      resources.add(w.key(key), w.value(cut(resource)));
    },
    written: () => (writer?.end() ?? after) - base,
    finish(input) {
      const w = open();
      const keys: number[] = [];
      const values: number[] = [];
      // The input's members in JSON.stringify's order, its resources those added.
      for (const [k, v] of Object.entries(input)) {
        if (v === undefined || typeof v === 'function') continue;
        keys.push(w.key(k));
        values.push(k === 'resources' ? resources.finish() : w.value(v));
      }
      if (!('resources' in input)) throw new Error('the input lacks its resources');
      const at = w.object(keys, values);
      // Not `end`: the rest of the writer's last block is free for the instance.
      after = w.end();
      writer = null;
      return { base, input: at, afterInput: after };
    },
  };
}
