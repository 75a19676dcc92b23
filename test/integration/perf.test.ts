/**
 * Figures for `npm run bench` (section "extension"), measured in the real VS Code through the extension's one
 * measuring hook (src/extension/probe.ts): activation, the preview's first paint (split by the webview's own clock),
 * the holdings timeline and a workspace scan of the example workspace. Registered only when FORM4_PERF_OUT names a
 * file to write them to; the normal suite installs no probe and times nothing.
 *
 * The probe is installed when this file loads, before any test runs: the extension activates only when a test asks,
 * so the probe sees the bundle start loading.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Form4Api } from '../../src/extension/extension';
import type { Probe, ProbeEvent } from '../../src/extension/probe';
import { activate, extension, workspaceUri } from './helpers';

const OUT = process.env.FORM4_PERF_OUT;
const ROUNDS = 7;

/** A mark with the clocks read when it came: extension host time (ms), epoch ms, and the host's CPU time (ms). */
interface Mark {
  event: ProbeEvent;
  at: number;
  epoch: number;
  cpuMs: number;
}

type Named<N extends ProbeEvent['name']> = Mark & { event: Extract<ProbeEvent, { name: N }> };

/** What perf.test.ts writes and scripts/bench.ts reads: one preview's first paint, ms from resolving its editor. */
export interface FirstPaint {
  file: string;
  /** To the page's message that it has drawn the filing. */
  ms: number;
  /** The page with its first model was made. */
  htmlMs: number;
  /** The page's script said it runs. */
  readyMs: number;
  /** Building the DOM (the webview's clock). */
  renderMs: number;
  /** The webview's start-up: its frame began to load; the load could fetch; its script began to run. */
  startup: { pageMs: number; fetchMs: number; scriptMs: number } | null;
}

class Recorder implements Probe {
  readonly marks: Mark[] = [];
  private readonly waiting = new Set<(m: Mark) => void>();

  mark(event: ProbeEvent): void {
    const at = performance.now();
    const cpu = process.cpuUsage();
    const m: Mark = { event, at, epoch: performance.timeOrigin + at, cpuMs: (cpu.user + cpu.system) / 1000 };
    this.marks.push(m);
    for (const w of [...this.waiting]) w(m);
  }

  first<N extends ProbeEvent['name']>(name: N, pred: (e: Extract<ProbeEvent, { name: N }>) => boolean = () => true) {
    return this.marks.find((m): m is Named<N> => m.event.name === name && pred(m.event as never));
  }

  /** The first mark named `name` (matching `pred`) from now on. */
  next<N extends ProbeEvent['name']>(
    name: N,
    pred: (e: Extract<ProbeEvent, { name: N }>) => boolean = () => true,
    ms = 60000,
  ): Promise<Named<N>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        reject(new Error(`no ${name} mark within ${ms} ms`));
      }, ms);
      const check = (m: Mark): void => {
        if (m.event.name !== name || !pred(m.event as never)) return;
        clearTimeout(timer);
        this.waiting.delete(check);
        resolve(m as Named<N>);
      };
      this.waiting.add(check);
    });
  }
}

function need<T>(what: string, v: T | undefined): T {
  if (v === undefined) throw new Error(`the probe saw no ${what}`);
  return v;
}

if (OUT) {
  const recorder = new Recorder();
  const activeBefore = extension().isActive;
  (globalThis as Record<symbol, unknown>)[Symbol.for('form4Inspector.probe')] = recorder;

  describe('perf (npm run bench)', function () {
    this.timeout(300000);

    it('measures activation, the preview first paint, the timeline and a scan', async () => {
      if (activeBefore) throw new Error('the extension was active before the probe was installed');
      await activate<Form4Api>();
      const load = [
        need('bundle start', recorder.first('bundle-start')),
        need('bundle end', recorder.first('bundle-end')),
      ];
      const body = [
        need('activate() start', recorder.first('activate-start')),
        need('activate() end', recorder.first('activate-end')),
      ];
      const loadMs = load[1].at - load[0].at;
      const activateBodyMs = body[1].at - body[0].at;
      const activationCpuMs = load[1].cpuMs - load[0].cpuMs + (body[1].cpuMs - body[0].cpuMs);

      const paints: FirstPaint[] = [];
      for (const file of ['alto-ingredients-form4.xml', 'multiple-owners-indirect-form4.xml']) {
        const uri = workspaceUri(file).toString();
        for (let i = 0; i < ROUNDS; i++) {
          const started = recorder.next('preview-start', (e) => e.uri === uri);
          const from = recorder.marks.length;
          await vscode.commands.executeCommand('vscode.openWith', workspaceUri(file), 'form4Inspector.preview');
          const start = await started;
          const id = start.event.preview;
          const drawn = recorder.first('preview-rendered', (e) => e.preview === id);
          const rendered = drawn ?? (await recorder.next('preview-rendered', (e) => e.preview === id));
          const after = recorder.marks.slice(from);
          const at = (name: 'preview-page' | 'preview-ready'): number =>
            need(
              name,
              after.find((m) => m.event.name === name && m.event.preview === id),
            ).at - start.at;
          const timing = rendered.event.timing;
          const s = timing?.startup;
          paints.push({
            file,
            ms: rendered.at - start.at,
            htmlMs: at('preview-page'),
            readyMs: at('preview-ready'),
            renderMs: timing?.renderMs ?? NaN,
            startup: s
              ? {
                  pageMs: s.pageStart - start.epoch,
                  fetchMs: s.fetchStart - start.epoch,
                  scriptMs: s.scriptStart - start.epoch,
                }
              : null,
          });
          await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        }
      }

      const folder = vscode.workspace.workspaceFolders![0].uri;
      const from = recorder.marks.length;
      const result = await vscode.commands.executeCommand('form4Inspector.showTimeline', folder);
      if (!result) throw new Error('the timeline command returned nothing');
      const tl = recorder.marks.slice(from);
      const tlAt = (name: ProbeEvent['name']): Mark =>
        need(
          name,
          tl.find((m) => m.event.name === name),
        );
      const tlRendered = tlAt('timeline-rendered') as Named<'timeline-rendered'>;
      const timeline = {
        files: (tlAt('timeline-read') as Named<'timeline-read'>).event.files,
        readMs: tlAt('timeline-read').at - tlAt('timeline-start').at,
        buildMs: tlAt('timeline-built').at - tlAt('timeline-read').at,
        paintMs: tlRendered.at - tlAt('timeline-built').at,
        renderMs: tlRendered.event.renderMs,
      };
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');

      const scanFrom = recorder.marks.length;
      await vscode.commands.executeCommand('form4Inspector.scanWorkspace', { silent: true });
      const sc = recorder.marks.slice(scanFrom);
      const scanStart = need(
        'scan start',
        sc.find((m) => m.event.name === 'scan-start'),
      );
      const scanEnd = need(
        'scan end',
        sc.find((m): m is Named<'scan-end'> => m.event.name === 'scan-end'),
      );
      const scan = { files: scanEnd.event.files, filings: scanEnd.event.filings, ms: scanEnd.at - scanStart.at };

      fs.writeFileSync(
        OUT,
        JSON.stringify(
          {
            vscode: vscode.version,
            activationMs: loadMs + activateBodyMs,
            loadMs,
            activateBodyMs,
            activationCpuMs,
            paints,
            timeline,
            scan,
          },
          null,
          2,
        ),
      );
    });
  });
}
