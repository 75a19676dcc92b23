/**
 * The preview UI (browser bundle dist/webview.js): draws the model the extension sends (render.ts), lets the user
 * move around it and back to the source (navigation.ts), keeps its scroll position (state.ts), and talks to the
 * extension (messages.ts). The first model comes inside the page, so the form is drawn as soon as this script runs.
 */
import { initialMessage, onMessage, post, startup } from './messages';
import type { HostMessage, InitialMessage, RenderTiming } from '../../shared/previewProtocol';
import { render, renderFailure } from './render';
import { focusPath, listenForNavigation } from './navigation';
import { rememberScroll } from './state';
import { fitOnResize } from './fit';

/** The page's start-up goes with its first measured render only. */
let startupReported = false;

function timing(renderMs: number): RenderTiming {
  if (startupReported) return { renderMs };
  startupReported = true;
  return { renderMs, startup: startup() };
}

/** Tell the extension a version is on screen (after the frame that shows it). */
function rendered(m: InitialMessage, renderMs: number): void {
  requestAnimationFrame(() =>
    post({ type: 'rendered', version: m.version, ...(m.measure ? { timing: timing(renderMs) } : {}) }),
  );
}

function onHostMessage(m: HostMessage): void {
  switch (m.type) {
    case 'update':
      rendered(m, render(m.model));
      break;
    case 'failure':
      rendered(m, renderFailure(m.failure));
      break;
    case 'focus':
      focusPath(m.path, m.soft === true);
      break;
  }
}

listenForNavigation();
rememberScroll();
fitOnResize();
onMessage(onHostMessage);
window.addEventListener('error', (ev) => post({ type: 'error', message: String(ev.message) }));

const initial = initialMessage();
if (initial) onHostMessage(initial);
post({ type: 'ready', rendered: initial ? initial.version : undefined });
