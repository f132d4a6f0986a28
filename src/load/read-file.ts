import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { InputError } from '../errors';
import { collectGarbage } from '../evaluate/heap';
import { settings } from '../settings';
import { ByteScan } from './byte-scan';
import { parseJsonText } from './json-syntax';

/**
 * The one place that opens a file the tool reads (inputs, config, baseline, history,
 * evidence log, manifests, waiver and var files). Every file gets the same checks:
 * a regular file (a FIFO or device would block or never end), within the size limit,
 * valid UTF-8 (no silent U+FFFD), inside its folder when the path came from a file,
 * and JSON errors with a line and column but never the input's own text.
 */
export interface ReadOptions {
  /** The path was read from a file in this folder (a manifest): it must stay inside. */
  within?: string;
  /** An empty file is valid (a log before its first entry). */
  allowEmpty?: boolean;
  /** What the file is, when the path alone does not say (`baseline`, `config`). */
  what?: string;
  /** The tool's own build output (compiled policy, rule catalogue): not bound by the input limit. */
  own?: boolean;
}

const OPEN_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENXIO: 'not a regular file (a socket or a device without a reader)',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

const label = (path: string, opts: ReadOptions): string => (opts.what ? `${opts.what} ${path}` : path);

function fail(path: string, opts: ReadOptions, problem: string): never {
  throw new InputError(`${label(path, opts)}: ${problem}`);
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** `child` resolves (symbolic links followed) to a path inside `folder`. */
function inside(folder: string, child: string): boolean {
  const rel = relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function checkWithin(path: string, opts: ReadOptions): void {
  if (!opts.within) return;
  if (!inside(resolve(opts.within), resolve(path))) fail(path, opts, `path leaves its folder ${opts.within}`);
  let real: string;
  let root: string;
  try {
    real = realpathSync(path);
    root = realpathSync(opts.within);
  } catch {
    return; // open() reports a missing file
  }
  if (!inside(root, real)) fail(path, opts, `path leaves its folder ${opts.within} (through a symbolic link)`);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The file's bytes, after the checks above. Never blocks: FIFOs are opened non-blocking and refused. */
export function readBytes(path: string, opts: ReadOptions = {}): Buffer<ArrayBuffer> {
  return readInto(path, opts, Infinity) as Buffer<ArrayBuffer>;
}

/**
 * readBytes(); a file of at least `ownFrom` bytes is read into an ArrayBuffer of its own (one a
 * worker can be handed), `onLarge` called before it is read.
 */
function readInto(path: string, opts: ReadOptions, ownFrom: number, onLarge?: () => void): Buffer {
  checkWithin(path, opts);
  const max = opts.own ? Number.MAX_SAFE_INTEGER : settings.maxInputBytes();
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return fail(path, opts, OPEN_ERRORS[code] ?? `cannot open (${code || 'unknown error'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) fail(path, opts, `${kindOf(st)}, not a regular file`);
    if (st.size === 0 && !opts.allowEmpty) fail(path, opts, 'file is empty');
    if (st.size > max) fail(path, opts, `file is ${mb(st.size)}, above the ${mb(max)} input limit (LEAKGUARD_MAX_INPUT_BYTES)`);
    // Read what fstat promised plus one byte: a file that grows while read is refused, not truncated.
    const own = st.size >= ownFrom;
    if (own) onLarge?.();
    const buf = own ? Buffer.from(new ArrayBuffer(st.size + 1)) : Buffer.allocUnsafe(st.size + 1);
    let n = 0;
    for (;;) {
      let got: number;
      try {
        got = readSync(fd, buf, n, buf.length - n, null);
      } catch (err) {
        return fail(path, opts, `cannot read (${(err as NodeJS.ErrnoException).code ?? 'I/O error'})`);
      }
      if (got === 0) break;
      n += got;
      if (n > st.size) fail(path, opts, 'file grew while it was read');
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Byte offset of the first invalid UTF-8 sequence (called only once the strict decoder refused). */
function firstInvalidUtf8(b: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = b.length;
  // The longest valid prefix, by bisection: each probe is one strict decode.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(b.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: pos - start + 1 };
}

/** Decoded strictly; `scan`: a large file's bytes, once decoded, are handed to a worker's depth and surrogate scan. */
export function readText(path: string, opts: ReadOptions = {}, scan?: ByteScan): string {
  let large = false;
  const bytes = readInto(path, opts, scan ? LARGE_TEXT : Infinity, () => ((large = true), scan?.start()));
  let text: string;
  try {
    // Fatal: a replacement character in an address would name a resource that does not exist.
    // Not Buffer's latin1 copy for ASCII files: its string lives outside V8's heap, and the
    // collections that external memory sets off made reading an 85 MB plan ~0.1 s slower.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line } = lineColumn(bytes.subarray(0, at).toString('utf8'), at);
    return fail(path, opts, `not valid UTF-8 (byte ${at + 1}, line ${line})`);
  }
  if (text.trim() === '' && !opts.allowEmpty) fail(path, opts, 'file is empty');
  // Handed over, not shared: the bytes are the worker's now, freed when it ends (while this
  // thread still parses), not at this thread's next full collection.
  if (large) scan?.post(bytes.buffer as ArrayBuffer, bytes.length);
  return text;
}

/** Parses JSON text read from `path`; errors name the line and column, never the text. */
export function parseJson(path: string, text: string, opts: ReadOptions = {}, scanned?: () => boolean): unknown {
  const parsed = parseJsonText(text, scanned);
  if ('value' in parsed) return parsed.value;
  const { line, column } = lineColumn(text, parsed.problem.pos);
  return fail(path, opts, `malformed JSON at line ${line} column ${column}: ${parsed.problem.what}`);
}

export function readJson(path: string, opts: ReadOptions = {}): unknown {
  const scan = new ByteScan();
  try {
    const text = readText(path, opts, scan);
    beforeLargeParse(text);
    return parseJson(path, text, opts, scan.posted ? () => scan.clean() : undefined);
  } finally {
    scan.stop();
  }
}

/** Texts from this size (a plan of ~5k resources) are worth a collection before they are parsed. */
export const LARGE_TEXT = 8 * 1024 * 1024;

/**
 * A full collection before a large text is parsed, while the heap holds little beyond it. V8
 * starts incremental marking once the old generation passes its first limit (20 MB), which
 * the text alone does: marking then ran through the whole parse, over objects that all
 * survive (at 20k resources ~40 ms of marking steps, slower scavenges, a finalization). A
 * collection now (~6 ms) sets the next limit from what is live, past what the parse adds:
 * loading the 20k plan 0.40 → 0.34 s. Not where the heap already holds more than two texts'
 * worth (a later file of an estate): that collection would cost more than it saves.
 */
function beforeLargeParse(text: string): void {
  if (text.length >= LARGE_TEXT && getHeapStatistics().used_heap_size < 2 * text.length) collectGarbage();
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
