/**
 * What reading one input gives the extension, from text (an open document) or from bytes (a file not open, a PDF).
 * The reading itself is the core's (../core/worker/read.ts), run in the reading worker by filingService.ts; these
 * are its rules in plain Node (no `vscode` import), unit-tested in-process.
 */
import type { ParseOutcome } from '../core/model';
import type { PdfReader } from '../core/pdf/reader';
import type { ReadResult, WorkerInspectOptions } from '../core/worker/client';
import { notFilingResult } from '../core/worker/protocol';

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

/** Where the extension's inputs are read: the reading worker (../core/worker/client.ts), or in-process in tests. */
export interface InputReader {
  inspectText(text: string, file: string, options: WorkerInspectOptions): Promise<ReadResult>;
  inspectBytes(bytes: Uint8Array, file: string, options: WorkerInspectOptions): Promise<ReadResult>;
}

/** An input that is not read as a filing. */
export function notFiling(reason: string): Reading {
  return toReading(notFilingResult(reason), '');
}

/** A worker's answer as a Reading; `text` is the text a text input was (its spans index into it). */
export function toReading(r: ReadResult, text: string): Reading {
  const t = r.outcome.ok ? r.outcome.filing.text : r.isFiling ? text : '';
  return { outcome: r.outcome, isFiling: r.isFiling, text: t };
}
