// Helpers for UI checks (test/ui/*.ui.mjs): what a user does in VS Code's workbench, through Playwright. One
// instance drives the page run-ui.mjs opened for one check (VS Code 1.100 web workbench, extension under development
// loaded, the check's own copy of examples/ as the workspace). Webviews are nested iframes; frameWith() finds the
// frame by its content. Every wait is for a condition (an element, a class, a value), bounded by a timeout.
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

/**
 * How much longer than on an idle machine a wait may take: the 1-minute load per core, between 1 and 6, or
 * FORM4_UI_PATIENCE. Only bounds on waits for a condition scale; no check asserts how long anything took, so a busy
 * machine (CI beside other jobs) makes the checks slower, never failed.
 */
export function patience() {
  const forced = Number(process.env.FORM4_UI_PATIENCE);
  if (forced > 0) return forced;
  return Math.min(6, Math.max(1, loadavg()[0] / Math.max(1, cpus().length)));
}

/** `ms` stretched by the current patience. */
export function scaled(ms) {
  return Math.round(ms * patience());
}

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ root: string, workspace: string, shotsDir: string, readmeShotsDir?: string }} opts
   */
  constructor(page, opts) {
    this.page = page;
    this.root = opts.root;
    this.workspace = opts.workspace;
    this.shotsDir = opts.shotsDir;
    this.readmeShotsDir = opts.readmeShotsDir;
  }

  /**
   * Waits until the workbench and the explorer are up and the extension host has registered the extension under
   * development: its "Form 4" view shows in the Explorer then, together with its menu items and commands (a context
   * menu opened before that would lack them; it is not filled in later).
   */
  async ready(timeout = scaled(60000)) {
    await this.page.locator('.monaco-workbench').waitFor({ timeout });
    await this.page.locator('.explorer-folders-view').waitFor({ timeout });
    await this.page.locator('.pane-header', { hasText: 'Form 4' }).first().waitFor({ timeout });
    // VS Code creates its delayed services on the page's first idle moment after startup. One of them is the custom
    // editor service, which tells the editor resolver that a PDF opens in the Form 4 preview by default: a file opened
    // before then opens as text. A person's first click comes after that moment; wait for it too (idle callbacks run
    // in the order they were requested, so this one runs after those requested during startup).
    await this.page.evaluate(() => new Promise((resolve) => window.requestIdleCallback(() => resolve(undefined))));
  }

  /**
   * Polls `fn` until it returns a truthy value, which it returns; throws naming `what` after `timeout` ms. For
   * conditions no locator can wait for (a value in a frame's script state, a set of frames).
   */
  async until(what, fn, { timeout = scaled(15000), interval = 100 } = {}) {
    const t0 = Date.now();
    for (;;) {
      const v = await fn();
      if (v) {
        return v;
      }
      if (Date.now() - t0 > timeout) {
        throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      }
      await this.page.waitForTimeout(interval);
    }
  }

  /** Waits until a frame's document has loaded (its load event fired: handlers on elements it loads have run). */
  async loaded(frame, { timeout = scaled(15000) } = {}) {
    await frame.waitForFunction(() => document.readyState === 'complete', null, { timeout });
  }

  /** Waits until the next two animation frames of `frame` have run (work a page schedules on scroll or render). */
  async nextFrames(frame) {
    await frame.evaluate(
      () => new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(() => r()))),
    );
  }

  quickInput() {
    return this.page.locator('.quick-input-widget input');
  }

  /**
   * Runs a command from the command palette by its title, e.g. 'View: Close All Editors'. The palette lists
   * only commands enabled right now (their `when` clauses), so it reopens the palette until the command
   * shows up (an extension may still be activating) or `timeout` passes.
   */
  async runCommand(title, { timeout = scaled(15000) } = {}) {
    const t0 = Date.now();
    const left = () => Math.max(500, timeout - (Date.now() - t0));
    for (;;) {
      try {
        // Every step is bounded, so a palette that does not take the text (a busy workbench) is reopened, not waited on.
        const input = await this.openQuickInput('F1', left());
        await input.fill('>' + title, { timeout: Math.min(scaled(5000), left()) });
        const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        await row.waitFor({ timeout: Math.min(scaled(3000), left()) });
        await row.click({ timeout: Math.min(scaled(3000), left()) });
        return;
      } catch (e) {
        if (Date.now() - t0 >= timeout) {
          throw new Error(
            `command "${title}" could not be run from the command palette within ${timeout} ms: ${String((e && e.message) || e).split('\n')[0]}`,
          );
        }
        await this.closeQuickInput();
      }
    }
  }

  /**
   * Opens the quick input with a key (F1, Control+P) and returns its input box. A key pressed while a webview
   * (an iframe) has the focus can be swallowed, so each try waits briefly, then gives the focus back to the
   * workbench (the status bar) and presses again, until `timeout`.
   */
  async openQuickInput(key, timeout = scaled(15000)) {
    const t0 = Date.now();
    const input = this.quickInput();
    for (;;) {
      await this.closeQuickInput();
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({
          state: 'visible',
          timeout: Math.min(scaled(3000), Math.max(500, timeout - (Date.now() - t0))),
        });
        return input;
      } catch {
        if (Date.now() - t0 >= timeout) {
          throw new Error(`the quick input did not open with ${key} within ${timeout} ms`);
        }
        await this.page
          .locator('.part.statusbar')
          .first()
          .click({ position: { x: 5, y: 5 } })
          .catch(() => {});
      }
    }
  }

  async closeQuickInput() {
    if (await this.page.locator('.quick-input-widget:visible').count()) {
      await this.page.keyboard.press('Escape');
    }
  }

  /**
   * Opens a workspace file with Quick Open (Ctrl+P); it opens in its default editor. The matching row is clicked
   * (not Enter, which a busy list may give to another row), and the whole step is tried again until the tab shows.
   */
  async openFile(relPath, { timeout = scaled(15000) } = {}) {
    const t0 = Date.now();
    const name = relPath.split('/').pop();
    for (;;) {
      const left = () => Math.max(1000, timeout - (Date.now() - t0));
      try {
        const input = await this.openQuickInput('Control+P', left());
        await input.fill(relPath);
        await this.page
          .locator('.quick-input-list .monaco-list-row', { hasText: name })
          .first()
          .click({ timeout: Math.min(scaled(5000), left()) });
        await this.tab(name)
          .first()
          .waitFor({ timeout: Math.min(scaled(5000), left()) });
        return;
      } catch (e) {
        if (Date.now() - t0 >= timeout) {
          throw e;
        }
        await this.closeQuickInput();
      }
    }
  }

  /** Opens a workspace file from the Explorer (a double click on its row: no race with Quick Open's history list). */
  async openFromExplorer(file, { timeout = scaled(20000) } = {}) {
    await this.closeQuickInput();
    const row = this.explorerItem(file).first();
    await row.waitFor({ timeout });
    await row.dblclick();
    await this.tab(file).first().waitFor({ timeout });
  }

  /** Opens a workspace file and its Form 4 preview beside it; returns the preview's frame once it shows the form. */
  async openPreview(file, { hasText = 'FORM', timeout = scaled(30000) } = {}) {
    await this.openFromExplorer(file);
    await this.runCommand('Form 4: Open Preview');
    return this.frameWith('#root .form-title', { hasText, timeout });
  }

  /** The editor tab whose label contains `text`. */
  tab(text) {
    return this.page.locator('.tabs-container .tab', { hasText: text });
  }

  /** The explorer row of a workspace file. */
  explorerItem(name) {
    return this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
  }

  /**
   * The frame (webviews are iframes inside iframes) holding `selector`, optionally with `hasText`.
   * @returns {Promise<import('playwright-core').Frame>}
   */
  async frameWith(selector, { hasText, timeout = scaled(20000) } = {}) {
    return this.until(
      `a webview frame with ${selector}${hasText ? ` holding ${JSON.stringify(hasText)}` : ''}`,
      async () => {
        for (const f of this.page.frames()) {
          if (f === this.page.mainFrame()) {
            continue;
          }
          try {
            const loc = hasText ? f.locator(selector, { hasText }) : f.locator(selector);
            if (await loc.count()) {
              return f;
            }
          } catch {
            /* frame detached while we looked */
          }
        }
        return undefined;
      },
      { timeout, interval: 250 },
    );
  }

  /** Waits until every webview shows the theme of `kind` ('light' | 'dark'): they take it up after the workbench. */
  async webviewsInTheme(kind, { timeout = scaled(15000) } = {}) {
    const want = kind === 'dark' ? 'vscode-dark' : 'vscode-light';
    await this.until(
      `the webviews in the ${kind} theme`,
      async () => {
        for (const f of this.page.frames()) {
          if (f === this.page.mainFrame()) {
            continue;
          }
          const cls = await f.evaluate(() => document.body?.className ?? '').catch(() => '');
          if (/\bvscode-(light|dark|high-contrast)\b/.test(cls) && !cls.split(/\s+/).includes(want)) {
            return false;
          }
        }
        return true;
      },
      { timeout },
    );
  }

  /** Opens a view container's pane by its header title (e.g. a tree view "Form 4"); returns the pane. */
  async showView(title, { timeout = scaled(15000) } = {}) {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    if (!(await header.count())) {
      await this.runCommand(`View: Show ${title}`, { timeout }).catch(() => {});
    }
    await header.waitFor({ timeout });
    // A command that focuses the view (as "Show Section 16 Desk" does) may expand it between the look at its state
    // and a click, which then collapses it again; so the state is read again after each click until it holds.
    const t0 = Date.now();
    while ((await header.getAttribute('aria-expanded')) !== 'true') {
      if (Date.now() - t0 > timeout) throw new Error(`the view "${title}" could not be expanded within ${timeout} ms`);
      await header.click();
      await this.page
        .locator('.pane-header[aria-expanded="true"]', { hasText: title })
        .first()
        .waitFor({ timeout: scaled(1000) })
        .catch(() => {});
    }
    return this.page.locator('.pane', { has: header });
  }

  /** Opens the Problems panel and returns it. */
  async problems({ timeout = scaled(15000) } = {}) {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)', { timeout }).catch(() =>
        this.page.keyboard.press('Control+Shift+M'),
      );
    }
    await panel.waitFor({ timeout });
    return panel;
  }

  /** Names of the extensions the extension host has activated ("Developer: Show Running Extensions"). */
  async runningExtensions({ timeout = scaled(15000) } = {}) {
    await this.runCommand('Developer: Show Running Extensions', { timeout });
    const editor = this.page.locator('.runtime-extensions-editor');
    await editor.waitFor({ timeout });
    await editor.locator('.monaco-list-row').first().waitFor({ timeout });
    return editor.locator('.monaco-list-row .name').allInnerTexts();
  }

  /** Switches the color theme with the theme picker; kind 'light' | 'dark'. */
  async setTheme(kind, { timeout = scaled(15000) } = {}) {
    const theme = kind === 'dark' ? 'Dark Modern' : 'Light Modern';
    await this.runCommand('Preferences: Color Theme', { timeout });
    const input = this.quickInput();
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(theme);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.monaco-workbench.${kind === 'dark' ? 'vs-dark' : 'vs'}`).waitFor({ timeout });
    await this.webviewsInTheme(kind, { timeout });
  }

  async closeAllEditors() {
    await this.runCommand('View: Close All Editors');
  }

  /**
   * Saves a screenshot to test-results/ui/<name>.png. With `readme: true` and UPDATE_SCREENSHOTS=1 it also
   * goes to media/screenshots/<name>.png, where the README links it.
   */
  async screenshot(name, { readme = false } = {}) {
    mkdirSync(this.shotsDir, { recursive: true });
    const file = join(this.shotsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    if (readme && this.readmeShotsDir && process.env.UPDATE_SCREENSHOTS) {
      mkdirSync(this.readmeShotsDir, { recursive: true });
      await this.page.screenshot({ path: join(this.readmeShotsDir, `${name}.png`) });
    }
    return file;
  }
}
