/**
 * One HTTP listener per front end, all sharing the same pipeline: resolve the call, then deny,
 * throttle, inject faults, wait the latency, answer, and count.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Knobs } from './knobs.ts';
import type { Outcome, Stats } from './stats.ts';
import type { Call, Frontend, SimRequest, SimResponse } from './types.ts';

/** What the pipeline needs besides the front end. */
export interface PipelineDeps {
  readonly knobs: Knobs;
  readonly stats: Stats;
}

/** A started listener. */
export interface Listener {
  readonly url: string;
  close(): Promise<void>;
}

/** Reads a request into a `SimRequest`. */
export async function readRequest(req: IncomingMessage): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const rawQuery = q === -1 ? '' : target.slice(q + 1);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  return {
    method: req.method ?? 'GET',
    rawPath,
    rawQuery,
    path,
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
    body: Buffer.concat(chunks),
  };
}

/** Writes a response. */
export function writeResponse(res: ServerResponse, response: SimResponse): void {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  res.end(body);
}

function delay(ms: number): Promise<void> | undefined {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
}

function isCall(value: Call | SimResponse): value is Call {
  return 'serve' in value;
}

function outcomeOf(status: number): Outcome {
  return status < 400 ? 'served' : 'failed';
}

/** A server certificate and key, PEM. */
export interface TlsFiles {
  readonly cert: string;
  readonly key: string;
}

/**
 * Starts a listener for a front end on `port` (0: any free port) of 127.0.0.1, over TLS when
 * `tls` is given (kubectl sends bearer tokens only over TLS).
 */
export async function listen(
  frontend: Frontend,
  deps: PipelineDeps,
  port: number,
  tls?: TlsFiles,
): Promise<Listener> {
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(frontend, deps, req, res).catch((error: unknown) => {
      process.stderr.write(
        `sim: ${frontend.provider}: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      if (!res.headersSent)
        writeResponse(res, { status: 500, headers: {}, body: 'internal simulator error' });
    });
  };
  const server: Server = tls
    ? createTlsServer({ keepAliveTimeout: 65_000, cert: tls.cert, key: tls.key }, onRequest)
    : createServer({ keepAliveTimeout: 65_000 }, onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  frontend: Frontend,
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const request = await readRequest(req);
  const resolved = frontend.resolve(request);
  const { knobs, stats } = deps;
  if (!isCall(resolved)) {
    await delay(knobs.latencyMs(frontend.provider));
    stats.record(frontend.provider, undefined, outcomeOf(resolved.status));
    writeResponse(res, resolved);
    return;
  }
  const { site } = resolved;
  let response: SimResponse;
  let outcome: Outcome;
  const reason = knobs.denied(site);
  const fault = reason ? undefined : knobs.admit(site) ? knobs.fault(site) : 'throttled';
  if (reason) {
    response = resolved.errors.denied(reason);
    outcome = 'failed';
  } else if (fault === 'throttled') {
    response = resolved.errors.throttled();
    outcome = 'throttled';
  } else if (fault === 'reset' || fault === 'hang') {
    stats.record(frontend.provider, site, 'failed');
    // A hung request is left open: the client's timeout (or the simulator's close) ends it.
    if (fault === 'reset') req.socket.destroy();
    return;
  } else if (fault === 'error') {
    response = resolved.errors.unavailable();
    outcome = 'failed';
  } else {
    response = resolved.serve();
    outcome = outcomeOf(response.status);
  }
  await delay(knobs.latencyMs(site.provider));
  stats.record(frontend.provider, site, outcome);
  writeResponse(res, response);
}
