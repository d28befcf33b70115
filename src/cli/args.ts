// Command-line arguments: a tiny parser so errors can name the bad flag.

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly files: string[];
  readonly flags: Map<string, string | true>;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--seed', '--samples', '--network']);
const BOOLEAN_FLAGS = new Set(['--json', '--help', '--version', '--no-color', '--fix', '--no-backup']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') flags.set('--help', true);
    else if (VALUE_FLAGS.has(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      flags.set(arg, value);
    } else if (arg.includes('=') && VALUE_FLAGS.has(arg.slice(0, arg.indexOf('=')))) {
      flags.set(arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    } else if (BOOLEAN_FLAGS.has(arg)) flags.set(arg, true);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  return { command: positional[0], files: positional.slice(1), flags };
}

export function wholeNumberFlag(args: ParsedArgs, flag: string, fallback: number, min: number, max: number): number {
  const raw = args.flags.get(flag);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} takes a whole number from ${min} to ${max} (got ${raw === true ? 'nothing' : `'${raw}'`})`);
  }
  return value;
}
