/**
 * The page's channel to the extension: the VS Code API object (acquireVsCodeApi may be called once per page), what
 * the page posts, the first model embedded in the page, and the page's start-up as its own clock tells it.
 */
import type {
  HostMessage,
  InitialDataId,
  InitialMessage,
  WebviewMessage,
  WebviewStartup,
  WebviewState,
} from '../../shared/previewProtocol';

/** When this script began to run (epoch ms): main.ts imports this module first. */
const scriptStart = performance.timeOrigin + performance.now();

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const host = acquireVsCodeApi();

export function post(m: WebviewMessage): void {
  host.postMessage(m);
}

export function onMessage(handle: (m: HostMessage) => void): void {
  window.addEventListener('message', (ev: MessageEvent<HostMessage>) => handle(ev.data));
}

/** The model embedded in the page, if any (see InitialDataId). */
export function initialMessage(): InitialMessage | null {
  const id: InitialDataId = 'form4-initial';
  const data = document.getElementById(id);
  if (!data || !data.textContent) return null;
  try {
    const m = JSON.parse(data.textContent) as InitialMessage;
    return m && (m.type === 'update' || m.type === 'failure') ? m : null;
  } catch (e) {
    post({ type: 'error', message: `the embedded model could not be read: ${String(e)}` });
    return null;
  }
}

/** When the page's frame began to load, when the load could fetch, when this script began to run (epoch ms). */
export function startup(): WebviewStartup {
  const origin = performance.timeOrigin;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    pageStart: origin,
    fetchStart: origin + (nav ? nav.fetchStart : 0),
    scriptStart,
  };
}
