// The Form 4 preview as a user sees it, in Chromium: the form layout with derived values, finding marks,
// footnote links, filing text that holds markup shown as text (never run), the strict CSP, the narrow layout,
// Reveal in Source from a click, and README screenshots of the preview in the light and the dark theme. Each check
// runs in its own workbench on its own copy of examples/ (scripts/vscode/run-ui.mjs), so an edit or a file written
// by one check is never seen by another.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaled } from '../../scripts/vscode/workbench.mjs';
import { copyCorpus, haveCorpus } from './corpus.mjs';
import { expect } from './expect.mjs';

/** Fractyl Health's Form 4 of 2024-02-06: six reporting owners, conversions of three preferred series, 22 citations of F1. */
const FRACTYL = 'xml/datamule__examples__ingest__paypal__000095017024012830__ownership.xml';

/**
 * How the tables of a preview frame read: sideways overflow of the page and of each table's box, the words (dates
 * included) drawn over two lines, and columns 5-7 of Table I's first row lying outside the view.
 */
function tableLayout() {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('#root'), document.defaultView.NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement?.closest('.form-table')) continue;
    for (const m of n.data.matchAll(/\S+/g)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  const boxes = [...document.querySelectorAll('.table-scroll')].map((b) => b.scrollWidth - b.clientWidth);
  const outside = ['sharesOwnedFollowingTransaction', 'directOrIndirectOwnership', 'natureOfOwnership']
    .map((k) => document.querySelector(`[data-path="nonDerivative[0].${k}"]`))
    .filter((e) => e && e.getBoundingClientRect().right > window.innerWidth + 1)
    .map((e) => e.dataset.path);
  return {
    width: window.innerWidth,
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    boxes,
    broken,
    outside,
    stacked: [...document.querySelectorAll('.form-table')].map((t) => t.classList.contains('stacked')),
  };
}

