/**
 * The one HTML shell of the extension's webviews (preview and timeline): a strict Content-Security-Policy
 * (`default-src 'none'`; the page's one stylesheet and one script admitted by a fresh nonce; fonts and images only
 * from the extension; no command URIs), and optionally the page's first data as a JSON data block (never run; every
 * `<`, `>` and `&` escaped in it).
 *
 * The stylesheet (media/) and the script bundle (dist/) are written into the page rather than linked: a linked file
 * is fetched through VS Code's webview service worker, the workbench and (in a remote window) the connection to the
 * extension host, after the page has loaded; written in, they arrive with the page (about 15-30 ms sooner in the
 * bench, more over a remote connection). Only the extension's own files are written in, never filing text.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jsonForScript } from './jsonForScript';

export interface WebviewPage {
  /** Bundle under dist/, e.g. "webview.js". */
  script: string;
  /** Stylesheet under media/, e.g. "preview.css". */
  style: string;
  title: string;
  /** Static markup placed before the script (no filing text ever goes here). */
  body: string;
  /** Data the script reads at start (`<script type="application/json" id=...>`), e.g. the first model. */
  data?: { id: string; value: unknown };
}

/** The extension's own page files, read once per extension host (they change only with the extension itself). */
const pageFiles = new Map<string, string | null>();

/**
 * A file of the extension as the text of an inline `<script>` or `<style>` element, or null when it cannot be one
 * (unreadable, or a closing tag inside it would end the element early: the caller links the file instead). A
 * bundle's source-map comment is pointed at the map's webview URI, since a relative one would resolve against the page.
 */
function inlineText(file: vscode.Uri, tag: 'script' | 'style', mapUri: (name: string) => string): string | null {
  let text = pageFiles.get(file.fsPath);
  if (text === undefined) {
    try {
      text = readFileSync(file.fsPath, 'utf8');
      if (new RegExp(`</${tag}`, 'i').test(text)) text = null;
    } catch {
      text = null;
    }
    pageFiles.set(file.fsPath, text);
  }
  return text === null
    ? null
    : text.replace(
        /^(\/\/# sourceMappingURL=)([^\s]+)\s*$/m,
        (_all, lead: string, name: string) => lead + mapUri(name),
      );
}

/** What every webview of the extension may do: run its own script, load only the extension's `dist` and `media`. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(18).toString('base64url');
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const scriptFile = vscode.Uri.joinPath(dist, page.script);
  const styleFile = vscode.Uri.joinPath(extensionUri, 'media', page.style);
  const mapUri = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(dist, name)).toString();
  const scriptText = inlineText(scriptFile, 'script', mapUri);
  const styleText = inlineText(styleFile, 'style', mapUri);
  const csp = [
    `default-src 'none'`,
    `style-src 'nonce-${nonce}'${styleText === null ? ` ${webview.cspSource}` : ''}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const style =
    styleText !== null
      ? `<style nonce="${nonce}">${styleText}</style>`
      : `<link rel="stylesheet" href="${webview.asWebviewUri(styleFile).toString()}">`;
  const script =
    scriptText !== null
      ? `<script nonce="${nonce}">${scriptText}</script>`
      : `<script nonce="${nonce}" src="${webview.asWebviewUri(scriptFile).toString()}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${style}
<title>${page.title}</title>
</head>
<body>
${page.body}
${page.data ? `<script type="application/json" id="${page.data.id}">${jsonForScript(page.data.value)}</script>\n` : ''}${script}
</body>
</html>`;
}
