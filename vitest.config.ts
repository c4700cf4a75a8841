import { defineConfig } from "vitest/config";

// Scratch tests and fixture trees are not part of the suite.
const exclude = ["tests/.tmp/**", "tests/fixtures/**", "node_modules/**", "bench/**"];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        // A timeout only stops a hang: speed is measured by the bench. The first type-aware case
        // of a file builds a TypeScript program, which takes several seconds on a busy 2-core machine.
        test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: [...exclude, "tests/e2e/**"], testTimeout: 60_000 },
      },
      {
        // The end-to-end tests install packages, build the plugin and run git hooks in child
        // processes. They run after the other tests, so that on a small machine they do not
        // compete with them for the CPU (and make their timeouts trip).
        extends: true,
        test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], exclude, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
