/**
 * The header of an EDGAR submission (`<SEC-HEADER>` with `KEY:<tab>value` lines, or the SGML tags of a `.nc` or
 * `.sgml` file): where it is, its items, and `Filing.submission` read from them, each value with its span. Apart
 * from the documents (./submission), so that what reads a filing's dates from the header it already holds (the
 * Section 16 desk) needs no parser of the documents.
 */
import type { Field, Finding, Span, SubmissionHeader } from '../model';
import { absent } from '../model';
import { lines, trimSpaceTab } from '../linear';
import { daysInMonth } from '../dates';

/** One header item: a `KEY: value` line or an SGML tag with the text after it. */
export interface HeaderEntry {
  /** Upper case, words joined by '-' (`CENTRAL INDEX KEY:` -> `CENTRAL-INDEX-KEY`); tag names as written, upper-cased. */
  key: string;
  /** The value trimmed ('' when none). */
  raw: string;
  /** Span of the trimmed value (empty span right after the key when there is no value). */
  span: Span;
  /** Span of the whole item: key and value (a line without its indentation, or the tag and its text). */
  element: Span;
  /** A closing tag `</KEY>`. */
  close: boolean;
}

/** One `<DOCUMENT>` of a submission. */
const ALIASES = new Map<string, string>([
  ['TYPE', 'CONFORMED-SUBMISSION-TYPE'],
  ['PERIOD', 'CONFORMED-PERIOD-OF-REPORT'],
  ['FILING-DATE', 'FILED-AS-OF-DATE'],
  ['CIK', 'CENTRAL-INDEX-KEY'],
  ['CONFORMED-NAME', 'COMPANY-CONFORMED-NAME'],
]);

type Role = SubmissionHeader['filers'][number]['role'];
const ROLES = new Map<string, Role>([
  ['REPORTING-OWNER', 'reporting-owner'],
  ['ISSUER', 'issuer'],
  ['FILER', 'filer'],
  ['SUBJECT-COMPANY', 'subject-company'],
  ['FILED-BY', 'other'],
  ['DEPOSITOR', 'other'],
  ['SECURITIZER', 'other'],
  ['ISSUING-ENTITY', 'other'],
  ['SERIAL-COMPANY', 'other'],
]);

const HEADER_STARTS = ['<SEC-DOCUMENT>', '<IMS-DOCUMENT>', '<SEC-HEADER>', '<IMS-HEADER>', '<SUBMISSION>'];
const HEADER_ENDS = ['</SEC-HEADER>', '</IMS-HEADER>'];

/** The header part of a submission: from its first marker to `</SEC-HEADER>` or the first `<DOCUMENT>`. */
export function headerRegion(text: string): Span {
  const firstDoc = text.indexOf('<DOCUMENT>');
  const limit = firstDoc < 0 ? text.length : firstDoc;
  let start = limit;
  for (const m of HEADER_STARTS) {
    const i = text.indexOf(m);
    if (i >= 0 && i < start) start = i;
  }
  if (start === limit) {
    // No marker: a bare header (`ACCESSION NUMBER:` lines). Start at the first such line.
    const m = /^[ \t]*(?:ACCESSION NUMBER:|<ACCESSION-NUMBER>)/m.exec(text.slice(0, limit));
    start = m ? m.index : 0;
  }
  let end = limit;
  for (const m of HEADER_ENDS) {
    const i = text.indexOf(m, start);
    if (i >= 0 && i + m.length <= end) end = i + m.length;
  }
  return { start, end };
}

/** `KEY: value` (the value trimmed after: /:[ \t]*(.*?)[ \t]*$/ retries a long run of spaces from each of them). */
const LINE_ITEM = /^([A-Z][A-Z0-9 -]*[A-Z0-9]):(.*)$/;
const TAG_ITEM = /<(\/?)([A-Za-z][A-Za-z0-9-]*)>([^<\r\n]*)/g;

