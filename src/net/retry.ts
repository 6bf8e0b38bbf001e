/**
 * Calling an API with retries: one loop for every provider. Each attempt takes a token from the
 * call's rate limiter; throttling lowers that limiter's rate; waits use exponential backoff with
 * full jitter, never shorter than the server's `Retry-After`, and end at once when the scan's
 * signal aborts.
 */
import { ApiCallError, type ProviderErrorContext } from '../core/errors.ts';
import type { CallCounters } from '../scanner/collector.ts';
import { classifyError, isRetryable } from './classify.ts';
import { type Clock, delay } from './clock.ts';
import type { TokenBucket } from './limiter/token-bucket.ts';

/** How hard to try. */
export interface RetryPolicy {
  /** Attempts for transient faults (5xx, resets). @default 5 */
  readonly maxAttempts: number;
  /** Attempts when throttled: more, because the limiter fixes the cause. @default 10 */
  readonly maxThrottledAttempts: number;
  /** The first backoff ceiling in ms, doubled per attempt. @default 100 */
  readonly baseDelayMs: number;
  /** The largest backoff in ms. @default 20_000 */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxThrottledAttempts: 10,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
};

/** What one call needs besides the function. */
export interface CallOptions {
  readonly signal: AbortSignal;
  readonly clock: Clock;
  /** Where errors are reported: provider, scope and API. */
  readonly context: ProviderErrorContext;
  readonly limiter?: TokenBucket;
  readonly counters?: CallCounters;
  readonly policy?: RetryPolicy;
  /** A number in [0, 1) for jitter; tests pass a fixed one. */
  readonly random?: () => number;
}

/**
 * Runs `call` until it succeeds, fails for good or the signal aborts.
 *
 * @throws ApiCallError with the error's kind and code, after the attempts its kind allows.
 * @throws the signal's reason when it aborts.
 */
export async function callWithRetries<T>(
  call: (signal: AbortSignal) => Promise<T>,
  options: CallOptions,
): Promise<T> {
  const { signal, clock, limiter, counters } = options;
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    if (limiter) await limiter.acquire(signal);
    signal.throwIfAborted();
    const sentAt = clock.now();
    counters?.apiCall();
    try {
      const result = await call(signal);
      limiter?.onSuccess();
      return result;
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      const classified = classifyError(error);
      if (classified.kind === 'throttling') {
        counters?.throttled();
        limiter?.onThrottle(sentAt);
      }
      const allowed = classified.kind === 'throttling' ? policy.maxThrottledAttempts : policy.maxAttempts;
      if (!isRetryable(classified.kind) || attempt >= allowed) {
        throw new ApiCallError({ ...classified, attempts: attempt }, options.context, { cause: error });
      }
      counters?.retry();
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await delay(clock, Math.max(classified.retryAfterMs ?? 0, ceiling * random()), signal);
    }
  }
}
