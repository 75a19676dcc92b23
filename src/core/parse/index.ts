/**
 * One entry point for every text input kind: detect the kind from the content (never from the file name),
 * then hand the text to that kind's parser. PDFs are bytes, not text: see `../pdf`.
 */
import type { ParseOutcome, SourceKind } from '../model';
import { detectKind, hasSubmissionMarkers } from '../detect';
import { parseOwnershipXml } from './xml';
import { parseSubmission } from './submission';
import { parseSubmissionHeader } from './submission-header';
import { parseFormText } from './text';
import { parseEdgarHtml } from './html';

/** Parse decoded text of any text kind. `kind` skips detection (the caller already knows). */
export function parseText(text: string, file: string, kind?: SourceKind): ParseOutcome {
  const k = kind ?? detectKind(text).kind;
  switch (k) {
    case 'xml':
      return parseOwnershipXml(text, file);
    case 'submission':
      return parseSubmission(text, file);
    case 'html':
      return parseEdgarHtml(text, file);
    case 'text': {
      const out = parseFormText(text, file);
      // A form filed as text inside an EDGAR submission (before 2003): the header keeps what the form text does not,
      // the date it was filed above all (late-filing, the Section 16 desk).
      if (out.ok && hasSubmissionMarkers(text)) {
        const { header } = parseSubmissionHeader(text);
        if (header.accessionNumber.value || header.filedAsOf.value) out.filing.submission = header;
      }
      return out;
    }
    default:
      return { ok: false, reason: detectKind(text).reason, findings: [] };
  }
}
