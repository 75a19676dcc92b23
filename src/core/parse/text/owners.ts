/**
 * The reporting persons: the name-and-address box (with the address below the name in old text filings), the
 * relationship box, the blocks a joint filing repeats after Table II, the "Reporting Owners" table of converted
 * PDFs, and the name against the signature.
 */
import { emptyOwner, type ReportingOwner } from '../../model';
import type { Piece, TextDoc } from './doc';
import { isFormLabel } from './labels';
import { CHECK_ALL_LINE, HEADER_WORDS, key, NAME_AND_ADDRESS, NAME_AND_ADDRESS_OF_PERSON } from './patterns';

/** The owner box's label (NAME_AND_ADDRESS, its OCR shapes too) with the rest of it when it is there. */
const OWNER_LABEL = new RegExp(`${NAME_AND_ADDRESS.source}(?:\\s+of\\s+Reporting\\s+Person\\s*\\*?)?`, 'i');

/** The name-and-address box whose label is the first in [from, headerEnd). */
export function readOwner(doc: TextDoc, headerEnd: number, from = 0): ReportingOwner {
  const o = emptyOwner();
  const m = doc.find(OWNER_LABEL, from, headerEnd);
  if (!m) return o;
  let p = doc.restOfCell(m[1], /of\s+Reporting\s+Person|\(Last\)|\d\.\s+Issuer/i);
  if (p) p = doc.stripLead(p, /^[*\s:]+/);
  let doubt: string | null = null;
  if (!p) {
    // The name may be on the next line, before "(Last)" (after the relationship box's "(Check all applicable)").
    const at = doc.cellAt(m[1]);
    const skip = at && CHECK_ALL_LINE.test(doc.lines[at.li + 1]?.text ?? '') ? 1 : 0;
    const nl = at ? doc.lines[at.li + 1 + skip] : null;
    const cell = nl?.cells.find((c) => c.text.trim().length > 0);
    if (cell && !/^\s*\(Last\)/i.test(cell.text) && !HEADER_WORDS.test(cell.text)) {
      const stop = /\(Last\)/i.exec(cell.text);
      p = doc.piece(cell.start, stop ? cell.start + stop.index : cell.end);
      // Below the label and above "(Last) (First) (Middle)" is where the printed form puts the name.
      const after = at ? doc.lines[at.li + 2 + skip] : null;
      if (!(after && /^\s*\(Last\)/i.test(after.text))) doubt = 'read from the line below the label';
    }
  }
  if (p) {
    o.name = doc.field(p, p.raw, [], doubt, 'Reporting person name');
    o.span = doc.span(m[0], p.end);
  }
  // Street: after "(Last)" / "(First)" / "(Middle)" up to "(Street)".
  const last = doc.find(/\(Last\)/i, m[1], headerEnd);
  const streetLabel = doc.find(/\(Street\)/i, m[1], headerEnd);
  if (last) {
    const sameCell = doc.restOfCell(last[1], /\((?:First|Middle)\)/i);
    if (sameCell) {
      o.street1 = doc.field(
        sameCell,
        sameCell.raw,
        [],
        'the street line is merged with the (Last)/(First)/(Middle) labels; it may be cut at a column edge',
        'Street',
      );
    } else if (streetLabel) {
      const at = doc.cellAt(last[1]);
      const lines = at ? doc.lines.slice(at.li + 1).filter((l) => l.start < streetLabel[0]) : [];
      const streets: Piece[] = [];
      for (const l of lines) {
        const c = l.cells.find((x) => x.text.trim().length > 0 && x.start < streetLabel[0]);
        if (!c) continue;
        const pc = doc.piece(c.start, Math.min(c.end, streetLabel[0]));
        if (pc && !/\((?:First|Middle|Last)\)/i.test(pc.raw) && !/^--\s*\d+\s+of\s+\d+\s*--$/.test(pc.raw))
          streets.push(pc);
      }
      if (streets[0]) o.street1 = doc.field(streets[0], streets[0].raw);
      if (streets[1]) o.street2 = doc.field(streets[1], streets[1].raw);
    }
  }
  if (!last && !streetLabel && p) addressBelowName(doc, o, p, headerEnd);
  if (streetLabel) {
    let p2 = doc.restOfCell(streetLabel[1], /\(City\)/i);
    const cityLabel = p2 ? null : doc.find(/\(City\)/i, streetLabel[1], Math.min(headerEnd, streetLabel[1] + 300));
    if (!p2 && cityLabel && (doc.cellAt(cityLabel[0])?.li ?? 0) - (doc.cellAt(streetLabel[1])?.li ?? 0) <= 3) {
      // "TORONTO" / "ONTARIO A6   M5J2T3" / "(City) (State) (Zip)": the lines between the labels.
      p2 = doc.piece(streetLabel[1], cityLabel[0]);
    }
    if (!p2) {
      const at = doc.cellAt(streetLabel[1]);
      const nl = at ? doc.lines[at.li + 1] : null;
      const c = nl?.cells.find((x) => x.text.trim().length > 0);
      if (c) {
        const stop = /\(City\)/i.exec(c.text);
        p2 = doc.piece(c.start, stop ? c.start + stop.index : c.end);
      }
    }
    if (p2) cityStateZip(doc, o, p2);
    if (o.span && p2) o.span = { start: o.span.start, end: doc.span(p2.start, p2.end)!.end };
  }
  flagSuspectDigits(doc, o);
  return o;
}

