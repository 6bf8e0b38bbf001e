/**
 * One provider's run: the collector call bounded by its timeout and the scan's cancellation,
 * with everything it emitted and reported turned into a `ProviderResult`. It never rejects, and
 * it returns as soon as the provider is cut off, even when the collector ignores its signal.
 */

import type { RateLimitSetting } from '../config/config-types.ts';
import { formatDuration } from '../core/duration.ts';
import { describeError, ProviderError, ProviderSkipped } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Resource } from '../core/resource.ts';
import type { ProviderErrorRecord, ProviderResult, ProviderStatus } from '../core/snapshot.ts';
import type { TypeFilter } from '../core/type-filter.ts';
import type { Clock } from '../net/clock.ts';
import type { ConnectionPool } from '../net/connection-pool.ts';
import type { LimiterRegistry } from '../net/limiter/registry.ts';
import { providerNet } from '../net/provider-net.ts';
import type { CallCounters, CollectorContext } from './collector.ts';
import { TaskPool } from './task-pool.ts';

/** The reason a scan aborts its providers, carried as the signal's reason. */
export class ScanCancelled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanCancelled';
  }
}

/** The reason a provider's own signal aborts when its time is up. */
export class ScanTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`timed out after ${formatDuration(timeoutMs)}`);
    this.name = 'ScanTimeout';
  }
}

/** What `runProvider` needs. */
export interface ProviderRunOptions {
  readonly name: string;
  /** The collector's kind (`Collector.kind`), which keys its rate limiters. Default: `name`. */
  readonly kind?: string;
  /** The provider's job: `collect`, or `validate` for `wgo validate`. */
  readonly work: (ctx: CollectorContext) => Promise<unknown>;
  /** API calls in flight at once inside the provider. */
  readonly apiConcurrency: number;
  readonly timeoutMs: number;
  /** The scan's signal: aborting it cancels this provider. */
  readonly cancel: AbortSignal;
  readonly types: TypeFilter;
  readonly clock: Clock;
  readonly log: Logger;
  /** Receives every batch the provider emits (already filtered by type). */
  readonly sink: (batch: readonly Resource[]) => void;
  /** The scanner's shared connection pool. */
  readonly pool: ConnectionPool;
  /** The scanner's rate limiters. */
  readonly limiters: LimiterRegistry;
  /** The provider's configured rate limits by service. */
  readonly rateLimits?: Readonly<Record<string, RateLimitSetting>>;
  /** Receives, once the provider starts, a function that reads its figures so far. */
  readonly watch?: (figures: () => LiveFigures) => void;
}

/** A running provider's figures so far, for live progress. */
export interface LiveFigures {
  readonly resources: number;
  readonly apiCalls: number;
  /** Tasks running in the provider's pool: API calls in flight. */
  readonly inFlight: number;
  readonly throttled: number;
  readonly errors: number;
  readonly elapsedMs: number;
}

function toRecord(error: unknown, provider: string): ProviderErrorRecord {
  if (error instanceof ProviderError) return error.toRecord();
  const code = (error as { code?: unknown })?.code;
  return {
    scope: provider,
    api: 'collect',
    code: typeof code === 'string' ? code : 'error',
    message: describeError(error),
  };
}

/** The result of a provider that never started because the scan was already cancelled. */
export function cancelledBeforeStart(reason: unknown): ProviderResult {
  return {
    status: 'cancelled',
    durationMs: 0,
    resources: {},
    apiCalls: 0,
    retries: 0,
    throttled: 0,
    errors: [{ scope: '*', api: 'scan', code: 'cancelled', message: `cancelled: ${describeError(reason)}` }],
  };
}

/** The result of a provider whose run broke outside its collector (e.g. a throwing logger). */
export function failedOutright(name: string, error: unknown): ProviderResult {
  return {
    status: 'failed',
    durationMs: 0,
    resources: {},
    apiCalls: 0,
    retries: 0,
    throttled: 0,
    errors: [toRecord(error, name)],
  };
}

