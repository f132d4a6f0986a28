import type * as Diff from 'diff';
import { InputError } from '../errors';
import { hclRuntime } from '../load/hcl-evaluator';
import { readText } from '../load/read-file';
import type { BlockEdit } from './plan';

interface Pos {
  line: number;
  column: number;
  byte: number;
}

/** The original text between start and end (end exclusive) becomes text; line/column are 1-based. */
export interface Replacement {
  start: Pos;
  end: Pos;
  text: string;
}

export interface FileChange {
  file: string;
  before: string;
  after: string;
  replacements: Replacement[];
  /** Edits that found nothing to change (already as the fix wants, or no literal to match). */
  unapplied: string[];
}

interface EditOutput {
  replacements: Replacement[];
  unapplied: string[];
  error?: string;
  groups?: EditOutput[];
}

/** Applies replacements (byte offsets of the UTF-8 text, in order, not overlapping). */
export function applyReplacements(text: string, replacements: Replacement[]): string {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let at = 0;
  for (const r of replacements) {
    parts.push(bytes.subarray(at, r.start.byte), Buffer.from(r.text, 'utf8'));
    at = r.end.byte;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts).toString('utf8');
}

/** Every block edit of one file applied by hcl-eval's editor: only the edited blocks' ranges change. */
export async function editFile(file: string, edits: BlockEdit[]): Promise<FileChange> {
  return (await editEach(file, [edits]))[0];
}

/** Each group of edits applied on its own to the same file (one finding's fix apiece), read and parsed once. */
export async function editEach(file: string, groups: BlockEdit[][]): Promise<FileChange[]> {
  const before = readText(file);
  const out = JSON.parse((await hclRuntime()).edit(JSON.stringify({ file, text: before, edits: [], groups }))) as EditOutput;
  if (out.error) throw new InputError(out.error);
  return out.groups!.map((g) => ({ file, before, after: applyReplacements(before, g.replacements), replacements: g.replacements, unapplied: g.unapplied }));
}

/** A unified diff of one change, `a/` and `b/` prefixed as git prints it. */
export function unifiedDiff(change: Pick<FileChange, 'file' | 'before' | 'after'>): string {
  const name = change.file.replace(/^\.\//, '');
  // Loaded here, not at start: every check loads this module (reports suggest fixes), few make a patch (~10 ms).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createTwoFilesPatch } = require('diff') as typeof Diff;
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, change.before, change.after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
