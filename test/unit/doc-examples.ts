/**
 * The examples of docs/RULES.md, read back so a test can run them. Every example is a change to the document's base
 * filing, written as the elements that differ (and, for a full submission, the header lines that differ):
 *
 * - an element of an example replaces the first element of the same name in the base filing, a second element of
 *   that name the second one, and so on; elements beyond the base's count are inserted after the last one; an
 *   element with an `id` attribute (a footnote) counts only the base's elements with the same id;
 * - a top-level element the base filing lacks is inserted where the schema puts it; a `<!DOCTYPE>` goes before the
 *   root element;
 * - a header line (`KEY: value`, or `<TAG>value`) replaces the base header's first line with the same key, and makes
 *   the example a full submission (the header, then the filing as its one document).
 *
 * Fenced blocks carry the roles in their info string: `xml base-filing`, `text base-header`, `xml rule=ID`,
 * `text rule=ID`, and `text finding` (the findings the example gives: `severity rule-id: message`, one a line).
 */

export interface ExpectedFinding {
  severity: string;
  rule: string;
  message: string;
}

export interface DocExample {
  rule: string;
  /** Elements that replace or extend the base filing's, or null. */
  xml: string | null;
  /** Header lines that replace the base header's, or null (then the example is a plain XML filing). */
  header: string | null;
  findings: ExpectedFinding[];
  /** 1-based line of the example's first block in the document. */
  line: number;
}

export interface DocExamples {
  baseXml: string;
  baseHeader: string;
  examples: DocExample[];
}

interface Fence {
  info: string[];
  body: string;
  line: number;
}

/** Fenced code blocks of a Markdown text, with their info words. */
export function fences(md: string): Fence[] {
  const lines = md.split('\n');
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].trimStart().startsWith(open[2]); j++) body.push(lines[j]);
    out.push({ info: open[3].trim().split(/\s+/).filter(Boolean), body: body.join('\n'), line: i + 1 });
    i = j;
  }
  return out;
}

export function readExamples(md: string): DocExamples {
  let baseXml: string | null = null;
  let baseHeader: string | null = null;
  const examples: DocExample[] = [];
  let pending: DocExample | null = null;
  for (const f of fences(md)) {
    const ruleWord = f.info.find((w) => w.startsWith('rule='));
    if (f.info.includes('base-filing')) baseXml = f.body;
    else if (f.info.includes('base-header')) baseHeader = f.body;
    else if (ruleWord) {
      const rule = ruleWord.slice('rule='.length);
      if (pending && pending.rule !== rule)
        throw new Error(`line ${f.line}: an example of ${rule} starts before the example of ${pending.rule} ended`);
      pending ??= { rule, xml: null, header: null, findings: [], line: f.line };
      if (f.info[0] === 'xml') pending.xml = f.body;
      else if (f.info[0] === 'text') pending.header = f.body;
      else throw new Error(`line ${f.line}: an example block is xml (elements) or text (header lines)`);
    } else if (f.info.includes('finding')) {
      if (!pending) throw new Error(`line ${f.line}: findings without an example before them`);
      for (const l of f.body.split('\n').filter((x) => x.trim())) {
        const m = /^(error|warning|info) ([a-z0-9-]+): (.+)$/.exec(l);
        if (!m) throw new Error(`line ${f.line}: not "severity rule: message": ${l}`);
        pending.findings.push({ severity: m[1], rule: m[2], message: m[3] });
      }
      examples.push(pending);
      pending = null;
    }
  }
  if (pending) throw new Error(`the example of ${pending.rule} (line ${pending.line}) has no findings block`);
  if (baseXml === null || baseHeader === null) throw new Error('no `xml base-filing` or `text base-header` block');
  return { baseXml, baseHeader, examples };
}

/** The ownership document's top-level elements in schema order (where a missing one is inserted). */
const TOP_LEVEL = [
  'schemaVersion',
  'documentType',
  'periodOfReport',
  'dateOfOriginalSubmission',
  'noSecuritiesOwned',
  'notSubjectToSection16',
  'form3HoldingsReported',
  'form4TransactionsReported',
  'issuer',
  'reportingOwner',
  'aff10b5One',
  'nonDerivativeTable',
  'derivativeTable',
  'footnotes',
  'remarks',
  'ownerSignature',
];

interface Extent {
  name: string;
  start: number;
  end: number;
}

