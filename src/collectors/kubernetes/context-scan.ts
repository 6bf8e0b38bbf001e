/**
 * Scanning one context. Its first job asks the server for its version (one cheap call that says
 * whether the cluster answers at all, so a dead cluster costs one error, not one per kind) and
 * then adds one job per planned call: a `limit`/`continue` page chain, each page emitted as it
 * arrives. A cluster-wide list that RBAC forbids falls back to one list per namespace; the
 * namespaces that are forbidden too are gathered into one error per kind (`Denials`).
 *
 * Every call goes through `ctx.net.call` with the cluster's one rate limiter (region `_`): API
 * Priority and Fairness throttles a client per user, not per namespace, so per-namespace buckets
 * would multiply the rate a fallback sends.
 */
import type { ConfigurationOptions, VersionInfo } from '@kubernetes/client-node';
import { ApiCallError, describeError, ProviderError } from '../../core/errors.ts';
import type { CollectorContext } from '../../scanner/collector.ts';
import type { Job } from '../../scanner/run-jobs.ts';
import { type KubeApis, kubeApis, withUnauthorizedStatus } from './client.ts';
import type { ContextTarget } from './contexts.ts';
import type { Denials } from './denials.ts';
import { namespaces as namespaceKind } from './kinds/cluster.ts';
import { apiName, type KindSpec, type KubeList, type KubeObject } from './kinds/kind.ts';
import { listChain } from './list.ts';
import type { PlannedCall } from './plan.ts';
import { toResource } from './resource.ts';

/** Objects per page: kubectl's default chunk size. */
const PAGE_SIZE = 500;
/** Fresh lists after `410 Gone` before a chain gives up. */
const MAX_FRESH_LISTS = 3;

/** What every context of a scan shares. */
export interface ScanShared {
  readonly ctx: CollectorContext;
  readonly denials: Denials;
  /** Contexts whose server answered. */
  readonly answered: Set<string>;
  /** How long a context's first call may wait for an answer, per attempt. */
  readonly probeTimeoutMs: number;
}

function hasKind(error: unknown, kind: ApiCallError['kind']): error is ApiCallError {
  return error instanceof ApiCallError && error.kind === kind;
}

/** The job that opens a context and adds its calls' jobs. */
export function contextJob(target: ContextTarget, calls: readonly PlannedCall[], shared: ScanShared): Job {
  return {
    scope: target.context,
    api: 'version',
    run: async (_signal, add) => {
      const session = new ContextSession(target, await kubeApis(target, shared.ctx.net.pool), shared);
      const version = await session.version();
      shared.answered.add(target.context);
      shared.ctx.log.debug('kubernetes context answers', {
        context: target.context,
        cluster: target.cluster.name,
        version: version.gitVersion,
      });
      for (const call of calls) add(session.job(call));
    },
  };
}

/** The state one context's jobs share. */
export class ContextSession {
  readonly #target: ContextTarget;
  readonly #apis: KubeApis;
  readonly #shared: ScanShared;
  #namespaces: Promise<string[]> | undefined;
  /** Set at the first credentials failure: the other jobs of the context stop, unreported. */
  #credentialsFailed = false;

  constructor(target: ContextTarget, apis: KubeApis, shared: ScanShared) {
    this.#target = target;
    this.#apis = apis;
    this.#shared = shared;
  }

