/**
 * `leakproof audit`: the cross-file audit (src/audit) from the command line. Loaded by
 * src/cli/index.ts only when the first argument is `audit`, so the lint CLI never loads
 * ts-morph.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { AUDIT_FORMATS, type AuditFormat, AuditSetupError, audit, formatFindings } from "../audit/index.js";

const PRESETS = ["recommended", "strict", "all"] as const;

export const AUDIT_HELP = `Usage: leakproof audit [options] [paths...]

Finds leaks that span files, with ts-morph over your tsconfig.json (or jsconfig.json):
  - disposers, subscriptions and closeables returned by your functions that callers
    in other files drop or never release;
  - instances of your classes with dispose()/destroy()/close()/... created in other
    files and never torn down;
  - teardown methods of classes that acquire resources that nothing calls;
  - exported collections that other modules add to and none removes from.
The whole project is analysed; paths only limit which files findings are shown for.

Options:
  --project <file>       tsconfig.json or jsconfig.json (default: the nearest one
                         above the first path or the current folder)
  --format <name>        stylish (default), json or sarif
  --preset <name>        recommended (default: proven findings only), strict or all
                         (proven and probable findings)
  --write-summaries      write the project's function summaries for the ESLint
                         rules to <project root>/.leakproof/summaries.json
  --summaries-file <f>   write them to <f> instead (implies --write-summaries)
  -h, --help             show this help

Needs ts-morph (npm install --save-dev ts-morph).
Exit codes: 0 no findings, 1 findings, 2 usage error, missing path or missing ts-morph.`;

class UsageError extends Error {}

interface AuditCommand {
  help: boolean;
  paths: string[];
  project: string | undefined;
  format: AuditFormat;
  includeProbable: boolean;
  writeSummaries: string | boolean;
}

function parse(argv: string[]): AuditCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        project: { type: "string", short: "p" },
        format: { type: "string" },
        preset: { type: "string" },
        "write-summaries": { type: "boolean" },
        "summaries-file": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? "stylish";
  if (!(AUDIT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${AUDIT_FORMATS.join(", ")} (got "${format}")`);
  }
  const preset = values.preset ?? "recommended";
  if (!(PRESETS as readonly string[]).includes(preset)) throw new UsageError(`--preset must be one of ${PRESETS.join(", ")} (got "${preset}")`);
  return {
    help: values.help ?? false,
    paths: positionals,
    project: values.project,
    format: format as AuditFormat,
    includeProbable: preset !== "recommended",
    writeSummaries: values["summaries-file"] ?? values["write-summaries"] ?? false,
  };
}

/** Runs `leakproof audit` with the arguments after `audit`; resolves to the exit code. */
export async function runAuditCli(argv: string[], version: string): Promise<number> {
  let command: AuditCommand;
  try {
    command = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`leakproof audit: ${error.message}\nRun "leakproof audit --help" for usage.`);
    return 2;
  }
  if (command.help) {
    console.log(AUDIT_HELP);
    return 0;
  }
  let result;
  try {
    result = await audit({
      paths: command.paths,
      project: command.project,
      includeProbable: command.includeProbable,
      writeSummaries: command.writeSummaries,
    });
  } catch (error) {
    if (!(error instanceof AuditSetupError)) throw error;
    console.error(`leakproof audit: ${error.message}`);
    return 2;
  }
  const output = formatFindings(result, command.format, version);
  if (output) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  if (command.format === "stylish") {
    const where = result.project ? path.relative(process.cwd(), result.project) || result.project : "no tsconfig/jsconfig";
    if (result.findings.length === 0) {
      const { handleCalls, instances, resourceClasses, exportedCollections } = result.checked;
      console.log(
        `No cross-file leaks found in ${result.files} file${result.files === 1 ? "" : "s"} (${where}): checked ${handleCalls} call${handleCalls === 1 ? "" : "s"} ` +
          `of handle-returning functions, ${instances} instantiation${instances === 1 ? "" : "s"} and ${resourceClasses} teardown class${resourceClasses === 1 ? "" : "es"}, ` +
          `${exportedCollections} exported collection${exportedCollections === 1 ? "" : "s"}.`,
      );
    }
    if (result.hiddenProbable > 0) {
      console.log(`${result.hiddenProbable} probable finding${result.hiddenProbable === 1 ? " is" : "s are"} not shown; --preset strict shows them.`);
    }
  }
  if (result.summariesFile) console.error(`leakproof audit: wrote ${path.relative(process.cwd(), result.summariesFile) || result.summariesFile}`);
  return result.findings.length > 0 ? 1 : 0;
}
