// The `gradcheck.*` settings, read in one place with their defaults.
import * as vscode from 'vscode';
import type { CheckSettings } from '../worker/protocol';

export type InlineVerdictStyle = 'decoration' | 'codelens' | 'off';

export interface Settings {
  readonly checkOnSave: boolean;
  /** Re-check documents already checked while typing, after `checkOnTypeDelayMs` of quiet. */
  readonly checkOnType: boolean;
  readonly checkOnTypeDelayMs: number;
  readonly inlineVerdicts: InlineVerdictStyle;
  /** Overrides of the spec's seed/samples and the default tolerance; undefined keeps the document's. */
  readonly check: CheckSettings;
}

const positive = (x: number | undefined | null): number | undefined => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : undefined);

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('gradcheck', scope);
  const seed = c.get<number | null>('seed');
  const samples = positive(c.get<number | null>('samples'));
  const atol = c.get<number>('tolerance.atol', 1e-6);
  const rtol = c.get<number>('tolerance.rtol', 1e-5);
  const style = c.get<string>('inlineVerdicts', 'decoration');
  return {
    checkOnSave: c.get<boolean>('checkOnSave', true),
    checkOnType: c.get<boolean>('checkOnType', true),
    checkOnTypeDelayMs: Math.max(0, c.get<number>('checkOnTypeDelay', 300)),
    inlineVerdicts: style === 'codelens' || style === 'off' ? style : 'decoration',
    check: {
      ...(typeof seed === 'number' && Number.isInteger(seed) ? { seed } : {}),
      ...(samples !== undefined ? { samples: Math.round(samples) } : {}),
      tolerance: { atol: Math.max(0, atol), rtol: Math.max(0, rtol) },
    },
  };
}
