/**
 * Plain-text columns for the human outputs (summary, progress).
 */

/** Thousands separators, as people read counts. */
export const counts = new Intl.NumberFormat('en-US');

/** Pads cells into aligned columns, two spaces apart; `rightAligned` lists numeric columns. */
export function columns(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return rightAligned.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd(),
  );
}
