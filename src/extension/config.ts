/** The extension's settings, read in one place. */
import * as vscode from 'vscode';
import type { InspectOptions } from '../core/inspect';
import type { Severity } from '../core/model';

export const SECTION = 'form4Inspector';

const LEVELS = new Set(['off', 'error', 'warning', 'info']);

/** `form4Inspector.rules` (rule id -> "off" | "error" | "warning" | "info") as the core's rule options; bad entries are skipped. */
export function inspectOptions(): InspectOptions {
  const raw = vscode.workspace.getConfiguration(SECTION).get<Record<string, unknown>>('rules') ?? {};
  const severities: Record<string, Severity | 'off'> = Object.create(null);
  if (raw && typeof raw === 'object') {
    for (const [id, level] of Object.entries(raw)) {
      if (typeof level === 'string' && LEVELS.has(level)) severities[id] = level as Severity | 'off';
    }
  }
  return { severities };
}

export interface ScanSettings {
  include: string;
  exclude: string;
  onStartup: boolean;
  maxFiles: number;
}

export function scanSettings(): ScanSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    include: c.get<string>('scan.include') || '**/*.{xml,txt,nc,sgml,htm,html,pdf}',
    exclude: c.get<string>('scan.exclude') ?? '**/{node_modules,.git,.vscode-test,dist,out}/**',
    onStartup: c.get<boolean>('scan.onStartup') === true,
    maxFiles: Math.max(1, c.get<number>('scan.maxFiles') ?? 20000),
  };
}
