import { InputError } from '../../errors';
import { htmlFormatter } from './html';
import { markdownFormatter } from './markdown';
import type { DriftFormatter } from './types';

const jsonFormatter: DriftFormatter = {
  name: 'json',
  description: 'The drift report document (schemas/drift-report.schema.json)',
  render: (r) => JSON.stringify(r, null, 2) + '\n',
};

export const driftFormatters: readonly DriftFormatter[] = [markdownFormatter, jsonFormatter, htmlFormatter];

export function driftFormatterFor(name: string): DriftFormatter {
  const f = driftFormatters.find((x) => x.name === name);
  if (!f) throw new InputError(`unknown format "${name}" (expected one of: ${driftFormatters.map((x) => x.name).join(', ')})`);
  return f;
}
