/** The prose after the tables: footnotes, remarks and signatures. */
import { absent } from '../../model';
import type { DateToken, Line, Piece, TextDoc } from './doc';
import { readOwnersSection } from './owners';
import { EXPLANATION, oneCharOff } from './patterns';
import { docContext } from './doc-words';
import { english } from './english';
import { withoutThinLetter } from './prose-readback';

/**
 * Everything after the tables: the numbered footnotes, the remarks, the signature lines, and the "Reporting
 * Owners" table of converted PDFs; each part ends where the next one's label starts.
 */
export function readFootnotesRemarksSignatures(doc: TextDoc, from: number): void {
  const t = doc.t;
  const sigLabel = doc.find(/Signature\s+of\s+Reporting\s+Person/i, from);
  // OCR writes the first slash of "/s/" at a line's start as a stroke or a digit ("4s/ Valentina Margulis").
  const slash =
    doc.find(/\/s\/|\bs\/\s/i, from) ?? (doc.ocr ? doc.find(/(?<=^|[\n\r])[ \t]{0,8}[|4lIJ1]s\/[ \t]/, from) : null);
  const remarks = doc.find(/(?:^|[\n\r])[ \t]*Remarks\s*:/i, from);
  const reminder = doc.find(/Reminder:|Note:\s+File\s+three\s+copies|Persons\s+who\s+respond/i, from);
  // EDGAR's "Filing HTML Converter" PDFs add a "Reporting Owners" table and a "Signatures" section after the notes.
  const ownersHead = doc.find(/(?:^|[\n\r])[ \t]*Reporting Owners[ \t]*(?=[\r\n])/, from);
  const sigHead = doc.find(/(?:^|[\n\r])[ \t]*Signatures[ \t]*(?=[\r\n])/, from);
  // ... and print Form 3's "no securities beneficially owned" box as a line of its own after the remarks (OCR may
  // put an accent on an e: "No securities aré beneficially owned.").
  const noneOwned = doc.find(
    /(?:^|[\n\r])[ \t]*No\s+s[eéèêë]curities\s+ar[eéèêë]\s+b[eéèêë]n[eéèêë]ficially\s+own[eéèêë]d\.?[ \t]*(?=[\r\n]|$)/i,
    from,
  );
  if (noneOwned) {
    const p = doc.piece(noneOwned[0], noneOwned[1]);
    if (p) doc.filing.noSecuritiesOwned = doc.field<boolean>(p, true);
  }
  // The signature line: the one with "/s/", else the last non-empty line before "Signature of Reporting Person".
  let sigLine: Line | null = null;
  if (slash && (!sigLabel || slash[0] < sigLabel[1] + 400)) sigLine = doc.cellAt(slash[0])?.line ?? null;
  else if (sigLabel) {
    const at = doc.cellAt(sigLabel[0]);
    if (at) for (let i = at.li - 1; i >= 0 && !sigLine; i--) if (doc.lines[i].text.trim()) sigLine = doc.lines[i];
  }
  const endNotes = Math.min(
    remarks ? remarks[0] : t.length,
    sigLine ? sigLine.start : t.length,
    sigLabel ? sigLabel[0] : t.length,
    reminder ? reminder[0] : t.length,
    ownersHead ? ownersHead[0] : t.length,
    sigHead ? sigHead[0] : t.length,
  );
  if (ownersHead)
    readOwnersSection(
      doc,
      ownersHead[1],
      Math.min(
        sigHead && sigHead[0] > ownersHead[1] ? sigHead[0] : t.length,
        sigLine && sigLine.start > ownersHead[1] ? sigLine.start : t.length,
      ),
    );
  readFootnotes(doc, from, endNotes);
  if (remarks && remarks[0] < (sigLine ? sigLine.start : t.length)) {
    const after = (x: [number, number] | null) => (x && x[0] > remarks[1] ? x[0] : t.length);
    const e = Math.min(
      sigLine ? sigLine.start : t.length,
      sigLabel ? sigLabel[0] : t.length,
      after(reminder),
      after(noneOwned),
      after(ownersHead),
      after(sigHead),
    );
    const p = doc.piece(remarks[1], e);
    if (p) doc.filing.remarks = doc.field(p, p.raw);
    if (p && doc.ocr) rejoinStrayEnd(doc, p);
  }
  if (sigLine) readSignatureLine(doc, sigLine);
  // More signatures: every further line that starts with "/s/" before the reminder.
  if (sigLine) {
    const li0 = doc.lines.indexOf(sigLine);
    const stop = reminder ? reminder[0] : t.length;
    let consumed = doc.filing.signatures[0]?.span ? doc.cleanAt(doc.filing.signatures[0].span.end) : sigLine.end;
    for (let i = li0 + 1; i < doc.lines.length && doc.filing.signatures.length < 20; i++) {
      const l = doc.lines[i];
      if (l.start >= stop) break;
      if (l.start < consumed || !(/^\s*\/s\//i.test(l.text) || (doc.ocr && OCR_SLASH_S.test(l.text)))) continue;
      readSignatureLine(doc, l);
      const last = doc.filing.signatures[doc.filing.signatures.length - 1];
      consumed = last?.span ? doc.cleanAt(last.span.end) : l.end;
    }
  }
  datesOfTheColumn(doc);
  if (doc.ocr) oddSignatureDate(doc);
}

/** Lines below the last signature's name looked at for the date column, at most. */
const DATE_COLUMN_LINES = 60;

/**
 * A text that writes the date column after the signatures (a PDF's text in reading order: the names, then each date
 * above its "Date" label, perhaps after the form's reminder). The lines below the last signature's name that hold a
 * date alone (MM/DD/YYYY, as the form writes it) are the column when there is one for each signature, and every date
 * already read for a signature is one of them: each signature then takes the column's date in its order (the reading
 * of a signature alone takes the first date below it, which may be an earlier signature's). Else nothing changes.
 */
function datesOfTheColumn(doc: TextDoc): void {
  const sigs = doc.filing.signatures.filter((x) => x.span);
  if (!sigs.length || sigs.every((x) => x.date.value)) return;
  const last = sigs[sigs.length - 1];
  const at = doc.cellAt(doc.cleanAt((last.name.span ?? last.span)!.start));
  if (!at) return;
  const dates: { d: DateToken; start: number }[] = [];
  for (let i = at.li + 1; i < Math.min(doc.lines.length, at.li + DATE_COLUMN_LINES); i++) {
    const x = doc.lines[i];
    if (!/^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/.test(x.text)) continue;
    const d = doc.dateIn(x.start, x.end);
    const start = d?.value ? doc.span(d.p.start, d.p.end)?.start : undefined;
    if (d && start !== undefined) dates.push({ d, start });
  }
  if (dates.length !== sigs.length) return;
  const column = new Set(dates.map((x) => x.start));
  if (!sigs.every((x) => !x.date.value || column.has(x.date.span?.start ?? -1))) return;
  sigs.forEach((x, k) => {
    if (x.date.value && x.date.span?.start === dates[k].start) return;
    x.date = doc.dateField(dates[k].d, 'Signature date');
    doc.doubt(
      x.date,
      'Signature date',
      'read from the date column that the text writes after the signatures, in their order',
    );
  });
}

/**
 * A signature's date one digit off the date every other signature of the filing gives ("9/7/2022" beside three
 * "3/7/2022"): joint filers may sign on different days, but a date that one misread digit makes of the others' is
 * more likely that. Marked uncertain with the others' date.
 */
function oddSignatureDate(doc: TextDoc): void {
  const dated = doc.filing.signatures.filter((x) => x.date.value);
  if (dated.length < 3) return;
  const counts = new Map<string, number>();
  for (const x of dated) counts.set(x.date.value!, (counts.get(x.date.value!) ?? 0) + 1);
  if (counts.size !== 2) return;
  const [[a, na], [b, nb]] = [...counts];
  const [common, odd] = na > nb ? [a, b] : [b, a];
  if (Math.min(na, nb) !== 1 || !oneCharOff(common, odd)) return;
  const x = dated.find((y) => y.date.value === odd)!;
  if (x.date.uncertain) return;
  doc.doubt(
    x.date,
    'Signature date',
    `${odd} is one digit off ${common}, the date of the filing's other ${dated.length - 1} signatures: OCR may have misread it`,
  );
}

/**
 * Remarks that are the end of a footnote: OCR reads the lines of a page's blocks in its own order, and may put a
 * footnote's last line after the "Remarks:" label ("Remarks: the beneficiaries."). Remarks start as sentences do;
 * text after the label that starts in lower case, where exactly one footnote breaks off mid-sentence (ending on a
 * lower-case letter or a comma), is that footnote's end, and both places say so.
 */
function rejoinStrayEnd(doc: TextDoc, p: Piece): void {
  if (!/^[a-z]/.test(p.raw) || p.raw.length > 400) return;
  const open = doc.filing.footnotes.filter((n) => /[a-z,]$/.test(n.text.value ?? ''));
  if (open.length !== 1) return;
  const n = open[0];
  const num = (n.id.value ?? '').replace(/^F/, '');
  n.text.value = `${n.text.value} ${p.raw}`;
  doc.doubt(
    n.text,
    `Footnote (${num}) text`,
    `it breaks off mid-sentence; its end is taken from the words OCR read after "Remarks:" ("${p.raw.slice(0, 60)}")`,
  );
  doc.filing.remarks = absent();
  doc.uncertain(
    'Remarks',
    `the text after "Remarks:" starts in lower case, as no remark does: read as the end of footnote (${num}), the one footnote that breaks off mid-sentence`,
    doc.span(p.start, p.end),
  );
}

/** The numbered footnotes in [from, to), each with its continuation lines. */
function readFootnotes(doc: TextDoc, from: number, to: number): void {
  const lines = doc.lines.filter((l) => l.end > from && l.start < to);
  // Each footnote: its number and the cleaned range of its text (continuation lines extend it).
  const notes: {
    idPiece: Piece;
    num: number;
    numStart: number;
    bodyStart: number;
    bodyEnd: number;
    /** How OCR wrote the number, when it is not plain digits and a period: its doubt. */
    misread: NoteMisread;
  }[] = [];
  // The last character of the last line that holds any: whether the footnote before has ended.
  let lastMark = '';
  // Whether the last line holding any text ends in a word that takes a number ("reported in Table" / "1. The ..."):
  // the number at the next line's start completes that reference and starts no footnote.
  let lastRefersOn = false;
  let highest = 0;
  for (const l of lines) {
    const s = Math.max(l.start, from);
    const e = Math.min(l.end, to);
    const lineText = doc.t.slice(s, e);
    if (/^\s*--\s*\d+\s+of\s+\d+\s*--\s*$/.test(lineText)) continue; // a page marker of text extraction
    // The number after the last footnote's, or, where OCR's columns put a footnote out of order ("8." read after
    // "10."), the number after the highest: either may start the next footnote in a misread form. Where the footnote
    // before has ended, so may the number one further ("9, The" after 7: footnote 8 moved below by OCR, or lost);
    // the order check below flags it.
    const next = notes.length ? notes[notes.length - 1].num + 1 : 1;
    const after = highest + 1;
    const plain = /^[\s*]*\(?(\d{1,2})\s?[.)]\)?\s+(?=\S)/.exec(lineText);
    // Whether the footnote before ends here: a line after it may start the next one with its number misread.
    const ended = notes.length > 0 && /[.:;]/.test(lastMark);
    const m =
      notes.length && lastRefersOn
        ? null
        : plain
          ? { m: plain, num: Number(plain[1]), misread: null }
          : (ocrNoteStart(lineText, next, ended) ??
            (after > next ? ocrNoteStart(lineText, after, ended) : null) ??
            (ended && after === next ? ocrNoteStart(lineText, next + 1, ended) : null));
    const trimmed = lineText.trimEnd();
    if (trimmed) {
      lastMark = trimmed[trimmed.length - 1];
      lastRefersOn = REFERENCE_WORD_END.test(trimmed);
    }
    if (m) {
      const numStart = s + lineText.indexOf(m.m[1], 0);
      highest = Math.max(highest, m.num);
      notes.push({
        idPiece: { raw: m.m[1], start: numStart, end: numStart + m.m[1].length },
        num: m.num,
        numStart,
        bodyStart: s + m.m[0].length,
        bodyEnd: e,
        misread: m.misread,
      });
      continue;
    }
    const p = doc.piece(s, e);
    if (!p) continue;
    const last = notes[notes.length - 1];
    if (last)
      last.bodyEnd = e; // a continuation line of the previous footnote
    else if (EXPLANATION.exec(p.raw)?.index !== 0) {
      doc.uncertain(
        'Explanation of responses',
        `a line without a footnote number ("${p.raw.slice(0, 60)}") was not read`,
        doc.span(p.start, p.end),
      );
    }
  }
  // The form numbers its footnotes 1, 2, 3...: a number out of that order was misread, or the footnotes around it
  // were lost or merged, so neither its number nor its text can be trusted to be the footnote the rows cite.
  let expected = 1;
  for (const n of notes) {
    const body = doc.piece(n.bodyStart, n.bodyEnd);
    const num = n.num;
    const doubt =
      num !== expected
        ? `numbered ${num} where footnote ${expected} comes next; the number, or the footnotes before it, may have been misread`
        : n.misread === 'comma'
          ? `the number ${num} is followed by a comma, as OCR reads a period; the line may continue the footnote before it`
          : n.misread === 'letter'
            ? `the number ${num} reads "${n.idPiece.raw}", as OCR misreads a ${num === 11 ? '1' : num}; it is taken for footnote ${num} because that one comes next`
            : n.misread === 'speck'
              ? `the number ${num} reads "${n.idPiece.raw}", a digit or a mark too many (OCR); it is taken for footnote ${num} because that one comes next`
              : n.misread === 'bare'
                ? `the number ${num} has no period after it (OCR lost it); it is taken for footnote ${num} because that one comes next and the footnote before ends`
                : null;
    expected = num + 1;
    doc.filing.footnotes.push({
      id: doc.field(n.idPiece, `F${num}`, [], doubt, `Footnote (${num})`),
      text: body ? doc.field(body, body.raw, [], doubt, `Footnote (${num}) text`) : { ...absent(), present: true },
      span: doc.span(n.numStart, body ? body.end : n.idPiece.end),
    });
  }
}

/**
 * A footnote's number as OCR misreads it. Its punctuation: a comma for the period ("9, The shares"), no space
 * after the period ("12.The shares", "12.-The shares"), a speck read as a second period ("3.. The", "(5). The").
 * Or its digit: a 1 read as a letter or a stroke ("t. Each share", "l. The", "|. The"), the shapes Tesseract gives
 * a lone 1 in small print; a speck before it read as a digit ("43: The shares" for 3). Taken only for the number
 * that comes next and before a capital letter or a quote, so that a continuation line ("2, and the...", "1.5
 * million") is not split off. The next number as a letter of its shape in parentheses before a mark ("(A), The
 * shares" for 4); where the footnote before has ended (its last line ends in a period, colon or semicolon), also
 * without them ("A. The shares") or the next number without its period ("7 The shares"); a line that continues a
 * sentence ("... on" then "A. Smith's advice") stays in its footnote.
 */
function ocrNoteStart(
  line: string,
  next: number,
  ended: boolean,
): { m: RegExpExecArray; num: number; misread: NoteMisread } | null {
  const m = /^[\s*]*\(?(\d{1,2})(?:,\s|\.(?=\S)|\)[.,_]\s)[-.\s]*(?=["'‘’“”A-Z])/.exec(line);
  if (m && Number(m[1]) === next) return { m, num: next, misread: m[0].includes(',') ? 'comma' : null };
  // A lone 1 misread: only where footnote 1 or 11 comes next (then the 1 before it is read as a digit or as a
  // letter too: "1l.", "ll.").
  const one = /^[\s*]*(1?[tlIi|\]!]|l[1tlIi|\]!])[.,]\s+(?=["'‘’“”A-Z])/.exec(line);
  if (one && (next === 1 ? one[1].length === 1 : next === 11 && one[1].length === 2))
    return { m: one, num: next, misread: 'letter' };
  // The next number (one digit) behind a speck read as a digit, its period perhaps a colon ("43: The shares" for 3).
  const speck = next < 10 ? /^[\s*]*(\d\d)[.,:]\s+(?=["'‘’“”A-Z][a-z])/.exec(line) : null;
  if (speck && speck[1][1] === String(next)) return { m: speck, num: next, misread: 'speck' };
  // The next number as a letter of its shape ("A. The shares" for 4): in parentheses and before a mark ("(A), The
  // shares"), as no sentence goes on; else only where the footnote before has ended.
  const shape = /^[\s*]*(?:\(([ZAbSGB])\)([.,]?)|([ZAbSGB])[.,])\s+(?=["'‘’“”A-Z][a-z])/.exec(line);
  if (shape && (ended || shape[2])) {
    // One group holds the letter: made the first, the one the caller takes for the number's place.
    shape[1] ??= shape[3];
    if (DIGIT_SHAPES[shape[1]] === next) return { m: shape, num: next, misread: 'letter' };
  }
  if (!ended) return null;
  // Where the footnote before has ended: the next number without its period ("7 The shares").
  const bare = /^[\s*]*(\d{1,2})\s+(?=["'‘’“”]?[A-Z][a-z])/.exec(line);
  if (bare && Number(bare[1]) === next) return { m: bare, num: next, misread: 'bare' };
  return null;
}

/**
 * A line ending in a word that a number follows in footnotes: "Table I", "Form 4", "Column 4", "Rule 16b-3", "note 4".
 * OCR reads the l of "Table" as an i or a stroke ("Tabie").
 */
const REFERENCE_WORD_END = /\b(?:Tab[l1iI|]e|Form|Column|Rule|Note|Footnote|Section|Item|Instruction|Exhibit)$/i;

/** How OCR wrote a footnote's number, when not as digits and a period (see `ocrNoteStart`). */
type NoteMisread = 'comma' | 'letter' | 'speck' | 'bare' | null;

/** The digits whose shape OCR gives a letter at a footnote's start ("A." for 4, "S." for 5). */
const DIGIT_SHAPES: Readonly<Record<string, number>> = Object.freeze({ Z: 2, A: 4, S: 5, b: 6, G: 6, B: 8 });

/**
 * A signature's name with the slips OCR makes in it undone, and what each was: "/s/" written "4s/" or "/si", a mark
 * standing alone after the name ("/s/ Arjun Kampani *", the label's asterisk or a speck), a hyphen between a small
 * word and the next ("Ltd., the-General Partner"; after a space only: a compound keeps its hyphens,
 * "Chief-of-Staff"), and the standard phrase with its "-in-" lost ("as Attorney Fact for"), its "rn" read as an m
 * or "for" glued to it ("Attomey-in-FactforSergey").
 */
function undoSignatureSlips(name: string): { value: string; said: string[] } {
  let value = name;
  const slashShape = OCR_SLASH_S.exec(value.trimStart());
  if (slashShape) value = `/s/${value.trimStart().slice(slashShape[0].length)}`;
  // "/s/-Arjun Kampani": a speck between the "/s/" and the name.
  const afterSlash = /^\/s\/[-_.,:;'‘’]+(?=[A-Z])/.exec(value);
  if (afterSlash) value = `/s/ ${value.slice(afterSlash[0].length)}`;
  // Marks standing alone between two words of the name ("for Sergey "_. Brin"): specks.
  const between = /\s([*•·~^_=:;.”’"'“‘]{1,3})(?=\s+[A-Za-z])/.exec(value);
  if (between) value = value.replace(/\s[*•·~^_=:;.”’"'“‘]{1,3}(?=\s+[A-Za-z])/g, '');
  // A closing quote alone after the name is a speck too, unless the name opened a quote ("the “Fund” ”" stays).
  const mark = /\s([*•·~^_=:;.”’"']{1,3})$/.exec(value);
  const speck = mark && (!/[”’"']/.test(mark[1]) || !/[“‘"']/.test(value.slice(0, mark.index))) ? mark : null;
  if (speck) value = value.slice(0, speck.index);
  const glued = /(?<=\s)(?:the|of|and|for|as|by)-(?=[A-Za-z])/.exec(value);
  if (glued) value = value.replace(/(?<=\s)(the|of|and|for|as|by)-(?=[A-Za-z])/g, '$1 ');
  // The phrase with its "-in-" lost, and the y before it too ("Attorney Fact", "Attorne Fact").
  const lostIn = /\b(Attorne)(y?)[\s-]{1,3}(Fact)\b/i.exec(value);
  const phrase = lostIn ? `${lostIn[1]}${lostIn[2] || (lostIn[1] === 'ATTORNE' ? 'Y' : 'y')}-in-${lostIn[3]}` : '';
  if (lostIn) value = value.replace(lostIn[0], phrase);
  // The phrase with its "rn" read as an m, or "for" glued after it ("Attomey-in-FactforSergey").
  const phraseSlip = /\bAtt[o0](?:m|rn)ey-in-Fact(?:for(?=[A-Z]))?/.exec(value);
  const phraseRead = phraseSlip ? `Attorney-in-Fact${phraseSlip[0].endsWith('for') ? ' for ' : ''}` : '';
  const phraseSaid = phraseSlip && phraseRead !== phraseSlip[0];
  if (phraseSaid) value = value.replace(phraseSlip[0], phraseRead);
  // A word of another column read into the phrase where it wraps ("Attorney-in-" / "YORE 03/11/2022" / "Fact").
  const inPhrase = /\bAttorney-in-\s{0,2}([A-Z]{2,5})\s{1,3}Fact\b/.exec(value);
  if (inPhrase) value = value.replace(inPhrase[0], 'Attorney-in-Fact');
  // The date column's date read into the name where the name wraps ("Attorney-in03/11/2022 Fact"): no name holds
  // a date.
  const dateIn = /(?<=\S)\s?(\d{1,2}\/\d{1,2}\/\d{2,4})\s(?=[A-Za-z])/.exec(value);
  if (dateIn) value = value.replace(dateIn[0], ' ').replace(/\bAttorney-in\s(?=Fact\b)/, 'Attorney-in-');
  const said = [
    slashShape ? `"${slashShape[0]}" read as "/s/" (OCR)` : null,
    afterSlash ? `"${afterSlash[0]}" read as "/s/ " (a speck after the slash)` : null,
    between ? `the "${between[1]}" between the name's words left out: a speck (OCR)` : null,
    lostIn ? `"${lostIn[0]}" read as "${phrase}": OCR lost the phrase's "in"` : null,
    phraseSaid ? `"${phraseSlip![0]}" read as "${phraseRead.trim()}": the standard phrase, misread (OCR)` : null,
    inPhrase ? `"${inPhrase[1]}" inside "Attorney-in-Fact" left out: another column's text read into it (OCR)` : null,
    dateIn
      ? `the date "${dateIn[1]}" inside the name left out: the date column's, read into the name where it wraps`
      : null,
    glued ? `"${glued[0]}" read as "${glued[0].slice(0, -1)} ": no word joins so (OCR read a speck as a hyphen)` : null,
    speck ? `the "${speck[1]}" after the name left out: a speck or the label's asterisk (OCR)` : null,
  ].filter((x): x is string => x !== null);
  return { value, said };
}

/**
 * A signature's name word with a thin letter OCR added, from a speck ("Kampaini" where the boxes and the other
 * signatures write "Kampani"): no English word, written only here, and the word without one of its inner i's or
 * l's is written at least twice. Read as that word; a name differing so from another name does not repeat it.
 */
function thinLetterOff(doc: TextDoc, value: string): { value: string; said: string } | null {
  if (value.length > 300) return null;
  const ctx = docContext(doc);
  const words = value.split(' ');
  for (let k = 0; k < words.length; k++) {
    const m = /^([A-Z][a-z]{3,19})([,.]?)$/.exec(words[k]);
    if (!m) continue;
    const lower = m[1].toLowerCase();
    if (english(lower) || ctx.count(lower) > 1) continue;
    const w = withoutThinLetter(lower, (x) => ctx.count(x) >= 2);
    if (!w) continue;
    const read = m[1][0] + w.slice(1);
    words[k] = `${read}${m[2]}`;
    return {
      value: words.join(' '),
      said: `"${m[1]}" read as "${read}", which the text writes ${ctx.count(w)} times: OCR read a speck as a thin letter`,
    };
  }
  return null;
}

/** "/s/" as OCR writes it: its first slash as a stroke or a digit ("4s/"), its last as a letter ("/si"). */
const OCR_SLASH_S = /^(?:[|4lIJ1]s\/|\/s[il1|])(?=[ \t])/;

/** The signature's label below the signature line, as OCR writes it too ("Signaiute of Reporting", "** Signature"). */
const SIGNATURE_LABEL = /of\s+Reporting|Reporting\s+Person|^\s*\*\*/i;

/**
 * The text of the (at most two) lines after line `li` (the signature's date, or a name without a date) and before the
 * signature's label, when they continue the name: words, no date, no second "/s/", and the label right after them.
 */
function nameTail(doc: TextDoc, li: number): { text: string; end: number } | null {
  const parts: Piece[] = [];
  let labelled = false;
  for (let i = li + 1; i < Math.min(doc.lines.length, li + 5); i++) {
    const x = doc.lines[i];
    if (!x.text.trim()) continue;
    if (SIGNATURE_LABEL.test(x.text)) {
      labelled = true;
      break;
    }
    if (
      parts.length >= 2 ||
      /\/s\/|Reminder|Remarks|^\s*Date\s*$/i.test(x.text) ||
      !/[A-Za-z]{2}/.test(x.text) ||
      doc.dateIn(x.start, x.end)
    )
      return null;
    const p = doc.piece(x.start, x.end);
    if (p) parts.push(p);
  }
  if (!labelled || !parts.length) return null;
  return { text: parts.map((p) => p.raw).join(' '), end: parts[parts.length - 1].end };
}

/** A signature line: the name, and the last date on it (or on the lines below when the name wraps). */
function readSignatureLine(doc: TextDoc, l: Line): void {
  // The date is the last date on the line; the name is what comes before it.
  let last: DateToken | null = null;
  let pos = l.start;
  for (;;) {
    const d = doc.dateIn(pos, l.end);
    if (!d) break;
    last = d;
    pos = d.p.end;
  }
  let nameEnd = last ? last.p.start : l.end;
  let spanEnd = l.end;
  // The name continues on the date's line, before the date.
  let dateLineText = false;
  if (!last) {
    // Text extracted from a PDF wraps a long name: "/s/ Valentina Margulis, as" / "attorney-in-fact for Sergey" /
    // "Brin" / "10/05/2015". Join the lines up to the date, unless a label ("DATE") comes first.
    const li0 = doc.lines.indexOf(l);
    for (let i = li0 + 1; i < Math.min(doc.lines.length, li0 + 5); i++) {
      const x = doc.lines[i];
      // OCR leaves blank lines inside a wrapped name.
      if (!x.text.trim()) continue;
      if (/Signature|^\s*Date\s*$|Reminder|Remarks/i.test(x.text)) break;
      const d = doc.dateIn(x.start, x.end);
      if (d) {
        last = d;
        nameEnd = d.p.start;
        spanEnd = x.end;
        dateLineText = doc.piece(x.start, d.p.start) !== null;
        break;
      }
    }
    if (!last) nameEnd = l.end;
  }
  const name = doc.piece(l.start, nameEnd);
  if (!last) {
    // Old text filings: "DATE" on the next line, the date below it.
    const li = doc.lines.indexOf(l);
    for (let i = li + 1; i < Math.min(doc.lines.length, li + 4) && !last; i++)
      last = doc.dateIn(doc.lines[i].start, doc.lines[i].end);
  }
  if (!name && !last) return;
  // A name wrapped around the date: "/s/ Valentina Margulis, as" / "Attorney-in-Fact for Sergey 04/15/2022" /
  // "Brin" / "** Signature of Reporting Person Date". The lines between the date and the signature's label
  // belong to the name.
  let tail = '';
  // Without a date, the lines up to the signature's label continue the name ("/s/ Jane Roe," / "Attorney-in-Fact").
  const tailFrom = name && last ? doc.cellAt(last.p.start)?.li : name ? doc.lines.indexOf(l) : undefined;
  const after = tailFrom !== undefined ? nameTail(doc, tailFrom) : null;
  if (after) {
    tail = ` ${after.text}`;
    spanEnd = Math.max(spanEnd, after.end);
  }
  // Text before the date on its line and after it below: which of them continues the name first, the text does
  // not say (OCR also puts the signature's scribble there).
  const doubt =
    dateLineText && after
      ? 'the name wraps around the date over several lines; their order, or a scribble read as words, may be wrong'
      : null;
  // A name wrapped at a hyphen ("Attorney-in-" / "Fact") reads as one word in the value; raw keeps the break.
  const joined = name ? `${name.raw}${tail}` : null;
  const wrapped =
    joined !== null ? (spanEnd > l.end ? joined.replace(/([A-Za-z])- (?=[A-Za-z])/g, '$1-') : joined) : null;
  const slips: { value: string | null; said: string[] } =
    doc.ocr && wrapped ? undoSignatureSlips(wrapped) : { value: wrapped, said: [] };
  if (doc.ocr && slips.value) {
    const thin = thinLetterOff(doc, slips.value);
    if (thin) {
      slips.value = thin.value;
      slips.said.push(thin.said);
    }
  }
  const said = doubt ? [...slips.said, doubt] : slips.said;
  const nameDoubt = said.length ? said.join('; ') : null;
  doc.filing.signatures.push({
    name: name ? doc.field(name, slips.value, [], nameDoubt, 'Signature name') : absent<string>(),
    date: last ? doc.dateField(last, 'Signature date') : absent<string>(),
    span: doc.span(l.start, spanEnd) ?? null,
  });
}
