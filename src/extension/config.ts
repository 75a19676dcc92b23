/**
 * The extension's settings, read in one place. The settings that change what is checked or scanned (the rules'
 * severities, the scan's globs, limits and start) are declared restricted in package.json; in an untrusted
 * workspace they are also read here from user settings and defaults only, so a repository's .vscode/settings.json
 * cannot switch the checks off or start a scan of its choosing.
 */
import * as vscode from 'vscode';
import type { InspectOptions } from '../core/inspect';
import type { Severity } from '../core/model';

export const SECTION = 'form4Inspector';

const LEVELS = new Set(['off', 'error', 'warning', 'info']);

/** `form4Inspector.rules` (rule id -> "off" | "error" | "warning" | "info") as the core's rule options; bad entries are skipped. */
/** A setting, with the workspace's values left out while the workspace is not trusted. */
function setting<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  if (vscode.workspace.isTrusted) return c.get<T>(key);
  const i = c.inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}

export function inspectOptions(): InspectOptions {
  const raw = setting<Record<string, unknown>>(vscode.workspace.getConfiguration(SECTION), 'rules') ?? {};
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
    include: setting<string>(c, 'scan.include') || '**/*.{xml,txt,nc,sgml,htm,html,pdf}',
    exclude: setting<string>(c, 'scan.exclude') ?? '**/{node_modules,.git,.vscode-test,dist,out}/**',
    onStartup: setting<boolean>(c, 'scan.onStartup') === true,
    maxFiles: Math.max(1, setting<number>(c, 'scan.maxFiles') ?? 20000),
  };
}
