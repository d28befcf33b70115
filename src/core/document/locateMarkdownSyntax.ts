// A micromark construct for display math (`$$` blocks) that reads the way
// people actually write them. micromark-extension-math's own flow construct
// follows code-fence rules: text after the opening `$$` is an "info string"
// and only a line holding nothing but `$$` closes the block. So the common
//
//     $$\begin{aligned}          <- content lost as "meta"
//       a &= b \\ &= c
//     \end{aligned}$$            <- not a closing fence: the block runs on
//                                   and swallows the rest of the document
//
// breaks badly. Here the opening line's rest is content, and the first `$$`
// on a later line closes the block (text after it on that line is skipped).
// A line with `$` after the opening `$$` (`$$a = b$$`) is not a block: it
// stays inline math of its paragraph, which the locator treats as display.
//
// Token names reuse micromark-extension-math's (mathFlow, mathFlowFence,
// mathFlowFenceSequence, mathFlowValue); mdast-util-math is not used, the
// locator records the tokens itself.

import type { Code, Construct, Effects, Extension, State, TokenizeContext, TokenType } from 'micromark-util-types';
import { math } from 'micromark-extension-math';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    /** Text after a closing `$$` on the same line; skipped. */
    mathFlowTrailing: 'mathFlowTrailing';
  }
}

const DOLLAR = 36;

function isLineEnding(code: Code): boolean {
  return code !== null && code < -2;
}

function isSpace(code: Code): boolean {
  return code === -2 || code === -1 || code === 32;
}

/** micromark-factory-space, inlined to avoid depending on a transitive package. */
function spaces(effects: Effects, ok: State, type: TokenType, max = Infinity): State {
  let size = 0;
  const start: State = (code) => {
    if (isSpace(code) && size < max) {
      effects.enter(type);
      return inside(code);
    }
    return ok(code);
  };
  const inside: State = (code) => {
    if (isSpace(code) && size < max) {
      size++;
      effects.consume(code);
      return inside;
    }
    effects.exit(type);
    return ok(code);
  };
  return start;
}

const nonLazyContinuation: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const self = this;
    const lineStart: State = (code) => (self.parser.lazy[self.now().line] ? nok(code) : ok(code));
    return (code) => {
      if (code === null) return ok(code);
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return lineStart;
    };
  },
};

export const displayMath: Construct = {
  name: 'mathFlow',
  concrete: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const self = this;
    const tail = self.events[self.events.length - 1];
    // Indentation of the opening fence, removed from content lines too (as for code fences).
    const initialSize = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
    let sizeOpen = 0;

    // `$$` then at least `sizeOpen` dollars; the rest of the line is skipped.
    const closing: Construct = {
      partial: true,
      tokenize(effects2, ok2, nok2) {
        let size = 0;
        const sequence: State = (code) => {
          if (code === DOLLAR) {
            size++;
            effects2.consume(code);
            return sequence;
          }
          if (size < sizeOpen) return nok2(code);
          effects2.exit('mathFlowFenceSequence');
          effects2.exit('mathFlowFence');
          if (code === null || isLineEnding(code)) return ok2(code);
          effects2.enter('mathFlowTrailing');
          return trailing(code);
        };
        const trailing: State = (code) => {
          if (code === null || isLineEnding(code)) {
            effects2.exit('mathFlowTrailing');
            return ok2(code);
          }
          effects2.consume(code);
          return trailing;
        };
        return (code) => {
          effects2.enter('mathFlowFence');
          effects2.enter('mathFlowFenceSequence');
          return sequence(code);
        };
      },
    };

    const after: State = (code) => {
      effects.exit('mathFlow');
      return ok(code);
    };

    const contentChunk: State = (code) => {
      if (code === null || isLineEnding(code)) {
        effects.exit('mathFlowValue');
        return beforeContentChunk(code);
      }
      if (code === DOLLAR) {
        effects.exit('mathFlowValue');
        return effects.attempt(closing, after, resumeChunk)(code);
      }
      effects.consume(code);
      return contentChunk;
    };

    // A `$` that did not close the block is content after all.
    const resumeChunk: State = (code) => {
      effects.enter('mathFlowValue');
      effects.consume(code);
      return contentChunk;
    };

    const beforeContentChunk: State = (code) => {
      if (code === null) return after(code);
      if (isLineEnding(code)) return effects.attempt(nonLazyContinuation, contentStart, after)(code);
      if (code === DOLLAR) return effects.attempt(closing, after, resumeChunk)(code);
      effects.enter('mathFlowValue');
      return contentChunk(code);
    };

    const contentStart: State = (code) =>
      initialSize ? spaces(effects, beforeContentChunk, 'linePrefix', initialSize)(code) : beforeContentChunk(code);

    const afterOpeningLine: State = (code) => {
      // When interrupting a paragraph micromark only asks whether a block
      // starts here; it tokenizes again for real afterwards.
      if (self.interrupt) return ok(code);
      return effects.attempt(nonLazyContinuation, contentStart, after)(code);
    };

    // Content on the opening line; a `$` there means this line is inline math instead.
    const openingContent: State = (code) => {
      if (code === null || isLineEnding(code)) {
        effects.exit('mathFlowValue');
        return afterOpeningLine(code);
      }
      if (code === DOLLAR) return nok(code);
      effects.consume(code);
      return openingContent;
    };

    const afterSequenceOpen: State = (code) => {
      effects.exit('mathFlowFence');
      if (code === null || isLineEnding(code)) return afterOpeningLine(code);
      effects.enter('mathFlowValue');
      return openingContent(code);
    };

    const sequenceOpen: State = (code) => {
      if (code === DOLLAR) {
        sizeOpen++;
        effects.consume(code);
        return sequenceOpen;
      }
      if (sizeOpen < 2) return nok(code);
      effects.exit('mathFlowFenceSequence');
      return spaces(effects, afterSequenceOpen, 'whitespace')(code);
    };

    return (code) => {
      effects.enter('mathFlow');
      effects.enter('mathFlowFence');
      effects.enter('mathFlowFenceSequence');
      return sequenceOpen(code);
    };
  },
};

/**
 * Inline math from micromark-extension-math plus the display construct
 * above. Emphasis, character references and hard breaks cannot change which
 * `$` is math, so they are switched off (about 15% faster).
 */
export function markdownMathSyntax(): Extension {
  const standard = math();
  return {
    text: standard.text,
    flow: { [DOLLAR]: displayMath },
    disable: { null: ['attention', 'characterReference', 'hardBreakEscape'] },
  };
}
