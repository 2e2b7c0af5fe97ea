/** A command line that cannot be run as given; the message says why ('' asks for the usage text alone). */
export class UsageError extends Error {}

/** The value after an option at `argv[at]` (`--corpus DIR`); a missing value or another option is a usage error. */
export function optionValue(argv: readonly string[], at: number): string {
  const v = argv[at + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${argv[at]} needs a value`);
  return v;
}
