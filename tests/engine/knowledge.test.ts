/**
 * Library knowledge by import identity and `settings.leakproof`: hooks that clean up after
 * themselves, calls that hand back a disposer, the project's own effect hooks. Each setting is
 * shown to change a verdict, and malformed settings never stop a lint run.
 */
import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
const rules = plugin.rules;

const LOCAL_HELPER = `
  function useResize(handler) {
    const stop = OUTER;
    return stop;
  }
  export function Panel({ onResize }) {
    useEffect(() => {
      useResize(onResize);
    }, [onResize]);
    return null;
  }
`;

ruleTester.run("no-leaked-subscription: disposers and self-cleaning helpers", rules["no-leaked-subscription"], {
  valid: [
    {
      name: "a local helper whose stop handle comes from a self-cleaning VueUse composable may be dropped",
      code: `import { useEventListener } from "@vueuse/core";\n${LOCAL_HELPER.replace("OUTER", 'useEventListener(window, "resize", handler)')}`,
    },
    {
      name: "a project hook listed in settings.leakproof.selfCleaning may be dropped by a helper that wraps it",
      code: `import { useWindowEvent } from "@acme/hooks";\n${LOCAL_HELPER.replace("OUTER", 'useWindowEvent("resize", handler)')}`,
      settings: { leakproof: { selfCleaning: { "@acme/hooks": ["useWindowEvent"] } } },
    },
    {
      name: "an unknown import is no evidence: its dropped result is not reported",
      code: `import { listen } from "@acme/bus";\nexport function Panel({ h }) {\n  useEffect(() => {\n    listen("x", h);\n  }, [h]);\n  return null;\n}\n`,
    },
    {
      name: "a disposer-returning call whose result the effect returns is released",
      code: `import { on } from "svelte/events";\nexport function Panel({ h }) {\n  useEffect(() => on(window, "resize", h), [h]);\n  return null;\n}\n`,
    },
    {
      name: "malformed settings are ignored",
      code: `import { listen } from "@acme/bus";\nexport function Panel({ h }) {\n  useEffect(() => {\n    listen("x", h);\n  }, [h]);\n  return null;\n}\n`,
      settings: { leakproof: { returnsDisposer: ["@acme/bus"], selfCleaning: "yes", effectHooks: 42 } },
    },
  ],
  invalid: [
    {
      name: "a local helper that returns a remover and cleans up nothing itself: its dropped handle leaks",
      code: `${LOCAL_HELPER.replace("const stop = OUTER;", 'window.addEventListener("resize", handler);\n    const stop = () => window.removeEventListener("resize", handler);')}`,
      errors: [{ messageId: "discarded", line: 9 }],
    },
    {
      name: "on() from svelte/events hands back a remover; dropping it in an effect leaks the listener",
      code: `import { on } from "svelte/events";\nexport function Panel({ h }) {\n  useEffect(() => {\n    on(window, "resize", h);\n  }, [h]);\n  return null;\n}\n`,
      options: [{ reportProbable: true }],
      errors: [{ messageId: "discarded", line: 4 }],
    },
    {
      name: "a project function listed in settings.leakproof.returnsDisposer",
      code: `import { listen } from "@acme/bus";\nexport function Panel({ h }) {\n  useEffect(() => {\n    listen("x", h);\n  }, [h]);\n  return null;\n}\n`,
      settings: { leakproof: { returnsDisposer: { "@acme/bus": ["listen"] } } },
      options: [{ reportProbable: true }],
      errors: [{ messageId: "discarded", line: 4 }],
    },
  ],
});

ruleTester.run("no-leaked-event-listener: the project's own effect hooks", rules["no-leaked-event-listener"], {
  valid: [
    {
      name: "a listener removed in the cleanup of a settings-named effect hook",
      code: `export function Panel({ h }) {\n  useMountEffect(() => {\n    window.addEventListener("resize", h);\n    return () => window.removeEventListener("resize", h);\n  });\n  return null;\n}\n`,
      settings: { leakproof: { effectHooks: ["useMountEffect"] } },
    },
  ],
  invalid: [
    {
      name: "a listener a settings-named effect hook never removes",
      code: `export function Panel({ h }) {\n  useMountEffect(() => {\n    window.addEventListener("resize", () => h());\n  });\n  return null;\n}\n`,
      settings: { leakproof: { effectHooks: ["useMountEffect"] } },
      errors: [{ messageId: "listenerNeverRemoved", line: 3 }],
    },
    {
      name: "effect hooks named by a pattern",
      code: `export function Panel({ h }) {\n  useAcmeEffect(() => {\n    window.addEventListener("resize", () => h());\n  });\n  return null;\n}\n`,
      settings: { leakproof: { effectHooks: "^useAcme\\\\w*Effect$" } },
      errors: [{ messageId: "listenerNeverRemoved", line: 3 }],
    },
    {
      name: "a known wrapper (useIsomorphicLayoutEffect) needs no setting",
      code: `export function Panel({ h }) {\n  useIsomorphicLayoutEffect(() => {\n    window.addEventListener("resize", () => h());\n  }, []);\n  return null;\n}\n`,
      errors: [{ messageId: "listenerNeverRemoved", line: 3 }],
    },
  ],
});

describe("settings.leakproof never breaks a run", () => {
  it("accepts any value, including an invalid regular expression", () => {
    const linter = new Linter({ configType: "flat" });
    for (const leakproof of [null, 42, "x", [], { effectHooks: "([" }, { selfCleaning: { m: "x" } }, { summaries: "no" }]) {
      const messages = linter.verify(
        `export function P({ h }) {\n  useEffect(() => {\n    window.addEventListener("resize", h);\n  }, []);\n  return null;\n}\n`,
        [
          {
            files: ["**/*.js"],
            languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
            plugins: { leakproof: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
            settings: { leakproof },
            rules: { "leakproof/no-leaked-event-listener": "error" },
          },
        ],
        "src/p.js",
      );
      expect(messages.map((m) => m.messageId ?? m.message)).toEqual(["listenerNeverRemoved"]);
    }
  });
});
