// Which documents GradCheck checks, and how to tell that one has math.
import type * as vscode from 'vscode';
import { languageOfId, type DocumentLanguage } from '../core/document';

export type CheckLanguage = DocumentLanguage | 'mlp';

export function checkLanguage(document: Pick<vscode.TextDocument, 'languageId'>): CheckLanguage | undefined {
  if (document.languageId === 'mlp') return 'mlp';
  return languageOfId(document.languageId);
}

/** A cheap test before anything is checked: `$`, `\[`, `\(` or a math environment. */
export function mayHaveMath(text: string, language: CheckLanguage): boolean {
  if (language === 'mlp') return true;
  if (language === 'markdown') return /\$|```\s*math/.test(text);
  return /\$|\\\[|\\\(|\\begin\{(equation|align|gather|multline)/.test(text);
}
