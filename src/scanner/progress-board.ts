/**
 * Live progress of a scan: which providers wait, run or ended, and each one's figures so far,
 * read on demand so progress costs nothing when nobody shows it.
 */
import type { ProviderResult } from '../core/snapshot.ts';
import type { LiveFigures } from './provider-run.ts';
import type { ProviderProgress } from './scan-types.ts';

const WAITING: ProviderProgress = {
  state: 'waiting',
  resources: 0,
  apiCalls: 0,
  inFlight: 0,
  throttled: 0,
  errors: 0,
  elapsedMs: 0,
};

export class ProgressBoard {
  readonly #order: readonly string[];
  readonly #running = new Map<string, () => LiveFigures>();
  readonly #ended = new Map<string, ProviderProgress>();

  /** @param order the providers of the scan, in start order. */
  constructor(order: readonly string[]) {
    this.#order = order;
  }

  /** A provider started; `figures` reads its counters. */
  started(name: string, figures: () => LiveFigures): void {
    this.#running.set(name, figures);
  }

  /** A provider ended with `result`. */
  ended(name: string, result: ProviderResult): void {
    this.#running.delete(name);
    this.#ended.set(name, {
      state: result.status,
      resources: Object.values(result.resources).reduce((sum, count) => sum + count, 0),
      apiCalls: result.apiCalls,
      inFlight: 0,
      throttled: result.throttled,
      errors: result.errors.length,
      elapsedMs: result.durationMs,
    });
  }

  /** Every provider's progress now, in start order. */
  read(): Record<string, ProviderProgress> {
    const out: Record<string, ProviderProgress> = {};
    for (const name of this.#order) {
      const figures = this.#running.get(name);
      out[name] = this.#ended.get(name) ?? (figures ? { state: 'running', ...figures() } : WAITING);
    }
    return out;
  }
}
