/**
 * client-node's typed API clients for one context, on the shared transport (`transport.ts`).
 * client-node makes one attempt per call (it has no retry loop of its own), so `ctx.net.call`
 * is the only place that retries.
 */
import type {
  AppsV1Api,
  ConfigurationOptions,
  CoreV1Api,
  NetworkingV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import type { ConnectionPool } from '../../net/connection-pool.ts';
import { clientNode } from './client-node.ts';
import type { ContextTarget } from './contexts.ts';
import { pooledTransport } from './transport.ts';

/** The API clients of one context. */
export interface KubeApis {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly networking: NetworkingV1Api;
  readonly version: VersionApi;
  /** Per-call options that abort the request with `signal` (client-node has no signal parameter). */
  options(signal: AbortSignal): ConfigurationOptions;
}

/** A connection that stays silent this long fails the attempt, which is then retried. */
const IDLE_TIMEOUT_MS = 60_000;

/** Builds the API clients of a context. */
export async function kubeApis(target: ContextTarget, pool: ConnectionPool): Promise<KubeApis> {
  const k8s = await clientNode();
  const configuration = k8s.createConfiguration({
    baseServer: new k8s.ServerConfiguration(target.cluster.server, {}),
    httpApi: k8s.wrapHttpLibrary(
      pooledTransport(k8s, { kubeConfig: target.kubeConfig, pool, idleTimeoutMs: IDLE_TIMEOUT_MS }),
    ),
    // The transport authenticates every request from the kubeconfig.
    authMethods: {},
  });
  const passThrough = <T>(value: T) => new k8s.Observable(Promise.resolve(value));
  return {
    core: new k8s.CoreV1Api(configuration),
    apps: new k8s.AppsV1Api(configuration),
    networking: new k8s.NetworkingV1Api(configuration),
    version: new k8s.VersionApi(configuration),
    options: (signal) => ({
      middleware: [
        {
          pre(request) {
            request.setSignal(signal);
            return passThrough(request);
          },
          post: passThrough,
        },
      ],
      middlewareMergeStrategy: 'append',
    }),
  };
}

/**
 * client-node throws a 401 without the server's Status (its message is just "HTTP-Code: 401"),
 * so the report would say nothing useful; this gives the classifier the Status servers send.
 */
export function withUnauthorizedStatus(error: unknown): unknown {
  const failure = error as { code?: unknown; body?: unknown } | null;
  if (failure?.code !== 401 || failure.body !== undefined) return error;
  return Object.assign(new Error('Unauthorized: the server refused the credentials'), {
    code: 401,
    body: {
      kind: 'Status',
      reason: 'Unauthorized',
      message: 'Unauthorized: the server refused the credentials',
    },
    cause: error,
  });
}
