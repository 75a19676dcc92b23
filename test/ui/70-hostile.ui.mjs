// Hostile filings (test/fixtures/hostile) in the Form 4 preview, in Chromium: every payload is shown as text;
// nothing runs (no handler sets the title), nothing is loaded (no img/iframe/svg/script/style/link element from
// a filing), links stay in-page, the page is not hidden or covered by injected CSS, and a 20,000-character word
// does not widen the page.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from './expect.mjs';

/** What each fixture must show, as text, somewhere in the preview. */
const SHOWN = {
  'script-in-footnote.xml': [
    '<script>document.title="pwned-escaped"</script>',
    '<script>document.title="pwned-cdata"</script>',
  ],
  'img-onerror.xml': ['<img src=x onerror=alert(1)> Corp', `<svg onload="document.title='pwned-svg'"/>`],
  'javascript-link.xml': [
    'javascript:alert(document.domain)//Doe Jane',
    '<a href="javascript:alert(1)">the price list</a>',
  ],
  'command-uri.xml': ['[Click for details](command:workbench.action.terminal.new)'],
  'css-injection.xml': ['</style><style>body{display:none}'],
  'long-text.xml': ['WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW'],
  'bidi-and-invisible.xml': ['Doe \u202eenaJ\u202c'],
};

export const checks = readdirSync(new URL('../fixtures/hostile/', import.meta.url))
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((file) => ({
    name: `hostile filing ${file}: shown as text, nothing run or loaded`,
    timeout: 90000,
    workspace: (dir) =>
      copyFileSync(new URL(`../fixtures/hostile/${file}`, import.meta.url), join(dir, `hostile-${file}`)),
    async run(wb) {
      const f = await wb.openPreview(`hostile-${file}`);
      // once the page has loaded, a load or error handler of anything in it would have run
      await wb.loaded(f);
      const text = await f.locator('#root').innerText();
      for (const s of SHOWN[file] ?? [])
        expect(text.includes(s), `${file}: the preview does not show ${JSON.stringify(s.slice(0, 60))}`);
      const dom = await f.evaluate(() => {
        const root = document.getElementById('root');
        const all = [...root.querySelectorAll('*')];
        return {
          title: document.title,
          loaded: root.querySelectorAll(
            'img, iframe, svg, script, style, link, object, embed, video, audio, form, base',
          ).length,
          handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
          links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => h !== '#'),
          bodyShown: getComputedStyle(document.body).display !== 'none' && getComputedStyle(root).display !== 'none',
          fixed: all.filter((e) => getComputedStyle(e).position === 'fixed').length,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          // the widest elements, to say where a long word is not wrapped
          wide: all
            .filter((e) => e.getBoundingClientRect().width > document.documentElement.clientWidth + 40)
            .slice(-3)
            .map(
              (e) =>
                `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}${e.dataset.path ? `[data-path=${e.dataset.path}]` : ''}`,
            ),
        };
      });
      expect(!/pwned/.test(dom.title), `${file}: a handler ran (title ${dom.title})`);
      expect(dom.loaded === 0, `${file}: ${dom.loaded} loading elements in the preview`);
      expect(dom.handlers === 0, `${file}: ${dom.handlers} elements with on* attributes`);
      expect(dom.links.length === 0, `${file}: links out of the page: ${dom.links.join(', ')}`);
      expect(dom.bodyShown, `${file}: injected CSS hid the preview`);
      expect(dom.fixed === 0, `${file}: ${dom.fixed} fixed-position elements (injected CSS covering the page?)`);
      expect(
        dom.overflow <= 40,
        `${file}: the page is ${dom.overflow} px wider than the view (a long word is not wrapped in ${dom.wide.join(', ')})`,
      );
    },
  }));
