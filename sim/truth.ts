/**
 * The ground truth: every resource as `{"uid","type","provider","account"}`, sorted by uid. Each
 * collection is already sorted by uid, so a heap merge of the collections streams the whole
 * inventory in order while holding one cursor per collection.
 */
import type { Collection } from './inventory/collection.ts';
import type { Inventory } from './inventory/inventory.ts';

/** Which resources to list. */
export interface TruthFilter {
  readonly provider?: string;
  readonly account?: string;
}

/** One truth record. */
export interface TruthRecord {
  readonly uid: string;
  readonly type: string;
  readonly provider: string;
  readonly account: string;
}

interface Cursor {
  readonly collection: Collection;
  index: number;
  uid: string;
}

/** Yields the records in uid order. */
export function* truthRecords(inventory: Inventory, filter: TruthFilter = {}): Generator<TruthRecord> {
  const heap: Cursor[] = [];
  for (const collection of inventory.all) {
    const { scope } = collection;
    if (collection.count === 0) continue;
    if (filter.provider !== undefined && scope.provider !== filter.provider) continue;
    if (filter.account !== undefined && scope.account !== filter.account) continue;
    push(heap, { collection, index: 0, uid: collection.uid(0) });
  }
  while (heap.length > 0) {
    const top = heap[0] as Cursor;
    const { collection } = top;
    yield {
      uid: top.uid,
      type: collection.type,
      provider: collection.scope.provider,
      account: collection.scope.account,
    };
    top.index++;
    if (top.index < collection.count) {
      top.uid = collection.uid(top.index);
      siftDown(heap, 0);
    } else {
      const last = heap.pop() as Cursor;
      if (heap.length > 0) {
        heap[0] = last;
        siftDown(heap, 0);
      }
    }
  }
}

function push(heap: Cursor[], cursor: Cursor): void {
  heap.push(cursor);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if ((heap[parent] as Cursor).uid <= cursor.uid) break;
    heap[i] = heap[parent] as Cursor;
    i = parent;
  }
  heap[i] = cursor;
}

function siftDown(heap: Cursor[], start: number): void {
  const cursor = heap[start] as Cursor;
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child =
      right < heap.length && (heap[right] as Cursor).uid < (heap[left] as Cursor).uid ? right : left;
    if ((heap[child] as Cursor).uid >= cursor.uid) break;
    heap[i] = heap[child] as Cursor;
    i = child;
  }
  heap[i] = cursor;
}
