/** The slice of a long list to draw: `rows` items keeping `selected` in view, centred when it can be. */
export function windowAround(total: number, selected: number, rows: number): { start: number; end: number } {
  if (total <= rows) return { start: 0, end: total };
  const half = Math.floor(rows / 2);
  const start = Math.max(0, Math.min(selected - half, total - rows));
  return { start, end: start + rows };
}
