/**
 * What the engine knows about imported APIs: the library tables of src/resources/libraries.ts
 * plus the project's own additions from `settings.leakproof`, read defensively (a malformed
 * setting is ignored, never a crash).
 */
import { CREATES, type LibraryEntry, RETURNS_DISPOSER, SELF_CLEANING, knownBy } from "../../resources/libraries.js";
import { type CachedExport, type SummaryLookup, summaryLookupFor } from "../../resources/summary-cache.js";

/** `settings.leakproof` as users write it (every field optional). */
export interface LeakproofSettings {
  /** Module → exported hooks/composables that clean up after themselves. */
  selfCleaning?: Record<string, string[]>;
  /** Module → exported functions whose returned disposer must be called. */
  returnsDisposer?: Record<string, string[]>;
  /** Extra React effect hooks (wrappers of `useEffect`): names, or one regular expression source. */
  effectHooks?: string[] | string;
  /**
   * Read the project's function summaries that `leakproof audit --write-summaries` wrote to
   * `.leakproof/summaries.json` (on by default, when the file exists); `false` ignores them.
   */
  summaries?: boolean;
}

export class Knowledge {
  private readonly selfCleaningEntries: readonly LibraryEntry[];
  private readonly disposerEntries: readonly LibraryEntry[];
  /** Extra effect hook names, or a pattern over hook names. */
  readonly effectHook: (name: string) => boolean;
  private readonly useSummaries: boolean;
  private lookup: SummaryLookup | undefined | null = null;

  constructor(
    settings: unknown,
    /** The linted file (absolute or relative to the cwd): where the summary cache is looked for. */
    private readonly filename = "",
  ) {
    const value = isRecord(settings) ? settings : {};
    this.useSummaries = value.summaries !== false && filename !== "" && !filename.startsWith("<");
    this.selfCleaningEntries = [...SELF_CLEANING, ...entriesOf(value.selfCleaning)];
    this.disposerEntries = [...RETURNS_DISPOSER, ...entriesOf(value.returnsDisposer)];
    this.effectHook = effectHookMatcher(value.effectHooks);
  }

  /** A factory that makes a new object on every call (`io(url)` of socket.io-client). */
  creates(module: string, imported: string): boolean {
    return knownBy(CREATES, module, imported);
  }

  selfCleaning(module: string, imported: string): boolean {
    return knownBy(this.selfCleaningEntries, module, imported);
  }

  returnsDisposer(module: string, imported: string): boolean {
    return knownBy(this.disposerEntries, module, imported);
  }

  /**
   * What the audit's summary cache says of an export of a project module imported by this
   * file (`import { startPolling } from "./poll"`): found lazily, once per file, and only for
   * relative imports (packages are the tables' business).
   */
  projectExport(module: string, imported: string): CachedExport | undefined {
    if (!this.useSummaries || !module.startsWith(".")) return undefined;
    if (this.lookup === null) this.lookup = summaryLookupFor(this.filename);
    return this.lookup?.lookupImport(this.filename, module, imported);
  }

  /** An imported helper that cleans up after itself: by the tables, or by the project's summaries. */
  selfCleaningImport(module: string, imported: string): boolean {
    if (this.selfCleaning(module, imported)) return true;
    const cached = this.projectExport(module, imported);
    return cached?.kind === "function" && cached.selfCleaning === true;
  }

  /** An imported call whose result must be released: by the tables, or by the project's summaries. */
  disposerImport(module: string, imported: string): boolean {
    if (this.returnsDisposer(module, imported)) return true;
    const cached = this.projectExport(module, imported);
    return cached?.kind === "function" && !!cached.returns && cached.selfCleaning !== true && (cached.returns.callable || cached.returns.release.length > 0);
  }

  /** Who keeps what an imported project function returns alive, per the summaries (`runtime`, `global`, ...). */
  importHolder(module: string, imported: string): string | undefined {
    const cached = this.projectExport(module, imported);
    return cached?.kind === "function" ? cached.returns?.holder : undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{ "my-lib": ["useThing"] }` → entries; anything else is ignored. */
function entriesOf(value: unknown): LibraryEntry[] {
  if (!isRecord(value)) return [];
  const out: LibraryEntry[] = [];
  for (const module of Object.keys(value)) {
    const names = value[module];
    if (Array.isArray(names)) out.push({ module, names: names.filter((name): name is string => typeof name === "string") });
  }
  return out;
}

function effectHookMatcher(value: unknown): (name: string) => boolean {
  if (Array.isArray(value)) {
    const names = new Set(value.filter((name): name is string => typeof name === "string"));
    return (name) => names.has(name);
  }
  if (typeof value === "string" && value.length > 0) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(value);
    } catch {
      // An invalid pattern adds nothing; the rules must not throw on a bad setting.
      pattern = undefined;
    }
    return (name) => pattern?.test(name) ?? false;
  }
  return () => false;
}
