/**
 * Tables I and II: which lines are header text and which hold a row, a row's lines gathered when text extraction
 * broke it over several, and the layouts a row is read against (today's form, and forms before 2003).
 */
import { formBoxes, type BoxKey } from '../../form/layout';
import type { Line, Piece, TextDoc } from './doc';
import { DATE_RE, DATE2_RE, HEADER_WORDS, NONE_VALUES, withinEdits } from './patterns';
import { MAX_TEXT_ROWS, readRow } from './rows';
import { laidOutLine } from './laid-out';

/** How a security title usually begins: where a next row's title starts among lines of words. */
const TITLE_START =
  /^(Class\b|Common\b|Series\b|Stock\b|Option|Restricted|Preferred|Warrant|Ordinary|American\s+Depositary|Performance|Phantom|Units?\b|RSU|Employee|Convertible|Limited\s+Partnership\s+Units|LP\s+Units|Deferred|Subordinate|Right)/i;

/**
 * How the underlying's or the security's title of a next Table II row begins, on a line OCR wrapped above its values
 * ("Class B Common", ": : Class B Class A"): stricter than TITLE_START, whose "Stock" also ends a title.
 */
const NEXT_TITLE_START =
  /^(Class\s[A-Z]\b|Series\b|Common\b|Preferred|Options?\b|Warrants?\b|Restricted|Ordinary|Rights?\b|Performance|Phantom|Units?\b|RSUs?\b|Employee|Convertible|Deferred)/i;

/**
 * The words a line starts with before its first value, lower-cased ("stock option (right to buy)"), or null when
 * fewer than two: how a row names its security.
 */
