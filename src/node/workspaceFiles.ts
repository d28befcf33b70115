// Reading `mlp:` spec files on Node (the CLI, the editor's worker) without
// leaving the workspace: the core refuses paths that climb out of it as
// written; this reader also refuses those that leave it through a symbolic
// link, which only the file system can tell.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ReadFile } from '../core/netspec';

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A ReadFile that reads only files whose real path lies inside the real path of `root`. */
export function workspaceReader(root: string): ReadFile {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = resolve(root);
  }
  return (path) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return undefined;
    }
    if (!inside(realRoot, real)) return { refused: `'${path}' is a link to ${real}, outside the workspace: a spec may reference files only inside the workspace folder` };
    try {
      return readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * The workspace of a document checked from the command line: the current
 * directory when the document is inside it, else the document's folder;
 * written like the document's path (relative stays relative) so the core can
 * compare the two as text.
 */
export function workspaceRootOf(documentPath: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, documentPath);
  const root = inside(cwd, absolute) ? cwd : dirname(absolute);
  if (isAbsolute(documentPath)) return root;
  return relative(cwd, root) || '.';
}
