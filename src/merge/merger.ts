/**
 * The merger and deduplicator: a set of resources keyed by uid, fed batch by batch while
 * providers scan, read back in uid order.
 *
 * Memory: each resource is kept only as its canonical JSON line, not as an object graph (about
 * a third of the size), and re-parsed only when a second report of the same uid arrives. Reading
 * back sorts the uids, not the resources.
 */
import { resourceJson } from '../core/canonical.ts';
import type { Resource } from '../core/resource.ts';
import { combine } from './combine.ts';

/** A read-only view of merged resources, in uid order. */
export interface MergedResources {
  /** Distinct uids held. */
  readonly size: number;
  /** Reports folded into an existing uid. */
  readonly duplicates: number;
  /** Canonical JSON lines, sorted by uid. */
  json(): IterableIterator<string>;
  /** Parsed resources, sorted by uid. */
  resources(): IterableIterator<Resource>;
  /** Count of held resources by type. */
  countByType(): Record<string, number>;
}

/** Merges resources by canonical uid. */
export class Merger implements MergedResources {
  readonly #byUid = new Map<string, string>();
  readonly #types = new Map<string, number>();
  #duplicates = 0;

  get size(): number {
    return this.#byUid.size;
  }

  get duplicates(): number {
    return this.#duplicates;
  }

  /** Adds a batch; a uid seen before is merged with what is held. */
  add(batch: readonly Resource[]): void {
    for (const resource of batch) {
      const held = this.#byUid.get(resource.uid);
      if (held === undefined) {
        this.#byUid.set(resource.uid, resourceJson(resource));
        this.#count(resource.type, 1);
      } else {
        this.#duplicates++;
        const previous = JSON.parse(held) as Resource;
        const merged = combine(previous, resource);
        this.#byUid.set(resource.uid, resourceJson(merged));
        this.#count(previous.type, -1);
        this.#count(merged.type, 1);
      }
    }
  }

  *json(): IterableIterator<string> {
    const uids = [...this.#byUid.keys()].sort();
    for (const uid of uids) yield this.#byUid.get(uid) as string;
  }

  *resources(): IterableIterator<Resource> {
    for (const line of this.json()) yield JSON.parse(line) as Resource;
  }

  countByType(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const type of [...this.#types.keys()].sort()) {
      const count = this.#types.get(type) as number;
      if (count > 0) counts[type] = count;
    }
    return counts;
  }

  #count(type: string, delta: number): void {
    this.#types.set(type, (this.#types.get(type) ?? 0) + delta);
  }
}
