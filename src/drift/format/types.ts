import type { DriftReport } from '../../types/drift-report';

/** One formatter per output format; the exit code is never decided here. */
export interface DriftFormatter {
  name: 'markdown' | 'json' | 'html';
  description: string;
  render(report: DriftReport): string;
}
