/**
 * Reading an element the scanner (`./scan`) built: its direct text as a span or decoded (entities resolved only
 * here, on demand), and its attributes by name.
 */
import { decodeEntities } from './entities';
import { isWs, type XmlAttr, type XmlElement } from './scan';

/** Span of an element's direct text (trimmed of XML white space), or null when it has none. */
export function textSpan(text: string, el: XmlElement): { start: number; end: number } | null {
  const runs = el.runs;
  if (!runs) return null;
  let s = -1;
  for (let i = 0; i < runs.length; i += 3) {
    let a = runs[i];
    const b = runs[i + 1];
    if (runs[i + 2] === 0) while (a < b && isWs(text.charCodeAt(a))) a++;
    if (a < b) {
      s = a;
      break;
    }
  }
  if (s === -1) return null;
  for (let i = runs.length - 3; i >= 0; i -= 3) {
    const a = runs[i];
    let b = runs[i + 1];
    if (runs[i + 2] === 0) while (b > a && isWs(text.charCodeAt(b - 1))) b--;
    if (b > a) return { start: s, end: b };
  }
  return null;
}

/**
 * The text of an element, entities decoded. `deep` includes the text of child elements (mixed content),
 * in document order, up to the offset `until` if given. `onUnknown` hears of references that are not decoded
 * (they stay literal).
 */
export function textOf(
  text: string,
  el: XmlElement,
  deep: boolean,
  onUnknown?: (offset: number, length: number) => void,
  until = Infinity,
): string {
  if (!deep || el.children.length === 0) {
    const runs = el.runs;
    if (!runs) return '';
    if (runs.length === 3)
      return runs[2] === 1 ? text.slice(runs[0], runs[1]) : decodeEntities(text, runs[0], runs[1], onUnknown);
    let out = '';
    for (let i = 0; i < runs.length; i += 3)
      out +=
        runs[i + 2] === 1 ? text.slice(runs[i], runs[i + 1]) : decodeEntities(text, runs[i], runs[i + 1], onUnknown);
    return out;
  }
  // Mixed content: merge this element's runs with its children's text by offset, iteratively.
  const pieces: { at: number; s: string }[] = [];
  const stack: XmlElement[] = [el];
  while (stack.length > 0) {
    const e = stack.pop() as XmlElement;
    const runs = e.runs;
    if (runs)
      for (let i = 0; i < runs.length && runs[i] < until; i += 3)
        pieces.push({
          at: runs[i],
          s:
            runs[i + 2] === 1
              ? text.slice(runs[i], runs[i + 1])
              : decodeEntities(text, runs[i], runs[i + 1], onUnknown),
        });
    for (const ch of e.children) stack.push(ch);
  }
  pieces.sort((a, b) => a.at - b.at);
  return pieces.map((p) => p.s).join('');
}

/** An attribute by (local) name. */
export function attr(el: XmlElement, name: string): XmlAttr | null {
  if (!el.attrs) return null;
  for (const a of el.attrs) {
    if (a.name === name) return a;
    const colon = a.name.indexOf(':');
    if (colon !== -1 && a.name.slice(colon + 1) === name) return a;
  }
  return null;
}
