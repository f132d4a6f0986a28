import { unifiedDiff, fixKey, type FindingFix } from '../fix';
import type { Finding } from '../types/decision';

/** A finding's fix, when the report was given fixes (check computes them for SARIF and Markdown). */
export const fixOf = (f: Finding, fixes?: ReadonlyMap<string, FindingFix>): FindingFix | undefined => fixes?.get(fixKey(f));

/** SARIF `fixes`: each file's replacements, regions 1-based with an exclusive end column as SARIF reads them. */
export function sarifFixes(fix: FindingFix, artifact: (file: string) => object): object[] {
  return [
    {
      description: { text: fix.summary },
      artifactChanges: fix.changes.map((c) => ({
        artifactLocation: artifact(c.file),
        replacements: c.replacements.map((r) => ({
          deletedRegion: { startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column },
          insertedContent: { text: r.text },
        })),
      })),
    },
  ];
}

/** The PR comment's collapsed diff under a blocking finding. */
export function markdownFix(fix: FindingFix): string {
  const diff = fix.changes.map(unifiedDiff).join('');
  const fence = diff.includes('```') ? '````' : '```';
  return `<details><summary>Suggested fix: ${fix.summary.replace(/[<>&]/g, '')} (<code>leakguard fix</code>)</summary>\n\n${fence}diff\n${diff.trimEnd()}\n${fence}\n\n</details>\n\n`;
}
