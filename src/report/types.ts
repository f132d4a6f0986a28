import type { RuleInfo } from '../evaluate/catalog';
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
}

/** One formatter per output format (Conftest style); exit codes are never decided here. */
export interface Formatter {
  name: string;
  description: string;
  render(ctx: ReportContext): string;
}
