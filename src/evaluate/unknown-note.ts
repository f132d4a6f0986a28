import { isBlock } from '../normalize/coerce';
import { configuredAt } from '../normalize/draft';
import type { Resource } from '../types/policy-input';

// A rule that cannot see a setting before apply reports it (fail closed), and its message
// then states what it could not see as a fact: "not encrypted with a customer-managed KMS
// key" for a table whose whole server_side_encryption block is made by a dynamic block over a
// list known only after apply. The finding stays; its message says what was unknown.

/** Words by which a message already says that something is unknown before apply. */
const SAYS_UNKNOWN = /\b(?:apply|plan time|unknown|cannot be (?:read|verified|shown))\b/i;

/**
 * The blocks of `r` a rule reading `reads` (attribute paths its source names) could not see
 * into before apply: a block the rule reads (or reads inside of), unknown as a whole and set by the
 * configuration from an expression that refers to something (a dynamic block over a list
 * known only after apply). A single attribute unknown is left to the rules, which say so
 * where it decides (stores.rego), and a rule may read one that its message is not about (a
 * log bucket's target, to exempt it). Not a block the provider computes where the configuration
 * leaves it out (every plan has an unknown `arn`; a DynamoDB table without
 * server_side_encryption has it unknown too). A plan alone holds no expression for a dynamic
 * block's content, so there such a block is not told apart from one left out.
 */
export function unseenPaths(reads: readonly string[], r: Pick<Resource, 'type' | 'unknown' | 'references' | 'unlinked'>): string[] {
  if (r.unknown.length === 0 || reads.length === 0) return [];
  const under = (p: string, u: string): boolean => p === u || p.startsWith(`${u}.`);
  return r.unknown.filter((u) => isBlock(r.type, u) && reads.some((a) => under(a, u)) && configuredAt(r, u)).sort();
}

/** The message, with the paths the rule could not see before apply where it does not say so itself. */
export function withUnknownNote(message: string, unseen: readonly string[]): string {
  if (unseen.length === 0 || SAYS_UNKNOWN.test(message)) return message;
  return `${message} (not shown before apply: ${unseen.join(', ')} ${unseen.length > 1 ? 'are' : 'is'} known only after apply)`;
}
