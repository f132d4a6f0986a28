import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { InputError } from '../errors';
import { isObject, readText } from './read-file';
import type { ConfigDocument, Json, Loader } from './types';

const BLOCK = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"|^\s*provider\s+"([^"]+)"/;

/** Line of each resource/data block, so SARIF and text reports point at the `.tf` line. */
function locate(file: string, text: string, into: Map<string, { file: string; line: number }>): void {
  text.split('\n').forEach((line, i) => {
    const m = BLOCK.exec(line);
    if (!m) return;
    const key = m[4] ? `provider.${m[4]}` : `${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}`;
    if (!into.has(key)) into.set(key, { file, line: i + 1 });
  });
}

/** hcl2json gives every block as a list; files of one module merge block by block. */
function merge(target: Json, part: Json, file: string): void {
  for (const [section, body] of Object.entries(part)) {
    if (!isObject(body)) continue;
    const into = (target[section] ??= {}) as Json;
    for (const [k, v] of Object.entries(body)) {
      if (section === 'resource' || section === 'data') {
        const byName = (into[k] ??= {}) as Json;
        for (const [name, block] of Object.entries(isObject(v) ? v : {})) {
          if (name in byName) throw new InputError(`${file}: ${section === 'data' ? 'data.' : ''}${k}.${name} is declared in two files of the folder`);
          byName[name] = block;
        }
      } else if (Array.isArray(v) && Array.isArray(into[k])) {
        (into[k] as unknown[]).push(...v);
      } else {
        into[k] = v;
      }
    }
  }
}

async function parseFile(file: string, text: string): Promise<Json> {
  try {
    const out = await parse(basename(file), text);
    return out as Json;
  } catch (err) {
    if (err instanceof RangeError) throw new InputError(`${file}: HCL nested too deeply to read (${err.message})`);
    const msg = String(err instanceof Error ? err.message : err).replace(/^Error: /, '').replace(/\s+/g, ' ');
    throw new InputError(`${file}: HCL syntax error: ${msg.replace(/^parse config: \[|\]$/g, '')}`);
  }
}

export const hclLoader: Loader = {
  format: 'hcl',
  detect: (path, isDir) => (isDir ? readdirSync(path).some((f) => f.endsWith('.tf')) : path.endsWith('.tf')),
  async load(path) {
    const files = path.endsWith('.tf')
      ? [path]
      : readdirSync(path).filter((f) => f.endsWith('.tf')).sort().map((f) => join(path, f));
    if (files.length === 0) throw new InputError(`${path}: no .tf files in this folder`);
    const config: Json = {};
    const locations = new Map<string, { file: string; line: number }>();
    for (const file of files) {
      const text = readText(file);
      merge(config, await parseFile(file, text), file);
      locate(file, text, locations);
    }
    const stack = basename(resolve(path.endsWith('.tf') ? join(path, '..') : path));
    const doc: ConfigDocument = { kind: 'config', format: 'hcl', stack, file: path, config, locations };
    return [doc];
  },
};
