/** Types for the parts of bench/run.mjs the test slice uses. */
export interface CorpusFile { pkg: string; path: string; code: string; sourceType: string; ts: boolean }
export type ConfigFor = (file: Pick<CorpusFile, "ts" | "sourceType">) => unknown[];
export interface Finding { pkg: string; path: string; line: number; rule: string; message: string; suggestions: unknown[] }
export interface LintResult { wall: number; findings: Finding[]; crashes: { path: string; error: string }[]; parseFailures: { path: string; message: string }[] }
export declare const CORPUS: { name: string }[];
/** The bar on recommended's rule time as a share of the parse-only baseline's (0.1: 10%). */
export declare const RULE_TIME_BOUND: number;
export declare function install(options?: { skipInstall?: boolean }): void;
export declare function loadCorpus(perPackage?: number): CorpusFile[];
export declare function configurations(plugin?: unknown): Promise<{ Linter: unknown; configs: Record<string, ConfigFor>; allRules: ConfigFor }>;
export declare function lintAll(Linter: unknown, files: CorpusFile[], configFor: ConfigFor): LintResult;
export declare function checkSuggestions(Linter: unknown, files: CorpusFile[], findings: Finding[], configFor: ConfigFor): { applied: number; broken: unknown[] };
export declare function mutationRun(Linter: unknown, files: CorpusFile[], configFor: ConfigFor, count: number): { programs: number; linted: number; crashes: unknown[] };
