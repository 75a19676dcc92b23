/**
 * The late-filing report of Item 405 of Regulation S-K, per issuer and fiscal year: for each reporting person, the
 * number of late Section 16 reports and of transactions not reported on time (each with its due date and filing date).
 *
 * - Form 3: due 10 days after the event that made the person an insider (box 2, the period of report).
 * - Form 4: due two business days after each transaction's date, or its deemed execution date where given (before
 *   2002-08-29: the tenth day after the end of the month). A row the filer marks as a Form 5 transaction reported
 *   early (transactionFormType 5), and a gift made before 2023-02-27 (a Form 5 transaction then), is not due on a Form 4.
 * - Form 5: due 45 days after the end of the issuer's fiscal year. Its rows marked late (`transactionTimeliness` L)
 *   or of form type 4 (a transaction that belonged on a Form 4) are late whenever the Form 5 was filed.
 * - A deadline in calendar days that falls on a weekend or federal holiday moves to the next business day (Rule 0-3).
 * - An amendment whose original is in the set is late for the transactions it adds; one without its original is
 *   listed, not judged.
 *
 * Filing dates come from EDGAR (when the caller knows them) or the submission header (./filed.ts); a filing with no
 * known filing date is listed as unknown, never guessed. Forms 3 and 4 belong to the fiscal year in which they were
 * filed (the year of their event or transactions when the filing date is not known), a Form 5 to the fiscal year it
 * reports on.
 */
import type { Filing, Row, Span, TableName } from '../model';
import { addDays, businessDaysBetween, calendarDaysDeadline, dayNumber, form4DueDate } from '../dates';
import {
  code,
  dateValue,
  docType,
  earliestSignature,
  form4Execution,
  formNumber,
  isAmendment,
  rowLabel,
  val,
} from '../fields';
import { baseName } from '../format';
import { transactionRows } from '../holdings';
import { findOriginal, type Pairing } from './amendments';
import { compareFilings } from './compare';
import { uniqueFilings } from './effective';
import { filedOf, type EdgarFacts, type Filed } from './filed';
import { fiscalCalendars, fiscalYearNamed, fiscalYearOf, type FiscalCalendar, type FiscalYear } from './fiscalYear';
import { PartyIndex, type Party } from './parties';

/** Why a transaction was not reported on time. */
export type LateWhy = 'filed-late' | 'signed-late' | 'marked-late' | 'belonged-on-form-4' | 'on-late-form-5';

export const LATE_WHY_TEXT: Record<LateWhy, string> = {
  'filed-late': 'reported after its due date',
  'signed-late': 'reported on a form signed after its due date (so filed after it; the filing date is not known)',
  'marked-late': 'marked late by the filer (transactionTimeliness L)',
  'belonged-on-form-4': 'a Form 4 transaction reported on a Form 5',
  'on-late-form-5': 'reported on a Form 5 filed after its due date',
};

export interface LateTransaction {
  file: string;
  table: TableName;
  /** 1-based, as "Table I row N" counts. */
  row: number;
  /** "Table I row 2". */
  label: string;
  /** The model's path of the row ("nonDerivative[1]"). */
  path: string;
  span: Span | null;
  page: number | null;
  /** The transaction (or deemed execution) date. */
  date: string | null;
  code: string;
  security: string;
  /** null when the rule gives no date (a row marked late on a Form 5). */
  due: string | null;
  /** null when the filing date is not known. */
  filed: string | null;
  why: LateWhy;
}

export type JudgedStatus = 'late' | 'on-time' | 'unknown' | 'not-judged';

export interface JudgedFiling {
  file: string;
  /** "4", "4/A", ... */
  form: string;
  issuer: Party;
  owners: Party[];
  filed: Filed | null;
  /** The report's due date (Forms 3 and 5), the earliest due date of its transactions (Form 4); null when none. */
  due: string | null;
  status: JudgedStatus;
  /** One sentence: the deadline, the filing date and the verdict, or why there is none. */
  reason: string;
  /** The transactions it did not report on time. */
  transactions: LateTransaction[];
  fiscalYear: FiscalYear | null;
  /** The document in the file, for links. */
  span: Span | null;
}

