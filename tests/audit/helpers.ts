/** Shared helpers of the audit tests: temporary projects and compact finding keys. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AuditFinding, type AuditOptions, audit } from "../../src/audit/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const fixturesDir = path.join(repoRoot, "tests", "fixtures", "audit");

/** `file:line kind grade` for each finding, sorted. */
export function keys(findings: readonly AuditFinding[]): string[] {
  return findings.map((f) => `${f.file}:${f.line} ${f.kind} ${f.grade}`).sort();
}

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    jsx: "preserve",
    strict: true,
    types: [],
    noEmit: true,
  },
  include: ["src"],
});

const made: string[] = [];

/** Writes a throw-away project (a tsconfig.json unless `files` brings its own, or maps it to `null`) and returns its folder. */
export function project(files: Record<string, string | null>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "leakproof-audit-"));
  made.push(dir);
  const all = { "tsconfig.json": TSCONFIG, ...files };
  for (const [name, text] of Object.entries(all)) {
    if (text === null) continue;
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

export function removeProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Audits a throw-away project and returns its finding keys. */
export async function auditKeys(files: Record<string, string | null>, options: AuditOptions = {}): Promise<string[]> {
  const dir = project(files);
  const result = await audit({ cwd: dir, ...options });
  return keys(result.findings);
}
