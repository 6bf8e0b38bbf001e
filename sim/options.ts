/** Options of `startSimulator` and the `npm run sim` command line. */
import type { Profile } from './profile.ts';

/** What to simulate and how. */
export interface SimulatorOptions {
  /** Number of resources over all providers, from 1 to 1,000,000 (more is allowed up to 10,000,000). */
  readonly resources: number;
  /** Seed of the inventory: same seed, size and layout give the same inventory. @default 1 */
  readonly seed?: number;
  /**
   * First port: AWS listens on `port`, GCP on `port + 1`, Kubernetes on `port + 2`, truth and
   * stats on `port + 3`. @default 0 (four free ports)
   */
  readonly port?: number;
  /** Fixed latency per request in ms; overrides the profile's `latency`. */
  readonly latencyMs?: number;
  /** Realism knobs and layout. @default {} */
  readonly profile?: Profile;
  /**
   * Folder for the client files (AWS config and credentials, GCP key, kubeconfig). @default a new
   * temporary folder, removed by `close()`
   */
  readonly dir?: string;
}

/** Validates options up front; errors quote the bad value. */
export function validateOptions(options: SimulatorOptions): void {
  const { resources, seed, port, latencyMs } = options;
  if (!Number.isInteger(resources) || resources < 1 || resources > 10_000_000) {
    throw new Error(`resources must be an integer from 1 to 10000000, got ${JSON.stringify(resources)}`);
  }
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0))
    throw new Error(`seed must be a non-negative integer, got ${JSON.stringify(seed)}`);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_532))
    throw new Error(`port must be an integer from 0 to 65532, got ${JSON.stringify(port)}`);
  if (latencyMs !== undefined && !(latencyMs >= 0))
    throw new Error(`latencyMs must be >= 0, got ${JSON.stringify(latencyMs)}`);
}