/** An address number that mixes digits with the letters OCR confuses them with ("4OO") is kept as written, flagged. */
export function flagSuspectDigits(doc: TextDoc, o: ReportingOwner): void {
  for (const [f, what] of [
    [o.street1, 'Street'],
    [o.street2, 'Street (line 2)'],
    [o.zipCode, 'ZIP code'],
  ] as const) {
    const tok = f.raw && f.raw.length < 300 ? /(?:^|\s)([0-9OolI]{0,20}\d[0-9OolI]{0,20})(?=\s|,|$)/.exec(f.raw) : null;
    if (tok && /[OolI]/.test(tok[1]) && !f.uncertain)
      doc.doubt(f, what, `"${tok[1]}" mixes digits with letters OCR confuses with digits (O/0, l/1): kept as written`);
  }
}

/**
 * Old text filings print the address under the name without the (Last)/(Street)/(City) labels: the lines
 * below the name up to the next numbered box, the one that reads "City, ST 12345" ending the street lines.
 */
function addressBelowName(doc: TextDoc, o: ReportingOwner, name: Piece, headerEnd: number): void {
  const at = doc.cellAt(name.end);
  if (!at) return;
  const found: Piece[] = [];
  for (let i = at.li + 1; i < doc.lines.length && found.length < 6; i++) {
    const l = doc.lines[i];
    if (l.start >= headerEnd || /^\s*\d{1,2}\.\s/.test(l.text)) break;
    const c = l.cells.find((x) => x.text.trim().length > 0);
    if (!c) continue;
    const q = doc.piece(c.start, c.end);
    if (q) found.push(q);
  }
  const csz = found.findIndex(
    (q) => q.raw.length < 120 && /^(.{0,120}?)[,\s]{1,20}([A-Za-z]{2})(?:[,\s]{1,20}|-)(\d{5}(?:-\d{4})?)$/.test(q.raw),
  );
  if (csz < 0) return;
  const streets = found.slice(0, csz).slice(-2);
  if (streets[0]) o.street1 = doc.field(streets[0], streets[0].raw);
  if (streets[1]) o.street2 = doc.field(streets[1], streets[1].raw);
  cityStateZip(doc, o, found[csz]);
  const lastSpan = doc.span(found[csz].start, found[csz].end);
  if (o.span && lastSpan) o.span = { start: o.span.start, end: lastSpan.end };
}

