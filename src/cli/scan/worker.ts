/** The body of a scan worker thread: checks the batches of files the main thread sends, one answer per batch. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { inspectBytes, type InspectOptions } from '../../core/inspect';
import { checkFile } from './file';
import type { ReadScratch } from '../files';
import { encodeOutcome } from './cache';
import { Progress, type BatchMessage, type FileResultMessage, type ScanWorkerData, type WorkerMessage } from './pool';

/** True in a thread started by the scan pool (the CLI bundle is both the command and the worker). */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<ScanWorkerData> | null)?.form4ScanWorker === true;
}

export function runScanWorker(): void {
  const data = workerData as ScanWorkerData;
  // No PDF reader here: PDFs are left to the main thread's reader.
  const options: InspectOptions = { severities: data.severities };
  const progress = new Progress(data.progress);
  // One read buffer for the thread: files are read one at a time and their outcomes keep no bytes.
  const scratch: ReadScratch = { buf: null };
  let queue: Promise<void> = Promise.resolve();
  parentPort!.on('message', (m: BatchMessage) => {
    queue = queue.then(async () => {
      const results: FileResultMessage[] = [];
      for (const job of m.jobs) {
        progress.start(job.index);
        const outcome = await checkFile(job.path, options, {
          deferPdf: true,
          inspect: inspectBytes,
          scratch,
          manifest: job.manifest,
        });
        results.push({ index: job.index, ...encodeOutcome(outcome) });
      }
      parentPort!.postMessage({ results } satisfies WorkerMessage);
    });
  });
  // The time limits count from here: loading this script is not reading a file.
  parentPort!.postMessage({ ready: true } satisfies WorkerMessage);
}
