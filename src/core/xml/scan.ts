/**
 * A small, position-aware XML scanner: one pass over the text with `indexOf`, no regular expressions
 * per character, no recursion (an explicit stack), every offset into the ORIGINAL text (so a caller
 * can scan a slice of a larger document and still get offsets into the whole).
 *
 * It builds a light element tree (name, tag and content offsets, attributes with value offsets,
 * children, raw text runs) and keeps going after a well-formedness problem: each problem is recorded
 * at the offset where the text breaks, and the tree keeps everything that could still be read.
 *
 * Safe by construction: a DOCTYPE is skipped and never read (no entity definitions, nothing external),
 * nesting deeper than `maxDepth` is skipped (not built), and the element count is bounded.
 * Entities are not decoded here: text runs are offsets; see `./entities` and `./element` (`textOf`).
 */
import { LineIndex } from '../positions';

export interface XmlAttr {
  name: string;
  /** Offset of the attribute name. */
  start: number;
  /** Offsets of the value between the quotes (raw, entities not decoded). */
  valueStart: number;
  valueEnd: number;
}

export interface XmlElement {
  name: string;
  /** Name without a namespace prefix. */
  local: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  startTagEnd: number;
  /** Content offsets (equal for an empty or self-closing element). */
  contentStart: number;
  contentEnd: number;
  /** Offset just after the end tag (or the start tag if self-closing). */
  end: number;
  attrs: XmlAttr[] | null;
  /** Child elements; a childless element shares one empty array (never changed: only the scanner adds children). */
  children: readonly XmlElement[];
  /** Text runs directly inside this element, flat triples [start, end, kind] (kind 0 = text, 1 = CDATA). */
  runs: number[] | null;
  parent: XmlElement | null;
  /** False when the element was never properly closed (a recovery closed it). */
  closed: boolean;
}

export interface XmlProblem {
  /** Where the text breaks, and how far the offending piece reaches. */
  start: number;
  end: number;
  message: string;
  kind: 'malformed' | 'depth' | 'size';
}

export interface XmlScan {
  /** Top-level elements (a well-formed document has exactly one). */
  roots: XmlElement[];
  problems: XmlProblem[];
  /** The DOCTYPE declaration, if any (skipped, never interpreted). */
  doctype: { start: number; end: number } | null;
  elementCount: number;
}

export interface ScanLimits {
  maxDepth: number;
  maxElements: number;
  /** Problems recorded at most (the rest is counted in the last message). */
  maxProblems: number;
}

/**
 * A complete Form 4 at the schema's limits (10 owners, 2 x 30 rows, 99 footnotes) has about 3,000 elements;
 * 50,000 leaves ample room and keeps hostile input from costing seconds and hundreds of megabytes.
 */
export const DEFAULT_LIMITS: ScanLimits = { maxDepth: 200, maxElements: 50_000, maxProblems: 50 };

/** XML white space (S in the XML specification): space, tab, CR, LF. */
export function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 128;
}

/** Name characters: everything that cannot end a name in a tag. */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 58 ||
    c === 45 ||
    c === 46 ||
    c >= 128
  );
}

