import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors';

/** Inputs above this are refused before reading: a real 20k-resource plan is ~40 MB, and the
 * WASM evaluator (4 GiB at most, ~27× the normalized input at its peak) tops out near 150 MB. */
export const MAX_INPUT_BYTES = Number(process.env.LEAKGUARD_MAX_INPUT_BYTES ?? 200 * 1024 * 1024);

export function readText(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new InputError(`${path}: not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: no such file or directory`);
  }
  if (size === 0) throw new InputError(`${path}: file is empty`);
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(`${path}: file is ${mb(size)}, above the ${mb(MAX_INPUT_BYTES)} input limit (LEAKGUARD_MAX_INPUT_BYTES)`);
  }
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') throw new InputError(`${path}: file is empty`);
  return text;
}

export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path}: malformed JSON (${jsonErrorWhere(text, err)})`);
  }
}

/** Turns V8's "at position N" into a line and column the user can jump to. */
function jsonErrorWhere(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(msg);
  if (!m) return msg.replace(/\s+/g, ' ');
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${msg.replace(/ in JSON at position \d+.*$/, '').replace(/^.*?: /, '')} at line ${line} column ${col}`;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
