/**
 * Plain text of a printed Form 3, 4 or 5 (text extracted from a PDF, OCR output, a pre-2003 text filing) into the
 * filing model. Such text is noisy: columns of the printed form merge into one line separated by tabs, labels
 * are cut ("tionship of Reporting Perso"), words break at column edges, values arrive wrapped in LaTeX-like
 * escapes (`\$2.29`) or tags (`<u>...</u>`), and OCR confuses O/0 and l/1.
 *
 * How it reads:
 * - a cleaned view of the text (escapes and simple tags dropped, see ../form/clean) with a map back to the text
 *   as given, so every span points at the source text (VS Code shows findings at the right place);
 * - lines split into tab-separated cells: the unit of the merged columns;
 * - header boxes found by their printed labels (tolerating cut labels), values taken from the rest of the cell;
 * - table rows by the form's column layout when the tabs keep the columns, else by the kind of each value
 *   (date, code, amount, A/D, D/I) in column order;
 * - footnote markers "(1)" after a value become refs on that value.
 *
 * Shapes it reads: OCR of a printed form (the seed), text extracted from EDGAR's PDFs (labels and rows broken over
 * lines, joint filers' blocks after Table II, the "Reporting Owners" table and "Signatures" of converted PDFs),
 * and forms filed as text before 2003 ("|" tables with cells wrapped onto a second line, two-digit years, no
 * deemed-date column, boxes printed below their labels).
 *
 * Every value read with doubt is marked `uncertain: true` and gets an info finding `extraction-uncertain`
 * saying what and why, with its span: never a silent guess. Never throws; linear in the text's length (regular
 * expressions run on single cells or lines and have no nested quantifiers).
 *
 * The parts of the form: ./header (the boxes above Table I), ./owners (reporting persons), ./tables, ./rows,
 * ./cells and ./sequence (Tables I and II, laid out as ../../form/layout says), ./notes (footnotes, remarks,
 * signatures); ./doc holds the text being read and ./patterns what dates and labels look like in it.
 */
import type { ParseOutcome, ReportingOwner } from '../../model';
import { documentTypeFromTitle } from '../form/normalize';
import { TextDoc } from './doc';
import {
  checkJointFiling,
  readCheckBoxes,
  readDocumentType,
  readHeaderDatesByTheTables,
  readIssuer,
  readPeriod,
} from './header';
import { readFootnotesRemarksSignatures } from './notes';
import { crossCheckOwnerName, readOwner, readOwnerBlocksAfterTables, readRelationship } from './owners';
import { readTable } from './tables';
import { readOcrBoxes } from './ocr-boxes';
import { resolveGarbledMarkers } from './markers';
import { readTitlesByTheTable } from './titles';
import { readDatesByTheTable } from './column-dates';
import { checkByArithmetic, readAmountsByTheirRow, readPricesByTheirRanges } from './arithmetic';
import { checkProse } from './prose';
import { dropLabelsReadAsValues } from './labels';
import { EXPLANATION, key, NAME_AND_ADDRESS } from './patterns';

/** Plain or OCR text of a printed form into the model; `{ok:false}` when it is not a Form 3/4/5. */
export function parseFormText(text: string, file: string): ParseOutcome {
  try {
    return readText(new TextDoc(text, file));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `could not read this text as a Form 3/4/5 (${msg})`, findings: [] };
  }
}

/** An owner's address fields. */
const ADDRESS = ['street1', 'street2', 'city', 'state', 'zipCode'] as const;

/**
 * A filing names each reporting owner once; the same name twice comes from reading one person in two places (the
 * name box, and the "Reporting Owners" table of EDGAR's converted PDFs, read before OCR's name box was split from
 * the issuer's name). The first reading, the name box's, is kept, with the other's address when it has none.
 */
