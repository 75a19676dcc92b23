/** Dates and deadlines: docs/RULES.md, "Dates and deadlines" (sources TS 20, H 21, F4 22, F5 22, TS 23, TS 24, F4 25). */
import type { Field, Filing, Row } from '../model';
import {
  addDays,
  dayNumber,
  businessDaysBetween,
  federalHoliday,
  FORM4_TWO_BUSINESS_DAYS_FROM,
  form4DueDate,
  onOrNextBusinessDay,
  weekday,
} from '../dates';
import {
  allRows,
  dateValue,
  earliestSignature,
  form4Execution,
  filingDate,
  docType,
  formNumber,
  isAmendment,
  isExactSource,
  locOf,
  rel,
  rowLabel,
  val,
} from '../fields';
import { type Draft, type RuleDef, draft } from './types';

function transactions(filing: Filing): Row[] {
  return allRows(filing).filter((r) => r.kind === 'transaction');
}

/**
 * Form 4 became a two-business-day report on 2002-08-29 (Sarbanes-Oxley section 403). Before, it was a monthly
 * statement ("Statement for Month/Year"), due by the tenth day after the end of the month.
 */

export const periodOfReport: RuleDef = {
  id: 'period-of-report',
  severity: 'error',
  title: 'Period of report is the earliest transaction',
  description:
    'On a Form 4, periodOfReport (box 3) is the date of the earliest transaction required to be reported (from 2002-08-29; before, box 4 was the month of the statement).',
  source: 'TS 20',
  check({ filing }) {
    if (formNumber(filing) !== '4') return [];
    const period = dateValue(filing.periodOfReport);
    if (period === null) return [];
    let earliest: { date: string; row: Row } | null = null;
    let earliestRequired: { date: string; row: Row } | null = null;
    for (const row of transactions(filing)) {
      const d = dateValue(row.transactionDate);
      if (d === null) continue;
      if (!earliest || d < earliest.date) earliest = { date: d, row };
      if (val(row.transactionFormType) !== '5' && (!earliestRequired || d < earliestRequired.date))
        earliestRequired = { date: d, row };
    }
    if (!earliest) return [];
    if (earliest.date < FORM4_TWO_BUSINESS_DAYS_FROM) return []; // a monthly statement: the period is the month
    if (period === earliest.date || period === earliestRequired?.date) return [];
    const target = earliestRequired ?? earliest;
    const d = draft(
      `periodOfReport is ${period}, but the earliest transaction is dated ${target.date} (${rowLabel(target.row)})`,
      locOf(filing.periodOfReport),
      [rel(`${rowLabel(target.row)} transaction date ${target.date}`, locOf(target.row.transactionDate, target.row))],
    );
    // An amendment dated as its own period: box 3 of a 4/A repeats the original's earliest transaction.
    const signedOn = filing.signatures.find((x) => dateValue(x.date) === period);
    if (isAmendment(filing) && period > target.date && signedOn)
      return [
        {
          ...d,
          message: `${d.message}; this amendment gives its own signature date as its period, but box 3 of an amendment keeps the original's earliest transaction`,
          related: [...(d.related ?? []), rel(`Signed ${period}`, locOf(signedOn.date, signedOn))],
        },
      ];
    // A report split over several forms (a table holds at most 30 rows) gives each form the period of the whole.
    if (period < target.date && splitReport(filing))
      return [
        {
          ...d,
          message: `${d.message}; the remarks say this form is one of several for the same report, whose earliest transaction may be on ${period}`,
          related: [...(d.related ?? []), rel('Remarks', locOf(filing.remarks))],
          cap: 'warning',
        },
      ];
    return [d];
  },
};

