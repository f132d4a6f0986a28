// Secret candidates: where text in a resource or provider block looks like a credential. This
// annotates; the secret-in-code rules decide (which resource types and attributes count, which
// kinds, what entropy is high enough). A candidate carries its kind, attribute path, length,
// Shannon entropy and a short fingerprint, never the text itself, so neither the policy input's
// findings nor any report can echo a secret.
import { createHash } from 'node:crypto';
import type { SecretCandidate } from '../types/policy-input';
import type { Json } from '../load/types';
import { SENSITIVE, isJson, type Draft } from './draft';
import { NAMED_ASSIGNMENT, NAMED_FLAG, NAME_HINT, PATTERN_HINT, SECRET_NAME, SECRET_PATTERNS, SECRET_REFERENCE, TOKEN } from './secret-patterns';

/** Generic tokens below this entropy (bits per character) are not worth a candidate; the rules' own threshold is higher. */
const ENTROPY_FLOOR = 3;
/** Strings shorter than this hold no credential worth reporting. */
const MIN_TEXT = 8;
const INTERPOLATION = /\$\{[^}]*\}/g;
const BASE64 = /^[A-Za-z0-9+/\r\n]{24,}={0,2}$/;

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  let n = 0; // code points, as the loop counts them
  for (const c of s) {
    counts.set(c, (counts.get(c) ?? 0) + 1);
    n++;
  }
  let h = 0;
  for (const k of counts.values()) h -= (k / n) * Math.log2(k / n);
  return Math.round(h * 100) / 100;
}

