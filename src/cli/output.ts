// Terminal output: colours only on a TTY (and never with NO_COLOR), plain tables.

export interface Output {
  write(text: string): void;
  readonly colour: boolean;
}

export function terminalOutput(stream: NodeJS.WriteStream = process.stdout): Output {
  return { write: (text) => stream.write(text), colour: Boolean(stream.isTTY) && !process.env.NO_COLOR };
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
export type Style = keyof typeof CODES;

export function paint(out: Output, style: Style, text: string): string {
  return out.colour ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}

/** A Markdown-style table: readable in a terminal and pasteable into a PR. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

export function formatError(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value.toExponential(2);
}
