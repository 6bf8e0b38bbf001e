/**
 * Applies the profile to calls: latency draws, token buckets, fault draws and denials. Random
 * draws come from the seed and a call counter, so a run is repeatable for a given request order.
 */
import type { Provider } from '../inventory/collection.ts';
import type { DenyRule, LatencySpec, Match, Profile } from '../profile.ts';
import { hashString, Rng } from '../util/rng.ts';
import type { CallSite, DenyReason } from './types.ts';

/** What the fault draw decided for one call. */
export type Fault = 'error' | 'reset' | 'hang';

interface Bucket {
  tokens: number;
  updated: number;
}

/** The profile, live. `now` is injectable so tests of the buckets need no real clock. */
export class Knobs {
  readonly #profile: Profile;
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;
  readonly #latencyDraws: Rng;
  readonly #faultDraws: Rng;

  constructor(profile: Profile, seed: number, now: () => number = () => performance.now()) {
    this.#profile = profile;
    this.#now = now;
    this.#latencyDraws = new Rng(hashString(`${seed}|latency`), 0);
    this.#faultDraws = new Rng(hashString(`${seed}|faults`), 0);
  }

  /** Milliseconds to wait before answering a request to `provider` (errors included). */
  latencyMs(provider: Provider): number {
    const spec = this.#profile.latencyByProvider?.[provider] ?? this.#profile.latency;
    if (!spec) return 0;
    return drawLatency(spec, () => this.#latencyDraws.float());
  }

  /** Why the call is refused, if a deny rule matches. */
  denied(site: CallSite): DenyReason | undefined {
    const rule: DenyRule | undefined = this.#profile.deny?.find((r) => matches(r.match, site));
    return rule ? (rule.reason ?? 'accessDenied') : undefined;
  }

  /** Takes a token for the call; false when a matching bucket is empty (throttled). */
  admit(site: CallSite): boolean {
    const rules = this.#profile.rateLimits ?? [];
    const now = this.#now() / 1000;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (!rule || !matches(rule.match, site)) continue;
      const key = `${i}|${site.provider}|${site.account ?? ''}|${site.service}|${site.region ?? ''}`;
      let bucket = this.#buckets.get(key);
      if (!bucket) {
        bucket = { tokens: rule.burst, updated: now };
        this.#buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(rule.burst, bucket.tokens + (now - bucket.updated) * rule.ratePerSecond);
      bucket.updated = now;
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
    }
    return true;
  }

  /** The fault injected into this call, if any. */
  fault(site: CallSite): Fault | undefined {
    for (const rule of this.#profile.faults ?? []) {
      if (rule.match && !matches(rule.match, site)) continue;
      const draw = this.#faultDraws.float();
      const reset = rule.resetRate ?? 0;
      const hang = reset + (rule.hangRate ?? 0);
      const error = hang + (rule.errorRate ?? 0);
      if (draw < reset) return 'reset';
      if (draw < hang) return 'hang';
      if (draw < error) return 'error';
    }
    return undefined;
  }

  /** The page size cap for an API: the real maximum, or the profile's lower cap. */
  pageCap(site: CallSite, realMax: number): number {
    const cap = this.#profile.maxPageSize?.[`${site.service}:${site.api}`];
    return cap === undefined ? realMax : Math.min(cap, realMax);
  }
}

function matches(match: Match, site: CallSite): boolean {
  return (
    (match.provider === undefined || match.provider === site.provider) &&
    (match.service === undefined || match.service === site.service) &&
    (match.api === undefined || match.api === site.api) &&
    (match.account === undefined || match.account === site.account) &&
    (match.region === undefined || match.region === site.region)
  );
}

/** One latency draw from a spec; `random` returns floats in [0, 1). */
export function drawLatency(spec: LatencySpec, random: () => number): number {
  switch (spec.distribution) {
    case 'uniform': {
      const min = spec.minMs ?? 0;
      return min + random() * ((spec.maxMs ?? min) - min);
    }
    case 'normal':
      return Math.max(0, (spec.meanMs ?? 0) + gaussian(random) * (spec.stddevMs ?? 0));
    case 'lognormal': {
      const mean = Math.max(spec.meanMs ?? 0, 1e-6);
      const sd = spec.stddevMs ?? 0;
      const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
      return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * gaussian(random));
    }
    default:
      return spec.fixedMs ?? 0;
  }
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
