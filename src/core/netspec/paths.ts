// Resolves `mlp: path` against the document's own path without `path` or
// `fs`: the core also runs in the browser, where documents are URIs
// (vscode-vfs://github/...). Handles POSIX paths, Windows paths and URIs.

const URI_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/;
const DRIVE = /^[A-Za-z]:(?=[\\/])/;

export function isAbsoluteSpecPath(path: string): boolean {
  return URI_PREFIX.test(path) || DRIVE.test(path) || path.startsWith('/') || path.startsWith('\\');
}

/** Splits off what `..` must never climb above: `scheme://authority` or `C:`. */
function splitRoot(path: string): [string, string] {
  const m = URI_PREFIX.exec(path) ?? DRIVE.exec(path);
  return m ? [m[0], path.slice(m[0].length)] : ['', path];
}

function normalize(path: string, separator: string): string {
  const [root, rest] = splitRoot(path);
  const absolute = /^[\\/]/.test(rest);
  const out: string[] = [];
  for (const part of rest.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  return root + (absolute ? separator : '') + out.join(separator);
}

/**
 * The path of a referenced spec: `reference` as written in the document,
 * resolved against the folder of `documentPath` (when there is one).
 */
export function resolveSpecPath(documentPath: string | undefined, reference: string): string {
  if (isAbsoluteSpecPath(reference) || documentPath === undefined) return reference;
  // Keep the document's style: a Windows path stays a Windows path.
  const separator = !URI_PREFIX.test(documentPath) && documentPath.includes('\\') && !documentPath.includes('/') ? '\\' : '/';
  const cut = Math.max(documentPath.lastIndexOf('/'), documentPath.lastIndexOf('\\'));
  const folder = cut >= 0 ? documentPath.slice(0, cut + 1) : '';
  return normalize(folder + reference, separator);
}

/** The last segment of a path, for messages ("in net.mlp, line 3"). */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

/**
 * Whether `path` lies inside the folder `root` (both as the document's paths
 * are written: POSIX, Windows or URI), after `..` and `.` are resolved. The
 * core cannot see symbolic links; the reader that touches the file system
 * refuses those (src/node/workspaceFiles.ts).
 */
export function isInsideRoot(root: string, path: string): boolean {
  const windows = DRIVE.test(root) || (!URI_PREFIX.test(root) && root.includes('\\') && !root.includes('/'));
  const fold = (p: string) => (windows ? normalize(p, '/').toLowerCase() : normalize(p, '/'));
  const base = fold(root).replace(/\/+$/, '');
  const target = fold(path);
  // A relative root ('.', ''): relative paths that do not climb out of it.
  if (base === '') return !isAbsoluteSpecPath(target) && target !== '..' && !target.startsWith('../');
  return target === base || target.startsWith(`${base}/`);
}
