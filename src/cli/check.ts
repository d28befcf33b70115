// `gradcheck check FILE...`: one line per claim, then a summary; or the
// JSON of docs/cli-json.md with --json.
import { readFileSync } from 'node:fs';
import { checkDocument, describeNetworkSource, reportJson, type ClaimReport, type DocumentReport } from '../core/check';
import { languageOfPath } from '../core/document';
import { workspaceReader, workspaceRootOf } from '../node/workspaceFiles';
import { printFixes, writeCorrections, type FixOutcome } from './fix';
import { formatError, paint, type Output } from './output';

export interface CheckCommandOptions {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly seed?: number;
  readonly samples?: number;
  readonly networkPath?: string;
  /** --fix: write the verified corrections into each file (a .bak beside it unless backup is false). */
  readonly fix?: { readonly backup: boolean };
}

const MARK: Record<ClaimReport['status'], string> = { ok: '✓', mismatch: '✗', unchecked: '?', definition: '≔' };

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function abbreviate(latex: string, width: number): string {
  const flat = latex.replace(/\s+/g, ' ');
  return flat.length <= width ? flat.padEnd(width) : `${flat.slice(0, width - 1)}…`;
}

function printReport(report: DocumentReport, out: Output): void {
  const file = report.file ?? '<document>';
  const net = report.network;
  const batchText = net?.batch ? `, batch of ${net.batch.size} as ${net.batch.layout}` : '';
  const netText = net ? `${net.source} network ${net.layers.join('-')} (${net.activations.join(', ')}), ${net.loss}${batchText}` : 'no network (spec errors)';
  out.write(`${paint(out, 'bold', file)}: ${netText}; seed ${report.seed}, ${report.samples} sample${report.samples === 1 ? '' : 's'}\n`);
  if (net) out.write(`network: ${describeNetworkSource(net)}\n`);
  for (const convention of report.conventions ?? []) out.write(`convention: ${convention}\n`);
  for (const p of report.problems) {
    out.write(`${file}:${p.range.start.line + 1}:${p.range.start.column + 1}: ${paint(out, p.severity === 'error' ? 'red' : 'yellow', p.severity)}: ${p.message}\n`);
  }
  for (const c of report.claims) {
    const colour = c.status === 'ok' ? 'green' : c.status === 'mismatch' ? 'red' : c.status === 'unchecked' ? 'yellow' : 'dim';
    const error = c.maxRelError !== undefined ? formatError(c.maxRelError) : c.code === 'shape' ? 'shape' : '';
    const diagnosis = c.diagnosis ? ` [${c.diagnosis}]` : '';
    out.write(`${file}:${c.rhsRange.start.line + 1}  ${paint(out, colour, MARK[c.status])}  ${abbreviate(c.latex, 48)}  ${error.padStart(8)}  ${c.message}${diagnosis}\n`);
    if (c.correction) out.write(`    fix: ${c.correction.latex}${c.correction.edit ? '' : ' (shown only: not applicable to the file as written, see docs/diagnoses.md)'}\n`);
  }
  const s = report.summary;
  const parts = [paint(out, 'green', `${s.ok} ok`), paint(out, s.mismatch > 0 ? 'red' : 'dim', `${s.mismatch} mismatch`), `${s.unchecked} unchecked`, `${s.definition} definition${s.definition === 1 ? '' : 's'}`];
  out.write(`${parts.join(', ')}\n`);
}

/** Checks every file; exit 0 all hold, 1 a mismatch, 2 an unreadable file or a file of unknown kind. */
export function runCheck(options: CheckCommandOptions, out: Output, err: Output): number {
  let exit = 0;
  const network = options.networkPath ? { path: options.networkPath, text: readText(options.networkPath) } : undefined;
  if (network && network.text === undefined) {
    err.write(`gradcheck: cannot read the network spec ${network.path}\n`);
    return 2;
  }
  const reports: DocumentReport[] = [];
  const fixes = new Map<DocumentReport, FixOutcome>();
  for (const file of options.files) {
    const language = languageOfPath(file);
    const text = readText(file);
    if (!language || text === undefined) {
      err.write(`gradcheck: ${text === undefined ? `cannot read ${file}` : `${file} is neither Markdown (.md) nor LaTeX (.tex)`}\n`);
      exit = 2;
      continue;
    }
    // `mlp:` references stay inside the workspace: the current directory, or the document's folder when it lies outside.
    const root = workspaceRootOf(file);
    const readFile = workspaceReader(root);
    const check = (source: string) =>
      checkDocument(source, {
        language,
        path: file,
        root,
        readFile,
        seed: options.seed,
        samples: options.samples,
        network: network && { path: network.path, text: network.text! },
      });
    let report = check(text);
    if (options.fix) {
      const outcome = writeCorrections(file, text, report, options.fix.backup, check, err);
      if (outcome === undefined) {
        exit = 2;
        continue;
      }
      report = outcome.report;
      fixes.set(report, outcome);
    }
    reports.push(report);
    if (report.summary.mismatch > 0 && exit === 0) exit = 1;
  }
  if (options.json) {
    const json = reports.map((r) => {
      const fixed = fixes.get(r);
      return fixed ? { ...reportJson(r), fixed: fixed.applied } : reportJson(r);
    });
    out.write(JSON.stringify(json.length === 1 && options.files.length === 1 ? json[0] : json, null, 2) + '\n');
  } else {
    reports.forEach((report, i) => {
      if (i > 0) out.write('\n');
      const fixed = fixes.get(report);
      if (fixed) printFixes(report.file ?? '<document>', fixed, out);
      printReport(report, out);
    });
  }
  return exit;
}
