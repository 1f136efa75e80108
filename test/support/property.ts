/** Property-test runs: the default keeps `npm test` quick; PROPERTY_RUNS=50000 digs deeper. */
export function runs(fallback: number): number {
  return Number(process.env.PROPERTY_RUNS ?? fallback);
}
