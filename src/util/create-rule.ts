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
  return {
    ...rule,
    create(context) {
      const key = JSON.stringify(context.options, keepUndefined);
      let options = resolved.get(key);
      if (!options) {
        options = deepFreeze(ESLintUtils.applyDefault<Options, Options>(defaults, context.options));
        resolved.set(key, options);
      }
      return spec.create(context, options);
    },
  };
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
