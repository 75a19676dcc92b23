/** Data for a webview page, written into its HTML (no vscode import: unit-tested in plain Node). */

/**
 * JSON that is safe as the text of a `<script type="application/json">` element: `<`, `>` and `&` (and the two
 * line separators) as \u escapes, so no `</script>` or `<!--` in the data can end or change the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value ?? null).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
