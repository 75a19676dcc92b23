/** Filing text made safe for where a report puts it: a Markdown table cell or HTML. */

/** Text for a Markdown table cell: no markup starts, no cell ends, one line. */
export function mdCell(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|#~]/g, '\\$&')
    .replace(/&/g, '&amp;');
}

export function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
