/**
 * The one HTML shell of the extension's webviews (preview and timeline): a strict Content-Security-Policy
 * (`default-src 'none'`, styles and fonts from the extension only, the one bundled script by a fresh nonce, no inline
 * script, no command URIs), the page's stylesheet and script from the extension's own media/ and dist/.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

export interface WebviewPage {
  /** Bundle under dist/, e.g. "webview.js". */
  script: string;
  /** Stylesheet under media/, e.g. "preview.css". */
  style: string;
  title: string;
  /** Static markup placed before the script (no filing text ever goes here). */
  body: string;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(18).toString('base64url');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', page.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', page.style));
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${page.title}</title>
</head>
<body>
${page.body}
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
