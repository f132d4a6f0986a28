import { Worker } from 'node:worker_threads';
import { MAX_JSON_DEPTH } from './json-syntax';

/**
 * The depth and surrogate scan of a large JSON text (json-syntax.ts acceptableText), done on
 * its UTF-8 bytes by a worker while this thread parses the decoded text: at 20k resources the
 * scan took ~70 ms of this thread's time, on the critical path, while the second core idled.
 *
 * `scanBytes` answers CLEAN only where the text scan would accept the text without walking
 * the parsed value: no `\uD800`–`\uDFFF` escape (raw surrogates cannot be in UTF-8 the
 * strict decoder took; astral characters are whole 4-byte sequences) and no nesting deeper
 * than MAX_JSON_DEPTH. Every other answer (or none) sends the text through the usual scan.
 * Bytes ≥ 0x80 never hold an ASCII quote, backslash or bracket, so the byte walk meets the
 * same structure as the text walk.
 */
export const CLEAN = 1;
export const CHECK = 2;

// Self-contained (no import, no module constant): its source is the worker's program.
export function scanBytes(u8: Uint8Array, n: number, max: number): number {
  const clean = 1;
  const check = 2;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = u8[i++];
    if (c === 0x22) {
      for (;;) {
        if (i >= n) return check;
        const d = u8[i++];
        if (d === 0x22) break;
        if (d === 0x5c) {
          // \u followed by d/D and 8–f: a surrogate half, escaped.
          if (u8[i] === 0x75 && (u8[i + 1] | 0x20) === 0x64) {
            const h = u8[i + 2];
            if (h === 0x38 || h === 0x39 || ((h | 0x20) >= 0x61 && (h | 0x20) <= 0x66)) return check;
          }
          i++;
        }
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return check;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return clean;
}

// The worker's whole program: scanBytes' source, run once over the bytes handed to it; the
// answer goes into the shared flag (Int32Array slot 0), which the reading thread waits on.
const PROGRAM = `
const { parentPort } = require('node:worker_threads');
${scanBytes.toString()}
parentPort.once('message', ({ bytes, n, flag }) => {
  let answer = ${CHECK};
  try { answer = scanBytes(new Uint8Array(bytes), n, ${MAX_JSON_DEPTH}); } finally {
    const f = new Int32Array(flag);
    Atomics.store(f, 0, answer);
    Atomics.notify(f, 0);
  }
});
`;

/**
 * How long the reading thread waits for an answer once it has parsed: about what scanning
 * itself would take (~2 ms per MB), so a worker slow to start costs at most that.
 */
const waitMs = (n: number): number => Math.max(10, (2 * n) / 1e6);

/**
 * One file's scan: the worker starts before the file is read (it boots while this thread
 * reads and decodes), is handed the bytes once decoded, and answers once this thread has
 * parsed the text.
 */
export class ByteScan {
  private worker: Worker | undefined;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private n = 0;
  posted = false;

  start(): void {
    try {
      this.worker = new Worker(PROGRAM, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
      this.worker.unref();
      // A worker that failed answers nothing: clean() then waits its short while and says no.
      this.worker.on('error', () => undefined);
    } catch {
      this.worker = undefined;
    }
  }

  /** Hands `bytes` (its first `n`) to the worker: transferred, so unusable here afterwards. */
  post(bytes: ArrayBuffer, n: number): void {
    if (!this.worker) return;
    this.n = n;
    this.worker.postMessage({ bytes, n, flag: this.flag.buffer }, [bytes]);
    this.posted = true;
  }

  /** True only where the worker answered CLEAN within `wait` ms; false leaves the scan to the caller. */
  clean(wait = waitMs(this.n)): boolean {
    Atomics.wait(this.flag, 0, 0, wait);
    const answer = Atomics.load(this.flag, 0);
    // A worker that answered ends on its own, while this thread still parses; stopping it
    // here would tear it down while this thread normalizes (measured: normalizing +30 ms).
    if (answer === 0) this.stop();
    this.worker = undefined;
    return answer === CLEAN;
  }

  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
