/**
 * Reading one input as the reading worker does it, in plain functions (the worker's entry runs them; the
 * extension's unit-tested reading rules are these): text is detected once and only a filing is parsed and checked,
 * so an ordinary XML or text file costs one look at its head; bytes go through `inspectBytes`.
 */
import { detectKind } from '../detect';
import { inspectBytes, inspectText, MAX_INPUT_BYTES, type InspectOptions } from '../inspect';
import { notFilingResult, type ReadResult } from './protocol';

/** Text (an open document as typed): a filing is inspected, anything else answered with its detected reason. */
export function readTextInput(text: string, file: string, options: InspectOptions): ReadResult {
  if (text.length > MAX_INPUT_BYTES) return notFilingResult('the file is too large for a filing');
  const detection = detectKind(text);
  if (detection.kind === 'unknown') return notFilingResult(detection.reason);
  return { outcome: inspectText(text, file, options, detection), isFiling: true };
}

/** Bytes (a file read from disk): decoded and inspected, a PDF handed to `options.readPdf`. */
export async function readBytesInput(bytes: Uint8Array, file: string, options: InspectOptions): Promise<ReadResult> {
  const outcome = await inspectBytes(bytes, file, options);
  return { outcome, isFiling: outcome.ok };
}
