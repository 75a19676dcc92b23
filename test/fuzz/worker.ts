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
  /** CPU time an input may take, in ms. */
  cpuBudgetMs: number;
  /** PDFs run with the PDF reader's own time limit: their CPU-time budget is that limit plus the text budget. */
  pdfCpuBudgetMs: number;
}

async function main(): Promise<void> {
  const d = workerData as Data;
  const port = parentPort;
  if (!port) throw new Error('run as a worker');
  const cases = buildCases(d.options);
  // A full collection before a large input and after one, so the collector's work on one input's garbage is not
  // counted in the next input's CPU time.
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
    const r = await runCase(
      i,
      cases[i],
      bytes,
      pdf ? d.pdfCpuBudgetMs : d.cpuBudgetMs,
      self === 'crash' ? selfTestCrash : undefined,
    );
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
