/**
 * Measures the simulator on its own: start-up time and RSS at a given size, then requests per
 * second and items per second for large pages of each protocol, with keep-alive clients.
 * `node bench/sim-throughput.ts [resources] [requests] [concurrency]`; prints one JSON object.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { fileURLToPath } from 'node:url';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GoogleAuth } from 'google-auth-library';

const [resources = 1_000_000, requests = 400, concurrency = 8] = process.argv.slice(2).map(Number);

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1]) / 1024;
}

/** Runs `count` calls of `call` with `concurrency` in flight; returns calls per second. */
async function rate(
  count: number,
  call: () => Promise<number>,
): Promise<{ perSecond: number; itemsPerSecond: number }> {
  let next = 0;
  let items = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const n = await call();
        items += n;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: Math.round(count / seconds), itemsPerSecond: Math.round(items / seconds) };
}

function get(url: string, headers: Record<string, string>, agent: HttpAgent, ca?: string): Promise<string> {
  const send = url.startsWith('https') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    send(url, { headers, agent, ...(ca ? { ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString()));
    })
      .on('error', reject)
      .end();
  });
}

const started = performance.now();
const child = spawn(process.execPath, [
  fileURLToPath(new URL('../sim/main.ts', import.meta.url)),
  '--resources',
  String(resources),
]);
const line = await new Promise<string>((resolve) => {
  let out = '';
  child.stdout.on('data', (c) => {
    out += c;
    if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
  });
});
const startupMs = Math.round(performance.now() - started);
const info = JSON.parse(line) as Record<string, string & string[]>;
const rssAtStart = await rssMiB(child.pid as number);
try {
  const project = (info.gcpProjects as string[])[0] as string;
  const gcpClient = await new GoogleAuth({ keyFile: info.gcpCredentials }).getClient();
  const gcpUrl = `${info.gcp}/compute/v1/projects/${project}/aggregated/instances?maxResults=500`;
  const gcpHeaders = Object.fromEntries((await gcpClient.getRequestHeaders(gcpUrl)).entries());
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: concurrency });
  const gcp = await rate(requests, async () => {
    const body = JSON.parse(await get(gcpUrl, gcpHeaders, httpAgent)) as {
      items: Record<string, { instances?: unknown[] }>;
    };
    return Object.values(body.items).reduce((n, s) => n + (s.instances?.length ?? 0), 0);
  });
  const smallUrl = `${info.gcp}/compute/v1/projects/${project}/global/networks?maxResults=1`;
  const small = await rate(requests * 5, async () => {
    await get(
      smallUrl,
      Object.fromEntries((await gcpClient.getRequestHeaders(smallUrl)).entries()),
      httpAgent,
    );
    return 1;
  });
  const kubeconfig = await readFile(info.kubeconfig as string, 'utf8');
  const token = kubeconfig.match(/token: (\S+)/)?.[1] as string;
  const ca = Buffer.from(
    kubeconfig.match(/certificate-authority-data: (\S+)/)?.[1] as string,
    'base64',
  ).toString();
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: concurrency, ca });
  const kube = await rate(requests, async () => {
    const body = JSON.parse(
      await get(
        `${info.kubernetes}/api/v1/namespaces/checkout/pods?limit=500`,
        { authorization: `Bearer ${token}` },
        httpsAgent,
        ca,
      ),
    ) as { items: unknown[] };
    return body.items.length;
  });
  process.env.AWS_CONFIG_FILE = info.awsConfigFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = info.awsCredentialsFile;
  const ec2 = new EC2Client({ profile: (info.awsProfiles as string[])[0] as string });
  const aws = await rate(
    requests,
    async () =>
      (await ec2.send(new DescribeInstancesCommand({ MaxResults: 1000 }))).Reservations?.length ?? 0,
  );
  const result = {
    resources,
    concurrency,
    startupMs,
    rssMiB: { atStart: Math.round(rssAtStart), afterLoad: Math.round(await rssMiB(child.pid as number)) },
    gcpAggregatedInstances500: gcp,
    gcpSmallPage: small,
    kubernetesPods500: kube,
    ec2DescribeInstances1000: aws,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  child.kill('SIGTERM');
}
