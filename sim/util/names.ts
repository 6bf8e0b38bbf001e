/**
 * Sorted, realistic-looking identifiers. Each encoder is monotonic: a larger input value gives a
 * lexicographically larger string, so stratified values keep their order once rendered.
 */
import { SORTED_SPACE, stratified } from './rng.ts';

/** The alphabet Kubernetes uses for generated name suffixes, in code-unit order. */
const SUFFIX_ALPHABET = '2456789bcdfghjklmnpqrstvwxz';

/** Fixed-width base-N encoding over an alphabet sorted by code unit. */
function encode(value: number, width: number, alphabet: string): string {
  let out = '';
  let v = value;
  for (let i = 0; i < width; i++) {
    out = alphabet[v % alphabet.length] + out;
    v = Math.floor(v / alphabet.length);
  }
  return out;
}

/** `width` lowercase hex digits of `value`. */
export function hexOf(value: number, width: number): string {
  return value.toString(16).padStart(width, '0').slice(-width);
}

/** A Kubernetes-style random suffix (`x7k2p`) of `width` characters for `value`. */
export function suffixOf(value: number, width: number): string {
  return encode(value, width, SUFFIX_ALPHABET);
}

/**
 * An EC2-style id (`i-0` followed by 16 hex digits) that sorts by `index` within its collection.
 * The last four digits are free noise, so ids look random.
 */
export function ec2Id(prefix: string, stream: number, index: number, count: number): string {
  const sorted = stratified(stream, index, count);
  const noise = stratified(stream ^ 0x7f4a7c15, index, 1, 0x10000);
  return `${prefix}-0${hexOf(sorted, 12)}${hexOf(noise, 4)}`;
}

/**
 * A DNS-label name `word-xxxxx` that sorts by `index`. The words must be sorted and made of
 * `[a-z0-9]` only: `-` sorts before every such character, so the word decides the order first.
 */
export function sortedName(words: readonly string[], stream: number, index: number, count: number): string {
  const suffixSpace = SUFFIX_ALPHABET.length ** 5;
  const space = Math.min(SORTED_SPACE, words.length * suffixSpace);
  const value = stratified(stream, index, count, space);
  const word = words[Math.floor(value / suffixSpace)] as string;
  return `${word}-${suffixOf(value % suffixSpace, 5)}`;
}

/** A suffix of `width` characters that sorts by `index` among `count` siblings. */
export function sortedSuffix(stream: number, index: number, count: number, width: number): string {
  return suffixOf(stratified(stream, index, count, SUFFIX_ALPHABET.length ** width), width);
}
