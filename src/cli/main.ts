// The `gradcheck` command line. Exit codes: 0 fine, 1 a mismatch or failed
// self-test, 2 a usage error or unreadable file (docs/cli-json.md).
import { version } from '../../package.json';
import { DEFAULT_NETWORK } from '../core/netspec';
import { parseArgs, UsageError, wholeNumberFlag, type ParsedArgs } from './args';
import { terminalOutput } from './output';
import { runSelftest } from './selftest';
import { runCheck } from './check';
import { join, relative } from 'node:path';

/** The example `gradcheck check` runs without a file: shipped beside the bundle (dist/../examples). */
function bundledExample(): string {
  return relative(process.cwd(), join(__dirname, '..', 'examples', 'softmax-mlp.vi.md')) || 'softmax-mlp.vi.md';
}

const USAGE = `Usage:
  gradcheck check [FILE...] [--json] [--seed N] [--samples N] [--network SPEC.mlp]
      (no FILE: the bundled example derivation)
  gradcheck check --fix [--no-backup] FILE...
      (writes the verified corrections into each FILE, keeping FILE.bak)
  gradcheck selftest [--json] [--seed N] [--samples N]
  gradcheck --help | --version
`;

function fixFlags(args: ParsedArgs): { fix?: { backup: boolean } } {
  if (!args.flags.has('--fix')) {
    if (args.flags.has('--no-backup')) throw new UsageError('--no-backup only goes with --fix');
    return {};
  }
  if (args.files.length === 0) throw new UsageError('--fix needs the files to correct');
  return { fix: { backup: !args.flags.has('--no-backup') } };
}

function main(argv: readonly string[]): number {
  const out = terminalOutput();
  const args = parseArgs(argv);
  if (args.flags.has('--help') || args.command === 'help') {
    out.write(USAGE);
    return 0;
  }
  if (args.flags.has('--version')) {
    out.write(`gradcheck ${version}\n`);
    return 0;
  }
  switch (args.command) {
    case 'selftest':
      return runSelftest(
        {
          network: DEFAULT_NETWORK,
          seed: wholeNumberFlag(args, '--seed', 1, 0, 2 ** 31),
          samples: wholeNumberFlag(args, '--samples', 3, 1, 100),
          json: args.flags.has('--json'),
        },
        out,
      );
    case 'check': {
      const files = args.files.length > 0 ? args.files : [bundledExample()];
      return runCheck(
        {
          files,
          json: args.flags.has('--json'),
          seed: args.flags.has('--seed') ? wholeNumberFlag(args, '--seed', 1, 0, 2 ** 31) : undefined,
          samples: args.flags.has('--samples') ? wholeNumberFlag(args, '--samples', 3, 1, 1000) : undefined,
          networkPath: typeof args.flags.get('--network') === 'string' ? (args.flags.get('--network') as string) : undefined,
          ...fixFlags(args),
        },
        out,
        terminalOutput(process.stderr),
      );
    }
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command '${args.command}'`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`gradcheck: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`gradcheck: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  }
}
