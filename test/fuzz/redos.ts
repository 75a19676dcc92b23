/**
 * The inputs that made a reader's regular expression backtrack super-linearly (issue 14), each built at a scale:
 * scale 1 is the size the issue reports, scale 10 ten times that. Pure strings from two small fixtures, so the
 * robustness test, the fuzzer and the before/after measurement build exactly the same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

/** The small Form 4 the fuzzer's regression inputs start from. */
export function baseForm4(): string {
  return fs.readFileSync(path.join(FIXTURES, 'fuzz', 'form4-base.xml'), 'latin1');
}

/** The same Form 4 as an EDGAR full submission, with `body` as its document's <TEXT> and `headerLine` in its header. */
export function submissionAround(body: string, headerLine = 'CONFORMED SUBMISSION TYPE:\t4'): string {
  return [
    '<SEC-DOCUMENT>0001839921-24-000007.txt : 20240912',
    '<SEC-HEADER>0001839921-24-000007.hdr.sgml : 20240912',
    'ACCESSION NUMBER:\t\t0001839921-24-000007',
    headerLine,
    'PUBLIC DOCUMENT COUNT:\t\t1',
    'FILED AS OF DATE:\t\t20240912',
    '</SEC-HEADER>',
    '<DOCUMENT>',
    '<TYPE>4',
    '<SEQUENCE>1',
    '<TEXT>',
    body,
    '</TEXT>',
    '</DOCUMENT>',
    '</SEC-DOCUMENT>',
    '',
  ].join('\n');
}

const ownership = (): string => baseForm4().replace(/^<\?xml[^>]*>\s*/, '');

export interface RedosInput {
  name: string;
  /** What it attacked, in a few words. */
  what: string;
  build(scale: number): string;
}

export const REDOS_INPUTS: RedosInput[] = [
  {
    name: 'submission-prolog-comments-pi',
    what: 'the submission prolog pattern: <?xml?>, 24 empty comments per scale, then a processing instruction',
    build: (k) => submissionAround(`<?xml version="1.0"?>\n${'<!---->\n'.repeat(24 * k)}<?pi x?>\n${ownership()}`),
  },
  {
    name: 'submission-prolog-comments-doctype',
    what: 'the submission prolog pattern: <?xml?>, 24 empty comments per scale, then a DOCTYPE',
    build: (k) =>
      submissionAround(
        `<?xml version="1.0"?>\n${'<!---->'.repeat(24 * k)}<!DOCTYPE ownershipDocument>\n${ownership()}`,
      ),
  },
  {
    name: 'submission-header-spaces',
    what: "the header's KEY: value pattern (LINE_ITEM) and detection's submission type: 100,000 spaces per scale, then x",
    build: (k) =>
      submissionAround(`<XML>\n${baseForm4()}</XML>`, `CONFORMED SUBMISSION TYPE:\t4${' '.repeat(100_000 * k)}x`),
  },
  {
    name: 'rule-10b5-1-jan',
    what: 'the Rule 10b5-1 date pattern: a plan footnote followed by "jan" 100,000 times per scale',
    build: (k) =>
      baseForm4()
        .replace('<aff10b5One>0</aff10b5One>', '<aff10b5One>1</aff10b5One>')
        .replace(
          '</footnotes>',
          `<footnote id="F2">Sold under a Rule 10b5-1 trading plan ${'jan'.repeat(100_000 * k)}</footnote></footnotes>`,
        ),
  },
  {
    name: 'html-detect-unclosed-tags',
    what: "HTML detection's tag stripping: 256 K of '<' per scale with no '>'",
    build: (k) => `<html><head><title>Form</title></head><body><p>${'<'.repeat(256 * 1024 * k)}`,
  },
  {
    name: 'html-detect-unclosed-script',
    what: "HTML detection's script stripping: '<script>' 32 K times per scale, never closed",
    build: (k) => `<html><body><table>${'<script>'.repeat(32 * 1024 * k)}`,
  },
  {
    name: 'html-detect-title-starts',
    what: "HTML detection's <title> pattern: '<title' 10 K times per scale with no '>'",
    build: (k) => `<html><head>${'<title'.repeat(10 * 1024 * k)}`,
  },
];