const ORDINAL = String.raw`(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))`;
const COUNT = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})`;
/** "the second of two Forms 4", "fifth of five Form 4s", "split into three filings". */
const SPLIT_REPORT = new RegExp(
  String.raw`\b${ORDINAL} of ${COUNT} (?:forms?|filings|reports)\b|\bsplit into ${COUNT} (?:forms?|filings|reports)\b`,
  'i',
);

/** The remarks say the form is one of several filed for one report. */
function splitReport(filing: Filing): boolean {
  const r = val(filing.remarks);
  return r !== null && SPLIT_REPORT.test(r.slice(0, 2000));
}

export const dateOrder: RuleDef = {
  id: 'date-order',
  severity: 'warning',
  title: 'Dates in order',
  description: 'Transaction date <= signature date <= filing date, and the period of report not after the filing date.',
  source: 'H 21',
  check({ filing }) {
    const out: Draft[] = [];
    const filed = filingDate(filing);
    const sigs = filing.signatures
      .map((s) => ({ s, d: dateValue(s.date) }))
      .filter((x): x is { s: (typeof filing.signatures)[number]; d: string } => x.d !== null);
    const latestSig = sigs.reduce<(typeof sigs)[number] | null>((a, b) => (!a || b.d > a.d ? b : a), null);
    const filedRel = filed ? [rel(`Filed ${filed.date}`, locOf(filed.field))] : [];
    for (const row of transactions(filing)) {
      const d = dateValue(row.transactionDate);
      if (d === null) continue;
      if (filed && d > filed.date)
        out.push(
          draft(
            `${rowLabel(row)}: transaction date ${d} is after the filing date ${filed.date}`,
            locOf(row.transactionDate, row),
            filedRel,
          ),
        );
      else if (latestSig && d > latestSig.d)
        out.push(
          draft(
            `${rowLabel(row)}: transaction date ${d} is after the signature date ${latestSig.d}`,
            locOf(row.transactionDate, row),
            [rel(`Signed ${latestSig.d}`, locOf(latestSig.s.date, latestSig.s))],
          ),
        );
    }
    const period = dateValue(filing.periodOfReport);
    if (period && filed && period > filed.date)
      out.push(
        draft(
          `periodOfReport ${period} is after the filing date ${filed.date}`,
          locOf(filing.periodOfReport),
          filedRel,
        ),
      );

    if (filed)
      for (const { s, d } of sigs)
        if (d > filed.date)
          out.push(draft(`Signature date ${d} is after the filing date ${filed.date}`, locOf(s.date, s), filedRel));
    return out;
  },
};

export const dateImplausible: RuleDef = {
  id: 'date-implausible',
  severity: 'warning',
  title: 'Implausible year',
  description:
    'Dates of the report, transactions and signatures fall between 1970 and next year; exercise and expiration dates between 1950 and 2199.',
  source: 'H 21',
  check({ filing, now }) {
    const out: Draft[] = [];
    const maxYear = now.getUTCFullYear() + 1;
    const test = (
      label: string,
      f: Field<unknown>,
      lo: number,
      hi: number,
      row?: Row | { span: import('../model').Span | null },
    ) => {
      const d = dateValue(f);
      if (d === null) return;
      const y = Number(d.slice(0, 4));
      if (y < lo || y > hi)
        out.push(draft(`${label} ${d}: the year ${y} is implausible (expected ${lo} to ${hi})`, locOf(f, row)));
    };
    test('periodOfReport', filing.periodOfReport, 1970, maxYear);
    test('dateOfOriginalSubmission', filing.dateOfOriginalSubmission, 1970, maxYear);
    filing.signatures.forEach((s, i) => test(`Signature ${i + 1} date`, s.date, 1970, maxYear, s));
    for (const row of allRows(filing)) {
      test(`${rowLabel(row)} transaction date`, row.transactionDate, 1970, maxYear, row);
      test(`${rowLabel(row)} deemed execution date`, row.deemedExecutionDate, 1970, maxYear, row);
      if (row.table === 'derivative') {
        test(`${rowLabel(row)} date exercisable`, row.exerciseDate, 1950, 2199, row);
        test(`${rowLabel(row)} expiration date`, row.expirationDate, 1950, 2199, row);
      }
    }
    return out;
  },
};

const DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function describe(date: string): string {
  const h = federalHoliday(date);
  return `${date} (${DAY[weekday(date)]}${h ? `, ${h}` : ''})`;
}

export const lateFiling: RuleDef = {
  id: 'late-filing',
  severity: 'warning',
  title: 'Form 4 filed late',
  description:
    'A Form 4 is due by the end of the second business day after the transaction (or its deemed execution date); weekends and US federal holidays are not business days (before 2002-08-29: by the tenth day after the month). Uses the filing date (submission header or EDGAR PDF metadata); without one, a Form 4 whose every signature is dated after the due date was filed late, since it is signed no later than filed.',
  source: 'F4 22',
  check({ filing, now }) {
    if (docType(filing) !== '4') return [];
    const filed = filingDate(filing);
    const signed = filed ? null : earliestSignature(filing, now.toISOString().slice(0, 10));
    if (!filed && !signed) return [];
    const byDate = new Map<string, { row: Row; field: Field<unknown>; deemed: boolean }>();
    for (const row of transactions(filing)) {
      const exec = form4Execution(row);
      if (exec && !byDate.has(exec.date))
        byDate.set(exec.date, {
          row,
          field: exec.deemed ? row.deemedExecutionDate : row.transactionDate,
          deemed: exec.deemed,
        });
    }
    const out: Draft[] = [];
    for (const [exec, { row, field, deemed }] of [...byDate.entries()].sort()) {
      const monthly = exec < FORM4_TWO_BUSINESS_DAYS_FROM;
      // monthly rule: the tenth day after the end of the month, rolled to a business day
      const due = form4DueDate(exec);
      const when = filed ? filed.date : signed!.date;
      if (when <= due) continue;
      const late = businessDaysBetween(due, when);
      const days = `${late} business day${late === 1 ? '' : 's'} late`;
      const head = `${rowLabel(row)}: ${deemed ? 'deemed executed' : 'transaction'} ${describe(exec)}, so the Form 4 was due by ${describe(due)}${monthly ? ' (the tenth day after the month, as Form 4 was due before 2002-08-29)' : ''}`;
      out.push(
        filed
          ? draft(
              `${head}, but it was filed ${describe(filed.date)}: ${days}`,
              locOf(field, row),
              filed.field ? [rel(`Filed as of ${filed.date}`, locOf(filed.field))] : [],
            )
          : draft(
              `${head}, but it was signed ${describe(signed!.date)}: a filing is signed no later than it is filed (Regulation S-T Rule 302(b)), so it was filed at least ${days} (its filing date is not in this document)`,
              locOf(field, row),
              [rel(`Signed ${signed!.date}`, locOf(signed!.field, signed!.signature))],
            ),
      );
    }
    return out;
  },
};

/** The date a fiscal year ending on MMDD ends in `year` (February 29 is the last day of February). */
function fiscalEndIn(year: number, mmdd: string): string {
  const m = Number(mmdd.slice(0, 2));
  let d = Number(mmdd.slice(2, 4));
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (d > last) d = last;
  return `${String(year).padStart(4, '0')}-${mmdd.slice(0, 2)}-${String(d).padStart(2, '0')}`;
}

/** Days a 52/53-week fiscal year's end moves from the date EDGAR records (the last Saturday of a month, say). */
const FISCAL_DRIFT_DAYS = 7;

/**
 * The end of the fiscal year a Form 5 reports, from the issuer's fiscal year end (MMDD): the first one on or after the
 * period of report (box 3, "Statement for Issuer's Fiscal Year Ended"); a period a few days after the recorded end
 * is that year's end of a 52/53-week year. Without a period, the last one before the filing date.
 */
export function fiscalYearEnded(mmdd: string, period: string | null, filed: string): string {
  if (period) {
    const y = Number(period.slice(0, 4));
    const same = fiscalEndIn(y, mmdd);
    if (period <= same) return same;
    const drift = (dayNumber(period) ?? 0) - (dayNumber(same) ?? 0);
    return drift <= FISCAL_DRIFT_DAYS ? period : fiscalEndIn(y + 1, mmdd);
  }
  const y = Number(filed.slice(0, 4));
  const same = fiscalEndIn(y, mmdd);
  return same < filed ? same : fiscalEndIn(y - 1, mmdd);
}

export const form5Late: RuleDef = {
  id: 'form5-late',
  severity: 'warning',
  title: 'Form 5 filed late',
  description:
    "A Form 5 is due on or before the 45th day after the end of the issuer's fiscal year (FISCAL YEAR END in the submission header, the year box 3 falls in), moved to the next business day. Needs the filing date and the fiscal year end.",
  source: 'F5 22',
  check({ filing }) {
    if (docType(filing) !== '5') return [];
    const filed = filingDate(filing);
    const fyeField = filing.submission?.issuerFiscalYearEnd ?? null;
    const mmdd = fyeField ? val(fyeField) : null;
    if (!filed || !fyeField || mmdd === null) return [];
    const period = dateValue(filing.periodOfReport);
    const fye = fiscalYearEnded(mmdd, period, filed.date);
    const due = onOrNextBusinessDay(addDays(fye, 45));
    if (filed.date <= due) return [];
    const late = (dayNumber(filed.date) ?? 0) - (dayNumber(due) ?? 0);
    const related = [rel(`FISCAL YEAR END ${mmdd} in the submission header`, locOf(fyeField))];
    if (filed.field) related.push(rel(`Filed as of ${filed.date}`, locOf(filed.field)));
    return [
      draft(
        `The issuer's fiscal year ended ${fye}, so the Form 5 was due by ${describe(due)}, but it was filed ${describe(filed.date)}: ${late} day${late === 1 ? '' : 's'} late`,
        locOf(filing.periodOfReport.present ? filing.periodOfReport : fyeField),
        related,
      ),
    ];
  },
};

