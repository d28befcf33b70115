// The HTML shell of both pages, with their Content Security Policy. Pure, so
// the extension (with webview URIs) and the browser tests' fake host (with
// http URIs) serve exactly the same page under exactly the same policy.

export interface PageResources {
  /** The webview's `cspSource`: where scripts' bundles, styles, fonts and images may come from. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly title: string;
  /** The page's bundle (dist/webview/<page>.js). */
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
  /** Extra data the page reads from <body data-*> (the worker's bundle URI, say). */
  readonly data?: Readonly<Record<string, string>>;
}

/**
 * `default-src 'none'`; scripts only by nonce; styles, fonts and images
 * only from the extension's own files; the playground's worker from a blob
 * of its own bundle (fetched from the extension's files). No network.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `connect-src ${cspSource}`,
    'worker-src blob:',
  ].join('; ');
}

const escapeAttribute = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function pageHtml(page: PageResources, prelude = ''): string {
  const data = Object.entries(page.data ?? {})
    .map(([k, v]) => ` data-${k}="${escapeAttribute(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('\n')}
<title>${escapeAttribute(page.title)}</title>
</head>
<body${data}>
<noscript>This view needs JavaScript.</noscript>
${prelude}<script nonce="${page.nonce}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>`;
}
