/**
 * One million resources: the simulator starts in seconds, serves deep pages and streams the whole
 * truth without holding the inventory (its RSS is measured and must stay small).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { describe, test } from 'node:test';
import { spawnSim } from './process.ts';

/** Resident set size of a process in MiB, from /proc (Linux). */
async function rssMiB(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kb = status?.match(/VmRSS:\s+(\d+) kB/)?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}

function kubeGet(url: string, token: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('scale', () => {
  test('1,000,000 resources: start-up in seconds, deep pages, full truth, bounded RSS', async (t) => {
    const started = performance.now();
    const sim = await spawnSim(t, ['--resources', '1000000', '--seed', '1']);
    const startupMs = performance.now() - started;
    assert.ok(startupMs < 10_000, `started in ${startupMs} ms`);
    const pid = sim.child.pid as number;
    const rssAtStart = await rssMiB(pid);

    const kubeconfig = await readFile(sim.info.kubeconfig as string, 'utf8');
    const token = kubeconfig.match(/token: (\S+)/)?.[1] as string;
    const ca = Buffer.from(
      kubeconfig.match(/certificate-authority-data: (\S+)/)?.[1] as string,
      'base64',
    ).toString();
    let pods = 0;
    let cont: string | undefined;
    const pagesStarted = performance.now();
    do {
      const page = await kubeGet(
        `${sim.info.kubernetes}/api/v1/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`,
        token,
        ca,
      );
      assert.equal(page.status, 200);
      const list = JSON.parse(page.body) as { items: unknown[]; metadata: { continue?: string } };
      pods += list.items.length;
      cont = list.metadata.continue;
    } while (cont);
    const pagesMs = performance.now() - pagesStarted;

    const truthStarted = performance.now();
    const response = await fetch(sim.info.truth as string);
    let lines = 0;
    let podLines = 0;
    let rest = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const text = rest + Buffer.from(chunk).toString();
      const parts = text.split('\n');
      rest = parts.pop() as string;
      lines += parts.length;
      for (const line of parts)
        if (line.includes('"kubernetes_pod"') && line.includes('"prod-eu"')) podLines++;
    }
    const truthMs = performance.now() - truthStarted;
    const rssAfter = await rssMiB(pid);
    t.diagnostic(
      `startup ${startupMs.toFixed(0)} ms; RSS ${rssAtStart?.toFixed(0)} MiB at start, ${rssAfter?.toFixed(0)} MiB after paging ${pods} pods (${pagesMs.toFixed(0)} ms) and streaming ${lines} truth lines (${truthMs.toFixed(0)} ms)`,
    );
    assert.equal(lines, 1_000_000);
    assert.equal(pods, podLines, "the first context's pods, paged, match its truth");
    if (rssAfter !== undefined) assert.ok(rssAfter < 400, `RSS ${rssAfter} MiB`);
    assert.equal(await sim.stop(), 0);
  });
});
