import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { settings } from '../settings';
import type { PolicyInput, Resource } from '../types/policy-input';
import type { PolicyManifest } from './manifest';
import type { PolicyData } from './policy';
import { encode, maxPages, pagesFor, tooLarge } from './wasm-memory';

// Both cores in two phases. Phase 1: each worker, with its own policy instance, evaluates
// `raw` for a shard of the rules over the whole input, so every rule (estate-wide ones
// included: region coverage, cross-stack identity, central audit) sees every resource and no
// cross-resource finding depends on where a resource landed. Phase 2: one instance judges the
// union of the shards' findings (enforcement, waivers, summary) as the one-pass evaluation
// would; main.rego evaluates no rule again there. test/evaluate/parallel.test.ts proves the
// JSON decision byte-identical to the one-pass evaluation.

/** Below this many resources two instances cost more than they save. */
export const PARALLEL_MIN_RESOURCES = 2000;

export function defaultWorkers(resources: number): number {
  return settings.workers() ?? (resources >= PARALLEL_MIN_RESOURCES ? Math.min(2, availableParallelism()) : 1);
}

/** Rules dealt round-robin in source order, so the rules of one service (which read the same resources) spread over the shards. */
export function shardRules(paths: string[][], n: number): string[][][] {
  const shards: string[][][] = Array.from({ length: n }, () => []);
  paths.forEach((p, i) => shards[i % n].push(p));
  return shards;
}

/**
 * What judging reads of the input: every resource key (the summary counts them) and the
 * waivers CDKTF constructs recorded on their resource. The rules' attributes stay behind.
 */
export function judgingInput(input: PolicyInput): PolicyInput {
  const resources: Record<string, Resource> = {};
  for (const [key, r] of Object.entries(input.resources)) resources[key] = (r.waivers ? { waivers: r.waivers } : {}) as Resource;
  return { ...input, resources, by_type: {} };
}

// Runs in a worker: plain JS so it loads the same way from src/ (tests) and dist/. One
// instance per worker, reused for each job; a shared input buffer is copied, not moved.
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { loadPolicySync } = require(w.sdk);
const policy = loadPolicySync(w.module, { initial: w.pages, maximum: w.maxPages });
parentPort.on('message', (job) => {
  policy.setData(job.data);
  const input = job.input instanceof ArrayBuffer ? job.input : new Uint8Array(job.input).slice().buffer;
  parentPort.postMessage(policy.evaluate(input, job.entrypoint));
});
`;

interface Job {
  data: PolicyData & { shard: { rules: string[][]; findings: unknown[] } };
  input: ArrayBuffer | SharedArrayBuffer;
  entrypoint: string;
}

/** Where shard jobs run: a worker thread, or this thread (one job after another). */
interface Runner {
  run(job: Job): Promise<unknown>;
  close(): Promise<unknown>;
}

function workerRunner(workerData: object): Runner {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const done = (): void => {
          worker.off('message', onMessage).off('error', reject).off('exit', onExit);
        };
        const onMessage = (result: unknown): void => {
          done();
          resolve(result);
        };
        const onExit = (code: number): void => {
          done();
          reject(new Error(`policy worker exited with code ${code}`));
        };
        worker.on('message', onMessage).once('error', reject).once('exit', onExit);
        worker.postMessage(job);
      }),
    close: () => worker.terminate(),
  };
}

function threadRunner(module: WebAssembly.Module, pages: number): Runner {
  const policy = loadPolicySync(module, { initial: pages, maximum: maxPages() });
  return {
    run: async (job) => {
      policy.setData(job.data);
      return policy.evaluate(job.input instanceof ArrayBuffer ? job.input : new Uint8Array(job.input).slice().buffer, job.entrypoint);
    },
    close: async () => undefined,
  };
}

const rawOf = (result: unknown): unknown[] => {
  const raw = (result as Array<{ result?: unknown[] }>)[0]?.result;
  if (!Array.isArray(raw)) throw new Error('policy returned no findings (raw entrypoint undefined)');
  return raw;
};

/**
 * The decision of `input` (already projected) evaluated by `shards` policy instances, on as
 * many worker threads (or, threads false, one after another in this thread: the same phases,
 * for tests); the raw opa-wasm result.
 */
export async function evaluateParallel(module: WebAssembly.Module, manifest: PolicyManifest, input: PolicyInput, data: PolicyData, shards: number, threads = true): Promise<unknown> {
  const text = JSON.stringify(input);
  const size = Buffer.byteLength(text);
  const shared = new SharedArrayBuffer(size);
  Buffer.from(shared).write(text);
  const workerData = { sdk: require.resolve('@open-policy-agent/opa-wasm'), module, pages: pagesFor(size), maxPages: maxPages() };
  const pool = Array.from({ length: shards }, () => (threads ? workerRunner(workerData) : threadRunner(module, workerData.pages)));
  try {
    const rules = shardRules(manifest.rule_paths, shards);
    const parts = await Promise.all(pool.map((r, i) => r.run({ data: { ...data, shard: { rules: rules[i], findings: [] } }, input: shared, entrypoint: manifest.raw_entrypoint })));
    const findings = parts.flatMap(rawOf);
    return await pool[0].run({ data: { ...data, shard: { rules: [], findings } }, input: encode(judgingInput(input)), entrypoint: manifest.entrypoint });
  } catch (err) {
    throw tooLarge(err, size);
  } finally {
    await Promise.all(pool.map((r) => r.close()));
  }
}