/** The header's items in order (both styles; a header may mix them, as old ones do with `<REPORTING-OWNER>`). */
export function headerEntries(text: string, region: Span = headerRegion(text)): HeaderEntry[] {
  const out: HeaderEntry[] = [];
  for (const { start: ls, end } of lines(text, region.start)) {
    if (ls >= region.end) break;
    const line = text.slice(ls, Math.min(end, region.end));
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (line[indent] === '<') {
      TAG_ITEM.lastIndex = indent;
      let t: RegExpExecArray | null;
      while ((t = TAG_ITEM.exec(line))) {
        const tagStart = ls + t.index;
        const valueStart = tagStart + t[1].length + t[2].length + 2;
        const rawAll = t[3];
        const lead = rawAll.length - rawAll.trimStart().length;
        const raw = rawAll.trim();
        const vs = raw ? valueStart + lead : valueStart;
        out.push({
          key: t[2].toUpperCase(),
          raw,
          span: { start: vs, end: vs + raw.length },
          element: { start: tagStart, end: raw ? vs + raw.length : valueStart },
          close: t[1] === '/',
        });
      }
      continue;
    }
    const k = LINE_ITEM.exec(line.slice(indent));
    if (k) {
      const keyStart = ls + indent;
      const raw = trimSpaceTab(k[2]);
      const afterColon = keyStart + k[1].length + 1;
      const vs = raw ? afterColon + k[2].indexOf(raw[0]) : afterColon;
      out.push({
        key: k[1].replace(/[ ]+/g, '-'),
        raw,
        span: { start: vs, end: vs + raw.length },
        element: { start: keyStart, end: raw ? vs + raw.length : afterColon },
        close: false,
      });
    }
  }
  return out;
}

function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** EDGAR header dates are YYYYMMDD; YYYY-MM-DD is accepted too. */
function normHeaderDate(raw: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw);
  if (!m || !isRealDate(+m[1], +m[2], +m[3])) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A fiscal year end as EDGAR writes it, MMDD ("1231", "0630"); February 29 stands for the last day of February. */
function normFiscalYearEnd(raw: string): string | null {
  const m = /^(\d{2})(\d{2})$/.exec(raw);
  if (!m) return null;
  return isRealDate(2000, Number(m[1]), Number(m[2])) ? raw : null;
}

