/**
 * Per-namespace lists that RBAC forbids, gathered into one error per (context, kind): a user
 * allowed in 3 of 100 namespaces gets "pods is forbidden in 97 of 100 namespaces: a, b, ..."
 * once, rather than 97 errors that say the same thing.
 */
import { type ApiCallError, ProviderError } from '../../core/errors.ts';

interface Denied {
  readonly context: string;
  readonly resource: string;
  readonly api: string;
  readonly of: number;
  readonly namespaces: string[];
}

/** Namespaces shown in a message before "...". */
const SHOWN = 10;

export class Denials {
  readonly #denied = new Map<string, Denied>();

  /** Records that listing `resource` in `namespace` (one of `of`) was forbidden. */
  add(
    where: { context: string; resource: string; namespace: string; of: number },
    error: ApiCallError,
  ): void {
    const key = JSON.stringify([where.context, where.resource]);
    let denied = this.#denied.get(key);
    if (!denied) {
      denied = {
        context: where.context,
        resource: where.resource,
        api: error.api,
        of: where.of,
        namespaces: [],
      };
      this.#denied.set(key, denied);
    }
    denied.namespaces.push(where.namespace);
  }

  /** One error per (context, kind) with forbidden namespaces. */
  errors(provider: string): ProviderError[] {
    return [...this.#denied.values()].map((denied) => {
      const names = [...denied.namespaces].sort();
      const shown = names.slice(0, SHOWN).join(', ') + (names.length > SHOWN ? ', ...' : '');
      return new ProviderError(
        'Forbidden',
        `${denied.resource} is forbidden in ${names.length} of ${denied.of} namespaces: ${shown}`,
        { provider, scope: denied.context, api: denied.api },
      );
    });
  }
}