function dropRepeatedOwners(doc: TextDoc): void {
  const seen = new Map<string, ReportingOwner>();
  doc.filing.reportingOwners = doc.filing.reportingOwners.filter((o) => {
    // Without accents and marks: "Bessémer ... L..P." is "Bessemer ... L.P.".
    const k = key(o.name.value ?? '');
    if (!k) return true;
    // The "Reporting Owners" table's border read as a letter before a name ("IKampani Arjun").
    const kept = seen.get(k) ?? (/^[IL]/.test(k) ? seen.get(k.slice(1)) : undefined);
    if (!kept) {
      seen.set(k, o);
      return true;
    }
    // One person read twice (the header's box and the owners table): the address that one reading lost (OCR garbled
    // "(Street)") is the other's.
    if (ADDRESS.every((f) => !kept[f].value)) for (const f of ADDRESS) kept[f] = o[f];
    return false;
  });
}

/** A table's place in the text: from its heading to the next heading or the end of the tables. */
interface TableRegion {
  table: 'nonDerivative' | 'derivative';
  /** The heading's range, or null when it was not found. */
  heading: [number, number] | null;
  end: number;
}

/**
 * Never a table lost in silence. The form prints both tables, empty or not: a heading not found in the text (an OCR
 * engine garbled it) means that table's rows, if any, were not read; a heading found with no row read after it,
 * although lines there hold a date and an amount, means they could not be read as rows. Either is said where the
 * table should be.
 */
function sayLostTables(doc: TextDoc, tables: TableRegion[], headerEnd: number, tablesEnd: number): void {
  const dated = (from: number, to: number) =>
    /\b\d{1,2}\s?[/-]\s?\d{1,2}\s?[/-]\s?\d{2,4}\b[^\n]{0,200}\d[\d,]{2,}/.test(
      doc.t.slice(from, Math.min(to, from + 20000)),
    );
  const [table1, table2] = tables.map((x) => x.heading);
  for (const x of tables) {
    const name = x.table === 'derivative' ? 'Table II' : 'Table I';
    if (!x.heading) {
      doc.uncertain(
        name,
        `no "${name} - ${x.table === 'derivative' ? 'Derivative' : 'Non-Derivative'} Securities" heading was found in the text; its rows, if it has any, were not read`,
        // Where the table should be: between the header boxes and Table II, or after Table I's rows.
        x.table === 'derivative'
          ? doc.span(
              Math.min(tablesEnd, doc.filing.nonDerivative.at(-1)?.span?.end ?? table1?.[1] ?? headerEnd),
              tablesEnd,
            )
          : doc.span(headerEnd, table2 ? table2[0] : tablesEnd),
      );
      continue;
    }
    if (!doc.filing[x.table].length && dated(x.heading[1], x.end))
      doc.uncertain(
        name,
        'lines below the heading hold a date and an amount, but no row could be read from them',
        doc.span(x.heading[0], x.heading[1]),
      );
  }
}