export interface PersonYear {
  owner: Party;
  lateReports: number;
  lateTransactions: number;
  /** The person's filings of the year that are late, of unknown timeliness, or not judged (amendments). */
  filings: JudgedFiling[];
}

export interface IssuerYear {
  issuer: Party;
  fiscalYear: FiscalYear;
  calendar: FiscalCalendar;
  /** People with a late report, or a filing whose timeliness is not known or not judged. */
  persons: PersonYear[];
  /** Filings of the year judged (late or on time). */
  judged: number;
  unknown: number;
}

export interface LateReport {
  years: IssuerYear[];
  /** Filings read, duplicates left out. */
  filings: number;
  duplicates: { file: string; sameAs: string }[];
  /** Filings that could not be placed in any fiscal year (no date at all). */
  undated: JudgedFiling[];
  /** Only this fiscal year, when asked. */
  fiscalYear: number | null;
}

export interface LateReportOptions {
  edgar?: EdgarFacts;
  /** Report only the fiscal year ending in this calendar year. */
  fiscalYear?: number | null;
  /** "Today": a signature dated later is a slip, not a date the form was signed (default: the clock). */
  now?: Date;
}

function lateTx(
  f: Filing,
  row: Row,
  date: string | null,
  due: string | null,
  filed: string | null,
  why: LateWhy,
): LateTransaction {
  return {
    file: f.file,
    table: row.table,
    row: row.index + 1,
    label: rowLabel(row),
    path: `${row.table}[${row.index}]`,
    span: row.span,
    page: row.page ?? null,
    date,
    code: code(row.transactionCode) ?? '',
    security: val(row.securityTitle) ?? '',
    due,
    filed,
    why,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "1 business day late", "3 days late". */
function lateness(due: string, filed: string, business: boolean): string {
  if (business) return `${plural(businessDaysBetween(due, filed), 'business day')} late`;
  const d = dayNumber(filed)! - dayNumber(due)!;
  return `${plural(d, 'day')} late`;
}

function rolled(raw: string, due: string): string {
  return raw === due ? '' : ` (day ${raw} is not a business day)`;
}

type Verdict = Pick<JudgedFiling, 'due' | 'status' | 'reason' | 'transactions'>;

function judgeForm3(f: Filing, filed: Filed | null): Verdict {
  const event = dateValue(f.periodOfReport);
  if (!event)
    return {
      due: null,
      status: 'unknown',
      reason: 'No date of the event requiring the statement (box 2)',
      transactions: [],
    };
  const raw = addDays(event, 10);
  const due = calendarDaysDeadline(event, 10);
  const basis = `10 days after the event of ${event}${rolled(raw, due)}`;
  if (!filed)
    return { due, status: 'unknown', reason: `Due ${due} (${basis}); the filing date is not known`, transactions: [] };
  const late = filed.date > due;
  return {
    due,
    status: late ? 'late' : 'on-time',
    reason: `Due ${due} (${basis}), filed ${filed.date}${late ? `: ${lateness(due, filed.date, false)}` : ': on time'}`,
    transactions: [],
  };
}

function judgeForm4(f: Filing, filed: Filed | null, rows: readonly Row[], today: string): Verdict {
  const transactions: LateTransaction[] = [];
  let earliestDue: string | null = null;
  let firstLate: { due: string; exec: string } | null = null;
  // Without a filing date, the earliest signature bounds it from below (a filing is signed no later than filed).
  const signed = filed ? null : earliestSignature(f, today);
  for (const row of rows) {
    const marked = (val(row.transactionTimeliness) ?? '').toUpperCase() === 'L';
    const exec = form4Execution(row)?.date ?? null;
    const due = exec ? form4DueDate(exec) : null;
    if (due && (!earliestDue || due < earliestDue)) earliestDue = due;
    if (marked)
      transactions.push(
        lateTx(f, row, exec ?? dateValue(row.transactionDate), due, filed?.date ?? null, 'marked-late'),
      );
    else if (due && exec && ((filed && filed.date > due) || (signed && signed.date > due))) {
      transactions.push(lateTx(f, row, exec, due, filed?.date ?? null, filed ? 'filed-late' : 'signed-late'));
      if (!firstLate || due < firstLate.due) firstLate = { due, exec };
    }
  }
  if (transactions.length) {
    const first = firstLate ?? { due: transactions[0].due, exec: transactions[0].date };
    const how = filed
      ? `filed ${filed.date}${first.due && filed.date > first.due ? `: ${lateness(first.due, filed.date, true)}` : ''}`
      : signed && first.due && signed.date > first.due
        ? `signed ${signed.date}, so filed at least ${lateness(first.due, signed.date, true)} (the filing date is not known)`
        : 'filing date not known';
    return {
      due: earliestDue,
      status: 'late',
      reason: `${plural(transactions.length, 'transaction')} not reported on time; the earliest was due ${first.due ?? '(no date)'}${first.exec ? ` (two business days after ${first.exec})` : ''}, ${how}`,
      transactions,
    };
  }
  if (!earliestDue)
    return {
      due: null,
      status: filed ? 'on-time' : 'unknown',
      reason: 'No transaction that was due on a Form 4',
      transactions,
    };
  if (!filed)
    return {
      due: earliestDue,
      status: 'unknown',
      reason: `Earliest transaction due ${earliestDue}; the filing date is not known`,
      transactions,
    };
  return {
    due: earliestDue,
    status: 'on-time',
    reason: `Every transaction reported by its due date (earliest ${earliestDue}), filed ${filed.date}`,
    transactions,
  };
}

function judgeForm5(f: Filing, filed: Filed | null, fy: FiscalYear | null, rows: readonly Row[]): Verdict {
  const raw = fy ? addDays(fy.end, 45) : null;
  const due = fy ? calendarDaysDeadline(fy.end, 45) : null;
  const late = !!(due && filed && filed.date > due);
  const transactions: LateTransaction[] = [];
  for (const row of rows) {
    const date = dateValue(row.transactionDate);
    if (val(row.transactionFormType) === '4') {
      const exec = dateValue(row.deemedExecutionDate) ?? date;
      transactions.push(
        lateTx(f, row, exec, exec ? form4DueDate(exec) : null, filed?.date ?? null, 'belonged-on-form-4'),
      );
    } else if ((val(row.transactionTimeliness) ?? '').toUpperCase() === 'L')
      transactions.push(lateTx(f, row, date, null, filed?.date ?? null, 'marked-late'));
    else if (late) transactions.push(lateTx(f, row, date, due, filed!.date, 'on-late-form-5'));
  }
  const basis = fy && due && raw ? `45 days after the fiscal year ended ${fy.end}${rolled(raw, due)}` : '';
  const filedText = filed ? `filed ${filed.date}` : 'filing date not known';
  if (late || transactions.length)
    return {
      due,
      status: 'late',
      reason: `${due ? `Due ${due} (${basis}), ${filedText}${late ? `: ${lateness(due, filed!.date, false)}` : ''}` : filedText}${transactions.length ? `; ${plural(transactions.length, 'transaction')} not reported on time` : ''}`,
      transactions,
    };
  if (!due)
    return { due, status: 'unknown', reason: 'The fiscal year the Form 5 reports on is not known', transactions };
  if (!filed)
    return { due, status: 'unknown', reason: `Due ${due} (${basis}); the filing date is not known`, transactions };
  return { due, status: 'on-time', reason: `Due ${due} (${basis}), filed ${filed.date}: on time`, transactions };
}

/** The fiscal year a filing belongs to (see the module comment), or null when it has no date at all. */
function placeOf(f: Filing, filed: Filed | null, cal: FiscalCalendar): FiscalYear | null {
  const form = formNumber(f);
  const period = dateValue(f.periodOfReport);
  if (form === '5') {
    if (period) return fiscalYearOf(period, cal.monthDay);
    if (filed) return fiscalYearNamed(fiscalYearOf(filed.date, cal.monthDay).year - 1, cal.monthDay);
    return null;
  }
  if (filed) return fiscalYearOf(filed.date, cal.monthDay);
  const dates = transactionRows(f)
    .map((r) => dateValue(r.transactionDate))
    .filter((d): d is string => d !== null)
    .sort();
  const d = period ?? dates[0] ?? null;
  return d ? fiscalYearOf(d, cal.monthDay) : null;
}

function judgeAmendment(
  f: Filing,
  pairing: Pairing,
  filed: Filed | null,
  fy: FiscalYear | null,
  today: string,
): Verdict {
  if (!pairing.original)
    return {
      due: null,
      status: 'not-judged',
      reason: `An amendment: ${pairing.note}, so what it adds cannot be told`,
      transactions: [],
    };
  const added = compareFilings(pairing.original, f)
    .rows.filter((d) => d.status === 'added' && d.after?.kind === 'transaction')
    .map((d) => d.after!);
  const form = formNumber(f);
  if (!added.length || form === '3')
    return {
      due: null,
      status: 'on-time',
      reason: `An amendment of ${baseName(pairing.original.file)}; it adds no transaction, so nothing in it is reported late`,
      transactions: [],
    };
  const v = form === '5' ? judgeForm5(f, filed, fy, added) : judgeForm4(f, filed, added, today);
  return {
    ...v,
    reason: `Amends ${baseName(pairing.original.file)} and adds ${plural(added.length, 'transaction')}: ${v.reason}`,
  };
}

export function lateReport(all: readonly Filing[], options: LateReportOptions = {}): LateReport {
  const { filings, duplicates } = uniqueFilings(all);
  const parties = new PartyIndex(filings);
  const calendarOf = fiscalCalendars(filings, parties, options.edgar);
  const years = new Map<string, IssuerYear>();
  const undated: JudgedFiling[] = [];
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  for (const f of filings) {
    const form = formNumber(f);
    if (!form) continue;
    const issuer = parties.issuer(f);
    const owners = parties.owners(f);
    const cal = calendarOf(issuer);
    const filed = filedOf(f, options.edgar);
    const fy = placeOf(f, filed, cal);
    let v: Verdict;
    if (isAmendment(f)) v = judgeAmendment(f, findOriginal(f, filings, options.edgar, parties), filed, fy, today);
    else if (form === '3') v = judgeForm3(f, filed);
    else if (form === '4') v = judgeForm4(f, filed, transactionRows(f), today);
    else v = judgeForm5(f, filed, fy, transactionRows(f));
    const judged: JudgedFiling = {
      file: f.file,
      form: docType(f) ?? form,
      issuer,
      owners,
      filed,
      ...v,
      fiscalYear: fy,
      span: f.documentSpan,
    };
    if (!fy) {
      undated.push(judged);
      continue;
    }
    if (options.fiscalYear && fy.year !== options.fiscalYear) continue;
    const key = `${issuer.key}\u0001${fy.year}`;
    let y = years.get(key);
    if (!y) years.set(key, (y = { issuer, fiscalYear: fy, calendar: cal, persons: [], judged: 0, unknown: 0 }));
    if (judged.status === 'late' || judged.status === 'on-time') y.judged++;
    else y.unknown++;
    if (judged.status === 'on-time') continue;
    for (const owner of owners) {
      let p = y.persons.find((x) => x.owner.key === owner.key);
      if (!p) y.persons.push((p = { owner, lateReports: 0, lateTransactions: 0, filings: [] }));
      p.filings.push(judged);
      if (judged.status === 'late') {
        p.lateReports++;
        p.lateTransactions += judged.transactions.length;
      }
    }
  }
  const out = [...years.values()].sort(
    (a, b) =>
      a.issuer.name.localeCompare(b.issuer.name) ||
      a.issuer.key.localeCompare(b.issuer.key) ||
      a.fiscalYear.year - b.fiscalYear.year,
  );
  for (const y of out) y.persons.sort((a, b) => a.owner.name.localeCompare(b.owner.name));
  return {
    years: out,
    filings: filings.length,
    duplicates: duplicates.map((d) => ({ file: d.filing.file, sameAs: d.sameAs.file })),
    undated,
    fiscalYear: options.fiscalYear ?? null,
  };
}

/** The people of a year the proxy names: those with at least one late report. */
export function delinquent(y: IssuerYear): PersonYear[] {
  return y.persons.filter((p) => p.lateReports > 0);
}
