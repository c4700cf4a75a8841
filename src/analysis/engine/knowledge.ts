/**
 * What the engine knows about imported APIs: the library tables of src/resources/libraries.ts
 * plus the project's own additions from `settings.leakproof`, read defensively (a malformed
 * setting is ignored, never a crash).
 */
import { type LibraryEntry, LONG_LIVED_IMPORTS, RETURNS_DISPOSER, SELF_CLEANING, knownBy } from "../../resources/libraries.js";

/** `settings.leakproof` as users write it (every field optional). */
export interface LeakproofSettings {
  /** Module → exported hooks/composables that clean up after themselves. */
  selfCleaning?: Record<string, string[]>;
  /** Module → exported functions whose returned disposer must be called. */
  returnsDisposer?: Record<string, string[]>;
  /** Module → exported objects that live as long as the program. */
  longLived?: Record<string, string[]>;
  /** Extra React effect hooks (wrappers of `useEffect`): names, or one regular expression source. */
  effectHooks?: string[] | string;
}

export class Knowledge {
  private readonly selfCleaningEntries: readonly LibraryEntry[];
  private readonly disposerEntries: readonly LibraryEntry[];
  private readonly longLivedEntries: readonly LibraryEntry[];
  /** Extra effect hook names, or a pattern over hook names. */
  readonly effectHook: (name: string) => boolean;

  constructor(settings: unknown) {
    const value = isRecord(settings) ? settings : {};
    this.selfCleaningEntries = [...SELF_CLEANING, ...entriesOf(value.selfCleaning)];
    this.disposerEntries = [...RETURNS_DISPOSER, ...entriesOf(value.returnsDisposer)];
    this.longLivedEntries = [...LONG_LIVED_IMPORTS, ...entriesOf(value.longLived)];
    this.effectHook = effectHookMatcher(value.effectHooks);
  }

  selfCleaning(module: string, imported: string): boolean {
    return knownBy(this.selfCleaningEntries, module, imported);
  }

  returnsDisposer(module: string, imported: string): boolean {
    return knownBy(this.disposerEntries, module, imported);
  }

  longLived(module: string, imported: string): boolean {
    return knownBy(this.longLivedEntries, module, imported);
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
