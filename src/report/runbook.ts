import type { RuleInfo } from '../evaluate/catalog';
import type { Finding } from '../types/decision';
import type { PolicyInput, Resource } from '../types/policy-input';
import type { Step } from '../types/runbook';

/** When the exposure started and ended (drift history), as ISO instants. */
export interface ExposureWindow {
  start: string;
  end: string;
}

/** What a runbook's identifiers are filled in from; without a resource, everything is a placeholder. */
export interface RunbookSubject {
  finding?: Finding;
  resource?: Resource;
  input?: PolicyInput;
  window?: ExposureWindow;
}

export interface RenderedRunbook {
  text: string;
  /** Placeholders left for the responder, e.g. `<FILL-IN:trail-name>`. */
  placeholders: string[];
}

const IDENTIFIER = /\{\{\s*([^}]+?)\s*\}\}/g;
const ACCOUNT_IN_ARN = /arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/;

const scalar = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

function at(values: Record<string, unknown> | undefined, path: string[]): unknown {
  let v: unknown = values;
  for (const p of path) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** One alternative of `{{a|b|c}}`: its value, or undefined (then the next one is tried). */
function resolve(alt: string, s: RunbookSubject): string | undefined {
  const [head, ...rest] = alt.split('.');
  const r = s.resource;
  switch (head) {
    case 'values':
      return scalar(at(r?.values, rest));
    case 'via': {
      // The resource an attribute refers to (a block's bucket, a key's user), then its value.
      const [attr, ...path] = rest;
      const key = r?.references[attr]?.[0];
      return scalar(at(key ? s.input?.resources[key]?.values : undefined, path));
    }
    case 'region':
      // Findings about a whole region name it even when their subject is no resource.
      return scalar(r?.region ?? s.finding?.resource.region);
    case 'address':
      return r?.address;
    case 'account':
      return r ? ACCOUNT_IN_ARN.exec(JSON.stringify(r.values))?.[1] : undefined;
    case 'window_start':
      return s.window?.start;
    case 'window_end':
      return s.window?.end;
    default:
      return undefined;
  }
}

const LABELS: Record<string, string> = { window_start: 'exposure-start', window_end: 'exposure-end' };

/** The placeholder of an identifier no alternative resolves: named by its last alternative. */
function placeholder(alts: string[]): string {
  const last = alts[alts.length - 1];
  const label = LABELS[last] ?? (last.startsWith('fill.') ? last.slice(5) : last.split('.').pop()!.replace(/_/g, '-'));
  return `<FILL-IN:${label}>`;
}

export function fillIdentifiers(text: string, s: RunbookSubject, left: Set<string>): string {
  return text.replace(IDENTIFIER, (_m, expr: string) => {
    const alts = expr.split('|').map((a) => a.trim());
    for (const a of alts) {
      const v = resolve(a, s);
      if (v !== undefined) return v;
    }
    const p = placeholder(alts);
    left.add(p);
    return p;
  });
}

/** The runbook as text: evidence first, then containment, then verification; commands are never run. */
export function renderRunbook(rule: RuleInfo, s: RunbookSubject = {}): RenderedRunbook {
  const book = rule.runbook;
  if (!book) throw new Error(`rule ${rule.id} has no runbook`);
  const left = new Set<string>();
  const fill = (t: string) => fillIdentifiers(t, s, left);
  const subject = s.resource ?? s.finding?.resource;
  const where = subject ? `${subject.address} in stack ${subject.stack}${subject.region ? ` (${subject.region})` : ''}` : 'no input: every identifier is a placeholder';
  const lines = [
    `Containment runbook: ${rule.id} (${rule.control}, ${rule.severity})`,
    `Finding: ${where}${s.finding ? `: ${s.finding.message}` : ''}`,
    `Exposure: ${book.exposure}`,
    `Exposure window: ${s.window ? `${s.window.start} to ${s.window.end} (drift history)` : 'not known here (pass --history): fill in <FILL-IN:exposure-start> and <FILL-IN:exposure-end>'}`,
    'Leakguard never runs these commands. Steps marked DESTRUCTIVE cannot simply be undone.',
  ];
  const section = (n: number, title: string, steps: Step[]) => {
    lines.push('', `${n}. ${title}`);
    steps.forEach((step, i) => {
      lines.push(`   ${n}.${i + 1} ${step.destructive ? 'DESTRUCTIVE: ' : ''}${fill(step.do)}`);
      if (step.run) lines.push(`       $ ${fill(step.run)}`);
    });
  };
  section(1, 'Preserve evidence first (before changing anything)', book.preserve);
  section(2, 'Contain', book.contain);
  section(3, 'Verify containment', book.verify);
  const placeholders = [...left].sort();
  lines.push('', placeholders.length ? `Placeholders to fill in: ${placeholders.join(', ')}` : 'Every identifier was filled in from the input.');
  return { text: lines.join('\n') + '\n', placeholders };
}
