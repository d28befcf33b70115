// Fixture documents for the pages: real reports of the checker on the
// derivations in test/webview/fixtures, in the shape the extension sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../../src/core/check';
import { flowDocument } from '../../../src/webview/shared/flowDocument';
import type { FlowDocument, PlaygroundDocument } from '../../../src/webview/shared/protocol';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export type FixtureName = 'backprop-correct' | 'backprop-drops-slope' | 'backprop-flips-sign';

export function fixtureText(name: FixtureName): string {
  return readFileSync(join(FIXTURES, `${name}.md`), 'utf8');
}

export function flowFixture(name: FixtureName): FlowDocument {
  const text = fixtureText(name);
  const doc = flowDocument(checkDocument(text, { language: 'markdown' }), `${name}.md`, text, 'markdown');
  if (!doc) throw new Error(`${name}.md has no network to show`);
  return doc;
}

export function playgroundFixture(name: FixtureName): PlaygroundDocument {
  return { file: `${name}.md`, text: fixtureText(name), language: 'markdown' };
}
