/**
 * A cleaned view of plain/OCR text of a form, with a map back to the text as given: OCR and converters wrap
 * values in LaTeX-like escapes (`\$2.29`, `$1.\ Amount\ represents ...$`, `$^{\star}$`) and simple tags
 * (`<u>/s/ Todd E. Benton</u>`). The cleaned text drops the markup and keeps every other character; for each
 * cleaned character `start[k]`/`end[k]` give its source range, so a span found in the cleaned text maps to the
 * exact source text. Tabs and line breaks are kept (they carry the form's columns and lines).
 *
 * LaTeX handling is per line and only on lines that show LaTeX (`\ `, `\$`, `^{`, `$^`): elsewhere a `$` is a
 * dollar sign. Linear; the only regular expression on the input is a sticky, bounded tag matcher.
 */
import { nameTable } from '../../lookup';

export interface CleanText {
  text: string;
  /** Source offset where cleaned character k starts. */
  start: Int32Array;
  /** Source offset where cleaned character k ends (exclusive). */
  end: Int32Array;
}

const SIMPLE_TAG = /<\/?(?:u|b|i|em|strong|sup|sub|span|br|p|div|font|ins|del|s|small|big|mark)\b[^<>\n]{0,200}>/iy;

/** LaTeX commands an OCR engine writes for symbols (`\\dagger`), looked up by the command's name. */
const LATEX_WORDS = nameTable({
  star: '*',
  ast: '*',
  times: '\u00d7',
  cdot: '\u00b7',
  bullet: '\u2022',
  S: '\u00a7',
  textasteriskcentered: '*',
  dagger: '\u2020',
  ddagger: '\u2021',
  quad: ' ',
  qquad: ' ',
  space: ' ',
  newline: ' ',
});

function looksLatex(line: string): boolean {
  return (
    line.includes('\\ ') ||
    line.includes('\\$') ||
    line.includes('^{') ||
    line.includes('$^') ||
    /\\(?:star|mathrm|text|textbf|textit)\b/.test(line)
  );
}

export function cleanFormText(src: string): CleanText {
  const out: string[] = [];
  // Every cleaned character comes from at least one source character, so the source length bounds the map.
  const start = new Int32Array(src.length + 1);
  const end = new Int32Array(src.length + 1);
  let k = 0;
  const emit = (c: string, s: number, e: number) => {
    out.push(c);
    start[k] = s;
    end[k] = e;
    k++;
  };
  const hasCR = src.includes('\r');
  let nextLt = -1;
  let lineStart = 0;
  while (lineStart <= src.length) {
    // A line ends at LF or at a lone CR (old Mac files); a CR before LF stays in the line.
    let nl: number;
    if (!hasCR) {
      nl = src.indexOf('\n', lineStart);
      if (nl < 0) nl = src.length;
    } else {
      nl = lineStart;
      while (nl < src.length && src[nl] !== '\n' && !(src[nl] === '\r' && src[nl + 1] !== '\n')) nl++;
    }
    const latex = looksLatex(src.slice(lineStart, nl));
    let i = lineStart;
    while (i < nl) {
      if (!latex) {
        // Outside LaTeX lines only tags are dropped: copy the run up to the next '<' in one piece.
        if (nextLt < i) {
          nextLt = src.indexOf('<', i);
          if (nextLt < 0) nextLt = src.length; // (searched once per '<', not once per line)
        }
        const j = Math.min(nextLt, nl);
        if (j > i) {
          out.push(src.slice(i, j));
          for (let p = i; p < j; p++, k++) {
            start[k] = p;
            end[k] = p + 1;
          }
          i = j;
          continue;
        }
      }
      const c = src[i];
      if (c === '<') {
        SIMPLE_TAG.lastIndex = i;
        const m = SIMPLE_TAG.exec(src);
        if (m && m.index === i && i + m[0].length <= nl) {
          i += m[0].length;
          continue;
        }
      }
      if (latex) {
        if (c === '\\') {
          const d = src[i + 1];
          if (d === undefined || i + 1 >= nl) {
            i++;
            continue;
          }
          if (/[A-Za-z]/.test(d)) {
            let j = i + 1;
            while (j < nl && j - i < 30 && /[A-Za-z]/.test(src[j])) j++;
            const word = src.slice(i + 1, j);
            const rep = LATEX_WORDS[word];
            if (rep) emit(rep, i, j);
            i = j;
            continue;
          }
          if (d === '{' || d === '}' || d === '\\') {
            i += 2;
            continue;
          }
          if (d === ' ' || d === '~') emit(' ', i, i + 2);
          else emit(d, i, i + 2);
          i += 2;
          continue;
        }
        if (c === '$' || c === '^' || c === '{' || c === '}') {
          i++;
          continue;
        }
        if (c === '~') {
          emit(' ', i, i + 1);
          i++;
          continue;
        }
      }
      emit(c, i, i + 1);
      i++;
    }
    if (nl < src.length) emit(src[nl], nl, nl + 1);
    lineStart = nl + 1;
  }
  return { text: out.join(''), start: start.subarray(0, k), end: end.subarray(0, k) };
}

/** The visible text of a source slice: cleaned, white space collapsed (for span checks and messages). */
export function visibleText(src: string): string {
  return cleanFormText(src)
    .text.replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
