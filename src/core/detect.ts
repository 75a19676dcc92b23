/**
 * What kind of input a decoded text is, from its CONTENT only (file names lie: EDGAR submissions saved as `.xml`,
 * header files saved as `.html`). Cheap: it looks at the first 64 KB and then confirms with one scan of the text.
 * PDFs are bytes, not text: see `isPdf` in `./decode`.
 */
import type { SourceKind } from './model';
import { replaceTags, trimSpaceTab } from './linear';

export interface Detection {
  kind: SourceKind | 'unknown';
  /** One plain line: why this kind (or why none). */
  reason: string;
}

const HEAD = 65536;
const OWNERSHIP_TYPES = new Set(['3', '3/A', '4', '4/A', '5', '5/A']);

/** Whether an EDGAR form type is an ownership form (3, 4, 5 and their amendments). */
export function isOwnershipFormType(type: string): boolean {
  return OWNERSHIP_TYPES.has(type.trim().toUpperCase());
}

/** Where the first `<ownershipDocument` start tag is (an optional namespace prefix allowed), or -1. */
export function findOwnershipDocument(text: string, from = 0, to = text.length): number {
  const re = /<(?:[A-Za-z_][\w.-]*:)?ownershipDocument[\s/>]/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < to ? m.index : -1;
}

const ROOT_AT = /<(?:[A-Za-z_][\w.-]*:)?ownershipDocument[\s/>]/y;

/**
 * Where an `<ownershipDocument>` ROOT starts within [from, to) of a submission: right after an `<XML>` or `<TEXT>`
 * tag (white space, an XML declaration and comments allowed between), not a mere mention inside other text. -1 if none.
 */
export function findOwnershipRoot(text: string, from = 0, to = text.length): number {
  const re = /<(?:XML|TEXT)>/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const at = m.index + m[0].length;
    const i = at + skipProlog(text.slice(at, Math.min(to, at + 4096)));
    ROOT_AT.lastIndex = i;
    if (i < to && ROOT_AT.test(text)) return i;
  }
  return -1;
}

/** Markers that a text is an EDGAR submission (full `.txt`, dissemination `.nc`, header file, PEM-wrapped). */
const SUBMISSION_START =
  /^(?:-----BEGIN PRIVACY-ENHANCED MESSAGE-----|<SEC-DOCUMENT>|<SEC-HEADER>|<IMS-DOCUMENT>|<IMS-HEADER>|<SUBMISSION>)/i;
const SUBMISSION_LINE = /^[ \t]*(?:ACCESSION NUMBER:[ \t]|<ACCESSION-NUMBER>)/m;

/** Whether a text's lead (after its prolog) or head carries a submission's markers. */
function submissionMarked(lead: string, head: string): boolean {
  return SUBMISSION_START.test(lead) || SUBMISSION_LINE.test(head);
}

/** The submission type a header declares (`CONFORMED SUBMISSION TYPE:` or the first `<TYPE>`), or null. */
export function submissionType(head: string): string | null {
  // The value is taken whole and trimmed after: /:[ \t]*(.*?)[ \t]*$/ retries a long run of spaces from each of them.
  const m = /^[ \t]*CONFORMED SUBMISSION TYPE:([^\r\n]*)/m.exec(head) ?? /<TYPE>([^<\r\n]*)/.exec(head);
  const value = m ? trimSpaceTab(m[1]) : '';
  return value ? value.toUpperCase() : null;
}

/** Phrases of the printed Forms 3, 4 and 5 (titles first). Matching ignores case and collapses white space. */
const FORM_TITLES = [
  /statement\s+of\s+changes\s+in\s+beneficial\s+ownership/i,
  /initial\s+statement\s+of\s+beneficial\s+ownership/i,
];
const FORM_MARKERS = [
  /table\s+i\s*[-\u2010-\u2015]\s*non[-\u2010-\u2015\s]*derivative\s+securities/i,
  /table\s+ii\s*[-\u2010-\u2015]\s*derivative\s+securities/i,
  /name\s+and\s+address\s+of\s+reporting\s+person/i,
  /issuer\s+name\s+and\s+ticker\s+or\s+trading\s+symbol/i,
  /relationship\s+of\s+reporting\s+person/i,
  /date\s+of\s+earliest\s+transaction/i,
  /explanation\s+of\s+responses/i,
  /signature\s+of\s+reporting\s+person/i,
];

