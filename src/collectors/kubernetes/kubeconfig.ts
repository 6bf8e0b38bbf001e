/**
 * Finding and reading kubeconfigs as kubectl does: `--kubeconfig FILE`; else the files that
 * `KUBECONFIG` lists (a path list; missing files are skipped; the first file to define a cluster,
 * user or context by name wins, and the first current-context wins); else `~/.kube/config`; else,
 * inside a pod, the pod's service account. A file that cannot be read or parsed makes the whole
 * configuration unusable: a `ConfigError` whose one-line message names the file and the problem
 * (never the text around it, which may hold a token).
 */
import { access, readFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import type { Cluster, Context, KubeConfig, User } from '@kubernetes/client-node';
import { ConfigError, describeError, ProviderSkipped } from '../../core/errors.ts';
import { clientNode } from './client-node.ts';

/** Where kubeconfigs are looked for besides `--kubeconfig`. */
export interface KubeconfigPlaces {
  /** Read for `KUBECONFIG`, `HOME` and `KUBERNETES_SERVICE_HOST`/`_PORT`. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Prefixed to the service account's paths (`/var/run/secrets/kubernetes.io/serviceaccount`).
   * @default '' (the real paths)
   */
  readonly serviceAccountRoot?: string;
}

/** A kubeconfig, merged from its files. */
export interface LoadedKubeconfig {
  /** Where it came from, for messages: `kubeconfig FILE`, `KUBECONFIG a:b`, `in-cluster service account`. */
  readonly origin: string;
  readonly clusters: readonly Cluster[];
  readonly users: readonly User[];
  readonly contexts: readonly Context[];
  readonly currentContext: string | undefined;
  /** A client-node `KubeConfig` of these entries whose current context is `context`. */
  kubeConfigFor(context: string): KubeConfig;
}

/** The token file whose presence says we run in a pod (client-go's rule). */
const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** "`:4:11`: invalid YAML: bad indentation" from js-yaml's error, without its excerpt of the file. */
function parseProblem(error: unknown): string {
  const yaml = error as { name?: unknown; reason?: unknown; mark?: { line?: unknown; column?: unknown } };
  if (yaml.name === 'YAMLException' && typeof yaml.mark?.line === 'number') {
    return `:${yaml.mark.line + 1}:${Number(yaml.mark.column) + 1}: invalid YAML: ${String(yaml.reason)}`;
  }
  return `: ${describeError(error)}`;
}

/** Reads one kubeconfig file into client-node's form, with relative paths made absolute. */
async function readKubeconfig(file: string): Promise<KubeConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? describeError(error);
    throw new ConfigError(`kubeconfig ${file}: cannot read (${code})`, { file });
  }
  const { KubeConfig } = await clientNode();
  const kc = new KubeConfig();
  if (text.trim() === '') return kc;
  try {
    kc.loadFromString(text);
  } catch (error) {
    throw new ConfigError(`kubeconfig ${file}${parseProblem(error)}`, { file });
  }
  kc.makePathsAbsolute(dirname(file));
  return kc;
}

/** The first entry of each name, in file order (kubectl's merge rule). */
function firstByName<T extends { readonly name: string }>(lists: readonly (readonly T[])[]): T[] {
  const byName = new Map<string, T>();
  for (const list of lists)
    for (const entry of list) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  return [...byName.values()];
}

async function loaded(
  origin: string,
  configs: readonly KubeConfig[],
  currentContext: string | undefined,
): Promise<LoadedKubeconfig> {
  const { KubeConfig } = await clientNode();
  const clusters = firstByName(configs.map((kc) => kc.getClusters()));
  const users = firstByName(configs.map((kc) => kc.getUsers()));
  const contexts = firstByName(configs.map((kc) => kc.getContexts()));
  return {
    origin,
    clusters,
    users,
    contexts,
    currentContext,
    kubeConfigFor(context) {
      const kc = new KubeConfig();
      kc.loadFromOptions({ clusters, users, contexts, currentContext: context });
      return kc;
    },
  };
}

async function fromFiles(origin: string, files: readonly string[]): Promise<LoadedKubeconfig> {
  const configs = await Promise.all(files.map(readKubeconfig));
  const current = configs.map((kc) => kc.getCurrentContext()).find((name) => Boolean(name));
  return loaded(origin, configs, current);
}

async function inCluster(places: KubeconfigPlaces): Promise<LoadedKubeconfig | undefined> {
  const root = places.serviceAccountRoot ?? '';
  if (!places.env.KUBERNETES_SERVICE_HOST || !places.env.KUBERNETES_SERVICE_PORT) return undefined;
  if (!(await exists(`${root}${SERVICE_ACCOUNT_TOKEN}`))) return undefined;
  const { KubeConfig } = await clientNode();
  const kc = new KubeConfig();
  kc.loadFromCluster(root);
  return loaded('in-cluster service account', [kc], kc.getCurrentContext());
}

/**
 * Loads the kubeconfig that kubectl would use, or `undefined` when there is none (no file and
 * not in a pod).
 *
 * @throws ConfigError when a named file cannot be read or parsed.
 * @throws ProviderSkipped when `KUBECONFIG` names no file that exists (kubectl then has no
 *   configuration either).
 */
export async function loadKubeconfig(
  kubeconfig: string | undefined,
  places: KubeconfigPlaces,
): Promise<LoadedKubeconfig | undefined> {
  if (kubeconfig !== undefined) return fromFiles(`kubeconfig ${kubeconfig}`, [kubeconfig]);
  const listed = (places.env.KUBECONFIG ?? '').split(delimiter).filter((file) => file !== '');
  if (listed.length > 0) {
    const present: string[] = [];
    for (const file of listed) if (await exists(file)) present.push(file);
    if (present.length === 0) {
      throw new ProviderSkipped(`KUBECONFIG names no file that exists (${listed.join(delimiter)})`);
    }
    return fromFiles(
      present.length === 1 ? `kubeconfig ${present[0]}` : `KUBECONFIG ${present.join(delimiter)}`,
      present,
    );
  }
  const home = places.env.HOME ?? places.env.USERPROFILE;
  const file = home ? join(home, '.kube', 'config') : undefined;
  if (file && (await exists(file))) return fromFiles(`kubeconfig ${file}`, [file]);
  return inCluster(places);
}
