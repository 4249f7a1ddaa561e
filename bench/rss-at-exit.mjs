// Preloaded by bench/search-cli.ts (node --import): writes this process's peak RSS (KiB) and CPU
// time (user + system, ms) to the file descriptor in $MEDBRIEF_RSS_FD when it exits, so a
// benchmark can read a child's peak memory and the CPU it needed (wall time depends on load).
import { writeSync } from 'node:fs';

const fd = Number(process.env.MEDBRIEF_RSS_FD);
if (Number.isInteger(fd) && fd > 2) {
  process.on('exit', () => {
    try {
      const r = process.resourceUsage();
      writeSync(fd, `${r.maxRSS} ${Math.round((r.userCPUTime + r.systemCPUTime) / 1000)}\n`);
    } catch {
      // the benchmark closed its end: nothing to report
    }
  });
}
