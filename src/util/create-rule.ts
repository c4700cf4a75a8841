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

export const createRule = ESLintUtils.RuleCreator<LeakproofDocs>(
  (name) => `${REPO_DOCS}/${name}.md`,
);