  /**
   * The server's version: the context's first call, bounded by `probeTimeoutMs` per attempt (a
   * cluster behind a down VPN drops packets rather than refusing them).
   */
  version(): Promise<VersionInfo> {
    return this.#call(
      'version',
      this.#target.context,
      (apis, options) => apis.version.getCode({}, options),
      this.#shared.probeTimeoutMs,
    );
  }

  /** Lists one page of `spec`, cluster-wide or in `namespace`, with `limit` objects at most. */
  listPage(spec: KindSpec, namespace: string | undefined, limit: number, token?: string): Promise<KubeList> {
    const page = { limit, ...(token ? { _continue: token } : {}) };
    const scope = namespace === undefined ? this.#target.context : `${this.#target.context}/${namespace}`;
    return this.#call(apiName(spec, 'list'), scope, (apis, options) =>
      namespace === undefined || !spec.listIn
        ? spec.list(apis, page, options)
        : spec.listIn(apis, namespace, page, options),
    );
  }

  /** Reads one object of `spec` by name (a cluster-scoped kind with `read`). */
  read(spec: KindSpec, name: string): Promise<KubeObject> {
    const read = spec.read;
    if (!read) throw new TypeError(`${spec.kind} objects are not read by name`);
    return this.#call(apiName(spec, 'get'), this.#target.context, (apis, options) =>
      read(apis, name, options),
    );
  }

  /** The job of one planned call. */
  job(call: PlannedCall): Job {
    const context = this.#target.context;
    switch (call.scope) {
      case 'cluster':
        return this.#guarded({
          scope: context,
          api: apiName(call.spec, 'list'),
          run: (_signal, add) => this.#listCluster(call.spec, add),
        });
      case 'namespace':
        return this.#namespaceJob(call.spec, call.namespace, call.of);
      case 'object':
        return this.#guarded({
          scope: context,
          api: apiName(call.spec, 'get'),
          run: async () => this.#emit(call.spec, [await this.read(call.spec, call.name)]),
        });
    }
  }

  /** A job that stops quietly once the context's credentials have failed (reported once). */
  #guarded(job: Job): Job {
    return {
      ...job,
      run: async (signal, add) => {
        if (this.#credentialsFailed) return;
        try {
          await job.run(signal, add);
        } catch (error) {
          if (hasKind(error, 'credentials')) {
            if (this.#credentialsFailed) return;
            this.#credentialsFailed = true;
          }
          throw error;
        }
      },
    };
  }

  /**
   * One API call through the cluster's limiter, with retries. With `timeoutMs`, an attempt that
   * gets no answer in time fails as `ETIMEDOUT` (transient, so it is retried).
   */
  #call<T>(
    api: string,
    scope: string,
    call: (apis: KubeApis, options: ConfigurationOptions) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    const target = { account: this.#target.cluster.name, region: '_', service: 'api', api, scope };
    return this.#shared.ctx.net.call(target, async (signal) => {
      const deadline = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
      try {
        return await call(
          this.#apis,
          this.#apis.options(deadline ? AbortSignal.any([signal, deadline]) : signal),
        );
      } catch (error) {
        if (deadline?.aborted && !signal.aborted) {
          throw Object.assign(new Error(`no answer from ${this.#target.cluster.server} in ${timeoutMs} ms`), {
            code: 'ETIMEDOUT',
          });
        }
        throw withUnauthorizedStatus(error);
      }
    });
  }

  #emit(spec: KindSpec, objects: readonly KubeObject[]): void {
    const observedAt = this.#shared.ctx.now();
    const cluster = this.#target.cluster.name;
    this.#shared.ctx.emit(objects.map((object) => toResource(spec, cluster, object, observedAt)));
  }

  async #list(spec: KindSpec, namespace: string | undefined, onFirstPage?: () => void): Promise<void> {
    await listChain({
      fetch: async (token) => {
        const page = await this.listPage(spec, namespace, PAGE_SIZE, token);
        if (!token) onFirstPage?.();
        return page;
      },
      onObjects: (objects) => this.#emit(spec, objects),
      maxRestarts: MAX_FRESH_LISTS,
      onRestart: (restart) =>
        this.#shared.ctx.log.debug('continue token expired (410); listing again', {
          context: this.#target.context,
          api: apiName(spec, 'list'),
          namespace,
          restart,
        }),
    });
  }

  async #listCluster(spec: KindSpec, add: (job: Job) => void): Promise<void> {
    let started = false;
    try {
      await this.#list(spec, undefined, () => {
        started = true;
      });
    } catch (error) {
      // RBAC forbids a list as a whole, so a 403 comes on the first page; later, objects were emitted.
      if (!hasKind(error, 'denied') || started || !spec.listIn) throw error;
      const names = await this.#namespaceNames(error);
      this.#shared.ctx.log.debug('cluster-wide list forbidden; listing each namespace', {
        context: this.#target.context,
        api: apiName(spec, 'list'),
        namespaces: names.length,
      });
      for (const namespace of names) add(this.#namespaceJob(spec, namespace, names.length));
    }
  }

  #namespaceJob(spec: KindSpec, namespace: string, of: number): Job {
    return this.#guarded({
      scope: `${this.#target.context}/${namespace}`,
      api: apiName(spec, 'list'),
      run: async () => {
        try {
          await this.#list(spec, namespace);
        } catch (error) {
          if (!hasKind(error, 'denied')) throw error;
          this.#shared.denials.add(
            { context: this.#target.context, resource: spec.resource, namespace, of },
            error,
          );
        }
      },
    });
  }

  /** The context's namespace names, listed once, for per-namespace fallbacks. */
  async #namespaceNames(denied: ApiCallError): Promise<string[]> {
    this.#namespaces ??= (async () => {
      const names: string[] = [];
      await listChain({
        fetch: (token) => this.listPage(namespaceKind, undefined, PAGE_SIZE, token),
        onObjects: (objects) => {
          for (const object of objects) if (object.metadata?.name) names.push(object.metadata.name);
        },
        maxRestarts: MAX_FRESH_LISTS,
      });
      return names;
    })();
    try {
      return await this.#namespaces;
    } catch (error) {
      throw new ProviderError(
        denied.code,
        `${denied.message} (and the namespaces cannot be listed to try each: ${describeError(error)})`,
        { provider: denied.provider, scope: denied.scope, api: denied.api },
        { cause: error },
      );
    }
  }
}
