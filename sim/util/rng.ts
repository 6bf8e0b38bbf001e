/**
 * Deterministic randomness keyed by position, so any item of the inventory can be computed on
 * its own from (seed, collection, index) without generating the items before it.
 */

/** 32-bit FNV-1a of a string: turns a collection key into a stream seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values into a well-spread 32-bit value (murmur3 finaliser). */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small counter-based generator: every draw is a pure function of (stream, index, draw number). */
export class Rng {
  #state: number;
  #draw = 0;

  constructor(stream: number, index: number) {
    this.#state = mix(stream, index);
  }

  /** The next 32-bit unsigned value. */
  next(): number {
    this.#draw++;
    return mix(this.#state, this.#draw);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 0x100000000;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + (this.next() % (max - min + 1));
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[this.next() % list.length] as T;
  }

  /** `true` with the given probability. */
  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** `length` lowercase hex digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.next().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /** A decimal string of `length` digits with no leading zero (GCP numeric ids, account-like numbers). */
  digits(length: number): string {
    let out = String(1 + (this.next() % 9));
    while (out.length < length) out += String(this.next() % 10);
    return out;
  }

  /** An RFC 4122 version 4 shaped uuid. */
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.next() % 4];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** Size of the value space used for sorted identifiers: 2^48 stays exact in a double. */
export const SORTED_SPACE = 2 ** 48;

/**
 * A random-looking value in [0, space) that strictly increases with `index`: the space is cut
 * into `count` equal slots and item `index` takes a random point inside its own slot. Ids and
 * names built from it are therefore sorted in index order, which lets the truth endpoint merge
 * collections without sorting them in memory.
 */
export function stratified(stream: number, index: number, count: number, space = SORTED_SPACE): number {
  const width = Math.max(1, Math.floor(space / Math.max(1, count)));
  const r = mix(stream ^ 0x5bd1e995, index);
  const r2 = mix(r, index + 1) & 0xffff;
  const offset = (r2 * 0x100000000 + r) % width;
  return index * width + offset;
}
