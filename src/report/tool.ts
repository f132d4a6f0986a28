import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../evaluate/paths';

let version: string | undefined;

/** Leakguard's own version (package.json), for SARIF, JUnit and evidence. */
export function toolVersion(): string {
  version ??= String(JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version ?? '0.0.0');
  return version;
}
