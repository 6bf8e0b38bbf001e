/**
 * The realism profile: latency, rate limits, faults, denied APIs, page size caps and layout,
 * read from a JSON file (`--profile FILE`) or passed to `startSimulator`. Everything is optional;
 * an empty profile is a fast, perfectly reliable cloud.
 */
import type { Provider } from './inventory/collection.ts';
import type { LayoutOverrides } from './layout.ts';

/**
 * Per-request latency, added before the response is written.
 * @example { "fixedMs": 40 }
 * @example { "distribution": "lognormal", "meanMs": 40, "stddevMs": 15 }
 */
export interface LatencySpec {
  /** A constant delay in milliseconds. */
  readonly fixedMs?: number;
  /** A random delay: `uniform` (minMs..maxMs), `normal` or `lognormal` (meanMs, stddevMs). */
  readonly distribution?: 'uniform' | 'normal' | 'lognormal';
  readonly minMs?: number;
  readonly maxMs?: number;
  readonly meanMs?: number;
  readonly stddevMs?: number;
}

/** Selects calls: every field given must equal the call's (see `CallSite`). */
export interface Match {
  readonly provider?: Provider;
  readonly service?: string;
  readonly api?: string;
  readonly account?: string;
  readonly region?: string;
}

/**
 * A token bucket per (provider, account, service, region) of the matching calls. A call that
 * finds the bucket empty gets the service's throttling error.
 */
export interface RateLimitRule {
  readonly match: Match;
  /** Refill rate in requests per second (may be fractional). */
  readonly ratePerSecond: number;
  /** Bucket size: requests allowed in a burst. */
  readonly burst: number;
}

/** Injected faults on matching calls; rates are probabilities in [0, 1], drawn from the seed. */
export interface FaultRule {
  /** Calls the rule applies to; all calls when absent. */
  readonly match?: Match;
  /** Share answered with the service's 5xx error. */
  readonly errorRate?: number;
  /** Share whose connection is reset without an answer. */
  readonly resetRate?: number;
  /** Share never answered (the client's timeout must fire). */
  readonly hangRate?: number;
}

/** Calls refused as AccessDenied / 403 Forbidden (`accessDenied`) or API not enabled (`notEnabled`). */
export interface DenyRule {
  readonly match: Match;
  /** @default "accessDenied" */
  readonly reason?: 'accessDenied' | 'notEnabled';
}

/** The whole profile. */
export interface Profile {
  readonly latency?: LatencySpec;
  /** Latency for one provider, replacing `latency` for it. */
  readonly latencyByProvider?: Partial<Record<Provider, LatencySpec>>;
  readonly rateLimits?: readonly RateLimitRule[];
  readonly faults?: readonly FaultRule[];
  readonly deny?: readonly DenyRule[];
  /**
   * Lower page size caps, keyed `service:api` (`"ec2:DescribeInstances": 100`). Caps can only
   * shrink the real API's maximum.
   */
  readonly maxPageSize?: Readonly<Record<string, number>>;
  readonly layout?: LayoutOverrides;
}

const PROFILE_KEYS = [
  'latency',
  'latencyByProvider',
  'rateLimits',
  'faults',
  'deny',
  'maxPageSize',
  'layout',
];

/** Checks a parsed profile, with errors that quote the bad value. */
export function validateProfile(value: unknown): Profile {
  const profile = object(value, 'profile');
  for (const key of Object.keys(profile)) {
    if (!PROFILE_KEYS.includes(key))
      throw new Error(`profile: unknown key "${key}" (known: ${PROFILE_KEYS.join(', ')})`);
  }
  const p = profile as Profile;
  if (p.latency) validateLatency(p.latency, 'latency');
  for (const [provider, spec] of Object.entries(p.latencyByProvider ?? {}))
    validateLatency(spec, `latencyByProvider.${provider}`);
  (p.rateLimits ?? []).forEach((rule, i) => {
    if (!(rule.ratePerSecond >= 0))
      throw new Error(
        `rateLimits[${i}].ratePerSecond must be >= 0, got ${JSON.stringify(rule.ratePerSecond)}`,
      );
    if (!(rule.burst >= 1))
      throw new Error(`rateLimits[${i}].burst must be >= 1, got ${JSON.stringify(rule.burst)}`);
    object(rule.match, `rateLimits[${i}].match`);
  });
  (p.faults ?? []).forEach((rule, i) => {
    for (const key of ['errorRate', 'resetRate', 'hangRate'] as const) {
      const rate = rule[key];
      if (rate !== undefined && !(rate >= 0 && rate <= 1))
        throw new Error(`faults[${i}].${key} must be in [0, 1], got ${JSON.stringify(rate)}`);
    }
  });
  (p.deny ?? []).forEach((rule, i) => {
    object(rule.match, `deny[${i}].match`);
    if (rule.reason !== undefined && rule.reason !== 'accessDenied' && rule.reason !== 'notEnabled') {
      throw new Error(
        `deny[${i}].reason must be "accessDenied" or "notEnabled", got ${JSON.stringify(rule.reason)}`,
      );
    }
  });
  for (const [api, cap] of Object.entries(p.maxPageSize ?? {})) {
    if (!Number.isInteger(cap) || cap < 1)
      throw new Error(`maxPageSize.${api} must be a positive integer, got ${JSON.stringify(cap)}`);
  }
  return p;
}

function validateLatency(spec: LatencySpec, where: string): void {
  object(spec, where);
  const numbers = [spec.fixedMs, spec.minMs, spec.maxMs, spec.meanMs, spec.stddevMs];
  if (numbers.some((n) => n !== undefined && !(n >= 0)))
    throw new Error(`${where}: delays must be numbers >= 0, got ${JSON.stringify(spec)}`);
  if (spec.distribution === 'uniform' && !((spec.maxMs ?? 0) >= (spec.minMs ?? 0)))
    throw new Error(`${where}: maxMs must be >= minMs, got ${JSON.stringify(spec)}`);
  if ((spec.distribution === 'normal' || spec.distribution === 'lognormal') && spec.meanMs === undefined) {
    throw new Error(`${where}: ${spec.distribution} needs meanMs, got ${JSON.stringify(spec)}`);
  }
  if (spec.distribution !== undefined && !['uniform', 'normal', 'lognormal'].includes(spec.distribution)) {
    throw new Error(`${where}: unknown distribution ${JSON.stringify(spec.distribution)}`);
  }
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${where} must be an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}
