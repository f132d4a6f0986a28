import type { RuleInfo } from '../evaluate/catalog';
import type { Finding } from '../types/decision';
import type { PolicyInput } from '../types/policy-input';
import type { FindingPlan } from './plan';

/** A CDKTF finding's fix: the construct to use, at the construct path that made the resource. */
export interface ConstructFix {
  finding: Finding;
  text: string;
}

/**
 * CDKTF findings are fixed in the TypeScript that synthesized them, not in the generated JSON:
 * name the construct path, the rule's construct and option, and its snippet, sorted by construct path.
 */
export function constructFixes(plans: FindingPlan[], input: PolicyInput, catalog: RuleInfo[]): ConstructFix[] {
  const rules = new Map(catalog.map((r) => [r.id, r]));
  const out: Array<ConstructFix & { path: string }> = [];
  for (const p of plans) {
    const rule = rules.get(p.finding.rule_id);
    const path = input.resources[p.finding.resource.key]?.origin?.construct_path;
    if (!('reason' in p) || !path || !rule?.fix) continue;
    const cdktf = rule.fix.cdktf;
    const lines = [
      `${p.finding.rule_id} at construct ${path}: ${rule.fix.summary}`,
      cdktf ? `  use ${rule.construct} (${cdktf.option}):` : `  use ${rule.construct}, which does this (\`leakguard explain ${rule.id}\` shows the Terraform)`,
      ...(cdktf ? cdktf.snippet.trimEnd().split('\n').map((l) => `    ${l}`) : []),
    ];
    out.push({ finding: p.finding, path, text: lines.join('\n') + '\n' });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.finding.rule_id.localeCompare(b.finding.rule_id));
}
