/**
 * The only place where core offsets become `vscode.Range`s: through the open document (`positionAt`) when there
 * is one, else through a `LineIndex` over the text the filing was read from (files a workspace scan read from disk).
 */
import * as vscode from 'vscode';
import type { Span } from '../core/model';
import { LineIndex } from '../core/positions';

/** Turns spans of one text into ranges. */
export interface RangeMapper {
  range(span: Span | null | undefined): vscode.Range;
}

const ZERO = new vscode.Range(0, 0, 0, 0);

export function documentMapper(doc: vscode.TextDocument): RangeMapper {
  return {
    range: (span) => (span ? new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)) : ZERO),
  };
}

export function textMapper(text: string): RangeMapper {
  let index: LineIndex | undefined;
  return {
    range(span) {
      if (!span) return ZERO;
      index ??= new LineIndex(text);
      const a = index.position(span.start);
      const b = index.position(span.end);
      return new vscode.Range(a.line - 1, a.column - 1, b.line - 1, b.column - 1);
    },
  };
}

/** A `Filing.file` string (URI string in the extension, a path from elsewhere) as a Uri. */
export function fileUri(file: string): vscode.Uri {
  if (/^[a-zA-Z][\w+.-]+:/.test(file) && !/^[a-zA-Z]:[\\/]/.test(file)) return vscode.Uri.parse(file);
  return vscode.Uri.file(file);
}
