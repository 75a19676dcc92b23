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
 *
 * The parts of the form: ./header (the boxes above Table I), ./owners (reporting persons), ./tables and ./rows
 * (Tables I and II, laid out as ../../form/layout says), ./notes (footnotes, remarks, signatures); ./geometry
 * turns positioned text into lines, cells and footnote markers.
 */
import type { Filing } from '../../model';
import { emptyFiling } from '../../model';
import type { LoadedPdf, PdfItem } from '../load';
import { findAll, findFirst, pos, uncertain, type Ctx, type Hit } from './context';
import { readHeader } from './header';
import { readFootnotes, readRemarks, readSignatures } from './notes';
import { readOwnerBoxesAfterTables, readOwnersTable } from './owners';
import { readTable } from './tables';

/** The OMB notice that closes the last page of every Form 3/4/5. */
export const FORM_END = /^\s*Persons who respond to the collection of information/i;

export type ExtractResult = { ok: true; filing: Filing } | { ok: false; reason: string };

/** The form's title ("FORM 4", "FORM 3/A"), which a Form 3/4/5 PDF shows on its first page. */
export function isFormTitle(it: PdfItem): boolean {
  return /^FORM\s+([345])(\/A)?$/i.test(it.str.trim());
}

/** The filing in a loaded PDF, or why the PDF is not a Form 3, 4 or 5 filing. */
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

  const joint = readHeader(ctx, pdf, formNo, p1, nameLabel, tableI);
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
  else readOwnerBoxesAfterTables(ctx, pdf, moreOwners, nextHead);
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
  const accession = /^\d{10}-\d{2}-\d{6}$/.exec((pdf.title ?? '').trim())?.[0] ?? null;
  filing.pdf = { pages: pdf.numPages, producer: pdf.producer, subject: pdf.subject, filedOn, accession };
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
