import { isAbsolute, relative, resolve, sep } from 'node:path';
import { readText } from '../load/read-file';
import type { Finding } from '../types/decision';

/** Where a finding points a reader: a file and, whenever one can be found, a line. */
export interface SourceLocation {
  file: string;
  line?: number;
  /** CDKTF construct path, when the resource came from a synthesized stack. */
  constructPath?: string;
}

// `new Bucket (/repo/stacks/main.ts:12:5)` or `/repo/stacks/main.ts:12:5`
const FRAME = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):\d+\)?\s*$/;

/** The first stack frame in the user's own code (not node internals, not a dependency). */
export function userFrame(trace: string[]): { file: string; line: number } | undefined {
  for (const frame of trace) {
    const m = FRAME.exec(frame);
    if (!m) continue;
    const file = m[1].trim().replace(/^file:\/\//, '');
    if (file.startsWith('node:') || file.includes(`${sep}node_modules${sep}`) || file.includes('/node_modules/') || !isAbsolute(file)) continue;
    return { file, line: Number(m[2]) };
  }
  return undefined;
}

/**
 * Line lookups in JSON inputs, built once per file: the line of every resource block of a
 * pretty-printed cdk.tf.json (by `type.name`), and of every `"address"` in a plan or state.
 */
export class LineIndex {
  private readonly files = new Map<string, Map<string, number>>();

  lineOf(file: string, address: string): number | undefined {
    let index = this.files.get(file);
    if (!index) {
      index = build(file);
      this.files.set(file, index);
    }
    return index.get(address);
  }
}

function build(file: string): Map<string, number> {
  const out = new Map<string, number>();
  let text: string;
  try {
    // The input was read and checked already; through the opener again, so a file swapped for a FIFO since cannot block.
    text = readText(file);
  } catch {
    return out;
  }
  // Terraform JSON written by CDKTF: two-space indentation, one key per line.
  const path: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^( *)"((?:[^"\\]|\\.)*)": [{[]/.exec(lines[i]);
    if (!m) continue;
    const depth = m[1].length / 2;
    path.length = depth;
    path[depth - 1] = m[2];
    // The provider section: where region and estate findings point when nothing nearer is known.
    if (depth === 1 && path[0] === 'provider' && !out.has('provider')) out.set('provider', i + 1);
    if (depth === 3 && (path[0] === 'resource' || path[0] === 'data')) {
      const address = `${path[0] === 'data' ? 'data.' : ''}${path[1]}.${path[2]}`;
      if (!out.has(address)) out.set(address, i + 1);
    }
  }
  // Plans and state (often minified: then everything is on line 1).
  const ADDRESS = /"address": ?("(?:[^"\\]|\\.)*")/g;
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(ADDRESS)) {
    for (let j = last; j < m.index; j++) if (text.charCodeAt(j) === 10) line++;
    last = m.index;
    const address = JSON.parse(m[1]) as string;
    if (!out.has(address)) out.set(address, line);
  }
  return out;
}

export function locate(f: Finding, lines: LineIndex): SourceLocation {
  const origin = f.resource.origin;
  const constructPath = origin?.construct_path;
  const withPath = (l: SourceLocation): SourceLocation => (constructPath ? { ...l, constructPath } : l);
  if (!origin) return { file: f.resource.stack };
  if (origin.line) return withPath({ file: origin.file, line: origin.line });
  const frame = origin.stack_trace ? userFrame(origin.stack_trace) : undefined;
  if (frame) return withPath(frame);
  const line = lines.lineOf(origin.file, isScope(f) ? 'provider' : f.resource.address);
  return withPath(line ? { file: origin.file, line } : { file: origin.file });
}

/** A path as reports show it: relative to `cwd` when inside it, with forward slashes. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  return abs.split(sep).join('/');
}

/** A finding about a region or a whole estate (its subject is a scope, not a resource). */
export const isScope = (f: Finding): boolean => f.resource.type === 'region' || f.resource.type === 'estate';
