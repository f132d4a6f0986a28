import type { RuleInfo } from '../evaluate/catalog';
import type { PolicyInput } from '../types/policy-input';
import type { FindingPlan } from './plan';

/**
 * CDKTF findings are fixed in the TypeScript that synthesized them, not in the generated JSON:
 * name the construct path, the rule's construct and option, and its snippet.
 */
export function constructFixes(plans: FindingPlan[], input: PolicyInput, catalog: RuleInfo[]): string {
  const rules = new Map(catalog.map((r) => [r.id, r]));
  const out: string[] = [];
  for (const p of plans) {
    const rule = rules.get(p.finding.rule_id);
    const path = input.resources[p.finding.resource.key]?.origin?.construct_path;
    if (!('reason' in p) || !path || !rule?.fix) continue;
    const cdktf = rule.fix.cdktf;
    out.push(
      `${p.finding.rule_id} at construct ${path}: ${rule.fix.summary}`,
      cdktf ? `  use ${rule.construct} (${cdktf.option}):` : `  use ${rule.construct}, which does this (\`leakguard explain ${rule.id}\` shows the Terraform)`,
      ...(cdktf ? cdktf.snippet.trimEnd().split('\n').map((l) => `    ${l}`) : []),
      '',
    );
  }
  return out.length > 0 ? out.join('\n') : '';
}
