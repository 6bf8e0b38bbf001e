/**
 * Which contexts a scan covers: the ones named (`--context`, repeatable) or the current one.
 * A name the kubeconfig does not define is a configuration error (nothing is scanned, as kubectl
 * refuses it); a context whose cluster or user is missing is a problem of that context only.
 * Contexts that differ only in their default namespace are one scan: the same cluster seen with
 * the same credentials gives the same resources (their uids use the cluster name).
 */
import type { Cluster, KubeConfig } from '@kubernetes/client-node';
import { ConfigError } from '../../core/errors.ts';
import type { LoadedKubeconfig } from './kubeconfig.ts';

/** One context to scan. */
export interface ContextTarget {
  readonly context: string;
  /** The kubeconfig cluster: its name is the resources' account. */
  readonly cluster: Cluster;
  /** client-node's configuration with this context current. */
  readonly kubeConfig: KubeConfig;
}

/** A context that cannot be scanned, and why (one line). */
export interface ContextProblem {
  readonly context: string;
  readonly message: string;
}

export interface ContextSelection {
  readonly targets: readonly ContextTarget[];
  readonly problems: readonly ContextProblem[];
  /** Contexts left out because an earlier one has the same cluster and user. */
  readonly duplicates: readonly { readonly context: string; readonly sameAs: string }[];
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown}, ...` : shown;
}

/**
 * Picks the contexts to scan.
 *
 * @throws ConfigError when a named context does not exist, or none is named and the kubeconfig
 *   has no current context.
 */
export function selectContexts(kubeconfig: LoadedKubeconfig, requested: readonly string[]): ContextSelection {
  const known = kubeconfig.contexts.map((context) => context.name);
  if (known.length === 0) throw new ConfigError(`${kubeconfig.origin}: defines no context`);
  const names =
    requested.length > 0 ? requested : [kubeconfig.currentContext].filter((name) => name !== undefined);
  if (names.length === 0) {
    throw new ConfigError(
      `${kubeconfig.origin}: no current-context; name one with --context (contexts: ${listed(known)})`,
    );
  }
  const targets: ContextTarget[] = [];
  const problems: ContextProblem[] = [];
  const duplicates: { context: string; sameAs: string }[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const context = kubeconfig.contexts.find((entry) => entry.name === name);
    if (!context)
      throw new ConfigError(`${kubeconfig.origin}: no context "${name}" (contexts: ${listed(known)})`);
    const cluster = kubeconfig.clusters.find((entry) => entry.name === context.cluster);
    if (!cluster) {
      problems.push({ context: name, message: `the kubeconfig defines no cluster "${context.cluster}"` });
      continue;
    }
    if (context.user && !kubeconfig.users.some((entry) => entry.name === context.user)) {
      problems.push({ context: name, message: `the kubeconfig defines no user "${context.user}"` });
      continue;
    }
    const key = JSON.stringify([context.cluster, context.user ?? '']);
    const sameAs = seen.get(key);
    if (sameAs !== undefined) {
      duplicates.push({ context: name, sameAs });
      continue;
    }
    seen.set(key, name);
    targets.push({ context: name, cluster, kubeConfig: kubeconfig.kubeConfigFor(name) });
  }
  return { targets, problems, duplicates };
}
