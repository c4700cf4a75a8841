import { ESLintUtils } from "@typescript-eslint/utils";

/** Which preset a rule belongs to: `strict` includes `recommended`, `all` includes everything. */
export type Preset = "recommended" | "strict";

export interface LeakproofDocs {
  description: string;
  /** The smallest preset that enables the rule; `false` means only `all`. */
  preset: Preset | false;
  /**
   * Options the `strict` and `all` presets pass to the rule (a rule in `recommended`
   * can turn on its stricter checks in `strict` this way).
   */
  strictOptions?: readonly unknown[];
  /** Whether the rule needs type information (none do: types only sharpen). */
  requiresTypeChecking?: boolean;
}

const REPO_DOCS = "https://github.com/leakproof/eslint-plugin-leakproof/blob/main/docs/rules";

const ruleCreator = ESLintUtils.RuleCreator<LeakproofDocs>((name) => `${REPO_DOCS}/${name}.md`);

/**
 * typescript-eslint's `RuleCreator`, except that a rule's options with their defaults are worked
 * out once per distinct configuration instead of on every file: its `create` deep-clones the
 * defaults (`structuredClone`) for every rule and file, which cost the whole preset more on the
 * bench corpus than most of its rules' own work (issue 11). The options are the same
 * `applyDefault` result, frozen because every file with that configuration now shares them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, LeakproofDocs>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  const rule = ruleCreator(spec);
  const defaults = spec.meta.defaultOptions ?? spec.defaultOptions ?? ([] as unknown as Options);
  const resolved = new Map<string, Options>();
  // ESLint hands every file a fresh copy of the same options: compared with the last file's
  // (a few property reads), they need no JSON key, whose `stringify` with a replacer cost more
  // per rule and file than most rules' whole work on a file without acquisitions.
  let lastRaw: unknown;
  let lastOptions: Options | undefined;
  return {
    ...rule,
    create(context) {
      if (lastOptions && sameJson(context.options, lastRaw)) return spec.create(context, lastOptions);
      const key = JSON.stringify(context.options, keepUndefined);
      let options = resolved.get(key);
      if (!options) {
        options = deepFreeze(ESLintUtils.applyDefault<Options, Options>(defaults, context.options));
        resolved.set(key, options);
      }
      lastRaw = context.options;
      lastOptions = options;
      return spec.create(context, options);
    },
  };
}

/**
 * Whether two option values are equal as JSON with `keepUndefined`'s distinction: the same
 * primitives, arrays of equal items, objects with the same own keys (an `undefined` value is
 * not a missing key) holding equal values. Anything else counts as different.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** `{ a: undefined }` overrides a default where `{}` keeps it: the two must not share a key. */
function keepUndefined(_key: string, value: unknown): unknown {
  return value === undefined ? "\u0000undefined" : value;
}

function deepFreeze<V>(value: V): V {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