/** The form's parts in reading order; `{ok:false}` when the text is not a filled-in Form 3/4/5. */
function readText(doc: TextDoc): ParseOutcome {
  const t = doc.t;
  // OCR writes the Roman numerals with the letters and strokes it confuses them with ("Table | -", "Table Il -",
  // "I!", and II's second stroke as a t: "Table It -", a speck after it: "Table Il'-"), the l of "Table" as i or 1
  // ("Tabie"), the space after it as a period or lost ("Table.I", "TableI"), the dash as a semicolon ("Table II ;
  // Derivative"), and the n of "Non" as ii, m, ri or h ("Noh-Derivative").
  const table1 = doc.find(
    /Tab[li1I|]e[\s.]{0,3}[Il1|!]\s{0,3}[-\u2010-\u2015~;:]{1,3}\s{0,3}N[o0](?:n|ii|il|li|m|ri|h)[-\u2010-\u2015\s]{0,3}Derivative/i,
  );
  const table2 = doc.find(/Tab[li1I|]e\s{1,3}[Il1|!][Il1|!t]['‘’]?\s{0,3}[-\u2010-\u2015~;:]{1,3}\s{0,3}Derivative/i);
  const explanation = doc.find(EXPLANATION);
  const ownerLabel = doc.find(NAME_AND_ADDRESS);
  const title = documentTypeFromTitle(t.length > 20000 ? t.slice(0, 20000) : t);
  if (!table1 && !title && !ownerLabel) {
    return {
      ok: false,
      reason: 'not the text of a Form 3, 4 or 5: no form title, no "Name and Address" box and no Table I',
      findings: [],
    };
  }
  const headerEnd = table1 ? table1[0] : table2 ? table2[0] : explanation ? explanation[0] : t.length;
  readDocumentType(doc, headerEnd, title);
  const form = (doc.filing.documentType.value ?? '4').charAt(0);
  readCheckBoxes(doc, headerEnd);
  readIssuer(doc, headerEnd);
  readPeriod(doc, headerEnd, form);
  const owner = readOwner(doc, headerEnd);
  readRelationship(doc, owner, headerEnd);
  if (owner.name.present || owner.street1.present) doc.filing.reportingOwners.push(owner);
  else doc.uncertain('Reporting person', 'no "Name and Address of Reporting Person" box was found in the text', null);
  let tablesEnd = explanation
    ? explanation[0]
    : (doc.find(/Signature\s+of\s+Reporting\s+Person|Reminder:/i, headerEnd)?.[0] ?? t.length);
  const afterTables = table2 ? table2[1] : table1 ? table1[1] : headerEnd;
  const joint = readOwnerBlocksAfterTables(doc, afterTables, tablesEnd, explanation ? explanation[0] : t.length);
  if (joint.start !== null) tablesEnd = joint.start;
  const tables: TableRegion[] = [
    {
      table: 'nonDerivative',
      heading: table1,
      end: table1 && table2 && table2[0] > table1[1] ? table2[0] : tablesEnd,
    },
    { table: 'derivative', heading: table2, end: table2 && tablesEnd > table2[1] ? tablesEnd : t.length },
  ];
  for (const x of tables) if (x.heading) readTable(doc, x.table, x.heading[1], x.end, form);
  sayLostTables(doc, tables, headerEnd, tablesEnd);
  const seen = new Set(doc.filing.reportingOwners.map((o) => (o.name.value ?? '').toUpperCase()));
  for (const o of joint.owners) {
    const name = (o.name.value ?? '').toUpperCase();
    if (seen.has(name)) continue;
    seen.add(name);
    doc.filing.reportingOwners.push(o);
  }
  readFootnotesRemarksSignatures(doc, explanation ? explanation[1] : tablesEnd);
  checkProse(doc);
  if (doc.ocr) readOcrBoxes(doc, owner, headerEnd);
  readTitlesByTheTable(doc);
  readDatesByTheTable(doc);
  resolveGarbledMarkers(doc);
  if (doc.ocr) readPricesByTheirRanges(doc);
  if (doc.ocr) readAmountsByTheirRow(doc);
  checkByArithmetic(doc);
  dropLabelsReadAsValues(doc);
  dropRepeatedOwners(doc);
  checkJointFiling(doc, headerEnd);
  crossCheckOwnerName(doc, owner);
  readHeaderDatesByTheTables(doc, headerEnd, form);
  if (
    doc.filing.dateOfOriginalSubmission.value &&
    doc.filing.documentType.value &&
    !doc.filing.documentType.value.endsWith('/A')
  )
    doc.filing.documentType.value += '/A';
  doc.filing.documentSpan = { start: 0, end: doc.src.length };
  const f = doc.filing;
  if (
    !f.issuer.name.value &&
    !f.periodOfReport.value &&
    !f.nonDerivative.length &&
    !f.derivative.length &&
    !f.signatures.some((x) => x.date.value)
  )
    return {
      ok: false,
      reason:
        'the text of a blank Form 3/4/5 (its labels and instructions, but no issuer, date, row or signature filled in)',
      findings: [],
    };
  for (const f of doc.findings) doc.filing.findings.push(f); // (a spread of 200,000 findings overflows the stack)
  return { ok: true, filing: doc.filing };
}
