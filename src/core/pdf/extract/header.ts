/**
 * The boxes above Table I: the issuer, the dates, box 1 (the first reporting person) with the relationship box,
 * and the check boxes. Each box is the region its numbered label starts, up to the labels of its neighbours.
 */
import type { FormNumber } from '../../form/layout';
import { absent, emptyOwner, type Field } from '../../model';
import type { LoadedPdf, PdfItem } from '../load';
import {
  BOX_LABEL_RE,
  boxField,
  findFirst,
  inRegion,
  typedField,
  uncertain,
  type Ctx,
  type Hit,
  type Region,
} from './context';
import { cellText, cellTokens } from './geometry';
import { isWhite, trailingRunStart, trimRange } from '../../linear';
import { readNameBox, readRelationshipBox } from './owners';

/** Labels of the form's check boxes (a mark beside one of them is not another's). */
const CHECKBOX_LABELS = [
  /Check this box if no longer/i,
  /Check this box to indicate/i,
  /^Form 3 Holdings Reported/i,
  /^Form 4 Transactions Reported/i,
  /Form filed by One Reporting Person/i,
  /Form filed by More than One/i,
];

/** What box 6 (individual or joint filing) says: it has no field, but the number of owners read must agree. */
export type JointFiling = 'one' | 'more' | null;

