// The Form 4 preview as a user sees it, in Chromium: the form layout with derived values, finding marks,
// footnote links, filing text that holds markup shown as text (never run), the strict CSP, the narrow layout,
// Reveal in Source from a click, and README screenshots of the preview in the light and the dark theme.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Opens a workspace file from the Explorer (a click on its row: no race with Quick Open's history list). */
async function open(wb, file) {
  await wb.closeQuickInput();
  const row = wb.explorerItem(file).first();
  await row.waitFor({ timeout: 20000 });
  await row.dblclick();
  await wb.tab(file).first().waitFor({ timeout: 15000 });
}

/** Opens a workspace file and its Form 4 preview beside it; returns the preview's frame. */
async function openPreview(wb, file, hasText) {
  await wb.closeAllEditors();
  await open(wb, file);
  await wb.runCommand('Form 4: Open Preview');
  return wb.frameWith('#root .form-title', { hasText, timeout: 30000 });
}

function expect(cond, message) {
  if (!cond) {
    throw new Error(message);
  }
}

export const checks = [
  {
    name: 'preview lays out the form with derived values and footnote links',
    timeout: 90000,
    async run(wb) {
      const f = await openPreview(wb, 'alto-ingredients-form4.xml', 'FORM');
      await f.locator('.issuer-name', { hasText: 'Alto Ingredients, Inc.' }).waitFor({ timeout: 10000 });
      const title = await f.locator('.form-title').innerText();
      expect(/FORM\s*4/.test(title), `form title: ${title}`);
      const shares = f.locator('[data-path="nonDerivative[0].transactionShares"]');
      expect((await shares.locator('.v').innerText()) === '7,402', 'shares shown grouped');
      expect((await shares.locator('.fn-ref a').innerText()) === '(1)', 'footnote marker on the amount');
      // value of the transaction, exact: 7,402 x 2.29
      const price = f.locator('[data-path="nonDerivative[0].transactionPricePerShare"]');
      expect(
        (await price.locator('.secondary').innerText()) === '= $16,950.58',
        `derived value: ${await price.innerText()}`,
      );
      const net = await f.locator('.table-nonDerivative .net-changes').innerText();
      expect(net.includes('-7,402'), `net change: ${net}`);
      expect((await f.locator('.findings-none').count()) === 1, 'a clean filing says so');
      // footnote marker -> footnote, and back
      await shares.locator('.fn-ref a').click();
      await f.locator('.footnote.flash').waitFor({ timeout: 5000 });
      await f.locator('.footnote .backref').first().click();
      await f.locator('[data-path="nonDerivative[0].transactionShares"].flash').waitFor({ timeout: 5000 });
      // the CSP the page runs under
      const csp = await f.evaluate(
        () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      );
      expect(
        /default-src 'none'/.test(csp) &&
          /script-src 'nonce-[^']+'/.test(csp) &&
          !/unsafe-inline|unsafe-eval/.test(csp),
        `CSP: ${csp}`,
      );
    },
  },
  {
    name: 'preview marks values with findings',
    timeout: 60000,
    async run(wb) {
      const f = await openPreview(wb, 'holdings-mismatch-form4.xml', 'FORM');
      const cell = f.locator('[data-path="nonDerivative[2].sharesOwnedFollowingTransaction"]');
      await cell.waitFor({ timeout: 10000 });
      const cls = await cell.getAttribute('class');
      expect(/finding-error/.test(cls ?? ''), `class of the mismatching value: ${cls}`);
      const tip = await cell.getAttribute('title');
      expect(/holdings-reconcile/.test(tip ?? '') && /48,000/.test(tip ?? ''), `tooltip: ${tip}`);
      const list = await f.locator('.findings-list').innerText();
      expect(/holdings-reconcile/.test(list), `findings list: ${list}`);
      // clicking the finding scrolls to (and flashes) the value
      await f.locator('.finding-message.link').first().click();
      await f
        .locator('[data-path="nonDerivative[2].sharesOwnedFollowingTransaction"].flash')
        .waitFor({ timeout: 5000 });
    },
  },
  {
    name: 'the preview follows the caret of the text editor beside it',
    timeout: 60000,
    async run(wb) {
      const f = await openPreview(wb, 'holdings-mismatch-form4.xml', 'FORM');
      const text = wb.page.locator('.editor-group-container').nth(0);
      await text.locator('.view-lines').first().click();
      await wb.openQuickInput('Control+G', 15000);
      await wb.quickInput().fill(':135:25'); // Quick Open's go-to-line form (Ctrl+G in the browser may open Quick Open)
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.statusbar-item', { hasText: 'Ln 135, Col 25' }).first().waitFor({ timeout: 10000 });
      await wb.closeQuickInput();
      // a keyboard move of the caret (go-to-line itself is a command, which the preview does not follow)
      await wb.page.keyboard.press('ArrowRight');
      await wb.page.locator('.statusbar-item', { hasText: 'Ln 135, Col 26' }).first().waitFor({ timeout: 10000 });
      await f
        .locator('[data-path="nonDerivative[2].sharesOwnedFollowingTransaction"].current')
        .waitFor({ timeout: 10000 });
      // moving the caret by keyboard to another row moves the mark
      // moving the caret by keyboard to line 8, <periodOfReport>, moves the mark to box 3
      await wb.page.keyboard.press('Control+Home');
      for (let i = 0; i < 7; i++) await wb.page.keyboard.press('ArrowDown');
      await wb.page.keyboard.press('End');
      await f.locator('[data-path="periodOfReport"].current').waitFor({ timeout: 10000 });
      expect((await f.locator('.current').count()) === 1, 'one value is marked');
    },
  },
  {
    name: 'the preview follows edits of the text live',
    timeout: 60000,
    async run(wb) {
      const f = await openPreview(wb, 'alto-ingredients-form4.xml', 'FORM');
      const text = wb.page.locator('.editor-group-container').nth(0);
      await text.locator('.view-lines').first().click();
      await wb.openQuickInput('Control+G', 15000);
      await wb.quickInput().fill(':55');
      await wb.page.keyboard.press('Enter');
      const token = text.locator('.view-line span span', { hasText: /^7402$/ }).first();
      await token.waitFor({ timeout: 10000 });
      await token.dblclick();
      await wb.page.keyboard.type('8000');
      const shares = f.locator('[data-path="nonDerivative[0].transactionShares"] .v');
      const t0 = Date.now();
      while ((await shares.innerText()) !== '8,000') {
        if (Date.now() - t0 > 10000) {
          throw new Error(`the preview still shows ${await shares.innerText()}`);
        }
        await wb.page.waitForTimeout(100);
      }
      const price = await f.locator('[data-path="nonDerivative[0].transactionPricePerShare"] .secondary').innerText();
      expect(price === '= $18,320.00', `derived value after the edit: ${price}`);
      await text.locator('.view-lines').first().click();
      await wb.runCommand('File: Revert File');
    },
  },
  {
    name: 'clicking a value reveals it in the source beside the preview',
    timeout: 60000,
    async run(wb) {
      await wb.closeAllEditors();
      await wb.runCommand('View: Close All Editor Groups').catch(() => {});
      await open(wb, 'alto-ingredients-form4.xml');
      await wb.runCommand('Form 4: Open Preview');
      const f = await wb.frameWith('#root .form-title', { timeout: 30000 });
      await wb.closeQuickInput();
      await f.locator('[data-path="nonDerivative[0].transactionShares"] .v').click();
      // the status bar shows the selection: "7402" is 4 characters
      await wb.page
        .locator('.statusbar-item', { hasText: /\(4 selected\)/ })
        .first()
        .waitFor({ timeout: 10000 });
    },
  },
  {
    name: 'the preview keeps its scroll position when hidden and shown again, and shows a change made meanwhile',
    timeout: 60000,
    async run(wb) {
      let f = await openPreview(wb, 'holdings-mismatch-form4.xml', 'FORM');
      await f.evaluate(() => window.scrollTo(0, 700));
      await wb.page.waitForTimeout(500);
      const y0 = await f.evaluate(() => window.scrollY);
      expect(y0 > 300, `the preview scrolled: ${y0}`);
      // the preview's group is active: open another file there, which hides (and disposes) the webview
      await open(wb, 'alto-ingredients-form4.xml');
      await wb.page.waitForTimeout(500);
      // while hidden, the filing changes on disk: the page made again on restore embeds the model it was first made
      // with, so the preview must be sent the current one
      const file = join(wb.workspace, 'holdings-mismatch-form4.xml');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, original.replace('Northwind Biosciences, Inc.', 'Northwind Restored, Inc.'));
      try {
        await wb.page.waitForTimeout(1500);
        const group = wb.page.locator('.editor-group-container').nth(1);
        await group.locator('.tab', { hasText: 'holdings-mismatch-form4.xml' }).first().click();
        f = await wb.frameWith('#root .form-title', { timeout: 20000 });
        await f.locator('.issuer-name', { hasText: 'Northwind Restored, Inc.' }).waitFor({ timeout: 10000 });
        await wb.page.waitForTimeout(800);
        const y1 = await f.evaluate(() => window.scrollY);
        expect(Math.abs(y1 - y0) < 40, `scroll position after restore: ${y1}, before: ${y0}`);
      } finally {
        writeFileSync(file, original);
      }
    },
  },
  {
    name: 'markup inside filing text is shown as text, never run',
    timeout: 60000,
    async run(wb) {
      copyFileSync(
        join(wb.root, 'test', 'fixtures', 'preview', 'markup-in-text-form4.xml'),
        join(wb.workspace, 'markup-in-text-form4.xml'),
      );
      await wb.explorerItem('markup-in-text-form4.xml').waitFor({ timeout: 20000 });
      const f = await openPreview(wb, 'markup-in-text-form4.xml', 'FORM');
      const fn = f.locator('.footnote').first();
      await fn.waitFor({ timeout: 10000 });
      const text = await fn.innerText();
      expect(text.includes('<script>document.body.dataset.pwned = "script"</script>'), `footnote text: ${text}`);
      expect(text.includes('<img src="x" onerror='), `footnote text: ${text}`);
      expect((await f.locator('.issuer-name').innerText()) === 'Markup & Co <i>Inc</i>', 'issuer name as text');
      expect(
        (await f.locator('.remarks').innerText()).includes('<iframe src="https://example.com"></iframe>'),
        'remarks as text',
      );
      const dom = await f.evaluate(() => ({
        pwned: document.body.dataset.pwned ?? null,
        imgs: document.querySelectorAll('#root img').length,
        scripts: document.querySelectorAll('#root script').length,
        iframes: document.querySelectorAll('#root iframe').length,
        bold: document.querySelectorAll('#root b, #root i').length,
        links: [...document.querySelectorAll('#root a')].map((a) => a.getAttribute('href')).filter((h) => h !== '#'),
      }));
      expect(
        dom.pwned === null && dom.imgs === 0 && dom.scripts === 0 && dom.iframes === 0 && dom.bold === 0,
        `DOM: ${JSON.stringify(dom)}`,
      );
      expect(dom.links.length === 0, `links other than in-page ones: ${dom.links.join(', ')}`);
      // the page's scripts: VS Code's API script, the model as a JSON data block (never run) and the preview's own
      // script; filing text in the embedded model cannot end the data block and add elements of its own
      const scripts = await f.evaluate(() =>
        [...document.querySelectorAll('script')].map(
          (e) => `${e.id || '-'}:${e.type || 'js'}:${e.nonce ? 'nonce' : 'no-nonce'}`,
        ),
      );
      expect(
        scripts.filter((x) => !x.startsWith('_vscodeApiScript:')).join(' ') ===
          'form4-initial:application/json:no-nonce -:js:nonce',
        `scripts in the page: ${scripts.join(' ')}`,
      );
      await wb.page.waitForTimeout(500);
      expect((await f.evaluate(() => document.body.dataset.pwned ?? null)) === null, 'no handler ran later');
    },
  },
  {
    name: 'a file that is not a filing gets a clear message, from the Explorer context menu',
    timeout: 60000,
    async run(wb) {
      await wb.closeAllEditors();
      writeFileSync(
        join(wb.workspace, 'settings-not-a-filing.xml'),
        '<?xml version="1.0"?>\n<settings><color>blue</color></settings>\n',
      );
      const row = wb.explorerItem('settings-not-a-filing.xml').first();
      await row.waitFor({ timeout: 20000 });
      await row.click({ button: 'right' });
      const item = wb.page.locator('.monaco-menu .action-item', { hasText: 'Open Preview' }).first();
      await item.hover();
      await wb.page.keyboard.press('Enter'); // a menu item highlighted by the pointer runs on Enter (a synthetic click can land between mouse events)
      const f = await wb.frameWith('#root .failure', { timeout: 20000 });
      const text = await f.locator('.failure').innerText();
      expect(/Not shown as a filing/.test(text) && /settings-not-a-filing\.xml/.test(text), `message: ${text}`);
      expect(/ownership/i.test(await f.locator('.failure .reason').innerText()), 'the reason names what is missing');
      await wb.closeAllEditors();
    },
  },
  {
    name: 'preview screenshots (light, dark, narrow)',
    timeout: 120000,
    async run(wb) {
      await wb.closeAllEditors();
      await wb.runCommand('View: Close All Editor Groups').catch(() => {});
      // the preview alone, in its editor (Reopen With is what "Open Preview" offers from the Explorer too)
      await open(wb, 'holdings-mismatch-form4.xml');
      await wb.runCommand('Form 4: Open Preview');
      await wb.frameWith('#root .form-title', { timeout: 30000 });
      await wb.runCommand('View: Close Other Editors in Group').catch(() => {});
      await wb.runCommand('View: Close Editors in Other Groups').catch(() => {});
      await wb.page.waitForTimeout(800);
      for (const kind of ['light', 'dark']) {
        await wb.setTheme(kind);
        await wb.screenshot(`preview-${kind}`, { readme: true });
      }
      // narrow editor: tables stack into labelled cards
      await wb.page.setViewportSize({ width: 600, height: 900 });
      await wb.runCommand('View: Toggle Primary Side Bar Visibility').catch(() => {});
      await wb.page.waitForTimeout(800);
      const f = await wb.frameWith('#root .form-title', { timeout: 10000 });
      await f.evaluate(() => document.querySelector('.table-nonDerivative')?.scrollIntoView({ block: 'start' }));
      await wb.page.waitForTimeout(300);
      const display = await f.evaluate(
        () => window.getComputedStyle(document.querySelector('.form-table thead')).display,
      );
      await wb.screenshot('preview-narrow', { readme: true });
      await wb.runCommand('View: Toggle Primary Side Bar Visibility').catch(() => {});
      await wb.page.setViewportSize({ width: 1400, height: 900 });
      await wb.setTheme('light');
      expect(display === 'none', `table head in a narrow editor: display ${display}`);
    },
  },
];