/**
 * "CITY, ST 12345" (or a Canadian province and postal code) into city, state and ZIP code; a speck OCR read as a
 * hyphen between the state and the ZIP code ("LARCHMONT, NY-10538") parts them too.
 */
function cityStateZip(doc: TextDoc, o: ReportingOwner, p: Piece): void {
  const s = doc.t.slice(p.start, p.end);
  const m =
    s.length > 200
      ? null
      : /^([\s\S]{0,200}?)[,\s]{1,20}([A-Za-z]{2}|[A-Z]\d)(?:[,\s]{1,20}|-)(\d{5}(?:-\d{4})?|[A-Z0-9]{3,4}\s?[A-Z0-9]{3})\s{0,20}$/.exec(
          s,
        );
  if (!m) {
    o.city = doc.field(p, p.raw, [], 'city, state and ZIP code could not be told apart', 'City');
    return;
  }
  const cityP = doc.piece(p.start, p.start + m[1].length);
  const zipStart = p.start + s.lastIndexOf(m[3]);
  const stateStart = p.start + s.lastIndexOf(m[2], zipStart - p.start);
  if (cityP) o.city = doc.field(cityP, cityP.raw);
  o.state = doc.field({ raw: m[2], start: stateStart, end: stateStart + 2 }, m[2].toUpperCase());
  o.zipCode = doc.field({ raw: m[3], start: zipStart, end: zipStart + m[3].length }, m[3]);
}

