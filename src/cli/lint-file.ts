/**
 * Lints one file for the CLI. A rule that throws makes ESLint reject the whole `lintText`
 * call; caught here, the error is kept for that one file and the run goes on with the
 * others, so one odd file cannot hide every finding in a project behind a stack trace.
 */
import type { ESLint } from "eslint";

export type FileOutcome = { results: ESLint.LintResult[] } | { internalError: string };

export async function lintFile(eslint: Pick<ESLint, "lintText">, text: string, file: string): Promise<FileOutcome> {
  try {
    return { results: await eslint.lintText(text, { filePath: file, warnIgnored: true }) };
  } catch (error) {
    return { internalError: describeInternalError(error) };
  }
}

/**
 * One line for the user: ESLint's message is "<error>\nOccurred while linting <file>:<line>\n
 * Rule: "<rule>"", of which the error and the rule (and the line) matter; the stack does not.
 */
export function describeInternalError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((line) => line.trim()).filter(Boolean);
  const first = lines[0] ?? "unknown error";
  const rule = lines.find((line) => line.startsWith("Rule: "))?.slice("Rule: ".length).replace(/^"|"$/g, "");
  const line = lines.find((l) => l.startsWith("Occurred while linting "))?.match(/:(\d+)$/)?.[1];
  const where = [rule ? `in ${rule}` : "", line ? `at line ${line}` : ""].filter(Boolean).join(" ");
  return where ? `${first} (${where})` : first;
}
