const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress {
  step(label: string): void;
  done(): void;
}

export const noProgress: Progress = { step: () => {}, done: () => {} };

/**
 * A spinner on stderr (a terminal only) that appears once a run has taken more than
 * `delayMs`. Loading and evaluation are mostly synchronous, so it also redraws on each step
 * instead of relying on its timer alone.
 */
export function spinner(write: (s: string) => void, delayMs = 1000, now: () => number = Date.now): Progress {
  const started = now();
  let label = 'checking';
  let frame = 0;
  let drawn = false;
  const draw = (): void => {
    if (now() - started < delayMs) return;
    const secs = ((now() - started) / 1000).toFixed(1);
    write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length]} leakguard: ${label}… ${secs}s`);
    drawn = true;
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    step(next) {
      label = next;
      draw();
    },
    done() {
      clearInterval(timer);
      if (drawn) write('\r\x1b[K');
    },
  };
}
