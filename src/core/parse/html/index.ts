/**
 * EDGAR's rendered HTML of a Form 3, 4 or 5 (the xslF345 stylesheet's page, as saved from sec.gov) into the
 * filing model. The page is read by its printed labels ("1. Name and Address of Reporting Person", "Table I -
 * ..."), not by fixed positions, so the layouts of Forms 3, 4 and 5 and of the stylesheet's versions are read
 * alike. Table columns are mapped from the header cells (with their colspan/rowspan), footnote markers
 * (`<sup>(1)</sup>`) become refs on the value they follow, and every value's span points at its text in the HTML.
 *
 * What the page does not show stays absent: schemaVersion, transactionFormType, equitySwapInvolved (the
 * stylesheet has no column for it; the form's "V" column is the early-report timeliness flag), and the
 * relationship boxes of the second and later reporting owners (only their names and addresses are printed).
 *
 * Never throws; linear in the page's length.
 *
 * The parts of the form: ./header (the boxes above Table I), ./owners (reporting persons), ./tables (Tables I and
 * II), ./notes (footnotes, remarks, signatures); ./page holds what they share.
 */
import type { ParseOutcome } from '../../model';
import { elements } from '../form/htmltree';
import { readCheckBoxes, readDates, readDocumentType, readIssuer } from './header';
import { readFootnotesAndRemarks, readSignatures } from './notes';
import { readOwners } from './owners';
import { hasClass, HtmlPage } from './page';
import { formTables, readTable } from './tables';

/** EDGAR's rendered HTML page of an ownership form into the model; `{ok:false}` for any other HTML. */
export function parseEdgarHtml(text: string, file: string): ParseOutcome {
  try {
    return readPage(new HtmlPage(text, file));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `could not read this HTML page as an EDGAR Form 3/4/5 (${msg})`, findings: [] };
  }
}

/** The form's parts in page order; `{ok:false}` when the page is not a Form 3/4/5. */
function readPage(page: HtmlPage): ParseOutcome {
  const formName = elements(
    page.root,
    (e) => (e.name === 'td' || e.name === 'div' || e.name === 'span') && hasClass(e, /(^|\s)FormName(\s|$)/),
  )[0];
  const tables = formTables(page);
  const ownerBoxes = page.boxes(/^1\.\s*Name and Address of Reporting Person/i);
  const formNameText = formName ? page.label(formName) : '';
  const formMatch = /^FORM\s*([345])(\s*\/\s*A)?$/i.exec(formNameText);
  if (!formMatch && (tables.length === 0 || ownerBoxes.length === 0)) {
    return {
      ok: false,
      reason: 'not an EDGAR Form 3/4/5 page: no "FORM 3/4/5" title and no "Table I" with a reporting person box',
      findings: [],
    };
  }
  readDocumentType(page, formName, formMatch);
  readCheckBoxes(page);
  readIssuer(page);
  readDates(page);
  readOwners(page, ownerBoxes);
  const docType = page.filing.documentType.value ?? '';
  for (const t of tables) readTable(page, t.el, t.table, docType.startsWith('3'));
  readFootnotesAndRemarks(page);
  readSignatures(page);
  const body = elements(page.root, (e) => e.name === 'body')[0];
  page.filing.documentSpan = body ? { start: body.start, end: body.end } : { start: 0, end: page.text.length };
  // An amendment's page shows the original's date in box 4 (Form 3: box 5); the XML says "4/A".
  if (
    page.filing.dateOfOriginalSubmission.value &&
    page.filing.documentType.value &&
    !page.filing.documentType.value.endsWith('/A')
  )
    page.filing.documentType.value += '/A';
  for (const f of page.findings) page.filing.findings.push(f); // (a spread of 200,000 findings overflows the stack)
  return { ok: true, filing: page.filing };
}
