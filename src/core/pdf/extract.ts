/**
 * The filing model from the positioned text of a Form 3, 4 or 5 PDF: EDGAR's own PDFs ("EDGAR PDF Generator",
 * "EDGRpdf Service") and EDGAR's rendered HTML page printed to PDF by a browser.
 *
 * Everything is read from positions, never from the order of the text: the header boxes are regions bounded by
 * their numbered labels; the columns of Tables I and II come from the x extents of the header labels on each
 * page (sub-columns from the sub-header labels); rows are anchored on the ownership-form column (one "D"/"I"
 * per row) and every column's lines are split among the rows so that each cell's middle meets its row's middle
 * (cells are vertically centred), which keeps empty cells empty. Footnote markers ("(1)", smaller and raised)
 * are kept apart from the values they follow and become the field's footnote refs.
 *
 * What the form does not show stays absent: CIKs, schemaVersion, transactionFormType, equitySwapInvolved (the form
 * has no column for it; its "V" column is the early-report timeliness flag, read as transactionTimeliness "E").
 * Anything read with doubt is marked `uncertain` and reported as an `extraction-uncertain` info finding.
 */
import type { Field, Filing, Finding, Footnote, FootnoteRef, ReportingOwner, Row, Signature } from '../model';
import { absent, emptyFiling, emptyOwner, emptyRow } from '../model';
import type { LoadedPdf, PdfItem } from './load';
import type { Line, Tok } from './layout';
import {
  blocks,
  cellText,
  cellTokens,
  groupLines,
  joinLines,
  joinToks,
  lineMid,
  plainTokens,
  splitByAnchors,
} from './layout';

// ---------------------------------------------------------------------------------------------------------
// Normalization

const pad2 = (n: number) => String(n).padStart(2, '0');

function normDate(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const mo = Number(m[1]);
  const d = Number(m[2]);
  const y = Number(m[3]);
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] || y < 1900 || y > 2199) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

function normNumber(raw: string | null): string | null {
  if (!raw) return null;
  let s = raw.replace(/[\s\u00a0]+/g, '');
  if (s.startsWith('$')) s = s.slice(1);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  return /^(\d+(\.\d+)?|\.\d+)$/.test(s) ? s : null;
}

const DATE_TEXT_RE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

// ---------------------------------------------------------------------------------------------------------
// Reading context

interface Ctx {
  filing: Filing;
  findings: Finding[];
}

function refs(ids: readonly string[], page: number, box: string): FootnoteRef[] {
  return ids.map((id) => ({ id, span: null, page, box }));
}

function uncertain(ctx: Ctx, f: Field<unknown>, why: string): void {
  f.uncertain = true;
  ctx.findings.push({
    rule: 'extraction-uncertain',
    severity: 'info',
    message: `${f.box ?? 'A field'}: ${why}`,
    span: null,
    page: f.page ?? null,
    box: f.box ?? null,
  });
}

/** A field read from a box: null raw and no markers -> absent (with its place). */
function boxField<T = string>(
  raw: string | null,
  value: T | null,
  marks: readonly string[],
  page: number,
  box: string,
): Field<T> {
  if (raw == null && marks.length === 0) return { ...absent<T>(), page, box };
  return { raw, value, present: true, footnotes: refs(marks, page, box), span: null, page, box };
}

type Kind = 'text' | 'date' | 'number' | 'code' | 'ad' | 'di' | 'flag';

function typedField(
  ctx: Ctx,
  raw: string | null,
  marks: readonly string[],
  page: number,
  box: string,
  kind: Kind,
): Field {
  let value: string | null = null;
  let why: string | null = null;
  if (raw != null) {
    switch (kind) {
      case 'text':
        value = raw;
        break;
      case 'date':
        value = normDate(raw);
        if (!value) why = `"${raw}" is not a date MM/DD/YYYY`;
        break;
      case 'number':
        value = normNumber(raw);
        if (!value) why = `"${raw}" is not a readable number`;
        break;
      case 'code': {
        const s = raw.replace(/\s+/g, '').toUpperCase();
        value = /^[A-Z]$/.test(s) ? s : null;
        if (!value) why = `"${raw}" is not a one-letter transaction code`;
        break;
      }
      case 'ad':
      case 'di': {
        const s = raw.replace(/[\s()]/g, '').toUpperCase();
        const ok = kind === 'ad' ? ['A', 'D'] : ['D', 'I'];
        value = ok.includes(s) ? s : null;
        if (!value) why = `"${raw}" is not ${kind === 'ad' ? '(A) or (D)' : 'D or I'}`;
        break;
      }
      case 'flag':
        value = raw;
        break;
    }
  }
  const f = boxField(raw, value, marks, page, box);
  if (why) uncertain(ctx, f, why);
  return f;
}

// ---------------------------------------------------------------------------------------------------------
// Finding labels

interface Hit {
  item: PdfItem;
  page: number;
  y: number;
  x0: number;
}

function findAll(items: readonly PdfItem[], re: RegExp): Hit[] {
  return items.filter((it) => re.test(it.str.trim())).map((it) => ({ item: it, page: it.page, y: it.y, x0: it.x0 }));
}

function findFirst(items: readonly PdfItem[], re: RegExp): Hit | null {
  return findAll(items, re)[0] ?? null;
}

/** Position in reading order across pages. */
const pos = (page: number, y: number) => page * 100000 + y;

// ---------------------------------------------------------------------------------------------------------
// Main entry

/** The OMB notice that closes the last page of every Form 3/4/5. */
export const FORM_END = /^\s*Persons who respond to the collection of information/i;

/** Labels of the form's check boxes (a mark beside one of them is not another's). */
const CHECKBOX_LABELS = [
  /Check this box if no longer/i,
  /Check this box to indicate/i,
  /^Form 3 Holdings Reported/i,
  /^Form 4 Transactions Reported/i,
  /Form filed by One Reporting Person/i,
  /Form filed by More than One/i,
];

/** What box 6 says, per filing being read (checked against the owners found once the whole form is read). */
const jointFiling = new WeakMap<Filing, 'one' | 'more' | null>();

export type ExtractResult = { ok: true; filing: Filing } | { ok: false; reason: string };

/** The form's title ("FORM 4", "FORM 3/A"), which a Form 3/4/5 PDF shows on its first page. */
export function isFormTitle(it: PdfItem): boolean {
  return /^FORM\s+([345])(\/A)?$/i.test(it.str.trim());
}