/** The officer box's label as OCR writes it: "Officer" or a word of its length before "(give title below)". */
const OCR_OFFICER_LABEL = /\b[A-Za-z0-9][A-Za-z]{5,7}\s{0,2}\(give\s+t[a-z]{2,3}e?\s+below\)/;
const OCR_OFFICER_BOX = /Officer\s*\(give\b|\b[A-Za-z0-9][A-Za-z]{5,7}\s{0,2}\(give\b|(?<=\b[Xx]\s{1,6})Officer\b/;

/**
 * A box's check mark on the line below its label, at the column before it: text laid out by columns wraps a label
 * ("Officer (give title" / "X      below)") and writes the mark where the label's second line starts.
 */
function markBelow(doc: TextDoc, labelStart: number): { checked: boolean; mark: Piece; why: string } | null {
  const at = doc.cellAt(labelStart);
  const next = at ? doc.lines[at.li + 1] : undefined;
  if (!at || !next) return null;
  const col = labelStart - at.line.start;
  // Only where the label stands alone far right on its line, as laid-out text writes the relationship box.
  if (!/^ {20,}$/.test(doc.t.slice(at.line.start, labelStart))) return null;
  const from = next.start + Math.max(0, col - 10);
  const seg = doc.t.slice(from, Math.min(next.end, next.start + col));
  const m = /(?<![A-Za-z0-9])[Xx](?![A-Za-z0-9])/.exec(seg);
  if (!m) return null;
  const k = from + m.index;
  return {
    checked: true,
    mark: { raw: doc.t[k], start: k, end: k + 1 },
    why: 'the check mark stands on the line below the label, where the label wraps: read as checked',
  };
}

/** The relationship box: which of Director, 10% Owner, Officer and Other is marked, and the title given. */
/** Whether a check box is drawn just before a label, at the end of `before`: "_____ ", "__X__ ", "[ ] ", "[X] ", "☒ ". */
function boxBeforeLabel(before: string): boolean {
  const tail = before.trimEnd();
  return /[_☐☑☒]$/.test(tail) || /\[\s?[Xx]?\s?\]$/.test(tail);
}

export function readRelationship(doc: TextDoc, o: ReportingOwner, headerEnd: number): void {
  const box =
    doc.find(/(?:Relationship|tionship)\s+of\s+Reporting\s+Pers/i, 0, headerEnd) ??
    doc.find(/\(Check\s+a[l1iI|]{2}\s+applicable\)|a[l1iI|]{2}\s+applicable\)/i, 0, headerEnd);
  const from = box ? box[0] : 0;
  // A PDF's text in reading order (pdftotext without -layout) writes the boxes' marked labels ("__X__ Officer (give
  // title below)") before box 5's own label: a label not found after it is taken before it, where a box is drawn
  // just before the label on its line (elsewhere the word is no box's).
  const find = (re: RegExp): [number, number] | null => {
    const m = doc.find(re, from, headerEnd);
    if (m || from === 0) return m;
    for (let k = 0, n = 0; n < 20; n++) {
      const b = doc.find(re, k, from);
      if (!b) return null;
      const lineStart = doc.t.lastIndexOf('\n', b[0] - 1) + 1;
      if (boxBeforeLabel(doc.t.slice(Math.max(lineStart, b[0] - 20), b[0]))) return b;
      k = b[1];
    }
    return null;
  };
  // In OCR text the label's first word may be misread ("Pfticer (give title below)"): "(give" says which label it is.
  const officer =
    find(/Officer\s*\(give\s+title\s+below\)/i) ?? (doc.ocr ? doc.find(OCR_OFFICER_LABEL, from, headerEnd) : null);
  const other = find(/Other\s*\(specify\s+below\)/i);
  let titleRange: [number, number] | null = null;
  if (officer) {
    const p = doc.restOfCell(
      officer[1],
      // OCR's "Otter (specify", "Qther (spe" end the title too.
      /[OQ0](?:th|tt)er\s*\(spe|[([]\s?[Xx]?\s?[)\]]\s*Other\b|_{1,80}\s?[Xx]?\s?_{0,80}\s{0,20}Other\b/i,
    );
    // A title has letters: rules and specks after the label ("_—_.") are the box's lines.
    if (p && /[A-Za-z]{2}/.test(p.raw)) {
      titleRange = [p.start, p.end];
      o.officerTitle = doc.field(p, p.raw);
    }
  }
  if (other) {
    const p = doc.restOfCell(other[1]);
    if (p && !HEADER_WORDS.test(p.raw) && !/^\d\.\s/.test(p.raw)) o.otherText = doc.field(p, p.raw);
  }
  const inTitle = (k: number) => titleRange != null && k >= titleRange[0] && k < titleRange[1];
  const flags: [RegExp, 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther', string][] = [
    // The labels as OCR misreads them too ("Bireetor", "Pissctor", "Piector"; "1% Owner", "X10 Ownee") in OCR text.
    [doc.ocr ? /(?<![A-Za-z0-9])[DPB][il1][rs]?[es]?[ec][ct][o0]r\b/i : /\bDirector\b/i, 'isDirector', 'Director'],
    [
      doc.ocr ? /1?0\s?%\s{0,2}Own[a-z]{2}\b|10\s?%?\s{0,2}Own[a-z]{2}\b/i : /10\s?%\s+Owner/i,
      'isTenPercentOwner',
      '10% Owner',
    ],
    [doc.ocr ? OCR_OFFICER_BOX : /Officer\s*\(give\s+title/i, 'isOfficer', 'Officer'],
    [/Other\s*\(specify/i, 'isOther', 'Other'],
  ];
  const missing: string[] = [];
  for (const [re, key, name] of flags) {
    let m = find(re);
    while (m && inTitle(m[0])) m = doc.find(re, m[1], headerEnd);
    if (!m) {
      missing.push(name);
      continue;
    }
    let found = doc.checkedBefore(m[0]);
    if (!found.checked && !found.why && doc.ocr) found = markBelow(doc, m[0]) ?? found;
    const { checked, mark, why } = found;
    if (checked && mark) o[key] = doc.field<boolean>(mark, true, [], why ?? null, name);
    else o[key] = { ...doc.field<boolean>(doc.piece(m[0], m[1])!, false, [], why ?? null, name), raw: null };
  }
  if (box && missing.length && missing.length < 4)
    doc.uncertain(
      'Relationship',
      `the box${missing.length > 1 ? 'es' : ''} ${missing.join(', ')} could not be found in the text (cut or merged): read as not checked`,
      doc.span(box[0], box[1]),
    );
  // Old text filings print the title on the line below the relationship box.
  const wantsText =
    (o.isOfficer.value && !o.officerTitle.value) || (o.isOther.value && !o.otherText.value && !o.isOfficer.value);
  const lastLabel = other ?? officer;
  if (wantsText && lastLabel) {
    const at = doc.cellAt(lastLabel[1]);
    const nl = at ? doc.lines.slice(at.li + 1, at.li + 3).find((l) => l.text.trim().length > 0) : null;
    const c = nl?.cells.find((x) => x.text.trim().length > 0);
    let q = c && nl!.start < headerEnd ? doc.piece(c.start, c.end) : null;
    // A title wrapped over lines ("Chief" / "Technology" / "Officer"): short lines of words only.
    if (q && nl && nl.cells.length === 1) {
      const li0 = doc.lines.indexOf(nl);
      for (let i = li0 + 1; i < Math.min(doc.lines.length, li0 + 4); i++) {
        const x = doc.lines[i];
        const tx = x.text.trim();
        if (
          !tx ||
          x.cells.length > 1 ||
          x.start >= headerEnd ||
          tx.length > 30 ||
          /\d|[()<>]/.test(tx) ||
          HEADER_WORDS.test(tx) ||
          /^Table\b/i.test(tx)
        )
          break;
        const joined = doc.piece(q.start, x.end);
        if (!joined || joined.raw.length > 60) break;
        q = joined;
      }
    }
    if (
      q &&
      q.raw.length <= 60 &&
      /[A-Za-z]{2}/.test(q.raw) &&
      // A box's number, markup, a table, and the address's "care of" line or another box's date are no title.
      !/^\d{1,2}\.\s|^<|Table\s+I|^\(?C\/O\s|\d{1,2}\/\d{1,2}\/\d{2,4}/i.test(q.raw) &&
      !HEADER_WORDS.test(q.raw) &&
      !isFormLabel(q.raw) &&
      !/[([]\s?[Xx ]?\s?[)\]]/.test(q.raw)
    ) {
      const f = doc.field(
        q,
        q.raw,
        [],
        'read from the line below the relationship box',
        o.isOfficer.value ? 'Officer title' : 'Other (specify)',
      );
      if (o.isOfficer.value) o.officerTitle = f;
      else o.otherText = f;
    }
  }
  if (o.isOfficer.value && !o.officerTitle.value)
    doc.uncertain('Officer title', 'Officer is checked but no title was found', o.isOfficer.span);
}

/**
 * A line of the "Reporting Owners" table's heading, also as OCR writes it: "Relationships", "Reporting Owner
 * Name / Address" ("IR ting O N / Address", "Reporting O N / Add", its m as "ni", "rn" or "mi": "Owner Nanie /
 * Address"), "Director 10% Owner Officer Other" (also with its first letters lost and its words run together:
 * "irector]1 0% OwnerOfficer her").
 */
const OWNERS_HEADING =
  /Relationships|Owner\s{0,3}Na(?:m|ni|rn|mi)e|\bN\s{0,3}\/\s{0,3}Add|Na(?:m|ni|rn|mi)e\s{0,3}\/\s{0,3}Address|1?\s?0\s?%\s{0,3}Owner|Owner\s{0,3}Officer|Officer\W{1,5}Other|^D?irector/i;

/** A name with a legal form: a fund, partnership or company, which cannot sit on the board or be an officer. */
const ENTITY_NAME =
  /\b(?:L\.?\s?L?L\.?\s?P|LLC|L\.L\.C|Ltd|Limited|Inc|Corp|Corporation|Company|Co|Funds?|Trust|Partners|Partnership|Holdings|Foundation|plc|GmbH)\b/i;

/** The table's left border read as a letter stuck to each line ("IKampani Arjun", "I12 HARBOR ROAD"). */
const BORDER_LETTER = /^[I|l[](?=[A-Z0-9])/;

/** An address line without the specks OCR leaves at its end ("1865 PALMER AVENUE, SUITE 104 ."). */
export function withoutEndSpecks(s: string): string {
  const w = s.split(' ');
  while (w.length > 1 && !/[A-Za-z0-9]/.test(w[w.length - 1])) w.pop();
  return w.join(' ');
}

/**
 * The "Reporting Owners" table of EDGAR's converted PDFs, as text: per owner a name line, street lines and a
 * "CITY, ST ZIP" line, then the relationship marks, whose columns the text does not keep. Owners not yet read
 * are added with their name and address; their relationship stays unread (said so).
 */
export function readOwnersSection(doc: TextDoc, from: number, to: number): void {
  const lines = doc.lines.filter((l) => l.start >= from && l.end <= to);
  const known = new Set<string>();
  // The table's left border eats a name's first letter in OCR ("essémer Venture Partners VIII L.P."): such a name
  // is an owner already read. (Sets both, so that a table of many owners is read in linear time.)
  const knownTails = new Set<string>();
  const remember = (name: string) => {
    const k = key(name);
    known.add(k);
    if (k.length >= 9) knownTails.add(k.slice(1));
  };
  for (const o of doc.filing.reportingOwners) remember(o.name.value ?? '');
  const isKnown = (name: string) => {
    const k = key(name);
    return known.has(k) || (doc.ocr && k.length >= 8 && knownTails.has(k));
  };
  let block: Piece[] = [];
  const cityLine = /^(.{0,120}?),?\s{1,20}([A-Z]{2})\s{1,20}(\d{5}(?:-\d{4})?)$/;
  const body = lines
    .map((l) => l.text.trim())
    .filter((tx) => tx && !/^--\s*\d+\s+of\s+\d+\s*--$/.test(tx) && !OWNERS_HEADING.test(tx) && /[a-z]{2}/i.test(tx));
  // Only when most lines of the table carry it is a leading letter the border: a name or city may start with I. A
  // "care of" line that lost its C to the border ("/O BESSEMER") shows the border as well.
  const bordered =
    body.filter((tx) => BORDER_LETTER.test(tx) || /^\/[O0Q]\s/.test(tx)).length >= Math.max(2, body.length / 2);
  // The block's relationship marks: bare ones at a line's end, and whether one carries words (a title) after it.
  let marks: Piece[] = [];
  let worded = false;
  for (const l of lines) {
    const tx = l.text.trim();
    if (!tx || /^--\s*\d+\s+of\s+\d+\s*--$/.test(tx) || OWNERS_HEADING.test(tx)) continue;
    if (/^[Xx]$/.test(tx)) {
      const c = l.cells.find((x) => x.text.trim().length > 0);
      const q = c && block.length ? doc.piece(c.start, c.end) : null;
      if (q) marks.push(q);
      continue;
    }
    if (!block.length && !/[a-z]{2}/i.test(tx)) continue; // relationship marks
    const c = l.cells.find((x) => x.text.trim().length > 0);
    if (!c) continue;
    let p = doc.piece(c.start, c.end);
    if (!p) continue;
    if (bordered && BORDER_LETTER.test(p.raw)) p = doc.piece(p.start + 1, p.end) ?? p;
    const mark = / [Xx]$/.exec(p.raw);
    if (mark) {
      const q = doc.piece(p.end - 1, p.end);
      if (q) marks.push(q);
      p = doc.piece(p.start, p.end - 2) ?? p;
    }
    if (/\s[Xx]\s+[A-Za-z]/.test(p.raw)) worded = true;
    block.push(p);
    if (tx.length < 120 && cityLine.test(p.raw)) {
      const [name, ...rest] = block;
      const bareMark = marks.length === 1 && !worded ? marks[0] : null;
      block = [];
      marks = [];
      worded = false;
      if (!name || isKnown(name.raw) || rest.length < 1) continue;
      remember(name.raw);
      const o = emptyOwner();
      o.name = doc.field(name, name.raw);
      const streets = rest.slice(0, -1);
      if (streets[0]) o.street1 = doc.field(streets[0], withoutEndSpecks(streets[0].raw));
      if (streets[1]) o.street2 = doc.field(streets[1], withoutEndSpecks(streets[1].raw));
      cityStateZip(doc, o, rest[rest.length - 1]);
      o.span = doc.span(name.start, rest[rest.length - 1].end);
      if (bareMark && ENTITY_NAME.test(name.raw))
        o.isTenPercentOwner = doc.field<boolean>(
          bareMark,
          true,
          [],
          'its one mark lost its column in the text: an entity is no director, and an officer or "other" mark carries words; taken as 10% Owner',
          `${name.raw}: 10% Owner`,
        );
      doc.uncertain(
        'Reporting owner',
        `${name.raw}: read from the "Reporting Owners" table; its relationship marks lost their columns in the text`,
        o.span,
      );
      doc.filing.reportingOwners.push(o);
    }
  }
}

/**
 * The owner's name as printed ("Last First Middle") against the signature ("/s/ First M. Last"): when the
 * words agree but one initial differs, OCR has likely misread a letter. Keep what is written, say so.
 */
export function crossCheckOwnerName(doc: TextDoc, o: ReportingOwner): void {
  const name = o.name.raw;
  const sig = doc.filing.signatures[0]?.name.raw;
  if (!name || !sig || /attorney|in[- ]fact|\bby\b|\bfor\b/i.test(sig)) return;
  const words = (s: string) =>
    s
      .replace(/\/s\//gi, ' ')
      .toUpperCase()
      .split(/[^A-Z]+/)
      .filter((w) => w.length > 0);
  const a = words(name);
  const b = words(sig);
  const longA = a.filter((w) => w.length > 1);
  const longB = new Set(b.filter((w) => w.length > 1));
  if (!longA.length || !longA.every((w) => longB.has(w))) return;
  const initialsA = a.filter((w) => w.length === 1);
  const initialsB = b.filter((w) => w.length === 1);
  if (initialsA.length === 1 && initialsB.length === 1 && initialsA[0] !== initialsB[0]) {
    doc.doubt(
      o.name,
      'Reporting person name',
      `the middle initial "${initialsA[0]}" differs from the signature's "${initialsB[0]}" (${sig}); OCR may have misread it — kept as written`,
    );
  }
}

/**
 * Joint filings print a name-and-address block per reporting person after Table II: each is read as an owner
 * (their relationship boxes are not printed). Also says where the first block starts: the tables end there.
 */
export function readOwnerBlocksAfterTables(
  doc: TextDoc,
  from: number,
  to: number,
  textEnd: number,
): { owners: ReportingOwner[]; start: number | null } {
  const owners: ReportingOwner[] = [];
  let start: number | null = null;
  // At most 10 reporting owners (EDGAR's limit); a few more blocks are tolerated, each search is bounded.
  for (let at = from, n = 0; n < 12; n++) {
    const m = doc.find(NAME_AND_ADDRESS_OF_PERSON, at, to);
    if (!m) break;
    if (n === 0) start = m[0];
    const next = doc.find(NAME_AND_ADDRESS_OF_PERSON, m[1], Math.min(textEnd, m[1] + 20000));
    const o = readOwner(doc, next ? next[0] : textEnd, m[0]);
    if (o.name.present) owners.push(o);
    at = m[1];
  }
  return { owners, start };
}
