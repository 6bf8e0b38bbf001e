/**
 * The GCP collector: Compute Engine (instances, disks, networks, subnetworks, firewalls), Cloud
 * Storage buckets, GKE clusters and IAM service accounts of one or more projects, through
 * Google's JSON REST APIs signed with Application Default Credentials.
 *
 * Orchestration only: the settings and credentials decide the projects, `plan.ts` turns projects,
 * narrowing and wanted types into page chains, and each chain (or region lookup, which adds one
 * chain per zone) is one job in the provider's task pool. A chain that fails (a disabled API, a
 * missing permission) is reported with its project and API, and the others go on.
 */
import { ApiCallError, ConfigError, ProviderSkipped } from '../../core/errors.ts';
import type {
  Collector,
  CollectorConfig,
  CollectorContext,
  ValidationCheck,
} from '../../scanner/collector.ts';
import { type Job, runJobs } from '../../scanner/run-jobs.ts';
import { type GcpApi, gcpApi, scopeOf } from './api.ts';
import { computeList } from './compute.ts';
import { credentialsFile, type GcpCredentials, loadCredentials } from './credentials.ts';
import { gcpEndpoints } from './endpoints.ts';
import { followList } from './follow.ts';
import { GCP_TYPES } from './kinds.ts';
import { type PlannedList, planScan, type RegionLookup } from './plan.ts';
import { environmentProject, type GcpSettings, gcpSettings } from './settings.ts';
import { validateProject } from './validate.ts';
import { zonesOfRegion } from './zones.ts';

/** CONTRACT.md section 3: GCP's default `--api-concurrency`. */
const DEFAULT_API_CONCURRENCY = 8;

/** What a scan starts from: usable credentials and the projects to scan. */
interface Start {
  readonly credentials: GcpCredentials;
  readonly projects: readonly string[];
}

function listJob(ctx: CollectorContext, api: GcpApi, chain: PlannedList): Job {
  return {
    scope: scopeOf(chain.request),
    api: chain.request.api,
    run: async () => {
      await followList(ctx, api, chain);
    },
  };
}

function lookupJob(ctx: CollectorContext, api: GcpApi, lookup: RegionLookup): Job {
  return {
    scope: `${lookup.project}/${lookup.region}`,
    api: 'compute.regions.get',
    run: async (_signal, add) => {
      for (const zone of await zonesOfRegion(api, lookup.project, lookup.region)) {
        if (lookup.planned.includes(zone)) continue;
        for (const type of lookup.types) add(listJob(ctx, api, computeList(lookup.project, type, { zone })));
      }
    },
  };
}

/** Scans GCP projects. Environment: see `credentials.ts`, `endpoints.ts` and `settings.ts`. */
export class GcpCollector implements Collector {
  readonly kind = 'gcp';
  readonly defaultApiConcurrency = DEFAULT_API_CONCURRENCY;

  async collect(config: CollectorConfig, ctx: CollectorContext): Promise<void> {
    const settings = gcpSettings(config.config);
    for (const region of settings.otherRegions) {
      ctx.log.warn(`--region ${region} is not a GCP region; the GCP scan leaves it out`);
    }
    const wanted = (type: string) => ctx.types.includes(type);
    if (!GCP_TYPES.some(wanted)) return;
    const endpoints = gcpEndpoints(process.env);
    const { credentials, projects } = await this.#start(settings);
    const api = gcpApi(ctx, credentials, endpoints);
    const plan = planScan(projects, settings, wanted);
    ctx.log.debug('gcp plan', { projects, chains: plan.lists.length, regionLookups: plan.lookups.length });
    let refused: ApiCallError | undefined;
    await runJobs(
      ctx,
      [
        ...plan.lists.map((chain) => listJob(ctx, api, chain)),
        ...plan.lookups.map((lookup) => lookupJob(ctx, api, lookup)),
      ],
      (error) => {
        // Credentials the APIs refuse fail every call alike: one error, and the provider fails.
        if (!(error instanceof ApiCallError) || error.kind !== 'credentials') return false;
        refused ??= error;
        return true;
      },
    );
    if (refused) throw refused;
  }

  async validate(config: CollectorConfig, ctx: CollectorContext): Promise<ValidationCheck[]> {
    const settings = gcpSettings(config.config);
    const endpoints = gcpEndpoints(process.env);
    let start: Start;
    try {
      start = await this.#start(settings);
    } catch (error) {
      if (error instanceof ConfigError || error instanceof ProviderSkipped) {
        return [{ scope: 'credentials', ok: false, message: error.message }];
      }
      throw error;
    }
    const { credentials, projects } = start;
    const api = gcpApi(ctx, credentials, endpoints);
    const who = credentials.principal ? `${credentials.principal} from ` : '';
    return [
      { scope: 'credentials', ok: true, message: `${who}${credentials.source}` },
      ...(await Promise.all(projects.map((project) => validateProject(ctx, api, project)))),
    ];
  }

  /**
   * The credentials and the projects: `--project` (or the config file), else
   * `GOOGLE_CLOUD_PROJECT`, else the project the credentials name.
   *
   * @throws ProviderSkipped when no project is named anywhere (nothing to scan).
   * @throws ConfigError when the credentials cannot be used.
   */
  async #start(settings: GcpSettings): Promise<Start> {
    const fromEnv = environmentProject(process.env);
    const named = settings.projects.length > 0 ? settings.projects : fromEnv ? [fromEnv] : [];
    // Without a project or a credentials file there is nothing to scan; skip before the
    // library would probe for a metadata server.
    if (named.length === 0 && !credentialsFile(process.env)) {
      throw new ProviderSkipped('no GCP project: pass --project or set GOOGLE_CLOUD_PROJECT');
    }
    const credentials = await loadCredentials(process.env);
    const projects = named.length > 0 ? named : credentials.project ? [credentials.project] : [];
    if (projects.length === 0) {
      throw new ProviderSkipped(
        `no GCP project: pass --project or set GOOGLE_CLOUD_PROJECT (${credentials.source} names none)`,
      );
    }
    return { credentials, projects };
  }
}
