/**
 * The holdings timeline UI (browser bundle dist/timeline.js): a list of reporting owner / issuer pairs and, for the
 * one selected, one chart per security and ownership form (src/webview/timeline/chart.ts) on a shared time axis.
 * Clicking a point (or Enter on it) asks the host to open that filing at that row.
 *
 * Safety: filing text reaches the DOM only through textContent / setAttribute; no markup from data is parsed.
 */
import { scaleSqrt, scaleUtc } from 'd3-scale';
import { codeInfo } from '../../core/codes';
import { baseName, fmtAmount, fmtMoney, fmtPrice } from '../../core/format';
import type { TimelineGroup, TimelinePoint } from '../../core/timeline';
import type {
  TimelineData,
  TimelineGroupDetail,
  TimelineGroupSummary,
  TimelineHostMessage,
  TimelineWebviewMessage,
  TimelineWebviewState,
} from '../../shared/timelineProtocol';
import { DAY_MS, MARGIN, seriesChart, utcDay } from './chart';
import { el } from '../dom';

interface VsCodeApi {
  postMessage(message: TimelineWebviewMessage): void;
  getState(): TimelineWebviewState | undefined;
  setState(state: TimelineWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
const tip = document.getElementById('tip') as HTMLElement;

/** The pairs of the current version, the series received so far, and the totals. */
let summaries: TimelineGroupSummary[] | null = null;
const details = new Map<string, TimelineGroupDetail>();
let totals: { counts: TimelineData['counts']; filings: number; skipped: TimelineData['skipped'] } | null = null;
let initialKey: string | null = null;
let files: Record<number, string> = {};
let version = 0;
/** The host asked for render times (only while the bench measures). */
let measure = false;
let title = '';
const state: TimelineWebviewState = vscode.getState() ?? { group: null, filter: '' };
const MAX_LISTED = 400;
const CHART_HEIGHT = 150;

function post(m: TimelineWebviewMessage): void {
  vscode.postMessage(m);
}

function groups(): TimelineGroupSummary[] {
  return summaries ?? [];
}

function groupTitle(g: TimelineGroupSummary | TimelineGroup): string {
  return `${g.owner.name} \u2014 ${g.issuer.name ?? '(issuer not named)'}${g.issuer.symbol ? ` [${g.issuer.symbol}]` : ''}`;
}

function groupBreaks(g: TimelineGroupSummary): number {
  return g.breaks;
}

/** An amount as everywhere else (src/core/format.ts: every digit, grouped). */
function num(s: string | null): string {
  return fmtAmount(s, 'not given');
}

/** One formatter for all labels (toLocaleDateString would build one per call: slow for thousands of points). */
const DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

function dateText(iso: string | null): string {
  if (!iso) return 'no date';
  const d = utcDay(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_FORMAT.format(d);
}

function fileName(i: number): string {
  return baseName(files[i] ?? '');
}

function pointLabel(p: TimelinePoint): string {
  const what =
    p.kind === 'holding'
      ? 'holding'
      : `code ${p.code ?? 'not given'}${p.acquiredDisposed ? ` (${p.acquiredDisposed === 'A' ? 'acquired' : 'disposed'})` : ''} ${num(p.shares)}${p.price !== null ? ` at ${fmtPrice(p.price)}` : ''}`;
  const b = p.breaks.length ? `; tally break: ${p.breaks.map((x) => x.message).join('; ')}` : '';
  return `${dateText(p.date)}: ${what}; owned after ${num(p.owned)}; ${fileName(p.filing)} ${p.table === 'derivative' ? 'Table II' : 'Table I'} row ${p.row + 1}${b}`;
}

function showTip(p: TimelinePoint | null, target: Element | null): void {
  if (!p || !target) {
    tip.hidden = true;
    return;
  }
  tip.replaceChildren();
  tip.append(el('div', 'tip-date', dateText(p.date)));
  if (p.kind === 'holding') tip.append(el('div', undefined, 'Holding (no transaction)'));
  else {
    const info = codeInfo(p.code);
    tip.append(
      el(
        'div',
        'tip-code',
        `${p.code ?? '?'}: ${info ? info.meaning : p.code ? 'not a known code' : 'code not given'}`,
      ),
    );
    tip.append(
      el(
        'div',
        undefined,
        `${p.acquiredDisposed === 'A' ? 'Acquired' : p.acquiredDisposed === 'D' ? 'Disposed of' : 'Amount'} ${num(p.shares)}${p.price !== null ? ` at ${fmtPrice(p.price)}` : ', price not given'}${p.value !== null ? ` (${fmtMoney(p.value)})` : ''}`,
      ),
    );
  }
  tip.append(el('div', undefined, `Owned afterwards: ${num(p.owned)}`));
  tip.append(
    el(
      'div',
      'tip-file',
      `${fileName(p.filing)}, ${p.table === 'derivative' ? 'Table II' : 'Table I'} row ${p.row + 1}`,
    ),
  );
  for (const b of p.breaks)
    tip.append(
      el(
        'div',
        'tip-break',
        `${b.scope === 'cross' ? 'Across filings' : 'Within the filing'} (${b.rule}): ${b.message}`,
      ),
    );
  tip.hidden = false;
  const r = target.getBoundingClientRect();
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  // Below the point (the line it sits on stays visible), else above; shifted left to stay in the window.
  let left = Math.min(r.left - 12, window.innerWidth - w - 8);
  left = Math.max(8, left);
  let top = r.bottom + 10;
  if (top + h > window.innerHeight - 8) top = Math.max(8, r.top - h - 10);
  // CSSOM positioning (allowed by the CSP; no style attribute is written as markup).
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${top + window.scrollY}px`;
}

function open(p: TimelinePoint): void {
  post({ type: 'open', filing: p.filing, path: p.path, span: p.span });
}

function selected(): TimelineGroupSummary | null {
  const gs = groups();
  if (!gs.length) return null;
  return gs.find((g) => g.key === state.group) ?? gs.find((g) => g.key === initialKey) ?? gs[0];
}

function save(): void {
  vscode.setState(state);
}

function renderList(list: HTMLElement, current: TimelineGroupSummary | null): void {
  list.replaceChildren();
  const q = state.filter.trim().toLowerCase();
  const match = groups().filter(
    (g) =>
      !q ||
      groupTitle(g).toLowerCase().includes(q) ||
      (g.owner.cik ?? '').includes(q) ||
      (g.issuer.cik ?? '').includes(q),
  );
  for (const g of match.slice(0, MAX_LISTED)) {
    const li = el('li');
    const on = !!current && g.key === current.key;
    const b = el('button', 'group' + (on ? ' selected' : ''));
    b.type = 'button';
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
    b.setAttribute('data-key', g.key);
    b.append(
      el('span', 'owner', g.owner.name),
      el('span', 'issuer', `${g.issuer.name ?? '(issuer not named)'}${g.issuer.symbol ? ` [${g.issuer.symbol}]` : ''}`),
    );
    const nb = groupBreaks(g);
    if (nb) b.append(el('span', 'badge', `${nb} break${nb === 1 ? '' : 's'}`));
    b.addEventListener('click', () => {
      state.group = g.key;
      save();
      render();
    });
    li.append(b);
    list.append(li);
  }
  if (match.length > MAX_LISTED)
    list.append(el('li', 'muted', `${match.length - MAX_LISTED} more; type to narrow the list`));
  if (!match.length) list.append(el('li', 'muted', 'No owner or issuer matches.'));
}

function renderGroup(section: HTMLElement, d: TimelineGroupDetail): { points: number; breaks: number } {
  const g = d.group;
  files = d.files;
  section.replaceChildren();
  section.append(el('h2', undefined, groupTitle(g)));
  const ids = [g.owner.cik ? `owner CIK ${g.owner.cik}` : null, g.issuer.cik ? `issuer CIK ${g.issuer.cik}` : null]
    .filter(Boolean)
    .join(', ');
  if (ids) section.append(el('p', 'muted', ids));
  const all = g.series.flatMap((s) => s.points);
  const dates = all.filter((p) => p.date).map((p) => utcDay(p.date!).getTime());
  const values = all.map((p) => (p.value !== null ? Math.abs(Number(p.value)) : 0)).filter((v) => Number.isFinite(v));
  let lo = dates.length ? Math.min(...dates) : Date.UTC(2000, 0, 1);
  let hi = dates.length ? Math.max(...dates) : lo;
  // The axis fits the data's span: a day's margin each side (a single day's trades are not squeezed into a month).
  const pad = Math.max((hi - lo) * 0.04, DAY_MS);
  lo -= pad;
  hi += pad;
  const width = Math.max(360, Math.floor(section.clientWidth || root.clientWidth || 800) - 4);
  const x = scaleUtc()
    .domain([new Date(lo), new Date(hi)])
    .range([MARGIN.left, width - MARGIN.right]);
  const r = scaleSqrt()
    .domain([0, Math.max(1, ...values)])
    .range([3.5, 12])
    .clamp(true);

  // Legend: the codes in this group.
  const codes = [...new Set(all.map((p) => (p.kind === 'holding' ? 'holding' : (p.code ?? 'none'))))].sort();
  const legend = el('ul', 'legend');
  legend.setAttribute('aria-label', 'Legend');
  for (const c of codes) {
    const li = el('li');
    const sw = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    sw.setAttribute('width', '14');
    sw.setAttribute('height', '14');
    sw.setAttribute('aria-hidden', 'true');
    const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    dot.setAttribute('cx', '7');
    dot.setAttribute('cy', '7');
    dot.setAttribute('r', '5');
    dot.setAttribute('class', `pt ${c === 'holding' ? 'holding' : `code-${c}`}`);
    sw.append(dot);
    li.append(
      sw,
      el(
        'span',
        undefined,
        c === 'holding'
          ? 'holding (no transaction)'
          : c === 'none'
            ? 'code not given'
            : `${c} ${codeInfo(c)?.short ?? ''}`.trim(),
      ),
    );
    legend.append(li);
  }
  const brk = el('li', 'legend-break', 'ring and rule: running tally breaks (hover for the arithmetic)');
  legend.append(brk);
  legend.append(el('li', 'muted', 'point size: value (shares \u00d7 price)'));
  section.append(legend);

  let breaks = 0;
  for (const s of g.series) {
    const fig = el('figure', 'series');
    fig.setAttribute('data-key', s.key);
    const cap = el('figcaption');
    cap.append(el('span', 'series-label', s.label));
    const undated = s.points.filter((p) => !p.date).length;
    cap.append(
      el(
        'span',
        'muted',
        ` \u00b7 ${s.points.length} point${s.points.length === 1 ? '' : 's'}${s.breaks ? ` \u00b7 ${s.breaks} break${s.breaks === 1 ? '' : 's'}` : ''}${undated ? ` \u00b7 ${undated} without a date (not drawn)` : ''}`,
      ),
    );
    fig.append(cap);
    fig.append(
      seriesChart(s, { width, height: CHART_HEIGHT, x, r, label: pointLabel, onOpen: open, onHover: showTip }),
    );
    section.append(fig);
    breaks += s.breaks;
  }
  return { points: all.length, breaks };
}

/** The files not drawn, each with the reason, behind a summary line ("3 files skipped"). */
function skippedList(skipped: TimelineData['skipped']): HTMLElement {
  const box = el('details', 'skipped');
  box.append(el('summary', undefined, `${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped`));
  const ul = el('ul');
  for (const x of skipped.slice(0, MAX_LISTED)) {
    const li = el('li');
    const name = el('span', 'skipped-file', baseName(x.file));
    name.title = x.file;
    li.append(name, el('span', 'muted', ` \u2014 ${x.reason}`));
    ul.append(li);
  }
  if (skipped.length > MAX_LISTED) ul.append(el('li', 'muted', `${skipped.length - MAX_LISTED} more`));
  box.append(ul);
  return box;
}

function render(): void {
  const t0 = performance.now();
  tip.hidden = true;
  root.replaceChildren();
  if (!summaries || !totals) {
    root.append(el('p', 'muted', 'Reading the filings\u2026'));
    return;
  }
  const head = el('header');
  head.append(el('h1', undefined, 'Holdings timeline'));
  const c = totals.counts;
  head.append(
    el(
      'p',
      'muted',
      `${title} \u00b7 ${totals.filings} filing${totals.filings === 1 ? '' : 's'} \u00b7 ${summaries.length} owner/issuer pair${summaries.length === 1 ? '' : 's'} \u00b7 ${c.series} series \u00b7 ${c.points} points \u00b7 ${c.breaks} break${c.breaks === 1 ? '' : 's'}`,
    ),
  );
  if (totals.skipped.length) head.append(skippedList(totals.skipped));
  root.append(head);
  if (!summaries.length) {
    root.append(el('p', undefined, 'No ownership filings with a reporting owner and an issuer were found here.'));
    post({ type: 'rendered', version, points: 0, breaks: 0, group: null, ...renderTime(t0) });
    return;
  }
  const layout = el('div', 'layout');
  const nav = el('nav', 'groups');
  nav.setAttribute('aria-label', 'Reporting owners and issuers');
  const search = el('input', 'filter');
  search.type = 'search';
  search.placeholder = 'Filter owners and issuers';
  search.setAttribute('aria-label', 'Filter owners and issuers');
  search.value = state.filter;
  const list = el('ul', 'group-list');
  search.addEventListener('input', () => {
    state.filter = search.value;
    save();
    renderList(list, selected());
  });
  nav.append(search, list);
  const section = el('section', 'charts');
  section.setAttribute('aria-live', 'polite');
  layout.append(nav, section);
  root.append(layout);
  const g = selected();
  renderList(list, g);
  if (!g) return;
  const d = details.get(g.key);
  if (!d) {
    section.append(el('h2', undefined, groupTitle(g)), el('p', 'muted', 'Loading the series\u2026'));
    post({ type: 'group', key: g.key });
    return;
  }
  const shown = renderGroup(section, d);
  const time = renderTime(t0);
  requestAnimationFrame(() =>
    post({ type: 'rendered', version, points: shown.points, breaks: shown.breaks, group: g.key, ...time }),
  );
}

function renderTime(t0: number): { renderMs?: number } {
  return measure ? { renderMs: performance.now() - t0 } : {};
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (summaries) render();
  }, 150);
});

window.addEventListener('message', (e: MessageEvent<TimelineHostMessage>) => {
  const m = e.data;
  try {
    if (m.type === 'loading') {
      root.replaceChildren(el('p', 'muted', m.message));
    } else if (m.type === 'error') {
      root.replaceChildren(el('p', 'error', m.message));
    } else if (m.type === 'data') {
      summaries = m.groups;
      totals = { counts: m.counts, filings: m.filings, skipped: m.skipped };
      details.clear();
      if (m.initial) details.set(m.initial.group.key, m.initial);
      initialKey = m.initial?.group.key ?? null;
      version = m.version;
      measure = m.measure === true;
      title = m.title;
      render();
    } else if (m.type === 'group') {
      if (m.version !== version) return;
      details.set(m.detail.group.key, m.detail);
      if (selected()?.key === m.detail.group.key) render();
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
  }
});

window.addEventListener('error', (e) => post({ type: 'error', message: String(e.message) }));
post({ type: 'ready', group: state.group });
