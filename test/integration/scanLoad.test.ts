/**
 * Figures for `npm run bench:scan` (BENCHMARKS.md, scale section): in the real VS Code, the time a hover takes to
 * answer (vscode.executeHoverProvider: workbench to extension host and back) with no scan running and while a scan
 * of a large folder runs, the scan's own time cold and from the cache, and the time from Cancel to the scan's end.
 * Registered only when FORM4_SCAN_LOAD_OUT names the file to write them to and FORM4_SCAN_LOAD_DIRS two folders of
 * the same files (the second a cold copy for the Cancel run); the normal suite times nothing.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Form4Api } from '../../src/extension/extension';
import type { ScanSummary } from '../../src/extension/scan';
import { activate, workspaceUri } from './helpers';

const OUT = process.env.FORM4_SCAN_LOAD_OUT;
const DIRS = (process.env.FORM4_SCAN_LOAD_DIRS ?? '').split(',').filter(Boolean);
const HOVERS = 20;

export interface ScanLoadRun {
  files: number;
  idleHoverMs: number[];
  scanningHoverMs: number[];
  /** Hovers measured while the scan still ran (all of them, unless it finished first). */
  hoversDuringScan: number;
  coldScanMs: number;
  /** Hovers from the start of a re-scan of the unchanged folder (from the cache). */
  cachedHoverMs: number[];
  hoversDuringCachedScan: number;
  cachedScanMs: number;
  cachedParsed: number;
  cancelToEndMs: number;
  filesWhenCancelled: number;
}

if (OUT && DIRS.length === 2) {
  describe('scan load (npm run bench:scan)', function () {
    this.timeout(1_800_000);

    it('measures hovers with and without a scan running, and Cancel', async () => {
      const api = await activate<Form4Api>();
      const doc = await vscode.workspace.openTextDocument(workspaceUri('alto-ingredients-form4.xml'));
      await vscode.window.showTextDocument(doc);
      const at = doc.positionAt(doc.getText().indexOf('<transactionCode>') + '<transactionCode>'.length);
      const hover = async (): Promise<number> => {
        const t0 = performance.now();
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
        const ms = performance.now() - t0;
        if (!h.length) throw new Error('no hover');
        return ms;
      };
      // The hover answers from the document's reading, which arrives from the reading worker.
      await api.service.whenRead(doc);
      await hover();
      const idleHoverMs: number[] = [];
      for (let i = 0; i < HOVERS; i++) idleHoverMs.push(await hover());

      const batches = (dir: string, n: number) =>
        new Promise<void>((resolve) => {
          const prefix = vscode.Uri.file(dir).toString();
          let seen = 0;
          const sub = vscode.languages.onDidChangeDiagnostics((e) => {
            if (e.uris.some((u) => u.toString().startsWith(prefix)) && ++seen >= n) {
              sub.dispose();
              resolve();
            }
          });
        });
      const scan = (dir: string, cancel?: vscode.CancellationToken) =>
        vscode.commands.executeCommand<ScanSummary>('form4Inspector.scanWorkspace', {
          silent: true,
          folders: [vscode.Uri.file(dir)],
          cancel,
        });

      const [a, b] = DIRS;
      const t0 = performance.now();
      let ended = false;
      const cold = scan(a).then((s) => ((ended = true), s));
      await batches(a, 1);
      const scanningHoverMs: number[] = [];
      let hoversDuringScan = 0;
      for (let i = 0; i < HOVERS; i++) {
        scanningHoverMs.push(await hover());
        if (!ended) hoversDuringScan++;
      }
      const first = await cold;
      const coldScanMs = performance.now() - t0;
      const t1 = performance.now();
      let againEnded = false;
      const re = scan(a).then((s) => ((againEnded = true), s));
      // From the start: loading the cache and looking at each file's size and time happen on the host's thread.
      const cachedHoverMs: number[] = [];
      let hoversDuringCachedScan = 0;
      for (let i = 0; i < HOVERS; i++) {
        cachedHoverMs.push(await hover());
        if (!againEnded) hoversDuringCachedScan++;
      }
      const again = await re;
      const cachedScanMs = performance.now() - t1;

      const source = new vscode.CancellationTokenSource();
      const running = scan(b, source.token);
      await batches(b, 5);
      const t2 = performance.now();
      source.cancel();
      const cancelled = await running;
      const cancelToEndMs = performance.now() - t2;
      if (!cancelled.cancelled) throw new Error('the scan to cancel ended first');

      const run: ScanLoadRun = {
        files: first.files,
        idleHoverMs,
        scanningHoverMs,
        hoversDuringScan,
        coldScanMs,
        cachedHoverMs,
        hoversDuringCachedScan,
        cachedScanMs,
        cachedParsed: again.parsed,
        cancelToEndMs,
        filesWhenCancelled: cancelled.files,
      };
      fs.writeFileSync(OUT, JSON.stringify(run));
    });
  });
}
