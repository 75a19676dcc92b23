/**
 * The OCR header's reading applied to the owner: the relationship title beside the date box, the relationship boxes
 * when OCR lost their marks, the street lines joined and split again where the form wraps them, the city line. What
 * the general reader read stays where OCR found nothing.
 */
import type { ReportingOwner } from '../../model';
import type { Piece, TextDoc } from './doc';
import { flagSuspectDigits, withoutEndSpecks } from './owners';
import { CARE_OF_MISREAD, key } from './patterns';
import { SUFFIX, withoutBorder, type OcrHeader } from './ocr-header';

/** "C/O" as a word, as OCR may write it, and a line starting with it. */
const CARE_OF_WORD = new RegExp(`^${CARE_OF_MISREAD}$`, 'i');
const CARE_OF_LINE = new RegExp(`^${CARE_OF_MISREAD}\\s`, 'i');

/**
 * Where a "C/O" line ends in the joined street text: after the company's suffix ("INC.,", "CORPORATION,", also
 * "ORPORATION," and "IMITED," as OCR loses a first letter at the box's edge), else before the house number. EDGAR
 * wraps the address at the box's edge, not between its fields.
 */
function careOfSplit(words: readonly string[]): number {
  if (!CARE_OF_WORD.test(words[0] ?? '')) return -1;
  // A suffix that lost its first letter at the box's edge ("ORPORATION,") ends the line as well.
  const lostFirst = (w: string) =>
    w.length >= 5 && /^[A-Z]+,?$/.test(w) && 'CIL'.split('').some((c) => SUFFIX.test(c + w));
  for (let i = 1; i < words.length - 1; i++) {
    if (SUFFIX.test(words[i]) || lostFirst(words[i])) return i + 1;
    if (i > 1 && /^\d/.test(words[i])) return i;
  }
  return -1;
}

/** A street line without the rule marks OCR leaves at its end ("SUITE 200 ."). */
function streetText(doc: TextDoc, p: Piece): string {
  return withoutEndSpecks(withoutBorder(p.raw, doc));
}

/**
 * A relationship title as OCR leaves it: the box's border before it ("IEVP - ...", "| CFO"), an opening parenthesis
 * never closed ("(Chief Financial Officer"), a lone mark after it ("See Remarks /").
 */
export function cleanTitle(s: string, doc: TextDoc): string {
  // An officer's abbreviation after the border ("IEVP"): no title starts with an I before one.
  const t = s.trim().replace(/^I(?=(?:E?VP|SVP|C[EFOT]O)\b)/, '');
  let w = withoutBorder(t, doc).split(' ');
  if (w[0]?.startsWith('(') && !s.includes(')')) w[0] = w[0].slice(1);
  w = w.filter((x) => x.length > 0);
  while (w.length > 1 && !/[A-Za-z0-9]/.test(w[w.length - 1])) w.pop();
  while (w.length > 1 && !/[A-Za-z0-9]/.test(w[0])) w.shift();
  return w.join(' ');
}

/**
 * Words of an officer's title, as Rule 16a-1(f) names officers (a president, a principal financial or accounting
 * officer, a controller, a vice-president in charge of a business unit) and as titles write them.
 */
const OFFICER_TITLE =
  /\b(?:Officer|President|Vice|E?VP|SVP|Secretary|Treasurer|Counsel|Controller|Chief|CEO|CFO|COO|CTO)\b/;

