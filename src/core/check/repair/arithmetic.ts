// Edits of signs, constant factors and conditions: what a slip of the pen
// or a forgotten ½ looks like in the source.
import { walk } from '../walk';
import { constantOf, flipTerm, isProduct, rational, terms, text, times, type Candidate, type CandidateSource } from './candidate';
import { insert, replace, unwrapParens, type TextEdit } from './textEdit';

export function negations(src: CandidateSource): Candidate[] {
  const rhs = src.rhs;
  const all = terms(src, rhs);
  const out: Candidate[] = [];
  const advice = 'negate the right side';
  if (rhs.kind === 'neg') {
    // From the side's own text, not the argument's span: a call's span can start at its parenthesis.
    const inner = text(src, rhs).replace(/^-\s*/, '');
    out.push({ kind: 'sign', edits: [replace(rhs.span, unwrapParens(inner) ?? inner)], advice: 'drop the leading minus', screen: true });
  }
  if (all.length === 2 && all[1].op?.char === '-' && all[0].expr.kind !== 'neg') {
    const [a, b] = all;
    const gap = src.source.slice(a.expr.span.end, b.expr.span.start);
    out.push({ kind: 'sign', edits: [replace(rhs.span, `${text(src, b.expr)}${gap}${text(src, a.expr)}`)], advice: 'swap the two sides of the minus', screen: true });
  }
  if (all.length > 1) {
    const flips = all.map((t) => flipTerm(src, t));
    if (flips.every((f) => f !== undefined)) out.push({ kind: 'sign', edits: flips as TextEdit[], advice, screen: true });
  }
  if (rhs.kind !== 'neg') {
    const whole = text(src, rhs);
    out.push({ kind: 'sign', edits: [replace(rhs.span, all.length > 1 ? `-\\left(${whole}\\right)` : `-${whole}`)], advice, screen: true });
  }
  return out;
}

export function termSigns(src: CandidateSource): Candidate[] {
  const all = terms(src, src.rhs);
  if (all.length < 2) return [];
  return all.flatMap((t) => {
    const edit = flipTerm(src, t);
    if (!edit) return [];
    const term = text(src, t.expr);
    const advice = t.op ? `write ${t.op.char === '+' ? '−' : '+'} instead of ${t.op.char === '+' ? '+' : '−'} before ${term}` : t.expr.kind === 'neg' ? `drop the minus before ${text(src, t.expr.arg)}` : `put a minus before ${term}`;
    return [{ kind: 'term-sign' as const, edits: [edit], advice, screen: true }];
  });
}

export function constantFactors(src: CandidateSource): Candidate[] {
  const out: Candidate[] = [];
  const rhs = src.rhs;
  walk(rhs, (node) => {
    if (node.kind !== 'binary') return;
    const whole = node === rhs || terms(src, rhs).length === 1;
    const subject = whole ? 'the right side is' : 'one term is';
    if (isProduct(node)) {
      for (const [factor, other] of [
        [node.left, node.right],
        [node.right, node.left],
      ] as const) {
        const c = constantOf(factor);
        if (c === undefined || c === 1 || c === -1) continue;
        const rest = text(src, other);
        const kept = node === rhs ? (unwrapParens(rest) ?? rest) : rest;
        // -2 x: the factor 2 goes, the minus stays.
        const [edit, dropped] = c < 0 ? [`-${kept}`, String(-c)] : [kept, text(src, factor)];
        out.push({ kind: 'constant-factor', edits: [replace(node.span, edit)], advice: `${subject} ${times(Math.abs(c))} the true value: drop the ${dropped}`, screen: true });
      }
    }
    if (node.op === '/' && constantOf(node) === undefined) {
      const c = constantOf(node.right);
      if (c !== undefined && c !== 0 && c !== 1) {
        const rest = text(src, node.left);
        out.push({ kind: 'constant-factor', edits: [replace(node.span, node === rhs ? (unwrapParens(rest) ?? rest) : rest)], advice: `${subject} ${times(1 / c)} the true value: drop the division by ${text(src, node.right)}`, screen: true });
      }
    }
  });
  const r = src.ratio === undefined ? undefined : rational(src.ratio);
  if (r && !(r[0] === r[1]) && !(r[0] === -r[1])) {
    const whole = text(src, rhs);
    // 1/m, not 1/8, where the document names the number (the batch size).
    const denominator = src.nameOf?.(r[1]) ?? String(r[1]);
    const factor = r[1] === 1 ? String(r[0]) : `${r[0] < 0 ? '-' : ''}\\frac{${Math.abs(r[0])}}{${denominator}}`;
    const body = terms(src, rhs).length > 1 || rhs.kind === 'neg' ? `\\left(${whole}\\right)` : whole;
    const word = r[1] === 1 ? `multiply it by ${r[0]}` : r[0] === 1 ? `divide it by ${denominator}` : `multiply it by ${r[0]}/${denominator}`;
    out.push({ kind: 'constant-factor', edits: [replace(rhs.span, `${factor} ${body}`)], advice: `the right side is ${times(r[1] / r[0])} the true value: ${word}`, screen: true });
  }
  return out;
}

export function restrictions(src: CandidateSource): Candidate[] {
  return src.splits.map((s) => ({ kind: 'partial-range' as const, edits: [insert(src.rhs.span.end, `, \\quad ${s.latex}`)], advice: `state the condition ${s.latex}`, screen: false }));
}
