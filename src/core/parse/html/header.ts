/** The boxes above Table I: the form type, the check boxes, the issuer and the dates. */
import { absent } from '../../model';
import { cellsOf, elements, type HtmlElement } from '../form/htmltree';
import { collapse, isCheckMark, makeField } from '../form/normalize';
import { hasClass, type HtmlPage } from './page';

/** The form type from the "FORM 4" box, else from the form's title (marked uncertain). */
export function readDocumentType(page: HtmlPage, formName: HtmlElement | undefined, m: RegExpExecArray | null): void {
  if (formName && m) {
    const cv = page.cell(formName, { within: formName.parent });
    page.filing.documentType = makeField(cv.raw, m[2] ? `${m[1]}/A` : m[1], cv.span);
    return;
  }
  // No FORM box: use the title ("INITIAL STATEMENT ...", "ANNUAL STATEMENT ...", "STATEMENT OF CHANGES ...").
  for (const el of elements(page.root, (e) => hasClass(e, /(^|\s)FormTitle(\s|$)/))) {
    const t = page.label(el).toUpperCase();
    const v = t.includes('INITIAL STATEMENT')
      ? '3'
      : t.includes('ANNUAL STATEMENT')
        ? '5'
        : t.includes('STATEMENT OF CHANGES')
          ? '4'
          : null;
    if (v) {
      const cv = page.cell(el, { within: el.parent });
      page.filing.documentType = makeField(cv.raw, v, cv.span, [], true);
      return;
    }
  }
  page.finding('html-box-missing', 'warning', 'The page names no form type (no "FORM 3/4/5" box or title)', null);
}

/** The check boxes at the top: Section 16, Rule 10b5-1, Form 5's "Form 3 holdings / Form 4 transactions reported". */
export function readCheckBoxes(page: HtmlPage): void {
  const boxes: [
    RegExp,
    (
      | 'notSubjectToSection16'
      | 'aff10b5One'
      | 'form3HoldingsReported'
      | 'form4TransactionsReported'
      | 'noSecuritiesOwned'
    ),
  ][] = [
    [/^Check this box if no longer subject to Section 16/i, 'notSubjectToSection16'],
    [/Rule 10b5-1\(c\)/i, 'aff10b5One'],
    [/^Form 3 Holdings Reported/i, 'form3HoldingsReported'],
    [/^Form 4 Transactions Reported/i, 'form4TransactionsReported'],
    [/^Check this box if no securities|^No securities (are )?beneficially owned/i, 'noSecuritiesOwned'],
  ];
  for (const [re, key] of boxes) {
    const label = elements(
      page.root,
      (e) => e.name === 'td' && re.test(page.label(e)) && !elements(e, (x) => x.name === 'td').length,
    )[0];
    if (!label || !label.parent) continue;
    const cells = cellsOf(label.parent);
    const idx = cells.indexOf(label);
    const markCell = idx > 0 ? cells[idx - 1] : null;
    if (!markCell) continue;
    const inner = elements(markCell, (e) => e.name === 'td')[0] ?? markCell;
    const cv = page.cell(inner);
    page.filing[key] = makeField<boolean>(cv.raw, cv.raw != null && isCheckMark(cv.raw), cv.span ?? cv.place);
  }
}

/** Box 2 (Form 3: box 3): the issuer's name and CIK from its link, and the trading symbol. */
export function readIssuer(page: HtmlPage): void {
  const box = page.boxes(/Issuer Name and Ticker or Trading Symbol/i)[0];
  if (!box) {
    page.finding('html-box-missing', 'warning', 'No "Issuer Name and Ticker or Trading Symbol" box on the page', null);
    return;
  }
  const issuer = page.filing.issuer;
  issuer.span = { start: box.start, end: box.end };
  const a = elements(box, (e) => e.name === 'a')[0];
  const symEl = elements(box, (e) => e.name === 'span' && hasClass(e, /(^|\s)FormData(\s|$)/))[0];
  if (a) {
    issuer.name = page.textField(page.cell(a));
    issuer.cik = page.hrefCik(a);
  } else {
    // No link: the name is the value text before "[".
    const cv = page.cell(box);
    const name = cv.raw ? collapse(cv.raw.split('[')[0]) : '';
    if (name) issuer.name = makeField(name, name, page.findSpan(box, name));
  }
  if (symEl) issuer.tradingSymbol = page.textField(page.cell(symEl));
}

/** The period of report (the date box of the form) and the original's date of an amendment. */
export function readDates(page: HtmlPage): void {
  const period = page.boxes(
    /Date of Earliest Transaction|Date of Event Requiring Statement|Statement for Issuer's Fiscal Year Ended/i,
  )[0];
  if (period) page.filing.periodOfReport = page.dateField(page.cell(period), 'Period of report');
  else
    page.finding(
      'html-box-missing',
      'warning',
      'No date box (earliest transaction / event / fiscal year end) on the page',
      null,
    );
  const amend = page.boxes(/If Amendment, Date of?\s*Original Filed/i)[0];
  if (amend) {
    const cv = page.cell(amend);
    page.filing.dateOfOriginalSubmission = cv.raw == null ? absent() : page.dateField(cv, 'Date of original filing');
  }
}
