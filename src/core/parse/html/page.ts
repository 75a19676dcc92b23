/**
 * What the parts of the HTML reader share: the page's element tree, label matching that stays linear however the
 * page nests, and cells read into values with their footnote markers and exact spans.
 */
import { absent, emptyFiling, type Field, type Filing, type Finding, type FootnoteRef, type Span } from '../../model';
import { elements, insideTag, parseHtml, textNodes, type HtmlElement, type Piece } from '../form/htmltree';
import { collapse, emptyBox, footnoteIdFromMarker, makeField, normalizeDate, normalizeNumber } from '../form/normalize';

/** A cell's content split into its value text and its footnote markers. */
export interface CellValue {
  raw: string | null;
  span: Span | null;
  refs: FootnoteRef[];
  /** A "$" label preceded the value. */
  dollar: boolean;
  /** An empty span at the cell's content, for boxes with nothing in them. */
  place: Span;
}

/** Labels are short: an element's text is matched on its first characters only. */
const LABEL_CAP = 600;

/** The stylesheet's classes of the form's printed wording (labels, captions, titles), as opposed to values. */
export const LABEL_CLASS =
  /(^|\s)(FormText\w*|MedSmallFormText|SmallFormText\w*|FormTitle\d*|FormName|FormNumText|SectionTitle|FormEMText|FormULText|FormAttention)(\s|$)/;

/** Whether an element's class attribute matches. */
export function hasClass(el: HtmlElement, re: RegExp): boolean {
  const c = el.attrs['class'];
  return c != null && re.test(c);
}

/** The table an element sits in, or null. */
export function enclosingTable(el: HtmlElement): HtmlElement | null {
  let table = el.parent;
  while (table && table.name !== 'table') table = table.parent;
  return table;
}

/** Whether a node sits inside an element of a matching class (below `limit`). */
function classedAncestor(node: { parent: HtmlElement | null }, limit: HtmlElement, re: RegExp): boolean {
  let p = node.parent;
  while (p && p !== limit) {
    if (hasClass(p, re)) return true;
    p = p.parent;
  }
  return false;
}

/** The page being read: its element tree, the filing read from it so far, and the findings of the reading. */
export class HtmlPage {
  readonly filing: Filing;
  readonly findings: Finding[] = [];
  readonly root: HtmlElement;
  /** Each element's text, white space collapsed, cut at LABEL_CAP characters: for matching printed labels. */
  private labels: Map<HtmlElement, string> | null = null;

  constructor(
    readonly text: string,
    file: string,
  ) {
    this.filing = emptyFiling(file, 'html', text);
    this.root = parseHtml(text);
  }

  /**
   * The text of an element for label matching: computed for all elements in one bottom-up pass and cut at
   * LABEL_CAP characters (labels are short), so label searches stay linear however the page nests.
   */
  label(el: HtmlElement): string {
    if (!this.labels) {
      const map = new Map<HtmlElement, string>();
      const order: HtmlElement[] = [];
      const stack: HtmlElement[] = [this.root];
      while (stack.length) {
        const e = stack.pop()!;
        order.push(e);
        for (const c of e.children) if (c.kind === 'element') stack.push(c);
      }
      for (let k = order.length - 1; k >= 0; k--) {
        const e = order[k];
        let acc = '';
        for (const c of e.children) {
          if (acc.length > LABEL_CAP) break;
          acc += ' ' + (c.kind === 'text' ? c.text.slice(0, LABEL_CAP + 1) : (map.get(c) ?? ''));
        }
        map.set(e, collapse(acc).slice(0, LABEL_CAP + 1));
      }
      this.labels = map;
    }
    return this.labels.get(el) ?? '';
  }

  /** A finding of the reading. */
  finding(rule: string, severity: Finding['severity'], message: string, span: Span | null): void {
    this.findings.push({ rule, severity, message, span });
  }

  /** Markers in a footnote-marker text like "(1)", "(1)(2)", "1, 2", with spans. */
  markers(piece: Piece): FootnoteRef[] {
    const out: FootnoteRef[] = [];
    const t = piece.text;
    let k = 0;
    while (k < t.length) {
      if (t[k] >= '0' && t[k] <= '9') {
        let e = k;
        while (e < t.length && t[e] >= '0' && t[e] <= '9' && e - k < 4) e++;
        const s0 = k > 0 && t[k - 1] === '(' ? k - 1 : k;
        const e0 = e < t.length && t[e] === ')' ? e + 1 : e;
        const id = footnoteIdFromMarker(t.slice(k, e));
        if (id)
          out.push({
            id,
            span: {
              start: piece.map[s0],
              end: e0 < piece.map.length ? piece.map[e0] : piece.map[piece.map.length - 1],
            },
          });
        k = e;
      } else k++;
    }
    return out;
  }

