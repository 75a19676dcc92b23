/**
 * EDGAR submission text: the full-submission `.txt` (`<SEC-DOCUMENT>` with a `KEY:<tab>value` `<SEC-HEADER>`,
 * possibly inside a PEM `-----BEGIN PRIVACY-ENHANCED MESSAGE-----` wrapper), the dissemination-feed `.nc` and
 * `.sgml` form (`<SUBMISSION>` with SGML tags `<ACCESSION-NUMBER>0000950170-25-003585`, no closing tags for
 * values, lines ended by LF, CRLF, a lone CR or not at all), and header-only index files.
 *
 * The ownership document is the `<XML>` block of the first `<DOCUMENT>` that holds an `<ownershipDocument>`;
 * it is read by the ownership-XML parser on that slice of the text, so every span is an offset into the whole
 * submission. The header fills `Filing.submission`, each value with its span.
 */
import type { Field, Finding, Span, SubmissionHeader } from '../model';
import { absent } from '../model';
import { findOwnershipRoot, isOwnershipFormType } from '../detect';
import type { ParseOutcome } from '../model';
import { parseOwnershipXml } from './xml';
import { isWhite, lines, trimSpaceTab } from '../linear';
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
export interface SubmissionDocument {
  span: Span;
  type: string | null;
  sequence: string | null;
  filename: string | null;
  /** Offset of `<ownershipDocument` in it, or -1. */
  ownershipAt: number;
  /** The ownership XML to parse (from `<?xml` or the root start tag to the end of the `<XML>` block), when there is one. */
  xmlRange: Span | null;
}

/** Tag names of the dissemination (`.nc`) header mapped to the names of the `.txt` header lines. */
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

