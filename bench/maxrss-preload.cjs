// Preloaded into a child process by the bench: reports its peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