export const checks = [
  {
    name: 'preview lays out the form with derived values and footnote links',
    timeout: 90000,
    async run(wb) {
      const f = await wb.openPreview('alto-ingredients-form4.xml');
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
      const f = await wb.openPreview('holdings-mismatch-form4.xml');
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
      const f = await wb.openPreview('holdings-mismatch-form4.xml');
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
      const f = await wb.openPreview('alto-ingredients-form4.xml');
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
      await shares
        .filter({ hasText: /^8,000$/ })
        .waitFor({ timeout: 10000 })
        .catch(async () => {
          throw new Error(`the preview still shows ${await shares.innerText()}`);
        });
      const price = await f.locator('[data-path="nonDerivative[0].transactionPricePerShare"] .secondary').innerText();
      expect(price === '= $18,320.00', `derived value after the edit: ${price}`);
      // The edit stays in the editor: autosave is off in the test profile, and this workspace is this check's own.
      expect(
        readFileSync(join(wb.workspace, 'alto-ingredients-form4.xml'), 'utf8').includes('<value>7402</value>'),
        'the file on disk is unchanged',
      );
    },
  },
  {
    name: 'clicking a value reveals it in the source beside the preview',
    timeout: 60000,
    async run(wb) {
      await wb.openFromExplorer('alto-ingredients-form4.xml');
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
      let f = await wb.openPreview('holdings-mismatch-form4.xml');
      await f.evaluate(() => window.scrollTo(0, 700));
      // the preview saves its scroll position on the animation frame after a scroll
      await wb.nextFrames(f);
      const y0 = await f.evaluate(() => window.scrollY);
      expect(y0 > 300, `the preview scrolled: ${y0}`);
      // the preview's group is active: open another file there, which hides (and disposes) the webview
      await wb.openFromExplorer('alto-ingredients-form4.xml');
      const group = wb.page.locator('.editor-group-container').nth(1);
      await group.locator('.tab.active', { hasText: 'alto-ingredients-form4.xml' }).waitFor({ timeout: 10000 });
      // while hidden, the filing changes on disk: the page made again on restore embeds the model it was first made
      // with, so the preview must be sent the current one
      const file = join(wb.workspace, 'holdings-mismatch-form4.xml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('Northwind Biosciences, Inc.', 'Northwind Restored, Inc.'),
      );
      // the text editor beside it shows the change once VS Code has read it from disk
      await wb.page
        .locator('.editor-group-container')
        .nth(0)
        .locator('.view-line', { hasText: 'Northwind Restored, Inc.' })
        .first()
        .waitFor({ timeout: 15000 });
      await group.locator('.tab', { hasText: 'holdings-mismatch-form4.xml' }).first().click();
      f = await wb.frameWith('#root .form-title', { timeout: 20000 });
      await f.locator('.issuer-name', { hasText: 'Northwind Restored, Inc.' }).waitFor({ timeout: 10000 });
      await f
        .waitForFunction((y) => Math.abs(window.scrollY - y) < 40, y0, { timeout: 10000 })
        .catch(async () => {
          throw new Error(`scroll position after restore: ${await f.evaluate(() => window.scrollY)}, before: ${y0}`);
        });
    },
  },
  {
    name: 'markup inside filing text is shown as text, never run',
    timeout: 60000,
    workspace: (dir) =>
      copyFileSync(
        new URL('../fixtures/preview/markup-in-text-form4.xml', import.meta.url),
        join(dir, 'markup-in-text-form4.xml'),
      ),
    async run(wb) {
      const f = await wb.openPreview('markup-in-text-form4.xml');
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
      // once the page has loaded, a load or error handler of anything in it would have run
      await wb.loaded(f);
      expect((await f.evaluate(() => document.body.dataset.pwned ?? null)) === null, 'no handler ran later');
    },
  },
  {
    name: 'a file that is not a filing gets a clear message, from the Explorer context menu',
    timeout: 60000,
    workspace: (dir) =>
      writeFileSync(
        join(dir, 'settings-not-a-filing.xml'),
        '<?xml version="1.0"?>\n<settings><color>blue</color></settings>\n',
      ),
    async run(wb) {
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
    },
  },
  {
    name: 'preview screenshots (light, dark, narrow)',
    timeout: 120000,
    async run(wb) {
      // the preview alone, in its editor (Reopen With is what "Open Preview" offers from the Explorer too)
      await wb.openFromExplorer('holdings-mismatch-form4.xml');
      await wb.runCommand('Form 4: Open Preview');
      await wb.frameWith('#root .form-title', { timeout: 30000 });
      await wb.runCommand('View: Close Other Editors in Group').catch(() => {});
      await wb.runCommand('View: Close Editors in Other Groups').catch(() => {});
      await wb.until('the preview alone in one editor group', async () => {
        const groups = await wb.page.locator('.editor-group-container').count();
        const tabs = await wb.page.locator('.tabs-container .tab').count();
        return groups === 1 && tabs === 1;
      });
      await wb.loaded(await wb.frameWith('#root .form-title', { timeout: 10000 }));
      for (const kind of ['light', 'dark']) {
        await wb.setTheme(kind);
        await wb.screenshot(`preview-${kind}`, { readme: true });
      }
      // narrow editor: tables stack into labelled cards
      await wb.page.setViewportSize({ width: 600, height: 900 });
      await wb.runCommand('View: Toggle Primary Side Bar Visibility').catch(() => {});
      await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10000 });
      const f = await wb.frameWith('#root .form-title', { timeout: 10000 });
      const display = () =>
        f.evaluate(() => window.getComputedStyle(document.querySelector('.form-table thead')).display);
      await f
        .waitForFunction(
          () => window.getComputedStyle(document.querySelector('.form-table thead')).display === 'none',
          null,
          { timeout: 10000 },
        )
        .catch(async () => {
          throw new Error(`table head in a narrow editor: display ${await display()}`);
        });
      await f.evaluate(() => document.querySelector('.table-nonDerivative')?.scrollIntoView({ block: 'start' }));
      await wb.nextFrames(f);
      await wb.screenshot('preview-narrow', { readme: true });
    },
  },
  {
    name: 'every column of both tables readable at 600, 900 and 1,300 px, no word or date broken, footnote links labelled',
    timeout: 180000,
    workspace: copyCorpus('', { 'fractyl-form4.xml': FRACTYL }),
    async run(wb) {
      if (!haveCorpus(FRACTYL)) return;
      await wb.openFromExplorer('fractyl-form4.xml');
      await wb.runCommand('Form 4: Open Preview');
      await wb.frameWith('#root .form-title', { timeout: scaled(30000) });
      await wb.runCommand('View: Close Editors in Other Groups').catch(() => {});
      await wb.runCommand('View: Close Other Editors in Group').catch(() => {});
      await wb.runCommand('View: Toggle Primary Side Bar Visibility').catch(() => {});
      await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: scaled(10000) });
      let f = await wb.frameWith('#root .form-title', { timeout: scaled(10000) });
      for (const want of [600, 900, 1300]) {
        // the activity bar is 48 px; the editor takes the rest
        await wb.page.setViewportSize({ width: want + 60, height: 900 });
        f = await wb.frameWith('#root .form-title', { timeout: scaled(10000) });
        await f.waitForFunction((w) => Math.abs(window.innerWidth - w) < 40, want, { timeout: scaled(10000) });
        await wb.nextFrames(f);
        const at = await f.evaluate(tableLayout);
        expect(
          at.page <= 1 && at.boxes.every((o) => o <= 1) && at.outside.length === 0,
          `at ${at.width} px: page overflow ${at.page}, table overflow ${at.boxes}, outside the view: ${at.outside}`,
        );
        expect(
          at.broken.length === 0,
          `at ${at.width} px (stacked ${at.stacked}): words broken: ${at.broken.slice(0, 8)}`,
        );
      }
      // Footnote (1): one labelled link per citing cell, grouped by row, the same cells as the markers in the tables.
      const note = f.locator('.footnote', { has: f.locator('.fn-id', { hasText: '(1)' }) });
      const links = note.locator('.backrefs a.backref');
      const labels = await links.allInnerTexts();
      const back = await links.evaluateAll((as) => as.map((a) => a.dataset.back).sort());
      const markers = await f
        .locator('.fn-ref a[data-footnote="F1"]')
        .evaluateAll((as) => as.map((a) => a.dataset.from).sort());
      expect(labels.length > 10 && labels.every((t) => /^[A-Z][a-z]/.test(t)), `link labels: ${labels}`);
      expect(JSON.stringify(back) === JSON.stringify(markers), `links ${back} vs markers ${markers}`);
      const rows = await note.locator('.backrefs .backref-row').count();
      expect(rows > 0 && rows < labels.length, `grouped by row: ${rows} rows for ${labels.length} links`);
      expect(/^Cited in Table I/.test(await note.locator('.backrefs').innerText()), 'reads "Cited in Table I ..."');
      await links.first().click();
      await f
        .locator('.form-table .flash')
        .first()
        .waitFor({ timeout: scaled(5000) });
    },
  },
];