/** Whether a text reads like a printed Form 3/4/5: a title, or three of the box labels. */
export function looksLikeFormText(s: string): boolean {
  if (FORM_TITLES.some((re) => re.test(s))) return true;
  let n = 0;
  for (const re of FORM_MARKERS) if (re.test(s) && ++n >= 3) return true;
  return false;
}

/** Skip white space, a BOM, `<?...?>`, `<!--...-->` and `<!DOCTYPE ...>`; offset of the first element or other text. */
function skipProlog(s: string): number {
  let i = 0;
  for (;;) {
    while (i < s.length && /[\s\uFEFF]/.test(s[i])) i++;
    if (s.startsWith('<?', i)) {
      const e = s.indexOf('?>', i + 2);
      if (e < 0) return s.length;
      i = e + 2;
    } else if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      if (e < 0) return s.length;
      i = e + 3;
    } else if (/^<!DOCTYPE/i.test(s.slice(i, i + 9))) {
      // An internal subset may hold '>' inside brackets.
      let depth = 0;
      let j = i + 9;
      for (; j < s.length; j++) {
        const c = s[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      i = j + 1;
    } else return i;
  }
}

function detectSubmission(text: string, head: string): Detection {
  const type = submissionType(head);
  const typeText = type ? `of type ${type}` : 'with no form type';
  if (findOwnershipRoot(text) >= 0) {
    if (type && !isOwnershipFormType(type))
      return { kind: 'submission', reason: `EDGAR submission ${typeText} that holds an ownership document` };
    return { kind: 'submission', reason: `EDGAR submission ${typeText} with an ownership document` };
  }
  if (type && !isOwnershipFormType(type))
    return { kind: 'unknown', reason: `EDGAR submission ${typeText}: not an ownership filing (Forms 3, 4, 5)` };
  if (!/<DOCUMENT>/i.test(text))
    return {
      kind: 'unknown',
      reason: `EDGAR submission header ${typeText} without any document (an index header file): no ownership data to read`,
    };
  if (looksLikeFormText(text))
    return {
      kind: 'text',
      reason: `EDGAR submission ${typeText} without ownership XML, holding the form as plain text (filed before 2003)`,
    };
  return { kind: 'unknown', reason: `EDGAR submission ${typeText} without an ownership XML document` };
}

/**
 * `<script>` and `<style>` elements (with their content) and then every tag replaced by a space, in linear time:
 * /<(script|style)\b[\s\S]*?<\/\1\s*>/ and /<[^>]*>/ rescan the rest of the text from every opening that is never
 * closed, quadratic up to the 256 KB that detection reads.
 */
export function stripTags(s: string): string {
  let out = '';
  let i = 0;
  const open = /<(script|style)\b/gi;
  // Once a kind of element has no closing tag after some point, it has none after any later point either.
  const unclosed = new Set<string>();
  for (let m = open.exec(s); m; m = open.exec(s)) {
    const name = m[1].toLowerCase();
    if (unclosed.has(name)) continue;
    const close = new RegExp(`</${name}\\s*>`, 'gi');
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(s);
    if (!c) {
      unclosed.add(name);
      continue;
    }
    out += s.slice(i, m.index) + ' ';
    i = open.lastIndex = c.index + c[0].length;
  }
  return replaceTags(out + s.slice(i))
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&amp;/gi, '&');
}

