/**
 * `wgo validate` for one context: the server's version, then one small list (`limit=1`) per
 * planned call, which is exactly the permission a scan needs (a SelfSubjectAccessReview would
 * answer the same question with a write the credentials may not have).
 */
import { ApiCallError, describeError } from '../../core/errors.ts';
import type { CollectorContext, ValidationCheck } from '../../scanner/collector.ts';
import { kubeApis } from './client.ts';
import { ContextSession } from './context-scan.ts';
import type { ContextTarget } from './contexts.ts';
import { Denials } from './denials.ts';
import type { PlannedCall } from './plan.ts';

/** What one planned call says about its kind. */
type Outcome = { readonly resource: string } & (
  | { readonly ok: true }
  | { readonly ok: false; readonly why: string }
);

async function check(session: ContextSession, call: PlannedCall, ctx: CollectorContext): Promise<Outcome> {
  const resource = call.spec.resource;
  try {
    await ctx.tasks.run(async () => {
      if (call.scope === 'object') await session.read(call.spec, call.name);
      else await session.listPage(call.spec, call.scope === 'namespace' ? call.namespace : undefined, 1);
    });
    return { resource, ok: true };
  } catch (error) {
    const denied = error instanceof ApiCallError && error.kind === 'denied';
    return { resource, ok: false, why: denied ? 'forbidden' : describeError(error) };
  }
}

/** Checks one context. */
export async function validateContext(
  target: ContextTarget,
  calls: readonly PlannedCall[],
  ctx: CollectorContext,
  probeTimeoutMs: number,
): Promise<ValidationCheck> {
  const scope = target.context;
  const where = `${target.cluster.server} (cluster ${target.cluster.name})`;
  const session = new ContextSession(target, await kubeApis(target, ctx.net.pool), {
    ctx,
    denials: new Denials(),
    answered: new Set(),
    probeTimeoutMs,
  });
  let version: string;
  try {
    version = (await ctx.tasks.run(() => session.version())).gitVersion;
  } catch (error) {
    return { scope, ok: false, message: `${where}: ${describeError(error)}` };
  }
  const outcomes = await Promise.all(calls.map((call) => check(session, call, ctx)));
  const kinds = [...new Set(outcomes.map((outcome) => outcome.resource))];
  const failed = new Map<string, string>();
  for (const outcome of outcomes)
    if (!outcome.ok && !failed.has(outcome.resource)) failed.set(outcome.resource, outcome.why);
  const allowed = kinds.length - failed.size;
  const listed =
    failed.size === 0
      ? `may list all ${kinds.length} kinds`
      : `may list ${allowed} of ${kinds.length} kinds; cannot list ${[...failed].map(([resource, why]) => `${resource} (${why})`).join(', ')}`;
  return { scope, ok: failed.size === 0, message: `${version} at ${where}: ${listed}` };
}
