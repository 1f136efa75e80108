// Preloaded into a measured process (node --require): writes its peak resident memory (kB) on exit.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