/** Offset of the first `code` in [from, limit), or -1 (bounded, unlike indexOf). */
function findBefore(text: string, code: number, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** The one array every childless element holds: a Form 4 has about 240 elements, and half of them are leaves. */
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

/** Whether `text` holds exactly `name` at [start, end), without slicing it out. */
function holds(text: string, start: number, end: number, name: string): boolean {
  return end - start === name.length && text.startsWith(name, start);
}

function show(s: string, max = 40): string {
  const one = s
    .slice(0, max)
    .replace(/\r\n|\r|\n/g, '⏎')
    .replace(/\t/g, ' ');
  return s.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** Scan `text.slice(start, end)` as an XML document. Offsets in the result are offsets into `text`. */
export function scanXml(text: string, start = 0, end = text.length, limits: ScanLimits = DEFAULT_LIMITS): XmlScan {
  const roots: XmlElement[] = [];
  const problems: XmlProblem[] = [];
  let extraProblems = 0;
  let doctype: { start: number; end: number } | null = null;
  let cur: XmlElement | null = null;
  let depth = 0;
  /** >0 while inside a subtree deeper than maxDepth (counted, not built). */
  let skipDepth = 0;
  let depthReported = false;
  let count = 0;
  let sawRootEnd = false;
  let textOutsideReported = false;
  /** Set when the element limit stopped the scan (the open elements are then not "unclosed"). */
  let stopped = false;

  /** Record a problem; the message is only worded when it is kept. */
  const problem = (s: number, e: number, message: () => string, kind: XmlProblem['kind'] = 'malformed'): void => {
    // Limit problems are always kept; well-formedness problems up to maxProblems.
    if (problems.length < limits.maxProblems || kind !== 'malformed')
      problems.push({ start: s, end: Math.max(s, e), message: message(), kind });
    else extraProblems++;
  };
  // Built on the first problem only: a well-formed document never pays for it.
  let lines: LineIndex | null = null;
  const lineOf = (o: number): number => (lines ??= new LineIndex(text)).position(o).line;

  const addRun = (s: number, e: number, kind: number): void => {
    if (skipDepth > 0) return;
    if (cur) {
      if (cur.runs) cur.runs.push(s, e, kind);
      else cur.runs = [s, e, kind];
      return;
    }
    // Outside the root: only white space may stand here.
    if (kind === 0) {
      let i = s;
      while (i < e && isWs(text.charCodeAt(i))) i++;
      if (i === e) return;
      s = i;
    }
    if (!textOutsideReported) {
      textOutsideReported = true;
      let j = s;
      while (j < e && j - s < 60 && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      const where = sawRootEnd ? 'after the end of the root element' : 'before the root element';
      problem(s, j, () => `Text "${show(text.slice(s, j))}" ${where} (line ${lineOf(s)})`);
    }
  };

  /** Close `el` (the top of the stack) with its end tag at [tagStart, tagEnd). */
  const close = (el: XmlElement, tagStart: number, tagEnd: number, ok: boolean): void => {
    el.contentEnd = tagStart;
    el.end = tagEnd;
    el.closed = ok;
    cur = el.parent;
    depth--;
    if (!cur) sawRootEnd = true;
  };

  /**
   * Where an unclosed element really broke: `<x>text<x>` where `</x>` was meant, or `<footnote id="F1">…` left
   * open before `<footnote id="F2">`. An element in the open chain (from `open` up to, not including, `stop`)
   * that holds a child of its own name was not closed before that child; the outermost such child is the
   * first break in the text. Only looked for while problems are still recorded (it walks children).
   */
  const sameNameBreak = (
    open: XmlElement,
    stop: XmlElement | null,
  ): { outer: XmlElement; inner: XmlElement } | null => {
    if (problems.length >= limits.maxProblems) return null;
    let found: { outer: XmlElement; inner: XmlElement } | null = null;
    for (let el: XmlElement | null = open; el && el !== stop; el = el.parent) {
      const outer: XmlElement = el;
      const inner = outer.children.find((c) => c.name === outer.name);
      if (inner) found = { outer, inner };
    }
    return found;
  };
  const sameNameMessage = (b: { outer: XmlElement; inner: XmlElement }): string =>
    `<${b.outer.name}> (opened on line ${lineOf(b.outer.start)}) is not closed before the next <${b.inner.name}> on line ${lineOf(b.inner.start)}: its closing tag </${b.outer.name}> (or the "/" in it) seems missing`;

  // The next '<' at or after an offset (or `end`), remembered: recovery and attribute checks ask for it
  // repeatedly inside one long tag, and scanning ahead each time would be quadratic.
  let ltFrom = Infinity;
  let ltAt = end;
  const nextLt = (from: number): number => {
    if (from >= ltFrom && ltAt >= from) return ltAt;
    ltFrom = from;
    const i = text.indexOf('<', from);
    ltAt = i === -1 || i >= end ? end : i;
    return ltAt;
  };

  let pos = start;
  if (text.charCodeAt(pos) === 0xfeff && pos < end) pos++; // a byte-order mark the caller left in place
  scan: while (pos < end) {
    let lt = text.indexOf('<', pos);
    if (lt === -1 || lt >= end) lt = end;
    if (lt > pos) addRun(pos, lt, 0);
    if (lt >= end) break;
    const c = text.charCodeAt(lt + 1);

    if (c === 47 /* / */ && !isNameStart(text.charCodeAt(lt + 2))) {
      // "</" with no name after it: not a tag; keep it as text, like a stray "<".
      if (skipDepth === 0)
        problem(
          lt,
          lt + 2,
          () =>
            `A "</" that does not start a closing tag: "${show(text.slice(lt, Math.min(end, lt + 12)))}" (line ${lineOf(lt)})`,
        );
      addRun(lt, lt + 1, 0);
      pos = lt + 1;
      continue;
    }

    if (c === 47 /* / */) {
      // End tag.
      let p = lt + 2;
      while (p < end && isNameChar(text.charCodeAt(p))) p++;
      // The open element's own name, most often: taken from it instead of sliced from the text.
      const name = cur && holds(text, lt + 2, p, cur.name) ? cur.name : text.slice(lt + 2, p);
      let q = p;
      while (q < end && isWs(text.charCodeAt(q))) q++;
      let tagEnd: number;
      let broken = false;
      if (q < end && text.charCodeAt(q) === 62 /* > */) tagEnd = q + 1;
      else {
        broken = true;
        const gt = findBefore(text, 62, q, nextLt(q));
        tagEnd = gt === -1 ? q : gt + 1;
      }
      pos = tagEnd;
      if (skipDepth > 0) {
        skipDepth--;
        continue;
      }
      const open: XmlElement | null = cur;
      if (broken) {
        const inner = text.slice(lt, tagEnd);
        const rest = text.slice(q, Math.max(q, tagEnd - 1));
        let msg: string;
        if (open && name.length > 0 && /^[A-Za-z0-9_.:-]+$/.test(rest) && name + rest === open.name && q > p) {
          msg = `Closing tag </${open.name}> is split by ${/[\r\n]/.test(text.slice(p, q)) ? 'a line break' : 'white space'} after "</${name}" (line ${lineOf(lt)})`;
        } else if (tagEnd === q) {
          msg = `Closing tag </${name} is not finished with ">" (line ${lineOf(lt)})`;
        } else {
          msg = `Closing tag "${show(inner)}" has extra text after the name (line ${lineOf(lt)})`;
        }
        problem(lt, tagEnd, () => msg);
      }
      if (!open) {
        if (!broken) problem(lt, tagEnd, () => `Closing tag </${name}> with no element open (line ${lineOf(lt)})`);
        continue;
      }
      if (open.name === name) {
        close(open, lt, tagEnd, !broken);
        continue;
      }
      // Does it close an ancestor? Then the elements in between were left open.
      let anc: XmlElement | null = open.parent;
      while (anc && anc.name !== name) anc = anc.parent;
      if (anc && name.length > 0) {
        const brk = sameNameBreak(open, anc);
        if (brk) problem(brk.inner.start, brk.inner.startTagEnd, () => sameNameMessage(brk));
        else if (!broken)
          problem(
            lt,
            tagEnd,
            () =>
              `Closing tag </${name}> does not match the open <${open.name}> (line ${lineOf(lt)}; <${open.name}> opened on line ${lineOf(open.start)})`,
          );
        let el: XmlElement | null = open;
        while (el && el !== anc) {
          close(el, lt, lt, false);
          el = cur;
        }
        close(anc, lt, tagEnd, !broken);
        continue;
      }
      // A truncated or misspelled name: it most likely closes the open element.
      if (!broken)
        problem(
          lt,
          tagEnd,
          () =>
            `Closing tag </${name}> does not match the open <${open.name}> (line ${lineOf(lt)}; <${open.name}> opened on line ${lineOf(open.start)})`,
        );
      if (name.length > 0 && (open.name.startsWith(name) || name.startsWith(open.name) || broken))
        close(open, lt, tagEnd, false);
      continue;
    }

    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const e = text.indexOf('-->', lt + 4);
        if (e === -1 || e + 3 > end) {
          problem(lt, lt + 4, () => `Comment "<!--" is never closed with "-->" (line ${lineOf(lt)})`);
          pos = end;
          break;
        }
        pos = e + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const e = text.indexOf(']]>', lt + 9);
        if (e === -1 || e + 3 > end) {
          problem(lt, lt + 9, () => `CDATA section is never closed with "]]>" (line ${lineOf(lt)})`);
          addRun(lt + 9, end, 1);
          pos = end;
          break;
        }
        addRun(lt + 9, e, 1);
        pos = e + 3;
        continue;
      }
      if (text.startsWith('<!DOCTYPE', lt)) {
        // Skip it whole: quoted strings and the internal subset may contain '>' and are never interpreted.
        let p = lt + 9;
        let bracket = 0;
        let done = -1;
        while (p < end) {
          const ch = text.charCodeAt(p);
          if (ch === 34 || ch === 39) {
            const qe = text.indexOf(ch === 34 ? '"' : "'", p + 1);
            if (qe === -1 || qe >= end) break;
            p = qe + 1;
            continue;
          }
          if (ch === 60 && text.startsWith('<!--', p)) {
            const ce = text.indexOf('-->', p + 4);
            if (ce === -1 || ce >= end) break;
            p = ce + 3;
            continue;
          }
          if (ch === 91) bracket++;
          else if (ch === 93) bracket = Math.max(0, bracket - 1);
          else if (ch === 62 && bracket === 0) {
            done = p + 1;
            break;
          }
          p++;
        }
        if (done === -1) {
          problem(lt, lt + 9, () => `DOCTYPE declaration is never closed (line ${lineOf(lt)})`);
          pos = end;
          break;
        }
        if (cur || roots.length > 0)
          problem(lt, done, () => `A DOCTYPE declaration is only allowed before the root element (line ${lineOf(lt)})`);
        if (!doctype) doctype = { start: lt, end: done };
        pos = done;
        continue;
      }
      const limit = nextLt(lt + 1);
      const gt = findBefore(text, 62, lt, limit);
      problem(
        lt,
        gt === -1 ? lt + 2 : gt + 1,
        () => `Unknown markup "${show(text.slice(lt, Math.min(end, lt + 20)))}" (line ${lineOf(lt)})`,
      );
      if (gt === -1) addRun(lt, limit, 0); // not markup after all: keep it as text
      pos = gt === -1 ? limit : gt + 1;
      continue;
    }

    if (c === 63 /* ? */) {
      const e = text.indexOf('?>', lt + 2);
      if (e === -1 || e + 2 > end) {
        problem(lt, lt + 2, () => `Processing instruction "<?" is never closed with "?>" (line ${lineOf(lt)})`);
        pos = end;
        break;
      }
      pos = e + 2;
      continue;
    }

    if (!isNameStart(c)) {
      problem(
        lt,
        lt + 1,
        () =>
          `A "<" that does not start a tag: "${show(text.slice(lt, Math.min(end, lt + 12)))}" (line ${lineOf(lt)}); write &lt; for a literal "<"`,
      );
      addRun(lt, lt + 1, 0);
      pos = lt + 1;
      continue;
    }

    // Start tag.
    let p = lt + 1;
    while (p < end && isNameChar(text.charCodeAt(p))) p++;
    const name = text.slice(lt + 1, p);
    let attrs: XmlAttr[] | null = null;
    let selfClose = false;
    let tagEnd = -1;
    let tagProblem = false;
    for (;;) {
      while (p < end && isWs(text.charCodeAt(p))) p++;
      if (p >= end) {
        problem(lt, end, () => `Start tag <${name}> is not finished with ">" (line ${lineOf(lt)})`);
        tagEnd = end;
        tagProblem = true;
        break;
      }
      const ch = text.charCodeAt(p);
      if (ch === 62 /* > */) {
        tagEnd = p + 1;
        break;
      }
      if (ch === 47 /* / */ && text.charCodeAt(p + 1) === 62) {
        selfClose = true;
        tagEnd = p + 2;
        break;
      }
      if (isNameStart(ch)) {
        const an = p;
        while (p < end && isNameChar(text.charCodeAt(p))) p++;
        const aname = text.slice(an, p);
        while (p < end && isWs(text.charCodeAt(p))) p++;
        if (text.charCodeAt(p) === 61 /* = */) {
          p++;
          while (p < end && isWs(text.charCodeAt(p))) p++;
          const qc = text.charCodeAt(p);
          if (qc === 34 || qc === 39) {
            // A value cannot hold '<': the closing quote must come before the next '<'.
            const qe = findBefore(text, qc, p + 1, nextLt(p + 1));
            if (qe === -1) {
              problem(
                an,
                p + 1,
                () =>
                  `Attribute ${aname} of <${name}> has a value whose quote is not closed before the next "<" (line ${lineOf(an)})`,
              );
              tagProblem = true;
            } else {
              if (attrs && attrs.length <= 32 && attrs.some((a) => a.name === aname))
                problem(an, qe + 1, () => `Attribute ${aname} appears twice in <${name}> (line ${lineOf(an)})`);
              (attrs ??= []).push({ name: aname, start: an, valueStart: p + 1, valueEnd: qe });
              p = qe + 1;
              const nc = text.charCodeAt(p);
              if (p < end && !isWs(nc) && nc !== 62 && nc !== 47) {
                problem(p, p + 1, () => `Attributes of <${name}> need white space between them (line ${lineOf(p)})`);
                tagProblem = true;
              }
              if (!tagProblem) continue;
            }
          } else {
            // Unquoted value: keep it (HTML habit) but report it.
            const vs = p;
            while (p < end && !isWs(text.charCodeAt(p)) && text.charCodeAt(p) !== 62 && text.charCodeAt(p) !== 60) p++;
            problem(an, p, () => `Attribute ${aname} of <${name}> has no quotes around its value (line ${lineOf(an)})`);
            if (p > vs && text.charCodeAt(p - 1) === 47 && text.charCodeAt(p) === 62) p--;
            (attrs ??= []).push({ name: aname, start: an, valueStart: vs, valueEnd: p });
            continue;
          }
        } else {
          problem(an, p, () => `Attribute ${aname} of <${name}> has no value (line ${lineOf(an)})`);
          tagProblem = true;
        }
      } else {
        problem(p, p + 1, () => `Unexpected "${show(text.charAt(p))}" in start tag <${name}> (line ${lineOf(p)})`);
        tagProblem = true;
      }
      if (tagProblem) {
        // Recover: the tag ends at the next '>' unless a '<' comes first.
        const limit = nextLt(p);
        const gt = findBefore(text, 62, p, limit);
        if (gt === -1) tagEnd = limit;
        else {
          tagEnd = gt + 1;
          selfClose = text.charCodeAt(gt - 1) === 47;
        }
        break;
      }
    }
    pos = tagEnd;

    if (skipDepth > 0) {
      if (!selfClose) skipDepth++;
      continue;
    }
    if (depth >= limits.maxDepth) {
      if (!depthReported) {
        depthReported = true;
        problem(
          lt,
          tagEnd,
          () =>
            `Elements nested deeper than ${limits.maxDepth} levels at <${name}> (line ${lineOf(lt)}); that part is not read`,
          'depth',
        );
      }
      if (!selfClose) skipDepth = 1;
      continue;
    }
    if (++count > limits.maxElements) {
      problem(
        lt,
        tagEnd,
        () => `More than ${limits.maxElements} elements (line ${lineOf(lt)}); the rest is not read`,
        'size',
      );
      count--;
      stopped = true;
      pos = lt;
      break scan;
    }
    if (!cur && roots.length > 0)
      problem(
        lt,
        tagEnd,
        () => `A second top-level element <${name}> after the root <${roots[0].name}> (line ${lineOf(lt)})`,
      );
    const colon = name.indexOf(':');
    const el: XmlElement = {
      name,
      local: colon === -1 ? name : name.slice(colon + 1),
      start: lt,
      startTagEnd: tagEnd,
      contentStart: tagEnd,
      contentEnd: tagEnd,
      end: tagEnd,
      attrs,
      children: NO_CHILDREN,
      runs: null,
      parent: cur,
      closed: true,
    };
    if (cur) {
      const parent: XmlElement = cur;
      if (parent.children === NO_CHILDREN) parent.children = [el];
      else (parent.children as XmlElement[]).push(el);
    } else roots.push(el);
    if (!selfClose) {
      cur = el;
      depth++;
    }
  }

  // Elements left open at the end.
  if (cur && stopped) {
    for (let el: XmlElement | null = cur; el; el = el.parent) {
      el.contentEnd = pos;
      el.end = pos;
      el.closed = false;
    }
  } else if (cur) {
    const open: XmlElement = cur;
    const brk = sameNameBreak(open, null);
    if (brk) problem(brk.inner.start, brk.inner.startTagEnd, () => sameNameMessage(brk));
    else
      problem(
        end,
        end,
        () =>
          `The document ends before <${open.name}> (opened on line ${lineOf(open.start)}) is closed` +
          (open.parent ? `; ${depth - 1} enclosing element${depth - 1 === 1 ? ' is' : 's are'} not closed either` : ''),
      );
    let el: XmlElement | null = open;
    while (el) {
      el.contentEnd = end;
      el.end = end;
      el.closed = false;
      el = el.parent;
    }
  }
  if (extraProblems > 0 && problems.length > 0) {
    const last = problems[problems.length - 1];
    last.message += ` (and ${extraProblems} more problem${extraProblems === 1 ? '' : 's'} after this)`;
  }
  return { roots, problems, doctype, elementCount: count };
}
