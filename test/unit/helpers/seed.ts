// The seed derivation (DESIGN.md): the real document that started the
// project. The repository keeps a byte-for-byte copy, so the tests that pin
// its verdicts run everywhere (a worktree, CI), not only beside ../shared.
import { join } from 'node:path';

export const SEED_PATH = join(__dirname, '..', 'fixtures', 'seed', 'seed-derivation.md');

/** Where the workspace keeps the original, when the tests run inside it. */
export const SHARED_SEED_PATHS = [join(__dirname, '..', '..', '..', 'shared', 'seed-derivation.md'), '/work/shared/seed-derivation.md'];
