'use strict';
// Preloaded (node -r) into a benchmarked child: on exit, writes its peak resident memory (kB) where the bench asked.
const out = process.env.CLUSTERIX_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    require('fs').writeFileSync(out, String(process.resourceUsage().maxRSS));
  });
}
