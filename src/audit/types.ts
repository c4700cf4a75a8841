/** Public types of `eslint-plugin-leakproof/audit` (no ts-morph types leak into them). */

/**
 * - `returned-handle`: a disposer, subscription or closeable returned by a project function
 *   is dropped, or kept and never released, by a caller in another file;
 * - `undisposed-instance`: an instance of a project class that acquires resources and has a
 *   teardown is created in another file and never torn down;
 * - `uncalled-teardown`: a teardown method of such a class that nothing in the project calls;
 * - `shared-collection`: an exported module-level collection other modules add to and none
 *   removes from.
 */
export type FindingKind = "returned-handle" | "undisposed-instance" | "uncalled-teardown" | "shared-collection";

/** `proven`: every link of the leak was shown; `probable`: one of them is only likely. */
export type Grade = "proven" | "probable";

export const FINDING_KINDS: readonly FindingKind[] = ["returned-handle", "undisposed-instance", "uncalled-teardown", "shared-collection"];

export interface RelatedLocation {
  /** Path relative to the project root, `/`-separated. */
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface AuditFinding {
  kind: FindingKind;
  grade: Grade;
  /** Path relative to the project root, `/`-separated. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The other files of the story: where the function or class is defined, where instances are made. */
  related: RelatedLocation[];
}

export interface AuditOptions {
  /** tsconfig.json or jsconfig.json; found from `cwd` (or the first path) upwards when omitted. */
  project?: string;
  /** Only report findings in these files or folders (the whole project is still analysed). Default: all. */
  paths?: string[];
  /** Base for relative paths. Default: `process.cwd()`. */
  cwd?: string;
  /** Also report probable findings. Default: `true` (the CLI's `recommended` preset filters them). */
  includeProbable?: boolean;
  /**
   * Write the project's function summaries for the ESLint rules to this file (see
   * docs/audit.md, "Summary cache"). `true` means `<project root>/.leakproof/summaries.json`.
   * Default: nothing is written.
   */
  writeSummaries?: string | boolean;
}

/** What the audit looked at, to tell a clean project from one it could not follow. */
export interface AuditChecked {
  /** Calls (in reported files) of another file's function that returns a handle. */
  handleCalls: number;
  /** `new` of another file's class that must be torn down. */
  instances: number;
  /** Classes that acquire resources and have a teardown (in reported files). */
  resourceClasses: number;
  /** Exported module-level collections (in reported files). */
  exportedCollections: number;
}

export interface AuditResult {
  /** The tsconfig/jsconfig used, absolute; undefined when none was found and files were read directly. */
  project: string | undefined;
  /** Folder finding paths are relative to. */
  root: string;
  /** Source files analysed. */
  files: number;
  findings: AuditFinding[];
  checked: AuditChecked;
  /** Probable findings left out because `includeProbable` was false. */
  hiddenProbable: number;
  /** The summary cache written, if any. */
  summariesFile: string | undefined;
  durationMs: number;
}
