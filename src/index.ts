/**
 * wgo's public API: the concurrent scanner, the collector contract for custom providers, the
 * built-in collectors, and the snapshot model.
 *
 * @example
 * import { ConcurrentScanner, TerraformCollector } from 'wgo';
 *
 * const scanner = new ConcurrentScanner({ maxWorkers: 4, timeout: 5 * 60_000 });
 * scanner.registerProvider('terraform', new TerraformCollector());
 * const result = await scanner.scanAllProviders({
 *   providers: { terraform: { config: { paths: ['./infra'] } } },
 * });
 * console.log(`${result.snapshot?.resources.length} resources in ${result.totalDurationMs} ms`);
 * await scanner.close();
 *
 * @packageDocumentation
 */

export { GcpCollector } from './collectors/gcp/index.ts';
export { builtinCollectors } from './collectors/index.ts';
export {
  KubernetesCollector,
  type KubernetesCollectorOptions,
} from './collectors/kubernetes/index.ts';
export { TerraformCollector } from './collectors/terraform/index.ts';
export { parseDuration } from './core/duration.ts';
export {
  ConfigError,
  ProviderError,
  type ProviderErrorContext,
  ProviderSkipped,
  StateFormatError,
  UsageError,
  WgoError,
} from './core/errors.ts';
export type { LogFields, Logger, LogLevel } from './core/logger.ts';
export { type ManagedBy, REDACTED, type Resource } from './core/resource.ts';
export {
  type ProviderErrorRecord,
  type ProviderResult,
  type ProviderStatus,
  SNAPSHOT_FORMAT,
  SNAPSHOT_SET_FORMAT,
  type Snapshot,
  type SnapshotHeader,
  type SnapshotSet,
} from './core/snapshot.ts';
export type { TypeFilter } from './core/type-filter.ts';
export * as uid from './core/uid.ts';
export type { MergedResources } from './merge/merger.ts';
export type { Clock } from './net/clock.ts';
export type {
  CallCounters,
  Collector,
  CollectorConfig,
  CollectorContext,
  ValidationCheck,
} from './scanner/collector.ts';
export { ConcurrentScanner } from './scanner/concurrent-scanner.ts';
export type {
  ProviderStats,
  ScanConfig,
  ScanEvent,
  ScannerOptions,
  ScannerStats,
  ScanOptions,
  ScanResult,
  ScanStream,
  ScanSummary,
  StopReason,
  ValidationReport,
} from './scanner/scan-types.ts';
export type { Task, TaskPool } from './scanner/task-pool.ts';
