/**
 * Draws a `ViewModel` laid out like the SEC form, or why a file is not shown as a filing.
 *
 * Safety: every piece of filing text goes into the DOM through `textContent` or `setAttribute` (never innerHTML), and
 * no element is made from filing markup. Values that can be revealed in the source carry their span as data
 * attributes; navigation.ts acts on them.
 */
import { secHrefOf } from './links';
import type {
  ViewCell,
  ViewFailure,
  ViewFinding,
  ViewFootnoteRef,
  ViewModel,
  ViewOwner,
  ViewRow,
  ViewTable,
} from '../../shared/previewProtocol';
import { el } from '../dom';
import { fitTables } from './fit';
import { page, resetPage, restoreScroll } from './state';
import { nameTable } from '../../core/lookup';

const root = document.getElementById('root') as HTMLElement;

function add<T extends Node>(parent: Node, child: T): T {
  parent.appendChild(child);
  return child;
}

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;

function worst(findings: ViewFinding[]): 'error' | 'warning' | 'info' | null {
  let w: 'error' | 'warning' | 'info' | null = null;
  for (const f of findings) if (!w || SEVERITY_RANK[f.severity] > SEVERITY_RANK[w]) w = f.severity;
  return w;
}

function findingsOf(indices: number[]): ViewFinding[] {
  return page.model ? indices.map((i) => page.model!.findings[i]).filter((f): f is ViewFinding => f !== undefined) : [];
}

function markFindings(target: HTMLElement, indices: number[]): void {
  const fs = findingsOf(indices);
  const w = worst(fs);
  if (!w) return;
  target.classList.add('finding', `finding-${w}`);
  target.setAttribute('title', fs.map((f) => `${f.severity}: ${f.message} [${f.rule}]`).join('\n'));
  target.setAttribute('aria-invalid', w === 'error' ? 'true' : 'false');
}

