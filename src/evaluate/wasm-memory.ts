import { InputError } from '../errors';
import { settings } from '../settings';
import type { PolicyInput } from '../types/policy-input';

const PAGE = 64 * 1024;
// WASM32's ceiling is 4 GiB; LEAKGUARD_WASM_MAX_MB lowers it on memory-tight runners. One
// page short of it: OPA's allocator computes the memory's size in bytes in 32 bits, and at
// exactly 65,536 pages that is 0, so its first allocation failed.
export const maxPages = (): number => Math.min(65535, Math.floor(settings.wasmMaxMb() * 16));

/**
 * Measured: evaluation peaks near 27× the input JSON; the policy settings are small, and a
 * generous 64× of them is nothing. Reserving is virtual until touched.
 */
export function pagesFor(inputBytes: number, dataBytes = 0): number {
  return Math.min(maxPages(), Math.ceil(Math.max(64 * 1024 * 1024, inputBytes * 40 + dataBytes * 64) / PAGE));
}

/** The size of the policy's `data` (its settings): it shares the instance's memory with the input. */
export function dataSize(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data));
}

/** WASM32 stops at 4 GiB: running out of it is the input's size, said in one line (exit 2). */
export function tooLarge(err: unknown, inputBytes: number, dataBytes: number): unknown {
  const msg = err instanceof Error ? err.message : String(err);
  if (!/out of bounds|out of memory|Cannot allocate|memory|opa_malloc/i.test(msg)) return err;
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new InputError(
    `the normalized input (${mb(inputBytes)}) with its policy settings (${mb(dataBytes)}) is too large to evaluate in one pass (WASM memory exhausted); check stacks or plans separately`,
  );
}

/** The input as JSON bytes: opa-wasm copies an ArrayBuffer straight into WASM memory. */
export function encode(input: PolicyInput): ArrayBuffer {
  const buf = Buffer.from(JSON.stringify(input));
  // Large buffers own their ArrayBuffer: hand it over rather than copy tens of MB.
  if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return buf.buffer as ArrayBuffer;
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

