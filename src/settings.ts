import { createPrivateKey } from 'node:crypto';
import { InputError } from './errors';

/**
 * Every environment setting the tool reads, parsed and validated in one place. A value that
 * does not parse is exit 2 with one line: `LEAKGUARD_MAX_INPUT_BYTES=abc` used to turn the
 * input limit off silently (Number('abc') is NaN, and every size compares false with NaN).
 */
interface Setting<T> {
  name: string;
  /** What a valid value looks like, for the error line. */
  expects: string;
  parse(raw: string): T | undefined;
  fallback: () => T;
  /** A blank value means unset (an unset CI secret arrives as an empty variable). */
  blankIsUnset?: boolean;
}

const DECIMAL = /^\d+(\.\d+)?$/;

const maxInputBytes: Setting<number> = {
  name: 'LEAKGUARD_MAX_INPUT_BYTES',
  expects: 'a whole number of bytes above 0',
  parse: (raw) => (/^\d+$/.test(raw) && Number(raw) > 0 && Number.isSafeInteger(Number(raw)) ? Number(raw) : undefined),
  // A real 20k-resource plan is ~40 MB. One file's bound (reading and parsing it whole); an
  // estate is several files: the benchmark's 200k resources are four plans of 90 MB.
  fallback: () => 200 * 1024 * 1024,
};

const wasmMaxMb: Setting<number> = {
  name: 'LEAKGUARD_WASM_MAX_MB',
  expects: 'a number of MB above 0 and at most 4096 (the WASM32 ceiling)',
  parse: (raw) => (DECIMAL.test(raw) && Number(raw) > 0 && Number(raw) <= 4096 ? Number(raw) : undefined),
  fallback: () => 4096,
};

const workers: Setting<number | undefined> = {
  name: 'LEAKGUARD_WORKERS',
  expects: 'a whole number of worker threads from 1 (one pass) to 64',
  parse: (raw) => (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 64 ? Number(raw) : undefined),
  fallback: () => undefined,
};

const path = (name: string, what: string): Setting<string | undefined> => ({
  name,
  expects: `a non-empty path (${what})`,
  parse: (raw) => (raw.trim() !== '' && !raw.includes('\0') ? raw : undefined),
  fallback: () => undefined,
});

const policyBuild = path('LEAKGUARD_POLICY_BUILD', 'folder of the compiled policy');
const opa = path('LEAKGUARD_OPA', 'the opa binary');
const hclEvalBuild = path('LEAKGUARD_HCL_EVAL_BUILD', 'folder of the compiled HCL evaluator');

// The evidence signing key, as PEM text or a file holding it. Checked up front, so a key
// that is not one fails the run at its start instead of after evaluation, or never (when a
// command does not sign), leaving a log unsigned that was meant to be signed.
const evidenceKey: Setting<string | undefined> = {
  name: 'LEAKGUARD_EVIDENCE_KEY',
  expects: 'an Ed25519 private key in PEM (`leakguard evidence keygen`), or empty for none',
  parse: (raw) => {
    try {
      return createPrivateKey(raw).asymmetricKeyType === 'ed25519' ? raw : undefined;
    } catch {
      return undefined;
    }
  },
  fallback: () => undefined,
  blankIsUnset: true,
};
const evidenceKeyFile: Setting<string | undefined> = { ...path('LEAKGUARD_EVIDENCE_KEY_FILE', 'file holding an Ed25519 private key in PEM'), blankIsUnset: true };

const all: ReadonlyArray<Setting<unknown>> = [maxInputBytes, wasmMaxMb, workers, policyBuild, opa, hclEvalBuild, evidenceKey, evidenceKeyFile];

function read<T>(s: Setting<T>): T {
  const raw = process.env[s.name];
  if (raw === undefined || (s.blankIsUnset && raw.trim() === '')) return s.fallback();
  const v = s.parse(raw);
  // A key's text is never echoed.
  const shown = s === evidenceKey ? '<hidden>' : JSON.stringify(raw.slice(0, 40));
  if (v === undefined) throw new InputError(`environment setting ${s.name}=${shown} is invalid: expected ${s.expects}`);
  return v;
}

export const settings = {
  maxInputBytes: (): number => read(maxInputBytes),
  wasmMaxMb: (): number => read(wasmMaxMb),
  workers: (): number | undefined => read(workers),
  policyBuildDir: (): string | undefined => read(policyBuild),
  opaBinary: (): string | undefined => read(opa),
  hclEvalBuildDir: (): string | undefined => read(hclEvalBuild),
};

/** Validates every setting up front, so garbage is refused even by a command that would not read it. */
export function checkSettings(): void {
  for (const s of all) read(s);
}

/** The names, for docs and tests. */
export const settingNames = all.map((s) => s.name);
/** The settings a blank value is refused for (the others take blank as unset). */
export const blankRefusedNames = all.filter((s) => !s.blankIsUnset).map((s) => s.name);
