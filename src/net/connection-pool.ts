/**
 * The connection pool of a scan: one keep-alive HTTP agent and one HTTPS agent shared by every
 * SDK client, so connections to an endpoint are reused across APIs, regions and providers.
 * Node's agents pool per origin (host and port), which gives one pool per endpoint. Proxies
 * (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`) use Node's built-in support; `NODE_EXTRA_CA_CERTS` is
 * read by Node itself and `AWS_CA_BUNDLE` is added to the trusted CAs here, for requests that do
 * not name their own CA (a kubeconfig names its cluster's).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { ConfigError } from '../core/errors.ts';

/** Figures of the pool: the spec's "connection reuse". */
export interface ConnectionPoolStats {
  /** Sockets the pool has opened since it was created. */
  readonly socketsOpened: number;
  /** Requests sent (each attempt counts). */
  readonly requests: number;
  /** Sockets open now, in use or idle. */
  readonly openSockets: number;
}

export interface ConnectionPoolOptions {
  /** Sockets per origin at most. @default 64 */
  readonly maxSocketsPerOrigin?: number;
  /** Where proxy and CA variables are read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

type Counter = { opened: number };

type ConnectOptions = { readonly ca?: unknown };

/**
 * Counts the sockets `agent` opens. `defaultCa`, when given, is the trust store of connections
 * whose request names no CA of its own: Node lets an agent's options override a request's, so a
 * `ca` given to the agent would replace the CA a client sets per request (a kubeconfig's cluster
 * CA).
 */
function countingAgent<T extends http.Agent>(agent: T, counter: Counter, defaultCa?: readonly string[]): T {
  const create = agent.createConnection.bind(agent) as (
    options: ConnectOptions,
    callback?: (error: Error | null, socket: Duplex) => void,
  ) => Duplex;
  agent.createConnection = ((
    options: ConnectOptions,
    callback?: (error: Error | null, socket: Duplex) => void,
  ) => {
    counter.opened++;
    return create(defaultCa && !options.ca ? { ...options, ca: defaultCa } : options, callback);
  }) as typeof agent.createConnection;
  return agent;
}

function proxyEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv | undefined {
  const keys = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
  return keys.some((key) => env[key]) ? env : undefined;
}

/** The CAs Node trusts by default, `NODE_EXTRA_CA_CERTS` included (Node 22.15+; else its bundled roots). */
function defaultCertificates(): readonly string[] {
  return typeof tls.getCACertificates === 'function'
    ? tls.getCACertificates('default')
    : tls.rootCertificates;
}

function extraCertificates(env: NodeJS.ProcessEnv): string[] | undefined {
  const bundle = env.AWS_CA_BUNDLE;
  if (!bundle) return undefined;
  try {
    return [...defaultCertificates(), readFileSync(bundle, 'utf8')];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`AWS_CA_BUNDLE ${bundle}: cannot read (${code})`, { file: bundle });
  }
}

/** Node publishes every outgoing http(s) request here; the pool counts those on its agents. */
const REQUEST_CHANNEL = 'http.client.request.start';

export class ConnectionPool {
  readonly http: http.Agent;
  readonly https: https.Agent;
  readonly #opened: Counter = { opened: 0 };
  #requests = 0;
  readonly #onRequest = (message: unknown) => {
    const agent = (message as { request?: { agent?: unknown } }).request?.agent;
    if (agent === this.http || agent === this.https) this.#requests++;
  };

  constructor(options: ConnectionPoolOptions = {}) {
    const env = options.env ?? process.env;
    const common = {
      keepAlive: true,
      maxSockets: options.maxSocketsPerOrigin ?? 64,
      scheduling: 'lifo' as const,
      ...(proxyEnv(env) ? { proxyEnv: proxyEnv(env) } : {}),
    };
    const ca = extraCertificates(env);
    this.http = countingAgent(new http.Agent(common), this.#opened);
    this.https = countingAgent(new https.Agent(common), this.#opened, ca);
    subscribe(REQUEST_CHANNEL, this.#onRequest);
  }

  stats(): ConnectionPoolStats {
    const count = (sockets: NodeJS.ReadOnlyDict<unknown[]>) =>
      Object.values(sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);
    return {
      socketsOpened: this.#opened.opened,
      requests: this.#requests,
      openSockets:
        count(this.http.sockets) +
        count(this.http.freeSockets) +
        count(this.https.sockets) +
        count(this.https.freeSockets),
    };
  }

  /** Closes every socket and stops counting. */
  destroy(): void {
    unsubscribe(REQUEST_CHANNEL, this.#onRequest);
    this.http.destroy();
    this.https.destroy();
  }
}