export function extractFiling(pdf: LoadedPdf, file: string): ExtractResult {
  const all: PdfItem[] = pdf.pages.flatMap((p) => p.items);
  const page1 = pdf.pages[0];
  if (!page1 || all.length === 0) {
    return { ok: false, reason: 'the PDF has no text layer (a scanned image?); run OCR and inspect the text instead' };
  }
  const p1 = page1.items;
  const titleHit = p1.find(isFormTitle);
  const tableI = findFirst(all, /^Table I\s*[-–]/);
  const nameLabel = findFirst(p1, /^1\.\s*Name and Address of Reporting Person/i);
  // The SEC's blank form with its General Instructions: a form, but no filing in it.
  const instructions = findFirst(all, /^GENERAL INSTRUCTIONS$/i);
  if (titleHit && instructions && (!tableI || !nameLabel)) {
    return {
      ok: false,
      reason: `blank Form ${/([345])/.exec(titleHit.str)![1]} template (the SEC's form with its General Instructions), no filing data`,
    };
  }
  if (!titleHit || !tableI || !nameLabel) {
    return { ok: false, reason: 'not a Form 3, 4 or 5: no form title, Table I or reporting-person box found' };
  }
  const formNo = /([345])/.exec(titleHit.str)![1] as '3' | '4' | '5';
  const filing = emptyFiling(file, 'pdf', '');
  const ctx: Ctx = { filing, findings: [] };

  // End of the form: the OMB notice closing the last page of the form; exhibits after it are not read.
  const endHit = findFirst(all, FORM_END);
  const formEnd = endHit ? pos(endHit.page, endHit.y) : pos(pdf.pages.length + 1, 0);
  const inForm = (it: PdfItem) => pos(it.page, it.y) < formEnd;
  const formItems = all.filter(inForm);

  readHeader(ctx, pdf, formNo, p1, nameLabel, tableI);
  const tableII = findFirst(formItems, /^Table II\s*[-–]/);
  const explanation = findFirst(formItems, /^Explanation of Responses/i);
  const remarksHit = findFirst(formItems, /^Remarks\s*:?/);
  const ownersHit = findFirst(formItems, /^Reporting Owners$/);
  const signaturesHit = findFirst(formItems, /^Signatures$/);
  const sigCaption = findAll(formItems, /Signature of Reporting/).pop() ?? null;
  const reminder = findFirst(formItems, /^Reminder:/);
  // EDGAR's rendered page repeats box 1 for every further reporting person, after the tables.
  const moreOwners = findAll(formItems, /^1\.\s*Name and Address of Reporting Person/).filter(
    (h) => h.item !== nameLabel.item,
  );
  const heads = [
    tableI,
    tableII,
    explanation,
    remarksHit,
    ownersHit,
    signaturesHit,
    sigCaption,
    reminder,
    endHit,
    ...moreOwners,
  ]
    .filter((h): h is Hit => h != null)
    // A heading's line starts a little above its baseline (a raised "*" beside it belongs to it).
    .map((h) => pos(h.page, h.y - 0.8 * h.item.size))
    .sort((a, b) => a - b);
  const nextHead = (h: Hit) => heads.find((p) => p > pos(h.page, h.y) + 0.5) ?? formEnd;

  const tIEnd = tableII ? pos(tableII.page, tableII.y) - 1 : nextHead(tableI);
  readTable(ctx, pdf, formNo, 'nonDerivative', tableI, tIEnd, formItems);
  if (tableII) readTable(ctx, pdf, formNo, 'derivative', tableII, nextHead(tableII), formItems);
  // Without a "Signatures" heading (EDGAR's rendered page) the signature block sits at the right, below the last
  // section: lines starting that far right are not footnote or remarks text.
  const sigCaptionX = sigCaption ? sigCaption.x0 - 20 : Infinity;
  const proseMaxX = ownersHit || signaturesHit ? Infinity : sigCaptionX;
  if (explanation) readFootnotes(ctx, formItems, explanation, nextHead(explanation), proseMaxX);
  if (remarksHit) readRemarks(ctx, formItems, remarksHit, nextHead(remarksHit), proseMaxX);
  if (ownersHit) readOwnersTable(ctx, formItems, ownersHit, nextHead(ownersHit));
  else {
    moreOwners.forEach((h, i) => {
      const end = nextHead(h);
      const pg = pdf.pages[h.page - 1];
      let items: PdfItem[] = pg.items;
      let bottom = end < pos(h.page + 1, 0) ? end - pos(h.page, 0) - 0.5 : pg.height;
      if (end >= pos(h.page + 1, 0) && pdf.pages[h.page]) {
        // The box runs over the page break: the next page's top, below this page's end.
        const next = pdf.pages[h.page];
        const stop = end < pos(h.page + 2, 0) ? end - pos(h.page + 1, 0) - 0.5 : next.height;
        items = [
          ...pg.items,
          ...next.items.filter((it) => it.y < stop).map((it) => ({ ...it, page: h.page, y: it.y + pg.height })),
        ];
        bottom = pg.height + stop;
      }
      const r: Region = { page: h.page, left: h.x0 - 3, right: pg.width, top: h.y + 0.5, bottom };
      const o = emptyOwner();
      readNameBox(ctx, o, items, r, h.item.size, `Reporting person ${i + 1} (Name and Address)`);
      // The list repeats the first reporting person of box 1: keep box 1's (it has the relationship).
      const first = filing.reportingOwners[0];
      if (i === 0 && first && o.name.value && o.name.value === first.name.value) return;
      filing.reportingOwners.push(o);
    });
    if (filing.reportingOwners.length > 1) {
      ctx.findings.push({
        rule: 'extraction-uncertain',
        severity: 'info',
        message: `this page shows the relationship (director, officer, 10% owner, other) of the first reporting person only; the other ${filing.reportingOwners.length - 1} are read as unchecked`,
        span: null,
        page: moreOwners[0].page,
        box: 'Reporting persons',
      });
      for (const o of filing.reportingOwners.slice(1)) {
        for (const k of ['isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther'] as const) {
          o[k] = { ...absent<boolean>(), uncertain: true, page: moreOwners[0].page, box: 'Reporting persons' };
        }
      }
    }
  }
  readSignatures(
    ctx,
    formItems,
    signaturesHit ?? remarksHit ?? explanation ?? tableII ?? tableI,
    sigCaption,
    signaturesHit ? -Infinity : sigCaptionX,
  );
  if (sigCaption && filing.signatures.length === 0) {
    ctx.findings.push({
      rule: 'extraction-uncertain',
      severity: 'info',
      message: 'the signature line is there but no signature name or date could be read above it',
      span: null,
      page: sigCaption.page,
      box: 'Signatures',
    });
  }

  if (
    !filing.reportingOwners.some((o) => o.name.value) &&
    !filing.issuer.name.value &&
    filing.nonDerivative.length === 0 &&
    filing.derivative.length === 0
  ) {
    // Every box empty: the blank form (a template), not a filing.
    return { ok: false, reason: `blank Form ${formNo} template, no filing data` };
  }

  // Metadata: EDGAR's converter writes "Form 4 filed on 2024-12-04 for the period ending 2024-09-16" in Subject.
  const filedOn = /filed on (\d{4}-\d{2}-\d{2})/i.exec(pdf.subject ?? '')?.[1] ?? null;
  filing.pdf = { pages: pdf.numPages, producer: pdf.producer, subject: pdf.subject, filedOn };
  const subjType = /^Form\s+([345](?:\/A)?)\s+filed/i.exec(pdf.subject ?? '')?.[1]?.toUpperCase() ?? null;
  const amended = filing.dateOfOriginalSubmission.value != null;
  const docType = `${formNo}${amended ? '/A' : ''}`;
  filing.documentType = {
    raw: titleHit.str.trim(),
    value: docType,
    present: true,
    footnotes: [],
    span: null,
    page: 1,
    box: 'Form title',
  };
  if (subjType && subjType !== docType) {
    uncertain(
      ctx,
      filing.documentType,
      `the title says Form ${formNo}${amended ? ' with an amendment date' : ''} but the PDF's subject says ${subjType}`,
    );
  }
  const joint = jointFiling.get(filing);
  const owners = filing.reportingOwners.length;
  if ((joint === 'one' && owners > 1) || (joint === 'more' && owners < 2)) {
    ctx.findings.push({
      rule: 'extraction-uncertain',
      severity: 'info',
      message: `box 6 says the form is filed by ${joint === 'one' ? 'one reporting person' : 'more than one reporting person'}, but ${owners} ${owners === 1 ? 'was' : 'were'} read`,
      span: null,
      page: 1,
      box: 'Box 6 (Individual or Joint/Group Filing)',
    });
  }
  filing.findings.push(...ctx.findings);
  return { ok: true, filing };
}

