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
import type { ParseOutcome, Span } from '../model';
import { findOwnershipRoot, isOwnershipFormType } from '../detect';
import { parseOwnershipXml } from './xml';
import { isWhite } from '../linear';
import { parseSubmissionHeader } from './submission-header';

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
