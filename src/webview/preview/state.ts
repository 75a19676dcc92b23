/**
 * What the page holds: the model drawn and its elements by model path (rebuilt on every render, read by
 * navigation), and the scroll position VS Code keeps across hide/restore (`setState`).
 */
import type { ViewModel } from '../../shared/previewProtocol';
import { host } from './messages';

export const page = {
  /** null while a failure is shown. */
  model: null as ViewModel | null,
  /** Values, rows, owners and footnotes by model path. */
  byPath: new Map<string, HTMLElement>(),
  /** Footnote list entries by footnote id. */
  footnotes: new Map<string, HTMLElement>(),
  /** The value marked as the text editor's caret position. */
  caret: null as HTMLElement | null,
};

/** Forget the elements of the previous render. */
export function resetPage(model: ViewModel | null): void {
  page.model = model;
  page.byPath = new Map();
  page.footnotes = new Map();
  page.caret = null;
}

let restored = false;

/** Back to where the user was before the page was made again (once per page, and only for the same file). */
export function restoreScroll(file: string): void {
  if (restored) return;
  restored = true;
  const s = host.getState();
  if (s && s.file === file) window.scrollTo(s.scrollX, s.scrollY);
}

/** Keep the scroll position (at most once per frame). */
export function rememberScroll(): void {
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      host.setState({ scrollX: window.scrollX, scrollY: window.scrollY, file: page.model?.file ?? null });
    });
  });
}
