import type { Formatter } from './types';

export const jsonFormatter: Formatter = {
  name: 'json',
  description: 'The decision document (schemas/decision.schema.json)',
  render: ({ decision }) => JSON.stringify(decision, null, 2) + '\n',
};
