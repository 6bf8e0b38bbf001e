/**
 * The rate limiters of a scanner, one per (provider, account, region, service), created on first
 * use from the configured or default rate.
 */
import type { RateLimitSetting } from '../../config/config-types.ts';
import type { Clock } from '../clock.ts';
import { defaultRateLimit } from './defaults.ts';
import { TokenBucket, type TokenBucketState } from './token-bucket.ts';

/** What a limiter is for. Global services use region `global`. */
export interface LimiterKey {
  readonly provider: string;
  readonly account: string;
  readonly region: string;
  readonly service: string;
}

/** A deterministic string for a key: its dimensions in name order. */
export function limiterKeyString(key: LimiterKey): string {
  return `account=${key.account},provider=${key.provider},region=${key.region},service=${key.service}`;
}

/**
 * Buckets live as long as the registry (the scanner), so what one scan learned about an API's
 * limit is where the next scan starts.
 */
export class LimiterRegistry {
  readonly #clock: Clock;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * The bucket for `key`, created on first use from `setting` (the configured limit), else the
   * default for the provider's service.
   */
  get(key: LimiterKey, setting: RateLimitSetting = defaultRateLimit(key.provider, key.service)): TokenBucket {
    const id = limiterKeyString(key);
    let bucket = this.#buckets.get(id);
    if (!bucket) {
      bucket = new TokenBucket({
        rate: setting.ratePerSecond,
        ...(setting.burst ? { burst: setting.burst } : {}),
        clock: this.#clock,
      });
      this.#buckets.set(id, bucket);
    }
    return bucket;
  }

  /** Every bucket's state, by key string (sorted). */
  snapshot(): Record<string, TokenBucketState> {
    const out: Record<string, TokenBucketState> = {};
    for (const id of [...this.#buckets.keys()].sort()) out[id] = (this.#buckets.get(id) as TokenBucket).state;
    return out;
  }
}