  /** Read a cell (or any element): value text outside labels and markers, markers from `<sup>`/FootnoteData. */
  cell(el: HtmlElement, opts: { within?: HtmlElement | null } = {}): CellValue {
    const value: Piece[] = [];
    const refs: FootnoteRef[] = [];
    let dollar = false;
    const scope = opts.within ?? el;
    // Walk in document order, turning <br> into a space so lines do not glue together.
    const stack: (HtmlElement | Piece | 'br')[] = [];
    const push = (e: HtmlElement) => {
      for (let k = e.children.length - 1; k >= 0; k--) {
        const c = e.children[k];
        if (c.kind === 'text') stack.push({ text: c.text, map: c.map, node: c });
        else if (c.name === 'br') stack.push('br');
        else stack.push(c);
      }
    };
    push(el);
    while (stack.length) {
      const item = stack.pop()!;
      if (item === 'br') {
        if (value.length)
          value.push({
            text: ' ',
            map: [value[value.length - 1].map.at(-1)!, value[value.length - 1].map.at(-1)!],
            node: value[value.length - 1].node,
          });
        continue;
      }
      if ('kind' in item) {
        push(item);
        continue;
      }
      const node = item.node;
      if (
        insideTag(node, 'sup', scope.parent) ||
        classedAncestor(node, scope.parent ?? this.root, /(^|\s)FootnoteData(\s|$)/)
      ) {
        refs.push(...this.markers(item));
        continue;
      }
      if (classedAncestor(node, scope.parent ?? this.root, LABEL_CLASS)) {
        if (item.text.trim() === '$') dollar = true;
        continue;
      }
      if (item.text.trim() === '$' && value.every((p) => p.text.trim() === '')) {
        dollar = true;
        continue;
      }
      value.push(item);
    }
    const place = { start: el.openEnd, end: el.openEnd };
    const src = this.sourcePositions(value);
    let text = src.text;
    // Markers written as plain text after the value ("7,402(1)", "2.29 (2)(3)"): refs, not part of the value.
    const plain: FootnoteRef[] = [];
    for (let n = 0; n < 20; n++) {
      const from = Math.max(0, text.length - 16);
      const m = /\((\d{1,2})\)[\s\u00a0]*$/.exec(text.slice(from));
      if (!m || from + m.index === 0) break;
      const at = from + m.index;
      const end = at + m[1].length + 2;
      plain.unshift({ id: `F${Number(m[1])}`, span: { start: src.pos[at], end: src.pos[end - 1] + 1 } });
      text = text.slice(0, at);
    }
    refs.push(...plain);
    const raw = collapse(text);
    if (!raw.length) return { raw: null, span: null, refs, dollar, place };
    const first = text.search(/[^\s\u00a0]/);
    let last = text.length - 1;
    while (last > first && /[\s\u00a0]/.test(text[last])) last--;
    const span = { start: src.pos[first], end: src.pos[last] + 1 };
    return { raw, span, refs, dollar, place };
  }

  /** A text box's field (an empty box keeps its place and markers). */
  textField(cv: CellValue): Field {
    return cv.raw == null ? emptyBox(cv.place, cv.refs) : makeField(cv.raw, cv.raw, cv.span, cv.refs);
  }

  /** A date box's field; a value that is not a date is kept as written, with a finding. */
  dateField(cv: CellValue, what: string): Field {
    if (cv.raw == null) return emptyBox(cv.place, cv.refs);
    const v = normalizeDate(cv.raw);
    if (v == null)
      this.finding('value-unreadable', 'warning', `${what}: "${cv.raw}" is not a date (MM/DD/YYYY)`, cv.span);
    return makeField(cv.raw, v, cv.span, cv.refs);
  }

  /** An amount box's field; a value that is not a number is kept as written, with a finding. */
  numberField(cv: CellValue, what: string): Field {
    if (cv.raw == null) return emptyBox(cv.place, cv.refs);
    const v = normalizeNumber(cv.raw);
    if (v == null) this.finding('value-unreadable', 'warning', `${what}: "${cv.raw}" is not a number`, cv.span);
    return makeField(cv.raw, v, cv.span, cv.refs);
  }

  /** The cells whose label text (first words of the cell) matches `label`, in document order. */
  boxes(label: RegExp): HtmlElement[] {
    const out: HtmlElement[] = [];
    const seen = new Set<HtmlElement>();
    for (const el of elements(this.root, (e) => e.name === 'span' && hasClass(e, LABEL_CLASS))) {
      if (!label.test(this.label(el))) continue;
      let p: HtmlElement | null = el.parent;
      while (p && p.name !== 'td' && p.name !== 'th') p = p.parent;
      if (p && !seen.has(p)) {
        seen.add(p);
        out.push(p);
      }
    }
    return out;
  }

  /** Cells (td) whose whole text matches `re`. */
  labelCells(re: RegExp): HtmlElement[] {
    return elements(this.root, (e) => (e.name === 'td' || e.name === 'th') && re.test(this.label(e)));
  }

  /** The CIK in a link to EDGAR's company page ("...CIK=0001234567"), with the span of its digits. */
  hrefCik(a: HtmlElement): Field {
    const href = a.attrs['href'] ?? '';
    const m = /CIK=(\d{1,10})/i.exec(href);
    if (!m) return absent();
    // Locate the digits in the source of the start tag for an exact span.
    const tagSrc = this.text.slice(a.start, a.openEnd);
    const at = tagSrc.search(/CIK=\d/i);
    const span = at >= 0 ? { start: a.start + at + 4, end: a.start + at + 4 + m[1].length } : null;
    return makeField(m[1], m[1].padStart(10, '0'), span);
  }

  /** Span of `needle` within an element's source (first occurrence), or null. */
  findSpan(el: HtmlElement, needle: string): Span | null {
    for (const t of textNodes(el)) {
      const k = t.text.indexOf(needle);
      if (k >= 0) return { start: t.map[k], end: t.map[k + needle.length] ?? t.map[t.map.length - 1] };
    }
    return null;
  }

  /** The text of pieces joined, with the source offset of each character (and one past the last). */
  sourcePositions(pieces: Piece[]): { text: string; pos: number[]; firstNonSpace: number } {
    let text = '';
    const pos: number[] = [];
    for (const p of pieces) {
      text += p.text;
      for (let k = 0; k < p.text.length; k++) pos.push(p.map[k]);
    }
    pos.push(pieces.length ? pieces[pieces.length - 1].map.at(-1)! : 0);
    const firstNonSpace = text.search(/[^\s\u00a0]/);
    return { text, pos, firstNonSpace };
  }
}
