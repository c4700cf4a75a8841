/**
 * `leakproof audit` on the fixture projects (tests/fixtures/audit/<kind>/{leaky,fixed}): each
 * leaky project is reported for its kind, at the planted places, and its fixed twin, which
 * differs only in the release, is clean.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { fixturesDir, keys } from "./helpers.js";

const cases: Array<{ kind: string; config: string; leaks: string[] }> = [
  {
    kind: "returned-handle",
    config: "tsconfig.json",
    leaks: [
      // A request handler drops the unsubscribe function of a listener on the shared quote bus.
      "src/server/watch-handler.ts:13 returned-handle proven",
      // A class keeps a polling stopper in a field and its dispose() never calls it.
      "src/widgets/ticker.ts:9 returned-handle proven",
    ],
  },
  {
    kind: "undisposed-instance",
    config: "jsconfig.json",
    // A request handler creates a PriceStream (an interval per instance) and never disposes it.
    leaks: ["src/routes/quote.js:9 undisposed-instance proven"],
  },
  {
    kind: "uncalled-teardown",
    config: "tsconfig.json",
    // CacheSweeper.destroy() exists, but no code anywhere calls it.
    leaks: ["src/cache/sweeper.ts:19 uncalled-teardown proven"],
  },
  {
    kind: "shared-collection",
    config: "tsconfig.json",
    leaks: [
      // Filled per upload by a request handler, emptied nowhere.
      "src/state/registry.ts:8 shared-collection proven",
      // Appended to by an interval in another module, through a namespace import.
      "src/state/registry.ts:11 shared-collection proven",
    ],
  },
];

describe("audit fixture projects", () => {
  for (const { kind, config, leaks } of cases) {
    it(`reports ${kind} in the leaky project, exactly where planted`, async () => {
      const result = await audit({ project: path.join(fixturesDir, kind, "leaky", config) });
      expect(keys(result.findings)).toEqual([...leaks].sort());
      for (const finding of result.findings) {
        expect(finding.message.length).toBeGreaterThan(40);
        expect(finding.related.length).toBeGreaterThan(0);
      }
    });

    it(`finds nothing in the fixed ${kind} project`, async () => {
      const result = await audit({ project: path.join(fixturesDir, kind, "fixed", config) });
      expect(keys(result.findings)).toEqual([]);
      expect(result.files).toBeGreaterThan(2);
      // The fixed twin was clean because the audit followed it, not because it saw nothing.
      const { handleCalls, instances, resourceClasses, exportedCollections } = result.checked;
      expect(handleCalls + instances + resourceClasses + exportedCollections).toBeGreaterThan(0);
    });
  }

  it("limits findings to the given paths but still analyses the whole project", async () => {
    const dir = path.join(fixturesDir, "returned-handle", "leaky");
    const result = await audit({ cwd: dir, paths: ["src/widgets"] });
    expect(keys(result.findings)).toEqual(["src/widgets/ticker.ts:9 returned-handle proven"]);
    expect(result.project).toBe(path.join(dir, "tsconfig.json"));
  });
});
