// Entry point: activate() only creates the context (which owns every
// feature) and registers the command table. What it returns is for tests.
import { performance } from 'node:perf_hooks';
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { GradCheckContext } from './context';
import { registerCorrections } from './corrections';
import { testApi, type GradCheckApi } from './testApi';
import { registerWebviewPanels } from './webviewPanels';

export function activate(extension: vscode.ExtensionContext): GradCheckApi {
  const started = performance.now();
  const ctx = new GradCheckContext(extension.extensionPath);
  ctx.push(...registerCommands(ctx));
  ctx.push(registerCorrections((document) => ctx.store.current(document)));
  extension.subscriptions.push(ctx);
  registerWebviewPanels(extension, ctx.store, ctx.checking, ctx.log);
  const activationMs = performance.now() - started;
  ctx.log.info(`activated in ${activationMs.toFixed(1)} ms`);
  return testApi(ctx, activationMs);
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
