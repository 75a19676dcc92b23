/**
 * What reading one input gives the extension, from text (an open document) or from bytes (a file not open, a PDF).
 * No `vscode` import: the rules of the reading path are unit-tested in plain Node; filingService.ts does the I/O.
 */
import { detectKind } from '../core/detect';
import { inspectBytes, inspectText, MAX_INPUT_BYTES, type InspectOptions } from '../core/inspect';
import type { ParseOutcome } from '../core/model';
import type { PdfReader } from '../core/pdf/reader';

export type { PdfReader };

export interface Reading {
  /** The input read as a filing; for an input that is not an ownership filing, a failure saying why. */
  outcome: ParseOutcome;
  /**
   * Whether the input is an ownership filing, readable or not. From text this is the detected kind; from bytes only
   * a readable filing counts, since the reason a file fails (and the encoding notes on it) cannot tell a damaged
   * filing from any other file that a workspace scan comes across.
   */
  isFiling: boolean;
  /** The text the outcome's spans index into ('' when there is none: a PDF, a file that was not decoded). */
  text: string;
}

/** An input that is not read as a filing. */
export function notFiling(reason: string): Reading {
  return { outcome: { ok: false, reason, findings: [] }, isFiling: false, text: '' };
}

/**
 * Text (an open document): its kind is detected once, and only a filing is parsed and checked, so an ordinary XML or
 * text file costs one look at its head.
 */
export function readText(text: string, file: string, options: InspectOptions): Reading {
  if (text.length > MAX_INPUT_BYTES) return notFiling('the file is too large for a filing');
  const detection = detectKind(text);
  if (detection.kind === 'unknown') return notFiling(detection.reason);
  return { outcome: inspectText(text, file, options, detection), isFiling: true, text };
}

/** Bytes (a file that is not open, a PDF): the core decodes them or hands a PDF to `readPdf`. */
export async function readBytes(
  bytes: Uint8Array,
  file: string,
  options: InspectOptions,
  readPdf: PdfReader,
): Promise<Reading> {
  const outcome = await inspectBytes(bytes, file, { ...options, readPdf });
  return outcome.ok ? { outcome, isFiling: true, text: outcome.filing.text } : { outcome, isFiling: false, text: '' };
}
