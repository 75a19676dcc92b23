/**
 * The extension's EDGAR client, made from the user's settings each time a command starts (so a changed setting
 * applies at once): the declared User-Agent (`form4Inspector.edgar.userAgent`, else FORM4_USER_AGENT), the request
 * rate, offline mode, and the cache in the extension's global storage. These settings are application-scoped: a
 * workspace cannot set them, and nothing but the FORM4_EDGAR_ORIGIN environment variable can point the client
 * elsewhere than SEC.gov. Requests go through Node's https module, on which VS Code applies its proxy settings.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DiskCache, EdgarClient, USER_AGENT_ENV, isEdgarError, type EdgarError } from '../core/edgar';

export const EDGAR_SETTINGS = 'form4Inspector.edgar';
const USER_AGENT_SETTING = `${EDGAR_SETTINGS}.userAgent`;
const HINT = `set "${USER_AGENT_SETTING}" in your user settings to your name and e-mail address`;

export class EdgarAccess {
  private cache: DiskCache | null = null;
  private cacheKey = '';

  constructor(
    private readonly storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** A client with the current settings (`cacheOnly`: one that answers from the cache and never asks EDGAR). */
  client(cacheOnly = false): EdgarClient {
    const c = vscode.workspace.getConfiguration(EDGAR_SETTINGS);
    const mb = Math.max(16, c.get<number>('cacheSizeMB') ?? 512);
    const dir = this.storage.scheme === 'file' ? path.join(this.storage.fsPath, 'edgar-cache') : null;
    if (dir && `${dir}:${mb}` !== this.cacheKey) {
      this.cache = new DiskCache(dir, mb * 1024 * 1024);
      this.cacheKey = `${dir}:${mb}`;
    }
    return new EdgarClient({
      userAgent: c.get<string>('userAgent')?.trim() || process.env[USER_AGENT_ENV] || null,
      userAgentHint: HINT,
      requestsPerSecond: c.get<number>('requestsPerSecond'),
      offline: cacheOnly || c.get<boolean>('offline') === true,
      cache: this.cache,
      onRequest: (e) =>
        this.log.debug(`EDGAR GET ${e.url}${e.conditional ? ' (conditional)' : ''}: ${e.status ?? e.error ?? ''}`),
    });
  }

  /** Shows an EDGAR error the way the user can act on it (the setting to open, SEC's page on fair access). */
  showError(e: unknown, what: string): void {
    const message = e instanceof Error ? e.message : String(e);
    this.log.warn(`${what}: ${message}`);
    if (!isEdgarError(e)) {
      void vscode.window.showErrorMessage(`${what}: ${message}`);
      return;
    }
    const err: EdgarError = e;
    if (err.code === 'cancelled') return;
    if (err.code === 'user-agent') {
      const open = 'Open Settings';
      // Not awaited: the command ends now; the button works for as long as the message shows.
      void vscode.window.showErrorMessage(message, open).then((pick) => {
        if (pick === open) void vscode.commands.executeCommand('workbench.action.openSettings', USER_AGENT_SETTING);
      });
      return;
    }
    if (err.code === 'blocked') {
      const more = "SEC's fair access rules";
      void vscode.window.showErrorMessage(message, more).then((pick) => {
        if (pick === more)
          void vscode.env.openExternal(vscode.Uri.parse('https://www.sec.gov/os/accessing-edgar-data'));
      });
      return;
    }
    void vscode.window.showErrorMessage(`${what}: ${message}`);
  }

  /** A client when a User-Agent is set (or offline); otherwise says why one is needed, with a button to the setting. */
  async ready(): Promise<EdgarClient | undefined> {
    const client = this.client();
    if (client.offline) return client;
    try {
      client.userAgent();
      return client;
    } catch (e) {
      this.showError(e, 'EDGAR');
      return undefined;
    }
  }
}
