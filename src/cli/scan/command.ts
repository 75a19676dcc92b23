/** `form4 check`: the files and folders read (streamed, in worker threads, from the cache when unchanged), then output. */
import type { InspectOptions } from '../../core/inspect';
import { openCheckCache } from './cache';
import { checkInputs } from './check';
import { checkOutput, type CheckFormat } from './output';
import { SummaryStore } from './spill';

export interface CheckCommand {
  paths: string[];
  format: CheckFormat;
  inspect: InspectOptions;
  toolVersion: string;
  /** The CLI bundle (worker threads run it), or null to check in this thread. */
  workerScript: string | null;
  cache: boolean;
  /** Print what was parsed and what came from the cache on stderr. */
  stats: boolean;
}

/** Runs the check; returns the exit code (0, 1 an error-severity finding, 2 an input could not be read). */
export async function runCheck(c: CheckCommand): Promise<number> {
  const severities = c.inspect.severities ?? {};
  const cache = c.cache ? openCheckCache(c.paths, c.toolVersion, severities) : null;
  if (cache?.note) process.stderr.write(`form4: note: ${cache.note}\n`);
  const out = checkOutput(c.format, c.toolVersion);
  const summaries = new SummaryStore();
  let failed = false;
  const t0 = Date.now();
  let stats;
  try {
    stats = await checkInputs(
      c.paths,
      {
        inspect: c.inspect,
        workerScript: c.workerScript,
        cache,
        // A tuning and test knob, like FORM4_THREADS.
        timeLimitMs: Number(process.env.FORM4_FILE_TIME_LIMIT_MS) || undefined,
      },
      {
        file(_input, r) {
          out.file(r);
          summaries.add(r.summary);
        },
        unreadable(input, reason, stopped) {
          if (input.explicit || stopped) {
            process.stderr.write(`${input.path}: ${reason}\n`);
            failed = true;
          } else process.stderr.write(`${input.path}: skipped: ${reason}\n`);
        },
        missing(path) {
          process.stderr.write(`${path}: no such file or folder\n`);
          failed = true;
        },
      },
    );
  } catch (e) {
    summaries.dispose();
    throw e;
  }
  const saveNote = cache?.save();
  if (saveNote) process.stderr.write(`form4: note: ${saveNote}\n`);
  out.end(summaries.reconcile({ severities }));
  if (c.stats)
    process.stderr.write(
      `form4: ${stats.files} files: ${stats.parsed} read, ${stats.cached} unchanged (from the cache); ${Date.now() - t0} ms\n`,
    );
  if (failed) return 2;
  return out.errors > 0 ? 1 : 0;
}
