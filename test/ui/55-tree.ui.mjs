// The "Form 4" view in the Explorer as a user sees it: welcome text with no filing, the active filing's tree
// (owners, table rows with code, shares and price), and a click on a row that selects its element in the source.
import { scaled } from '../../scripts/vscode/workbench.mjs';
import { expect } from './expect.mjs';

export const checks = [
  {
    name: 'Form 4 view: welcome without a filing, the tree of the active filing, reveal on click',
    timeout: 90000,
    async run(wb) {
      const pane = await wb.showView('Form 4');
      // README.md is not a filing: the view shows its welcome content
      await wb.explorerItem('README.md').first().dblclick();
      await pane
        .locator('.welcome-view-content', { hasText: 'No ownership filing is active' })
        .waitFor({ timeout: scaled(15000) });

      await wb.explorerItem('alto-ingredients-form4.xml').first().dblclick();
      await wb
        .tab('alto-ingredients-form4.xml')
        .first()
        .waitFor({ timeout: scaled(15000) });
      const root = pane.locator('.monaco-list-row', { hasText: 'Form 4 \u2014 Alto Ingredients, Inc. (ALTO)' });
      await root.waitFor({ timeout: scaled(15000) });
      const row = pane.locator('.monaco-list-row', { hasText: '1. Common Stock' });
      await row.waitFor({ timeout: scaled(15000) });
      const text = await row.innerText();
      expect(text.includes('F  -7,402  @ $2.29'), `row description: ${text}`);
      await pane.locator('.monaco-list-row', { hasText: 'Benton Todd E' }).waitFor({ timeout: scaled(5000) });
      // a click reveals the row in the source: lines 41-75, <nonDerivativeTransaction> to its end tag, are selected (caret at the end)
      await row.click();
      await wb.page
        .locator('.statusbar-item', { hasText: /Ln 75, Col 36 \(\d+ selected\)/ })
        .first()
        .waitFor({ timeout: scaled(10000) });
      await wb.screenshot('tree');
    },
  },
  {
    name: "Form 4 view: a footnote's citing cells read as the form names them",
    timeout: 90000,
    async run(wb) {
      const pane = await wb.showView('Form 4');
      await wb.explorerItem('holdings-mismatch-form4.xml').first().dblclick();
      await wb
        .tab('holdings-mismatch-form4.xml')
        .first()
        .waitFor({ timeout: scaled(15000) });
      await pane
        .locator('.monaco-list-row', { hasText: 'Northwind Biosciences' })
        .first()
        .waitFor({ timeout: scaled(15000) });
      // the tree's rows are drawn only where they are in view: the Explorer's folder section gives the view its room
      const folders = wb.page.locator('.pane-header[aria-expanded="true"]', { hasText: /^examples/i }).first();
      if (await folders.count()) await folders.click();
      await pane.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Footnotes' }).first().click();
      // its twistie expands the footnote (a click on the row reveals it in the source)
      await pane
        .locator('.monaco-list-row[aria-level="3"]', { hasText: 'F1' })
        .first()
        .locator('.monaco-tl-twistie')
        .click();
      const cite = pane.locator('.monaco-list-row', { hasText: 'Table I row 2 \u00b7 Price' });
      await cite.waitFor({ timeout: scaled(15000) });
      const text = await cite.innerText();
      expect(!/\[\d+\]|\.transaction|nonDerivative/.test(text), `citation row: ${text}`);
      expect(/Common Stock/.test(text), `the row's security beside it: ${text}`);
    },
  },
];
