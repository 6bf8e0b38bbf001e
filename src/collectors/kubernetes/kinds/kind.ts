/**
 * What the collector knows of a kind: its Terraform-style type, its API identity, how to list it
 * cluster-wide or in one namespace with client-node, and what to hide in its configuration.
 * The kinds themselves are small tables in this folder, one file per family.
 */
import type { ConfigurationOptions, V1ObjectMeta } from '@kubernetes/client-node';
import type { KubeApis } from '../client.ts';

/** An object as client-node returns it. */
export interface KubeObject {
  readonly metadata?: V1ObjectMeta;
}

/** One page of a list. client-node names the list's `continue` field `_continue`. */
export interface KubeList<T extends KubeObject = KubeObject> {
  readonly metadata?: { readonly _continue?: string };
  readonly items: readonly T[];
}

/** The paging parameters of a list call. */
export interface PageRequest {
  readonly limit: number;
  readonly _continue?: string;
}

/** A kind, typed by its object: the factory `kind()` erases the type for the tables. */
export interface KindSpec<T extends KubeObject = KubeObject> {
  /** Terraform's type name: `kubernetes_pod`. */
  readonly type: string;
  /** The object's `apiVersion`: `v1`, `apps/v1`. */
  readonly apiVersion: string;
  /** The object's `kind`: `Pod`. */
  readonly kind: string;
  /** The plural resource name in API paths: `pods`. */
  readonly resource: string;
  readonly namespaced: boolean;
  /** Lists the objects of every namespace (or the cluster-scoped objects). */
  readonly list: (apis: KubeApis, page: PageRequest, options: ConfigurationOptions) => Promise<KubeList<T>>;
  /** Lists the objects of one namespace (namespaced kinds). */
  readonly listIn?: (
    apis: KubeApis,
    namespace: string,
    page: PageRequest,
    options: ConfigurationOptions,
  ) => Promise<KubeList<T>>;
  /** Reads one object by name: how a namespace filter gets its Namespace objects. */
  readonly read?: (apis: KubeApis, name: string, options: ConfigurationOptions) => Promise<T>;
  /**
   * The kind's own redaction (Secret values, container `env` values), applied before the
   * rules every resource gets. Returns a copy.
   */
  readonly redact?: (object: T) => KubeObject;
}

/** Declares a kind; the object type checks its functions, then the tables hold plain `KindSpec`s. */
export function kind<T extends KubeObject>(spec: KindSpec<T>): KindSpec {
  return spec as unknown as KindSpec;
}

/** The API name in reports and limiter targets: `core/v1/pods:list`, `apps/v1/deployments:list`. */
export function apiName(spec: KindSpec, verb: 'list' | 'get'): string {
  const group = spec.apiVersion.includes('/') ? spec.apiVersion : `core/${spec.apiVersion}`;
  return `${group}/${spec.resource}:${verb}`;
}
