/**
 * The Terraform state collector: finds state files, reads them in parallel through the
 * provider's task pool, and emits each managed resource instance, one batch per file. A file
 * that cannot be read or parsed is reported and the others are still read.
 */
import { availableParallelism } from 'node:os';
import { ProviderError, ProviderSkipped, StateFormatError } from '../../core/errors.ts';
import type { Resource } from '../../core/resource.ts';
import type {
  Collector,
  CollectorConfig,
  CollectorContext,
  ValidationCheck,
} from '../../scanner/collector.ts';
import { discoverStates, type StateSource } from './discover.ts';
import { readSource } from './read-source.ts';
import { terraformSettings } from './settings.ts';
import { readStateEntries, type StateEntries } from './state-entries.ts';
import { toResource } from './to-resource.ts';

/** Resources per emitted batch. */
const BATCH = 500;

/** Reads Terraform state (format versions 3 and 4) into resources. */
export class TerraformCollector implements Collector {
  readonly kind = 'terraform';
  /** Parsing is CPU-bound; more files in flight than cores only adds memory. */
  readonly defaultApiConcurrency = availableParallelism();

  async collect(config: CollectorConfig, ctx: CollectorContext): Promise<void> {
    const sources = await this.#discover(config, ctx);
    await Promise.all(
      sources.map((source) =>
        ctx.tasks
          .run(async (signal) => {
            const state = await this.#read(source, ctx, signal);
            this.#emit(state, source, ctx);
          })
          .catch((error: unknown) => this.#report(error, source, ctx)),
      ),
    );
    ctx.signal.throwIfAborted();
  }

  async validate(config: CollectorConfig, ctx: CollectorContext): Promise<ValidationCheck[]> {
    const sources = await this.#discover(config, ctx);
    return Promise.all(
      sources.map((source) =>
        ctx.tasks.run(async (signal): Promise<ValidationCheck> => {
          try {
            const state = await this.#read(source, ctx, signal);
            const writer = state.terraformVersion ? `, written by ${state.terraformVersion}` : '';
            return {
              scope: source.name,
              ok: true,
              message: `state v${state.version}${writer}: ${state.entries.length} managed resources`,
            };
          } catch (error) {
            return {
              scope: source.name,
              ok: false,
              message: this.#asProviderError(error, source, ctx).message,
            };
          }
        }),
      ),
    );
  }

  async #discover(config: CollectorConfig, ctx: CollectorContext): Promise<StateSource[]> {
    const settings = terraformSettings(config.config);
    const { sources, problems } = await discoverStates(settings.paths, settings.states);
    for (const problem of problems) {
      ctx.reportError(
        new ProviderError(problem.code, problem.message, {
          provider: ctx.provider,
          scope: problem.scope,
          api: 'discover-state',
        }),
      );
    }
    if (sources.length === 0 && problems.length === 0) {
      throw new ProviderSkipped(`no Terraform state (*.tfstate) found under ${settings.paths.join(', ')}`);
    }
    ctx.log.debug('states found', { count: sources.length });
    return sources;
  }

  async #read(source: StateSource, ctx: CollectorContext, signal: AbortSignal): Promise<StateEntries> {
    ctx.counters.apiCall();
    const text = await readSource(source, ctx.provider, signal);
    return readStateEntries(text);
  }

  #emit(state: StateEntries, source: StateSource, ctx: CollectorContext): void {
    const observedAt = ctx.now();
    let batch: Resource[] = [];
    for (const entry of state.entries) {
      if (!ctx.types.includes(entry.type)) continue;
      batch.push(toResource(entry, source.name, observedAt));
      if (batch.length >= BATCH) {
        ctx.emit(batch);
        batch = [];
      }
    }
    ctx.emit(batch);
  }

  #asProviderError(error: unknown, source: StateSource, ctx: CollectorContext): ProviderError {
    if (error instanceof ProviderError) return error;
    const context = { provider: ctx.provider, scope: source.name, api: 'read-state' };
    if (error instanceof StateFormatError) {
      return new ProviderError(error.code, `${source.name}: ${error.message}`, context, { cause: error });
    }
    return new ProviderError('error', `${source.name}: ${String(error)}`, context, { cause: error });
  }

  #report(error: unknown, source: StateSource, ctx: CollectorContext): void {
    if (ctx.signal.aborted) return;
    ctx.reportError(this.#asProviderError(error, source, ctx));
  }
}
