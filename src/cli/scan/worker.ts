/** The body of a scan worker thread: checks the batches of files the main thread sends, one result per file. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { InspectOptions } from '../../core/inspect';
import { checkFile } from './file';
import type { BatchMessage, ResultMessage, ScanWorkerData } from './pool';

/** True in a thread started by the scan pool (the CLI bundle is both the command and the worker). */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<ScanWorkerData> | null)?.form4ScanWorker === true;
}

export function runScanWorker(): void {
  // No PDF reader here: PDFs are left to the main thread's reader.
  const options: InspectOptions = { severities: (workerData as ScanWorkerData).severities };
  let queue: Promise<void> = Promise.resolve();
  parentPort!.on('message', (m: BatchMessage) => {
    queue = queue.then(async () => {
      for (const job of m.jobs) {
        const outcome = await checkFile(job.path, options, true);
        parentPort!.postMessage({ index: job.index, json: JSON.stringify(outcome) } satisfies ResultMessage);
      }
    });
  });
}
