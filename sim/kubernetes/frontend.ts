/**
 * The Kubernetes API server: discovery, get and list of the served resources, cluster-wide and
 * per namespace, with limit/continue paging (410 Gone once tokens are expired), bearer-token auth
 * (the token picks the cluster) and the Table format kubectl asks for.
 */
import type { Knobs } from '../http/knobs.ts';
import { type Call, type Frontend, json, type SimRequest, type SimResponse } from '../http/types.ts';
import type { Collection, Scope } from '../inventory/collection.ts';
import type { Inventory } from '../inventory/inventory.ts';
import { KUBE_RESOURCES, type KubeResource } from '../inventory/kubernetes.ts';
import { type Page, pageOf, totalOf } from '../util/paging.ts';
import { hashString } from '../util/rng.ts';
import { coreVersions, group, groupList, resourceList, version } from './discovery.ts';
import { kubeCallErrors, status } from './status.ts';
import { type KubeObject, toTable } from './table.ts';

/** The revision counter behind list resourceVersions and continue tokens. */
export class Revisions {
  /** The resourceVersion lists report. */
  current = 10_000_000;
  /** Tokens from revisions below this are expired. */
  compacted = 0;

  /** Expires every continue token issued so far. */
  expireAll(): void {
    this.compacted = ++this.current;
  }
}

interface ListTarget {
  readonly resource: KubeResource;
  readonly cluster: string;
  readonly namespace?: string;
  readonly name?: string;
}

/** Parses `/api/v1/...` and `/apis/G/v1/...` into a resource, namespace and name. */
function parseTarget(segments: readonly string[], cluster: string): ListTarget | undefined {
  let groupName: string;
  let rest: readonly string[];
  if (segments[0] === 'api' && segments[1] === 'v1') {
    groupName = '';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments[2] === 'v1') {
    groupName = segments[1] as string;
    rest = segments.slice(3);
  } else {
    return undefined;
  }
  const find = (plural: string | undefined) =>
    KUBE_RESOURCES.find((r) => r.group === groupName && r.resource === plural);
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const resource = find(rest[2]);
    if (!resource?.namespaced || rest.length > 4) return undefined;
    return { resource, cluster, namespace: rest[1] as string, ...(rest[3] ? { name: rest[3] } : {}) };
  }
  const resource = find(rest[0]);
  if (!resource || rest.length > 2) return undefined;
  return { resource, cluster, ...(rest[1] ? { name: rest[1] } : {}) };
}

function listKind(resource: KubeResource): string {
  return `${resource.objectKind}List`;
}

function apiVersionOf(resource: KubeResource): string {
  return resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
}

function encodeContinue(listKey: string, revision: number, offset: number): string {
  return Buffer.from(
    JSON.stringify({
      v: 'meta.k8s.io/v1',
      rv: revision,
      start: `${hashString(listKey).toString(36)}:${offset}`,
    }),
  ).toString('base64url');
}

function decodeContinue(listKey: string, token: string): { rv: number; offset: number } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString()) as {
      rv?: unknown;
      start?: unknown;
    };
    if (typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') return undefined;
    const [check, offset] = parsed.start.split(':');
    if (check !== hashString(listKey).toString(36) || !/^\d+$/.test(offset ?? '')) return undefined;
    return { rv: parsed.rv, offset: Number(offset) };
  } catch {
    return undefined;
  }
}