/** ACCEPTANCE-DATETIME YYYYMMDDHHMMSS -> YYYY-MM-DDTHH:MM:SS. */
function normAcceptance(raw: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(raw);
  if (!m || !isRealDate(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59 || +m[6] > 60) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
}

function normAccession(raw: string): string | null {
  if (/^\d{10}-\d{2}-\d{6}$/.test(raw)) return raw;
  const m = /^(\d{10})(\d{2})(\d{6})$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function fieldOf(e: HeaderEntry, norm: (raw: string) => string | null, what: string, findings: Finding[]): Field {
  // Header items are not elements (no end tag), so the fields carry no `elementSpan`; an empty item's span is the item.
  if (!e.raw) return { raw: null, value: null, present: true, footnotes: [], span: e.element };
  const value = norm(e.raw);
  if (value === null)
    findings.push({
      rule: 'submission-header',
      severity: 'warning',
      message: `The submission header's ${what} "${e.raw}" cannot be read`,
      span: e.span,
    });
  return { raw: e.raw, value, present: true, footnotes: [], span: e.span };
}

const asIs = (raw: string): string => raw;

/** Parse a submission header (both styles) into the model's `SubmissionHeader`; findings for values that cannot be read. */
export function parseSubmissionHeader(text: string): { header: SubmissionHeader; findings: Finding[] } {
  const region = headerRegion(text);
  const entries = headerEntries(text, region);
  const findings: Finding[] = [];
  const header: SubmissionHeader = {
    accessionNumber: absent(),
    conformedSubmissionType: absent(),
    filedAsOf: absent(),
    acceptanceDateTime: absent(),
    periodOfReport: absent(),
    reportingOwnerCiks: [],
    issuerCik: absent(),
    issuerFiscalYearEnd: absent(),
    filers: [],
    span: region.end > region.start ? region : null,
  };
  let role: { role: Role; key: string; cik: Field; name: Field; fiscalYearEnd: Field } | null = null;
  const fiscalYearEnds: { role: Role; field: Field }[] = [];
  const cik = (raw: string): string | null => (/^\d{1,10}$/.test(raw) ? raw : null);
  const closeRole = (): void => {
    if (role) {
      header.filers.push({ role: role.role, cik: role.cik, name: role.name });
      if (role.fiscalYearEnd.present) fiscalYearEnds.push({ role: role.role, field: role.fiscalYearEnd });
    }
    role = null;
  };
  let docAccession: HeaderEntry | null = null;
  for (const e of entries) {
    const key = ALIASES.get(e.key) ?? e.key;
    if (e.close) {
      if (role && role.key === key) closeRole();
      continue;
    }
    const keyRole = ROLES.get(key);
    if (keyRole && !e.raw) {
      closeRole();
      role = { role: keyRole, key, cik: absent(), name: absent(), fiscalYearEnd: absent() };
      continue;
    }
    if (role) {
      if (key === 'CENTRAL-INDEX-KEY' && !role.cik.present) role.cik = fieldOf(e, cik, 'CIK', findings);
      else if (key === 'COMPANY-CONFORMED-NAME' && !role.name.present)
        role.name = fieldOf(e, asIs, 'company name', findings);
      else if (key === 'FISCAL-YEAR-END' && !role.fiscalYearEnd.present)
        role.fiscalYearEnd = fieldOf(e, normFiscalYearEnd, 'fiscal year end', findings);
      continue;
    }
    switch (key) {
      case 'ACCESSION-NUMBER':
        if (!header.accessionNumber.present)
          header.accessionNumber = fieldOf(e, normAccession, 'accession number', findings);
        break;
      case 'CONFORMED-SUBMISSION-TYPE':
        if (!header.conformedSubmissionType.present)
          header.conformedSubmissionType = fieldOf(e, (r) => r.toUpperCase(), 'submission type', findings);
        break;
      case 'FILED-AS-OF-DATE':
        if (!header.filedAsOf.present) header.filedAsOf = fieldOf(e, normHeaderDate, 'filing date', findings);
        break;
      case 'CONFORMED-PERIOD-OF-REPORT':
        if (!header.periodOfReport.present)
          header.periodOfReport = fieldOf(e, normHeaderDate, 'period of report', findings);
        break;
      case 'ACCEPTANCE-DATETIME':
        if (!header.acceptanceDateTime.present)
          header.acceptanceDateTime = fieldOf(e, normAcceptance, 'acceptance date-time', findings);
        break;
      case 'SEC-DOCUMENT':
      case 'IMS-DOCUMENT':
        docAccession ??= e;
        break;
    }
  }
  closeRole();
  // No ACCESSION NUMBER line: the `<SEC-DOCUMENT>0001104659-06-067430.txt : 20061019` line names it too.
  if (!header.accessionNumber.present && docAccession) {
    const m = /^(\d{10}-\d{2}-\d{6})/.exec(docAccession.raw);
    if (m) {
      const span = { start: docAccession.span.start, end: docAccession.span.start + m[1].length };
      header.accessionNumber = { raw: m[1], value: m[1], present: true, footnotes: [], span };
    }
  }
  for (const f of header.filers) if (f.role === 'reporting-owner') header.reportingOwnerCiks.push(f.cik);
  // The issuer's CIK; headers from before 2003 name the issuer SUBJECT COMPANY instead.
  const issuer =
    header.filers.find((f) => f.role === 'issuer') ?? header.filers.find((f) => f.role === 'subject-company');
  if (issuer) header.issuerCik = issuer.cik;
  const fye =
    fiscalYearEnds.find((f) => f.role === 'issuer') ?? fiscalYearEnds.find((f) => f.role === 'subject-company');
  if (fye) header.issuerFiscalYearEnd = fye.field;
  return { header, findings };
}
