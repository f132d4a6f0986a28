// `import 'leakguard/jest'` (or list it in Jest's setupFilesAfterEach): adds
// expect(x).toPassLeakguard({ config }) and expect(x).toViolate(ruleId | { rule, control, resource })
// for a TerraformStack, an App or synthesized JSON (Testing.synth(stack)).
import type { LeakguardOptions } from '../cdktf/evaluate';
import { toPassLeakguard, toViolate, type ViolationSpec } from './matchers';

export { toPassLeakguard, toViolate, type ViolationSpec } from './matchers';
export type { LeakguardOptions } from '../cdktf/evaluate';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** No blocking Leakguard finding; a failure prints them as the text report does. */
      toPassLeakguard(opts?: LeakguardOptions): R;
      /** A (not waived) finding of this rule, or matching { rule, control, resource }. */
      toViolate(spec: ViolationSpec, opts?: LeakguardOptions): R;
    }
  }
}

const expectFn = (globalThis as { expect?: { extend(m: Record<string, unknown>): void } }).expect;
if (!expectFn) throw new Error("leakguard/jest extends Jest's expect: import it from a test file or setupFilesAfterEach");
expectFn.extend({ toPassLeakguard, toViolate });
