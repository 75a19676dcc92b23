/**
 * The reporting persons: box 1 and its relationship box, the name-and-address blocks a joint filing repeats
 * after Table II, and the "Reporting Owners" table some renderings add.
 */
import { emptyOwner, type Field, type ReportingOwner, type Span } from '../../model';
import { cellsOf, elements, rowsOf, spanOfPieces, type HtmlElement, type Piece } from '../form/htmltree';
import { collapse, isCheckMark, makeField } from '../form/normalize';
import { enclosingTable, hasClass, LABEL_CLASS, type HtmlPage } from './page';
import { isWhite, trailingRunStart, trimEndWhere } from '../../linear';

const isGap = (c: number): boolean => c === 0x20 || c === 0xa0;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isZipChar = (c: number): boolean => isUpper(c) || isDigit(c) || c === 0x20 || c === 0x2d;

/**
 * "CITY, ST ZIP" (ZIP 3 to 10 letters, digits, spaces or hyphens): where the city, the state and the ZIP code are,
 * or null. The split with the shortest city wins, as /^(\s*)(\S.*?),?[ \xa0]+([A-Z][A-Z0-9])[ \xa0]+(ZIP)$/ would
 * take it; a scan, since that pattern's lazy city and the gap after it exchange spaces.
 */
export function cityLine(s: string): { cityAt: number; cityEnd: number; stateAt: number; zipAt: number } | null {
  let cityAt = 0;
  while (cityAt < s.length && isWhite(s.charCodeAt(cityAt))) cityAt++;
  // The longest ZIP first: it leaves the shortest city.
  for (let len = Math.min(10, s.length); len >= 3; len--) {
    const zipAt = s.length - len;
    const z0 = s.charCodeAt(zipAt);
    if (!(isUpper(z0) || isDigit(z0))) continue;
    let ok = true;
    for (let i = zipAt + 1; i < s.length && ok; i++) ok = isZipChar(s.charCodeAt(i));
    if (!ok) continue;
    const stateEnd = trailingRunStart(s, isGap, zipAt);
    if (stateEnd === zipAt || stateEnd < 2) continue;
    const stateAt = stateEnd - 2;
    const s1 = s.charCodeAt(stateAt + 1);
    if (!isUpper(s.charCodeAt(stateAt)) || !(isUpper(s1) || isDigit(s1))) continue;
    let cityEnd = trailingRunStart(s, isGap, stateAt);
    if (cityEnd === stateAt) continue;
    // A comma before the gap goes with it, unless it is all the city there is.
    if (s[cityEnd - 1] === ',' && cityEnd - 1 > cityAt) cityEnd--;
    // The city: at least one character, none of them a line break (what "." would not match).
    if (cityEnd <= cityAt || /[\n\r\u2028\u2029]/.test(s.slice(cityAt, cityEnd))) continue;
    return { cityAt, cityEnd, stateAt, zipAt };
  }
  return null;
}

/** A name-and-address box: the name and CIK from its link, the street lines, city, state and ZIP. */
function readOwnerBlock(page: HtmlPage, box: HtmlElement): ReportingOwner {
  const o = emptyOwner();
  o.span = { start: box.start, end: box.end };
  const tables = elements(box, (e) => e.name === 'table');
  const a = elements(box, (e) => e.name === 'a')[0];
  if (a) {
    o.name = page.textField(page.cell(a));
    o.cik = page.hrefCik(a);
  } else if (tables[0]) {
    const td = elements(tables[0], (e) => e.name === 'td')[0];
    if (td) o.name = page.textField(page.cell(td));
  }
  const labelPos = (re: RegExp): number => {
    for (const el of elements(box, (e) => hasClass(e, LABEL_CLASS))) if (re.test(page.label(el))) return el.start;
    return -1;
  };
  const lastPos = labelPos(/^\(Last\)$/);
  const streetPos = labelPos(/^\(Street\)$/);
  const cityPos = labelPos(/^\(City\)$/);
  if (streetPos >= 0) {
    const street = tables.filter(
      (t) => t.start > lastPos && t.end <= streetPos && !elements(t, (e) => hasClass(e, LABEL_CLASS)).length,
    );
    const lines = street.flatMap((t) =>
      rowsOf(t)
        .map((r) => cellsOf(r)[0])
        .filter((c): c is HtmlElement => !!c),
    );
    if (lines[0]) o.street1 = page.textField(page.cell(lines[0]));
    if (lines[1]) o.street2 = page.textField(page.cell(lines[1]));
    const csz = tables.find((t) => t.start > streetPos && (cityPos < 0 || t.end <= cityPos));
    if (csz) {
      const cells = rowsOf(csz).flatMap((r) => cellsOf(r));
      if (cells[0]) o.city = page.textField(page.cell(cells[0]));
      if (cells[1]) o.state = page.textField(page.cell(cells[1]));
      if (cells[2]) o.zipCode = page.textField(page.cell(cells[2]));
    }
  }
  return o;
}