/** Builds the Kubernetes front end; `tokens` maps bearer tokens to cluster names. */
export function kubernetesFrontend(
  inventory: Inventory,
  knobs: Knobs,
  tokens: ReadonlyMap<string, string>,
  revisions: Revisions,
): Frontend {
  function collectionsFor(target: ListTarget): readonly Collection[] {
    const cluster = inventory.layout.clusters.find((c) => c.name === target.cluster);
    const kinds = [target.resource.kind, ...(target.resource.alsoKinds ?? [])];
    if (!target.resource.namespaced) {
      return kinds.flatMap((kind) =>
        inventory.collections(kind, { provider: 'kubernetes', account: target.cluster }),
      );
    }
    const namespaces = target.namespace ? [target.namespace] : (cluster?.namespaces ?? []);
    return namespaces.flatMap((namespace) => {
      const scope: Scope = { provider: 'kubernetes', account: target.cluster, namespace };
      return kinds.flatMap((kind) => inventory.collections(kind, scope));
    });
  }

  function wantsTable(request: SimRequest): boolean {
    return /as=Table/.test(String(request.headers.accept ?? ''));
  }

  function list(request: SimRequest, target: ListTarget): SimResponse {
    const collections = collectionsFor(target);
    const listKey = `${target.cluster}|${target.resource.kind}|${target.namespace ?? ''}`;
    const rawLimit = request.query.get('limit');
    const limit =
      rawLimit === null || rawLimit === '' || Number(rawLimit) <= 0
        ? Number.MAX_SAFE_INTEGER
        : Number(rawLimit);
    if (!Number.isInteger(limit)) return status(400, 'BadRequest', `invalid limit "${rawLimit}"`);
    const token = request.query.get('continue');
    let offset = 0;
    if (token) {
      const decoded = decodeContinue(listKey, token);
      if (!decoded)
        return status(
          400,
          'BadRequest',
          'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
        );
      if (decoded.rv < revisions.compacted) {
        // Like the API server, offer a token that continues inconsistently from the same key.
        return status(
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
          undefined,
          {},
          { continue: encodeContinue(listKey, revisions.current, decoded.offset) },
        );
      }
      offset = decoded.offset;
    }
    const cap = knobs.pageCap(
      {
        provider: 'kubernetes',
        service: target.resource.group || 'core',
        api: `${target.resource.resource}.list`,
      },
      Number.MAX_SAFE_INTEGER,
    );
    const page: Page<KubeObject> = pageOf(
      collections,
      offset,
      Math.min(limit, cap),
      (c, i) => c.item(i) as KubeObject,
    );
    const metadata: Record<string, unknown> = { resourceVersion: String(revisions.current) };
    if (page.nextOffset !== undefined) {
      metadata.continue = encodeContinue(listKey, revisions.current, page.nextOffset);
      metadata.remainingItemCount = totalOf(collections) - page.nextOffset;
    }
    if (wantsTable(request)) return json(200, toTable(target.resource, page.items, metadata, Date.now()));
    return json(200, {
      kind: listKind(target.resource),
      apiVersion: apiVersionOf(target.resource),
      metadata,
      items: page.items,
    });
  }

  function get(request: SimRequest, target: ListTarget): SimResponse {
    const name = target.name as string;
    for (const c of collectionsFor(target)) {
      for (let i = 0; i < c.count; i++) {
        if (c.key(i) !== name) continue;
        const object = {
          kind: target.resource.objectKind,
          apiVersion: apiVersionOf(target.resource),
          ...c.item(i),
        } as unknown as KubeObject;
        if (wantsTable(request))
          return json(
            200,
            toTable(target.resource, [object], { resourceVersion: String(revisions.current) }, Date.now()),
          );
        return json(200, object);
      }
    }
    return status(404, 'NotFound', `${target.resource.resource} "${name}" not found`, {
      name,
      group: target.resource.group,
      kind: target.resource.resource,
    });
  }

  function call(request: SimRequest, target: ListTarget): Call {
    const verb = target.name ? 'get' : 'list';
    const serviceName = target.resource.group || 'core';
    return {
      site: {
        provider: 'kubernetes',
        service: serviceName,
        api: `${target.resource.resource}.${verb}`,
        account: target.cluster,
        ...(target.namespace ? { region: target.namespace } : {}),
      },
      errors: kubeCallErrors(target.resource.group, target.resource.resource, target.namespace),
      serve: () => (target.name ? get(request, target) : list(request, target)),
    };
  }

  function discovery(
    cluster: string,
    segments: readonly string[],
    serve: () => Record<string, unknown> | undefined,
  ): Call {
    return {
      site: { provider: 'kubernetes', service: 'discovery', api: `/${segments.join('/')}`, account: cluster },
      errors: kubeCallErrors('', 'discovery', undefined),
      serve: () => {
        const body = serve();
        return body
          ? json(200, body)
          : status(404, 'NotFound', 'the server could not find the requested resource');
      },
    };
  }

  return {
    provider: 'kubernetes',
    resolve(request) {
      const segments = request.path.split('/').filter((s) => s !== '');
      const path = `/${segments.join('/')}`;
      if (path === '/version' || path === '/healthz' || path === '/readyz' || path === '/livez') {
        return json(200, path === '/version' ? version() : 'ok');
      }
      const header = request.headers.authorization ?? '';
      const cluster = header.startsWith('Bearer ') ? tokens.get(header.slice(7).trim()) : undefined;
      if (!cluster) return status(401, 'Unauthorized', 'Unauthorized');
      if (request.method !== 'GET')
        return status(405, 'MethodNotAllowed', 'the simulator serves read-only requests');
      if (path === '/api') return discovery(cluster, segments, coreVersions);
      if (path === '/apis') return discovery(cluster, segments, groupList);
      if (segments[0] === 'apis' && segments.length === 2)
        return discovery(cluster, segments, () => group(segments[1] as string));
      if (path === '/api/v1') return discovery(cluster, segments, () => resourceList('', 'v1'));
      if (segments[0] === 'apis' && segments.length === 3)
        return discovery(cluster, segments, () => resourceList(segments[1] as string, segments[2] as string));
      const target = parseTarget(segments, cluster);
      if (!target) return status(404, 'NotFound', 'the server could not find the requested resource');
      return call(request, target);
    },
  };
}
