/**
 * The whole job on one input: bytes or text in, a checked filing (or a plain reason) out. Never throws.
 * The CLI, the extension and the bench all come through here, so they agree on every result.
 */
import type { Filing, Finding } from './model';
import { decodeBytes, isPdf, isProbablyBinary, nulFindings } from './decode';
import type { ParseOutcome } from './model';
import { parseText } from './parse';
import type { PdfReader } from './pdf/reader';
import { applySeverities, runRules, type RuleOptions } from './rules';

/** Inputs larger than this are not read (no real filing comes near it; EDGAR's largest Form 4 documents are well under 1 MB). */
export const MAX_INPUT_BYTES = 25 * 1024 * 1024;

/**
 * The reason a file of `size` bytes is not read, or null when it is within MAX_INPUT_BYTES. Callers that can see the
 * size before reading (the CLI stats the file) ask first, so a huge file is never loaded into memory.
 */
export function sizeLimitReason(size: number): string | null {
  if (size <= MAX_INPUT_BYTES) return null;
  const over = size - MAX_INPUT_BYTES;
  const shown = over < 1048576 ? `${size.toLocaleString('en-US')} bytes` : `${(size / 1048576).toFixed(1)} MB`;
  return `file is ${shown}, over the ${MAX_INPUT_BYTES / 1048576} MB (${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes) limit for a filing; open it as text instead`;
}

/** Why a PDF is not read when the caller gave no PDF reader. */
export const NO_PDF_READER = 'PDF reading is not available here';

export interface InspectOptions extends RuleOptions {
  /** How to read a PDF (see ./pdf/reader). Without one, a PDF is not read: its outcome says so. */
  readPdf?: PdfReader;
  /** Skip the rules (parse only). */
  noRules?: boolean;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Run the rules on a parsed filing and apply the caller's severities to the parser's own findings. */
export function checkFiling(filing: Filing, options: InspectOptions = {}): Filing {
  if (options.noRules) return filing;
  filing.findings = applySeverities(filing.findings, options);
  // One by one: a hostile filing can have hundreds of thousands of findings, too many to spread as arguments.
  for (const f of runRules(filing, options)) filing.findings.push(f);
  return filing;
}

/** Inspect decoded text of any text kind (ownership XML, EDGAR submission, EDGAR HTML, plain/OCR text). */
export function inspectText(text: string, file: string, options: InspectOptions = {}): ParseOutcome {
  let out: ParseOutcome;
  try {
    out = parseText(text, file);
  } catch (e) {
    return { ok: false, reason: `internal error while reading the file: ${describe(e)}`, findings: [] };
  }
  if (out.ok) checkFiling(out.filing, options);
  prependFindings(out, applySeverities(nulFindings(text), options));
  return out;
}

/** Put findings about the input itself (its bytes, its decoding) before the filing's own, or the failure's. */
function prependFindings(out: ParseOutcome, notes: Finding[]): void {
  if (!notes.length) return;
  if (out.ok) out.filing.findings.unshift(...notes);
  else out.findings.unshift(...notes);
}

/** Inspect raw bytes: PDFs go to the caller's PDF reader, text is decoded (BOM, UTF-16, Latin-1) and inspected. */
export async function inspectBytes(
  bytes: Uint8Array,
  file: string,
  options: InspectOptions = {},
): Promise<ParseOutcome> {
  const tooLarge = sizeLimitReason(bytes.length);
  if (tooLarge) return { ok: false, reason: tooLarge, findings: [] };
  if (isPdf(bytes)) {
    if (!options.readPdf) return { ok: false, reason: NO_PDF_READER, findings: [] };
    let out: ParseOutcome;
    try {
      out = await options.readPdf(bytes, file);
    } catch (e) {
      return { ok: false, reason: `PDF could not be read: ${describe(e)}`, findings: [] };
    }
    if (out.ok) checkFiling(out.filing, options);
    return out;
  }
  if (isProbablyBinary(bytes)) return { ok: false, reason: 'binary file, not an ownership filing', findings: [] };
  let decoded: ReturnType<typeof decodeBytes>;
  try {
    decoded = decodeBytes(bytes);
  } catch (e) {
    return { ok: false, reason: `could not decode the file: ${describe(e)}`, findings: [] };
  }
  const out = inspectText(decoded.text, file, options);
  // What decoding had to decide (a fallback encoding, an odd byte) belongs with the filing's findings.
  prependFindings(out, applySeverities(decoded.findings, options));
  return out;
}
