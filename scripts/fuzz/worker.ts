/**
 * The fuzzer's worker thread: builds the case list (identical to the main thread's), runs cases from `from`
 * on, and tells the main thread when each starts and ends, so a hang is seen by the watchdog there.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { buildCases, type FuzzOptions } from './cases';
import { runCase } from './run';

interface Data {
  options: FuzzOptions;
  from: number;
  only: number[] | null;
  deadline: number;
  budgetMs: number;
  /** PDFs run with the PDF reader's own time limit: this budget is that limit plus a margin. */
  pdfBudgetMs: number;
}

async function main(): Promise<void> {
  const d = workerData as Data;
  const port = parentPort;
  if (!port) throw new Error('run as a worker');
  const cases = buildCases(d.options);
  // A full collection before a large input, so its time is its own and not the previous input's garbage.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  let lastBytes = 0;
  const order = d.only ?? cases.map((_, i) => i);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (i < d.from) continue;
    if (Date.now() > d.deadline) {
      port.postMessage({ t: 'deadline', next: i });
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = cases[i].build();
    } catch (e) {
      port.postMessage({ t: 'build-error', index: i, message: String(e) });
      continue;
    }
    if (gc && (bytes.length > 1_000_000 || lastBytes > 1_000_000)) gc();
    lastBytes = bytes.length;
    const pdf = isPdfBytes(bytes);
    port.postMessage({ t: 'start', index: i, name: cases[i].name, pdf, bytes: bytes.length });
    const self = cases[i].selfTest;
    if (self === 'hang') for (;;); // the watchdog must stop this
    let r = await runCase(
      i,
      cases[i],
      bytes,
      pdf ? d.pdfBudgetMs : d.budgetMs,
      self === 'crash' ? selfTestCrash : undefined,
    );
    if (r.failure?.kind === 'slow') {
      // Once more after a full collection: a shared 2-core machine under load can double a time. An input that is
      // really slow stays slow; the first time is kept in the result either way.
      gc?.();
      const again = await runCase(i, cases[i], bytes, pdf ? d.pdfBudgetMs : d.budgetMs);
      again.firstMs = r.ms;
      r = again;
    }
    r.pdf = pdf;
    port.postMessage({ t: 'done', result: r });
  }
  port.postMessage({ t: 'end' });
}

async function selfTestCrash(): Promise<never> {
  throw new Error('self-test: an exception escaping inspectBytes');
}

function isPdfBytes(b: Uint8Array): boolean {
  return Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 1024)).includes('%PDF-');
}

main().catch((e) => {
  parentPort?.postMessage({ t: 'fatal', message: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
});