// ---------------------------------------------------------------------------------------------------------
// Header boxes

interface Region {
  page: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const inRegion = (r: Region) => (it: PdfItem) => {
  const cx = (it.x0 + Math.min(it.x1, it.x0 + 400)) / 2;
  return it.page === r.page && it.x0 >= r.left - 1 && cx < r.right && it.y > r.top && it.y < r.bottom;
};

/** Label wording that sits inside a box but is not a value. */
const BOX_LABEL_RE =
  /^(\(?Check (all|Applicable)|\(Check|Statement\s*\(MM|Statement$|Original Filed|\(MM\/DD\/YYYY\)|\(Month\/Day\/Year\)|Line\)$|Requiring( Statement)?$|(title|specify) below\)$|\(Last\)|\(First\)|\(Middle\)|\(Street\)|\(City\)|\(State\)|\(Zip\)|\*$)/i;

function readHeader(
  ctx: Ctx,
  pdf: LoadedPdf,
  formNo: string,
  p1: readonly PdfItem[],
  nameLabel: Hit,
  tableI: Hit,
): void {
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
    const m = c.raw ? /^(.*?)\s*\[\s*([^\]]*?)\s*\]\s*$/.exec(c.raw) : null;
    if (m) {
      f.issuer.name = boxField(m[1], m[1], c.marks, 1, box);
      f.issuer.tradingSymbol = boxField(m[2] || null, m[2] || null, [], 1, box);
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
  // Box 6 (individual or joint filing) has no field of its own; it is kept to check the number of owners read.
  const one = checkbox(/Form filed by One Reporting Person/i, 'Box 6 (Individual or Joint/Group Filing)');
  const more = checkbox(/Form filed by More than One/i, 'Box 6 (Individual or Joint/Group Filing)');
  jointFiling.set(f, one?.value ? 'one' : more?.value ? 'more' : null);
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
}

const ADDRESS_CAPTION = /^\((Last|First|Middle|Street|City|State|Zip)\)$/;
/** "LONG BEACH, CA 90808", "LONG BEACH 90808" (no state written). */
const US_CITY_LINE = /^(.*?),?\s+(?:([A-Z]{2})\s+)?(\d{5}(?:-\d{4})?)$/;

function readNameBox(
  ctx: Ctx,
  owner: ReportingOwner,
  items: readonly PdfItem[],
  r: Region,
  labelSize: number,
  box: string,
): void {
  const inside = items.filter(inRegion(r));
  const cap = (name: string) => inside.find((it) => it.str.trim() === `(${name})`) ?? null;
  const last = cap('Last');
  const street = cap('Street');
  const city = cap('City');
  const values = inside.filter(
    (it) => it.size > labelSize + 0.3 && !ADDRESS_CAPTION.test(it.str.trim()) && !BOX_LABEL_RE.test(it.str.trim()),
  );
  const band = (top: number, bottom: number) => values.filter((it) => it.y > top && it.y < bottom);
  const nameItems = last ? band(r.top, last.y - 1) : values;
  const c = cellText(cellTokens(nameItems));
  owner.name = boxField(c.raw, c.raw, c.marks, r.page, box);
  if (!last) {
    if (c.raw)
      uncertain(
        ctx,
        owner.name,
        'the (Last) (First) (Middle) captions were not found, the address could not be told from the name',
      );
    return;
  }
  const streetBottom = street ? street.y - 1 : city ? city.y - 20 : r.bottom;
  const streetLines = groupLines(cellTokens(band(last.y + 1, streetBottom)));
  const streets = streetLines.map((l) => joinToks(l.toks.filter((t) => !t.marks)));
  owner.street1 = boxField(streets[0] ?? null, streets[0] ?? null, [], r.page, box);
  owner.street2 = boxField(
    streets.length > 1 ? joinLines(streets.slice(1)) : null,
    streets.length > 1 ? joinLines(streets.slice(1)) : null,
    [],
    r.page,
    box,
  );
  if (streets.length > 2)
    uncertain(
      ctx,
      owner.street2,
      `the street address runs over ${streets.length} lines; where street 1 ends is a guess`,
    );
  if (!city) return;
  const cityItems = band(street ? street.y + 1 : streetBottom, city.y - 1);
  const whole = joinLines(groupLines(cellTokens(cityItems)).map((l) => joinToks(l.toks)));
  const us = US_CITY_LINE.exec(whole);
  const stateCap = cap('State');
  const zipCap = cap('Zip');
  let cityS: string | null = null;
  let stateS: string | null = null;
  let zipS: string | null = null;
  const byCaptions =
    stateCap && zipCap && cityItems.some((it) => Math.abs(it.x0 - stateCap.x0) < 4 || Math.abs(it.x0 - zipCap.x0) < 4);
  if (byCaptions) {
    const col = (lo: number, hi: number) =>
      joinLines(
        groupLines(cellTokens(cityItems.filter((it) => it.x0 >= lo && it.x0 < hi))).map((l) => joinToks(l.toks)),
      ) || null;
    cityS = col(-Infinity, stateCap.x0 - 3);
    stateS = col(stateCap.x0 - 3, zipCap.x0 - 3);
    zipS = col(zipCap.x0 - 3, Infinity);
  } else if (us) {
    cityS = us[1].replace(/,$/, '');
    stateS = us[2] ?? null;
    zipS = us[3];
  } else if (whole) {
    cityS = whole;
  }
  owner.city = boxField(cityS, cityS, [], r.page, box);
  owner.state = boxField(stateS, stateS, [], r.page, box);
  owner.zipCode = boxField(zipS, zipS, [], r.page, box);
  if (whole && !byCaptions && !us)
    uncertain(ctx, owner.city, `"${whole}" could not be split into city, state and ZIP code`);
}

const REL_KEYS: { key: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; re: RegExp }[] = [
  { key: 'isDirector', re: /Director/ },
  { key: 'isTenPercentOwner', re: /10% Owner/ },
  { key: 'isOfficer', re: /Officer \(give/ },
  { key: 'isOther', re: /Other \(specify/ },
];

function readRelationshipBox(ctx: Ctx, owner: ReportingOwner, items: readonly PdfItem[], r: Region, box: string): void {
  const inside = items.filter(inRegion(r)).filter((it) => !BOX_LABEL_RE.test(it.str.trim()));
  // Split items that hold two labels ("_____ Director _____ 10% Owner") at each label.
  const labels: { key: (typeof REL_KEYS)[number]['key']; x0: number; y: number; item: PdfItem; text: string }[] = [];
  const marksX: PdfItem[] = [];
  const rest: PdfItem[] = [];
  for (const it of inside) {
    const s = it.str;
    let used = false;
    for (const k of REL_KEYS) {
      const m = k.re.exec(s);
      if (!m) continue;
      used = true;
      // Text before the label within the same item: underscores with perhaps the X ("__X__ Officer").
      const before = s.slice(0, m.index);
      const start = before.search(/[_X]*\s*$/);
      const x0 = it.x0 + ((it.x1 - it.x0) * start) / Math.max(1, s.length);
      labels.push({ key: k.key, x0, y: it.y, item: it, text: before });
    }
    if (used) continue;
    if (/^[_\s]*[Xx][_\s]*$/.test(s)) marksX.push(it);
    else if (/^[_\s]+$/.test(s) || /^below\)$/.test(s.trim()) || /^\(Check all applicable\)$/.test(s.trim())) continue;
    else rest.push(it);
  }
  const checked = new Set<string>();
  for (const l of labels) if (/X/.test(l.text.replace(/[^_X]/g, ''))) checked.add(l.key);
  for (const x of marksX) {
    // The label this mark belongs to: the nearest label starting to its right on about the same line.
    let best: (typeof labels)[number] | null = null;
    let bestD = Infinity;
    for (const l of labels) {
      const dx = l.x0 - x.x1;
      const dy = Math.abs(lineMid(l.item) - lineMid(x));
      if (dx < -2 || dx > 45 || dy > 1.6 * Math.max(x.size, l.item.size)) continue;
      const d = dx + dy * 3;
      if (d < bestD) {
        bestD = d;
        best = l;
      }
    }
    if (best) checked.add(best.key);
  }
  for (const k of REL_KEYS) {
    const has = labels.some((l) => l.key === k.key);
    owner[k.key] = has
      ? {
          raw: checked.has(k.key) ? 'X' : null,
          value: checked.has(k.key),
          present: true,
          footnotes: [],
          span: null,
          page: r.page,
          box,
        }
      : absent<boolean>();
  }
  // The title written under the boxes.
  const below = rest.filter((it) => labels.length === 0 || it.y > Math.min(...labels.map((l) => l.y)));
  const title = cellText(cellTokens(below)).raw;
  if (title) {
    if (owner.isOfficer.value && !owner.isOther.value) owner.officerTitle = boxField(title, title, [], r.page, box);
    else if (owner.isOther.value && !owner.isOfficer.value) owner.otherText = boxField(title, title, [], r.page, box);
    else {
      const parts = title.split(/\s+\/\s*|\s*\/\s+/);
      owner.officerTitle = boxField(parts[0] || null, parts[0] || null, [], r.page, box);
      if (parts.length > 1 && parts[1]) owner.otherText = boxField(parts[1], parts[1], [], r.page, box);
      if (owner.isOfficer.value && owner.isOther.value && parts.length < 2)
        uncertain(ctx, owner.officerTitle, 'both Officer and Other are checked; the title may be the Other text');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tables

type Col =
  | 'securityTitle'
  | 'conversionOrExercisePrice'
  | 'transactionDate'
  | 'deemedExecutionDate'
  | 'transactionCode'
  | 'v'
  | 'transactionShares'
  | 'transactionAcquiredDisposedCode'
  | 'transactionPricePerShare'
  | 'acquired'
  | 'disposed'
  | 'exerciseDate'
  | 'expirationDate'
  | 'underlyingSecurityTitle'
  | 'underlyingSecurityShares'
  | 'sharesOwnedFollowingTransaction'
  | 'directOrIndirectOwnership'
  | 'natureOfOwnership';

/** The columns of each table by form: a main column is one key, or the keys of its sub-columns. */
const LAYOUT: Record<'3' | '4' | '5', Record<'nonDerivative' | 'derivative', (Col | Col[])[]>> = {
  '4': {
    nonDerivative: [
      'securityTitle',
      'transactionDate',
      'deemedExecutionDate',
      ['transactionCode', 'v'],
      ['transactionShares', 'transactionAcquiredDisposedCode', 'transactionPricePerShare'],
      'sharesOwnedFollowingTransaction',
      'directOrIndirectOwnership',
      'natureOfOwnership',
    ],
    derivative: [
      'securityTitle',
      'conversionOrExercisePrice',
      'transactionDate',
      'deemedExecutionDate',
      ['transactionCode', 'v'],
      ['acquired', 'disposed'],
      ['exerciseDate', 'expirationDate'],
      ['underlyingSecurityTitle', 'underlyingSecurityShares'],
      'transactionPricePerShare',
      'sharesOwnedFollowingTransaction',
      'directOrIndirectOwnership',
      'natureOfOwnership',
    ],
  },
  // Form 5 has no "V" column (a Form 5 report is never early).
  '5': {
    nonDerivative: [
      'securityTitle',
      'transactionDate',
      'deemedExecutionDate',
      'transactionCode',
      ['transactionShares', 'transactionAcquiredDisposedCode', 'transactionPricePerShare'],
      'sharesOwnedFollowingTransaction',
      'directOrIndirectOwnership',
      'natureOfOwnership',
    ],
    derivative: [
      'securityTitle',
      'conversionOrExercisePrice',
      'transactionDate',
      'deemedExecutionDate',
      'transactionCode',
      ['acquired', 'disposed'],
      ['exerciseDate', 'expirationDate'],
      ['underlyingSecurityTitle', 'underlyingSecurityShares'],
      'transactionPricePerShare',
      'sharesOwnedFollowingTransaction',
      'directOrIndirectOwnership',
      'natureOfOwnership',
    ],
  },
  '3': {
    nonDerivative: [
      'securityTitle',
      'sharesOwnedFollowingTransaction',
      'directOrIndirectOwnership',
      'natureOfOwnership',
    ],
    derivative: [
      'securityTitle',
      ['exerciseDate', 'expirationDate'],
      ['underlyingSecurityTitle', 'underlyingSecurityShares'],
      'conversionOrExercisePrice',
      'directOrIndirectOwnership',
      'natureOfOwnership',
    ],
  },
};

const COL_TITLE: Record<Col, string> = {
  securityTitle: 'Title of Security',
  conversionOrExercisePrice: 'Conversion or Exercise Price',
  transactionDate: 'Transaction Date',
  deemedExecutionDate: 'Deemed Execution Date',
  transactionCode: 'Code',
  v: 'V',
  transactionShares: 'Amount',
  transactionAcquiredDisposedCode: '(A) or (D)',
  transactionPricePerShare: 'Price',
  acquired: '(A)',
  disposed: '(D)',
  exerciseDate: 'Date Exercisable',
  expirationDate: 'Expiration Date',
  underlyingSecurityTitle: 'Title',
  underlyingSecurityShares: 'Amount or Number of Shares',
  sharesOwnedFollowingTransaction: 'Amount Owned',
  directOrIndirectOwnership: 'Ownership Form',
  natureOfOwnership: 'Nature of Indirect Beneficial Ownership',
};

const COL_KIND: Record<Col, Kind> = {
  securityTitle: 'text',
  conversionOrExercisePrice: 'number',
  transactionDate: 'date',
  deemedExecutionDate: 'date',
  transactionCode: 'code',
  v: 'flag',
  transactionShares: 'number',
  transactionAcquiredDisposedCode: 'ad',
  transactionPricePerShare: 'number',
  acquired: 'number',
  disposed: 'number',
  exerciseDate: 'date',
  expirationDate: 'date',
  underlyingSecurityTitle: 'text',
  underlyingSecurityShares: 'number',
  sharesOwnedFollowingTransaction: 'number',
  directOrIndirectOwnership: 'di',
  natureOfOwnership: 'text',
};

interface LeafCol {
  key: Col;
  /** Main column number as printed ("4"), for box names. */
  num: string;
  left: number;
  right: number;
  /** The edges were estimated (equal widths), not found from sub-labels. */
  guessed?: boolean;
}

/** Words of the column headers (a line made only of these is a header line, not data). */
const HEADER_WORD =
  /^(\d{1,2}A?\.|\d{1,2}A?\.?[A-Za-z].*|Title|of|Security|Securities|\(Instr\.|\d\)|\d,|\d|and|or|Trans\.?|Transaction(\(s\))?|Date,?|Deemed|Execution|if|any|Code|\(Instr\.?|8\)|Amount|Acquired|Disposed|\(A\)|\(D\)|\(I\)|Of|Beneficially|Owned|Following|Reported|Ownership|Form:?|Direct|Indirect|Nature|Beneficial|Price|Conversion|Exercise|Derivative|Derivate|Number|Expiration|Exercisable|Shares|Underlying|Month\/Day\/Year\)?|\(Month\/Day\/Year\)|\(MM\/DD\/YYYY\)|V|at|end|Issuer's|Fiscal|Year|derivative|Security:|\(e\.g\.,.*|4\)|5\)|3\)|Instr\.|\(I\)\s*\(Instr\.|[(),:.]+)$/i;

/** Two column labels in one text run ("2. Trans. Date 2A. Deemed"): split before each embedded number. */
function splitNumberedLabels(t: Tok): Tok[] {
  const s = t.str;
  const cuts = [...s.matchAll(/\s(?=\d{1,2}A?\.\s*[A-Z])/g)].map((m) => m.index! + 1);
  if (cuts.length === 0) return [t];
  const w = (t.x1 - t.x0) / Math.max(1, s.length);
  const bounds = [0, ...cuts, s.length];
  const out: Tok[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = s.slice(bounds[i], bounds[i + 1]).trim();
    if (part) out.push({ ...t, str: part, x0: t.x0 + w * bounds[i], x1: t.x0 + w * bounds[i + 1] });
  }
  return out;
}

/** EDGAR sometimes prints two sub-column labels as one run ("Title Amount or Number of"): split it. */
function splitSubLabels(t: Tok): Tok[] {
  const m = /^(Title|Date|Exercisable|Code)\s+(Amount.*|Expiration.*|V)$/.exec(t.str.trim());
  if (!m || (m[1] === 'Title') !== m[2].startsWith('Amount') || (m[1] === 'Code') !== (m[2] === 'V')) return [t];
  const w = (t.x1 - t.x0) / Math.max(1, t.str.trim().length);
  const cut = t.x0 + w * (t.str.trim().length - m[2].length);
  return [
    { ...t, str: m[1], x1: cut - w },
    { ...t, str: m[2], x0: cut },
  ];
}

function isHeaderLine(line: Line): boolean {
  const words = line.toks.flatMap((t) => t.str.trim().split(/\s+/)).filter((w) => w);
  // Nearly all: two labels of neighbouring columns can touch and read as one word ("Ownershipof").
  return (
    words.length > 0 && words.filter((w) => HEADER_WORD.test(w)).length >= Math.max(1, Math.ceil(words.length * 0.75))
  );
}

interface Layout {
  leaves: LeafCol[];
  /** Bottom of the header (data starts below). */
  headerBottom: number;
  page: number;
}

/** Read the header of a table on `page` starting below `top`; null when no numbered column labels are there. */
function readTableHeader(
  ctx: Ctx,
  page: number,
  pageW: number,
  items: readonly PdfItem[],
  top: number,
  bottom: number,
  shape: (Col | Col[])[],
  table: string,
): Layout | null {
  const zone = items.filter((it) => it.page === page && it.y > top && it.y < bottom);
  const lines = groupLines(plainTokens(zone));
  const headerLines: Line[] = [];
  for (const l of lines) {
    if (isHeaderLine(l)) headerLines.push(l);
    else if (headerLines.length > 0) break;
  }
  if (headerLines.length === 0) return null;
  const headerBottom = Math.max(...headerLines.flatMap((l) => l.toks.map((t) => t.y))) + 1;
  const hdr = headerLines.flatMap((l) => l.toks).flatMap(splitNumberedLabels);
  // Numbered labels in order: "1.Title", "2A. Deemed", "3.", "10." ...
  const numbered = hdr
    .map((t) => ({ t, m: /^(\d{1,2}A?)\./.exec(t.str.trim()) }))
    .filter((x): x is { t: Tok; m: RegExpExecArray } => x.m != null)
    .sort((a, b) => a.t.x0 - b.t.x0);
  // Keep one label per number (the top one), in x order.
  const seen = new Map<string, Tok>();
  for (const { t, m } of numbered) if (!seen.has(m[1]) || seen.get(m[1])!.y > t.y) seen.set(m[1], t);
  const mains = [...seen.entries()].sort((a, b) => a[1].x0 - b[1].x0);
  if (mains.length !== shape.length) {
    ctx.findings.push({
      rule: 'extraction-uncertain',
      severity: 'info',
      message: `${table} on page ${page}: found ${mains.length} numbered column headers where the form has ${shape.length}; the table was not read`,
      span: null,
      page,
    });
    return null;
  }
  const leaves: LeafCol[] = [];
  for (let c = 0; c < mains.length; c++) {
    const [num, label] = mains[c];
    const left = c === 0 ? 0 : label.x0 - 2;
    const right = c + 1 < mains.length ? mains[c + 1][1].x0 - 2 : pageW;
    const spec = shape[c];
    if (!Array.isArray(spec)) {
      leaves.push({ key: spec, num, left, right });
      continue;
    }
    // Sub-labels: header tokens of this column below the main label's own block of lines.
    const colToks = hdr.filter((t) => t.x0 >= left && t.x0 < right).sort((a, b) => a.y - b.y);
    const colLines = groupLines(colToks);
    const bl = blocks(colLines, 1.45);
    const subs = bl
      .slice(1)
      .flat()
      .flatMap((l) => l.toks)
      .flatMap(splitSubLabels);
    // Cluster sub-label tokens by overlapping x extents.
    const clusters: { x0: number; x1: number }[] = [];
    for (const t of [...subs].sort((a, b) => a.x0 - b.x0)) {
      const last = clusters[clusters.length - 1];
      if (last && t.x0 < last.x1 - 0.5) last.x1 = Math.max(last.x1, t.x1);
      else clusters.push({ x0: t.x0, x1: t.x1 });
    }
    if (clusters.length !== spec.length) {
      // Fall back to equal widths, and say so.
      const w = (right - left) / spec.length;
      spec.forEach((key, i) => leaves.push({ key, num, left: left + i * w, right: left + (i + 1) * w, guessed: true }));
      ctx.findings.push({
        rule: 'extraction-uncertain',
        severity: 'info',
        message: `${table} on page ${page}: the sub-columns of column ${num} could not be told apart from their labels; equal widths assumed`,
        span: null,
        page,
      });
      continue;
    }
    for (let i = 0; i < spec.length; i++) {
      const l = i === 0 ? left : (clusters[i - 1].x1 + clusters[i].x0) / 2;
      const r = i + 1 < spec.length ? (clusters[i].x1 + clusters[i + 1].x0) / 2 : right;
      leaves.push({ key: spec[i], num, left: l, right: r });
    }
  }
  return { leaves, headerBottom, page };
}

function readTable(
  ctx: Ctx,
  pdf: LoadedPdf,
  formNo: '3' | '4' | '5',
  table: 'nonDerivative' | 'derivative',
  heading: Hit,
  endPos: number,
  formItems: readonly PdfItem[],
): void {
  const shape = LAYOUT[formNo][table];
  const tname = table === 'nonDerivative' ? 'Table I' : 'Table II';
  let layout: Layout | null = null;
  for (let page = heading.page; page <= pdf.pages.length && pos(page, 0) < endPos; page++) {
    const pageW = pdf.pages[page - 1].width;
    const top = page === heading.page ? heading.y + 1 : 0;
    const bottom = Math.min(
      pdf.pages[page - 1].height + 1,
      endPos >= pos(page + 1, 0) ? Infinity : endPos - pos(page, 0) - 0.5,
    );
    const here = readTableHeader(ctx, page, pageW, formItems, top, bottom, shape, tname);
    if (here) layout = here;
    if (!layout) {
      if (page === heading.page) return;
      continue;
    }
    const dataTop = here ? here.headerBottom : top;
    const data = formItems.filter((it) => it.page === page && it.y > dataTop && it.y < bottom);
    if (data.length === 0) continue;
    readRows(ctx, table, tname, layout, page, cellTokens(data));
  }
}

function readRows(
  ctx: Ctx,
  table: 'nonDerivative' | 'derivative',
  tname: string,
  layout: Layout,
  page: number,
  toks: Tok[],
): void {
  const f = ctx.filing;
  const leafOf = (t: Tok): LeafCol | null => {
    const cx = (t.x0 + t.x1) / 2;
    return layout.leaves.find((l) => cx >= l.left && cx < l.right) ?? null;
  };
  const byLeaf = new Map<Col, Tok[]>();
  const straddle = new Set<Tok>();
  // A marker belongs to the value it follows ("G(1)", "$4.22(2)"), even when it pokes into the next column.
  const owner = new Map<Tok, Tok>();
  for (const m of toks) {
    if (!m.marks) continue;
    const prev = toks
      .filter(
        (t) =>
          !t.marks && t.page === m.page && Math.abs(lineMid(t) - m.y) < t.size && t.x1 <= m.x0 + 1 && t.x1 >= m.x0 - 3,
      )
      .sort((a, b) => b.x1 - a.x1)[0];
    if (prev) owner.set(m, prev);
  }
  for (const t of toks) {
    const leaf = leafOf(owner.get(t) ?? t);
    if (!leaf) continue;
    // Over a main column's edge (those come from the numbered labels, which start their cells) the text is not
    // one cell's; over a sub-column's edge (estimated between sub-labels) only when its middle is about on it.
    if (!t.marks) {
      const mainLeft = Math.min(...layout.leaves.filter((l) => l.num === leaf.num).map((l) => l.left));
      const mainRight = Math.max(...layout.leaves.filter((l) => l.num === leaf.num).map((l) => l.right));
      const cx = (t.x0 + t.x1) / 2;
      if (t.x0 < mainLeft - 3 || t.x1 > mainRight + 3 || Math.min(cx - leaf.left, leaf.right - cx) < 1.5)
        straddle.add(t);
    }
    const arr = byLeaf.get(leaf.key) ?? [];
    arr.push(t);
    byLeaf.set(leaf.key, arr);
  }
  // Rows: one per line of the ownership-form column ("D"/"I"); failing that, one per block of the title column.
  let anchorLines = groupLines((byLeaf.get('directOrIndirectOwnership') ?? []).filter((t) => !t.marks));
  let anchorsFromTitles = false;
  if (anchorLines.length === 0) {
    anchorLines = blocks(groupLines((byLeaf.get('securityTitle') ?? []).filter((t) => !t.marks)), 1.45).map((b) => ({
      ...b[0],
      y: (b[0].y + b[b.length - 1].y) / 2,
    }));
    anchorsFromTitles = anchorLines.length > 0;
  }
  const anchors = anchorLines.map(lineMid);
  if (anchors.length === 0) return;
  const rows: Row[] = anchors.map(() => {
    const r =
      table === 'nonDerivative' ? emptyRow('nonDerivative', 'holding', 0) : emptyRow('derivative', 'holding', 0);
    r.page = page;
    return r;
  });
  const cells: Map<Col, Tok[]>[] = anchors.map(() => new Map());
  for (const [key, ts] of byLeaf) {
    const lines = groupLines(ts);
    const assign = splitByAnchors(lines, anchors);
    lines.forEach((l, i) => {
      const a = assign[i];
      if (a < 0) return;
      const m = cells[a];
      m.set(key, [...(m.get(key) ?? []), ...l.toks]);
    });
  }
  const base = table === 'nonDerivative' ? f.nonDerivative.length : f.derivative.length;
  rows.forEach((row, i) => {
    row.index = base + i;
    const rowNo = row.index + 1;
    const rec = row as unknown as Record<string, Field>;
    const read = (key: Col) => {
      const ts = cells[i].get(key) ?? [];
      const leaf = layout.leaves.find((l) => l.key === key)!;
      const box = `${tname} row ${rowNo}, column ${leaf.num} (${COL_TITLE[key]})`;
      const c = cellText(ts);
      const fld = typedField(ctx, c.raw, c.marks, page, box, COL_KIND[key]);
      if (ts.some((t) => straddle.has(t)))
        uncertain(ctx, fld, 'the text runs across a column boundary (merged cells?)');
      if (leaf.guessed && (c.raw || c.marks.length))
        uncertain(ctx, fld, 'the edges of this sub-column were estimated, not found from its label');
      if (c.lines.filter((l) => l.toks.some((t) => !t.marks)).length > 1 && COL_KIND[key] !== 'text')
        uncertain(ctx, fld, `more than one line of text in a one-value cell ("${c.raw}")`);
      return fld;
    };
    for (const leaf of layout.leaves) {
      const key = leaf.key;
      if (key === 'v' || key === 'acquired' || key === 'disposed') continue;
      rec[key] = read(key);
    }
    // Markers beside the code are the footnotes of <transactionCoding> (the code element itself has none).
    if (row.transactionCode.footnotes.length) {
      row.codingFootnotes = row.transactionCode.footnotes;
      row.transactionCode = { ...row.transactionCode, footnotes: [] };
    }
    if (layout.leaves.some((l) => l.key === 'v')) {
      // The form's "V" column: reported voluntarily, earlier than required = timeliness "E".
      const v = read('v');
      if (v.raw && /^V$/i.test(v.raw)) row.transactionTimeliness = { ...v, value: 'E' };
      else if (v.raw) {
        row.transactionTimeliness = v;
        uncertain(ctx, v, `"${v.raw}" in the V column, where only "V" is expected`);
      } else if (v.footnotes.length) row.codingFootnotes = [...row.codingFootnotes, ...v.footnotes];
    }
    // An amount printed with "$" in a column of share counts is a value (fractional interests are reported so).
    const asValue = (
      from: 'sharesOwnedFollowingTransaction' | 'transactionShares' | 'underlyingSecurityShares',
      to: 'valueOwnedFollowingTransaction' | 'transactionTotalValue' | 'underlyingSecurityValue',
    ) => {
      const fld = rec[from];
      if (!fld?.raw || !fld.raw.trim().startsWith('$') || !(to in rec)) return;
      rec[to] = { ...fld };
      rec[from] = { ...absent(), page, box: fld.box };
      uncertain(
        ctx,
        rec[to],
        `"${fld.raw}" is a dollar amount in a column of share counts: read as a value, not shares`,
      );
    };
    asValue('sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction');
    if (table === 'derivative') {
      asValue('transactionShares', 'transactionTotalValue');
      asValue('underlyingSecurityShares', 'underlyingSecurityValue');
    }
    if (layout.leaves.some((l) => l.key === 'acquired')) {
      const a = read('acquired');
      const d = read('disposed');
      if (a.present && d.present && (a.raw || d.raw) && a.raw && d.raw) {
        row.transactionShares = a;
        uncertain(ctx, a, 'amounts in both the (A) and the (D) column');
      } else if (a.present && (a.raw || !d.present)) {
        row.transactionShares = a;
        row.transactionAcquiredDisposedCode = {
          raw: '(A)',
          value: 'A',
          present: true,
          footnotes: [],
          span: null,
          page,
          box: a.box,
        };
      } else if (d.present) {
        row.transactionShares = d;
        row.transactionAcquiredDisposedCode = {
          raw: '(D)',
          value: 'D',
          present: true,
          footnotes: [],
          span: null,
          page,
          box: d.box,
        };
      }
    }
    const isTransaction = row.transactionCode.present || row.transactionDate.present;
    row.kind = isTransaction ? 'transaction' : 'holding';
    if (anchorsFromTitles)
      uncertain(
        ctx,
        row.securityTitle,
        'no Direct/Indirect column value to anchor the row; rows taken from the titles',
      );
    if (table === 'nonDerivative') f.nonDerivative.push(row as Row & { table: 'nonDerivative' });
    else f.derivative.push(row as Row & { table: 'derivative' });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Explanation of responses, remarks

function itemsBetween(items: readonly PdfItem[], from: Hit, toPos: number, skipFrom = true): PdfItem[] {
  const a = pos(from.page, from.y);
  return items.filter((it) => {
    const p = pos(it.page, it.y);
    return (skipFrom ? p > a + 0.5 : p >= a) && p < toPos - 0.5 && it !== from.item;
  });
}

function readFootnotes(ctx: Ctx, items: readonly PdfItem[], head: Hit, endPos: number, maxLineX: number): void {
  const lines = groupLines(plainTokens(itemsBetween(items, head, endPos))).filter((l) => l.x0 < maxLineX);
  const notes: { n: number; lines: string[]; page: number; x: number }[] = [];
  for (const l of lines) {
    const text = joinToks(l.toks);
    const m = /^(?:\((\d{1,3})\)|(\d{1,3})\.)\s*(.*)$/.exec(text);
    const n = m ? Number(m[1] ?? m[2]) : NaN;
    const last = notes[notes.length - 1];
    const startsNote = m && (!last || (n > last.n && n <= last.n + 3 && Math.abs(l.x0 - last.x) < 4));
    if (startsNote) notes.push({ n, lines: [m[3]], page: l.page, x: l.x0 });
    else if (last) last.lines.push(text);
  }
  for (const n of notes) {
    const box = 'Explanation of Responses';
    const text = joinLines(n.lines);
    const fn: Footnote = {
      id: { raw: `(${n.n})`, value: `F${n.n}`, present: true, footnotes: [], span: null, page: n.page, box },
      text: { raw: text, value: text, present: true, footnotes: [], span: null, page: n.page, box },
      span: null,
      page: n.page,
    };
    ctx.filing.footnotes.push(fn);
  }
}

function readRemarks(ctx: Ctx, items: readonly PdfItem[], head: Hit, endPos: number, maxLineX: number): void {
  const inline = head.item.str.trim().replace(/^Remarks\s*:?\s*/, '');
  const lines = groupLines(plainTokens(itemsBetween(items, head, endPos))).filter((l) => l.x0 < maxLineX);
  const texts = lines.map((l) => joinToks(l.toks)).filter((t) => !/^No securities are beneficially owned\.?$/i.test(t));
  const all = [inline, ...texts].filter((t) => t);
  if (all.length === 0) return;
  const text = joinLines(all);
  ctx.filing.remarks = {
    raw: text,
    value: text,
    present: true,
    footnotes: [],
    span: null,
    page: head.page,
    box: 'Remarks',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reporting owners table (EDGAR's PDFs): every owner, address and relationship

function readOwnersTable(ctx: Ctx, items: readonly PdfItem[], head: Hit, endPos: number): void {
  const zone = itemsBetween(items, head, endPos);
  const hdrName = zone.find((it) => /^Reporting Owner Name/.test(it.str.trim()));
  if (!hdrName) return;
  // Column labels; EDGAR sometimes prints them as one run ("Director10% OwnerOfficer").
  const cols: { key: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; x0: number; x1: number }[] = [];
  const names: [RegExp, (typeof cols)[number]['key']][] = [
    [/Director/, 'isDirector'],
    [/10% Owner/, 'isTenPercentOwner'],
    [/Officer/, 'isOfficer'],
    [/Other/, 'isOther'],
  ];
  const labelItems = zone.filter(
    (it) =>
      it.page === hdrName.page &&
      Math.abs(it.y - hdrName.y) < 14 &&
      /Director|10% Owner|Officer|Other/.test(it.str) &&
      it !== hdrName,
  );
  for (const it of labelItems) {
    const s = it.str;
    const w = (it.x1 - it.x0) / Math.max(1, s.length);
    for (const [re, key] of names) {
      const m = re.exec(s);
      if (m) cols.push({ key, x0: it.x0 + m.index * w, x1: it.x0 + (m.index + m[0].length) * w });
    }
  }
  cols.sort((a, b) => a.x0 - b.x0);
  if (cols.length !== 4) return;
  const headerBottom = Math.max(...labelItems.map((it) => it.y), hdrName.y);
  const relLeft = cols[0].x0 - 3;
  // The table may run over a page break (a row even split by it): lay the pages end to end, each page's first line
  // right below the previous page's last.
  const bodyRaw = zone.filter((it) => it.page > hdrName.page || it.y > headerBottom + 1);
  const pages = [...new Set(bodyRaw.map((it) => it.page))].sort((a, b) => a - b);
  const offset = new Map<number, number>();
  let acc = 0;
  pages.forEach((pg, i) => {
    const ys = bodyRaw.filter((it) => it.page === pg).map((it) => it.y);
    if (i > 0) {
      const prevYs = bodyRaw.filter((it) => it.page === pages[i - 1]).map((it) => it.y + offset.get(pages[i - 1])!);
      acc = Math.max(...prevYs) + 11 - Math.min(...ys);
    }
    offset.set(pg, acc);
  });
  const body = bodyRaw.map((it) => ({ ...it, y: it.y + offset.get(it.page)!, page: 0, origPage: it.page }));
  const pageOf = (y: number) => {
    let best = pages[0];
    for (const pg of pages) if (y >= offset.get(pg)! - 5) best = pg;
    return best;
  };
  const left = body.filter((it) => it.x0 < relLeft);
  const right = body.filter((it) => it.x0 >= relLeft);
  // Rows: anchored on the relationship cells (each owner has at least one), which sit in the row's middle.
  const relLines = groupLines(plainTokens(right));
  const anchorBlocks: Line[][] = [];
  for (const l of relLines) {
    const last = anchorBlocks[anchorBlocks.length - 1];
    if (last && Math.abs(lineMid(l) - lineMid(last[last.length - 1])) < 1.5 * l.size) last.push(l);
    else anchorBlocks.push([l]);
  }
  const leftLines = groupLines(plainTokens(left));
  if (leftLines.length === 0) return;
  const owners: ReportingOwner[] = [];
  const anchors = anchorBlocks.map((b) => (lineMid(b[0]) + lineMid(b[b.length - 1])) / 2);
  const assign =
    anchors.length && anchors.length <= leftLines.length
      ? splitByAnchors(leftLines, anchors, true)
      : leftLines.map(() => 0);
  const groups = new Map<number, Line[]>();
  leftLines.forEach((l, i) => groups.set(assign[i], [...(groups.get(assign[i]) ?? []), l]));
  for (const [gi, g] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const box = 'Reporting Owners';
    const pg = pageOf(g[0].y);
    const o = emptyOwner();
    const texts = g.map((l) => joinToks(l.toks));
    const fld = (s: string | null) => boxField(s, s, [], pg, box);
    o.name = fld(texts[0] ?? null);
    const cityLine = texts.length >= 2 ? texts[texts.length - 1] : null;
    const us = cityLine ? US_CITY_LINE.exec(cityLine) : null;
    const streets = texts.slice(1, us ? -1 : texts.length);
    o.street1 = fld(streets[0] ?? null);
    o.street2 = fld(streets.length > 1 ? streets.slice(1).join(' ') : null);
    if (streets.length > 2) uncertain(ctx, o.street2, `the address runs over ${streets.length} street lines`);
    if (us) {
      o.city = fld(us[1].replace(/,$/, ''));
      o.state = fld(us[2] ?? null);
      o.zipCode = fld(us[3]);
    } else if (cityLine && texts.length >= 3) {
      o.city = fld(cityLine);
      uncertain(ctx, o.city, `"${cityLine}" could not be split into city, state and ZIP code`);
    }
    if (anchors.length === 0)
      uncertain(
        ctx,
        o.name,
        'no relationship marked for this owner; where one owner ends and the next begins is a guess',
      );
    const rel = gi >= 0 ? (anchorBlocks[gi] ?? []).flatMap((l) => l.toks) : [];
    for (const c of cols) {
      const next = cols[cols.indexOf(c) + 1];
      const inCol = rel.filter((t) => {
        const cx = (t.x0 + Math.min(t.x1, t.x0 + 30)) / 2;
        return cx >= c.x0 - 6 && (!next || cx < next.x0 - 3);
      });
      const text = joinLines(groupLines(inCol).map((l) => joinToks(l.toks)));
      const checked = text.length > 0;
      o[c.key] = { raw: text || null, value: checked, present: true, footnotes: [], span: null, page: pg, box };
      if (c.key === 'isOfficer' && text && !/^X$/i.test(text)) o.officerTitle = fld(text);
      if (c.key === 'isOther' && text && !/^X$/i.test(text)) o.otherText = fld(text);
    }
    owners.push(o);
  }
  if (owners.length === 0) return;
  // The table lists every owner with the address EDGAR holds; it supersedes the header box.
  const header = ctx.filing.reportingOwners[0];
  if (header && owners[0] && header.name.value && owners[0].name.value && header.name.value !== owners[0].name.value) {
    ctx.findings.push({
      rule: 'extraction-uncertain',
      severity: 'info',
      message: `Reporting Owners table names "${owners[0].name.value}" first but box 1 names "${header.name.value}"`,
      span: null,
      page: owners[0].name.page ?? null,
    });
  }
  ctx.filing.reportingOwners = owners;
  // Doubts about box 1's address no longer matter: the table's own lines replace it.
  ctx.findings = ctx.findings.filter((f) => !(f.box ?? '').startsWith('Box 1 '));
}

// ---------------------------------------------------------------------------------------------------------
// Signatures

function readSignatures(
  ctx: Ctx,
  items: readonly PdfItem[],
  start: Hit | null,
  caption: Hit | null,
  minX: number,
): void {
  if (!start || !caption) return;
  const captionLineEnd = pos(caption.page, caption.y + 3);
  const zone = itemsBetween(items, start, captionLineEnd).filter(
    (it) =>
      it.x0 >= minX &&
      !/^\*{1,2}$|Signature of Reporting|^Person$|^Date$|^\*\*\s*Signature/.test(it.str.trim()) &&
      !(it.page === caption.page && it.y > caption.y - 4),
  );
  if (zone.length === 0) return;
  const toks = plainTokens(zone);
  const dateToks = toks.filter((t) => DATE_TEXT_RE.test(t.str.trim()));
  const nameToks = toks.filter((t) => !DATE_TEXT_RE.test(t.str.trim()));
  const nameLines = groupLines(nameToks);
  const dateLines = groupLines(dateToks);
  const sigs: Signature[] = [];
  if (dateLines.length === 0) {
    const name = joinLines(nameLines.map((l) => joinToks(l.toks)));
    if (name) {
      const s: Signature = {
        name: boxField(name, name, [], nameLines[0].page, 'Signatures'),
        date: absent(),
        span: null,
      };
      uncertain(ctx, s.name, 'no date MM/DD/YYYY next to the signature');
      sigs.push(s);
    }
  } else {
    const pages = [...new Set([...nameLines, ...dateLines].map((l) => l.page))];
    for (const pg of pages) {
      const dl = dateLines.filter((l) => l.page === pg);
      const nl = nameLines.filter((l) => l.page === pg);
      const assign = dl.length ? splitByAnchors(nl, dl.map(lineMid)) : nl.map(() => -1);
      dl.forEach((d, i) => {
        const name = joinLines(nl.filter((_, j) => assign[j] === i).map((l) => joinToks(l.toks)));
        const raw = joinToks(d.toks);
        sigs.push({
          name: boxField(name || null, name || null, [], pg, 'Signatures'),
          date: typedField(ctx, raw, [], pg, 'Signatures', 'date'),
          span: null,
        });
      });
    }
  }
  ctx.filing.signatures = sigs;
}
