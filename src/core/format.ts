/** Display formatting shared by the CLI, the preview and messages. Works on decimal strings, never floats. */

/** "1234567.5" -> "1,234,567.5"; non-decimal input is returned unchanged. */
export function groupThousands(value: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!m) return value;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] ?? '');
}

/** "7402" -> "7,402"; null -> the placeholder. */
export function fmtAmount(value: string | null | undefined, placeholder = ''): string {
  return value == null ? placeholder : groupThousands(value);
}

/** "2.29" -> "$2.29"; null -> the placeholder. */
export function fmtPrice(value: string | null | undefined, placeholder = ''): string {
  return value == null ? placeholder : `$${groupThousands(value)}`;
}

/** Footnote ids as the form prints them: ["F1","F12"] -> "(1)(12)". */
export function fmtMarkers(ids: readonly string[]): string {
  return ids.map((id) => `(${id.replace(/^F/i, '')})`).join('');
}
