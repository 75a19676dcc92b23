// The holdings timeline as a user sees it, in Chromium: "Form 4: Show Holdings Timeline" on the example folder
// (plus a three-filing chain of one owner copied in from test/fixtures/summary/timeline, whose last filing does not
// follow from the one before), points and breaks in the DOM, the strict CSP, a click on a point opening the filing
// at its row, and the README screenshot media/screenshots/timeline.png (UPDATE_SCREENSHOTS=1).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaled } from '../../scripts/vscode/workbench.mjs';
import { expect } from './expect.mjs';

const CHAIN = 'timeline-chain';

/** Adds the three-filing chain of test/fixtures/summary/timeline to a check's workspace, in a folder of its own. */
function copyChain(dir) {
  const from = new URL('../fixtures/summary/timeline/', import.meta.url);
  const to = join(dir, CHAIN);
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (/^\d{4}-.*\.xml$/.test(f)) copyFileSync(new URL(f, from), join(to, f));
}

async function openTimeline(wb) {
  await wb.runCommand('Form 4: Show Holdings Timeline');
  return wb.frameWith('.charts h2', { timeout: scaled(30000) });
}

/** A Table I transaction row of a Form 4 in EDGAR's XML. */
function saleRow({ shares, owned, price = '10.00', ownership = 'D', nature = null }) {
  return `<nonDerivativeTransaction><securityTitle><value>Common Stock</value></securityTitle>
<transactionDate><value>2024-03-04</value></transactionDate>
<transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>
<transactionAmounts><transactionShares><value>${shares}</value></transactionShares><transactionPricePerShare><value>${price}</value></transactionPricePerShare><transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode></transactionAmounts>
<postTransactionAmounts><sharesOwnedFollowingTransaction><value>${owned}</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
<ownershipNature><directOrIndirectOwnership><value>${ownership}</value></directOrIndirectOwnership>${nature ? `<natureOfOwnership><value>${nature}</value></natureOfOwnership>` : ''}</ownershipNature>
</nonDerivativeTransaction>`;
}

/**
 * A folder "sell-out" with one owner's Form 4 of a single day: four sales of the direct holding down to 0 (the
 * largest in the middle) and a trust's holding sold out, plus the same filing again under another name.
 */
function sellOut(dir) {
  const to = join(dir, 'sell-out');
  mkdirSync(to, { recursive: true });
  const rows = [
    saleRow({ shares: 1000, owned: 9000 }),
    saleRow({ shares: 2000, owned: 7000 }),
    saleRow({ shares: 4000, owned: 3000 }),
    saleRow({ shares: 3000, owned: 0 }),
    saleRow({ shares: 500, owned: 0, ownership: 'I', nature: 'By Trust' }),
  ].join('\n');
  const xml = readFileSync(join(dir, 'alto-ingredients-form4.xml'), 'utf8')
    .replace(/<periodOfReport>[^<]*</, '<periodOfReport>2024-03-04<')
    .replace(/<issuerCik>[^<]*</, '<issuerCik>0000990001<')
    .replace(/<issuerName>[^<]*</, '<issuerName>Sellout Corp<')
    .replace(/<issuerTradingSymbol>[^<]*</, '<issuerTradingSymbol>SLLT<')
    .replace(/<rptOwnerCik>[^<]*</, '<rptOwnerCik>0000990002<')
    .replace(/<rptOwnerName>[^<]*</, '<rptOwnerName>Quill Ada<')
    .replace(/<signatureName>[^<]*</, '<signatureName>/s/ Ada Quill<')
    .replace(/<nonDerivativeTable>[\s\S]*<\/nonDerivativeTable>/, `<nonDerivativeTable>${rows}</nonDerivativeTable>`)
    .replace(/<footnotes>[\s\S]*<\/footnotes>/, '');
  writeFileSync(join(to, 'one-day.xml'), xml);
  writeFileSync(join(to, 'one-day-copy.xml'), xml);
}

