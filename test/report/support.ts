import { loadCatalog } from '../../src/evaluate/catalog';
import type { Decision, Finding } from '../../src/types/decision';

/** The rule most tests drive: critical, control public-storage, hard by default. */
export const RULE = 'aws-s3-public-access-block';

/**
 * Enforcement overrides making every other compiled rule advisory, so a test about one
 * rule's blocking, waivers or exit code stays about that rule as the policy set grows.
 */
export function othersAdvisory(rule = RULE): Record<string, string> {
  return Object.fromEntries(loadCatalog().filter((r) => r.id !== rule).map((r) => [r.id, 'advisory']));
}

/** A config whose `policy.enforcement` keeps only `rule` able to block, plus the test's own settings. */
export function isolated(config: { policy?: { enforcement?: Record<string, unknown> }; waivers?: unknown[] } = {}, rule = RULE): object {
  const enforcement = config.policy?.enforcement ?? {};
  return {
    ...config,
    policy: {
      ...config.policy,
      enforcement: { ...enforcement, rules: { ...othersAdvisory(rule), ...((enforcement.rules as object) ?? {}) } },
    },
  };
}

export const ofRule = (d: Decision, rule = RULE): Finding[] => d.findings.filter((f) => f.rule_id === rule);