/** The element that starts at `start` (`<name ...>`), to its matching end tag. */
function elementAt(text: string, start: number): Extent {
  const head = /^<([A-Za-z_][\w.-]*)[^>]*?(\/?)>/.exec(text.slice(start));
  if (!head) throw new Error(`no element at ${JSON.stringify(text.slice(start, start + 40))}`);
  const name = head[1];
  if (head[2]) return { name, start, end: start + head[0].length };
  const tag = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*?(/?)>`, 'g');
  tag.lastIndex = start + head[0].length;
  let depth = 1;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth === 0) return { name, start, end: m.index + m[0].length };
  }
  throw new Error(`<${name}> is not closed`);
}

/** The top-level elements of an example, in order (comments skipped; a DOCTYPE has the name "!DOCTYPE"). */
function topElements(fragment: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  let i = 0;
  while (i < fragment.length) {
    if (/\s/.test(fragment[i])) i++;
    else if (fragment.startsWith('<!--', i)) i = fragment.indexOf('-->', i) + 3;
    else if (fragment.startsWith('<!DOCTYPE', i)) {
      // An internal subset ([ ... ]) holds '>' of its own declarations.
      const gt = fragment.indexOf('>', i);
      const bracket = fragment.indexOf('[', i);
      const end = (bracket >= 0 && bracket < gt ? fragment.indexOf('>', fragment.indexOf(']', bracket)) : gt) + 1;
      out.push({ name: '!DOCTYPE', text: fragment.slice(i, end) });
      i = end;
    } else {
      const e = elementAt(fragment, i);
      out.push({ name: e.name, text: fragment.slice(e.start, e.end) });
      i = e.end;
    }
  }
  return out;
}

function occurrences(text: string, name: string): Extent[] {
  const out: Extent[] = [];
  const open = new RegExp(`<${name}(?=[\\s>/])`, 'g');
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const e = elementAt(text, m.index);
    out.push(e);
    open.lastIndex = e.end;
  }
  return out;
}

/** The id attribute of an element's start tag, or null. */
function idOf(element: string): string | null {
  return /^<[^>]*?\sid="([^"]*)"/.exec(element)?.[1] ?? null;
}

/** The base filing with an example's elements put in (see the file comment). */
export function composeXml(base: string, fragment: string | null): string {
  if (fragment === null) return base;
  let text = base;
  const seen = new Map<string, number>();
  for (const el of topElements(fragment)) {
    if (el.name === '!DOCTYPE') {
      const root = text.indexOf('<ownershipDocument');
      text = `${text.slice(0, root)}${el.text}\n${text.slice(root)}`;
      continue;
    }
    const id = idOf(el.text);
    const key = id === null ? el.name : `${el.name}#${id}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const all = occurrences(text, el.name);
    const occ = id === null ? all : all.filter((e) => idOf(text.slice(e.start, e.end)) === id);
    if (k < occ.length) text = text.slice(0, occ[k].start) + el.text + text.slice(occ[k].end);
    else if (all.length) {
      const after = all[all.length - 1].end;
      text = `${text.slice(0, after)}\n${el.text}${text.slice(after)}`;
    } else {
      const at = TOP_LEVEL.indexOf(el.name);
      if (at < 0) throw new Error(`<${el.name}> is not in the base filing: give its enclosing element instead`);
      const next = TOP_LEVEL.slice(at + 1)
        .map((n) => occurrences(text, n)[0])
        .find((e) => e !== undefined);
      const where = next ? next.start : text.lastIndexOf('</ownershipDocument>');
      text = `${text.slice(0, where)}${el.text}\n${text.slice(where)}`;
    }
  }
  return text;
}

function headerKey(line: string): string {
  const t = line.trim();
  const tag = /^<([^>]+)>/.exec(t);
  if (tag) return `<${tag[1]}>`;
  return t.slice(0, t.indexOf(':')).trim();
}

/** A full submission: the base header with the example's lines in place, then the filing as its only document. */
export function composeSubmission(baseHeader: string, lines: string, xml: string): string {
  const header = baseHeader.split('\n');
  for (const l of lines.split('\n').filter((x) => x.trim())) {
    const key = headerKey(l);
    const i = header.findIndex((h) => h.trim() && headerKey(h) === key);
    if (i < 0) throw new Error(`the base header has no line ${key}`);
    header[i] = l;
  }
  const type = /<documentType>([^<]*)<\/documentType>/.exec(xml)?.[1].trim() ?? '4';
  return [
    ...header,
    '<DOCUMENT>',
    `<TYPE>${type}`,
    '<SEQUENCE>1',
    '<FILENAME>form4.xml',
    `<DESCRIPTION>FORM ${type}`,
    '<TEXT>',
    '<XML>',
    xml,
    '</XML>',
    '</TEXT>',
    '</DOCUMENT>',
    '</SEC-DOCUMENT>',
    '',
  ].join('\n');
}