export const checks = [
  {
    name: 'timeline charts the example folder: points, a marked within-filing break, strict CSP',
    timeout: 90000,
    async run(wb) {
      const f = await openTimeline(wb);
      // The first owner/issuer pair with a break is selected: the Northwind filing whose running tally breaks.
      const h2 = await f.locator('.charts h2').innerText();
      expect(h2.includes('Adaeze N. Okafor') && h2.includes('Northwind Biosciences'), `selected group: ${h2}`);
      const groups = await f.locator('.group-list button.group').count();
      expect(groups === 4, `4 owner/issuer pairs in the examples, got ${groups}`);
      // Common Stock (M, S, S) and the option (M): four points, one of them on a break.
      const pts = f.locator('.charts svg.chart circle.pt');
      expect((await pts.count()) === 4, `points: ${await pts.count()}`);
      expect((await f.locator('.charts svg.chart circle.pt.code-S').count()) === 2, 'two sales');
      const breaks = f.locator('.charts g.break');
      expect((await breaks.count()) === 1, `breaks: ${await breaks.count()}`);
      expect((await breaks.first().getAttribute('data-rule')) === 'holdings-reconcile', 'the within-filing tally rule');
      const broken = f.locator('.charts svg.chart circle.pt.has-break');
      const label = await broken.getAttribute('aria-label');
      expect(/owned after 47,000/.test(label) && /48,000, but the filing states 47,000/.test(label), `label: ${label}`);
      expect((await f.locator('.charts .break-gap').count()) === 1, 'the gap between 50,000 and 47,000 is drawn');
      // Hover shows the arithmetic.
      await broken.hover();
      const tip = await f.locator('#tip').innerText();
      expect(/Within the filing \(holdings-reconcile\)/.test(tip), `tooltip: ${tip}`);
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
    name: 'timeline marks a break across filings, and a click opens the filing at the row',
    timeout: 120000,
    workspace: copyChain,
    async run(wb) {
      const f = await openTimeline(wb);
      await f.locator('.group-list button.group', { hasText: 'Harold B. Quince' }).click();
      await f.locator('.charts h2', { hasText: 'Harold B. Quince' }).waitFor({ timeout: scaled(10000) });
      // The pair's series come from the host on request: wait until they are drawn.
      await f
        .locator('.charts figure.series svg.chart')
        .first()
        .waitFor({ timeout: scaled(10000) });
      const series = f.locator('.charts figure.series');
      expect((await series.count()) === 2, `series: ${await series.count()}`);
      const direct = series.filter({ hasText: 'Common Stock, direct' });
      expect((await direct.locator('circle.pt').count()) === 3, 'three transactions of the direct holding');
      const br = direct.locator('g.break');
      expect(
        (await br.count()) === 1 && (await br.getAttribute('data-rule')) === 'holdings-reconcile-cross',
        'the cross-filing break',
      );
      const label = await direct.locator('circle.pt.has-break').getAttribute('aria-label');
      expect(
        /2024-03-15-sale\.xml Table I row 1/.test(label) && /10,000, but this filing states 9,800/.test(label),
        `label: ${label}`,
      );
      // Screenshots with the Quince chain selected and the break's tooltip open.
      await direct.locator('circle.pt.has-break').hover();
      await f.locator('#tip:not([hidden])').waitFor({ timeout: scaled(5000) });
      await wb.screenshot('timeline', { readme: true });
      await wb.setTheme('dark');
      await direct.locator('circle.pt.has-break').hover();
      await wb.screenshot('timeline-dark', { readme: true });
      await wb.setTheme('light');
      // A click opens that filing's text at the row.
      await direct.locator('circle.pt.has-break').click();
      await wb
        .tab('2024-03-15-sale.xml')
        .first()
        .waitFor({ timeout: scaled(15000) });
      const selection = await wb.page.locator('.monaco-editor .selected-text').count();
      expect(selection > 0, 'the row is selected in the editor');
    },
  },
  {
    name: 'timeline in a high contrast theme: contrast outlines and heavier break marks apply',
    timeout: 90000,
    async run(wb) {
      const f = await openTimeline(wb);
      await wb.runCommand('Preferences: Color Theme');
      const input = wb.quickInput();
      await input.waitFor({ state: 'visible', timeout: scaled(15000) });
      await input.fill('Dark High Contrast');
      await wb.page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Dark High Contrast' })
        .first()
        .waitFor({ timeout: scaled(15000) });
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.monaco-workbench.hc-black').waitFor({ timeout: scaled(15000) });
      await f.locator('body.vscode-high-contrast').waitFor({ timeout: scaled(15000) });
      const ring = await f.evaluate(
        () => document.defaultView.getComputedStyle(document.querySelector('.charts .break-ring')).strokeWidth,
      );
      expect(ring === '3px', `break ring in high contrast: ${ring}`);
      const pt = await f.evaluate(() => {
        const c = document.querySelector('.charts svg.chart circle.pt');
        const probe = document.createElement('span');
        probe.style.color = 'var(--vscode-contrastBorder)';
        document.body.append(probe);
        const want = document.defaultView.getComputedStyle(probe).color;
        probe.remove();
        return { stroke: document.defaultView.getComputedStyle(c).stroke, want };
      });
      expect(pt.stroke === pt.want, `point outline ${pt.stroke} is the contrast border ${pt.want}`);
      await wb.screenshot('timeline-high-contrast');
    },
  },
  {
    name: 'timeline of one day: one entry per owner, skipped files with reasons, every point reachable, day ticks, whole-share ticks',
    timeout: 120000,
    workspace: sellOut,
    async run(wb) {
      const f = await openTimeline(wb);
      // The filing given twice is one owner/issuer entry.
      const entries = f.locator('.group-list button.group', { hasText: 'Ada Quill' });
      expect((await entries.count()) === 1, `entries of Ada Quill: ${await entries.count()}`);
      // Which files were left out, and why (the workspace holds no other file the filing scan reads but does not draw).
      const skipped = f.locator('header details.skipped');
      await skipped.locator('summary').click();
      const listed = await skipped.innerText();
      expect(
        /one-day(-copy)?\.xml\s*\u2014 the same filing as one-day(-copy)?\.xml/.test(listed),
        `skipped files: ${listed}`,
      );
      await entries.click();
      await f.locator('.charts h2', { hasText: 'Ada Quill' }).waitFor({ timeout: scaled(10000) });
      const direct = f.locator('.charts figure.series', { hasText: 'Common Stock, direct' });
      await direct.locator('svg.chart').waitFor({ timeout: scaled(10000) });
      // Each of the day's four points is the element under its own centre: each can be hovered and clicked.
      const hits = await direct.evaluate((fig) =>
        [...fig.querySelectorAll('circle.pt')].map((c) => {
          const r = c.getBoundingClientRect();
          return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === c;
        }),
      );
      expect(hits.length === 4 && hits.every(Boolean), `points reachable at their centre: ${JSON.stringify(hits)}`);
      await direct.locator('circle.pt').nth(2).hover();
      const tip = await f.locator('#tip:not([hidden])').innerText();
      expect(/Disposed of 4,000 at \$10\.00 \(\$40,000\.00\)/.test(tip), `the largest sale's tooltip: ${tip}`);
      // The time axis spans the day, labelled in days.
      const xTicks = await direct
        .locator('text.tick[text-anchor="middle"]')
        .evaluateAll((ts) => ts.map((t) => t.textContent));
      expect(xTicks.includes('Mar 4') && xTicks.length <= 3, `time ticks: ${xTicks}`);
      // The trust's holding sold out (always 0): whole-share ticks only.
      const trust = f.locator('.charts figure.series', { hasText: 'By Trust' });
      const yTicks = await trust
        .locator('text.tick[text-anchor="end"]')
        .evaluateAll((ts) => ts.map((t) => t.textContent));
      expect(yTicks.length > 0 && yTicks.every((t) => /^\d+$/.test(t)), `amount ticks: ${yTicks}`);
    },
  },
];
