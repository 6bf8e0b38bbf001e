/**
 * The rate limiters of a scan, one per (provider, account, region, service), created on first
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

export class LimiterRegistry {
  readonly #clock: Clock;
  readonly #overrides: Readonly<Record<string, Readonly<Record<string, RateLimitSetting>>>>;
  readonly #buckets = new Map<string, TokenBucket>();

  /**
   * @param overrides rate limits by provider, then service (the config file's
   *   `providers.NAME.rateLimits`), replacing the defaults.
   */
  constructor(
    clock: Clock,
    overrides: Readonly<Record<string, Readonly<Record<string, RateLimitSetting>>>> = {},
  ) {
    this.#clock = clock;
    this.#overrides = overrides;
  }

  /** The bucket for `key`, created on first use. */
  get(key: LimiterKey): TokenBucket {
    const id = limiterKeyString(key);
    let bucket = this.#buckets.get(id);
    if (!bucket) {
      const setting =
        this.#overrides[key.provider]?.[key.service] ?? defaultRateLimit(key.provider, key.service);
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
