/**
 * The ConcurrentScanner: runs registered collectors in provider slots (`maxWorkers`), each
 * bounded by its timeout, merges what they emit, and reports every provider's outcome.
 */
import { randomUUID } from 'node:crypto';
import { ConfigError, UsageError } from '../core/errors.ts';
import { type Logger, silentLogger } from '../core/logger.ts';
import type { ProviderResult, ProviderStatus, Snapshot, SnapshotHeader } from '../core/snapshot.ts';
import { SNAPSHOT_FORMAT } from '../core/snapshot.ts';
import { typeFilter } from '../core/type-filter.ts';
import { type MergedResources, Merger } from '../merge/merger.ts';
import { type Clock, systemClock } from '../net/clock.ts';
import { ConnectionPool } from '../net/connection-pool.ts';
import { LimiterRegistry } from '../net/limiter/registry.ts';
import { TempRunFiles } from '../store/run-files.ts';
import type { Collector, CollectorConfig, ValidationCheck } from './collector.ts';
import { efficiencyRatio, planOrder } from './plan.ts';
import { ProgressBoard } from './progress-board.ts';
import { cancelledBeforeStart, failedOutright, runProvider, ScanCancelled } from './provider-run.ts';
import type {
  ScanConfig,
  ScanEvent,
  ScannerOptions,
  ScannerStats,
  ScanOptions,
  ScanResult,
  ScanStream,
  StopReason,
  ValidationReport,
} from './scan-types.ts';

const DEFAULT_MAX_WORKERS = 4;
const DEFAULT_API_CONCURRENCY = 4;
/** Characters of merged JSON held before sorted runs spill to disk: about 50 MB of heap (chosen from the 1M scale benchmark, see BENCHMARKS.md). */
export const DEFAULT_MERGE_BUDGET = 32 * 2 ** 20;
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** Statuses that stop a `failOnError` scan. */
const FAILURES: ReadonlySet<ProviderStatus> = new Set(['failed', 'timed_out', 'partial']);

function checkPositiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${name} must be a whole number of at least 1, got ${value}`);
  }
  return value;
}

function checkTimeout(value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`timeout must be a positive number of milliseconds, got ${value}`);
  }
  return value;
}

function apiConcurrencyOf(collector: Collector, config: CollectorConfig): number {
  return checkPositiveInteger(
    'apiConcurrency',
    config.apiConcurrency ?? collector.defaultApiConcurrency ?? DEFAULT_API_CONCURRENCY,
  );
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as T;
  return out;
}

function header(createdAt: string, providers: Record<string, ProviderResult>): SnapshotHeader {
  return {
    format: SNAPSHOT_FORMAT,
    id: randomUUID(),
    createdAt,
    incomplete: Object.values(providers).some((result) => result.status !== 'ok'),
    providers,
  };
}

function materialise(head: SnapshotHeader, resources: MergedResources): Snapshot {
  try {
    return { ...head, resources: [...resources.resources()] };
  } finally {
    resources.dispose();
  }
}

/**
 * Scans several providers at once and merges their resources into one snapshot.
 *
 * @example
 * const scanner = new ConcurrentScanner({ maxWorkers: 4, timeout: 5 * 60_000 });
 * scanner.registerProvider('terraform', new TerraformCollector());
 * const result = await scanner.scanAllProviders({ providers: { terraform: { config: { path: '.' } } } });
 * console.log(result.snapshot?.resources.length);
 * await scanner.close();
 */
export class ConcurrentScanner {
  readonly #collectors = new Map<string, Collector>();
  readonly #maxWorkers: number;
  readonly #timeout: number;
  readonly #log: Logger;
  readonly #clock: Clock;
  readonly #env: NodeJS.ProcessEnv;
  readonly #limiters: LimiterRegistry;
  readonly #mergeBudget: number;
  #pool: ConnectionPool | undefined;
  readonly #running = new Set<{ controller: AbortController; done: Promise<unknown> }>();
  #closed = false;
  #lastScan: ScannerStats['lastScan'];

  constructor(options: ScannerOptions = {}) {
    this.#maxWorkers = checkPositiveInteger('maxWorkers', options.maxWorkers ?? DEFAULT_MAX_WORKERS);
    this.#timeout = checkTimeout(options.timeout ?? DEFAULT_TIMEOUT_MS);
    this.#log = options.log ?? silentLogger;
    this.#clock = options.clock ?? systemClock;
    this.#env = options.env ?? process.env;
    this.#limiters = new LimiterRegistry(this.#clock);
    this.#mergeBudget = options.mergeMemoryBudget ?? DEFAULT_MERGE_BUDGET;
  }

  /** Registers a collector under `name`; a second registration of a name replaces the first. */
  registerProvider(name: string, collector: Collector): void {
    if (!/^[a-z][a-z0-9_-]*$/.test(name)) {
      throw new UsageError(`provider name "${name}" must be lowercase letters, digits, "-" or "_"`);
    }
    this.#collectors.set(name, collector);
  }

  /** Registered provider names, sorted. */
  get providers(): string[] {
    return [...this.#collectors.keys()].sort();
  }

  /** The registered collector of `name`, if any. */
  collector(name: string): Collector | undefined {
    return this.#collectors.get(name);
  }

  /** Scans and returns the snapshot(s) in memory. */
  async scanAllProviders(config: ScanConfig, options: ScanOptions = {}): Promise<ScanResult> {
    const stream = await this.scan(config, options);
    const { header: head, merged, perProvider, ...summary } = stream;
    if (perProvider) {
      const snapshots: Record<string, Snapshot> = {};
      for (const [name, part] of Object.entries(perProvider)) {
        snapshots[name] = materialise(part.header, part.resources);
      }
      return { ...summary, snapshots };
    }
    return { ...summary, snapshot: materialise(head, merged as MergedResources) };
  }

  /**
   * Scans and returns merged resources to read in uid order: the form for writing large
   * snapshots without holding them as objects. Call `dispose()` on the merged resources when
   * done: they may keep sorted runs in temporary files.
   */
  async scan(config: ScanConfig, options: ScanOptions = {}): Promise<ScanStream> {
    if (this.#closed) throw new UsageError('the scanner is closed');
    const registered = new Set(this.#collectors.keys());
    const selected = Object.keys(config.providers);
    for (const name of selected) {
      if (!registered.has(name)) {
        throw new UsageError(`unknown provider "${name}" (known: ${this.providers.join(', ')})`);
      }
    }
    const order = planOrder(selected, config.preferredOrder ?? [], registered);
    const maxWorkers = checkPositiveInteger('maxWorkers', config.maxWorkers ?? this.#maxWorkers);
    const timeoutMs = checkTimeout(config.timeout ?? this.#timeout);
    const types = typeFilter(config.types, config.excludeTypes);
    const apiConcurrency = new Map(
      selected.map((name) => [
        name,
        apiConcurrencyOf(this.#collectors.get(name) as Collector, config.providers[name] ?? {}),
      ]),
    );
    // A configuration that cannot be used stops the scan before anything is scanned. Anything
    // else a check finds (nothing to scan, say) is the provider's own business during the scan.
    await Promise.all(
      selected.map((name) =>
        Promise.resolve(this.#collectors.get(name)?.checkConfig?.(config.providers[name] ?? {})).catch(
          (error) => {
            if (error instanceof ConfigError) throw error;
          },
        ),
      ),
    );

    const notify = (event: ScanEvent) => {
      try {
        options.onEvent?.(event);
      } catch (error) {
        this.#log.warn('scan event handler threw', { error: String(error) });
      }
    };
    const controller = new AbortController();
    const onSignal = () => {
      stoppedBy ??= 'signal';
      controller.abort(options.signal?.reason ?? new ScanCancelled('interrupted'));
    };
    let stoppedBy: StopReason | undefined;
    if (options.signal?.aborted) onSignal();
    else options.signal?.addEventListener('abort', onSignal, { once: true });

    const newMerger = () => new Merger({ memoryBudget: this.#mergeBudget, runs: new TempRunFiles() });
    const merged = config.skipMerging ? undefined : newMerger();
    const own = new Map<string, Merger>();
    const results: Record<string, ProviderResult> = {};
    const createdAt = this.#clock.date().toISOString();
    const started = this.#clock.now();

    const board = new ProgressBoard(order);
    const runOne = async (name: string): Promise<void> => {
      const sinkMerger = merged ?? newMerger();
      if (!merged) own.set(name, sinkMerger);
      notify({ type: 'provider-start', provider: name });
      this.#log.debug('provider started', { provider: name });
      const collector = this.#collectors.get(name) as Collector;
      const providerConfig = config.providers[name] ?? {};
      const result = await runProvider({
        name,
        work: (ctx) => collector.collect(providerConfig, ctx),
        apiConcurrency: apiConcurrency.get(name) as number,
        timeoutMs,
        cancel: controller.signal,
        types,
        clock: this.#clock,
        log: this.#log,
        sink: (batch) => sinkMerger.add(batch),
        watch: (figures) => board.started(name, figures),
        ...this.#netFor(collector, providerConfig),
      });
      results[name] = result;
      board.ended(name, result);
      this.#log.debug('provider ended', {
        provider: name,
        status: result.status,
        durationMs: result.durationMs,
      });
      notify({ type: 'provider-end', provider: name, result });
      if (config.failOnError && FAILURES.has(result.status) && !controller.signal.aborted) {
        stoppedBy ??= 'fail-on-error';
        controller.abort(
          new ScanCancelled(`${name} ${result.status.replace('_', ' ')} and fail-on-error is set`),
        );
      }
    };

    const done = this.#runSlots(order, maxWorkers, controller.signal, {
      run: (name) =>
        runOne(name).catch((error: unknown) => {
          this.#log.error('provider run failed', { provider: name, error: String(error) });
          results[name] ??= failedOutright(name, error);
        }),
      skip: (name) => {
        results[name] = cancelledBeforeStart(controller.signal.reason);
        if (!merged) own.set(name, newMerger());
      },
    });
    const running = { controller, done };
    this.#running.add(running);
    const stopTicking = this.#tick(options.progressIntervalMs, () =>
      notify({ type: 'progress', providers: board.read() }),
    );
    try {
      await done;
    } finally {
      stopTicking();
      this.#running.delete(running);
      options.signal?.removeEventListener('abort', onSignal);
    }

    const wallMs = this.#clock.now() - started;
    const providerResults = sortedRecord(results);
    const ratio = efficiencyRatio(
      Object.values(providerResults).map((result) => result.durationMs),
      wallMs,
    );
    this.#lastScan = {
      wallMs,
      efficiencyRatio: ratio,
      providers: Object.fromEntries(
        Object.entries(providerResults).map(([name, result]) => [
          name,
          {
            status: result.status,
            durationMs: result.durationMs,
            resources: result.resources,
            errors: result.errors.length,
          },
        ]),
      ),
    };
    const summary = {
      providerResults,
      totalDurationMs: wallMs,
      efficiencyRatio: ratio,
      ...(stoppedBy ? { stoppedBy } : {}),
    };
    const head = header(createdAt, providerResults);
    if (merged) return { ...summary, header: head, merged };
    const perProvider: Record<string, { header: SnapshotHeader; resources: MergedResources }> = {};
    for (const name of Object.keys(providerResults)) {
      perProvider[name] = {
        header: header(createdAt, { [name]: providerResults[name] as ProviderResult }),
        resources: own.get(name) as Merger,
      };
    }
    return { ...summary, header: head, perProvider };
  }

  /**
   * Checks each provider's configuration and credentials without scanning (`wgo validate`).
   * Providers are checked concurrently, each bounded by the scan timeout.
   */
  async validateProviders(
    config: Pick<ScanConfig, 'providers' | 'timeout'>,
    options: Pick<ScanOptions, 'signal'> = {},
  ): Promise<Record<string, ValidationReport>> {
    const names = Object.keys(config.providers).sort();
    for (const name of names) {
      if (!this.#collectors.has(name)) {
        throw new UsageError(`unknown provider "${name}" (known: ${this.providers.join(', ')})`);
      }
    }
    const timeoutMs = checkTimeout(config.timeout ?? this.#timeout);
    const cancel = options.signal ?? new AbortController().signal;
    const reports = await Promise.all(
      names.map(async (name): Promise<[string, ValidationReport]> => {
        const collector = this.#collectors.get(name) as Collector;
        const providerConfig = config.providers[name] ?? {};
        if (!collector.validate) return [name, { status: 'unsupported', checks: [], errors: [] }];
        const validate = collector.validate.bind(collector);
        let checks: ValidationCheck[] = [];
        const result = await runProvider({
          name,
          work: async (ctx) => {
            checks = await validate(providerConfig, ctx);
          },
          apiConcurrency: apiConcurrencyOf(collector, providerConfig),
          timeoutMs,
          cancel,
          types: typeFilter(),
          clock: this.#clock,
          log: this.#log,
          sink: () => {},
          ...this.#netFor(collector, providerConfig),
        });
        const ok = result.status === 'ok' && checks.every((check) => check.ok);
        return [name, { status: ok ? 'ok' : 'failed', checks, errors: result.errors }];
      }),
    );
    return Object.fromEntries(reports);
  }

  /** Statistics: registered providers, limits, and the last scan's figures. */
  getStats(): ScannerStats {
    return {
      registeredProviders: this.#collectors.size,
      providers: this.providers,
      maxWorkers: this.#maxWorkers,
      timeoutMs: this.#timeout,
      connectionPoolSize: this.#pool?.stats().openSockets ?? 0,
      connections: this.#pool?.stats() ?? { socketsOpened: 0, requests: 0, openSockets: 0 },
      ...(this.#lastScan ? { lastScan: this.#lastScan } : {}),
    };
  }

  /** Calls `report` every `intervalMs` until the returned function is called. */
  #tick(intervalMs: number | undefined, report: () => void): () => void {
    if (intervalMs === undefined) return () => {};
    const clock = this.#clock;
    const again = () => {
      report();
      cancel = clock.setTimeout(again, intervalMs);
    };
    let cancel = clock.setTimeout(again, intervalMs);
    return () => cancel();
  }

  /** The net layer a provider run gets: the shared pool (made on first use) and limiters. */
  #netFor(collector: Collector, config: CollectorConfig) {
    this.#pool ??= new ConnectionPool({ env: this.#env });
    return {
      pool: this.#pool,
      limiters: this.#limiters,
      ...(collector.kind ? { kind: collector.kind } : {}),
      ...(config.rateLimits ? { rateLimits: config.rateLimits } : {}),
    };
  }

  /** Cancels running scans, waits for them to return, and refuses new ones. */
  async close(): Promise<void> {
    this.#closed = true;
    const running = [...this.#running];
    for (const scan of running) scan.controller.abort(new ScanCancelled('scanner closed'));
    await Promise.allSettled(running.map((scan) => scan.done));
    this.#pool?.destroy();
    this.#pool = undefined;
  }

  /** Starts providers in `order`, at most `slots` at a time, until all have ended. */
  #runSlots(
    order: readonly string[],
    slots: number,
    cancel: AbortSignal,
    { run, skip }: { run: (name: string) => Promise<void>; skip: (name: string) => void },
  ): Promise<void> {
    return new Promise((resolve) => {
      let next = 0;
      let active = 0;
      const fill = () => {
        while (active < slots && next < order.length) {
          const name = order[next++] as string;
          if (cancel.aborted) {
            skip(name);
            continue;
          }
          active++;
          run(name).finally(() => {
            active--;
            fill();
          });
        }
        if (active === 0 && next >= order.length) resolve();
      };
      fill();
    });
  }
}
