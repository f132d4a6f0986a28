import type { RuleInfo } from '../evaluate/catalog';
import type { FindingFix } from '../fix';
import type { Exposure } from './exposure';
import type { Decision } from '../types/decision';
import type { PolicyInput } from '../types/policy-input';

export interface ReportContext {
  decision: Decision;
  input: PolicyInput;
  /** Every compiled rule (build/policy/rules.json), so reports can list rules without findings. */
  rules: RuleInfo[];
  /** Colour output (text only); decided once by the CLI from the TTY. */
  color: boolean;
  /** Paths in reports are made relative to this folder (the repository root in CI); defaults to the process cwd. */
  cwd?: string;
  /** Each fixable finding's own fix (keyed by fixKey), for SARIF `fixes` and the PR comment's diffs. */
  fixes?: ReadonlyMap<string, FindingFix>;
  /** What each finding's resource puts at risk (by resource key): reports rank blocking findings by it. */
  exposure?: ReadonlyMap<string, Exposure>;
}

/** One formatter per output format (Conftest style); exit codes are never decided here. */
export interface Formatter {
  name: string;
  description: string;
  render(ctx: ReportContext): string;
}