/** Reads the header boxes of page 1 into the filing; returns what box 6 says. */
export function readHeader(
  ctx: Ctx,
  pdf: LoadedPdf,
  formNo: FormNumber,
  p1: readonly PdfItem[],
  nameLabel: Hit,
  tableI: Hit,
): JointFiling {
  const f = ctx.filing;
  const pageW = pdf.pages[0].width;
  const issuerL = findFirst(p1, /^\d\.\s*Issuer Name/i);
  const dateL =
    formNo === '3'
      ? findFirst(p1, /^\d\.\s*Date of Event/i)
      : formNo === '5'
        ? findFirst(p1, /^\d\.\s*Statement for Issuer'?s Fiscal Year Ended/i)
        : findFirst(p1, /^\d\.\s*Date of Earliest Transaction/i);
  const amendL = findFirst(p1, /^\d\.\s*If Amendment/i);
  const relL = findFirst(p1, /^\d\.\s*Relationship of Reporting Person/i);
  const indivL = findFirst(p1, /^\d\.\s*Individual or Joint/i);
  const labels = [nameLabel, issuerL, dateL, amendL, relL, indivL].filter((h): h is Hit => h != null);
  const tableTop = tableI.page === 1 ? tableI.y - 8 : pdf.pages[0].height;
  // The boxes' extents from their labels alone (Forms 3, 4 and 5 arrange them differently): a box ends on the right
  // where a box whose label is at or above its own label and that reaches down past it begins (never inside its own
  // label's text), and at the bottom where a box below that overlaps it horizontally begins. Both depend on each
  // other, so settle them by a few rounds from "every box reaches the table".
  const right = new Map<Hit, number>(labels.map((L) => [L, pageW]));
  const bottom = new Map<Hit, number>(labels.map((L) => [L, tableTop]));
  for (let round = 0; round < 4; round++) {
    for (const L of labels) {
      const r = labels
        .filter((M) => M.x0 > Math.max(L.x0 + 10, L.item.x1 - 1) && M.y <= L.y + 10 && bottom.get(M)! > L.y + 2)
        .map((M) => M.x0 - 2);
      right.set(L, Math.min(pageW, ...r));
    }
    for (const L of labels) {
      const b = labels
        .filter((M) => M.y > L.y + 5 && M.x0 < right.get(L)! - 10 && right.get(M)! > L.x0 + 10)
        .map((M) => M.y - M.item.size * 0.9);
      bottom.set(L, Math.min(tableTop, ...b));
    }
  }
  const region = (L: Hit): Region => ({
    page: 1,
    left: L.x0 - 3,
    right: right.get(L)!,
    top: L.y + 0.5,
    bottom: bottom.get(L)!,
  });
  // Values are printed larger than the box labels (and their captions) in every layout seen.
  const values = (L: Hit) => (it: PdfItem) => it.size > L.item.size + 0.3 && !BOX_LABEL_RE.test(it.str.trim());

  // Box 2/3: issuer name and ticker, "Rocket Lab USA, Inc. [ RKLB ]".
  if (issuerL) {
    const r = region(issuerL);
    const box = `Box ${issuerL.item.str.trim()[0]} (Issuer Name and Ticker or Trading Symbol)`;
    const toks = cellTokens(p1.filter(inRegion(r)).filter(values(issuerL)));
    const c = cellText(toks);
    const m = c.raw ? nameAndTicker(c.raw) : null;
    if (m) {
      f.issuer.name = boxField(m[0], m[0], c.marks, 1, box);
      f.issuer.tradingSymbol = boxField(m[1] || null, m[1] || null, [], 1, box);
    } else {
      f.issuer.name = boxField(c.raw, c.raw, c.marks, 1, box);
      if (c.raw) uncertain(ctx, f.issuer.name, 'no ticker in brackets after the issuer name');
    }
  }
  if (dateL) {
    const r = region(dateL);
    const box = `Box ${dateL.item.str.trim()[0]} (${formNo === '3' ? 'Date of Event Requiring Statement' : formNo === '5' ? "Statement for Issuer's Fiscal Year Ended" : 'Date of Earliest Transaction'})`;
    const c = cellText(cellTokens(p1.filter(inRegion(r)).filter(values(dateL))));
    f.periodOfReport = typedField(ctx, c.raw, c.marks, 1, box, 'date');
  }
  if (amendL) {
    const r = region(amendL);
    const box = `Box ${amendL.item.str.trim()[0]} (If Amendment, Date Original Filed)`;
    const c = cellText(cellTokens(p1.filter(inRegion(r)).filter(values(amendL))));
    f.dateOfOriginalSubmission = typedField(ctx, c.raw, c.marks, 1, box, 'date');
  }

  // Box 1: name and address of the (first) reporting person.
  const owner = emptyOwner();
  readNameBox(ctx, owner, p1, region(nameLabel), nameLabel.item.size, 'Box 1 (Name and Address of Reporting Person)');
  if (relL)
    readRelationshipBox(
      ctx,
      owner,
      p1,
      region(relL),
      `Box ${relL.item.str.trim()[0]} (Relationship of Reporting Person(s) to Issuer)`,
    );
  f.reportingOwners.push(owner);

  // The check boxes at the top left.
  const checkbox = (re: RegExp, name: string): Field<boolean> | null => {
    const L = findFirst(p1, re);
    if (!L) return null;
    // The box: "[X]"/"[ ]" in the label's own text or in runs just left of it ("[", "X", "] Check ..."), a glyph
    // (☐ / ☒), or a bare "X" drawn over a box that is a graphic (EDGAR's rendered page).
    const prefix = L.item.str.slice(0, Math.max(0, L.item.str.search(/Check this box|Form filed by/i)));
    // A run left of the label belongs to it when no other check-box label is nearer to it (boxes stack closely).
    const others = CHECKBOX_LABELS.filter((o) => !o.test(L.item.str))
      .map((o) => findFirst(p1, o))
      .filter((h): h is Hit => h != null && h.item !== L.item);
    const left = p1
      .filter(
        (it) =>
          it !== L.item &&
          it.x1 <= L.x0 + 1 &&
          it.x1 >= L.x0 - 40 &&
          Math.abs(it.y - L.y) < 12 &&
          !others.some((o) => it.x1 <= o.x0 + 1 && it.x1 >= o.x0 - 40 && Math.abs(it.y - o.y) < Math.abs(it.y - L.y)),
      )
      .map((it) => it.str)
      .join('');
    const mark = prefix + left;
    const checked = /[Xx\u2612\u2611\u2713\u2714]/.test(mark);
    return { raw: checked ? 'X' : null, value: checked, present: true, footnotes: [], span: null, page: 1, box: name };
  };
  f.notSubjectToSection16 =
    checkbox(/Check this box if no longer/i, 'Check box: no longer subject to Section 16') ?? absent<boolean>();
  f.aff10b5One = checkbox(/Check this box to indicate/i, 'Check box: Rule 10b5-1(c)') ?? absent<boolean>();
  if (formNo === '5') {
    f.form3HoldingsReported =
      checkbox(/^Form 3 Holdings Reported/i, 'Check box: Form 3 Holdings Reported') ?? absent<boolean>();
    f.form4TransactionsReported =
      checkbox(/^Form 4 Transactions Reported/i, 'Check box: Form 4 Transactions Reported') ?? absent<boolean>();
  }
  const one = checkbox(/Form filed by One Reporting Person/i, 'Box 6 (Individual or Joint/Group Filing)');
  const more = checkbox(/Form filed by More than One/i, 'Box 6 (Individual or Joint/Group Filing)');
  if (formNo === '3') {
    const none = findFirst(
      pdf.pages.flatMap((p) => p.items),
      /^No securities are beneficially owned\.?$/i,
    );
    f.noSecuritiesOwned = none
      ? {
          raw: none.item.str.trim(),
          value: true,
          present: true,
          footnotes: [],
          span: null,
          page: none.page,
          box: 'Remarks',
        }
      : absent<boolean>();
  }
  return one?.value ? 'one' : more?.value ? 'more' : null;
}

/**
 * "Rocket Lab USA, Inc. [ RKLB ]": the name and the ticker (trimmed), or null when the text does not end with a
 * bracketed ticker. The split /^(.*?)\s*\[\s*([^\]]*?)\s*\]\s*$/ would make, found by a scan (that pattern's lazy parts
 * exchange spaces with the runs around them).
 */
export function nameAndTicker(s: string): [string, string] | null {
  const [, end] = trimRange(s, isWhite);
  if (end === 0 || s[end - 1] !== ']') return null;
  const close = end - 1;
  // The ticker holds no "]": its "[" is the first one after the "]" before the last.
  const open = s.indexOf('[', s.lastIndexOf(']', close - 1) + 1);
  if (open < 0 || open > close) return null;
  const nameEnd = trailingRunStart(s, isWhite, open);
  if (/[\n\r\u2028\u2029]/.test(s.slice(0, nameEnd))) return null;
  const [a, b] = trimRange(s, isWhite, open + 1, close);
  return [s.slice(0, nameEnd), s.slice(a, b)];
}
