/**
 * The bounded pool a collector runs its API calls through (`ctx.tasks`). It caps the calls in
 * flight inside one provider (`--api-concurrency`), so parallelism never multiplies by nesting:
 * a task that runs tasks of its own must not wait on them while holding a slot.
 */

/** A unit of work; it receives the scan's signal and should stop when it aborts. */
export type Task<T> = (signal: AbortSignal) => Promise<T>;

/** Options of a `TaskPool`. */
export interface TaskPoolOptions {
  /** Tasks running at once. Minimum 1. */
  readonly concurrency: number;
  /** Aborting it rejects every queued task with the signal's reason and tells running ones. */
  readonly signal: AbortSignal;
}

interface Queued {
  readonly start: () => void;
  readonly reject: (reason: unknown) => void;
}

/** A FIFO pool that runs at most `concurrency` tasks at a time. */
export class TaskPool {
  readonly concurrency: number;
  readonly #signal: AbortSignal;
  readonly #queue: Queued[] = [];
  #queueHead = 0;
  #active = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(options: TaskPoolOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`TaskPool concurrency must be an integer >= 1, got ${options.concurrency}`);
    }
    this.concurrency = options.concurrency;
    this.#signal = options.signal;
    this.#signal.addEventListener('abort', () => this.#rejectQueued(), { once: true });
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** Tasks waiting for a slot. */
  get pending(): number {
    return this.#queue.length - this.#queueHead;
  }

  /**
   * Runs `task` when a slot is free. Rejects with the abort reason, without running the task,
   * when the pool's signal aborts first.
   */
  run<T>(task: Task<T>): Promise<T> {
    if (this.#signal.aborted) return Promise.reject(this.#signal.reason);
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#active++;
        let result: Promise<T>;
        try {
          result = task(this.#signal);
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(() => this.#release());
      };
      if (this.#active < this.concurrency) start();
      else this.#queue.push({ start, reject });
    });
  }

  /** Resolves when nothing is running or queued. */
  onIdle(): Promise<void> {
    if (this.#active === 0 && this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #release(): void {
    this.#active--;
    const next = this.#shift();
    if (next) next.start();
    else if (this.#active === 0) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  #shift(): Queued | undefined {
    if (this.#queueHead >= this.#queue.length) return undefined;
    const next = this.#queue[this.#queueHead];
    this.#queue[this.#queueHead++] = undefined as unknown as Queued;
    if (this.#queueHead > 1024 && this.#queueHead * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#queueHead);
      this.#queueHead = 0;
    }
    return next;
  }

  #rejectQueued(): void {
    const reason = this.#signal.reason;
    for (let next = this.#shift(); next; next = this.#shift()) next.reject(reason);
    if (this.#active === 0) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }
}