export function fingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`;
}

function candidate(path: string, kind: string, secret: string): SecretCandidate {
  return { path, kind, length: [...secret].length, entropy: entropy(secret), fingerprint: fingerprint(secret) };
}

/**
 * A token made of words and numbers joined by separators (`123456789012-acme-dev-data`, an ECR
 * URL, a date path) is a name, however varied its characters: the account id a plan knows and the
 * HCL folder does not made every such name look random. A generated secret switches between
 * letters and digits again and again within its runs; a word, a number, or a word and a number
 * side by side (`subnet2`, `1a`, `x86`) switch at most once.
 */
export function namelike(token: string): boolean {
  return token.split(/[-_./~+=]+/).every((run) => /^(?:[A-Za-z]*[0-9]*|[0-9]*[A-Za-z]*)$/.test(run));
}

/** Base64 that decodes to readable text (cloud-init, scripts) is scanned as that text. */
function decoded(s: string): string | null {
  if (!BASE64.test(s)) return null;
  const text = Buffer.from(s, 'base64').toString('utf8');
  // Printable text, not random bytes (a key or a hash stays a token for the generic check).
  return /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(text) && !text.includes('\ufffd') ? text : null;
}

/**
 * Every match of a global pattern, as `text.matchAll(re)` gives them (these patterns never
 * match the empty string; their lastIndex is 0 between uses). matchAll copies the RegExp on
 * every call, which cost more than the match itself on short text.
 */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

function scanText(text: string, path: string, out: SecretCandidate[]): void {
  const plain = text.includes('${') ? text.replace(INTERPOLATION, ' ') : text;
  if (plain.length < MIN_TEXT) return;
  const taken: Array<[number, number]> = [];
  const claim = (start: number, end: number) => taken.push([start, end]);
  const claimed = (start: number, end: number) => taken.some(([a, b]) => start < b && end > a);
  for (const { kind, pattern } of PATTERN_HINT.test(plain) ? SECRET_PATTERNS : []) {
    for (const m of allMatches(pattern, plain)) {
      const secret = m.groups?.secret ?? m[0];
      const start = (m.index ?? 0) + m[0].lastIndexOf(secret);
      if (claimed(start, start + secret.length)) continue;
      claim(start, start + secret.length);
      out.push(candidate(path, kind, secret));
    }
  }
  for (const m of NAME_HINT.test(plain) ? [...allMatches(NAMED_ASSIGNMENT, plain), ...allMatches(NAMED_FLAG, plain)] : []) {
    const { name, secret } = m.groups as { name: string; secret: string };
    const start = (m.index ?? 0) + m[0].lastIndexOf(secret);
    if (!SECRET_NAME.test(name) || SECRET_REFERENCE.test(secret) || claimed(start, start + secret.length)) continue;
    claim(start, start + secret.length);
    out.push(candidate(path, 'named-secret', secret));
  }
  for (const m of plain.length >= 20 ? allMatches(TOKEN, plain) : []) {
    const start = m.index ?? 0;
    if (claimed(start, start + m[0].length)) continue;
    // A cloud service's endpoint names the resource by a generated id (an API's
    // `3tlbn73ji6.execute-api.us-east-1.amazonaws.com`): the address is public, only what
    // follows it may be a token (an audit: every API Gateway URL in an environment had blocked).
    const token = m[0].replace(SERVICE_HOST, '');
    if (token.length < 20 || !/[0-9]/.test(token) || !/[A-Za-z]/.test(token) || namelike(token)) continue;
    if (entropy(token) >= ENTROPY_FLOOR) out.push(candidate(path, 'generic', token));
  }
}

/** A host name under a cloud provider's service domains, at the start of a token (what follows it stays). */
const SERVICE_HOST = /^\/*(?:[a-z0-9-]+\.)+(?:amazonaws\.com(?:\.cn)?|on\.aws|api\.aws|cloudfront\.net|amazoncognito\.com|awsapps\.com|azurewebsites\.net|azure-api\.net|azurefd\.net|windows\.net|azurecr\.io|azurestaticapps\.net)(?=\/|$)/;

/**
 * Strings known to hold no candidate. Whether a string yields candidates does not depend on the
 * path it sits at (only the candidates' paths do), and plans repeat strings a lot (a policy
 * document in every key, the configuration's literals beside the planned values): a repeat is
 * not scanned again. Bounded, so a long-running process does not keep every string it saw.
 */
const clean = new Set<string>();
const CLEAN_MAX = 1 << 18;

function scanString(s: string, path: string, out: SecretCandidate[]): SecretCandidate[] {
  if (s.length < MIN_TEXT || s === SENSITIVE || clean.has(s)) return out;
  const before = out.length;
  scanUncached(s, path, out);
  if (out.length === before) {
    if (clean.size >= CLEAN_MAX) clean.clear();
    clean.add(s);
  }
  return out;
}

/** Lets the strings of the last sources go (normalize() calls it when done). */
export function forgetScannedStrings(): void {
  clean.clear();
  secretNames.clear();
}

function scanUncached(s: string, path: string, out: SecretCandidate[]): SecretCandidate[] {
  const text = decoded(s);
  if (text !== null) {
    scanText(text, path, out);
    return out;
  }
  const t = s.trim();
  if ((t.startsWith('{') || t.startsWith('[')) && t.length > 2) {
    try {
      return scan(JSON.parse(t), path, out);
    } catch {
      // Not JSON after all: plain text.
    }
  }
  scanText(s, path, out);
  return out;
}

/** A literal value whose name announces a secret; values built from references or pointing at a secret store are not. */
function named(name: string, value: string): boolean {
  return secretName(name) && value !== SENSITIVE && !value.includes('${') && !SECRET_REFERENCE.test(value) && value.trim().length >= MIN_TEXT;
}

/**
 * Secret candidates of a credential argument's value (`path`, dotted; the tree holds the value
 * there): every literal string is the credential, whatever its name (`passwords` is a list of
 * them), as a named secret is; a reference or a redacted value is not.
 */
export function credentialCandidates(tree: unknown, path: string): SecretCandidate[] {
  const out: SecretCandidate[] = [];
  const segs = path.split('.');
  const walk = (v: unknown, i: number): void => {
    if (Array.isArray(v)) for (const e of v) walk(e, i);
    else if (i < segs.length) {
      if (isJson(v) && Object.hasOwn(v, segs[i])) walk(v[segs[i]], i + 1);
    } else if (typeof v === 'string') {
      if (!named('password', v)) return;
      const found = scanString(v, path, []);
      out.push(...(found.some((c) => c.kind !== 'generic') ? found : [candidate(path, 'named-secret', v.trim())]));
    }
  };
  walk(tree, 0);
  return distinct(out);
}

/** SECRET_NAME.test(name), remembered: attribute names repeat in every resource. */
const secretNames = new Map<string, boolean>();
function secretName(name: string): boolean {
  let yes = secretNames.get(name);
  if (yes === undefined) {
    yes = SECRET_NAME.test(name);
    if (secretNames.size >= CLEAN_MAX) secretNames.clear();
    secretNames.set(name, yes);
  }
  return yes;
}

function scan(v: unknown, path: string, out: SecretCandidate[]): SecretCandidate[] {
  if (typeof v === 'string') {
    scanString(v, path, out);
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) scan(v[i], path, out);
  } else if (isJson(v)) {
    members(v, path, out, null);
  }
  return out;
}

/** The members of an object (those named in `only`, where given), scanned. */
function members(v: Json, path: string, out: SecretCandidate[], only: ReadonlySet<string> | null): void {
  // `{name: DB_PASSWORD, value: …}` pairs (ECS container environments, app settings lists).
  const pairName = typeof v.name === 'string' ? v.name : null;
  for (const k in v) {
    if (only !== null && !only.has(k)) continue;
    const x = v[k];
    if (x === null || typeof x === 'boolean' || typeof x === 'number' || (typeof x === 'string' && x.length < MIN_TEXT)) continue;
    const isNamed = typeof x === 'string' && (named(k, x) || (k === 'value' && pairName !== null && named(pairName, x)));
    // A string already found clean yields nothing here either (scanString would return at once).
    if (!isNamed && typeof x === 'string' && (x === SENSITIVE || clean.has(x))) continue;
    const p = path ? `${path}.${k}` : k;
    if (isNamed) {
      const found = scanString(x, p, []);
      // No pattern matched: the value itself, announced by its name (rather than a token judged by entropy alone).
      out.push(...(found.some((c) => c.kind !== 'generic') ? found : [candidate(p, 'named-secret', x.trim())]));
    } else {
      scan(x, p, out);
    }
  }
}

/** Secret candidates in a resource's values or a provider block's arguments, by dotted path (list indexes dropped). */
export function secretCandidates(...trees: unknown[]): SecretCandidate[] {
  const out: SecretCandidate[] = [];
  for (let i = 0; i < trees.length; i++) scan(trees[i], '', out);
  return distinct(out);
}

/**
 * The same, at the attributes named in `only` alone: secretCandidates(...trees) of those whose
 * path starts with one of them, in the same order, without scanning the others.
 */
export function secretCandidatesAt(only: ReadonlySet<string>, ...trees: unknown[]): SecretCandidate[] {
  const out: SecretCandidate[] = [];
  for (let i = 0; i < trees.length; i++) if (isJson(trees[i])) members(trees[i] as Json, '', out, only);
  return distinct(out);
}

function distinct(out: SecretCandidate[]): SecretCandidate[] {
  if (out.length < 2) return out;
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.path}|${c.kind}|${c.fingerprint}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

/**
 * `unscanned`: the paths the secret scan could not read among those it scans (`paths`, dotted): a value
 * Terraform marks sensitive as a whole at or above one of them (a script, a task definition, an
 * environment block: whatever a sensitive value was mixed into), or a collection hidden as a
 * whole below one (an environment's variables map holding one sensitive value beside others).
 * Not listed: a single sensitive value below a scanned path (one setting from a sensitive
 * input: a secret passed as it should be).
 * `fromCode`: those the configuration writes as a literal (Draft.written), which the scan read
 * there (a Glue connection's properties written as a literal map).
 */
export function hiddenPaths(d: Pick<Draft, 'sensitive' | 'hidden' | 'written'>, paths: readonly string[]): { unscanned: string[]; fromCode: string[] } {
  const unscanned: string[] = [];
  const fromCode: string[] = [];
  for (const p of d.sensitive) {
    const hides = paths.some((s) => p === s || s.startsWith(`${p}.`) || (p.startsWith(`${s}.`) && d.hidden?.includes(p) === true));
    if (hides) (literalAt(d.written, p.split('.')) ? fromCode : unscanned).push(p);
  }
  return { unscanned, fromCode };
}

/** The not-checked line for a path hiddenPaths() gives as unscanned. */
export const unscannedLine = (address: string, path: string, file: string): string =>
  `${address} ${path} (${file}): sensitive as a whole, so nothing in it could be read, neither by the secret scan nor by a rule (a value from a sensitive variable or attribute hides everything written beside it)`;

/** A plan's configuration writes the value at `segs` as a constant (every block on the way, every value below). */
function literalAt(exprs: unknown, segs: readonly string[]): boolean {
  if (Array.isArray(exprs)) return exprs.length > 0 && exprs.every((e) => literalAt(e, segs));
  if (!isJson(exprs)) return false;
  if ('constant_value' in exprs) return true;
  if ('references' in exprs) return false;
  // A block (its members' expressions), or `{}`: an expression neither constant nor referring (a function call).
  if (segs.length === 0) return Object.keys(exprs).length > 0 && Object.keys(exprs).every((k) => literalAt(exprs[k], segs));
  return literalAt(exprs[segs[0]], segs.slice(1));
}
