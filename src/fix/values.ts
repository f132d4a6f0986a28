import type { Edit, RuleFix, Value } from '../types/fix';

/** What a fix's templates are filled in with: the reported resource and the policy settings. */
export interface FixContext {
  /** The resource's name label (`data` of aws_s3_bucket.data). */
  name: string;
  /** Its reference inside its own module, without an instance key (`aws_s3_bucket.data`). */
  ref: string;
  settings: Record<string, unknown>;
}

const TEMPLATE = /\{\{\s*(name|ref|settings\.([a-z0-9_]+))\s*\}\}/g;

/** `{{name}}`, `{{ref}}`, `{{settings.key}}` in a fix's text; a missing or non-scalar setting is an error. */
export function fill(text: string, ctx: FixContext): string {
  return text.replace(TEMPLATE, (_m, what: string, key?: string) => {
    if (!key) return what === 'name' ? ctx.name : ctx.ref;
    const v = ctx.settings[key];
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new Error(`fix template names setting ${key}, which is not a string, number or boolean`);
  });
}

/** HCL expression text of a fix value, or why none can be given (a choice with no allowed value in range). */
export function expressionOf(value: Value, ctx: FixContext): { expr: string } | { reason: string } {
  if (typeof value === 'string') return { expr: fill(value, ctx) };
  if (typeof value === 'number' || typeof value === 'boolean') return { expr: String(value) };
  const min = Number(ctx.settings[value.at_least]);
  const max = value.at_most === undefined ? Infinity : Number(ctx.settings[value.at_most]);
  const pick = [...value.smallest_of].sort((a, b) => a - b).find((v) => v >= min && v <= max);
  return pick === undefined ? { reason: `none of ${value.smallest_of.join(', ')} lies within ${value.at_least}..${value.at_most ?? ''} (${min}..${value.at_most ? max : ''})` } : { expr: String(pick) };
}

/** Every policy setting a fix reads, so the policy build can refuse a misspelt one. */
export function fixSettings(fix: RuleFix): string[] {
  const keys = new Set<string>();
  const scan = (text: string): void => {
    for (const m of text.matchAll(TEMPLATE)) if (m[2]) keys.add(m[2]);
  };
  for (const e of fix.edits as Edit[]) {
    if (e.create) scan(e.create);
    for (const v of Object.values(e.set ?? {})) {
      if (typeof v === 'string') scan(v);
      else if (typeof v === 'object') [v.at_least, v.at_most].forEach((k) => k && keys.add(k));
    }
  }
  return [...keys];
}
