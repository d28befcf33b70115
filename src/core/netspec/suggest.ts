// "Did you mean" for misspelled keywords, activations and losses. Optimal
// string alignment distance, so a swapped pair of letters (`sigmiod`) costs one
// edit like a dropped one (`sigmod`).

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

/**
 * The candidate the user most likely meant, or undefined. Case is ignored;
 * `hints` maps common names from other tools (`logistic`, `ce`) to ours.
 * A word that contains a candidate (`cross_entropy_loss`) also counts.
 */
export function suggest(
  word: string,
  candidates: readonly string[],
  hints: Readonly<Record<string, string>> = {},
): string | undefined {
  const lower = word.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(hints, lower)) return hints[lower];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Short words need a closer match: 'mae' is one edit from 'mse' but 'ab' is not 'mse'.
  const allowed = lower.length >= 6 ? 2 : 1;
  if (best !== undefined && bestDistance <= allowed) return best;
  const contained = candidates.filter((c) => c.length >= 3 && lower.includes(c.replace(/:$/, '')));
  if (contained.length > 0) return contained.reduce((a, b) => (b.length > a.length ? b : a));
  return undefined;
}
