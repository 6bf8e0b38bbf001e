/** Shared pieces of the GCP integration tests: a scan through the library, the simulator's stats. */

import type { Simulator } from '../../../sim/index.ts';
import { GcpCollector } from '../../../src/collectors/gcp/index.ts';
import type { Resource } from '../../../src/core/resource.ts';
import { ConcurrentScanner } from '../../../src/scanner/concurrent-scanner.ts';
import type { ScanConfig } from '../../../src/scanner/scan-types.ts';

/** The environment a user sets to point ADC and every GCP API at the simulator. */
export function simEnvironment(sim: Simulator): Record<string, string> {
  return { GOOGLE_APPLICATION_CREDENTIALS: sim.gcpCredentials, WGO_GCP_ENDPOINT: sim.gcp };
}

/** Points this process's ADC and endpoints at `sim` (each test file runs in its own process). */
export function useSimulator(sim: Simulator): void {
  Object.assign(process.env, simEnvironment(sim));
  delete process.env.GOOGLE_CLOUD_PROJECT;
  delete process.env.STORAGE_EMULATOR_HOST;
}

/** Scans GCP through the library with `config` (the provider's settings) and scan options. */
export async function scanGcp(
  gcp: Record<string, unknown>,
  scan: Omit<ScanConfig, 'providers'> & { apiConcurrency?: number } = {},
) {
  const scanner = new ConcurrentScanner();
  scanner.registerProvider('gcp', new GcpCollector());
  try {
    const { apiConcurrency, ...options } = scan;
    const result = await scanner.scanAllProviders({
      providers: { gcp: { config: gcp, ...(apiConcurrency ? { apiConcurrency } : {}) } },
      ...options,
    });
    const provider = result.providerResults.gcp;
    if (!provider) throw new Error('no gcp result');
    return {
      provider,
      resources: result.snapshot?.resources ?? [],
      connections: scanner.getStats().connections,
    };
  } finally {
    await scanner.close();
  }
}

/** `uid type` lines, sorted: what a scan and the truth are compared on. */
export function identities(resources: readonly Pick<Resource, 'uid' | 'type'>[]): string[] {
  return resources.map((resource) => `${resource.uid} ${resource.type}`).sort();
}

/** Requests the simulator served, by `service:api`, for GCP. */
export async function gcpApiStats(
  sim: Simulator,
): Promise<Record<string, { requests: number; throttled: number; failed: number }>> {
  const stats = (await (await fetch(sim.stats)).json()) as {
    providers: Record<
      string,
      { apis: Record<string, { requests: number; throttled: number; failed: number }> }
    >;
  };
  return stats.providers.gcp?.apis ?? {};
}
