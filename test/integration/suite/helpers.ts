// Shared by the extension-host suites: the extension's test API, documents
// opened the way a user opens them, the CLI's verdicts as an independent
// reference, and waiting for the editor to catch up.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GradCheckApi } from '../../../src/extension/testApi';

export const ROOT = path.resolve(__dirname, '../../..');
export const EXTENSION_ID = 'gradcheck.gradcheck';
export const FIXTURES = path.join(ROOT, 'test/integration/fixtures/workspace');

export async function api(): Promise<GradCheckApi> {
  return (await vscode.extensions.getExtension<GradCheckApi>(EXTENSION_ID)!.activate()) as GradCheckApi;
}

export interface CliClaim {
  readonly line: number;
  readonly status: string;
  readonly message: string;
  readonly diagnosis?: string;
}

/** `gradcheck check FILE --json`: the same core run by another program. */
export function cliVerdicts(file: string): { claims: CliClaim[]; summary: Record<string, number> } {
  // Exit 1 means "a mismatch was found"; execFileSync throws then, with the output attached.
  try {
    return JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', file, '--json'], { encoding: 'utf8' }));
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return JSON.parse(stdout);
  }
}

/** An untitled copy of a file: edits and closing never touch the fixtures. */
export async function openCopy(file: string, edit: (text: string) => string = (t) => t): Promise<vscode.TextEditor> {
  const text = edit((await vscode.workspace.openTextDocument(file)).getText());
  const language = file.endsWith('.tex') ? 'latex' : 'markdown';
  return openText(text, language);
}

export async function openText(content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document);
}

export async function checkGradients(document: vscode.TextDocument): Promise<{ summary?: Record<string, number> } | undefined> {
  return vscode.commands.executeCommand('gradcheck.checkGradients', document.uri);
}

export function gradcheckDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gradcheck');
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Closes the active editor without saving (untitled copies are discarded). */
export async function closeActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** The position of the n-th occurrence of `needle` on a line. */
export function positionOf(document: vscode.TextDocument, line: number, needle: string, offset = 0): vscode.Position {
  const column = document.lineAt(line).text.indexOf(needle);
  if (column < 0) throw new Error(`'${needle}' not on line ${line + 1}: ${document.lineAt(line).text}`);
  return new vscode.Position(line, column + offset);
}

export function lineOf(document: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(needle)) return i;
  throw new Error(`'${needle}' is not in the document`);
}

/** Prints a test's figures to the host's console and hands them to the runner (index.ts), which shows them under the test. */
export function printFigures(line: string): void {
  console.log(line);
  (globalThis as { gradcheckTestOutput?: string[] }).gradcheckTestOutput?.push(line);
}
