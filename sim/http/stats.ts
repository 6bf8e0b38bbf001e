/** Counters of requests served, throttled and failed, by provider and API. */
import type { CallSite } from './types.ts';

/** Counts for one provider or API. */
export interface Counts {
  requests: number;
  served: number;
  throttled: number;
  failed: number;
}

/** What the stats endpoint returns. */
export interface StatsReport {
  total: Counts;
  providers: Record<string, Counts & { apis: Record<string, Counts> }>;
}

/** How a request ended. */
export type Outcome = 'served' | 'throttled' | 'failed';

const zero = (): Counts => ({ requests: 0, served: 0, throttled: 0, failed: 0 });

/** The live counters. */
export class Stats {
  readonly #report: StatsReport = { total: zero(), providers: {} };

  /** Records one finished request; `site` is absent when the request never became a call. */
  record(provider: string, site: CallSite | undefined, outcome: Outcome): void {
    const p = this.#report.providers[provider] ?? { ...zero(), apis: {} };
    this.#report.providers[provider] = p;
    const api = site ? `${site.service}:${site.api}` : '(unrouted)';
    const a = p.apis[api] ?? zero();
    p.apis[api] = a;
    for (const c of [this.#report.total, p, a]) {
      c.requests++;
      c[outcome]++;
    }
  }

  /** A copy of the counters. */
  report(): StatsReport {
    return structuredClone(this.#report);
  }
}
