/**
 * Time as an injectable dependency, so schedulers, timeouts and limiters can be tested on fake
 * time instead of the real clock.
 */

/** Cancels a timer created by `Clock.setTimeout`. */
export type CancelTimer = () => void;

/** The time source every time-dependent part of wgo takes. */
export interface Clock {
  /** Monotonic milliseconds, for measuring durations. */
  now(): number;
  /** Wall-clock time, for timestamps in snapshots. */
  date(): Date;
  /** Runs `callback` after `ms` milliseconds; the returned function cancels it. */
  setTimeout(callback: () => void, ms: number): CancelTimer;
}

/**
 * The real clock. Its timers keep the process alive on purpose: a scan whose only pending work is
 * a hung collector must still reach its timeout.
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  date: () => new Date(),
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * Resolves after `ms` on `clock`, or rejects with the signal's reason when it aborts first.
 */
export function delay(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
