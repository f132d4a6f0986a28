import { Construct } from 'constructs';
import { UnsafeConfigError } from './errors';

/**
 * Builds the Content-Security-Policy for pages that take PII (checkout, account). Third-party
 * scripts may only come from listed https origins; wildcards and inline script are refused
 * because they let any injected analytics tag read form fields.
 */
export function checkoutCsp(where: Construct, scriptSources: readonly string[] = []): string {
  for (const src of scriptSources) {
    if (src.includes('*') || /unsafe-(inline|eval|hashes)/.test(src) || !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(src)) {
      throw new UnsafeConfigError(where, `script source ${JSON.stringify(src)} must be an exact https origin (no wildcard, no 'unsafe-*')`);
    }
  }
  const scripts = ["'self'", ...scriptSources].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

export const DEFAULT_AUTHENTICATED_PATHS = ['/account*', '/checkout*', '/api/*'] as const;
export const DEFAULT_SCRIPT_RESTRICTED_PATHS = ['/checkout*', '/account*'] as const;
