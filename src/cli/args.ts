import { parseArgs } from "node:util";

export const PRESETS = ["recommended", "strict", "all"] as const;
export const FORMATS = ["stylish", "json", "sarif"] as const;

export type PresetName = (typeof PRESETS)[number];
export type FormatName = (typeof FORMATS)[number];

export type CliCommand =
  | { kind: "help" }
  | { kind: "version" }
  | {
      kind: "lint";
      paths: string[];
      preset: PresetName;
      format: FormatName;
      /** Exit 1 when there are more warnings than this; `undefined` means warnings never fail. */
      maxWarnings: number | undefined;
      /** `--ignore-pattern` values, gitignore syntax, relative to the current folder. */
      ignorePatterns: string[];
      /** `false` with `--no-ignore`. */
      ignore: boolean;
    };

/** A mistake in how the CLI was called; the CLI prints it and exits with code 2. */
export class UsageError extends Error {}

export const HELP = `Usage: leakproof [options] [paths...]

Finds memory and resource leaks (listeners never removed, timers never cleared,
object URLs never revoked) in JavaScript and TypeScript files. Needs no ESLint
config: your own eslint.config.* is not read. Paths default to "."; a quoted
glob such as 'src/**/*.ts' is expanded.

Options:
  --preset <name>          recommended (default), strict or all
  --format <name>          stylish (default), json or sarif
  --max-warnings <n>       also fail when there are more than n warnings
  --ignore-pattern <glob>  skip files matching this gitignore-style pattern,
                           relative to the current folder (repeatable)
  --no-ignore              lint what the ignore rules would skip (.gitignore,
                           --ignore-pattern, node_modules, dist, build,
                           coverage, hidden folders)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no findings, 1 findings, 2 usage error, missing path, a file or
folder that could not be read, or a file a rule failed on (the rest is still
linted and reported).`;

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

export function parseCliArgs(argv: string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        preset: { type: "string" },
        format: { type: "string" },
        "max-warnings": { type: "string" },
        "ignore-pattern": { type: "string", multiple: true },
        "no-ignore": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    // node:util reports unknown flags and missing values with a readable message.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };

  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    const raw = values["max-warnings"];
    maxWarnings = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(maxWarnings)) {
      throw new UsageError(`--max-warnings must be a whole number (got "${raw}")`);
    }
  }

  return {
    kind: "lint",
    paths: positionals.length > 0 ? positionals : ["."],
    preset: oneOf("preset", values.preset ?? "recommended", PRESETS),
    format: oneOf("format", values.format ?? "stylish", FORMATS),
    maxWarnings,
    ignorePatterns: values["ignore-pattern"] ?? [],
    ignore: !values["no-ignore"],
  };
}
