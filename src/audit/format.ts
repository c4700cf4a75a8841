/** Output formats of `leakproof audit`: stylish (for people), json, and SARIF 2.1.0 (for code-scanning tools). */
import path from "node:path";
import { type AuditFinding, type AuditResult, FINDING_KINDS, type FindingKind } from "./types.js";

export const AUDIT_FORMATS = ["stylish", "json", "sarif"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

const KIND_TITLES: Readonly<Record<FindingKind, string>> = {
  "returned-handle": "A disposer, subscription or closeable returned by a project function is dropped or never released by its caller",
  "undisposed-instance": "An instance of a class that acquires resources is created in another file and never torn down",
  "uncalled-teardown": "A teardown method of a class that acquires resources is never called anywhere in the project",
  "shared-collection": "An exported module-level collection is filled by other modules and emptied by none",
};

/** The id a finding kind is shown with: `leakproof-audit/returned-handle`. */
export function ruleId(kind: FindingKind): string {
  return `leakproof-audit/${kind}`;
}

function stylish(result: AuditResult): string {
  if (result.findings.length === 0) return "";
  const byFile = new Map<string, AuditFinding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push("", path.join(result.root, file));
    for (const finding of findings) {
      const severity = finding.grade === "proven" ? "error  " : "warning";
      lines.push(`  ${`${finding.line}:${finding.column}`.padEnd(8)} ${severity}  ${finding.message}  ${ruleId(finding.kind)}`);
      for (const related of finding.related) lines.push(`  ${"".padEnd(8)}          ↳ ${related.file}:${related.line}:${related.column} ${related.message}`);
    }
  }
  const proven = result.findings.filter((finding) => finding.grade === "proven").length;
  const probable = result.findings.length - proven;
  const total = result.findings.length;
  lines.push("", `✖ ${total} cross-file leak${total === 1 ? "" : "s"} (${proven} proven, ${probable} probable)`, "");
  return lines.join("\n");
}

function json(result: AuditResult): string {
  return JSON.stringify(
    {
      project: result.project,
      root: result.root,
      files: result.files,
      checked: result.checked,
      durationMs: Math.round(result.durationMs),
      hiddenProbable: result.hiddenProbable,
      summariesFile: result.summariesFile,
      findings: result.findings,
    },
    null,
    2,
  );
}

function fileUri(file: string): string {
  return encodeURI(file);
}

function sarif(result: AuditResult, version: string): string {
  const rules = FINDING_KINDS.map((kind) => ({
    id: ruleId(kind),
    name: kind,
    shortDescription: { text: KIND_TITLES[kind] },
  }));
  const results = result.findings.map((finding) => ({
    ruleId: ruleId(finding.kind),
    ruleIndex: FINDING_KINDS.indexOf(finding.kind),
    level: finding.grade === "proven" ? "error" : "warning",
    message: { text: finding.message },
    properties: { grade: finding.grade },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(finding.file), uriBaseId: "PROJECTROOT" },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    relatedLocations: finding.related.map((related, id) => ({
      id,
      message: { text: related.message },
      physicalLocation: {
        artifactLocation: { uri: fileUri(related.file), uriBaseId: "PROJECTROOT" },
        region: { startLine: related.line, startColumn: related.column },
      },
    })),
  }));
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "leakproof audit", informationUri: "https://www.npmjs.com/package/eslint-plugin-leakproof", version, rules } },
          originalUriBaseIds: { PROJECTROOT: { uri: `file://${result.root.split(path.sep).join("/").replace(/\/?$/, "/")}` } },
          results,
        },
      ],
    },
    null,
    2,
  );
}

/** The findings in one of the output formats. */
export function formatFindings(result: AuditResult, format: AuditFormat, version = "unknown"): string {
  switch (format) {
    case "stylish":
      return stylish(result);
    case "json":
      return json(result);
    case "sarif":
      return sarif(result, version);
  }
}
