// The "Form 4" view in the Explorer as a user sees it: welcome text with no filing, the active filing's tree
// (owners, table rows with code, shares and price), and a click on a row that selects its element in the source.
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
        .waitFor({ timeout: 15000 });

      await wb.explorerItem('alto-ingredients-form4.xml').first().dblclick();
      await wb.tab('alto-ingredients-form4.xml').first().waitFor({ timeout: 15000 });
      const root = pane.locator('.monaco-list-row', { hasText: 'Form 4 \u2014 Alto Ingredients, Inc. (ALTO)' });
      await root.waitFor({ timeout: 15000 });
      const row = pane.locator('.monaco-list-row', { hasText: '1. Common Stock' });
      await row.waitFor({ timeout: 15000 });
      const text = await row.innerText();
      expect(text.includes('F  -7,402  @ $2.29'), `row description: ${text}`);
      await pane.locator('.monaco-list-row', { hasText: 'Benton Todd E' }).waitFor({ timeout: 5000 });
      // a click reveals the row in the source: lines 41-75, <nonDerivativeTransaction> to its end tag, are selected (caret at the end)
      await row.click();
      await wb.page
        .locator('.statusbar-item', { hasText: /Ln 75, Col 36 \(\d+ selected\)/ })
        .first()
        .waitFor({ timeout: 10000 });
      await wb.screenshot('tree');
    },
  },
];
