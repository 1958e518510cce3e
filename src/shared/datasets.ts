import { existsSync } from 'node:fs';

// ../shared/datasets beside the project: real data that is never copied into
// the repository. A user's fresh clone has none, so tests that need it skip.
// PARLEY_DATASETS points elsewhere (a git worktree in another folder, for example).
const fromEnv = process.env.PARLEY_DATASETS;
export const datasetsDir = fromEnv
  ? fromEnv.replace(/\/?$/, '/')
  : new URL('../../../shared/datasets/', import.meta.url).pathname;

export function datasetSkipReason(sub: string): string | undefined {
  if (existsSync(`${datasetsDir}${sub}`)) return undefined;
  const why = `the shared datasets (${datasetsDir}${sub}) are not here`;
  console.warn(`# skipping: ${why}`);
  return why;
}