function tagValue(text: string, tag: string, from: number, to: number): string | null {
  const i = text.indexOf(tag, from);
  if (i < 0 || i >= to) return null;
  const m = /[^<\r\n]*/y;
  m.lastIndex = i + tag.length;
  const v = m.exec(text)?.[0].trim() ?? '';
  return v || null;
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/**
 * Whether [decl, own) holds an XML declaration and then only white space and comments. A scan, not the pattern
 * /^<\?xml[^>]*\?>\s*(?:<!--[\s\S]*?-->\s*)*$/, which backtracks exponentially over a run of `<!---->` when
 * something else (a processing instruction, a DOCTYPE) follows them.
 */
export function onlyDeclarationBefore(text: string, decl: number, own: number): boolean {
  if (!text.startsWith('<?xml', decl)) return false;
  const gt = text.indexOf('>', decl);
  if (gt < 0 || gt >= own || text[gt - 1] !== '?' || gt - 1 < decl + 5) return false;
  let i = gt + 1;
  for (;;) {
    while (i < own && isWhite(text.charCodeAt(i))) i++;
    if (i >= own) return true;
    if (!text.startsWith('<!--', i)) return false;
    const e = text.indexOf('-->', i + 4);
    if (e < 0 || e + 3 > own) return false;
    i = e + 3;
  }
}

/** The ownership XML within [from, to): the `<XML>` block's content, else from `<?xml`/the root to `</ownershipDocument>`. */
function ownershipRange(text: string, from: number, to: number, own: number): Span {
  const xmlOpen = text.lastIndexOf('<XML>', own);
  if (xmlOpen >= from) {
    const close = text.indexOf('</XML>', own);
    return trimSpan(text, xmlOpen + 5, close >= 0 && close < to ? close : to);
  }
  const decl = text.lastIndexOf('<?xml', own);
  const start = decl >= from && onlyDeclarationBefore(text, decl, own) ? decl : own;
  const closeTag = /<\/(?:[A-Za-z_][\w.-]*:)?ownershipDocument\s*>/g;
  closeTag.lastIndex = own;
  const c = closeTag.exec(text);
  let end: number;
  if (c && c.index < to) end = c.index + c[0].length;
  else {
    const textClose = text.indexOf('</TEXT>', own);
    end = textClose >= 0 && textClose < to ? textClose : to;
  }
  return trimSpan(text, start, end);
}

/** The submission's documents in order; a text with an ownership document but no `<DOCUMENT>` is one document. */
export function submissionDocuments(text: string): SubmissionDocument[] {
  const docs: SubmissionDocument[] = [];
  let at = text.indexOf('<DOCUMENT>');
  if (at < 0) {
    const own = findOwnershipRoot(text);
    if (own < 0) return [];
    return [
      {
        span: { start: 0, end: text.length },
        type: null,
        sequence: null,
        filename: null,
        ownershipAt: own,
        xmlRange: ownershipRange(text, 0, text.length, own),
      },
    ];
  }
  while (at >= 0) {
    const next = text.indexOf('<DOCUMENT>', at + 10);
    const close = text.indexOf('</DOCUMENT>', at + 10);
    const end = close >= 0 && (next < 0 || close < next) ? close + 11 : next >= 0 ? next : text.length;
    const textAt = text.indexOf('<TEXT>', at);
    const bodyFrom = textAt >= 0 && textAt < end ? textAt + 6 : at + 10;
    const own = findOwnershipRoot(text, textAt >= 0 && textAt < end ? textAt : at, end);
    docs.push({
      span: { start: at, end },
      type: tagValue(text, '<TYPE>', at, bodyFrom),
      sequence: tagValue(text, '<SEQUENCE>', at, bodyFrom),
      filename: tagValue(text, '<FILENAME>', at, bodyFrom),
      ownershipAt: own,
      xmlRange: own >= 0 ? ownershipRange(text, bodyFrom, end, own) : null,
    });
    at = next;
  }
  return docs;
}

function describeDoc(d: SubmissionDocument): string {
  const parts = [d.sequence ? `sequence ${d.sequence}` : null, d.filename, d.type ? `type ${d.type}` : null].filter(
    Boolean,
  );
  return parts.length ? parts.join(', ') : `at offset ${d.span.start}`;
}

/** Parse an EDGAR submission: the header into `filing.submission`, the first ownership document into the filing. */
export function parseSubmission(text: string, file: string): ParseOutcome {
  const { header, findings } = parseSubmissionHeader(text);
  const docs = submissionDocuments(text);
  const owned = docs.filter((d) => d.ownershipAt >= 0 && d.xmlRange);
  const type = header.conformedSubmissionType.value ?? docs[0]?.type?.toUpperCase() ?? null;
  const typeText = type ? `of type ${type}` : 'with no form type';
  if (owned.length === 0) {
    let reason: string;
    if (type && !isOwnershipFormType(type))
      reason = `EDGAR submission ${typeText}: not an ownership filing (Forms 3, 4, 5)`;
    else if (docs.length === 0)
      reason = `EDGAR submission header ${typeText} without any document: no ownership XML to read`;
    else
      reason = `EDGAR submission ${typeText} holds no ownership XML document (a text-format filing from before 2003?)`;
    return { ok: false, reason, findings };
  }
  const doc = owned[0];
  if (type && !isOwnershipFormType(type)) {
    findings.push({
      rule: 'submission-header',
      severity: 'warning',
      message: `The submission header gives type ${type}, not an ownership form (3, 4, 5), yet it holds an ownership document`,
      span: header.conformedSubmissionType.span,
    });
  }
  const out = parseOwnershipXml(text, file, { range: doc.xmlRange!, source: 'submission' });
  if (owned.length > 1) {
    const second = owned[1];
    findings.push({
      rule: 'submission-several-ownership-documents',
      severity: 'info',
      message: `This submission holds ${owned.length} ownership documents; shown is the first (${describeDoc(doc)}), not ${owned
        .slice(1)
        .map(describeDoc)
        .join('; ')}`,
      span: {
        start: second.ownershipAt,
        end: second.ownershipAt + (/<[\w.:-]*/y.exec(text.slice(second.ownershipAt))?.[0].length ?? 1),
      },
    });
  }
  if (!out.ok) return { ok: false, reason: out.reason, findings: [...findings, ...out.findings] };
  const filing = out.filing;
  filing.source = 'submission';
  filing.submission = header;
  filing.findings = [
    ...findings.filter((f) => f.rule === 'submission-header'),
    ...filing.findings,
    ...findings.filter((f) => f.rule !== 'submission-header'),
  ];
  return { ok: true, filing };
}
