/**
 * `--format sarif`: SARIF 2.1.0, the format GitHub code scanning and most CI dashboards read.
 *
 * Findings become `results` whose `ruleId` is the ESLint rule name; files that could not be
 * parsed or read become `toolExecutionNotifications` of the invocation (a result needs a rule).
 * Paths inside the current folder are relative to the `%SRCROOT%` base (the current folder),
 * which is what code scanning expects when the CLI runs at the repository root.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ESLint } from "eslint";
import { isInside } from "./ignore.js";

/** What SARIF needs to know about one rule. */
export interface SarifRuleInfo {
  id: string;
  description: string | undefined;
  helpUri: string | undefined;
}

/** A file or folder the run could not use, reported as a notification. */
export interface SarifNotice {
  path: string;
  message: string;
}

interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  helpUri?: string;
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

const SRCROOT = "%SRCROOT%";

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file !== cwd && isInside(file, cwd)) {
    const relative = path.relative(cwd, file).split(path.sep).map(encodeURIComponent).join("/");
    return { uri: relative, uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(file).href };
}

function region(message: ESLint.LintResult["messages"][number]): Region {
  // ESLint and SARIF both count lines and columns from 1, and both end columns are exclusive.
  const out: Region = { startLine: Math.max(1, message.line), startColumn: Math.max(1, message.column) };
  if (message.endLine !== undefined) out.endLine = message.endLine;
  if (message.endColumn !== undefined) out.endColumn = message.endColumn;
  return out;
}

/** The SARIF log (as a string) for `results`. */
export function formatSarif(
  results: readonly ESLint.LintResult[],
  options: {
    cwd: string;
    version: string;
    informationUri: string;
    rules: readonly SarifRuleInfo[];
    notices: readonly SarifNotice[];
  },
): string {
  const { cwd } = options;
  const rules: SarifRule[] = options.rules.map((rule) => ({
    id: rule.id,
    ...(rule.description === undefined ? {} : { shortDescription: { text: rule.description } }),
    ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      const location = { physicalLocation: { artifactLocation: artifactLocation(result.filePath, cwd), region: region(message) } };
      const level = message.severity === 2 ? "error" : "warning";
      if (!message.ruleId) {
        notifications.push({ level, message: { text: message.message }, locations: [location] });
        continue;
      }
      let index = ruleIndex.get(message.ruleId);
      if (index === undefined) {
        index = rules.length;
        rules.push({ id: message.ruleId });
        ruleIndex.set(message.ruleId, index);
      }
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex: index,
        level,
        message: { text: message.message },
        locations: [location],
      });
    }
  }
  for (const notice of options.notices) {
    notifications.push({
      level: "error",
      message: { text: notice.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(notice.path, cwd) } }],
    });
  }

  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "leakproof",
            informationUri: options.informationUri,
            version: options.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, "/")}` } },
        invocations: [
          {
            executionSuccessful: options.notices.length === 0,
            toolExecutionNotifications: notifications,
          },
        ],
        results: sarifResults,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