/** Runs one provider to its end (finished, failed, timed out or cancelled). */
export async function runProvider(options: ProviderRunOptions): Promise<ProviderResult> {
  const { name, clock, cancel } = options;
  if (cancel.aborted) return cancelledBeforeStart(cancel.reason);

  const started = clock.now();
  const controller = new AbortController();
  let cutOff: 'timeout' | 'cancel' | undefined;
  const onCancel = () => {
    cutOff ??= 'cancel';
    controller.abort(cancel.reason);
  };
  cancel.addEventListener('abort', onCancel, { once: true });
  const clearTimer = clock.setTimeout(() => {
    cutOff ??= 'timeout';
    controller.abort(new ScanTimeout(options.timeoutMs));
  }, options.timeoutMs);

  const counts: Record<string, number> = {};
  const errors: ProviderErrorRecord[] = [];
  const calls = { apiCalls: 0, retries: 0, throttled: 0 };
  let emitted = 0;
  let open = true;

  const counters: CallCounters = {
    apiCall(n = 1) {
      calls.apiCalls += n;
    },
    retry(n = 1) {
      calls.retries += n;
    },
    throttled(n = 1) {
      calls.throttled += n;
    },
  };
  const tasks = new TaskPool({ concurrency: options.apiConcurrency, signal: controller.signal });
  options.watch?.(() => ({
    resources: emitted,
    apiCalls: calls.apiCalls,
    inFlight: tasks.active,
    throttled: calls.throttled,
    errors: errors.length,
    elapsedMs: clock.now() - started,
  }));
  const ctx: CollectorContext = {
    provider: name,
    signal: controller.signal,
    tasks,
    log: options.log.child({ provider: name }),
    types: options.types,
    counters,
    net: providerNet({
      provider: name,
      kind: options.kind ?? name,
      pool: options.pool,
      limiters: options.limiters,
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
      signal: controller.signal,
      clock,
      counters,
    }),
    emit(batch) {
      if (!open) return;
      const kept = batch.filter((resource) => options.types.includes(resource.type));
      for (const resource of kept) counts[resource.type] = (counts[resource.type] ?? 0) + 1;
      emitted += kept.length;
      if (kept.length > 0) options.sink(kept);
    },
    reportError(error) {
      if (open) errors.push(error instanceof ProviderError ? error.toRecord() : { ...error });
    },
    now: () => clock.date().toISOString(),
  };

  const stopped = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  let thrown: { error: unknown } | undefined;
  try {
    await Promise.race([Promise.resolve().then(() => options.work(ctx)), stopped]);
  } catch (error) {
    thrown = { error };
  }
  open = false;
  clearTimer();
  cancel.removeEventListener('abort', onCancel);
  const durationMs = clock.now() - started;
  if (!controller.signal.aborted) controller.abort(new ScanCancelled('provider finished'));

  let status: ProviderStatus;
  if (cutOff === 'timeout') {
    status = 'timed_out';
    errors.push({
      scope: '*',
      api: 'scan',
      code: 'timeout',
      message: describeError(controller.signal.reason),
    });
  } else if (cutOff === 'cancel') {
    status = 'cancelled';
    errors.push({
      scope: '*',
      api: 'scan',
      code: 'cancelled',
      message: `cancelled: ${describeError(cancel.reason)}`,
    });
  } else if (thrown?.error instanceof ProviderSkipped) {
    status = 'skipped';
    errors.push({ scope: '*', api: 'scan', code: 'skipped', message: thrown.error.message });
  } else if (thrown) {
    status = 'failed';
    errors.push(toRecord(thrown.error, name));
  } else {
    status = errors.length > 0 ? 'partial' : 'ok';
  }
  return { status, durationMs, resources: sortedCounts(counts), ...calls, errors };
}

function sortedCounts(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const type of Object.keys(counts).sort()) out[type] = counts[type] as number;
  return out;
}
