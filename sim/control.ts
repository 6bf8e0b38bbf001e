/** The simulator's own endpoints: `/truth` (NDJSON), `/stats` (JSON) and test controls. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Stats } from './http/stats.ts';
import type { Inventory } from './inventory/inventory.ts';
import { truthRecords } from './truth.ts';

/** Test controls that change the simulator's state. */
export interface Controls {
  /** Makes every Kubernetes continue token issued so far expired (410 Gone). */
  expireContinueTokens(): void;
}

/** Streams the truth into a response, honouring back-pressure. */
async function streamTruth(inventory: Inventory, query: URLSearchParams, res: ServerResponse): Promise<void> {
  const provider = query.get('provider') ?? undefined;
  const account = query.get('account') ?? undefined;
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  let chunk = '';
  for (const record of truthRecords(inventory, {
    ...(provider ? { provider } : {}),
    ...(account ? { account } : {}),
  })) {
    chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length >= 65_536) {
      const flushed = res.write(chunk);
      chunk = '';
      if (!flushed) await new Promise((resolve) => res.once('drain', resolve));
    }
  }
  res.end(chunk);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** The control server's request handler. */
export function controlHandler(inventory: Inventory, stats: Stats, controls: Controls) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (url.pathname === '/truth') return streamTruth(inventory, url.searchParams, res);
    if (url.pathname === '/stats') return sendJson(res, 200, stats.report());
    if (url.pathname === '/counts') return sendJson(res, 200, inventory.countsByType());
    if (url.pathname === '/kubernetes/expire-continue-tokens' && req.method === 'POST') {
      controls.expireContinueTokens();
      return sendJson(res, 200, { expired: true });
    }
    sendJson(res, 404, { error: `no such endpoint ${url.pathname}` });
  };
}
