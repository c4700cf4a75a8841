import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Scratch tests and fixture trees are not part of the suite.
    exclude: ["tests/.tmp/**", "tests/fixtures/**", "node_modules/**", "bench/**"],
  },
});
