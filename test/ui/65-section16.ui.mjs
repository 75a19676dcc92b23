// The Section 16 view as a user sees it, in Chromium: the hand-made Section 16 filings (test/fixtures/section16:
// short-swing examples, late filings, an amendment and its original) copied into the check's workspace, "Form 4:
// Show Section 16 Desk", the short-swing pair with its profit, the late-filing table per person, the amendment with
// its changes, Compare with Original in the diff editor, a click on a sale row opening the filing at that row, and the README screenshot
// media/screenshots/section16.png (UPDATE_SCREENSHOTS=1).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/section16/', import.meta.url));

/** The fixtures the check reads, in a folder of its own in the workspace. */
function copyFixtures(dir) {
  for (const sub of ['short-swing/lowest-in-highest-out', 'short-swing/partial', 'late-filings', 'amendments'])
    cpSync(join(FIXTURES, sub), join(dir, 'section16', sub), { recursive: true });
}

export const checks = [
  {
    name: 'Section 16 view: short-swing pairs, the late-filing table, an amendment, a click opening the row',
    timeout: 120000,
    workspace: copyFixtures,
    async run(wb) {
      await wb.runCommand('Form 4: Show Section 16 Desk');
      const pane = await wb.showView('Section 16');
      const row = (text) => pane.locator('.monaco-list-row', { hasText: text }).first();
      // The workspace's folder pane collapsed, the Section 16 view has the sidebar's height: a tree renders only the
      // rows in its viewport, so a row below a short view's fold would never appear.
      const folders = wb.page.locator('.pane-header', { hasText: 'examples' }).first();
      if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
      // Lowest-in, highest-out: the $10.00 purchase against the $22.00 sale, 100 x $12.00.
      const pair = row('100 sh: bought 2024-02-12 @ $10.00, sold 2024-03-11 @ $22.00');
      await pair.waitFor({ timeout: 60000 });
      const pairText = await pair.innerText();
      if (!pairText.includes('$1,200.00')) throw new Error(`pair row: ${pairText}`);
      await row('Late filings (Item 405)').waitFor({ timeout: 10000 });
      const quince = row('Quince Harold B');
      await row('Amendments').waitFor({ timeout: 5000 });
      // The sidebar widened so the labels read in full; the issuer's year of late filings opened.
      const side = await wb.page.locator('.part.sidebar').boundingBox();
      await wb.page.mouse.move(side.x + side.width - 1, side.y + side.height / 2);
      await wb.page.mouse.down();
      await wb.page.mouse.move(640, side.y + side.height / 2, { steps: 8 });
      await wb.page.mouse.up();
      await row('Larkspur Robotics, Inc. \u2014 FY 2024').click();
      await quince.waitFor({ timeout: 5000 });
      // Compare with Original on the amendment: VS Code's diff editor beside the view.
      await wb.openFile('section16/amendments/2024-03-22-mbeki-form4a.txt');
      await wb.runCommand('Form 4: Compare with Original');
      await wb.page.locator('.monaco-diff-editor').first().waitFor({ timeout: 20000 });
      await wb.page
        .locator('.monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert')
        .first()
        .waitFor({ timeout: 20000 });
      // No hover left over from opening the file in the picture.
      await wb.page.mouse.move(1000, 700);
      await wb.page.locator('.workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 5000 });
      await wb.screenshot('section16', { readme: true });
      // The pair's sale row opens its filing with the row selected.
      const sale = row('Sale: 2024-03-11-sale.xml Table I row 1');
      if (!(await sale.count())) await pair.click();
      await sale.waitFor({ timeout: 10000 });
      await sale.click();
      await wb.tab('2024-03-11-sale.xml').first().waitFor({ timeout: 15000 });
      await wb.page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 10000 });
    },
  },
];
