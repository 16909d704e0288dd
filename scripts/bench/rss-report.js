'use strict';
// Preloaded (node -r) into a benchmarked child: on exit, writes its peak memory (kB) and CPU time (µs) where the bench asked.
const out = process.env.CLUSTERIX_BENCH_USAGE_FILE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('fs').writeFileSync(out, JSON.stringify({ maxRSS: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }));
  });
}