/** Footnote markers "(1)" linking to the footnote; the footnote links back. */
function footnoteMarkers(parent: HTMLElement, refs: ViewFootnoteRef[], fromPath: string): void {
  for (const r of refs) {
    const sup = add(parent, el('sup', 'fn-ref'));
    const a = add(sup, el('a', r.defined ? '' : 'fn-missing', `(${r.id.replace(/^F/i, '')})`));
    a.setAttribute('href', '#');
    a.dataset.footnote = r.id;
    a.dataset.from = fromPath;
    a.setAttribute('title', r.defined ? `Footnote ${r.id}` : `Footnote ${r.id} is cited but not defined`);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value: clickable to reveal in source, with footnote markers, finding marks and derived secondary text. */
function value(parent: HTMLElement, c: ViewCell, opts: { placeholder?: string; boolean?: boolean } = {}): HTMLElement {
  const wrap = add(parent, el('span', 'cell'));
  wrap.dataset.path = c.path;
  page.byPath.set(c.path, wrap);
  let shown: string;
  if (opts.boolean) shown = c.text === 'true' ? '\u2612' : '\u2610';
  else shown = c.text ?? c.raw ?? opts.placeholder ?? '';
  const v = add(wrap, el('span', 'v', shown));
  // a date is one word: never broken at its hyphens
  if (ISO_DATE.test(shown)) v.classList.add('date');
  if (opts.boolean) {
    v.classList.add('checkbox');
    v.setAttribute('role', 'img');
    v.setAttribute('aria-label', c.text === 'true' ? 'checked' : c.present ? 'not checked' : 'not given');
  }
  if (c.text === null) wrap.classList.add(c.present ? 'empty' : 'absent');
  if (c.uncertain) {
    wrap.classList.add('uncertain');
    wrap.setAttribute('title', 'Read with doubt (PDF/OCR)');
  }
  if (c.raw !== null && c.text !== null) v.setAttribute('title', `As written: ${c.raw}`);
  if (c.span && page.model?.revealable) {
    v.classList.add('revealable');
    v.tabIndex = 0;
    v.setAttribute('role', 'button');
    v.dataset.start = String(c.span.start);
    v.dataset.end = String(c.span.end);
  }
  footnoteMarkers(wrap, c.footnotes, c.path);
  markFindings(wrap, c.findings);
  if (c.secondary) add(wrap, el('span', 'secondary', c.secondary));
  return wrap;
}

function box(parent: HTMLElement, number: string, title: string, cls = ''): HTMLElement {
  const b = add(parent, el('section', `box ${cls}`.trim()));
  const h = add(b, el('h2', 'box-title'));
  if (number) add(h, el('span', 'box-number', number));
  add(h, document.createTextNode(title));
  return b;
}

function line(
  parent: HTMLElement,
  label: string,
  c: ViewCell,
  opts: { boolean?: boolean; placeholder?: string } = {},
): HTMLElement {
  const row = add(parent, el('div', 'line'));
  if (opts.boolean) {
    value(row, c, { boolean: true });
    add(row, el('span', 'label after', label));
  } else {
    add(row, el('span', 'label', label));
    value(row, c, opts);
  }
  return row;
}

const FORM_TITLES = nameTable({
  '3': 'Initial Statement of Beneficial Ownership of Securities',
  '4': 'Statement of Changes in Beneficial Ownership',
  '5': 'Annual Statement of Changes in Beneficial Ownership',
});

/** Where the filing came from on EDGAR: its address and its index page on SEC.gov (links open in the browser). */
function renderEdgar(head: HTMLElement, e: NonNullable<ViewModel['edgar']>): void {
  const box = add(head, el('div', 'edgar'));
  add(box, el('span', 'label', 'From EDGAR'));
  const link = (address: string, text: string, cls: string) => {
    const secHref = secHrefOf(address);
    if (!secHref) return void add(box, el('span', cls, text));
    const a = add(box, el('a', cls, text));
    a.setAttribute('href', secHref);
    a.setAttribute('title', secHref);
  };
  link(e.url, e.url, 'edgar-url');
  if (e.indexUrl) link(e.indexUrl, 'Filing index', 'edgar-index');
  if (e.filingDate) add(box, el('span', 'edgar-filed', `Filed ${e.filingDate}`));
  if (e.acceptanceDateTime) add(box, el('span', 'edgar-accepted', `Accepted ${e.acceptanceDateTime}`));
}

function renderHeader(m: ViewModel): void {
  const head = add(root, el('header', 'form-head'));
  const type = m.documentType.text ?? m.documentType.raw ?? '?';
  const base = type.replace(/\/A$/i, '');
  const title = add(head, el('h1', 'form-title'));
  const typeCell = value(title, m.documentType, { placeholder: '?' });
  typeCell.classList.add('form-type');
  title.insertBefore(document.createTextNode('FORM '), typeCell);
  add(
    head,
    el('div', 'form-subtitle', `${FORM_TITLES[base] ?? 'Ownership filing'}${/\/A$/i.test(type) ? ' (Amendment)' : ''}`),
  );
  add(head, el('div', 'form-agency', 'United States Securities and Exchange Commission, Washington, D.C. 20549'));
  const meta = add(head, el('div', 'meta'));
  add(meta, el('span', 'file', m.fileName));
  add(meta, el('span', 'badge', m.source.toUpperCase()));
  if (m.schemaVersion.text) add(meta, el('span', 'badge', `Schema ${m.schemaVersion.text}`));
  if (m.pdf) add(meta, el('span', 'badge', `${m.pdf.pages} page${m.pdf.pages === 1 ? '' : 's'}`));
  if (m.edgar) renderEdgar(head, m.edgar);
  if (m.submission) {
    const s = add(head, el('div', 'submission'));
    line(s, 'Accession number', m.submission.accessionNumber, { placeholder: '\u2014' });
    line(s, 'Filed as of', m.submission.filedAsOf, { placeholder: '\u2014' });
    line(s, 'Accepted', m.submission.acceptanceDateTime, { placeholder: '\u2014' });
  } else if (m.pdf?.filedOn || m.pdf?.accession) {
    const s = add(head, el('div', 'submission'));
    if (m.pdf.accession) {
      add(s, el('span', 'label', 'Accession number'));
      add(s, el('span', 'v', m.pdf.accession));
    }
    if (m.pdf.filedOn) {
      add(s, el('span', 'label', 'Filed on'));
      add(s, el('span', 'v', m.pdf.filedOn));
    }
  }
  if (m.summary.length) {
    const sum = add(root, el('section', 'summary'));
    sum.setAttribute('aria-label', 'Summary');
    for (const sentence of m.summary) add(sum, el('p', undefined, sentence));
  }
}

function renderFindings(findings: ViewFinding[], title = 'Findings'): void {
  if (findings.length === 0) {
    add(root, el('div', 'findings-none', 'No findings: the filing passes every enabled check.'));
    return;
  }
  const d = add(root, el('details', 'findings'));
  d.open = true;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const sum = add(d, el('summary'));
  add(sum, el('span', 'findings-title', `${title} `));
  for (const s of ['error', 'warning', 'info'] as const) {
    if (counts[s])
      add(sum, el('span', `count count-${s}`, `${counts[s]} ${s}${counts[s] === 1 ? '' : s === 'info' ? '' : 's'}`));
  }
  const ul = add(d, el('ul', 'findings-list'));
  findings.forEach((f) => {
    const li = add(ul, el('li', `finding-item sev-${f.severity}`));
    add(
      li,
      el(
        'span',
        `sev-icon sev-${f.severity}`,
        f.severity === 'error' ? '\u2716' : f.severity === 'warning' ? '\u26A0' : '\u2139',
      ),
    );
    const msg = add(li, el('span', 'finding-message', f.message));
    add(li, el('code', 'rule', f.rule));
    if (f.page !== null) add(li, el('span', 'page', `page ${f.page}`));
    const target = f.path ?? f.rowPath;
    if (target || f.span) {
      msg.classList.add('link');
      msg.tabIndex = 0;
      msg.setAttribute('role', 'button');
      if (target) msg.dataset.goto = target;
      if (f.span && page.model?.revealable) {
        msg.dataset.start = String(f.span.start);
        msg.dataset.end = String(f.span.end);
      }
    }
  });
}

function renderOwner(parent: HTMLElement, o: ViewOwner): void {
  const div = add(parent, el('div', 'owner'));
  div.dataset.path = o.path;
  page.byPath.set(o.path, div);
  const name = value(div, o.name, { placeholder: '(no name)' });
  name.classList.add('owner-name');
  // street1 / street2 / "city state zip" / state description, each on its own line
  const [street1, street2, city, state, zip, stateDescription] = o.address;
  const a = add(div, el('div', 'address'));
  for (const group of [[street1], [street2], [city, state, zip], [stateDescription]]) {
    const shown = group.filter((c) => c && c.text !== null);
    if (!shown.length) continue;
    const lineEl = add(a, el('div', 'address-line'));
    shown.forEach((c, i) => {
      if (i > 0) add(lineEl, document.createTextNode(' '));
      value(lineEl, c);
    });
  }
  if (o.cik.text !== null) line(div, 'CIK', o.cik);
}

function renderBoxes(m: ViewModel): void {
  const grid = add(root, el('div', 'boxes'));
  const b1 = box(grid, '1.', 'Name and Address of Reporting Person(s)', 'box-owners');
  if (m.owners.length === 0) add(b1, el('div', 'muted', 'No reporting owner in the filing.'));
  for (const o of m.owners) renderOwner(b1, o);

  const b2 = box(grid, '2.', 'Issuer Name and Ticker or Trading Symbol');
  const issuer = add(b2, el('div', 'issuer'));
  value(issuer, m.issuer.name, { placeholder: '(no issuer name)' }).classList.add('issuer-name');
  const sym = add(issuer, el('span', 'symbol'));
  add(sym, document.createTextNode(' ['));
  value(sym, m.issuer.tradingSymbol, { placeholder: '\u2014' });
  add(sym, document.createTextNode(']'));
  line(b2, 'CIK', m.issuer.cik, { placeholder: '\u2014' });

  const base = (m.documentType.text ?? '').replace(/\/A$/i, '');
  const b3 = box(
    grid,
    '3.',
    base === '3'
      ? 'Date of Event Requiring Statement'
      : base === '5'
        ? 'Statement for Issuer\u2019s Fiscal Year Ended'
        : 'Date of Earliest Transaction',
  );
  value(b3, m.periodOfReport, { placeholder: '\u2014' });

  const b4 = box(grid, '4.', 'If Amendment, Date of Original Filed');
  value(b4, m.dateOfOriginalSubmission, { placeholder: '\u2014' });

  const b5 = box(grid, '5.', 'Relationship of Reporting Person(s) to Issuer');
  for (const o of m.owners) {
    const r = add(b5, el('div', 'relationship'));
    if (m.owners.length > 1) add(r, el('div', 'rel-owner', o.name.text ?? '(no name)'));
    const checks = add(r, el('div', 'checks'));
    line(checks, 'Director', o.isDirector, { boolean: true });
    line(checks, '10% Owner', o.isTenPercentOwner, { boolean: true });
    line(checks, 'Officer (give title below)', o.isOfficer, { boolean: true });
    line(checks, 'Other (specify below)', o.isOther, { boolean: true });
    if (o.officerTitle.present) line(r, 'Officer title', o.officerTitle);
    if (o.otherText.present) line(r, 'Other', o.otherText);
  }

  const b6 = box(grid, '6.', 'Individual or Joint/Group Filing');
  add(
    b6,
    el(
      'div',
      'derived',
      m.owners.length > 1 ? 'Form filed by More than One Reporting Person' : 'Form filed by One Reporting Person',
    ),
  );

  const flags = box(grid, '', 'Check boxes', 'box-flags');
  if (base !== '3') line(flags, 'No longer subject to Section 16', m.notSubjectToSection16, { boolean: true });
  if (m.aff10b5One.present || base === '4' || base === '5')
    line(flags, 'Transaction made pursuant to a Rule 10b5-1(c) contract, instruction or plan', m.aff10b5One, {
      boolean: true,
    });
  if (base === '3' || m.noSecuritiesOwned.present)
    line(flags, 'No securities beneficially owned', m.noSecuritiesOwned, { boolean: true });
  if (base === '5' || m.form3HoldingsReported.present)
    line(flags, 'Form 3 holdings reported', m.form3HoldingsReported, { boolean: true });
  if (base === '5' || m.form4TransactionsReported.present)
    line(flags, 'Form 4 transactions reported', m.form4TransactionsReported, { boolean: true });
  if (!flags.querySelector('.line')) flags.remove();
}

function renderTable(t: ViewTable): void {
  const sec = add(root, el('section', `table-section table-${t.name}`));
  add(sec, el('h2', 'table-title', t.title));
  if (t.rows.length === 0) {
    add(sec, el('div', 'muted', 'No rows.'));
    return;
  }
  const scroll = add(sec, el('div', 'table-scroll'));
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', t.name === 'derivative' ? 'Table II' : 'Table I');
  const table = add(scroll, el('table', 'form-table'));
  add(table, el('caption', 'visually-hidden', t.title));
  const thead = add(table, el('thead'));
  const hr = add(thead, el('tr'));
  add(hr, el('th', 'rownum', '#')).setAttribute('scope', 'col');
  for (const c of t.columns) {
    const th = add(hr, el('th', c.numeric ? 'num' : ''));
    th.setAttribute('scope', 'col');
    if (c.number) add(th, el('span', 'col-number', `${c.number}. `));
    add(th, document.createTextNode(c.label));
  }
  const tbody = add(table, el('tbody'));
  for (const r of t.rows) renderRow(tbody, t, r);
  if (t.netChanges.length) {
    const nc = add(sec, el('ul', 'net-changes'));
    for (const n of t.netChanges) {
      const li = add(nc, el('li'));
      add(li, el('span', 'label', `Net change, ${n.security} (${n.ownership}): `));
      add(li, el('span', 'net', n.net));
      add(
        li,
        el(
          'span',
          'secondary',
          ` acquired ${n.acquired}, disposed ${n.disposed}, ${n.rows} transaction${n.rows === 1 ? '' : 's'}`,
        ),
      );
    }
  }
}

function renderRow(tbody: HTMLElement, t: ViewTable, r: ViewRow): void {
  const tr = add(tbody, el('tr', r.kind));
  tr.dataset.path = r.path;
  page.byPath.set(r.path, tr);
  const num = add(tr, el('td', 'rownum'));
  const n = add(num, el('span', r.span && page.model?.revealable ? 'v revealable' : 'v', String(r.index + 1)));
  if (r.span && page.model?.revealable) {
    n.tabIndex = 0;
    n.setAttribute('role', 'button');
    n.dataset.start = String(r.span.start);
    n.dataset.end = String(r.span.end);
    n.setAttribute('title', r.kind === 'holding' ? 'Holding (no transaction)' : 'Transaction');
  }
  markFindings(num, r.findings);
  for (const c of t.columns) {
    const td = add(tr, el('td', c.numeric ? 'num' : ''));
    td.dataset.label = `${c.number ? `${c.number}. ` : ''}${c.label}`;
    const cell = r.cells[c.key];
    if (!cell) continue;
    value(td, cell, { boolean: c.key === 'equitySwapInvolved' });
    if (c.key === 'transactionCode' && r.codingFootnotes.length)
      footnoteMarkers(td, r.codingFootnotes, `${r.path}.transactionCoding`);
  }
}

/**
 * Where a footnote is cited, one labelled link per citing cell grouped by row, the table named once:
 * "Cited in Table I row 1: Price, Amount owned following; row 2: Price; Table II row 1: Conversion price".
 */
function backRefs(li: HTMLElement, f: ViewModel['footnotes'][number]): void {
  const back = add(li, el('div', 'backrefs'));
  back.append('Cited in ');
  let table: string | null = null;
  let row: string | null | undefined;
  for (const c of f.citedBy) {
    if (c.row !== row) {
      if (row !== undefined) back.append('; ');
      row = c.row;
      if (c.row !== null) {
        const t = c.row.replace(/ row \d+$/, '');
        add(back, el('span', 'backref-row', t === table ? c.row.slice(t.length + 1) : c.row));
        table = t;
        if (c.field !== null) back.append(': ');
      }
    } else back.append(', ');
    const a = add(back, el('a', 'backref', c.field ?? c.row ?? c.label));
    a.setAttribute('href', '#');
    a.setAttribute('title', `Back to ${c.label}`);
    a.setAttribute('aria-label', `Back to ${c.label}`);
    a.dataset.back = c.path;
    a.dataset.footnote = f.id;
  }
}

function renderFootnotes(m: ViewModel): void {
  const sec = add(root, el('section', 'footnotes'));
  add(sec, el('h2', 'section-title', 'Explanation of Responses'));
  if (m.footnotes.length === 0) {
    add(sec, el('div', 'muted', 'No footnotes.'));
    return;
  }
  const ol = add(sec, el('ol', 'footnote-list'));
  for (const f of m.footnotes) {
    const li = add(ol, el('li', 'footnote'));
    li.dataset.path = f.path;
    li.tabIndex = -1;
    page.byPath.set(f.path, li);
    if (!page.footnotes.has(f.id)) page.footnotes.set(f.id, li);
    add(li, el('span', 'fn-id', `(${f.id.replace(/^F/i, '')})`));
    value(li, f.text, { placeholder: '(empty footnote)' });
    if (f.citedBy.length) backRefs(li, f);
    else {
      add(li, el('span', 'muted', ' (not cited)'));
    }
  }
}

function renderTail(m: ViewModel): void {
  const rem = add(root, el('section', 'remarks'));
  add(rem, el('h2', 'section-title', 'Remarks'));
  value(rem, m.remarks, { placeholder: 'None.' });
  const sig = add(root, el('section', 'signatures'));
  add(sig, el('h2', 'section-title', 'Signatures'));
  if (m.signatures.length === 0) add(sig, el('div', 'muted', 'No signature.'));
  for (const s of m.signatures) {
    const d = add(sig, el('div', 'signature'));
    value(d, s.name, { placeholder: '(no name)' }).classList.add('sig-name');
    value(d, s.date, { placeholder: '(no date)' }).classList.add('sig-date');
    add(d, el('div', 'sig-caption', '** Signature of Reporting Person \u00B7 Date'));
  }
}

/** Draw a filing; returns the time the DOM took (ms). */
export function render(m: ViewModel): number {
  const t0 = performance.now();
  resetPage(m);
  root.replaceChildren();
  document.title = m.fileName;
  renderHeader(m);
  renderFindings(m.findings);
  renderBoxes(m);
  for (const t of m.tables) renderTable(t);
  renderFootnotes(m);
  renderTail(m);
  fitTables();
  restoreScroll(m.file);
  return performance.now() - t0;
}

/** Draw why a file is not shown as a filing; returns the time the DOM took (ms). */
export function renderFailure(f: ViewFailure): number {
  const t0 = performance.now();
  resetPage(null);
  root.replaceChildren();
  document.title = f.fileName;
  const d = add(root, el('div', 'failure'));
  add(d, el('h1', '', 'Not shown as a filing'));
  add(d, el('p', 'file', f.fileName));
  add(d, el('p', 'reason', f.reason));
  add(
    d,
    el(
      'p',
      'muted',
      'The preview shows ownership filings: Forms 3, 4 and 5 (and amendments) as EDGAR ownership XML, full submission text, EDGAR HTML, form text or PDF.',
    ),
  );
  if (f.findings.length) renderFindings(f.findings, 'Problems');
  return performance.now() - t0;
}
