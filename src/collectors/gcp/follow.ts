/**
 * Following one planned chain: each page fetched through the API caller, read, mapped and
 * emitted as it arrives. Aggregated-list warnings are sorted out here: `NO_RESULTS_ON_PAGE` is
 * the API's way of saying "nothing here on this page" and is ignored; `UNREACHABLE` (and GKE's
 * missing zones) means objects are missing, so it is reported once per scope and the provider
 * ends partial; anything else goes to the debug log.
 */
import { ProviderError } from '../../core/errors.ts';
import type { Resource } from '../../core/resource.ts';
import { followPages } from '../../net/pages.ts';
import type { CollectorContext } from '../../scanner/collector.ts';
import type { GcpApi } from './api.ts';
import { resourceOf } from './kinds.ts';
import { nextToken, readPage, type ScopeWarning } from './list.ts';
import { isWithin, type PlannedList } from './plan.ts';

/** The report scope of a warning: `PROJECT/ZONE`, `PROJECT/REGION` or the chain's own. */
function warningScope(chain: PlannedList, warning: ScopeWarning): string {
  const where =
    warning.scope === '*' ? chain.request.location : warning.scope.replace(/^(zones|regions)\//, '');
  return `${chain.request.project}/${where}`;
}

/** Follows `chain` to its end, emitting each page's resources; returns the number of pages. */
export function followList(ctx: CollectorContext, api: GcpApi, chain: PlannedList): Promise<number> {
  const { project, api: apiName } = chain.request;
  const said = new Set<string>();
  const onWarning = (warning: ScopeWarning) => {
    if (warning.code === 'NO_RESULTS_ON_PAGE') return;
    const key = `${warning.scope} ${warning.code}`;
    if (said.has(key)) return;
    said.add(key);
    const scope = warningScope(chain, warning);
    if (warning.code === 'UNREACHABLE') {
      ctx.reportError(
        new ProviderError('UNREACHABLE', warning.message, { provider: ctx.provider, scope, api: apiName }),
      );
    } else {
      ctx.log.debug('list warning', { scope, api: apiName, code: warning.code, message: warning.message });
    }
  };
  return followPages({
    fetch: (token) =>
      api.get<unknown>({ ...chain.request, query: { ...chain.request.query, pageToken: token } }),
    next: (page) => (chain.paged ? nextToken(page) : undefined),
    onPage: (page) => {
      const read = readPage(chain.shape, page);
      for (const warning of read.warnings) onWarning(warning);
      const observedAt = ctx.now();
      const resources: Resource[] = [];
      for (const listed of read.items) {
        const resource = resourceOf(chain.type, project, listed, observedAt);
        if (!resource) {
          ctx.log.debug('object without a name or location skipped', { api: apiName, project });
        } else if (!chain.within || isWithin(chain.within, resource)) {
          resources.push(resource);
        }
      }
      ctx.emit(resources);
    },
  });
}
