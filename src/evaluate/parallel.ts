import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadPolicySync, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { settings } from '../settings';
import type { PolicyInput, Resource } from '../types/policy-input';
import type { PolicyManifest } from './manifest';
import type { PolicyData } from './policy';
import { lex } from './projection';
import { encode, maxPages, pagesFor, tooLarge } from './wasm-memory';

// Both cores in two phases. Phase 1: each worker, with its own policy instance, evaluates
// `raw` for a shard of the rules over the whole input, so every rule (estate-wide ones
// included: region coverage, cross-stack identity, central audit) sees every resource and no
// cross-resource finding depends on where a resource landed. Phase 2: one instance judges the
// union of the shards' findings (enforcement, waivers, summary) as the one-pass evaluation
// would; main.rego evaluates no rule again there. test/evaluate/parallel.test.ts proves the
// JSON decision byte-identical to the one-pass evaluation.

/** Chunks of rules per worker: enough for a worker that finishes early to take another, few enough that the lookups rules share are not rebuilt too often. */
const CHUNKS_PER_WORKER = 2;

/** Below this many resources two instances cost more than they save. */
export const PARALLEL_MIN_RESOURCES = 2000;

export function defaultWorkers(resources: number): number {
  return settings.workers() ?? (resources >= PARALLEL_MIN_RESOURCES ? Math.min(2, availableParallelism()) : 1);
}

/** The resource types a rule's source names (`"aws_s3_bucket"`): what its cost grows with. */
export function resourceTypes(src: string): string[] {
  return [...new Set(lex(src).strings.filter((s) => /^(aws|azurerm|azapi|azuread)_[a-z0-9_]+$/.test(s)))].sort();
}

/**
 * Rules split into n shards of about equal work: heaviest first, each to the lightest shard,
 * a rule weighing the resources of the types it names (rules of one service, which read the
 * same resources, spread over the shards).
 */
