/** Offsets to 1-based line and column and back, over a text's line starts (LF, CRLF and lone CR end a line, as in VS Code). */
export class LineIndex {
  private readonly starts: Int32Array;
  /** Length of the text (the text itself is not kept, so an index can outlive it cheaply). */
  private readonly length: number;
  constructor(text: string) {
    this.length = text.length;
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case (LF only): let the engine's native search find the line ends.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = Int32Array.from(starts);
  }
  /** An index rebuilt from `lineStarts` and `textLength` of another (e.g. one sent from a worker thread). */
  static fromStarts(lineStarts: Int32Array, textLength: number): LineIndex {
    const idx = Object.create(LineIndex.prototype) as { starts: Int32Array; length: number };
    idx.starts = lineStarts;
    idx.length = textLength;
    return idx as unknown as LineIndex;
  }
  get lineStarts(): Int32Array {
    return this.starts;
  }
  get textLength(): number {
    return this.length;
  }
  /** 1-based line and column (column counts UTF-16 code units, like VS Code). */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }
  /** Offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    return Math.min(this.starts[l - 1] + Math.max(0, column - 1), this.length);
  }
  get lineCount(): number {
    return this.starts.length;
  }
}
