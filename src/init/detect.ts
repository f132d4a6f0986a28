import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError } from '../errors';
import { isObject, readText } from '../load/read-file';

/** What `leakguard init` learns from a repository before writing anything. */
export interface RepoFacts {
  /** Folders (repository-relative, `.` for the root) holding a cdktf.json, with its `app` command. */
  cdktfApps: Array<{ dir: string; app: string | null }>;
  /** Folders holding .tf files (Terraform roots or modules), outside cdktf output. */
  tfDirs: string[];
  /** AWS accounts named in code: provider allowed_account_ids and assume_role ARNs. */
  awsAccounts: Found[];
  /** Azure subscription ids named in code (provider subscription_id, /subscriptions/… scopes). */
  azureSubscriptions: Found[];
  /** TerraformStack subclasses in the CDKTF sources, for the starter test. */
  stackClasses: Array<{ name: string; file: string }>;
}

export interface Found {
  id: string;
  /** Where it was first seen, repository-relative. */
  file: string;
  /** Environment guessed from the file's path (`envs/prod/main.tf`), if any. */
  environment?: string;
}

const SKIP = new Set(['node_modules', '.git', '.terraform', 'cdktf.out', 'dist', 'build', 'coverage', '.gen', '.leakguard']);
const MAX_FILES = 20000;
// Only hand-written code is scanned for ids; bigger files are generated or data.
const MAX_SCAN_BYTES = 2 * 1024 * 1024;
const ENVIRONMENTS = ['prod', 'production', 'staging', 'stage', 'qa', 'test', 'dev', 'development', 'sandbox'];
const FOLD: Record<string, string> = { production: 'prod', stage: 'staging', development: 'dev' };

// Literal ids only: anything computed is for the user to fill in.
const ALLOWED_ACCOUNTS = /allowed_account_ids\s*=\s*\[([^\]]*)\]|allowedAccountIds\s*:\s*\[([^\]]*)\]/g;
const ROLE_ARN = /arn:aws:iam::(\d{12}):role\//g;
const ACCOUNT_ID = /["'](\d{12})["']/g;
const SUBSCRIPTION = /(?:subscription_id\s*=\s*|subscriptionId\s*:\s*|\/subscriptions\/)["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;
const STACK_CLASS = /export\s+class\s+(\w+)\s+extends\s+TerraformStack\b/g;

function files(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (SKIP.has(name) || name.startsWith('cdktf.out')) continue;
      const p = join(dir, name);
      // lstat: a symbolic link is not followed (a link to `..` would loop; one to /etc would
      // read outside the repository), and a FIFO or device is never opened.
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) {
        // A linked file (a shared provider.tf) counts; a linked folder is not walked.
        try {
          st = statSync(p);
        } catch {
          continue;
        }
        if (st.isFile() && out.length < MAX_FILES) out.push(p);
      } else if (st.isDirectory()) walk(p);
      else if (st.isFile() && out.length < MAX_FILES) out.push(p);
    }
  };
  walk(root);
  return out;
}

function environmentOf(path: string): string | undefined {
  const tokens = path.toLowerCase().split(/[\\/._-]+/);
  const env = tokens.find((t) => ENVIRONMENTS.includes(t));
  return env ? (FOLD[env] ?? env) : undefined;
}

export function detectRepo(root: string): RepoFacts {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new InputError(`${root}: not a folder`);
  const facts: RepoFacts = { cdktfApps: [], tfDirs: [], awsAccounts: [], azureSubscriptions: [], stackClasses: [] };
  const tfDirs = new Set<string>();
  const note = (list: Found[], id: string, file: string): void => {
    if (!list.some((f) => f.id === id)) list.push({ id, file, ...(environmentOf(file) ? { environment: environmentOf(file) } : {}) });
  };
  for (const abs of files(root)) {
    const file = relative(root, abs).split('\\').join('/');
    const name = file.split('/').pop()!;
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
    if (name === 'cdktf.json') {
      let app: string | null = null;
      try {
        const json: unknown = JSON.parse(readText(abs, { what: 'cdktf.json' }));
        if (isObject(json) && typeof json.app === 'string') app = json.app;
      } catch {
        app = null;
      }
      facts.cdktfApps.push({ dir, app });
      continue;
    }
    const isTf = name.endsWith('.tf');
    const isTs = /\.(ts|js)$/.test(name) && !/\.d\.ts$|\.test\.|\.spec\./.test(name);
    if (!isTf && !isTs) continue;
    if (isTf) tfDirs.add(dir);
    let text: string;
    try {
      if (statSync(abs).size > MAX_SCAN_BYTES) continue;
      // The one file opener: regular file, valid UTF-8. A file it refuses is skipped: init
      // only guesses prefill values from what it can read.
      text = readText(abs);
    } catch {
      continue;
    }
    for (const m of text.matchAll(ALLOWED_ACCOUNTS)) for (const a of (m[1] ?? m[2]).matchAll(ACCOUNT_ID)) note(facts.awsAccounts, a[1], file);
    for (const m of text.matchAll(ROLE_ARN)) note(facts.awsAccounts, m[1], file);
    for (const m of text.matchAll(SUBSCRIPTION)) note(facts.azureSubscriptions, m[1].toLowerCase(), file);
    if (isTs) for (const m of text.matchAll(STACK_CLASS)) facts.stackClasses.push({ name: m[1], file });
  }
  // A module folder inside a root (modules/x) is checked through the root that calls it.
  facts.tfDirs = [...tfDirs].sort().filter((d) => !/(^|\/)modules(\/|$)/.test(d));
  return facts;
}
