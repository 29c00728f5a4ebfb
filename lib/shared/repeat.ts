// A background job's timer: the work runs every `intervalMs` after the previous run ended, never
// two at once, and the timer does not keep the process alive.

export interface Repeating {
  /** Whether stop() was called: a long run can end early on it. */
  readonly stopped: boolean;
  /** No further run; resolves once a run under way has ended. */
  stop(): Promise<void>;
}

/** Runs `work` every `intervalMs` (its first run after one interval); its errors are `onError`'s. */
export function repeat(
  intervalMs: number,
  work: () => Promise<void>,
  onError: (error: unknown) => void,
): Repeating {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      timer = null;
      running = work()
        .catch(onError)
        .then(() => {
          if (!stopped) schedule();
        });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    get stopped() {
      return stopped;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
