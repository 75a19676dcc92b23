/**
 * The whole job on one input: bytes or text in, a checked filing (or a plain reason) out. Never throws.
 * The CLI, the extension and the bench all come through here, so they agree on every result.
 *
 * Each input is detected once (a caller that already detected passes its detection in), and every finding gets
 * the caller's severities exactly once: the parsers' and the decoder's in `settle`, the rules' as they are made.
 */
import type { ParseOutcome } from './model';
import { decodeBytes, isPdf, isProbablyBinary, nulFindings } from './decode';
import { detectKind, type Detection } from './detect';
import { parseText } from './parse';
import { INTERNAL_ERROR } from './worker/protocol';
import { describe, inspectPdf, settle, sizeLimitReason, type InspectOptions } from './input';

export { MAX_INPUT_BYTES, NO_PDF_READER, sizeLimitReason, type InspectOptions } from './input';

/** Parse text of a detected kind; never throws. */
function readText(text: string, file: string, detection: Detection): ParseOutcome {
  if (detection.kind === 'unknown') return { ok: false, reason: detection.reason, findings: [] };
  try {
    return parseText(text, file, detection.kind);
  } catch (e) {
    return { ok: false, reason: `${INTERNAL_ERROR}: ${describe(e)}`, findings: [] };
  }
}

/**
 * Inspect decoded text of any text kind (ownership XML, EDGAR submission, EDGAR HTML, plain/OCR text). A caller that
 * has already detected the kind (`detectKind(text)`) passes it, so the text is not scanned for it again.
 */
export function inspectText(
  text: string,
  file: string,
  options: InspectOptions = {},
  detection: Detection = detectKind(text),
): ParseOutcome {
  return settle(readText(text, file, detection), nulFindings(text), options);
}

/** Inspect raw bytes: PDFs go to the caller's PDF reader, text is decoded (BOM, UTF-16, Latin-1) and inspected. */
export async function inspectBytes(
  bytes: Uint8Array,
  file: string,
  options: InspectOptions = {},
): Promise<ParseOutcome> {
  // A PDF's size is checked on its way (./input), with everything else about it.
  if (isPdf(bytes)) return inspectPdf(bytes, file, options);
  const tooLarge = sizeLimitReason(bytes.length);
  if (tooLarge) return { ok: false, reason: tooLarge, findings: [] };
  if (isProbablyBinary(bytes)) return { ok: false, reason: 'binary file, not an ownership filing', findings: [] };
  let decoded: ReturnType<typeof decodeBytes>;
  try {
    decoded = decodeBytes(bytes);
  } catch (e) {
    return { ok: false, reason: `could not decode the file: ${describe(e)}`, findings: [] };
  }
  const { text } = decoded;
  // What decoding had to decide (a fallback encoding, an odd byte) belongs with the filing's findings, first.
  const notes = decoded.findings.concat(nulFindings(text));
  return settle(readText(text, file, detectKind(text)), notes, options);
}