/** The relationship box of box 1's owner: the marks beside Director, 10% Owner, Officer, Other, and the titles. */
function readRelationship(page: HtmlPage, o: ReportingOwner): void {
  const box = page.boxes(/Relationship of Reporting Person/i)[0];
  if (!box) return;
  const table = elements(box, (e) => e.name === 'table')[0];
  if (!table) return;
  const flags: [RegExp, 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'][] = [
    [/^Director$/i, 'isDirector'],
    [/^10% Owner$/i, 'isTenPercentOwner'],
    [/^Officer/i, 'isOfficer'],
    [/^Other/i, 'isOther'],
  ];
  const rows = rowsOf(table);
  let lastFlagRow = -1;
  rows.forEach((r, ri) => {
    const cells = cellsOf(r);
    cells.forEach((c, ci) => {
      const t = page.label(c);
      const hit = flags.find(([re]) => re.test(t));
      if (!hit || ci === 0) return;
      const mark = page.cell(cells[ci - 1]);
      o[hit[1]] = makeField<boolean>(mark.raw, mark.raw != null && isCheckMark(mark.raw), mark.span ?? mark.place);
      lastFlagRow = ri;
    });
  });
  const titleRow = rows[lastFlagRow + 1];
  if (lastFlagRow < 0 || !titleRow) return;
  const cells = cellsOf(titleRow);
  if (cells.length >= 4) {
    o.officerTitle = page.textField(page.cell(cells[1]));
    o.otherText = page.textField(page.cell(cells[3]));
    return;
  }
  // Older stylesheet: one cell with a span per text (officer title, then other text).
  const cell = cells[0];
  if (!cell) return;
  const spans = elements(cell, (e) => e.name === 'span').map((s) => page.cell(s));
  const filled = spans.filter((s) => s.raw != null);
  if (spans.length === 0) {
    const cv = page.cell(cell);
    if (cv.raw != null) filled.push(cv);
  }
  if (spans.length >= 2) {
    o.officerTitle = page.textField(spans[0]);
    o.otherText = page.textField(spans[1]);
  } else if (filled.length === 1) {
    // One text: it belongs to whichever of Officer / Other is checked.
    if (o.isOther.value && !o.isOfficer.value) o.otherText = page.textField(filled[0]);
    else o.officerTitle = page.textField(filled[0]);
  }
}

/** Every reporting person: box 1 with its relationship, the further blocks of a joint filing, the owners table. */
export function readOwners(page: HtmlPage, ownerBoxes: HtmlElement[]): void {
  if (ownerBoxes.length === 0) {
    page.finding('html-box-missing', 'warning', 'No "Name and Address of Reporting Person" box on the page', null);
  } else {
    const first = readOwnerBlock(page, ownerBoxes[0]);
    readRelationship(page, first);
    page.filing.reportingOwners.push(first);
    // Joint filings: the page repeats a name-and-address block for every reporting person after Table II.
    const rest = ownerBoxes.slice(1).map((b) => readOwnerBlock(page, b));
    const same = (a: ReportingOwner, b: ReportingOwner) =>
      a.cik.value != null && b.cik.value != null ? a.cik.value === b.cik.value : a.name.value === b.name.value;
    if (rest.length && same(rest[0], first)) rest.shift();
    const key = (o: ReportingOwner) => (o.cik.value != null ? `cik:${o.cik.value}` : `name:${o.name.value ?? ''}`);
    const seen = new Set([key(first)]);
    for (const o of rest) {
      if (seen.has(key(o))) continue;
      seen.add(key(o));
      page.filing.reportingOwners.push(o);
    }
  }
  readOwnersTable(page);
  checkJointFiling(page);
}

/** Box 6 (individual or joint filing) has no field; it checks the number of owners read. */
function checkJointFiling(page: HtmlPage): void {
  const box = page.boxes(/Individual or Joint\/Group Filing/i)[0];
  if (!box) return;
  let claim: 'one' | 'more' | null = null;
  let where: Span | null = null;
  for (const tr of elements(box, (e) => e.name === 'tr')) {
    const cells = cellsOf(tr);
    const idx = cells.findIndex((c) => /^Form filed by (One|More than One) Reporting Person$/i.test(page.label(c)));
    if (idx <= 0) continue;
    const mark = page.cell(cells[idx - 1]);
    if (mark.raw != null && isCheckMark(mark.raw)) {
      claim = /More than One/i.test(page.label(cells[idx])) ? 'more' : 'one';
      where = mark.span;
    }
  }
  const n = page.filing.reportingOwners.length;
  if ((claim === 'one' && n > 1) || (claim === 'more' && n < 2))
    page.finding(
      'extraction-uncertain',
      'info',
      `box 6 says the form is filed by ${claim === 'one' ? 'one reporting person' : 'more than one reporting person'}, but ${n} ${n === 1 ? 'was' : 'were'} read`,
      where,
    );
}

/**
 * Some renderings list joint filers in a "Reporting Owners" table: name and address in the first cell,
 * then Director / 10% Owner / Officer / Other columns. Read it when present.
 */