/** The text of the first `<title>` element, found as /<title[^>]*>([\s\S]*?)<\/title>/i would, in linear time. */
export function titleText(head: string): string | null {
  const open = /<title/i.exec(head);
  if (!open) return null;
  // The first "<title" with no ">" or no "</title>" after it leaves none for any later "<title" either.
  const gt = head.indexOf('>', open.index + 6);
  if (gt < 0) return null;
  const close = /<\/title>/gi;
  close.lastIndex = gt + 1;
  const c = close.exec(head);
  return c ? head.slice(gt + 1, c.index) : null;
}

function detectHtml(text: string, head: string): Detection {
  const title = titleText(head);
  if (title !== null && /^\s*SEC\s+FORM\s+[345](?:\/A)?\s*$/i.test(stripTags(title)))
    return { kind: 'html', reason: `EDGAR rendered HTML of Form ${title.replace(/\D/g, '')}` };
  const body = stripTags(text.length > HEAD * 4 ? text.slice(0, HEAD * 4) : text);
  if (looksLikeFormText(body)) return { kind: 'html', reason: 'HTML page of a Form 3, 4 or 5' };
  return { kind: 'unknown', reason: 'HTML page that is not an EDGAR Form 3/4/5' };
}

/**
 * Whether a text is an EDGAR submission by its markers, as detection tells one: what it hands to the submission
 * reader, or, for a form filed as text inside one, to the text reader.
 */
export function hasSubmissionMarkers(text: string): boolean {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  const start = skipProlog(head);
  return submissionMarked(text.slice(start, start + 64), head);
}

/** Detect the kind of a decoded text. */
export function detectKind(text: string): Detection {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  let start = skipProlog(head);
  // A prolog (comments, a DOCTYPE with an internal subset) longer than the head: follow it through the whole text,
  // once, so a long licence comment before <ownershipDocument> does not hide the root.
  if (start >= head.length && text.length > HEAD) start = skipProlog(text);
  if (start >= text.length || (start >= head.length && text.length <= HEAD)) {
    return {
      kind: 'unknown',
      reason: /\S/.test(text.replace(/\uFEFF/g, '')) ? 'XML with no root element' : 'empty file',
    };
  }
  const lead = text.slice(start, start + 64);
  if (lead.startsWith('%PDF-'))
    return { kind: 'unknown', reason: 'a PDF read as text: open it as a PDF (bytes), not as text' };
  if (/^[{[]\s*["{[\]}]/.test(lead)) return { kind: 'unknown', reason: 'JSON, not an ownership filing' };
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(lead);
  const local = root?.[1].replace(/^[^:]*:/, '');
  // An ownership document's root first: a submission never opens with it, and the search for a submission's
  // header lines would scan the head of every XML filing.
  if (local === 'ownershipDocument') return { kind: 'xml', reason: 'ownership XML document' };
  if (submissionMarked(lead, head)) return detectSubmission(text, head);
  if (root && local !== undefined) {
    const name = root[1];
    if (/^html$/i.test(local) || /^(head|body)$/i.test(local)) return detectHtml(text, head);
    // `<XML>` wrapper cut out of a submission: read it like one.
    if (name === 'XML' && findOwnershipRoot(text) >= 0)
      return { kind: 'submission', reason: 'EDGAR <XML> wrapper around an ownership document' };
    // An XML declaration says XML; without one, a form's text that happens to start with markup (`<u>`) is still text.
    const declaredXml = /^[\s\uFEFF]*<\?xml[\s?]/i.test(head);
    if (declaredXml || (!looksLikeFormText(head) && /<\/[A-Za-z_][\w.:-]*\s*>/.test(head)))
      return { kind: 'unknown', reason: `XML, but not an ownership filing (root <${name}>)` };
  }
  if (/<html[\s>]/i.test(head) && /<\/?(?:body|table|div|p)[\s>]/i.test(head)) return detectHtml(text, head);
  // A form's title and box labels come first, so the head decides (a form text does not open with 64 KB of other text).
  if (looksLikeFormText(head)) return { kind: 'text', reason: 'plain text of a Form 3, 4 or 5' };
  return { kind: 'unknown', reason: 'text that is not a Form 3/4/5' };
}
