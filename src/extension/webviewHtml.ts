// Webview options and HTML for the GradCheck pages: resources only from
// media/webview and dist/webview, scripts by a fresh nonce, no network.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { pageHtml } from '../webview/shared/pageHtml';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'webview'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

/** The page `name` (dist/webview/<name>.js with media/webview/<name>.css). */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, name: 'deltaFlow' | 'playground', title: string): string {
  const dist = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', ...parts)).toString();
  const media = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview', ...parts)).toString();
  return pageHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(18).toString('base64url'),
    title,
    scriptUri: dist(`${name}.js`),
    styleUris: [dist('katex', 'katex.min.css'), media('common.css'), media(`${name}.css`)],
    data: name === 'playground' ? { worker: dist('playgroundWorker.js') } : {},
  });
}