export function shardRules(rules: PolicyManifest['rules'], n: number, byType: Record<string, string[]>): string[][][] {
  const weighed = rules.map((r) => ({ path: r.path, weight: 1 + r.types.reduce((w, t) => w + (byType[t]?.length ?? 0), 0) }));
  weighed.sort((a, b) => b.weight - a.weight || a.path.join('/').localeCompare(b.path.join('/')));
  const shards = Array.from({ length: n }, () => ({ rules: [] as string[][], weight: 0 }));
  for (const r of weighed) {
    const lightest = shards.reduce((min, s) => (s.weight < min.weight ? s : min));
    lightest.rules.push(r.path);
    lightest.weight += r.weight;
  }
  return shards.map((s) => s.rules);
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

// The shard loop, plain JS so a worker loads it the same way from src/ (tests) and dist/.
// It parses the input into the instance's memory once, then takes chunks of rules from a
// counter shared by every worker until none is left: for each, the heap is reset to just
// after the parsed input, the chunk's data parsed and `shard/findings` evaluated. (Below
// opa-wasm's evaluate(), which parses the input again on every call: its ABI 1.1 exports.)
// Memory peaks at the parsed input plus one chunk's evaluation, not the whole policy's.
const SHARD_LOOP = `
function evaluateChunks(policy, job) {
  const ex = policy.wasmInstance.exports;
  const load = (bytes) => {
    const addr = ex.opa_malloc(bytes.length);
    new Uint8Array(policy.mem.buffer).set(bytes, addr);
    const parsed = ex.opa_json_parse(addr, bytes.length);
    if (parsed === 0) throw new Error('policy input is not JSON');
    return parsed;
  };
  const dump = (addr) => {
    const at = ex.opa_json_dump(addr);
    const mem = new Uint8Array(policy.mem.buffer);
    let end = at;
    while (mem[end] !== 0) end++;
    return JSON.parse(Buffer.from(mem.buffer, at, end - at).toString('utf8'));
  };
  ex.opa_heap_ptr_set(policy.baseHeapPtr);
  const input = load(new Uint8Array(job.input));
  const afterInput = ex.opa_heap_ptr_get();
  const next = new Int32Array(job.next);
  const found = [];
  for (let i = Atomics.add(next, 0, 1); i < job.chunks.length; i = Atomics.add(next, 0, 1)) {
    ex.opa_heap_ptr_set(afterInput);
    const data = load(Buffer.from(JSON.stringify({ ...job.data, shard: { rules: job.chunks[i], findings: [] } })));
    const ctx = ex.opa_eval_ctx_new();
    ex.opa_eval_ctx_set_input(ctx, input);
    ex.opa_eval_ctx_set_data(ctx, data);
    ex.opa_eval_ctx_set_entrypoint(ctx, policy.entrypoints[job.entrypoint]);
    ex.eval(ctx);
    for (const f of dump(ex.opa_eval_ctx_get_result(ctx))[0].result) found.push(f);
  }
  return found;
}
`;

const WORKER_SOURCE = `${SHARD_LOOP}
const { parentPort, workerData: w } = require('node:worker_threads');
const { loadPolicySync } = require(w.sdk);
const policy = loadPolicySync(w.module, { initial: w.pages, maximum: w.maxPages });
parentPort.on('message', (job) => {
  if (job.kind === 'shards') return parentPort.postMessage(evaluateChunks(policy, job));
  policy.setData(job.data);
  parentPort.postMessage(policy.evaluate(job.input, job.entrypoint));
});
`;

/** Chunks of rules taken from a shared counter, over the input parsed once; answers the findings. */
interface ShardJob {
  kind: 'shards';
  input: SharedArrayBuffer;
  data: PolicyData;
  chunks: string[][][];
  next: SharedArrayBuffer;
  entrypoint: string;
}

/** Judging: one ordinary evaluation of the decision; answers the opa-wasm result. */
interface JudgeJob {
  kind: 'judge';
  input: ArrayBuffer;
  data: PolicyData & { shard: { rules: string[][]; findings: unknown[] } };
  entrypoint: string;
}

type Job = ShardJob | JudgeJob;

/** Where jobs run: a worker thread, or this thread (one job after another). */
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

const evaluateChunks = new Function(`${SHARD_LOOP}; return evaluateChunks;`)() as (policy: LoadedPolicy, job: ShardJob) => unknown[];

function threadRunner(module: WebAssembly.Module, pages: number): Runner {
  const policy = loadPolicySync(module, { initial: pages, maximum: maxPages() });
  return {
    run: async (job) => {
      if (job.kind === 'shards') return evaluateChunks(policy, job);
      policy.setData(job.data);
      return policy.evaluate(job.input, job.entrypoint);
    },
    close: async () => undefined,
  };
}

/**
 * The decision of `input` (already projected) evaluated by `shards` policy instances, on as
 * many worker threads (or, threads false, one after another in this thread: the same phases,
 * for tests); the raw opa-wasm result.
 */
export async function evaluateParallel(module: WebAssembly.Module, manifest: PolicyManifest, input: PolicyInput, data: PolicyData, workers: number, threads = true): Promise<unknown> {
  const text = JSON.stringify(input);
  const size = Buffer.byteLength(text);
  const shared = new SharedArrayBuffer(size);
  Buffer.from(shared).write(text);
  const workerData = { sdk: require.resolve('@open-policy-agent/opa-wasm'), module, pages: pagesFor(size), maxPages: maxPages() };
  const pool = Array.from({ length: workers }, () => (threads ? workerRunner(workerData) : threadRunner(module, workerData.pages)));
  try {
    const chunks = shardRules(manifest.rules, workers * CHUNKS_PER_WORKER, input.by_type);
    const job: ShardJob = { kind: 'shards', input: shared, data, chunks, next: new SharedArrayBuffer(4), entrypoint: manifest.raw_entrypoint };
    const parts = (await Promise.all(pool.map((r) => r.run(job)))) as unknown[][];
    const findings = ([] as unknown[]).concat(...parts);
    return await pool[0].run({ kind: 'judge', data: { ...data, shard: { rules: [], findings } }, input: encode(judgingInput(input)), entrypoint: manifest.entrypoint });
  } catch (err) {
    throw tooLarge(err, size);
  } finally {
    await Promise.all(pool.map((r) => r.close()));
  }
}
