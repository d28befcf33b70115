// Runs `gradcheck check` in-process with captured output, for the CLI tests.
import { runCheck, type CheckCommandOptions } from '../../../src/cli/check';
import type { Output } from '../../../src/cli/output';

export function runCheckCommand(options: Partial<CheckCommandOptions> & { files: string[] }) {
  let stdout = '';
  let stderr = '';
  const out: Output = { colour: false, write: (t) => void (stdout += t) };
  const err: Output = { colour: false, write: (t) => void (stderr += t) };
  const code = runCheck({ json: false, ...options }, out, err);
  return { code, stdout, stderr };
}
