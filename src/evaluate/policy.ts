import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
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
  const policy: LoadedPolicy = await loadPolicy(wasm);
  return {
    manifest,
    evaluate(input, data) {
      policy.setData(data as unknown as object);
      const result = policy.evaluate(input, manifest.entrypoint) as Array<{ result?: Decision }>;
      const decision = result[0]?.result;
      if (!decision) throw new Error('policy returned no decision (entrypoint undefined)');
      assertValid('decision', decision);
      return decision;
    },
  };
}
