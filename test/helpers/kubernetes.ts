/**
 * Helpers of the Kubernetes collector's tests against the simulator: truth per cluster, variants
 * of the simulator's kubeconfig, the secret material the simulator serves, and a TLS proxy that
 * answers 403 for chosen paths (RBAC that forbids a cluster-wide list but not every namespace).
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { Simulator } from '../../sim/index.ts';
import type { Resource } from '../../src/core/resource.ts';
import { readTruth } from '../sim/helpers.ts';

/** `uid type` lines, sorted: what a scan must equal. */
export function uidTypes(resources: readonly { uid: string; type: string }[]): string[] {
  return resources.map((r) => `${r.uid} ${r.type}`).sort();
}

/** The truth's Kubernetes resources, optionally of one cluster, as `uid type` lines. */
export async function kubernetesTruth(sim: Simulator, cluster?: string): Promise<string[]> {
  return uidTypes(
    await readTruth(sim.truth, { provider: 'kubernetes', ...(cluster ? { account: cluster } : {}) }),
  );
}

/** Resources by type, as the snapshot's provider result counts them. */
export function countsByType(lines: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    const type = line.slice(line.lastIndexOf(' ') + 1);
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** The cluster (account) a context of the simulator's kubeconfig names. */
export function clusterOf(sim: Simulator, context: string): string {
  const kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfig);
  return kc.getContextObject(context)?.cluster as string;
}

/** A kubeconfig as YAML gives it. */
export interface KubeconfigDoc {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
  'current-context'?: string;
}

/** Writes a copy of the simulator's kubeconfig, changed by `edit`, to `path`. */
export async function kubeconfigCopy(
  sim: Simulator,
  path: string,
  edit: (doc: KubeconfigDoc) => void,
): Promise<string> {
  const doc = parseYaml(await readFile(sim.kubeconfig, 'utf8')) as KubeconfigDoc;
  edit(doc);
  await writeFile(path, stringifyYaml(doc));
  return path;
}

/** Adds a context `name` on a cluster of its own at `server`, with the first context's user. */
export function addContext(doc: KubeconfigDoc, name: string, server: string): void {
  doc.clusters.push({ name: `${name}-cluster`, cluster: { server, 'insecure-skip-tls-verify': true } });
  doc.contexts.push({
    name,
    context: { cluster: `${name}-cluster`, user: doc.contexts[0]?.context.user as string },
  });
}

/**
 * The secret material the simulator serves, read with client-node directly: Secret values (as
 * served, base64, and decoded) and container env literals. Short values ("app", "info") also
 * appear in ordinary text, so only values of at least 8 characters are returned.
 */
export async function secretMaterial(sim: Simulator, context: string): Promise<string[]> {
  const kc = new KubeConfig();
  kc.loadFromFile(sim.kubeconfig);
  kc.setCurrentContext(context);
  const core = kc.makeApiClient(CoreV1Api);
  const values = new Set<string>();
  for (const secret of (await core.listSecretForAllNamespaces()).items) {
    for (const value of Object.values(secret.data ?? {})) {
      values.add(value);
      values.add(Buffer.from(value, 'base64').toString('utf8'));
    }
  }
  for (const pod of (await core.listPodForAllNamespaces()).items) {
    for (const container of pod.spec?.containers ?? []) {
      for (const env of container.env ?? []) if (env.value) values.add(env.value);
    }
  }
  return [...values].filter((value) => value.length >= 8);
}

/** A running proxy in front of the simulator's API server. */
export interface Proxy {
  readonly url: string;
  close(): Promise<void>;
}

const tlsFile = (name: string) =>
  readFileSync(new URL(`../../sim/kubernetes/tls/${name}`, import.meta.url), 'utf8');

/**
 * Starts an HTTPS proxy to the simulator's Kubernetes API (same test certificate, so the
 * kubeconfig's CA trusts it) that answers `403 Forbidden` where `forbid(path)` is true.
 */
export async function forbiddingProxy(sim: Simulator, forbid: (path: string) => boolean): Promise<Proxy> {
  const ca = tlsFile('ca.crt');
  const server = https.createServer(
    { cert: tlsFile('server.crt'), key: tlsFile('server.key') },
    (request, response) => {
      const path = (request.url ?? '/').split('?')[0] as string;
      if (forbid(path)) {
        response.writeHead(403, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            reason: 'Forbidden',
            code: 403,
            message: `${path} is forbidden`,
          }),
        );
        return;
      }
      const upstream = https.request(
        new URL(request.url ?? '/', sim.kubernetes),
        { method: request.method, headers: request.headers, ca },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The resources of a snapshot's JSON text. */
export function resourcesOf(json: string): Resource[] {
  return (JSON.parse(json) as { resources: Resource[] }).resources;
}
