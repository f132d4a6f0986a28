import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { InputError } from '../errors';
import { readBytes, readJson } from '../load/read-file';
import { settings } from '../settings';
import type { Decision } from '../types/decision';
import type { PolicyInput } from '../types/policy-input';
import { assertValid } from '../normalize/validate';
import { verifyManifest, type PolicyManifest } from './manifest';
import { buildDir, policyDir } from './paths';

/** What the engine hands the policy as `data` besides the compiled rules. */
export interface PolicyData {
  config: Record<string, unknown>;
  waivers: unknown[];
  context: { today: string };
}

export interface CompiledPolicy {
  manifest: PolicyManifest;
  evaluate(input: PolicyInput, data: PolicyData): Decision;
  /** The same evaluation on a worker thread, so the event loop (a progress spinner) keeps running. */
  evaluateInWorker(input: PolicyInput, data: PolicyData): Promise<Decision>;
}

// Runs in a worker: plain JS so it loads the same way from src/ (tests) and dist/.
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { loadPolicySync } = require(w.sdk);
const policy = loadPolicySync(w.module, { initial: w.pages, maximum: w.maxPages });
policy.setData(w.data);
parentPort.postMessage(policy.evaluate(w.input, w.entrypoint));
`;

const PAGE = 64 * 1024;
// WASM32's ceiling is 4 GiB; LEAKGUARD_WASM_MAX_MB lowers it on memory-tight runners.
const maxPages = (): number => Math.min(65536, Math.floor(settings.wasmMaxMb() * 16));

/** Measured: evaluation peaks near 27× the input JSON; reserving is virtual until touched. */
export function pagesFor(inputBytes: number): number {
  return Math.min(maxPages(), Math.ceil(Math.max(64 * 1024 * 1024, inputBytes * 40) / PAGE));
}

/** Loads build/policy/policy.wasm once, after checking it was built from the sources on disk. */
export async function loadCompiledPolicy(dir = buildDir(), sources: string | null = policyDir()): Promise<CompiledPolicy> {
  return loadCompiledPolicySync(dir, sources);
}

/** The same, synchronously (CDKTF aspects run inside synth, which cannot await). */
export function loadCompiledPolicySync(dir = buildDir(), sources: string | null = policyDir()): CompiledPolicy {
  const wasmPath = join(dir, 'policy.wasm');
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(wasmPath) || !existsSync(manifestPath)) {
    throw new InputError(`no compiled policy at ${dir}; run \`npm run build:policies\``);
  }
  const wasm = readBytes(wasmPath, { own: true });
  const manifest = readJson(manifestPath, { own: true }) as PolicyManifest;
  verifyManifest(manifest, wasm, sources);
  const module = new WebAssembly.Module(wasm);
  return {
    manifest,
    evaluate(input, data) {
      const bytes = encode(input);
      // A fresh instance per evaluation, its memory reserved up front: growing WASM memory
      // page by page while OPA allocates made a 20k-resource plan take minutes, not seconds.
      const policy = loadPolicySync(module, { initial: pagesFor(bytes.byteLength), maximum: maxPages() });
      policy.setData(data as unknown as object);
      try {
        return decisionOf(policy.evaluate(bytes, manifest.entrypoint));
      } catch (err) {
        throw tooLarge(err, bytes.byteLength);
      }
    },
    evaluateInWorker(input, data) {
      const bytes = encode(input);
      // Transferring the buffer to the worker empties it here: keep its size for the error line.
      const size = bytes.byteLength;
      const workerData = {
        sdk: require.resolve('@open-policy-agent/opa-wasm'),
        module,
        pages: pagesFor(size),
        maxPages: maxPages(),
        data,
        input: bytes,
        entrypoint: manifest.entrypoint,
      };
      return new Promise<Decision>((resolve, reject) => {
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData, transferList: [bytes] });
        worker.once('message', (result) => {
          try {
            resolve(decisionOf(result));
          } catch (err) {
            reject(err);
          }
        });
        worker.once('error', (err) => reject(tooLarge(err, size)));
        worker.once('exit', (code) => code !== 0 && reject(new Error(`policy worker exited with code ${code}`)));
      });
    },
  };
}

/** WASM32 stops at 4 GiB: running out of it is the input's size, said in one line (exit 2). */
function tooLarge(err: unknown, inputBytes: number): unknown {
  const msg = err instanceof Error ? err.message : String(err);
  if (!/out of bounds|out of memory|Cannot allocate|memory/i.test(msg)) return err;
  const mb = (inputBytes / 1024 / 1024).toFixed(1);
  return new InputError(`the normalized input (${mb} MB) is too large to evaluate in one pass (WASM memory exhausted); check stacks or plans separately`);
}

/** The input as JSON bytes: opa-wasm copies an ArrayBuffer straight into WASM memory. */
function encode(input: PolicyInput): ArrayBuffer {
  const buf = Buffer.from(JSON.stringify(input));
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

function decisionOf(result: unknown): Decision {
  const decision = (result as Array<{ result?: Decision }>)[0]?.result;
  if (!decision) throw new Error('policy returned no decision (entrypoint undefined)');
  assertValid('decision', decision);
  return decision;
}
