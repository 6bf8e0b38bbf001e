/**
 * The local cloud simulator: AWS, GCP and Kubernetes wire protocols over one deterministic,
 * lazily generated inventory, with the ground truth beside them. `startSimulator` is what tests
 * use; `main.ts` wraps it for `npm run sim`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsConfigFile, awsCredentialsFile } from './aws/files.ts';
import { type AwsCredential, awsFrontend } from './aws/frontend.ts';
import { controlHandler } from './control.ts';
import { GcpAuth } from './gcp/auth.ts';
import { serviceAccountKey } from './gcp/files.ts';
import { gcpFrontend, TOKEN_PATH } from './gcp/frontend.ts';
import { Knobs } from './http/knobs.ts';
import { type Listener, listen } from './http/server.ts';
import { Stats } from './http/stats.ts';
import { Inventory } from './inventory/inventory.ts';
import { kubeconfig } from './kubernetes/files.ts';
import { kubernetesFrontend, Revisions } from './kubernetes/frontend.ts';
import { buildLayout } from './layout.ts';
import { type SimulatorOptions, validateOptions } from './options.ts';
import { validateProfile } from './profile.ts';

export type { SimulatorOptions } from './options.ts';
export type { Profile } from './profile.ts';

/** The start-up line of CONTRACT.md section 5. */
export interface SimulatorInfo {
  readonly aws: string;
  readonly gcp: string;
  readonly kubernetes: string;
  readonly truth: string;
  readonly stats: string;
  readonly awsConfigFile: string;
  readonly awsCredentialsFile: string;
  readonly awsProfiles: string[];
  readonly awsRegions: string[];
  readonly gcpCredentials: string;
  readonly gcpProjects: string[];
  readonly kubeconfig: string;
  readonly kubeContexts: string[];
}

/** A running simulator. */
export interface Simulator extends SimulatorInfo {
  /** The inventory's resource count by type. */
  readonly counts: Record<string, number>;
  /** Makes every Kubernetes continue token issued so far expired (410 Gone). */
  expireContinueTokens(): void;
  /** Stops every listener (hung requests included) and removes the temporary folder. */
  close(): Promise<void>;
}

/** Starts the simulator; resolves once every endpoint listens and the client files exist. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  validateOptions(options);
  const base = validateProfile(options.profile ?? {});
  const profile =
    options.latencyMs === undefined ? base : { ...base, latency: { fixedMs: options.latencyMs } };
  const seed = options.seed ?? 1;
  const layout = buildLayout(profile.layout);
  const inventory = new Inventory(layout, seed, options.resources);
  const knobs = new Knobs(profile, seed);
  const stats = new Stats();
  const revisions = new Revisions();
  const credentials: AwsCredential[] = layout.awsAccounts.map((a) => ({
    account: a.id,
    accessKeyId: a.accessKeyId,
    secretAccessKey: randomBytes(30).toString('base64'),
  }));
  const gcpAuth = new GcpAuth(layout.gcpProjects[0] as string);
  const kubeTokens = new Map(
    layout.clusters.map((c) => [`sim-${c.name}-${randomBytes(16).toString('hex')}`, c.name]),
  );
  const port = (offset: number) => (options.port ? options.port + offset : 0);

  const tlsFile = (name: string) => readFile(new URL(`./kubernetes/tls/${name}`, import.meta.url), 'utf8');
  const kubeTls = { cert: await tlsFile('server.crt'), key: await tlsFile('server.key') };
  const kubeCa = await tlsFile('ca.crt');

  const listeners: Listener[] = [];
  const deps = { knobs, stats };
  try {
    listeners.push(await listen(awsFrontend(inventory, knobs, credentials), deps, port(0)));
    listeners.push(await listen(gcpFrontend(inventory, knobs, gcpAuth), deps, port(1)));
    listeners.push(
      await listen(kubernetesFrontend(inventory, knobs, kubeTokens, revisions), deps, port(2), kubeTls),
    );
  } catch (error) {
    await Promise.all(listeners.map((l) => l.close()));
    throw error;
  }
  const [aws, gcp, kubernetes] = listeners.map((l) => l.url) as [string, string, string];

  const control = createServer(
    controlHandler(inventory, stats, { expireContinueTokens: () => revisions.expireAll() }),
  );
  await new Promise<void>((resolve, reject) => {
    control.once('error', reject);
    control.listen(port(3), '127.0.0.1', () => resolve());
  });
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'wgo-sim-')));
  await mkdir(dir, { recursive: true });
  const files = {
    awsConfigFile: join(dir, 'aws-config'),
    awsCredentialsFile: join(dir, 'aws-credentials'),
    gcpCredentials: join(dir, 'gcp-service-account.json'),
    kubeconfig: join(dir, 'kubeconfig.yaml'),
  };
  await writeFile(files.awsConfigFile, awsConfigFile(layout, aws));
  await writeFile(files.awsCredentialsFile, awsCredentialsFile(layout, credentials), { mode: 0o600 });
  await writeFile(
    files.gcpCredentials,
    serviceAccountKey(gcpAuth, layout.gcpProjects[0] as string, `${gcp}${TOKEN_PATH}`),
    { mode: 0o600 },
  );
  await writeFile(files.kubeconfig, kubeconfig(layout, kubernetes, kubeTokens, kubeCa), { mode: 0o600 });

  return {
    aws,
    gcp,
    kubernetes,
    truth: `${controlUrl}/truth`,
    stats: `${controlUrl}/stats`,
    ...files,
    awsProfiles: layout.awsAccounts.map((a) => a.profile),
    awsRegions: [...layout.awsRegions],
    gcpProjects: [...layout.gcpProjects],
    kubeContexts: layout.clusters.map((c) => c.context),
    counts: inventory.countsByType(),
    expireContinueTokens: () => revisions.expireAll(),
    async close() {
      await Promise.all([
        ...listeners.map((l) => l.close()),
        new Promise<void>((resolve) => {
          control.close(() => resolve());
          control.closeAllConnections();
        }),
      ]);
      if (ownDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The start-up line's fields of a running simulator (what `npm run sim` prints). */
export function infoOf(sim: Simulator): SimulatorInfo {
  const { counts: _counts, expireContinueTokens: _expire, close: _close, ...info } = sim;
  return info;
}
