/**
 * The Kubernetes collector: reads the kubeconfig as kubectl does, picks the contexts (each its
 * own cluster and account), and lists every kind in scope through @kubernetes/client-node, one
 * job per (context × kind) in the provider's task pool, each page emitted as it arrives.
 * A context that fails (unreachable, bad credentials) is reported and the others go on; a kind
 * that RBAC forbids is reported and the other kinds go on.
 */
import { ConfigError, ProviderError, ProviderSkipped } from '../../core/errors.ts';
import type {
  Collector,
  CollectorConfig,
  CollectorContext,
  ValidationCheck,
} from '../../scanner/collector.ts';
import { runJobs } from '../../scanner/run-jobs.ts';
import { contextJob } from './context-scan.ts';
import { type ContextSelection, type ContextTarget, selectContexts } from './contexts.ts';
import { Denials } from './denials.ts';
import { KINDS } from './kinds/index.ts';
import { type KubeconfigPlaces, loadKubeconfig } from './kubeconfig.ts';
import { planCalls } from './plan.ts';
import { type KubernetesSettings, kubernetesSettings } from './settings.ts';
import { validateContext } from './validate.ts';

export interface KubernetesCollectorOptions {
  /** Where `KUBECONFIG`, `HOME` and the in-cluster variables are read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Prefixed to the pod's service account paths when looking for in-cluster configuration.
   * @default '' (the real `/var/run/secrets/kubernetes.io/serviceaccount`)
   */
  readonly serviceAccountRoot?: string;
  /**
   * How long a context's server may take to answer the first call (its version), in ms, per
   * attempt. A cluster behind a down VPN or firewall drops packets instead of refusing them;
   * this bounds how long it holds up the scan (attempts are retried as any transient failure).
   * @default 5000
   */
  readonly probeTimeoutMs?: number;
}

/** Inventories Kubernetes clusters: one or more kubeconfig contexts. */
export class KubernetesCollector implements Collector {
  readonly kind = 'kubernetes';
  /** CONTRACT.md section 3: Kubernetes 8. */
  readonly defaultApiConcurrency = 8;
  readonly #places: KubeconfigPlaces;
  readonly #probeTimeoutMs: number;

  constructor(options: KubernetesCollectorOptions = {}) {
    this.#places = { env: options.env ?? process.env, serviceAccountRoot: options.serviceAccountRoot ?? '' };
    this.#probeTimeoutMs = options.probeTimeoutMs ?? 5000;
  }

  /** A kubeconfig that cannot be read or parsed, or a context it lacks, stops the scan (exit 2). */
  async checkConfig(config: CollectorConfig): Promise<void> {
    await this.#select(kubernetesSettings(config.config));
  }

  async collect(config: CollectorConfig, ctx: CollectorContext): Promise<void> {
    const settings = kubernetesSettings(config.config);
    const selection = await this.#select(settings);
    if (!selection) throw new ProviderSkipped(NO_KUBECONFIG);
    this.#report(selection, ctx);
    const calls = planCalls(KINDS, ctx.types, settings.namespaces);
    if (calls.length === 0) return;
    const shared = {
      ctx,
      denials: new Denials(),
      answered: new Set<string>(),
      probeTimeoutMs: this.#probeTimeoutMs,
    };
    await runJobs(
      ctx,
      selection.targets.map((target) => contextJob(target, calls, shared)),
    );
    for (const error of shared.denials.errors(ctx.provider)) ctx.reportError(error);
    if (shared.answered.size === 0) {
      throw new ProviderError('unreachable', 'no context could be scanned', {
        provider: ctx.provider,
        scope: '*',
        api: 'version',
      });
    }
  }

  /** Per context: the server version, and which kinds the credentials may list. */
  async validate(config: CollectorConfig, ctx: CollectorContext): Promise<ValidationCheck[]> {
    let settings: KubernetesSettings;
    let selection: ContextSelection | undefined;
    try {
      settings = kubernetesSettings(config.config);
      selection = await this.#select(settings);
    } catch (error) {
      if (error instanceof ConfigError) return [{ scope: 'kubeconfig', ok: false, message: error.message }];
      throw error;
    }
    if (!selection) return [{ scope: 'kubeconfig', ok: false, message: NO_KUBECONFIG }];
    const problems = selection.problems.map((problem) => ({
      scope: problem.context,
      ok: false,
      message: problem.message,
    }));
    const calls = planCalls(KINDS, ctx.types, settings.namespaces);
    const checks = await Promise.all(
      selection.targets.map((target: ContextTarget) =>
        validateContext(target, calls, ctx, this.#probeTimeoutMs),
      ),
    );
    return [...problems, ...checks];
  }

  async #select(settings: KubernetesSettings): Promise<ContextSelection | undefined> {
    const kubeconfig = await loadKubeconfig(settings.kubeconfig, this.#places);
    return kubeconfig ? selectContexts(kubeconfig, settings.contexts) : undefined;
  }

  #report(selection: ContextSelection, ctx: CollectorContext): void {
    for (const problem of selection.problems) {
      ctx.reportError(
        new ProviderError('context', problem.message, {
          provider: ctx.provider,
          scope: problem.context,
          api: 'kubeconfig',
        }),
      );
    }
    for (const duplicate of selection.duplicates) {
      ctx.log.debug('context skipped: same cluster and user as another', { ...duplicate });
    }
  }
}

const NO_KUBECONFIG = 'no kubeconfig (--kubeconfig, KUBECONFIG, ~/.kube/config) and not running in a pod';
