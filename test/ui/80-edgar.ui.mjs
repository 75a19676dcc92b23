// Form 4: Open from EDGAR as a user sees it, against EDGAR replayed on this machine (`serverSetup` starts
// test/edgar/replay-server.cjs from ../shared/edgar-recorded before the VS Code server, whose extension hosts get
// FORM4_EDGAR_ORIGIN and a User-Agent): search as you type, the issuer's filings, and the chosen filing in the preview with its EDGAR address
// and filing index link. The README's screenshot of the quick pick comes from here.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from './expect.mjs';

const { ReplayServer } = createRequire(import.meta.url)('../edgar/replay-server.cjs');

const RECORDED = join(import.meta.dirname, '..', '..', '..', 'shared', 'edgar-recorded', 'INDEX.tsv');

export async function serverSetup() {
  if (!existsSync(RECORDED)) return { env: {} };
  const server = new ReplayServer();
  const origin = await server.start();
  return {
    env: { FORM4_EDGAR_ORIGIN: origin, FORM4_USER_AGENT: 'Form4 UI Tests form4-ui@example.com' },
    stop: () => server.stop(),
  };
}

export const checks = [
  {
    name: 'Open from EDGAR: search as you type, pick the issuer, then the filing, shown in the preview',
    timeout: 120000,
    async run(wb) {
      if (!existsSync(RECORDED)) {
        if (process.env.CI === 'true') throw new Error(`${RECORDED} is missing; CI always has it`);
        console.warn(`skipped: ${RECORDED} not found`);
        return;
      }
      const rows = wb.page.locator('.quick-input-list .monaco-list-row');
      // The command palette hands over to the command's own quick pick: run it with Enter and wait for that pick
      // (wb.runCommand would take the pick replacing the palette for a failed attempt and run it again).
      const input = await wb.openQuickInput('F1');
      await input.fill('>Form 4: Open from EDGAR');
      await rows.filter({ hasText: 'Open from EDGAR' }).first().waitFor({ timeout: 15000 });
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.quick-input-title', { hasText: 'Open from EDGAR' }).waitFor({ timeout: 15000 });
      await input.fill('apple');
      const apple = rows.filter({ hasText: 'AAPL · CIK 320193' }).first();
      await apple.waitFor({ timeout: 20000 });
      expect((await apple.innerText()).includes('Apple Inc.'), `row: ${await apple.innerText()}`);
      await wb.screenshot('edgar-open', { readme: true });
      // Search results arrive as the user types; Enter once the row is the active one (see the filing's row below).
      await wb.page
        .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'AAPL · CIK 320193' })
        .waitFor({ timeout: 20000 });
      await wb.page.keyboard.press('Enter');
      // The issuer's filings come in a quick pick of their own, titled with the CIK once EDGAR's list has been read;
      // typing before it shows would filter the pick being closed.
      await wb.page.locator('.quick-input-title', { hasText: '(CIK 320193)' }).waitFor({ timeout: 20000 });
      const filing = rows.filter({ hasText: '0000320193-24-000084' }).first();
      await input.fill('0000320193-24-000084');
      await filing.waitFor({ timeout: 20000 });
      expect((await filing.innerText()).includes('2024-08-07'), `row: ${await filing.innerText()}`);
      // Accepted with Enter once the filter has made it the active row: a click can land while the list is still
      // being redrawn for the filter, and then selects nothing.
      await wb.page
        .locator('.quick-input-list .monaco-list-row.focused', { hasText: '0000320193-24-000084' })
        .waitFor({ timeout: 20000 });
      await wb.page.keyboard.press('Enter');
      const f = await wb.frameWith('#root .edgar', { hasText: 'From EDGAR', timeout: 30000 });
      await f.locator('.issuer-name', { hasText: 'Apple Inc.' }).waitFor({ timeout: 10000 });
      const url = await f.locator('.edgar-url').getAttribute('href');
      expect(
        url === 'https://www.sec.gov/Archives/edgar/data/320193/000032019324000084/wk-form4_1723069808.xml',
        `EDGAR address: ${url}`,
      );
      expect((await f.locator('.edgar-filed').innerText()).includes('2024-08-07'), 'filing date shown');
      expect((await f.locator('.edgar-index').count()) === 1, 'a link to the filing index');
    },
  },
];
