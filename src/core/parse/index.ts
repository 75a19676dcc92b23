/**
 * One entry point for every text input kind: detect the kind from the content (never from the file name),
 * then hand the text to that kind's parser. PDFs are bytes, not text: see `../pdf`.
 */
import type { ParseOutcome, SourceKind } from '../model';
import { detectKind } from '../detect';
import { parseOwnershipXml } from './xml';
import { parseSubmission } from './submission';
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
    case 'text':
      return parseFormText(text, file);
    default:
      return { ok: false, reason: detectKind(text).reason, findings: [] };
  }
}
