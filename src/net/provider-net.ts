/**
 * What a collector gets of the net layer (`ctx.net`): the scan's shared connection pool and one
 * way to call an API, which picks the rate limiter of the call's (provider, account, region,
 * service), retries, counts, and reports failures with their scope and API.
 */
import type { RateLimitSetting } from '../config/config-types.ts';
import type { CallCounters } from '../scanner/collector.ts';
import type { Clock } from './clock.ts';
import type { ConnectionPool } from './connection-pool.ts';
import type { LimiterRegistry } from './limiter/registry.ts';
import type { TokenBucket } from './limiter/token-bucket.ts';
import { callWithRetries, type RetryPolicy } from './retry.ts';

/** Which API a call goes to. Global services use region `global`. */
export interface ApiTarget {
  /** AWS account, GCP project or Kubernetes cluster. */
  readonly account: string;
  readonly region: string;
  /** The service whose limit the call counts against: `ec2`, `compute`, `api`. */
  readonly service: string;
  /** The operation, for reports: `ec2:DescribeInstances`. */
  readonly api: string;
  /** Where a failure is reported. @default `ACCOUNT/REGION` */
  readonly scope?: string;
}

export interface ProviderNet {
  /** The shared keep-alive agents: hand them to every SDK client. */
  readonly pool: ConnectionPool;
  /**
   * Calls an API through its rate limiter, with retries.
   *
   * @throws ApiCallError when it fails for good; the scan's abort reason when it aborts.
   */
  call<T>(target: ApiTarget, call: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** The limiter of a target, for calls made outside `call` (such as an SDK's own paginator). */
  limiter(target: Pick<ApiTarget, 'account' | 'region' | 'service'>): TokenBucket;
}

export interface ProviderNetOptions {
  /** The provider's name, for reports. */
  readonly provider: string;
  /** The API family whose default limits apply and whose limiters are shared. Default: `provider`. */
  readonly kind?: string;
  readonly pool: ConnectionPool;
  readonly limiters: LimiterRegistry;
  /** The provider's configured rate limits by service, over the defaults. */
  readonly rateLimits?: Readonly<Record<string, RateLimitSetting>>;
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly counters: CallCounters;
  readonly policy?: RetryPolicy;
}

export function providerNet(options: ProviderNetOptions): ProviderNet {
  const limiter = (target: Pick<ApiTarget, 'account' | 'region' | 'service'>) =>
    options.limiters.get(
      {
        provider: options.kind ?? options.provider,
        account: target.account,
        region: target.region,
        service: target.service,
      },
      options.rateLimits?.[target.service],
    );
  return {
    pool: options.pool,
    limiter,
    call: (target, call) =>
      callWithRetries(call, {
        signal: options.signal,
        clock: options.clock,
        limiter: limiter(target),
        counters: options.counters,
        context: {
          provider: options.provider,
          scope: target.scope ?? `${target.account}/${target.region}`,
          api: target.api,
        },
        ...(options.policy ? { policy: options.policy } : {}),
      }),
  };
}