function leadTitle(text: string): string | null {
  const words: string[] = [];
  // A speck before the title ("‘Common Stock") is not part of it.
  for (const w of text
    .trim()
    .replace(/^[^A-Za-z(]{1,3}(?=[A-Za-z(])/, '')
    .split(/\s+/)) {
    if (words.length === 4 || !/^[A-Za-z(][A-Za-z()'.,-]*$/.test(w)) break;
    words.push(w.toLowerCase());
  }
  return words.length >= 2 ? words.join(' ') : null;
}

/**
 * A line of words whose only digits are footnote markers ("Class A Common Stock (1)", "Stock(2)(3)
 * Partnership(4)"): a title or nature wrapped onto its own line, as text laid out by columns writes a row whose
 * cells wrap; words, not values.
 */
function titleWithMarkers(text: string): boolean {
  return /[A-Za-z]{2}/.test(text) && !/\d/.test(text.replace(/\(\d{1,2}\)/g, ''));
}

/**
 * A Table II title followed by two markers standing apart: the row's date boxes, each holding a footnote in place
 * of a date ("Series E Preferred Stock (1) (1)", the rest of the row on the lines below): a values line.
 */
function titleWithDateMarkers(text: string): boolean {
  return /^[A-Za-z]/.test(text.trim()) && (text.match(/\s\(\d{1,2}\)/g) ?? []).length >= 2 && titleWithMarkers(text);
}

/**
 * A line of words whose only number is a year with no D, I or other value after it ("Class B Class A 2021" of a
 * trust's name, "SMB Pacific 2021 Charitable"): wrapped titles and a nature laid out side by side, not values.
 */
function yearAmongWords(text: string): boolean {
  const w = text.trim().split(/\s+/);
  const at = w.findIndex((x) => /\d/.test(x));
  if (at < 0 || !/^(?:19|20)\d\d$/.test(w[at]) || w.length < 3) return false;
  return w.every((x, i) => i === at || (/^[A-Za-z][A-Za-z.&'-]*$/.test(x) && (i < at || x.length >= 2)));
}

/** Words of the printed column headers of Tables I and II (a line of only these is header text). */
const HEADER_VOCAB = new Set(
  (
    'title of security securities derivative conversion or exercise price transaction date deemed execution if any month day year ' +
    'code v amount a d acquired disposed beneficially owned following reported transactions transaction s instr and ownership form ' +
    'direct indirect i nature number underlying expiration exercisable shares at end issuers issuer fiscal the in by to for'
  ).split(' '),
);

/** Whether a line is only words of the column headers. */
function isHeaderVocab(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => HEADER_VOCAB.has(w));
}

/** A header's own numbers ("3.", "2A.", "(Instr. 3 and 4)", "4)") removed: what is left tells whether a line holds values. */
function withoutHeaderNumbers(text: string): string {
  return (
    text
      .replace(/(?<=[A-Za-z.,)]) ?\(\d{1,2}\)/g, ' ') // a marker after a word ("Partnership(4)", "LLLP (2)") is not a value
      .replace(/\b\d{1,2}[A-Z]?\.(?=\s|$)/g, ' ')
      // "(Instr. 3 and 4)", also as OCR writes it ("(Inst. 49", "(Instz.-8)", "(lnstr. 4)").
      .replace(/\b[Il1]nst(?:r|rs|z)?\b[.,:;-]*\s*[\d,\sand]*/gi, ' ')
      // A marker that lost its opening parenthesis ("4)", "20)").
      .replace(/(?:^|\s)\d{1,2}\)/g, ' ')
  );
}

/** A line (of a bounded length) without a date or a number of two digits or more: no row, for every row holds one. */
function valueless(l: Line): boolean {
  return l.text.length <= 300 && !DATE_RE.test(l.text) && !/\d{2}/.test(withoutHeaderNumbers(l.text));
}

/** The header vocabulary's longer words, which OCR misreads into near-words ("Fransacton", "Secunties"). */
const LONG_VOCAB = [...HEADER_VOCAB].filter((w) => w.length >= 5);

/**
 * Whether an OCR line above a table's first row is its column headings garbled ("code |v [amount [1° [rice
 * Fransacton", "Execution Date, | Transaction [Or (o) tins 9 a.nd Secunties*"): no date and no number of two digits
 * or more, as every row has one, and at least half its words of three letters or more the headings' words, or within
 * the letters OCR garbles of one (one in a word of up to five letters, two in a longer one; "rice" of "price").
 */
function garbledHeaderLine(l: Line): boolean {
  if (!valueless(l)) return false;
  const words = l.text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3);
  if (words.length < 2) return false;
  const heading = (w: string) =>
    HEADER_VOCAB.has(w) || LONG_VOCAB.some((v) => withinEdits(w, v, w.length <= 5 ? 1 : 2) || w === v.slice(1));
  return words.filter(heading).length * 2 >= words.length;
}

/** The headings' last line, as OCR writes it too ("Code | V | Amount | (A) or (D) | Price", "Code |v [Asicunt}"). */
const COLUMN_LINE = /^C[oa0]de\s{0,2}[|[\]]?\s{0,2}[Vv]\b/;

/**
 * Whether the line at `li` of `lines`, holding no value, lies above the headings' last line with no line of data
 * between (OCR garbles the lines of the headings past their words: "(ayor (0 nse" for "(A) or (D) (Instr. 3, 4 and
 * 5)"): heading text, not a row.
 */
function aboveColumnLine(lines: readonly Line[], li: number, data: (l: Line) => boolean): boolean {
  if (!valueless(lines[li])) return false;
  for (let j = li + 1; j < Math.min(lines.length, li + 4); j++) {
    if (COLUMN_LINE.test(lines[j].text.trim())) return true;
    if (data(lines[j])) return false;
  }
  return false;
}

/**
 * A line of at most `most` capitalized words, apart by runs of spaces when more than one ("Shares"; "Shares" under
 * "Class B Ordinary" beside "Shares" under the underlying's "Class A Ordinary"): a title's last words wrapped onto
 * their own line, though the column headers use them too.
 */
function capitalizedWords(l: Line, most: number): boolean {
  const words = l.text.trim().split(/ {3,}/);
  return !HEADER_WORDS.test(l.text) && words.length <= most && words.every((w) => /^[A-Z][a-z]+$/.test(w));
}

/** The centers of Table II's "(A)" and "(D)" headers on a line laid out by columns ("Code   V   (A)   (D)"). */
function adColumns(lines: readonly Line[]): { a: number; d: number } | null {
  for (const l of lines.slice(0, 40)) {
    const m = /\(A\)( +)\(D\)/.exec(l.text);
    if (m && laidOutLine(l.text)) return { a: m.index + 1.5, d: m.index + 3 + m[1].length + 1.5 };
  }
  return null;
}

/** Whether a line is header text of a table (labels, instructions, rules), not a row. */
function isHeaderLine(l: Line): boolean {
  const cells = l.cells.map((c) => c.text.trim()).filter((x) => x.length > 0);
  if (!cells.length) return true;
  if (HEADER_WORDS.test(l.text)) return true;
  // "By" alone starts a nature of ownership wrapped over lines ("By" / "Trust"); no column header wraps so.
  if (/^\s*By\s*$/.test(l.text)) return false;
  if (l.text.length < 200 && !DATE_RE.test(l.text) && !/\d/.test(withoutHeaderNumbers(l.text)) && isHeaderVocab(l.text))
    return true;
  // A line of a "|" table without a single digit: header text split over lines.
  if (l.cells.length >= 4 && !/\d/.test(l.text)) return true;
  return cells.every((x) => x.split(/\s+/).every((w) => COLUMN_WORD.test(w)));
}

/**
 * A word of the tables' last heading line ("Code | V | (A) | (D) | Exercisable | Date | Title | Amount or Number of
 * Shares"), as OCR also writes it: "Cade" for Code, "(0)" or "(O)" for (D). A line of these words alone holds no value.
 */
const COLUMN_WORD =
  /^(?:C[oa0]de|V|Amount|or|Number|of|\([AD0O]\)|Price|Title|Shares|Date|Expiration|Exercisable|''?|[-'",.|]+)$/i;

/** The rows of a table between its title and `to`. */
export function readTable(
  doc: TextDoc,
  table: 'nonDerivative' | 'derivative',
  from: number,
  to: number,
  form: string,
): void {
  const modern = formBoxes(form === '3' || form === '5' ? form : '4', table);
  // Forms before 2002 have no deemed execution date column, and their Table II has "Amount | A/D" where
  // today's form has "(A) | (D)". A header that names its columns without "Deemed" puts those first.
  const noDeemed = modern.filter((k) => k !== 'deemedExecutionDate');
  const oldII = noDeemed.flatMap((k): BoxKey[] =>
    k === 'sharesAcquired'
      ? ['transactionShares', 'transactionAcquiredDisposedCode']
      : k === 'sharesDisposed'
        ? []
        : [k],
  );
  const region = doc.t.slice(from, Math.min(to, from + 20000));
  const old = /Title\s+of/i.test(region) && !/Deemed/i.test(region);
  const candidates = form === '3' ? [modern] : old ? [noDeemed, oldII, modern] : [modern, noDeemed, oldII];
  const layouts = candidates.filter((x, i) => candidates.findIndex((y) => y.join() === x.join()) === i);
  // At most enough lines for MAX_TEXT_ROWS rows, each wrapped over several lines: the rest is not read anyway.
  const lines = doc.lines.filter((l) => l.start >= from && l.end <= to).slice(0, MAX_TEXT_ROWS * 8);
  const rowsBefore = (table === 'derivative' ? doc.filing.derivative : doc.filing.nonDerivative).length;
  doc.adColumns = table === 'derivative' ? adColumns(lines) : null;
  /** The first line read as markers and title words, not as a row: said if the table yields no row. */
  let markerLine: Piece | null = null;
  // Skip the rest of the title line ("(e.g., puts, calls, ...)") and the header lines.
  let pendingTitle: Piece[] = [];
  // Table markup, rules, and the page markers text extraction leaves ("-- 1 of 2 --").
  const skipLine = (text: string) =>
    /^</.test(text) || /^[-_=|.\s]*$/.test(text) || /^--\s*\d+\s+of\s+\d+\s*--$/.test(text);
  const isData = (x: Line) =>
    (table === 'derivative' && titleWithDateMarkers(x.text)) ||
    (!titleWithMarkers(x.text) &&
      !yearAmongWords(x.text) &&
      (DATE_RE.test(x.text) || /\d/.test(withoutHeaderNumbers(x.text))));
  const startsWithValue = (x: Line) => /^[\s]*(?:\$|\(\d|[0-9OolI]{1,3}(?:[,./]|\d))/.test(x.text);
  const hasDate = (x: Line) => DATE_RE.test(x.text) || DATE2_RE.test(x.text);
  /** A line that is one bare number ("2021" of a trust's name broken over lines, OCR may put a speck before it):
   * words, not values. */
  const lone = (x: Line) => /^(?:[.,:;'‘’|-]\s?)?\d{1,4}$/.test(x.text.trim());
  /** An OCR line of footnote markers and specks only ("i i (6)"): the markers of the row below, not a row (nor is a
   * lone number under a title's words, "2021" of a trust's name). */
  const markersOnly = (x: Line) => {
    if (!doc.ocr) return false;
    const w = x.text.trim().split(/\s+/);
    // Title words with the markers printed above the values ("Class B Ordinary 2 2 1 1 Class A 1 3"): no date, no
    // amount, only numbers of one or two digits, and more than one (a row OCR garbled may keep one).
    if (
      w.length <= 20 &&
      w.filter((t) => /^\d{1,2}$/.test(t)).length >= 2 &&
      w.some((t) => /^[A-Za-z]{2}/.test(t)) &&
      w.every((t) => !/\d/.test(t) || /^\d{1,2}$/.test(t))
    )
      return true;
    return (
      w.length <= 12 &&
      w.some((t) => /^\(?\d{1,2}\)$/.test(t)) &&
      w.every((t) => /^\(?\d{1,2}\)$/.test(t) || /^[^A-Za-z0-9]{1,3}$/.test(t) || /^[a-z]{1,2}$/.test(t))
    );
  };
  const filled = (l: Line) => l.cells.filter((c) => c.text.trim().length > 0 && !NONE_VALUES.has(c.text.trim())).length;
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li];
    if (l.start < from) continue;
    const text = l.text.trim();
    if (!text) continue;
    if (skipLine(text)) {
      pendingTitle = []; // words above a rule or table markup are header text, not a wrapped title
      continue;
    }
    if (
      /^\(?e\.g\.,/i.test(text) ||
      /Acquired,\s+Disposed\s+of,\s+or\s+Beneficially\s+Owned|Securities\s+Beneficially\s+Owned\s*$/i.test(text)
    )
      continue;
    // In a PDF's reading order, the end of a column's label ("4)" of "(Instr. 4)") is no footnote marker.
    if (doc.readingOrder && table === 'nonDerivative' && readingOrderLabel(text) && !pendingTitle.length) continue;
    if (markersOnly(l) || (doc.ocr && lone(l) && pendingTitle.length)) {
      const p = doc.piece(l.start, l.end);
      if (p) pendingTitle.push(p);
      markerLine ??= p;
      continue;
    }
    const noRowYet = (table === 'derivative' ? doc.filing.derivative : doc.filing.nonDerivative).length === rowsBefore;
    // A title's last word alone on its line ("Class B Ordinary" / "Shares") is a word the column headers use too:
    // after a title's first line it continues the title.
    const titleGoesOn = pendingTitle.length > 0 && capitalizedWords(l, 1);
    if (
      ((isHeaderLine(l) || (doc.readingOrder && table === 'nonDerivative' && readingOrderLabel(text))) &&
        !titleGoesOn) ||
      (doc.ocr && noRowYet && (garbledHeaderLine(l) || aboveColumnLine(lines, li, (x) => isData(x) && !valueless(x))))
    ) {
      pendingTitle = [];
      continue;
    }
    const hasData = isData(l);
    if (!hasData) {
      // A line of words only: part of a wrapped security title (joined to the next row, or the previous).
      const p = doc.piece(l.start, l.end);
      if (p) pendingTitle.push(p);
      continue;
    }
    // A row of a "|" table wrapped onto the next line: same cells, few of them filled.
    let cont: Line | null = null;
    const next = lines[li + 1];
    if (l.piped && next && next.cells.length === l.cells.length && !skipLine(next.text.trim())) {
      const n = filled(next);
      if (n > 0 && n * 5 <= filled(l) * 2) {
        cont = next;
        li++;
      }
    }
    // OCR's Table II: an unfinished line without any date right above a line with dates is the top of that row,
    // wrapped with the markers and a misread value ("Restricted Stock 4) ' 24995 (4) (4) Common ." / "Units
    // 9/6/2022 M 724772 ... $0.00 0 D"): its words are the titles above the row's values.
    const below = lines.slice(li + 1).find((x) => x.text.trim());
    if (
      doc.ocr &&
      table === 'derivative' &&
      !l.piped &&
      !hasDate(l) &&
      !rowComplete([l]) && // strictly: a marker or a speck after the last number is no D or I here
      below &&
      isData(below) &&
      hasDate(below) &&
      !skipLine(below.text.trim())
    ) {
      const p = doc.piece(l.start, l.end);
      if (p) pendingTitle.push(p);
      continue;
    }
    if (!l.piped) {
      // Text extracted from a PDF breaks a row over lines: the title's words above the values ("Class B" /
      // "Common" / "Stock" / "$0 10/02/2015 C ..."), values cut at the line end ("... 04/29/2035 Common" /
      // "Stock 757,576 $0 757,756 D"), the nature's last word below ("I Limited" / "Partnership(4)"). A row is
      // complete when its ownership form (D or I) follows its last amount; until then it takes the next lines.
      // OCR text wraps Table II's titles above the values even when the line starts with words ("Class B Class A" /
      // "Common $0.00 ..."): the lines of words above are the row's.
      // Text laid out by columns wraps a nature above the values too ("By" / "Abalone" / "... I Cove" / "LLLP").
      // Text laid out by columns writes a row's wrapped lines right under it and a blank line before the next row's.
      const laidOut = laidOutLine(l.text);
      const before = startsWithValue(l) || (doc.ocr && (table === 'derivative' || laidOut)) ? pendingTitle : [];
      const after: Line[] = [];
      const title = leadTitle(l.text);
      let j = li + 1;
      const completeNow = () =>
        doc.readingOrder ? readingOrderComplete([l, ...after], table) : rowComplete([l, ...after], doc.ocr);
      let complete = completeNow();
      while (j < lines.length && after.length < 8) {
        const x = lines[j];
        const tx = x.text.trim();
        if (!tx) {
          if (complete && laidOut) break;
          j++;
          continue;
        }
        // In a PDF's reading order a row still gathering its values takes a code or a form of ownership alone on its
        // line, though the column labels write such letters too ("V").
        const value = doc.readingOrder && !complete && READING_ORDER_VALUE.test(tx);
        const header =
          !value &&
          isHeaderLine(x) &&
          !markersOnly(x) &&
          !(laidOut && complete && capitalizedWords(x, 3)) &&
          // A row still gathering its values takes a title's last word or its ownership form alone ("D").
          !(!complete && (capitalizedWords(x, 1) || /^\s*[DI]\s*$/.test(x.text)));
        // In a PDF's reading order each column's label stands right above its values: a row still gathering its
        // values passes over the labels ("V", "Amount", "(A) or", "Price", "5. Amount of Securities ...") to the
        // values below them. The first column's label ("Title of Security") is the table's header again (a new
        // page), which ends the row.
        if (doc.readingOrder && !complete && !value && !skipLine(tx) && !/Title\s+of/i.test(tx)) {
          if (isHeaderLine(x) || readingOrderLabel(tx)) {
            j++;
            continue;
          }
          // Words after an ownership form: the row has its values (an (A) or (D) letter is followed by a price, not
          // by words), and the words are its nature or the next row's title, told apart below as for any row.
          if (!isData(x) && rowComplete([l, ...after])) complete = true;
          else {
            // Words over a line with a date are the next row's title: this row's other values are elsewhere.
            let k = j + 1;
            while (k < lines.length && k <= j + 4 && !lines[k].text.trim()) k++;
            const y = k < lines.length && k <= j + 4 ? lines[k] : null;
            if (!isData(x) && y && hasDate(y)) break;
          }
        }
        if (skipLine(tx) || header) break;
        if (!complete) {
          if (isData(x) && hasDate(x) && !startsWithValue(x)) break; // a new row with its own date
          // OCR garbles dates and reads the I of a row's end as "1" ("... $3.74 1 Trust"), so a row can look
          // unfinished: a line that starts with the row's own security title and holds values is the next row.
          if (doc.ocr && isData(x) && title !== null && leadTitle(x.text) === title) break;
          after.push(x);
          li = j++;
          complete = completeNow();
          continue;
        }
        if (!isData(x) || lone(x)) {
          // Words after a complete row: the end of this row's nature of ownership, or the title of a next row
          // whose values follow without one. The title starts at the first line that reads like one.
          let k2 = j;
          // Laid out by columns, the lines after a blank one are the next row's.
          let blankAt: number | null = null;
          const wordsAhead: Line[] = [];
          const wordsAt: number[] = [];
          while (
            k2 < lines.length &&
            (!lines[k2].text.trim() ||
              markersOnly(lines[k2]) ||
              ((!isData(lines[k2]) || lone(lines[k2])) &&
                !skipLine(lines[k2].text.trim()) &&
                (!isHeaderLine(lines[k2]) || (laidOut && capitalizedWords(lines[k2], 3)))))
          ) {
            if (lines[k2].text.trim()) {
              wordsAhead.push(lines[k2]);
              wordsAt.push(k2);
            } else if (laidOut) blankAt ??= wordsAhead.length;
            k2++;
          }
          const y = lines[k2];
          const valuesNext = !!y && isData(y) && startsWithValue(y) && !skipLine(y.text.trim());
          // OCR's Table II wraps the next row's titles above its values, whatever the values line starts with.
          const nextRow = !!y && isData(y) && !skipLine(y.text.trim()) && doc.ocr && table === 'derivative';
          const titleAt = valuesNext
            ? wordsAhead.findIndex((w) => TITLE_START.test(w.text.trim()))
            : nextRow
              ? wordsAhead.findIndex((w) => NEXT_TITLE_START.test(w.text.trim().replace(/^[^A-Za-z0-9(]+/, '')))
              : -1;
          // Laid out by columns, a nature is written around its row's values line: a line below it that starts
          // a nature ("By" / "Trust (4)" under "LLLP (2)") is the next row's first.
          const natureAt = laidOut ? wordsAhead.findIndex((w, n) => n > 0 && /^(?:By|See)\b/.test(w.text.trim())) : -1;
          const take = Math.min(
            valuesNext ? (titleAt < 0 ? 0 : titleAt) : titleAt >= 0 ? titleAt : wordsAhead.length,
            blankAt ?? wordsAhead.length,
            natureAt > 0 ? natureAt : wordsAhead.length,
          );
          if (take === 0 || wordsAhead.slice(0, take).some((w) => w.text.trim().replace(/\s+/g, ' ').length > 60))
            break;
          after.push(...wordsAhead.slice(0, take));
          li = wordsAt[take - 1];
          break;
        }
        break;
      }
      if (before.length || after.length) {
        readRow(doc, table, l, layouts, form, before.length ? [] : pendingTitle, null, before, after);
        pendingTitle = [];
        continue;
      }
    }
    readRow(doc, table, l, layouts, form, pendingTitle, cont);
    pendingTitle = [];
  }
  const rowsRead = (table === 'derivative' ? doc.filing.derivative : doc.filing.nonDerivative).length - rowsBefore;
  if (markerLine && !rowsRead && !pendingTitle.includes(markerLine))
    doc.uncertain(
      table === 'derivative' ? 'Table II' : 'Table I',
      `a line of words and small numbers ("${markerLine.raw.slice(0, 60)}") was read as footnote markers above a row, but no row was read`,
      doc.span(markerLine.start, markerLine.end),
    );
  if (pendingTitle.length) {
    const rows = table === 'derivative' ? doc.filing.derivative : doc.filing.nonDerivative;
    const last = rows[rows.length - 1];
    for (const p of pendingTitle) {
      if (last) {
        doc.uncertain(
          `${table === 'derivative' ? 'Table II' : 'Table I'} row ${last.index + 1}`,
          `a line of text after the row ("${p.raw.slice(0, 60)}") is not read as part of it`,
          doc.span(p.start, p.end),
        );
      } else
        doc.uncertain(
          table === 'derivative' ? 'Table II' : 'Table I',
          `a line without values ("${p.raw.slice(0, 60)}") was skipped`,
          doc.span(p.start, p.end),
        );
    }
  }
}

/** A value alone on its line in a PDF's reading order: a transaction code (V is the column's label), A or D, D or I. */
const READING_ORDER_VALUE = /^[ACDEFGHIJKLMOPSUWXZ]$/;

/** A word of the tables' column labels ("5. Amount of Securities Beneficially Owned", "(Instr. 4)"). */
const LABEL_WORD =
  /^(?:\(?Instr\.?|\d{1,2}\.|\(?\d\)|Beneficial(?:ly)?|Ownership|Owned|Form:?|Direct|Indirect|\(I\)|\(D\)|\(A\)|Nature|of|or|and|Securities|Security|Acquired|Disposed|Following|Reported|Transaction\(s\)|Underlying|Derivative|Expiration|Exercisable|Date,?|Title|Amount|Number|Shares|Price|Code|Conversion|Exercise|Execution|Deemed|if|any|Trans\.)$/i;

/** A line of the tables' column labels in a PDF's reading order ("Beneficial", "6.", "(I) (Instr.", "4)"). */
function readingOrderLabel(text: string): boolean {
  return text.split(/\s+/).every((w) => LABEL_WORD.test(w) || COLUMN_WORD.test(w));
}

/**
 * Whether a row read in a PDF's reading order has its values: an ownership form (D or I) after its last amount, and
 * (Table I) two amounts at least, the shares and the amount owned after them, so that the (A) or (D) letter after
 * the shares is not taken for the ownership form.
 */
function readingOrderComplete(lines: Line[], table: 'nonDerivative' | 'derivative'): boolean {
  if (!rowComplete(lines)) return false;
  const amounts = lines
    .flatMap((x) => x.text.split(/\s+/))
    .filter((w) => /^\$?[0-9][0-9,.]*$/.test(w) && !/^\d{1,2}\/\d/.test(w));
  return table === 'derivative' || amounts.length >= 2;
}

/**
 * Whether the tokens of a row's lines end with an ownership form (D or I) after the last amount. OCR text writes
 * the letter with a border or a garbled marker ("D_", "p®"): there a short token after the last amount will do.
 */
function rowComplete(lines: Line[], ocr = false): boolean {
  const toks = lines.flatMap((x) => x.text.split(/\s+/)).filter((w) => w.length > 0 && !/^[|_[\]]+$/.test(w));
  let lastNum = -1;
  toks.forEach((w, i) => {
    if (/^\$?[0-9][0-9,.]*(?:\(\d{1,2}\))*\)?$/.test(w)) lastNum = i;
  });
  // OCR reads the I of the ownership form as "1": a "1" right after an amount ends the row ("$0 0 1").
  if (ocr && lastNum >= 1 && lastNum === toks.length - 1 && toks[lastNum] === '1' && /\d$/.test(toks[lastNum - 1]))
    return true;
  for (let i = lastNum + 1; i < toks.length; i++) {
    if (/^\(?[DI]\)?(?:\(\d{1,2}\))*$/.test(toks[i])) return true;
    // A footnote marker standing after the price ("$635.5491 (3)") is the price's, no garbled D or I; nor is the
    // A of the amount's column ("724772 (1) A (2)", the amount owned on the next line).
    if (/^\(\d{1,2}\)$/.test(toks[i]) || /^\(?A\)?$/.test(toks[i])) continue;
    // The letter of a class or series ("Class A" of a title wrapped below the values) is no garbled D or I.
    if (ocr && lastNum >= 0 && toks[i].length <= 3 && !(i > lastNum + 1 && /^(?:Class|Series)$/i.test(toks[i - 1])))
      return true;
  }
  return false;
}
