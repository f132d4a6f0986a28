const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress {
  /** `slow`: the step is known to take long (a large input), so show it now, not after the delay. */
  step(label: string, slow?: boolean): void;
  done(): void;
}

export const noProgress: Progress = { step: () => {}, done: () => {} };

/**
 * A spinner on stderr (a terminal only) for runs that take more than `delayMs`. Evaluation
 * runs on a worker thread, so the timer animates it; loading and normalizing block the
 * event loop, so it also draws on each step, and at once for a step announced as slow.
 */
export function spinner(write: (s: string) => void, delayMs = 1000, now: () => number = Date.now): Progress {
  const started = now();
  let label = 'checking';
  let frame = 0;
  let drawn = false;
  const draw = (force = false): void => {
    if (!force && now() - started < delayMs) return;
    const secs = ((now() - started) / 1000).toFixed(1);
    write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length]} leakguard: ${label}… ${secs}s`);
    drawn = true;
  };
  const timer = setInterval(() => draw(), 100);
  timer.unref();
  return {
    step(next, slow = false) {
      label = next;
      draw(slow);
    },
    done() {
      clearInterval(timer);
      if (drawn) write('\r\x1b[K');
    },
  };
}