export const amendmentOriginalDate: RuleDef = {
  id: 'amendment-original-date',
  severity: 'error',
  title: 'Date of original submission',
  description: 'Amendments (/A) give dateOfOriginalSubmission; original filings do not.',
  source: 'TS 23',
  check({ filing }) {
    const t = docType(filing);
    if (t === null || formNumber(filing) === null) return [];
    const orig = filing.dateOfOriginalSubmission;
    if (isAmendment(filing) && val(orig) === null) {
      if (!isExactSource(filing) && !orig.present) return [];
      return [
        draft(
          `This is an amendment (${t}) but it does not give the date of the original submission`,
          locOf(filing.documentType),
        ),
      ];
    }
    if (!isAmendment(filing) && val(orig) !== null)
      return [
        draft(
          `This is an original Form ${t}, yet it gives a date of original submission (${val(orig)}), which only amendments carry`,
          locOf(orig),
          [rel(`documentType ${t}`, locOf(filing.documentType))],
        ),
      ];
    return [];
  },
};

export const noTransactions: RuleDef = {
  id: 'no-transactions',
  severity: 'error',
  title: 'Nothing reported',
  description:
    'A Form 4 or 5 (or amendment) that reports no transactions and no holdings needs notSubjectToSection16 = true (EDGAR suspends it otherwise).',
  source: 'TS 24',
  check({ filing }) {
    const form = formNumber(filing);
    if (form !== '4' && form !== '5') return [];
    if (!isExactSource(filing) && filing.source !== 'html') return [];
    if (filing.nonDerivative.length + filing.derivative.length > 0) return [];
    if (filing.notSubjectToSection16.value === true) return [];
    return [
      draft(
        `This Form ${docType(filing)} reports no transactions and no holdings, and notSubjectToSection16 is not set to true`,
        locOf(filing.notSubjectToSection16.present ? filing.notSubjectToSection16 : filing.documentType),
      ),
    ];
  },
};

