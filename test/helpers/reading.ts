/**
 * The extension's reading of one input done in this thread, as its reading worker does it
 * (src/core/worker/read.ts) and as the extension receives it (src/extension/reading.ts's `toReading`): the
 * extension's own bundle reads nothing in-process.
 */
import type { InspectOptions } from '../../src/core/inspect';
import { readBytesInput, readTextInput } from '../../src/core/worker/read';
import { toReading, type PdfReader, type Reading } from '../../src/extension/reading';

/** Text (an open document). */
export function readText(text: string, file: string, options: InspectOptions): Reading {
  return toReading(readTextInput(text, file, options), text);
}

/** Bytes (a file that is not open, a PDF); a PDF goes to `readPdf`. */
export async function readBytes(
  bytes: Uint8Array,
  file: string,
  options: InspectOptions,
  readPdf: PdfReader,
): Promise<Reading> {
  return toReading(await readBytesInput(bytes, file, { ...options, readPdf }), '');
}
