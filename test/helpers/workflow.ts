import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main';

/**
 * The words of a shell command line as bash would split them, far enough for workflow
 * scripts: quotes, `$VAR` / `${VAR}` / `$(…)` kept as literal text (their values are not
 * known here), ending at an unquoted redirection, pipe, `;`, `&` or `)`.
 */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: '"' | "'" | null = null;
  let depth = 0; // $( … ) nesting inside double quotes
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '\\' && i + 1 < text.length) word += text[++i];
      else if (c === '$' && text[i + 1] === '(') {
        depth++;
        word += '$(';
        i++;
      } else if (c === ')' && depth > 0) {
        depth--;
        word += c;
      } else if (c === '"' && depth === 0) quote = null;
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      started = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
      continue;
    }
    if ('<>|;&)'.includes(c)) {
      if (c === '>' && word === '2') return words; // 2> file
      break;
    }
    word += c;
    started = true;
  }
  if (started) words.push(word);
  return words;
}

/** Every `<head> …` command line in a script (continuations joined), with `"${arr[@]}"` expanded to the array's last non-empty assignment. */
export function invocations(script: string, head: RegExp): string[][] {
  const joined = script.replace(/\\\n\s*/g, ' ');
  const arrays = new Map<string, string[]>();
  for (const m of joined.matchAll(/\b(\w+)=\(([^()]*)\)/g)) {
    const words = shellWords(m[2]);
    if (words.length > 0) arrays.set(m[1], words);
  }
  const out: string[][] = [];
  for (const line of joined.split('\n')) {
    const at = line.search(head);
    if (at < 0) continue;
    const rest = line.slice(at).replace(head, '');
    out.push(shellWords(rest).flatMap((w) => (/^\$\{(\w+)\[@\]\}$/.test(w) ? (arrays.get(/^\$\{(\w+)/.exec(w)![1]) ?? []) : [w])));
  }
  return out;
}

/**
 * Parses argv with the CLI's own Commander tree, every action replaced by one that records
 * which command ran: unknown commands and options, missing arguments and bad choices throw
 * as they would for a user. Returns the command path (`drift merge`).
 */
export async function parseCli(argv: string[]): Promise<string> {
  const silent = { stdout: () => undefined, stderr: () => undefined, isTTY: false };
  const program = buildProgram(silent, () => undefined);
  let ran = '';
  const stub = (cmd: Command, path: string[]): void => {
    cmd.action(() => {
      ran = path.join(' ');
    });
    for (const sub of cmd.commands) stub(sub, [...path, sub.name()]);
  };
  for (const c of program.commands) stub(c, [c.name()]);
  await program.parseAsync(argv, { from: 'user' });
  if (!ran) throw new Error(`no command ran for: ${argv.join(' ')}`);
  return ran;
}
