/**
 * The scans that replaced super-linear regular expressions give what those expressions gave: each is compared with
 * the old pattern on thousands of short random strings over the characters that pattern cares about (short, so
 * the old pattern's backtracking stays cheap here).
 */
import { strict as assert } from 'node:assert';
import { Rng } from '../fuzz/rng';
import { stripTags, submissionType, titleText } from '../../src/core/detect';
import { onlyDeclarationBefore } from '../../src/core/parse/submission';
import { cityLine } from '../../src/core/parse/html/owners';
import { trailingMarkers } from '../../src/core/pdf/extract/geometry';
import { nameAndTicker } from '../../src/core/pdf/extract/header';
import { noteStart } from '../../src/core/pdf/extract/notes';
import { splitAtSpacedSlash, usCityLine } from '../../src/core/pdf/extract/owners';
import { hasDate } from '../../src/core/rules/dates';
import { replaceTags } from '../../src/core/linear';

const N = 4000;

/** `n` random strings of up to `max` pieces drawn from `pieces`. */
function* strings(seed: number, pieces: string[], max = 14, n = N): Generator<string> {
  const rng = new Rng(seed);
  for (let i = 0; i < n; i++) {
    let s = '';
    const len = rng.int(max + 1);
    for (let j = 0; j < len; j++) s += pieces[rng.int(pieces.length)];
    yield s;
  }
}

function same<T>(name: string, seed: number, pieces: string[], now: (s: string) => T, before: (s: string) => T): void {
  for (const s of strings(seed, pieces)) assert.deepEqual(now(s), before(s), `${name} of ${JSON.stringify(s)}`);
}

describe('linear scans agree with the patterns they replaced', () => {
  it('detection: tag stripping, the <title> and the submission type', () => {
    const tags = [
      '<',
      '>',
      'a',
      ' ',
      '<script>',
      '</script >',
      '<style>',
      '</style>',
      '<b>',
      'x',
      '</SCRIPT>',
      '<title>',
    ];
    same('replaceTags', 1, tags, replaceTags, (s) => s.replace(/<[^>]*>/g, ' '));
    const oldStrip = (s: string): string =>
      s
        .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;|&#160;/gi, ' ')
        .replace(/&amp;/gi, '&');
    same('stripTags', 2, [...tags, '&nbsp;', '&amp;', '\n'], stripTags, oldStrip);
    const titles = ['<title', '>', '</title>', 'SEC FORM 4', '<TITLE>', ' ', 'x', '</TITLE>'];
    same('titleText', 3, titles, titleText, (s) => /<title[^>]*>([\s\S]*?)<\/title>/i.exec(s)?.[1] ?? null);
    const oldType = (head: string): string | null => {
      const m =
        /^[ \t]*CONFORMED SUBMISSION TYPE:[ \t]*([^\r\n]*?)[ \t]*$/m.exec(head) ??
        /<TYPE>[ \t]*([^<\r\n]*?)[ \t]*(?=<|\r|\n|$)/.exec(head);
      return m && m[1] ? m[1].toUpperCase() : null;
    };
    const heads = ['CONFORMED SUBMISSION TYPE:', '<TYPE>', ' ', '\t', '4', '/A', '\n', '<', 'x', '\r\n'];
    same('submissionType', 4, heads, submissionType, oldType);
  });

  it('a submission: only an XML declaration and comments before the ownership document', () => {
    const parts = ['<?xml', ' v="1"', '?>', '>', ' ', '\n', '<!--', '-->', '<!---->', '-', '<?pi?>', 'x'];
    same(
      'onlyDeclarationBefore',
      5,
      parts,
      (s) => onlyDeclarationBefore(s, 0, s.length),
      // The old pattern, except that a comment ends at its first "-->" as in XML: the old lazy comment could stretch
      // over "-->" and take in what stood between two comments (a processing instruction, say).
      (s) => s.startsWith('<?xml') && /^<\?xml[^>]*\?>\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*$/.test(s),
    );
  });

  it('HTML: a "CITY, ST ZIP" line', () => {
    const parts = ['NEW', ' ', '\u00a0', 'YORK', ',', 'NY', 'N', '10001', '-', '1', 'A', '\n', 'x', '  '];
    const old = /^([\s\u00a0]*)(\S.*?),?[ \u00a0]+([A-Z][A-Z0-9])[ \u00a0]+([0-9A-Z][0-9A-Z -]{2,9})$/;
    same(
      'cityLine',
      6,
      parts,
      (s) => {
        const m = cityLine(s);
        return m && [s.slice(m.cityAt, m.cityEnd), s.slice(m.stateAt, m.stateAt + 2), s.slice(m.zipAt)];
      },
      (s) => {
        const m = old.exec(s);
        return m && [m[2], m[3], m[4]];
      },
    );
  });

  it('PDF: markers after a value, the issuer and ticker, a note number, a city line, a title split at "/"', () => {
    const oldMarkers = /^(.*?\S)\s*((?:\(\s*\d{1,3}\s*\)\s*,?\s*)+)$/;
    const marks = ['(', ')', '1', '23', '4567', ' ', ',', 'x', '$', '\n', '(1)', '(2),'];
    same('trailingMarkers', 7, marks, trailingMarkers, (s) => {
      const m = oldMarkers.exec(s);
      return m && [m[1], m[2]];
    });
    const oldTicker = /^(.*?)\s*\[\s*([^\]]*?)\s*\]\s*$/;
    same('nameAndTicker', 8, ['[', ']', ' ', 'Inc.', 'RKLB', '\n', ','], nameAndTicker, (s) => {
      const m = oldTicker.exec(s);
      return m && [m[1], m[2]];
    });
    const oldNote = /^(?:\((\d{1,3})\)|(\d{1,3})\.)\s*(.*)$/;
    same('noteStart', 9, ['(', ')', '1', '12', '1234', '.', ' ', 'text', '\n'], noteStart, (s) => {
      const m = oldNote.exec(s);
      return m && { n: Number(m[1] ?? m[2]), rest: m[3] };
    });
    const oldCity = /^(.*?),?\s+(?:([A-Z]{2})\s+)?(\d{5}(?:-\d{4})?)$/;
    const city = ['LONG', ' ', 'BEACH', ',', 'CA', 'C', '90808', '-1234', '1', '\n', '  '];
    same(
      'usCityLine',
      10,
      city,
      (s) => usCityLine(s)?.slice(1) ?? null,
      (s) => {
        const m = oldCity.exec(s);
        return m && [m[1], m[2], m[3]];
      },
    );
    same('splitAtSpacedSlash', 11, ['/', ' ', 'CFO', '\t', 'x'], splitAtSpacedSlash, (s) =>
      s.split(/\s+\/\s*|\s*\/\s+/),
    );
  });

  it('a Rule 10b5-1 footnote: whether it gives a date', () => {
    const old = new RegExp(
      String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}`,
      'i',
    );
    const parts = ['jan', 'uary', 'x', 'Sept', '.', ' ', '5', '15', 'th', ',', '2024', '/', '-', 'on', '\n'];
    same('hasDate', 12, parts, hasDate, (s) => old.test(s));
  });
});
