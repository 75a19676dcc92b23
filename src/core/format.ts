/** Display formatting shared by the CLI, the preview and messages. Works on decimal strings, never floats. */

/** "1234567.5" -> "1,234,567.5"; non-decimal input is returned unchanged. */
export function groupThousands(value: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!m) return value;
  return m[1] + groupDigits(m[2]) + (m[3] ?? '');
}

/**
 * "1234567" -> "1,234,567", for a string of digits. Linear: the usual /\B(?=(\d{3})+(?!\d))/ look-ahead rescans the
 * rest of the number at every digit, which a hostile 5 MB value turns into hours (fuzz fixture huge-decimal).
 */
export function groupDigits(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  const parts = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return parts.join(',');
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