function readOwnersTable(page: HtmlPage): void {
  const head = page.labelCells(/^Reporting Owner Name\s*\/\s*Address$/i)[0];
  if (!head || !head.parent) return;
  const table = enclosingTable(head);
  if (!table) return;
  const rows = rowsOf(table);
  // Column positions from the header row holding Director / 10% Owner / Officer / Other.
  const colOf: Partial<Record<'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther', number>> = {};
  let headerIdx = -1;
  rows.forEach((r, ri) => {
    const texts = cellsOf(r).map((c) => page.label(c));
    const d = texts.findIndex((t) => /^Director$/i.test(t));
    if (d < 0 || headerIdx >= 0) return;
    headerIdx = ri;
    // The name column spans the header's first cell (rowspan): data rows have one more leading cell.
    const shift = texts.some((t) => /Reporting Owner Name/i.test(t)) ? 0 : 1;
    texts.forEach((t, ci) => {
      if (/^Director$/i.test(t)) colOf.isDirector = ci + shift;
      else if (/^10% Owner$/i.test(t)) colOf.isTenPercentOwner = ci + shift;
      else if (/^Officer$/i.test(t)) colOf.isOfficer = ci + shift;
      else if (/^Other$/i.test(t)) colOf.isOther = ci + shift;
    });
  });
  if (headerIdx < 0) return;
  const owners: ReportingOwner[] = [];
  const splitNotes = new Map<ReportingOwner, Span>();
  for (const r of rows.slice(headerIdx + 1)) {
    const cells = cellsOf(r);
    if (cells.length < 2) continue;
    const first = cells[0];
    const o = emptyOwner();
    o.span = { start: r.start, end: r.end };
    const a = elements(first, (e) => e.name === 'a')[0];
    // Lines of the first cell, split at <br>.
    const lines: Piece[][] = [[]];
    const stack = [...first.children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (n.kind === 'text') lines[lines.length - 1].push({ text: n.text, map: n.map, node: n });
      else if (n.name === 'br') lines.push([]);
      else for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
    }
    const lineFields = lines
      .map((ps) => ({ raw: collapse(ps.map((p) => p.text).join('')), span: spanOfPieces(ps), pieces: ps }))
      .filter((l) => l.raw.length > 0);
    if (!lineFields.length) continue;
    o.name = makeField(lineFields[0].raw, lineFields[0].raw, lineFields[0].span);
    if (a) o.cik = page.hrefCik(a);
    const addr = lineFields.slice(1);
    // Last line "CITY, ST ZIP"; lines before it are street lines.
    const last = addr.length ? addr[addr.length - 1] : null;
    // The last line "CITY, ST ZIP" (read on the line's own text, so each part keeps its exact span).
    const src = last ? page.sourcePositions(last.pieces) : null;
    const lineText = src ? trimEndWhere(src.text, isWhite) : '';
    const m = src && lineText.length < 200 ? cityLine(lineText) : null;
    const streets = m ? addr.slice(0, -1) : addr;
    if (streets[0]) o.street1 = makeField(streets[0].raw, streets[0].raw, streets[0].span);
    if (streets[1]) o.street2 = makeField(streets[1].raw, streets[1].raw, streets[1].span);
    if (m && src) {
      const part = (text: string, at: number): Field => {
        const v = collapse(text);
        return makeField(v, v, { start: src.pos[at], end: src.pos[at + text.length - 1] + 1 }, [], true);
      };
      const { cityAt, stateAt, zipAt } = m;
      o.city = part(lineText.slice(cityAt, m.cityEnd), cityAt);
      o.state = part(lineText.slice(stateAt, stateAt + 2), stateAt);
      o.zipCode = part(lineText.slice(zipAt), zipAt);
      splitNotes.set(o, { start: src.pos[cityAt], end: src.pos[lineText.length - 1] + 1 });
    }
    for (const key of ['isDirector', 'isTenPercentOwner', 'isOfficer', 'isOther'] as const) {
      const ci = colOf[key];
      if (ci == null || !cells[ci]) continue;
      const cv = page.cell(cells[ci]);
      const checked = cv.raw != null && cv.raw.length > 0;
      o[key] = makeField<boolean>(cv.raw, checked, cv.span ?? cv.place);
      if (key === 'isOfficer' && checked && !isCheckMark(cv.raw!)) o.officerTitle = makeField(cv.raw, cv.raw, cv.span);
      if (key === 'isOther' && checked && !isCheckMark(cv.raw!)) o.otherText = makeField(cv.raw, cv.raw, cv.span);
    }
    owners.push(o);
  }
  if (!owners.length) return;
  // The table is the complete list: it replaces name-only blocks, keeping their exact address fields.
  const previous = page.filing.reportingOwners;
  page.filing.reportingOwners = owners.map((o) => {
    const match = previous.find((p) =>
      p.cik.value && o.cik.value ? p.cik.value === o.cik.value : p.name.value === o.name.value,
    );
    if (!match) {
      const sp = splitNotes.get(o);
      if (sp)
        page.finding(
          'extraction-uncertain',
          'info',
          `Reporting owner ${o.name.raw}: city, state and ZIP split from one line of the owners table`,
          sp,
        );
      return o;
    }
    return {
      ...o,
      street1: match.street1,
      street2: match.street2,
      city: match.city,
      state: match.state,
      zipCode: match.zipCode,
      span: match.span,
    };
  });
}
