/**
 * An adaptive token bucket: the rate limiter of one (provider, account, region, service).
 *
 * Tokens refill at `rate` per second up to `burst`; a call takes one. When the API throttles, the
 * rate drops multiplicatively, but only for a call sent after the last drop: replies to calls
 * already in flight at the old rate say nothing new. While calls succeed it climbs back additively,
 * fast while far below the rate that last throttled and slowly near it, so the scan settles just
 * under the real limit instead of hammering it or crawling.
 */
import type { Clock } from '../clock.ts';

/** Options of an adaptive bucket. Rates are requests per second. */
export interface TokenBucketOptions {
  /** The starting rate. Minimum: `minRate`. */
  readonly rate: number;
  /** Tokens that can be spent at once. @default max(1, rate) */
  readonly burst?: number;
  /** The rate never drops below this. @default 0.5 */
  readonly minRate?: number;
  /** The rate never climbs above this. @default 4 × rate */
  readonly maxRate?: number;
  /** The factor applied on throttling, between 0 and 1. @default 0.7 */
  readonly decrease?: number;
  /** Requests per second added per second of calls succeeding at full speed. @default max(1, rate / 10) */
  readonly increase?: number;
  readonly clock: Clock;
}

/** A read-only view of a bucket's state, for stats and tests. */
export interface TokenBucketState {
  readonly rate: number;
  readonly tokens: number;
  readonly waiting: number;
  readonly throttles: number;
  /** The rate at which the API last throttled, if it has. */
  readonly lastThrottleRate?: number;
}

/** Growth per success far from any known limit: half the rate per second at full speed. */
const SLOW_START_STEP = 0.5;

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly signal?: AbortSignal;
  readonly onAbort: () => void;
}

export class TokenBucket {
  readonly #clock: Clock;
  readonly #burst: number;
  readonly #minRate: number;
  readonly #maxRate: number;
  readonly #decrease: number;
  readonly #increase: number;
  #rate: number;
  #tokens: number;
  #refilledAt: number;
  #lastDecreaseAt = Number.NEGATIVE_INFINITY;
  #lastThrottleRate: number | undefined;
  #throttles = 0;
  #waiters: Waiter[] = [];
  #cancelTimer: (() => void) | undefined;

  constructor(options: TokenBucketOptions) {
    if (!(options.rate > 0))
      throw new RangeError(`rate must be > 0 requests per second, got ${options.rate}`);
    this.#clock = options.clock;
    this.#minRate = options.minRate ?? 0.5;
    this.#maxRate = options.maxRate ?? options.rate * 4;
    this.#rate = Math.min(this.#maxRate, Math.max(this.#minRate, options.rate));
    this.#burst = options.burst ?? Math.max(1, options.rate);
    if (!(this.#burst >= 1)) throw new RangeError(`burst must be >= 1, got ${this.#burst}`);
    this.#decrease = options.decrease ?? 0.7;
    if (!(this.#decrease > 0 && this.#decrease < 1)) {
      throw new RangeError(`decrease must be between 0 and 1, got ${this.#decrease}`);
    }
    this.#increase = options.increase ?? Math.max(1, options.rate / 10);
    this.#tokens = this.#burst;
    this.#refilledAt = this.#clock.now();
  }

  get state(): TokenBucketState {
    this.#refill();
    return {
      rate: this.#rate,
      tokens: this.#tokens,
      waiting: this.#waiters.length,
      throttles: this.#throttles,
      ...(this.#lastThrottleRate === undefined ? {} : { lastThrottleRate: this.#lastThrottleRate }),
    };
  }

  /** Waits for a token. Rejects with the signal's reason if it aborts first (the wait is dropped). */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.#refill();
    if (this.#waiters.length === 0 && this.#tokens >= 1) {
      this.#tokens -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        ...(signal ? { signal } : {}),
        onAbort: () => {
          this.#waiters = this.#waiters.filter((w) => w !== waiter);
          reject(signal?.reason);
          this.#schedule();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#waiters.push(waiter);
      this.#schedule();
    });
  }

  /**
   * A call succeeded: climb toward the limit. Far below the rate that last throttled (or before
   * any throttling) each success adds `SLOW_START_STEP`, so at full speed the rate grows by half
   * of itself per second and finds a higher limit in seconds; near that rate each success adds
   * `increase / rate`, so it creeps up by `increase` per second. Idle time earns nothing.
   */
  onSuccess(): void {
    const ceiling = this.#lastThrottleRate;
    const far = ceiling === undefined || this.#rate < ceiling * 0.8;
    const step = far ? SLOW_START_STEP : this.#increase / this.#rate;
    this.#rate = Math.min(this.#maxRate, this.#rate + step);
  }

  /**
   * The API throttled a call sent at `sentAt` (this clock's `now()`): slow down, unless the call
   * left before the last slow-down.
   */
  onThrottle(sentAt: number = this.#clock.now()): void {
    const now = this.#clock.now();
    this.#throttles++;
    if (sentAt <= this.#lastDecreaseAt) return;
    this.#refill();
    this.#lastDecreaseAt = now;
    this.#lastThrottleRate = this.#rate;
    this.#rate = Math.max(this.#minRate, this.#rate * this.#decrease);
    this.#tokens = Math.min(this.#tokens, 0);
    this.#schedule();
  }

  #refill(): void {
    const now = this.#clock.now();
    const elapsed = (now - this.#refilledAt) / 1000;
    this.#refilledAt = now;
    if (elapsed > 0) this.#tokens = Math.min(this.#burst, this.#tokens + elapsed * this.#rate);
  }

  #schedule(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    this.#refill();
    while (this.#waiters.length > 0 && this.#tokens >= 1) {
      this.#tokens -= 1;
      const waiter = this.#waiters.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    if (this.#waiters.length === 0) return;
    const waitMs = ((1 - this.#tokens) / this.#rate) * 1000;
    this.#cancelTimer = this.#clock.setTimeout(
      () => {
        this.#cancelTimer = undefined;
        this.#schedule();
      },
      Math.max(1, Math.ceil(waitMs)),
    );
  }
}
