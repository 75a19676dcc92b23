/**
 * What every input goes through around its parser: the size limit, the options, and settling an outcome (the
 * caller's severities on the parser's findings, the EDGAR origin, the rules). A PDF's whole way is here too, since
 * its parser is the caller's (`readPdf`): code that reads only PDFs, or only sizes, needs none of the text parsers
 * (../inspect), and the extension host's bundle carries none of them.
 */
import type { EdgarSource, Finding, ParseOutcome } from './model';
import { edgarSourceFromId } from './edgar/source';
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
  /** Skip the rules (parse only); the caller's severities still apply to what the parsers found. */
  noRules?: boolean;
  /**
   * Where the input came from on EDGAR, when the caller knows (a download's manifest). Without it, a document named
   * by its EDGAR editor address (src/core/edgar/source.ts) gets it from the name.
   */
  edgar?: EdgarSource | null;
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Finish an outcome: `notes` (findings about the input itself: its bytes, its decoding) go first, then the parser's
 * own; the caller's severities are applied to all of them, once; then the rules run on a filing.
 */
export function settle(out: ParseOutcome, notes: Finding[], options: InspectOptions): ParseOutcome {
  const own = out.ok ? out.filing.findings : out.findings;
  const findings = applySeverities(notes.length ? notes.concat(own) : own, options);
  if (!out.ok) return { ...out, findings };
  out.filing.findings = findings;
  // Where the filing came from on EDGAR, before the rules run: the late-filing checks read its filing date.
  const edgar = options.edgar ?? edgarSourceFromId(out.filing.file);
  if (edgar) out.filing.edgar = edgar;
  if (options.noRules) return out;
  // One by one: a hostile filing can have hundreds of thousands of findings, too many to spread as arguments.
  for (const f of runRules(out.filing, options)) findings.push(f);
  return out;
}

/** A PDF through the caller's PDF reader, settled; never throws. */
export async function inspectPdf(bytes: Uint8Array, file: string, options: InspectOptions): Promise<ParseOutcome> {
  const tooLarge = sizeLimitReason(bytes.length);
  if (tooLarge) return { ok: false, reason: tooLarge, findings: [] };
  if (!options.readPdf) return { ok: false, reason: NO_PDF_READER, findings: [] };
  let out: ParseOutcome;
  try {
    out = await options.readPdf(bytes, file);
  } catch (e) {
    return { ok: false, reason: `PDF could not be read: ${describe(e)}`, findings: [] };
  }
  return settle(out, [], options);
}
