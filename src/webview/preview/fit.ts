/**
 * Tables or cards: a table of the form is shown as a table only when every column fits the editor's width with no
 * word or date broken (the table's CSS never breaks inside a word, so a table that does not fit is wider than its
 * box); otherwise each row becomes a card of labelled fields (class "stacked", media/preview.css). Decided per table
 * (Table II has more columns than Table I) after every render and when the editor is resized, never by a fixed
 * breakpoint: what fits depends on the filing's words and the editor's font.
 */

/** Lay out every table of the page as a table when it fits, else as cards. */
export function fitTables(): void {
  const tables = [...document.querySelectorAll<HTMLTableElement>('table.form-table')];
  // Measure all in table form first (one layout), then switch (one more).
  for (const t of tables) t.classList.remove('stacked');
  const wide = tables.filter((t) => {
    const box = t.parentElement;
    return box !== null && t.scrollWidth > box.clientWidth + 1;
  });
  for (const t of wide) t.classList.add('stacked');
}

let pending = 0;
let lastWidth = -1;

/** Re-fit the tables when the editor's width changes (once per frame at most). */
export function fitOnResize(): void {
  window.addEventListener('resize', () => {
    if (window.innerWidth === lastWidth || pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      lastWidth = window.innerWidth;
      fitTables();
    });
  });
}
