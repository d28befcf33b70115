// The spec of one document: its own blocks, the `.mlp` file they reference,
// or the default network. Reading files is injected (`readFile`) because the
// core never touches the file system.
import type { Problem, Range } from '../source';
import { DEFAULT_NETWORK } from './defaults';
import { parseSpec, parseSpecLines } from './parser';
import { baseName, isInsideRoot, resolveSpecPath } from './paths';
import type { DocumentSpec, LetBinding, ParsedSpec, ReadFile, ReferencedSpec, SpecBlock, SpecInclude, SpecProblem } from './types';

export interface ResolveOptions {
  /** The document's path or URI, to resolve relative `mlp:` references. */
  readonly path?: string;
  readonly readFile?: ReadFile;
  /** The workspace folder: `mlp:` references that resolve outside it are refused without being read. */
  readonly root?: string;
}

/** Reads and parses a spec file; undefined when it cannot be read, the reason when the reader refused it. */
export function loadSpecFile(path: string, readFile: ReadFile): ParsedSpec | { readonly refused: string } | undefined {
  const text = readFile(path);
  return text === undefined || typeof text !== 'string' ? text : parseSpec(text);
}

/** The block holding the first `input`, `dense` or `loss` line: where the document's network is written. */
function networkBlock(spec: ParsedSpec, blocks: readonly SpecBlock[]): Range | undefined {
  const first = spec.statements.find((s) => s.kind === 'input' || s.kind === 'dense' || s.kind === 'loss');
  if (!first) return undefined;
  const line = first.range.start.line;
  return blocks.find((b) => b.range.start.line <= line && line <= b.range.end.line)?.range ?? first.range;
}

/**
 * The spec of a document from the spec blocks its reading found (see
 * readDocument in core/document): its own network, a referenced file's, or
 * the default. `origin` says where in the document the network comes from.
 */
export function resolveDocumentSpec(blocks: readonly SpecBlock[], options: ResolveOptions = {}): DocumentSpec {
  const own = parseSpecLines(blocks.flatMap((b) => b.lines));
  const problems: SpecProblem[] = [...own.problems];
  const include = own.includes[0];

  if (include === undefined) {
    const origin = networkBlock(own, blocks);
    if (own.declaresNetwork) return { source: 'document', spec: own, problems, blocks, ...(origin ? { origin } : {}) };
    return { source: 'default', spec: { ...own, network: DEFAULT_NETWORK }, problems, blocks };
  }

  if (own.declaresNetwork) {
    problems.push({
      range: include.range,
      severity: 'error',
      code: 'include-and-layers',
      message: `this spec declares layers and also references '${include.path}': keep one of them`,
    });
  }
  const file = readReferenced(include, options, problems);
  if (file === undefined || own.declaresNetwork) {
    return { source: 'file', spec: dropNetwork(own), problems, blocks, origin: include.range, ...(file ? { file } : {}) };
  }
  return { source: 'file', spec: merge(own, file), problems, blocks, origin: include.range, file };
}

function readReferenced(include: SpecInclude, options: ResolveOptions, problems: SpecProblem[]): ReferencedSpec | undefined {
  const path = resolveSpecPath(options.path, include.path);
  if (options.root !== undefined && !isInsideRoot(options.root, path)) {
    const message = `'${include.path}' is outside the workspace (it resolves to ${path}): a spec may reference files only inside the workspace folder`;
    problems.push({ range: include.range, severity: 'error', code: 'outside-workspace', message });
    return undefined;
  }
  const parsed = options.readFile ? loadSpecFile(path, options.readFile) : undefined;
  if (parsed !== undefined && 'refused' in parsed) {
    problems.push({ range: include.range, severity: 'error', code: 'outside-workspace', message: parsed.refused });
    return undefined;
  }
  if (parsed === undefined) {
    const where = path === include.path ? '' : ` (looked for ${path})`;
    problems.push({ range: include.range, severity: 'error', code: 'missing-file', message: `cannot read the network spec '${include.path}'${where}` });
    return undefined;
  }
  const name = baseName(path);
  const spec = parsed.includes.length > 0 ? withProblem(parsed, nestedInclude(parsed.includes[0], name)) : parsed;
  for (const p of spec.problems) problems.push(relay(p, name, include));
  if (!spec.declaresNetwork) {
    problems.push({
      range: include.range,
      severity: 'error',
      code: 'no-network-in-file',
      message: `'${include.path}' declares no network: add \`input\` and \`dense\` lines to it`,
    });
  }
  return { reference: include.path, path, spec };
}

/** A referenced file's problem, shown at the reference in the document. */
function relay(p: Problem, file: string, include: SpecInclude): SpecProblem {
  const at = `line ${p.range.start.line + 1}, column ${p.range.start.column + 1}`;
  return { range: include.range, severity: p.severity, code: 'in-referenced-file', message: `in ${file} (${at}): ${p.message}` };
}

/** References do not chain: one hop keeps "where does this network come from" answerable at a glance. */
function nestedInclude(inc: SpecInclude, file: string): SpecProblem {
  return {
    range: inc.range,
    severity: 'error',
    code: 'nested-include',
    message: `${file} is itself referenced by a document, so it cannot reference '${inc.path}': copy that file's lines here`,
  };
}

function dropNetwork(spec: ParsedSpec): ParsedSpec {
  const { network: _dropped, ...rest } = spec;
  return rest;
}

/** Adds an error to a parsed spec; an error makes its network unusable. */
function withProblem(spec: ParsedSpec, p: SpecProblem): ParsedSpec {
  return { ...dropNetwork(spec), problems: [...spec.problems, p] };
}

/** The file's network and lets, with the document's own lets, seed and samples taking precedence. */
function merge(own: ParsedSpec, file: ReferencedSpec): ParsedSpec {
  const ownSymbols = new Set(own.lets.map((l) => l.symbol.replace(/\s+/g, '')));
  const fileLets: LetBinding[] = file.spec.lets
    .filter((l) => !ownSymbols.has(l.symbol.replace(/\s+/g, '')))
    .map((l) => ({ ...l, file: file.path }));
  const ownConventions = new Set(own.conventions.map((c) => c.name));
  const fileConventions = file.spec.conventions.filter((c) => !ownConventions.has(c.name)).map((c) => ({ ...c, file: file.path }));
  const seed = own.seed ?? file.spec.seed;
  const samples = own.samples ?? file.spec.samples;
  const batch = own.batch ?? file.spec.batch;
  const network = file.spec.network;
  return {
    ...own,
    ...(network ? { network } : {}),
    ...(file.spec.parameterCount !== undefined ? { parameterCount: file.spec.parameterCount } : {}),
    declaresNetwork: file.spec.declaresNetwork,
    lets: [...fileLets, ...own.lets],
    conventions: [...fileConventions, ...own.conventions],
    ...(seed !== undefined ? { seed } : {}),
    ...(samples !== undefined ? { samples } : {}),
    ...(batch ? { batch } : {}),
  };
}
