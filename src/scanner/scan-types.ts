/**
 * The public shapes of a scan: its configuration, its result and the scanner's statistics.
 */
import type { Logger } from '../core/logger.ts';
import type {
  ProviderErrorRecord,
  ProviderResult,
  ProviderStatus,
  Snapshot,
  SnapshotHeader,
} from '../core/snapshot.ts';
import type { MergedResources } from '../merge/merger.ts';
import type { Clock } from '../net/clock.ts';
import type { ConnectionPoolStats } from '../net/connection-pool.ts';
import type { CollectorConfig, ValidationCheck } from './collector.ts';

/** Options of `new ConcurrentScanner(...)`. */
export interface ScannerOptions {
  /**
   * Providers scanned at once (the spec's `--max-workers`). Minimum 1.
   * @default 4
   */
  readonly maxWorkers?: number;
  /**
   * Time limit of each provider's scan in ms, counted from the provider's own start, not from
   * its wait for a slot (the spec's `--scan-timeout`).
   * @default 300_000 (5m)
   */
  readonly timeout?: number;
  /** Where library logs go. @default silent */
  readonly log?: Logger;
  /** Time source; tests pass a fake one. @default the system clock */
  readonly clock?: Clock;
  /**
   * Characters of merged canonical JSON held in memory before sorted runs spill to temporary
   * files (an external merge sort), so memory stays bounded at a million resources.
   * @default 33_554_432 (about 50 MB of heap)
   */
  readonly mergeMemoryBudget?: number;
  /** Where proxy (`HTTPS_PROXY`, `NO_PROXY`) and CA (`AWS_CA_BUNDLE`) settings are read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** What to scan and how: the spec's `ScanConfig`. */
export interface ScanConfig {
  /** The providers to scan, by registered name, each with its own settings. */
  readonly providers: Readonly<Record<string, CollectorConfig>>;
  /** Overrides the scanner's `maxWorkers` for this scan. */
  readonly maxWorkers?: number;
  /** Overrides the scanner's `timeout` (ms) for this scan. */
  readonly timeout?: number;
  /**
   * Cancel the other providers when one ends `failed`, `timed_out` or `partial`. What was
   * collected is still returned, marked incomplete.
   * @default false
   */
  readonly failOnError?: boolean;
  /** Return each provider's own snapshot instead of one merged snapshot. @default false */
  readonly skipMerging?: boolean;
  /** Providers to start first, in this order; the rest follow alphabetically. */
  readonly preferredOrder?: readonly string[];
  /** Only these resource types (empty: all). */
  readonly types?: readonly string[];
  /** Never these resource types. */
  readonly excludeTypes?: readonly string[];
}

/** Options of one scan call. */
export interface ScanOptions {
  /** Aborting it cancels every provider; what was collected is still returned. */
  readonly signal?: AbortSignal;
  /** Called as providers start and end, and with live progress, e.g. to show it. */
  readonly onEvent?: (event: ScanEvent) => void;
  /** Sends a `progress` event this often (ms) while the scan runs. @default never */
  readonly progressIntervalMs?: number;
}

/** One provider's progress: where it stands and its figures so far. */
export interface ProviderProgress {
  readonly state: 'waiting' | 'running' | ProviderStatus;
  readonly resources: number;
  readonly apiCalls: number;
  /** API calls in flight now. */
  readonly inFlight: number;
  readonly throttled: number;
  readonly errors: number;
  readonly elapsedMs: number;
}

/** Progress of a scan. */
export type ScanEvent =
  | { readonly type: 'provider-start'; readonly provider: string }
  | { readonly type: 'provider-end'; readonly provider: string; readonly result: ProviderResult }
  | { readonly type: 'progress'; readonly providers: Readonly<Record<string, ProviderProgress>> };

/** Why a scan stopped before every provider finished on its own. */
export type StopReason = 'fail-on-error' | 'signal';

/** What every scan result carries besides its resources. */
export interface ScanSummary {
  /** Each provider's outcome, by name (sorted). */
  readonly providerResults: Readonly<Record<string, ProviderResult>>;
  /** Wall time of the whole scan, ms. */
  readonly totalDurationMs: number;
  /** `sum(provider durations) / wall`. */
  readonly efficiencyRatio: number;
  /** Set when the scan was cut short. */
  readonly stoppedBy?: StopReason;
}

/**
 * A scan's result in streaming form: headers plus merged resources to read in uid order, so
 * a writer can stream a large snapshot without building it as one object.
 */
export interface ScanStream extends ScanSummary {
  /** The merged snapshot's header (all providers). */
  readonly header: SnapshotHeader;
  /** With `skipMerging`: each provider's header and resources. Otherwise `undefined`. */
  readonly perProvider?: Readonly<Record<string, { header: SnapshotHeader; resources: MergedResources }>>;
  /** Without `skipMerging`: every provider's resources merged. Otherwise `undefined`. */
  readonly merged?: MergedResources;
}

/** A scan's result with resources in memory: the spec's `ScanResult`. */
export interface ScanResult extends ScanSummary {
  /** The merged snapshot; `undefined` with `skipMerging`. */
  readonly snapshot?: Snapshot;
  /** With `skipMerging`: each provider's own snapshot. */
  readonly snapshots?: Readonly<Record<string, Snapshot>>;
}

/** Per-provider figures of the last scan, in `getStats()`. */
export interface ProviderStats {
  readonly status: ProviderResult['status'];
  readonly durationMs: number;
  readonly resources: Readonly<Record<string, number>>;
  readonly errors: number;
}

/** The scanner's statistics: the spec's `GetStats()`. */
export interface ScannerStats {
  readonly registeredProviders: number;
  readonly providers: readonly string[];
  readonly maxWorkers: number;
  readonly timeoutMs: number;
  /** Open connections in the shared pool. */
  readonly connectionPoolSize: number;
  /** Sockets opened vs requests sent through the shared pool: the spec's "connection reuse". */
  readonly connections: ConnectionPoolStats;
  readonly lastScan?: {
    readonly wallMs: number;
    readonly efficiencyRatio: number;
    readonly providers: Readonly<Record<string, ProviderStats>>;
  };
}

/** One provider's answer to `validateProviders`. */
export interface ValidationReport {
  /** `ok` when every check passed; `unsupported` when the collector cannot validate. */
  readonly status: 'ok' | 'failed' | 'unsupported';
  readonly checks: readonly ValidationCheck[];
  /** Failures of the validation itself (a thrown error, a timeout). */
  readonly errors: readonly ProviderErrorRecord[];
}
