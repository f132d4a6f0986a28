import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors';
import { isObject, readJson } from '../../load/read-file';
import { schemaErrors } from '../../normalize/validate';
import type { NotCheckedReport } from '../../types/drift-estate';
import type { DriftReport } from '../../types/drift-report';

/** One stack's outcome as its CI job left it: its drift report, or its own word that it could not make one. */
export type StackReport = { file: string; stack: string; report: DriftReport } | { file: string; stack: string; notChecked: NotCheckedReport };

/** The report files named on the command line: files as given, folders (downloaded artifacts) as every .json under them. */
export function reportFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith('.json')) out.push(p);
    }
  };
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // a missing path is reported by the one file opener below
    }
    if (dir) walk(p);
    else out.push(p);
  }
  return out;
}

/**
 * Reads one per-stack report through the one file opener. A stack's drift report
 * (`leakguard drift --format json`, schema_version 1) or a not-checked report; anything else
 * (an estate report, a check decision, a report of another version) is refused with one line.
 */
export function readStackReport(file: string): StackReport {
  const doc = readJson(file, { what: 'drift report' });
  const bad = (why: string): never => {
    throw new InputError(`drift report ${file}: ${why}`);
  };
  if (!isObject(doc)) return bad('not a JSON object');
  if (doc.kind === 'not-checked') {
    const err = schemaErrors('drift-estate', doc, '#/definitions/NotCheckedReport');
    if (err) bad(`not a valid not-checked report (${err})`);
    const notChecked = doc as unknown as NotCheckedReport;
    return { file, stack: notChecked.stack, notChecked };
  }
  if (doc.kind === 'estate') bad('an estate report (leakguard drift merge), not one stack\'s drift report');
  if (doc.schema_version === undefined) bad('not a leakguard drift report (no schema_version; write it with leakguard drift --format json)');
  if (doc.schema_version !== '1') bad(`drift report format version ${JSON.stringify(doc.schema_version)}; this Leakguard reads version "1"`);
  const err = schemaErrors('drift-report', doc);
  if (err) bad(`not a valid leakguard drift report (${err})`);
  const report = doc as unknown as DriftReport;
  return { file, stack: report.source.stack, report };
}

/**
 * `--expect`: the stacks that must have a report. A list as `leakguard drift stacks` prints it
 * (`[{ "stack": … }]`), a JSON list of names, a CDKTF manifest.json or a cdktf.out folder.
 */
export function readExpected(path: string): string[] {
  let file = path;
  try {
    if (statSync(path).isDirectory()) file = join(path, 'manifest.json');
  } catch {
    // missing: the file opener says so
  }
  const doc = readJson(file, { what: 'stack list' });
  const bad = (why: string): never => {
    throw new InputError(`stack list ${file}: ${why}`);
  };
  let names: unknown[];
  if (Array.isArray(doc)) names = doc.map((x) => (isObject(x) ? x.stack : x));
  else if (isObject(doc) && isObject(doc.stacks)) names = Object.keys(doc.stacks);
  else return bad('expected a list of stacks (leakguard drift stacks), a JSON list of names or a CDKTF manifest');
  const seen = new Set<string>();
  for (const [i, n] of names.entries()) {
    if (typeof n !== 'string' || n === '') bad(`entry ${i} names no stack`);
    if (seen.has(n as string)) bad(`stack "${n as string}" is listed twice`);
    seen.add(n as string);
  }
  return names as string[];
}
