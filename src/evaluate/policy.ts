import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicySync } from '@open-policy-agent/opa-wasm';
import { InputError } from '../errors';
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
}

const PAGE = 64 * 1024;
const MAX_PAGES = 65536; // WASM32's 4 GiB ceiling

/** Measured: evaluation peaks near 27× the input JSON; reserving is virtual until touched. */
export function pagesFor(inputBytes: number): number {
  return Math.min(MAX_PAGES, Math.ceil(Math.max(64 * 1024 * 1024, inputBytes * 40) / PAGE));
}

/** Loads build/policy/policy.wasm once, after checking it was built from the sources on disk. */
export async function loadCompiledPolicy(dir = buildDir(), sources: string | null = policyDir()): Promise<CompiledPolicy> {
  const wasmPath = join(dir, 'policy.wasm');
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(wasmPath) || !existsSync(manifestPath)) {
    throw new InputError(`no compiled policy at ${dir}; run \`npm run build:policies\``);
  }
  const wasm = readFileSync(wasmPath);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PolicyManifest;
  verifyManifest(manifest, wasm, sources);
  const module = await WebAssembly.compile(wasm);
  return {
    manifest,
    evaluate(input, data) {
      const encoded = Buffer.from(JSON.stringify(input));
      // A fresh instance per evaluation, its memory reserved up front: growing WASM memory
      // page by page while OPA allocates made a 20k-resource plan take minutes, not seconds.
      const policy = loadPolicySync(module, { initial: pagesFor(encoded.byteLength), maximum: MAX_PAGES });
      policy.setData(data as unknown as object);
      const bytes = encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength) as ArrayBuffer;
      const result = policy.evaluate(bytes, manifest.entrypoint) as Array<{ result?: Decision }>;
      const decision = result[0]?.result;
      if (!decision) throw new Error('policy returned no decision (entrypoint undefined)');
      assertValid('decision', decision);
      return decision;
    },
  };
}
