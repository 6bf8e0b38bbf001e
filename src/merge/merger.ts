/**
 * The merger and deduplicator: a set of resources keyed by uid, fed batch by batch while
 * providers scan, read back in uid order.
 *
 * Memory: each resource is kept only as its canonical JSON line, not as an object graph, and
 * re-parsed only when a second report of the same uid arrives. With a memory budget, the lines
 * held are sorted and spilled to a run (`RunStore`) whenever they exceed it, and reading back
 * merges the runs (an external merge sort), so a million resources never sit in memory at once;
 * a uid reported into two runs is combined during that merge.
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
  /** Releases what the merger keeps outside memory (spilled runs). */
  dispose(): void;
}

/** Where sorted runs go when the merger's memory budget is spent. */
export interface RunStore {
  /** Keeps `lines` (sorted by uid); returns a function that reads them back in order. */
  write(lines: readonly string[]): () => Iterator<string>;
  /** Removes every run. */
  dispose(): void;
}

/** Options of a `Merger`. */
export interface MergerOptions {
  /**
   * Characters of canonical JSON held in memory before they are sorted and spilled to a run.
   * Needs `runs`. @default Infinity (never spill)
   */
  readonly memoryBudget?: number;
  /** Where spilled runs go. */
  readonly runs?: RunStore;
}

/** The uid at the start of a canonical line (`{"uid":"...`), without parsing the rest. */
export function uidOf(line: string): string {
  let end = 8;
  let escaped = false;
  for (; end < line.length; end++) {
    const code = line.charCodeAt(end);
    if (code === 92) {
      escaped = true;
      end++;
    } else if (code === 34) {
      break;
    }
  }
  const quoted = line.slice(7, end + 1);
  return escaped ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
}

interface Cursor {
  readonly lines: Iterator<string>;
  line: string;
  uid: string;
}

function cursor(lines: Iterator<string>): Cursor | undefined {
  const first = lines.next();
  return first.done ? undefined : { lines, line: first.value, uid: uidOf(first.value) };
}

/** Merges resources by canonical uid. */
export class Merger implements MergedResources {
  readonly #byUid = new Map<string, string>();
  readonly #types = new Map<string, number>();
  readonly #budget: number;
  readonly #store: RunStore | undefined;
  readonly #runs: (() => Iterator<string>)[] = [];
  #held = 0;
  #size = 0;
  #duplicates = 0;
  /** Counts are exact once a full read has combined uids spread over runs. */
  #exact = true;

  constructor(options: MergerOptions = {}) {
    this.#budget = options.memoryBudget ?? Number.POSITIVE_INFINITY;
    this.#store = options.runs;
    if (Number.isFinite(this.#budget) && !this.#store)
      throw new RangeError('a memory budget needs a run store');
  }

  get size(): number {
    this.#makeExact();
    return this.#size;
  }

  get duplicates(): number {
    this.#makeExact();
    return this.#duplicates;
  }

  /** Adds a batch; a uid seen before is merged with what is held. Not after reading started. */
  add(batch: readonly Resource[]): void {
    for (const resource of batch) {
      const held = this.#byUid.get(resource.uid);
      if (held === undefined) {
        const line = resourceJson(resource);
        this.#byUid.set(resource.uid, line);
        this.#held += line.length;
        this.#size++;
        this.#count(resource.type, 1);
      } else {
        this.#duplicates++;
        const previous = JSON.parse(held) as Resource;
        const merged = combine(previous, resource);
        const line = resourceJson(merged);
        this.#byUid.set(resource.uid, line);
        this.#held += line.length - held.length;
        this.#count(previous.type, -1);
        this.#count(merged.type, 1);
      }
    }
    if (this.#held > this.#budget) this.#spill();
  }

  *json(): IterableIterator<string> {
    const memory = this.#sortedInMemory();
    if (this.#runs.length === 0) {
      yield* memory;
      return;
    }
    const counting = !this.#exact;
    const cursors = [...this.#runs.map((read) => cursor(read())), cursor(memory)].filter(
      (c): c is Cursor => c !== undefined,
    );
    while (cursors.length > 0) {
      let lowest = cursors[0] as Cursor;
      for (const c of cursors) if (c.uid < lowest.uid) lowest = c;
      const uid = lowest.uid;
      const same = cursors.filter((c) => c.uid === uid);
      let line = (same[0] as Cursor).line;
      if (same.length > 1) {
        let resource = JSON.parse(line) as Resource;
        for (const other of same.slice(1)) {
          const next = JSON.parse(other.line) as Resource;
          const merged = combine(resource, next);
          if (counting) this.#fold(resource, next, merged);
          resource = merged;
        }
        line = resourceJson(resource);
      }
      yield line;
      for (const c of same) {
        const next = c.lines.next();
        if (next.done) cursors.splice(cursors.indexOf(c), 1);
        else {
          c.line = next.value;
          c.uid = uidOf(next.value);
        }
      }
    }
    this.#exact = true;
  }

  *resources(): IterableIterator<Resource> {
    for (const line of this.json()) yield JSON.parse(line) as Resource;
  }

  countByType(): Record<string, number> {
    this.#makeExact();
    const counts: Record<string, number> = {};
    for (const type of [...this.#types.keys()].sort()) {
      const count = this.#types.get(type) as number;
      if (count > 0) counts[type] = count;
    }
    return counts;
  }

  dispose(): void {
    this.#store?.dispose();
    this.#runs.length = 0;
  }

  *#sortedInMemory(): IterableIterator<string> {
    const uids = [...this.#byUid.keys()].sort();
    for (const uid of uids) yield this.#byUid.get(uid) as string;
  }

  #spill(): void {
    const store = this.#store as RunStore;
    this.#runs.push(store.write([...this.#sortedInMemory()]));
    this.#byUid.clear();
    this.#held = 0;
    this.#exact = false;
  }

  /** Counts one report of a uid found again in another run as a duplicate. */
  #fold(held: Resource, next: Resource, merged: Resource): void {
    this.#duplicates++;
    this.#size--;
    this.#count(held.type, -1);
    this.#count(next.type, -1);
    this.#count(merged.type, 1);
  }

  /** Reads once through the runs so that counts include uids spread over several runs. */
  #makeExact(): void {
    if (this.#exact) return;
    for (const _ of this.json());
  }

  #count(type: string, delta: number): void {
    this.#types.set(type, (this.#types.get(type) ?? 0) + delta);
  }
}
