import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into the benchmarked server (`node --import loopProbe.js …`, bench only): measures
 * the event loop's delay with monitorEventLoopDelay and answers the bench over the IPC channel.
 * "loop" → { maxMs, p99Ms, rssBytes, peakRssBytes }, then starts a new interval (one per phase).
 */
const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
if (process.send) {
  process.channel?.unref();
  process.on('message', (m) => {
    if (m !== 'loop') return;
    const usage = process.resourceUsage();
    process.send!({
      maxMs: histogram.max / 1e6,
      p99Ms: histogram.percentile(99) / 1e6,
      rssBytes: process.memoryUsage().rss,
      peakRssBytes: usage.maxRSS * 1024,
    });
    histogram.reset();
  });
}
