/**
 * Live progress on a terminal: a block of lines redrawn in place with ANSI cursor movements, and
 * cleared before the summary is printed. The CLI uses it only on a TTY, never with --quiet or
 * when stdout carries the snapshot.
 */
import type { Writable } from 'node:stream';

const ESC = '\u001b[';

export class ProgressDisplay {
  readonly #out: Writable;
  #shown = 0;

  constructor(out: Writable) {
    this.#out = out;
  }

  /** Replaces the block with `lines`. */
  update(lines: readonly string[]): void {
    let text = this.#shown > 0 ? `${ESC}${this.#shown}F` : '';
    for (const line of lines) text += `${ESC}2K${line}\n`;
    if (lines.length < this.#shown) text += `${ESC}0J`;
    this.#shown = lines.length;
    this.#out.write(text);
  }

  /** Removes the block. */
  clear(): void {
    if (this.#shown === 0) return;
    this.#out.write(`${ESC}${this.#shown}F${ESC}0J`);
    this.#shown = 0;
  }
}