/** Apply the OCR header's values to the owner (keeping what the general reader read where OCR found nothing). */
export function applyOcrOwner(doc: TextDoc, o: ReportingOwner, h: OcrHeader): void {
  for (const k of ['officerTitle', 'otherText'] as const) {
    const f = o[k];
    const v = f.value ? cleanTitle(f.value, doc) : null;
    if (v && v !== f.value) {
      o[k] = { ...f, value: v };
      doc.doubt(o[k], k === 'officerTitle' ? 'Officer title' : 'Other (specify)', `"${f.value}" read as "${v}" (OCR)`);
    }
  }
  if (h.ownerName) o.name = doc.field(h.ownerName, h.ownerName.raw, [], h.ownerDoubt, 'Reporting person name');
  // The form asks for at least one box checked. None read so is a box whose X OCR lost: an officer's title where the
  // form puts it says which; otherwise each box says it may be wrong.
  const boxes = [o.isDirector, o.isOfficer, o.isTenPercentOwner, o.isOther];
  if (boxes.every((b) => b.value !== true)) {
    const title = h.titleParts.map((p) => p.raw).join(' ');
    if (h.titleParts.length && OFFICER_TITLE.test(title)) {
      o.isOfficer = { ...o.isOfficer, value: true };
      doc.doubt(
        o.isOfficer,
        'Relationship',
        `no box was read as checked, and an officer's title ("${title}") is written where the form puts it: Officer read as checked (OCR may have lost its X)`,
      );
    } else {
      // One finding for the four boxes, at the first one the text places.
      for (const b of boxes) b.uncertain = true;
      doc.uncertain(
        'Relationship',
        'no box was read as checked, and the form asks for one: OCR may have lost its X',
        boxes.find((b) => b.span)?.span ?? null,
      );
    }
  }
  if (o.isOfficer.value && !o.officerTitle.value && h.titleParts.length) {
    const first = h.titleParts[0];
    const last = h.titleParts[h.titleParts.length - 1];
    o.officerTitle = doc.field(
      { raw: '', start: first.start, end: last.end },
      h.titleParts.map((p) => p.raw).join(' '),
      [],
      "read beside the date box, where OCR puts the relationship box's title",
      'Officer title',
    );
    // The title is found after all: the general reader's "no title" is no longer so.
    doc.withdraw('Officer title', 'Officer is checked but no title was found');
  }
  // The relationship box's title printed beside the address is not a street line.
  const titles = new Set([o.officerTitle.raw, o.otherText.raw].filter((x): x is string => !!x).map(key));
  // Also its first words, where the box's part of the line ends at "Officer" ("Chief Financial Officer").
  let streets = h.streets.filter((p) => {
    const k = key(p.raw);
    return !titles.has(k) && !(k.length >= 6 && [...titles].some((x) => x.startsWith(k)));
  });
  // Each line's text without the box's marks, worked out once (a border's "I" asks the dictionary and the text).
  let texts = streets.map((p) => streetText(doc, p));
  // A "care of" line is the address's first: lines above it are other boxes' text (a title OCR garbled: "Se k:").
  const careOfAt = texts.findIndex((t) => CARE_OF_LINE.test(t));
  if (careOfAt > 0) [streets, texts] = [streets.slice(careOfAt), texts.slice(careOfAt)];
  if (streets.length) {
    const words = texts.join(' ').split(' ');
    const at = careOfSplit(words);
    const first = streets[0];
    const last = streets[streets.length - 1];
    // The form has two street lines: more lines, or a line ending in a comma, is one field wrapped at the box's edge.
    const wrapped = streets.length > 2 || /,$/.test(texts[0]);
    const firstWords = texts[0].split(' ').length;
    const doubt =
      h.streetDoubt ??
      (streets.length > 1 && ((at >= 0 && at !== firstWords) || wrapped)
        ? 'the street lines are joined and split again where the form wraps them'
        : null);
    if (at > 0) {
      // Each value keeps the span of a line it comes from: the lines are not adjacent text (other boxes sit between).
      o.street1 = doc.field(first, words.slice(0, at).join(' ').replace(/,$/, ''), [], doubt, 'Street');
      o.street2 = doc.field(last, words.slice(at).join(' '), [], doubt, 'Street (line 2)');
    } else {
      o.street1 = doc.field(first, texts[0], [], doubt, 'Street');
      const rest = streets.slice(1);
      if (rest.length)
        o.street2 = doc.field(
          { raw: '', start: rest[0].start, end: rest[rest.length - 1].end },
          texts.slice(1).join(' '),
          [],
          doubt,
          'Street (line 2)',
        );
    }
  }
  const c = h.cityLine;
  if (c) {
    if (c.city) {
      const value = [c.cityBefore, c.city, c.cityMore].flatMap((x) => (x ? [x.raw] : [])).join(' ');
      o.city = doc.field(
        c.city,
        value,
        [],
        c.cityMore
          ? `the city continues on the next line: read as "${value}"`
          : c.cityBefore
            ? `the city starts on the line above: read as "${value}"`
            : null,
        'City',
      );
    }
    if (c.state) {
      const st = c.state.raw.toUpperCase();
      o.state = doc.field(
        c.state,
        st,
        [],
        st === c.state.raw ? null : `"${c.state.raw}" read as "${st}" (OCR)`,
        'State',
      );
    }
    if (c.zip) o.zipCode = doc.field(c.zip, c.zip.raw);
  }
  flagSuspectDigits(doc, o);
}
