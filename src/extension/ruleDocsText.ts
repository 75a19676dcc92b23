/**
 * One rule's section of docs/RULES.md, as a Markdown document of its own: what the Problems panel's rule link shows.
 * Pure text work (no vscode), so it is tested without the editor. Links inside the section keep working: a link to
 * another rule goes to that rule's own document (`<id>.md` beside this one), any other anchor of the reference goes
 * to the whole reference (`RULES.md#anchor`).
 */

/** The whole reference as served by the rules documents. */
export const WHOLE_REFERENCE = 'RULES.md';

const ANCHOR_OPEN = '<a id="rule-';

/**
 * The section of `rule`: from its anchor to the next rule's anchor or the next chapter heading (`## `), whichever
 * comes first. Undefined when the reference has no section for it.
 */
export function ruleSection(reference: string, rule: string): string | undefined {
  const anchor = `${ANCHOR_OPEN}${rule}"></a>`;
  const at = reference.indexOf(anchor);
  if (at < 0) return undefined;
  const body = at + anchor.length;
  let end = reference.length;
  const nextRule = reference.indexOf(ANCHOR_OPEN, body);
  if (nextRule >= 0) end = nextRule;
  const nextChapter = reference.indexOf('\n## ', body);
  if (nextChapter >= 0 && nextChapter < end) end = nextChapter + 1;
  // the rule's heading heads its own page
  return relink(reference.slice(body, end).trim()).replace(/^### /, '# ') + '\n';
}

/** Markdown link targets `(#...)` of the reference, pointed at the documents that hold them. */
function relink(section: string): string {
  return section.replace(/\]\(#([\w-]+)\)/g, (_m, anchor: string) =>
    anchor.startsWith('rule-') ? `](${anchor.slice('rule-'.length)}.md)` : `](${WHOLE_REFERENCE}#${anchor})`,
  );
}

/** The rule id a rules document names (`/<id>.md`), or undefined for the whole reference or a malformed path. */
export function ruleOfPath(path: string): string | undefined {
  const m = /^\/([a-z0-9][a-z0-9-]*)\.md$/.exec(path);
  return m && m[1] !== 'RULES' ? m[1] : undefined;
}
