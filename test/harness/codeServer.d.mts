// Types of the harness for TypeScript callers (bench/editor.bench.ts).
import type { ChildProcess } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';

export interface CodeServerInstall {
  readonly node: string;
  readonly nodeBinDir: string;
  readonly entry: string;
  readonly path: string;
}

export interface CodeServer {
  readonly port: number;
  readonly baseUrl: string;
  readonly logFile: string;
  readonly userDataDir: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export const CODE_SERVER_VERSION: string;
export const NODE_SPEC: string;
export const CHROMIUM: string;
export const DEV_EXTENSION_ARGS: string[];
export function log(msg: string): void;
export function cacheRoot(): string;
export function preflight(): void;
export function cleanEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function ensureCodeServer(cache?: string): CodeServerInstall;
export function freePort(): Promise<number>;
export function makeScratch(prefix?: string): string;
export function scratchEnv(scratch: string): Record<string, string>;
export function tail(file: string, lines?: number): string;
export function findLogs(dir: string, pattern: RegExp): string[];
export function startCodeServer(options: { install: CodeServerInstall; scratch: string; env?: Record<string, string>; args?: string[] }): Promise<CodeServer>;
export function workbenchUrl(server: CodeServer, options: { folder: string; extensionDevelopmentPath: string; extensionTestsPath?: string }): string;
export function launchChromium(options: { scratch: string; viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }>;
