/**
 * client-node's HTTP transport replaced by one on the scan's shared keep-alive agents.
 *
 * Why: client-node 2.0.1 sends through undici's `fetch` and, in `applySecurityAuthentication`,
 * builds a new undici `Agent` for every request, so no connection is ever reused (each request
 * pays a TCP and TLS handshake) and Node's `http.Agent`s cannot be handed to it. This transport
 * sends each request with `node:https` on `ctx.net.pool.https`, so connections are reused across
 * kinds, pages and contexts, counted in the pool's stats, and the pool's proxy settings apply.
 * TLS material and credentials still come from client-node's `KubeConfig`, per request, so
 * exec-plugin and token-file credentials refresh as they do in client-node.
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig, PromiseHttpLibrary, ResponseContext } from '@kubernetes/client-node';
import type { ConnectionPool } from '../../net/connection-pool.ts';
import type { ClientNode } from './client-node.ts';

export interface TransportOptions {
  /** The context's configuration: server, TLS material, credentials. */
  readonly kubeConfig: KubeConfig;
  readonly pool: ConnectionPool;
  /** An attempt whose connection stays silent this long fails as `ETIMEDOUT` (retried). */
  readonly idleTimeoutMs: number;
}

/** The TLS options of `https.request` that a kubeconfig sets. */
const TLS_OPTIONS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** One request and its whole answer. */
function exchange(url: URL, options: https.RequestOptions, idleTimeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'http:' ? http : https).request(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: flatHeaders(response.headers),
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.setTimeout(idleTimeoutMs, () =>
      request.destroy(
        Object.assign(new Error(`no answer from ${url.host} in ${idleTimeoutMs} ms`), { code: 'ETIMEDOUT' }),
      ),
    );
    request.on('error', reject);
    request.end();
  });
}

/** A client-node HTTP library sending on the shared pool. */
export function pooledTransport(k8s: ClientNode, options: TransportOptions): PromiseHttpLibrary {
  const { kubeConfig, pool } = options;
  const proxied = Boolean(kubeConfig.getCurrentCluster()?.proxyUrl);
  return {
    async send(request): Promise<ResponseContext> {
      // Credentials and TLS material, fresh per request (exec and token-file credentials expire).
      const auth: https.RequestOptions = {};
      await kubeConfig.applyToHTTPSOptions(auth);
      const url = new URL(request.getUrl());
      const tls: https.RequestOptions = {};
      for (const key of TLS_OPTIONS) if (auth[key] !== undefined) Object.assign(tls, { [key]: auth[key] });
      const signal = request.getSignal();
      const answer = await exchange(
        url,
        {
          ...tls,
          method: request.getHttpMethod(),
          headers: { ...request.getHeaders(), ...(auth.headers as Record<string, string> | undefined) },
          ...(auth.auth ? { auth: auth.auth } : {}),
          // A kubeconfig `proxy-url` needs client-node's own proxy agent; everything else shares the pool.
          agent: proxied ? auth.agent : url.protocol === 'http:' ? pool.http : pool.https,
          ...(signal ? { signal } : {}),
        },
        options.idleTimeoutMs,
      );
      return new k8s.ResponseContext(
        answer.status,
        answer.headers,
        new k8s.SelfDecodingBody(Promise.resolve(answer.body)),
      );
    },
  };
}