const PLAN = /10b5-?1/i;
const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
/** "January 5, 2024", "Jan. 5th 2024": a run of letters (checked for a month in it) before a day and a year. */
const WORD_DATE = /(?<![a-z])([a-z]+)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/gi;
/** "1/5/2024", "2024-01-05", "5 January 2024". */
const OTHER_DATE =
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}/i;

/**
 * Whether a text gives a date. A month name may end a longer run of letters ("onJanuary 5, 2024" in OCR text), so
 * each run of letters is taken whole and then searched for a month: a month pattern followed by [a-z]* would rescan
 * the rest of the run from every month in it (a footnote of "jan" repeated: quadratic).
 */
export function hasDate(text: string): boolean {
  if (OTHER_DATE.test(text)) return true;
  WORD_DATE.lastIndex = 0;
  for (let m = WORD_DATE.exec(text); m; m = WORD_DATE.exec(text)) if (MONTH.test(m[1])) return true;
  return false;
}

function planTexts(filing: Filing): {
  label: string;
  field: Field<unknown>;
  text: string;
  span: import('../model').Span | null;
  page?: number | null;
}[] {
  const out: {
    label: string;
    field: Field<unknown>;
    text: string;
    span: import('../model').Span | null;
    page?: number | null;
  }[] = [];
  for (const fn of filing.footnotes) {
    const t = val(fn.text);
    if (t !== null && PLAN.test(t))
      out.push({
        label: `footnote ${fn.id.value ?? fn.id.raw}`,
        field: fn.text,
        text: t,
        span: fn.span,
        page: fn.page ?? null,
      });
  }
  const r = val(filing.remarks);
  if (r !== null && PLAN.test(r))
    out.push({ label: 'the remarks', field: filing.remarks, text: r, span: filing.remarks.span });
  return out;
}

