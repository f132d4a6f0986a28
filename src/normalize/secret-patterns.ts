// The secret-pattern set the normalizer annotates candidates with. Ported from secretlint's
// recommended preset (@secretlint/secretlint-rule-preset-recommend 13.x), whose rules are code
// rather than data and whose engine is async ESM for Node ≥ 22, so it cannot run inside the
// synchronous normalizer; test/normalize/secrets.test.ts checks this port against secretlint
// itself on a generated corpus. Each `secret` group is the part that is fingerprinted.

export interface SecretPattern {
  /** Stable kind reported in findings and listed in the rules' `secret_kinds` setting. */
  kind: string;
  /** The secretlint rule it mirrors, or `leakguard (…)` for Azure and ADO.NET forms secretlint lacks. */
  source: string;
  pattern: RegExp;
}

const P = (kind: string, source: string, pattern: RegExp): SecretPattern => ({ kind, source, pattern });

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  P('aws-access-key-id', 'secretlint-rule-aws', /\b(?<secret>(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16})\b/g),
  P(
    'aws-secret-access-key',
    'secretlint-rule-aws',
    /\b(?:AWS|aws|Aws)?_?(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)?_?(?:KEY|key|Key)["']?\s*(?::|=>|=)\s*["']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/g,
  ),
  P('private-key', 'secretlint-rule-privatekey', /-----BEGIN ?(?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?<secret>[\s\S]{20,}?)-----END ?(?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g),
  P(
    'connection-string-password',
    'secretlint-rule-database-connection-string',
    /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|jdbc:[a-z]+):\/\/[^:\s/@]+:(?<secret>[^@\s/]{3,})@/gi,
  ),
  P('url-basic-auth', 'secretlint-rule-basicauth', /\bhttps?:\/\/[^:\s/@]+:(?<secret>[^@\s/]{3,})@/gi),
  P('connection-string-password', 'leakguard (ADO.NET form)', /(?:^|[;"'\s])(?:Password|Pwd)\s*=\s*(?<secret>[^;'"\s]{3,})/gi),
  P('azure-storage-account-key', 'leakguard (Azure connection strings)', /\bAccountKey=(?<secret>[A-Za-z0-9+/]{40,}={0,2})/g),
  P('azure-shared-access-key', 'leakguard (Azure connection strings)', /\bSharedAccessKey=(?<secret>[A-Za-z0-9+/]{30,}={0,2})/g),
  P('github-token', 'secretlint-rule-github', /\b(?<secret>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g),
  P('slack-token', 'secretlint-rule-slack', /\b(?<secret>xox[abposr]-[A-Za-z0-9-]{10,})/g),
  P('slack-webhook', 'secretlint-rule-slack', /https:\/\/hooks\.slack\.com\/services\/(?<secret>[A-Za-z0-9+/]{43,56})/g),
  P('stripe-key', 'secretlint-rule-stripe', /\b(?<secret>(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,})\b/g),
  P('sendgrid-key', 'secretlint-rule-sendgrid', /\b(?<secret>SG\.[\w-]{22}\.[\w-]{43})\b/g),
  P('npm-token', 'secretlint-rule-npm', /\b(?<secret>npm_[A-Za-z0-9]{36})\b/g),
  P('openai-key', 'secretlint-rule-openai', /\b(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})/g),
  P('anthropic-key', 'secretlint-rule-anthropic', /\b(?<secret>sk-ant-(?:api|admin)\d{2}-[\w-]{80,})/g),
];

/**
 * A cheap first look: text without any of these can match no pattern above (each pattern holds
 * one of them literally), so most strings skip the pattern set. Keep it in step with the list.
 */
export const PATTERN_HINT = /A3T|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA|secret|PRIVATE KEY|:\/\/|pass|pwd|AccountKey=|SharedAccessKey=|gh[pousr]_|github_pat_|xox|[sr]k_(?:live|test)_|SG\.|npm_|sk-/i;

/** Names (an environment variable, app setting or tag key, or `NAME=` in a script) that announce a secret value. */
export const SECRET_NAME = /(?:pass(?:word|wd)?|pwd|secret|token|(?:api|access|secret|private|account|shared[_-]?access|master)[_-]?key|credentials?)s?$/i;

/** Values that point at a secret store (Key Vault references, ARNs, CloudFormation dynamic references) are not secrets. */
export const SECRET_REFERENCE = /^\s*(?:@Microsoft\.KeyVault\(|arn:aws[a-z-]*:|\{\{resolve:)/;

/** Text without one of these words names no secret (SECRET_NAME ends in one of them). */
export const NAME_HINT = /pass|pwd|secret|token|key|credential/i;

/** `NAME=value` / `NAME: value` in scripts and text, where NAME announces a secret. */
/** A command line's `--password "…"` / `--db-password=…` (a provisioner's command, a script). */
export const NAMED_FLAG = /(?:^|\s)--?(?<name>[A-Za-z][A-Za-z0-9_-]*)(?:=|\s+)["']?(?<secret>[^\s"'$`;-][^\s"'$`;]{7,})/g;

export const NAMED_ASSIGNMENT = /\b(?<name>[A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?::|=)\s*["']?(?<secret>[^\s"'$`;]{8,})/g;

/** Token shape for the generic, entropy-judged case: long runs of key/token alphabets. */
export const TOKEN = /[A-Za-z0-9+/=_\-.~]{20,}/g;
