import { InputError } from '../errors';
import { githubFormatter } from './github';
import { gitlabFormatter } from './gitlab';
import { jsonFormatter } from './json';
import { junitFormatter } from './junit';
import { markdownFormatter } from './markdown';
import { sarifFormatter } from './sarif';
import { textFormatter } from './text';
import type { Formatter } from './types';

export const formatters: readonly Formatter[] = [textFormatter, jsonFormatter, sarifFormatter, junitFormatter, markdownFormatter, githubFormatter, gitlabFormatter];

export function formatterFor(name: string): Formatter {
  const f = formatters.find((x) => x.name === name);
  if (!f) throw new InputError(`unknown format "${name}" (expected one of: ${formatters.map((x) => x.name).join(', ')})`);
  return f;
}
