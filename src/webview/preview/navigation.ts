/**
 * Moving around the preview: footnote markers and their way back, findings to their value, values to the source
 * (Reveal in Source), and the scroll-and-flash the tree view and the editor's caret ask for.
 *
 * No link ever navigates the webview: filing text never becomes a link, and clicks on our own anchors are handled here.
 */
import { post } from './messages';
import { page } from './state';

function flash(e: HTMLElement): void {
  e.classList.remove('flash');
  void e.offsetWidth;
  e.classList.add('flash');
  setTimeout(() => e.classList.remove('flash'), 1600);
}

export function focusPath(path: string, soft = false): void {
  let e = page.byPath.get(path);
  // A field the preview does not show (e.g. an unused optional column): fall back to its row.
  if (!e) {
    const m = /^((?:nonDerivative|derivative)\[\d+\])/.exec(path);
    if (m) e = page.byPath.get(m[1]);
  }
  if (!e) return;
  if (soft) {
    // follows the caret in the text editor: mark the value, scroll only when it is out of view
    page.caret?.classList.remove('current');
    page.caret = e;
    e.classList.add('current');
    e.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return;
  }
  e.scrollIntoView({ block: 'center', inline: 'nearest' });
  flash(e);
}

function reveal(target: HTMLElement, path: string | null): void {
  const start = Number(target.dataset.start);
  const end = Number(target.dataset.end);
  if (Number.isFinite(start) && Number.isFinite(end)) post({ type: 'reveal', span: { start, end }, path });
}

function activate(target: HTMLElement): void {
  const a = target.closest('a');
  if (a) {
    if (a.dataset.footnote && a.dataset.back) {
      // back from a footnote to the citing value
      const from = document.querySelector<HTMLElement>(
        `a[data-footnote="${CSS.escape(a.dataset.footnote)}"][data-from="${CSS.escape(a.dataset.back)}"]`,
      );
      const cell = from ?? page.byPath.get(a.dataset.back) ?? null;
      if (cell) {
        cell.scrollIntoView({ block: 'center' });
        flash(cell.closest('.cell') ?? cell);
        cell.focus();
      } else focusPath(a.dataset.back);
    } else if (a.dataset.footnote) {
      const li = page.footnotes.get(a.dataset.footnote);
      if (li) {
        li.scrollIntoView({ block: 'center' });
        flash(li);
        li.focus();
      }
    }
    return;
  }
  const goto = target.closest<HTMLElement>('[data-goto]');
  if (goto) {
    focusPath(goto.dataset.goto!);
    if (goto.dataset.start) reveal(goto, goto.dataset.goto ?? null);
    return;
  }
  const v = target.closest<HTMLElement>('.revealable');
  if (v) {
    const cell = v.closest<HTMLElement>('[data-path]');
    reveal(v, cell?.dataset.path ?? null);
  }
}

/** Clicks and Enter/Space on values, findings and footnote links. */
export function listenForNavigation(): void {
  document.addEventListener('click', (ev) => {
    const t = ev.target as HTMLElement | null;
    // No link ever navigates the webview (filing text never becomes a link; ours are handled here).
    if (t?.closest('a')) ev.preventDefault();
    if (t) activate(t);
  });

  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    const t = ev.target as HTMLElement | null;
    if (t && (t.classList.contains('revealable') || t.dataset.goto || t.tagName === 'A')) {
      ev.preventDefault();
      activate(t);
    }
  });
}
