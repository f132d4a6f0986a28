import type { Finding } from '../types/decision';
import { displayPath, LineIndex, locate } from './locate';
import { configLine } from './config-line';
import { evidenceNote, overridesNote } from './notes';
import type { Formatter } from './types';

/** XML 1.0 text or attribute value; characters XML cannot carry at all are dropped. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Element text keeps its newlines readable. */
const body = (text: string): string => xml(text).replace(/&#10;/g, '\n');

/**
 * One testsuite per rule, one testcase per rule × resource with a finding. Blocking findings
 * fail; findings that do not block (advisory, waived, in the baseline, unchanged by the plan)
 * are skipped with the reason, so CI test views stay red only when the check blocks. A rule
 * without findings has one passing testcase, so every rule evaluated appears.
 */
export const junitFormatter: Formatter = {
  name: 'junit',
  description: 'JUnit XML: a testsuite per rule, a testcase per rule × resource',
  render(ctx) {
    const lines = new LineIndex();
    const byRule = new Map<string, Finding[]>();
    for (const r of ctx.rules) byRule.set(r.id, []);
    for (const f of ctx.decision.findings) {
      const list = byRule.get(f.rule_id);
      if (list) list.push(f);
      else byRule.set(f.rule_id, [f]);
    }
    const titles = new Map(ctx.rules.map((r) => [r.id, r]));
    const suites: string[] = [];
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const [id, findings] of [...byRule.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const rule = titles.get(id);
      const cases: string[] = [];
      let f = 0;
      let s = 0;
      if (findings.length === 0) {
        cases.push(`    <testcase classname="${xml(id)}" name="${xml('no findings')}"/>`);
      }
      for (const finding of [...findings].sort((a, b) => a.resource.key.localeCompare(b.resource.key))) {
        const loc = locate(finding, lines);
        const file = displayPath(loc.file, ctx.cwd);
        const attrs = `classname="${xml(id)}" name="${xml(finding.resource.key)}" file="${xml(file)}"${loc.line ? ` line="${loc.line}"` : ''}`;
        const detail = [
          finding.message,
          `resource: ${finding.resource.key} (${finding.resource.type})`,
          `at: ${file}${loc.line ? `:${loc.line}` : ''}${loc.constructPath ? ` (construct ${loc.constructPath})` : ''}`,
          `severity: ${finding.severity} · enforcement: ${finding.enforcement} · control: ${finding.control}`,
          `fix: ${finding.remediation}`,
        ].join('\n');
        if (finding.blocking) {
          f++;
          cases.push(
            `    <testcase ${attrs}>\n      <failure message="${xml(finding.message)}" type="${xml(`${finding.severity}/${finding.enforcement}`)}">${body(detail)}</failure>\n    </testcase>`,
          );
        } else {
          s++;
          const why = finding.waived
            ? `waived: ${finding.waiver?.reason ?? ''} (owner ${finding.waiver?.owner ?? '?'}, expires ${finding.waiver?.expires ?? '?'})`
            : finding.gate
              ? `not blocking: ${finding.gate.join('; ')}`
              : finding.override
                ? `${finding.enforcement} by override ${finding.override.set_by} (default ${finding.override.default}): ${finding.message}`
                : `${finding.enforcement}: ${finding.message}`;
          cases.push(`    <testcase ${attrs}>\n      <skipped message="${xml(why)}"/>\n      <system-out>${body(detail)}</system-out>\n    </testcase>`);
        }
      }
      const n = Math.max(findings.length, 1);
      tests += n;
      failures += f;
      skipped += s;
      const props = rule
        ? [
            `    <properties>`,
            `      <property name="title" value="${xml(rule.title)}"/>`,
            `      <property name="control" value="${xml(rule.control)}"/>`,
            `      <property name="severity" value="${xml(rule.severity)}"/>`,
            ...rule.legal.map((l) => `      <property name="legal" value="${xml(l)}"/>`),
            `    </properties>`,
          ]
        : [];
      suites.push(
        [`  <testsuite name="${xml(id)}" tests="${n}" failures="${f}" errors="0" skipped="${s}">`, ...props, ...cases, `  </testsuite>`].join('\n'),
      );
    }
    // The config's enforcement overrides, stated where CI test views show suite properties.
    const overrides = overridesNote(ctx.decision);
    if (overrides) {
      suites.unshift(
        [
          `  <testsuite name="leakguard.enforcement-overrides" tests="0" failures="0" errors="0" skipped="0">`,
          `    <properties>`,
          ...(ctx.decision.overrides ?? []).map((o) => `      <property name="${xml(`${o.scope}.${o.name}`)}" value="${xml(o.level)}"/>`),
          `      <property name="silenced_by_overrides" value="${ctx.decision.summary.silenced_by_overrides}"/>`,
          `    </properties>`,
          `    <system-out>${body(overrides)}</system-out>`,
          `  </testsuite>`,
        ].join('\n'),
      );
    }
    const evidence = ctx.decision.evidence;
    if (evidence) {
      suites.unshift(
        [
          `  <testsuite name="leakguard.evidence" tests="0" failures="0" errors="0" skipped="0">`,
          `    <properties>`,
          `      <property name="log" value="${xml(evidence.log)}"/>`,
          `      <property name="entry" value="${evidence.entry}"/>`,
          `      <property name="head" value="${evidence.head}"/>`,
          `      <property name="key_id" value="${xml(evidence.key_id ?? 'unsigned')}"/>`,
          `    </properties>`,
          `    <system-out>${body(evidenceNote(ctx.decision)!)}</system-out>`,
          `  </testsuite>`,
        ].join('\n'),
      );
    }
    // Types no rule reads: one skipped case each, so CI dashboards show what was not checked.
    const uncovered = Object.entries(ctx.decision.summary.uncovered.by_type).sort(([a], [b]) => a.localeCompare(b));
    if (uncovered.length > 0) {
      tests += uncovered.length;
      skipped += uncovered.length;
      suites.push(
        [
          `  <testsuite name="not-covered" tests="${uncovered.length}" failures="0" errors="0" skipped="${uncovered.length}">`,
          ...uncovered.map(([type, n]) => `    <testcase classname="leakguard.not-covered" name="${xml(type)}">\n      <skipped message="${xml(`${n} resource(s) of type ${type} not covered by any rule`)}"/>\n    </testcase>`),
          `  </testsuite>`,
        ].join('\n'),
      );
    }
    // What the input could not show the rules: one skipped case each, beside the types no rule reads.
    const notChecked = ctx.decision.not_checked ?? [];
    if (notChecked.length > 0) {
      tests += notChecked.length;
      skipped += notChecked.length;
      suites.push(
        [
          `  <testsuite name="not-checked" tests="${notChecked.length}" failures="0" errors="0" skipped="${notChecked.length}">`,
          ...notChecked.map((m) => `    <testcase classname="leakguard.not-checked" name="${xml(m.split(' ')[0])}">\n      <skipped message="${xml(`not checked: ${m}`)}"/>\n    </testcase>`),
          `  </testsuite>`,
        ].join('\n'),
      );
    }
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="leakguard" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
      ...(configLine(ctx.decision.config) ? [`  <!-- ${xml(configLine(ctx.decision.config)!).replace(/--/g, '- -')} -->`] : []),
      ...suites,
      '</testsuites>',
      '',
    ].join('\n');
  },
};
