import type { Decision } from '../types/decision';
import type { PolicyInput } from '../types/policy-input';

export interface ReportContext {
  decision: Decision;
  input: PolicyInput;
  /** Colour output (text only); decided once by the CLI from the TTY. */
  color: boolean;
}

/** One formatter per output format (Conftest style); exit codes are never decided here. */
export interface Formatter {
  name: string;
  description: string;
  render(ctx: ReportContext): string;
}
