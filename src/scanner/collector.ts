/**
 * The collector contract: what a provider implements to be scanned, and what the scanner gives
 * it. `src/collectors/README.md` explains it for collector authors.
 */

import type { RateLimitSetting } from '../config/config-types.ts';
import type { ProviderError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Resource } from '../core/resource.ts';
import type { ProviderErrorRecord } from '../core/snapshot.ts';
import type { TypeFilter } from '../core/type-filter.ts';
import type { ProviderNet } from '../net/provider-net.ts';
import type { TaskPool } from './task-pool.ts';

/** Settings for one provider, as the spec's `CollectorConfig`. */
export interface CollectorConfig {
  /**
   * Provider-specific settings (regions, profiles, paths...). Each collector documents and
   * validates its own keys.
   */
  readonly config?: Readonly<Record<string, unknown>>;
  /** API calls in flight at once inside this provider. Default: the collector's own default. */
  readonly apiConcurrency?: number;
  /** Starting rate limits by API service (`ec2`, `compute`...), over the built-in defaults. */
  readonly rateLimits?: Readonly<Record<string, RateLimitSetting>>;
}

/** Counters a collector (or the net layer on its behalf) keeps for the provider's result. */
export interface CallCounters {
  /** One API request sent (count each attempt, retries included). */
  apiCall(count?: number): void;
  retry(count?: number): void;
  throttled(count?: number): void;
}

/** What the scanner hands a collector for one scan. */
export interface CollectorContext {
  /** The name the collector was registered under. */
  readonly provider: string;
  /** Aborts on timeout, on `failOnError` cancellation and on Ctrl-C. Pass it to every call. */
  readonly signal: AbortSignal;
  /** The bounded pool for API calls (`--api-concurrency`). */
  readonly tasks: TaskPool;
  readonly log: Logger;
  /** The resource types the scan wants; make no API call for a type it excludes. */
  readonly types: TypeFilter;
  readonly counters: CallCounters;
  /** The shared connection pool, rate limiters and retrying API calls. */
  readonly net: ProviderNet;
  /** Streams resources out. Call it per page; batches are not kept by the scanner. */
  emit(resources: readonly Resource[]): void;
  /**
   * Records a failure that does not end the provider's scan (one region, one API, one file).
   * The provider then ends `partial`, and its other resources are kept.
   */
  reportError(error: ProviderError | ProviderErrorRecord): void;
  /** The time to stamp on `observedAt`, ISO 8601. */
  now(): string;
}

/** One check made by `Collector.validate`. */
export interface ValidationCheck {
  /** What was checked: a profile, a context, a state file. */
  readonly scope: string;
  readonly ok: boolean;
  /** One line: what was found, or what is wrong. */
  readonly message: string;
}

/**
 * A provider. Implement it to plug a custom source into `ConcurrentScanner.registerProvider`.
 *
 * @example
 * const inventory: Collector = {
 *   async collect(_config, ctx) {
 *     const machines = await ctx.tasks.run((signal) => fetchMachines(signal));
 *     ctx.emit(machines.map(toResource));
 *   },
 * };
 */
export interface Collector {
  /**
   * The cloud API this collector calls (`aws`, `gcp`, `kubernetes`): it picks the default rate
   * limits and keys the rate limiters, so that two providers of one kind (`aws-prod` and
   * `aws-audit` on the same account) share one budget per account, region and service, as the
   * cloud counts it. Default: the name the collector is registered under.
   */
  readonly kind?: string;
  /** API calls in flight when `CollectorConfig.apiConcurrency` is not given. Default 4. */
  readonly defaultApiConcurrency?: number;
  /**
   * Scans, emitting resources as they arrive. Reject to fail the provider (what was emitted is
   * kept); throw `ProviderSkipped` when there is nothing to scan.
   */
  collect(config: CollectorConfig, ctx: CollectorContext): Promise<void>;
  /**
   * Checks the provider's configuration before any provider of the scan starts (read and parse
   * a kubeconfig, a credentials file). Throw `ConfigError` when the configuration as a whole
   * cannot be used: the scan then does not start and `wgo` exits 2. A problem of one part (one
   * context, one profile) is not for here: `collect` reports it and scans the rest.
   */
  checkConfig?(config: CollectorConfig): Promise<void>;
  /** Checks configuration and credentials without scanning. */
  validate?(config: CollectorConfig, ctx: CollectorContext): Promise<ValidationCheck[]>;
}
