import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { rootCertificates } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigError } from '../../../src/core/errors.ts';
import { ConnectionPool } from '../../../src/net/connection-pool.ts';

async function get(url: string, agent: http.Agent): Promise<string> {
  const request = http.get(url, { agent });
  const [response] = (await once(request, 'response')) as [http.IncomingMessage];
  let body = '';
  for await (const chunk of response) body += chunk;
  return body;
}

test('ConnectionPool - keep-alive: many requests to one endpoint reuse few sockets, and are counted', async () => {
  const server = http.createServer((_request, response) => response.end('ok'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const pool = new ConnectionPool({ env: {} });
  try {
    for (let i = 0; i < 20; i++) assert.equal(await get(url, pool.http), 'ok');
    await Promise.all(Array.from({ length: 4 }, () => get(url, pool.http)));
    const stats = pool.stats();
    assert.equal(stats.requests, 24);
    assert.ok(stats.socketsOpened <= 4, `opened ${stats.socketsOpened} sockets for 24 requests`);
    assert.ok(stats.openSockets >= 1);
    await get(url, new http.Agent());
    assert.equal(pool.stats().requests, 24, 'requests on other agents are not counted');
  } finally {
    pool.destroy();
    server.close();
  }
});

test('ConnectionPool - HTTP_PROXY routes requests through the proxy, NO_PROXY bypasses it', async () => {
  const seen: string[] = [];
  const proxy = http.createServer((request, response) => {
    seen.push(request.url ?? '');
    response.end('via proxy');
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const direct = http.createServer((_request, response) => response.end('direct'));
  direct.listen(0, '127.0.0.1');
  await once(direct, 'listening');
  const directUrl = `http://127.0.0.1:${(direct.address() as AddressInfo).port}/`;
  const pool = new ConnectionPool({ env: { HTTP_PROXY: proxyUrl, NO_PROXY: 'localhost,127.0.0.1' } });
  try {
    assert.equal(await get('http://service.invalid/list', pool.http), 'via proxy');
    assert.equal(await get(directUrl, pool.http), 'direct');
    assert.deepEqual(seen, ['http://service.invalid/list']);
  } finally {
    pool.destroy();
    proxy.close();
    direct.close();
  }
});

test('ConnectionPool - an unreadable AWS_CA_BUNDLE is a configuration error naming the file', () => {
  assert.throws(
    () => new ConnectionPool({ env: { AWS_CA_BUNDLE: '/nonexistent/ca.pem' } }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /AWS_CA_BUNDLE \/nonexistent\/ca\.pem: cannot read \(ENOENT\)/.test(error.message),
  );
});

test("ConnectionPool - AWS_CA_BUNDLE trusts servers for requests without a CA; a request's own CA wins", async () => {
  const tls = (name: string) =>
    readFileSync(new URL(`../../../sim/kubernetes/tls/${name}`, import.meta.url), 'utf8');
  const server = https.createServer(
    { cert: tls('server.crt'), key: tls('server.key') },
    (_request, response) => response.end('ok'),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const dir = await mkdtemp(join(tmpdir(), 'wgo-pool-'));
  const fetchWith = async (pool: ConnectionPool, ca?: string) => {
    const request = https.get(url, { agent: pool.https, ...(ca ? { ca } : {}) });
    const [response] = (await once(request, 'response')) as [http.IncomingMessage];
    response.resume();
    return response.statusCode;
  };
  try {
    await writeFile(join(dir, 'sim-ca.pem'), tls('ca.crt'));
    await writeFile(join(dir, 'other-ca.pem'), rootCertificates[0] as string);
    const trusting = new ConnectionPool({ env: { AWS_CA_BUNDLE: join(dir, 'sim-ca.pem') } });
    const other = new ConnectionPool({ env: { AWS_CA_BUNDLE: join(dir, 'other-ca.pem') } });
    try {
      assert.equal(await fetchWith(trusting), 200, 'the bundle is trusted');
      await assert.rejects(fetchWith(other), /certificate/, 'an unrelated bundle is not enough');
      assert.equal(await fetchWith(other, tls('ca.crt')), 200, "the request's own CA is used");
    } finally {
      trusting.destroy();
      other.destroy();
    }
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('ConnectionPool - NODE_EXTRA_CA_CERTS stays trusted when AWS_CA_BUNDLE is set too', async () => {
  const tls = (name: string) =>
    fileURLToPath(new URL(`../../../sim/kubernetes/tls/${name}`, import.meta.url));
  const server = https.createServer(
    { cert: readFileSync(tls('server.crt')), key: readFileSync(tls('server.key')) },
    (_request, response) => response.end('ok'),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const dir = await mkdtemp(join(tmpdir(), 'wgo-pool-'));
  try {
    await writeFile(join(dir, 'other-ca.pem'), rootCertificates[0] as string);
    const pool = fileURLToPath(new URL('../../../src/net/connection-pool.ts', import.meta.url));
    const script = `import https from 'node:https';
import { ConnectionPool } from ${JSON.stringify(pool)};
const pool = new ConnectionPool({ env: process.env });
https.get(${JSON.stringify(url)}, { agent: pool.https }, (response) => {
  process.stdout.write(String(response.statusCode));
  response.resume();
  pool.destroy();
}).on('error', (error) => { process.stdout.write(error.message); pool.destroy(); });
`;
    await writeFile(join(dir, 'probe.ts'), script);
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'probe.ts')], {
      env: {
        PATH: process.env.PATH,
        NODE_EXTRA_CA_CERTS: tls('ca.crt'),
        AWS_CA_BUNDLE: join(dir, 'other-ca.pem'),
      },
    });
    assert.equal(stdout, '200');
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