export const rule10b51Footnote: RuleDef = {
  id: 'rule-10b5-1-footnote',
  severity: 'warning',
  title: 'Rule 10b5-1 box without adoption date',
  description:
    'When the Rule 10b5-1 box (aff10b5One) is checked, a footnote gives the date the trading plan was adopted.',
  source: 'F4 25',
  check({ filing }) {
    if (filing.aff10b5One.value !== true) return [];
    const texts = planTexts(filing);
    if (!texts.length)
      return [
        draft(
          'The Rule 10b5-1 box is checked, but no footnote or remark mentions the Rule 10b5-1 plan or the date it was adopted',
          locOf(filing.aff10b5One),
        ),
      ];
    if (texts.some((t) => hasDate(t.text))) return [];
    return [
      draft(
        `The Rule 10b5-1 box is checked and ${texts[0].label} mentions the plan, but no date of adoption is given`,
        locOf(filing.aff10b5One),
        [rel(`${texts[0].label[0].toUpperCase()}${texts[0].label.slice(1)}`, locOf(texts[0].field, texts[0]))],
      ),
    ];
  },
};

/** A mention of Rule 10b5-1 that says a transaction was NOT made under a plan (or speaks of a plan's end). */
function negated(text: string): boolean {
  const re = new RegExp(PLAN.source, 'gi');
  let m: RegExpExecArray | null;
  let positive = false;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 80), m.index).toLowerCase();
    const sentence = before.slice(Math.max(before.lastIndexOf('. '), 0));
    if (/\bnot\b|\bno\b|\bwithout\b|\bneither\b|\bnor\b|\bterminat/.test(sentence)) continue;
    positive = true;
  }
  return !positive;
}

export const rule10b51Box: RuleDef = {
  id: 'rule-10b5-1-box',
  severity: 'warning',
  title: 'Rule 10b5-1 plan mentioned, box not checked',
  description:
    'A footnote says a transaction was made under a Rule 10b5-1 plan while the aff10b5One box is present and false.',
  source: 'F4 25',
  check({ filing }) {
    if (!filing.aff10b5One.present || filing.aff10b5One.value !== false) return [];
    const hit = planTexts(filing).find((t) => !negated(t.text));
    if (!hit) return [];
    return [
      draft(
        `${hit.label[0].toUpperCase()}${hit.label.slice(1)} mentions a Rule 10b5-1 plan, but the Rule 10b5-1 box (aff10b5One) is not checked`,
        locOf(filing.aff10b5One),
        [rel(`${hit.label[0].toUpperCase()}${hit.label.slice(1)}`, locOf(hit.field, hit))],
      ),
    ];
  },
};

export const DATE_RULES: RuleDef[] = [
  periodOfReport,
  dateOrder,
  dateImplausible,
  lateFiling,
  form5Late,
  amendmentOriginalDate,
  noTransactions,
  rule10b51Footnote,
  rule10b51Box,
];
