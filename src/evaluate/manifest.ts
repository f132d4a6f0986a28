import * as crypto from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError } from '../errors';

/** Written by build-policies next to policy.wasm; ties the WASM to the exact Rego it came from. */
export interface PolicyManifest {
  opa_version: string;
  entrypoint: string;
  wasm_sha256: string;
  /** The entrypoint giving the rules' findings before judging (data.shard selects the rules). */
  raw_entrypoint: string;
  /** The entrypoint giving the decision's parts that depend on no finding (overrides, uncovered types, resource count). */
  estate_entrypoint: string;
  /** policies/-relative path → sha256 of every .rego file (tests included: they gate the build). */
  sources: Record<string, string>;
  /** Resource attributes the Rego can read (projection.ts); null: every attribute. */
  attributes: string[] | null;
  /**
   * Where the policy reads resources' secret candidates (policies/lib/secrets.rego `locations`
   * and `everywhere`): a check scans only the attributes they start with. Null: its Rego reads
   * candidates elsewhere too (projection.ts readsSecretsElsewhere), so every attribute is scanned.
   */
  secret_paths: SecretPaths | null;
  /** Every rule package: its [cloud, service, rule] path and the resource types its source names (parallel.ts weighs shards by them). */
  rules: Array<{ path: string[]; types: string[] }>;
  /**
   * Data-store checks no rule makes yet (policies/lib/data_stores.rego `known_gaps`): type →
   * check → why. A check names each resource of such a type as not checked for them.
   */
  known_gaps?: Record<string, Record<string, string>>;
}

/** The not-checked lines for the known gaps of the managed resources present: one per type and check. */
export function knownGapLines(gaps: PolicyManifest['known_gaps'], managed: Record<string, readonly string[]>, address: (key: string) => string): string[] {
  const out: string[] = [];
  for (const [type, checks] of Object.entries(gaps ?? {})) {
    const keys = Object.hasOwn(managed, type) ? managed[type] : [];
    if (keys.length === 0) continue;
    const named = keys.slice(0, 3).map(address).join(', ') + (keys.length > 3 ? ` and ${keys.length - 3} more` : '');
    for (const [check, why] of Object.entries(checks)) out.push(`${named}: ${check} of ${type} is checked by no rule yet (${why})`);
  }
  return out;
}

/**
 * Whether some rule can read a type's attribute at `path` (dotted): a rule names the type and
 * the Rego names the attribute (over-approximated as projection.ts does).
 */
export function policyReads(manifest: Pick<PolicyManifest, 'attributes' | 'rules'>): (type: string, path: string) => boolean {
  const types = new Set(manifest.rules.flatMap((r) => r.types));
  const attributes = manifest.attributes ? new Set(manifest.attributes) : null;
  return (type, path) => types.has(type) && (attributes === null || attributes.has(path.split('.')[0]));
}

/** Attribute paths by resource type, and those of every resource. */
export interface SecretPaths {
  by_type: Record<string, string[]>;
  everywhere: string[];
  /** Of by_type, the credential arguments (a database's master password): read where the configuration writes a literal only. */
  credentials?: Record<string, string[]>;
}

// crypto.hash (Node 20.12 and later) digests in one call, three times cheaper than createHash
// on short inputs such as the 10,000 fingerprints of a baseline; both give the same hex.
const oneShot = (crypto as { hash?: typeof crypto.hash }).hash;
export const sha256 = (data: string | Buffer): string => (oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex'));

export function regoFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.rego')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function hashSources(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of regoFiles(dir)) out[relative(dir, f)] = sha256(readFileSync(f));
  return out;
}

const REBUILD = 'run `npm run build:policies`';

/** Refuses a WASM built from other sources than the ones on disk. */
export function verifyManifest(manifest: PolicyManifest, wasm: Buffer, sourcesDir: string | null): void {
  verifyWasm(manifest, wasm);
  verifySources(manifest, sourcesDir);
}

/** Refuses a WASM other than the one its manifest describes. */
export function verifyWasm(manifest: PolicyManifest, wasm: Buffer): void {
  if (sha256(wasm) !== manifest.wasm_sha256) throw new InputError(`policy.wasm does not match its manifest; ${REBUILD}`);
}

/** Refuses a manifest (and so its WASM) made from other Rego than the sources on disk (~17 ms: every file read and hashed). */
export function verifySources(manifest: PolicyManifest, sourcesDir: string | null): void {
  if (!sourcesDir || !existsSync(sourcesDir)) return;
  const now = hashSources(sourcesDir);
  const changed = [
    ...Object.keys(now).filter((f) => manifest.sources[f] !== now[f]),
    ...Object.keys(manifest.sources).filter((f) => !(f in now)),
  ];
  if (changed.length > 0) {
    throw new InputError(`policy sources changed since policy.wasm was built (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', …' : ''}); ${REBUILD}`);
  }
}
