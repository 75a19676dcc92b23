/** `form4 check`: the files and folders read (streamed, in worker threads, from the cache when unchanged), then output. */
import { inspectBytes, type InspectOptions } from '../../core/inspect';
import { crossMemo, openCheckCache, type CrossMemo } from './cache';
import type { ChainSummary, CrossFinding } from '../../core/reconcile';
import { checkInputs } from './check';
import { checkOutput, type CheckFormat } from './output';
import { SummaryStore } from './spill';
import type { InspectFile } from './file';
import { terminalSafe } from '../render';

export interface CheckCommand {
  paths: string[];
  format: CheckFormat;
  inspect: InspectOptions;
  /** How the main thread reads a file (see CheckRunOptions). */
  inspectFile?: InspectFile;
  /** Part of the cache's key besides the rules: what else changes a file's result (e.g. "ocr"). */
  readingKey?: string;
  /** --timeout: each file's time limit in the worker threads, ms. */
  timeLimitMs?: number | null;
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
  const cache = c.cache
    ? openCheckCache(c.paths, `${c.toolVersion}${c.readingKey ? `+${c.readingKey}` : ''}`, severities)
    : null;
  if (cache?.note) process.stderr.write(`form4: note: ${cache.note}\n`);
  const out = checkOutput(c.format, c.toolVersion);
  const summaries = new SummaryStore();
  // With cross-filing findings kept by the last run, summaries wait: if every file is unchanged, those findings
  // are the answer and no summary is read from the cache. The first of each signature is what the store keeps.
  const waiting: ChainSummary[] | null = cache?.memo !== undefined ? [] : null;
  const signatures = new Set<string>();
  let failed = false;
  const t0 = Date.now();
  let stats;
  try {
    stats = await checkInputs(
      c.paths,
      {
        inspect: c.inspect,
        inspectFile: c.inspectFile ?? inspectBytes,
        workerScript: c.workerScript,
        cache,
        // A tuning and test knob, like FORM4_THREADS.
        timeLimitMs: c.timeLimitMs ?? (Number(process.env.FORM4_FILE_TIME_LIMIT_MS) || undefined),
      },
      {
        file(_input, r) {
          if (!waiting) return out.file(r, summaries.add(r.summary));
          const first = !signatures.has(r.summary.signature);
          signatures.add(r.summary.signature);
          if (first) waiting.push(r.summary);
          out.file(r, first);
        },
        unreadable(input, reason, stopped) {
          if (input.explicit || stopped) {
            process.stderr.write(
              terminalSafe(`${input.path}: ${stopped && !input.explicit ? 'not checked: ' : ''}${reason}`) + '\n',
            );
            failed = true;
          } else process.stderr.write(terminalSafe(`${input.path}: skipped: ${reason}`) + '\n');
        },
        missing(path) {
          process.stderr.write(terminalSafe(`${path}: no such file or folder`) + '\n');
          failed = true;
        },
      },
    );
  } catch (e) {
    summaries.dispose();
    throw e;
  }
  const tRead = Date.now();
  const stored = stats.parsed === 0 ? crossMemo(cache?.memo, stats.inputs) : null;
  if (stored) {
    summaries.dispose();
    for (const part of stored) out.cross(part);
  } else {
    for (const s of waiting ?? []) summaries.add(s);
    const parts: CrossFinding[][] = [];
    summaries.reconcileEach({ severities }, (cross) => {
      if (cache) parts.push(cross);
      out.cross(cross);
    });
    if (cache && stats.inputs) cache.setMemo({ inputs: stats.inputs, cross: parts } satisfies CrossMemo);
  }
  const tCross = Date.now();
  const saveNote = cache?.save();
  if (saveNote) process.stderr.write(`form4: note: ${saveNote}\n`);
  out.end();
  if (c.stats) {
    const tEnd = Date.now();
    process.stderr.write(
      `form4: ${stats.files} files: ${stats.parsed} read, ${stats.cached} unchanged (from the cache); ${tEnd - t0} ms ` +
        `(files ${tRead - t0} ms, cross-filing ${tCross - tRead} ms, cache and output ${tEnd - tCross} ms)\n`,
    );
  }
  if (failed) return 2;
  return out.errors > 0 ? 1 : 0;
}
