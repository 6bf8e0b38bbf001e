/**
 * Running a collector's independent jobs (one region × API chain, one bucket's details, one
 * namespace × kind) in the provider's task pool. A job that fails is reported with its scope and
 * API and the others go on. A job may add jobs (a bucket list adds one job per bucket) without
 * waiting for them, so it never holds a pool slot while waiting for other tasks.
 */
import { describeError, ProviderError, type ProviderErrorContext } from '../core/errors.ts';
import type { CollectorContext } from './collector.ts';

/** One independent piece of a provider's scan. */
export interface Job {
  /** Where it works, for reports: `111111111111/us-east-1`, `prod-eu/kube-system`. */
  readonly scope: string;
  /** What it calls, for reports: `ec2:DescribeInstances`. */
  readonly api: string;
  /** Does the work; `add` queues more jobs. */
  readonly run: (signal: AbortSignal, add: (job: Job) => void) => Promise<void>;
}

/** `error` as a `ProviderError`, keeping one that already is; others get `context`. */
export function asProviderError(error: unknown, context: ProviderErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const code = (error as { code?: unknown })?.code;
  return new ProviderError(typeof code === 'string' ? code : 'error', describeError(error), context, {
    cause: error,
  });
}

/**
 * Runs `jobs` (and every job they add) through `ctx.tasks`; resolves when all have ended.
 * Failures go to `ctx.reportError`, or to `onError` first when it returns true (handled).
 */
export async function runJobs(
  ctx: CollectorContext,
  jobs: Iterable<Job>,
  onError?: (error: ProviderError, job: Job) => boolean,
): Promise<void> {
  const pending = new Set<Promise<void>>();
  const add = (job: Job) => {
    const running: Promise<void> = ctx.tasks
      .run((signal) => job.run(signal, add))
      .catch((error: unknown) => {
        if (ctx.signal.aborted) return;
        const failure = asProviderError(error, { provider: ctx.provider, scope: job.scope, api: job.api });
        if (!onError?.(failure, job)) ctx.reportError(failure);
      })
      .finally(() => pending.delete(running));
    pending.add(running);
  };
  for (const job of jobs) add(job);
  while (pending.size > 0) await Promise.all(pending);
  ctx.signal.throwIfAborted();
}
