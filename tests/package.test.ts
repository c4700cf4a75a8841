/**
 * The package as npm would publish it: what the tarball holds, that `require` and `import`
 * give one plugin object (ESLint rejects two objects under one name), that its links work
 * outside the repository, and that it shares typescript-eslint with the user's project.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../scripts/ensure-build.mjs";
import plugin from "../src/index.js";
import { PLANTED_LEAKS, plantedFiles } from "./helpers/planted-leaks.js";
import {
  describeMessages,
  ensureInstalled,
  installPackedPlugin,
  packPlugin,
  linkPackage,
  root,
  runEslint,
  scratchProject,
  writeFiles,
} from "./helpers/project.js";

interface PackageJson {
  name: string;
  version: string;
  repository?: { type: string; url: string };
  homepage?: string;
  bugs?: { url: string };
  sideEffects?: boolean;
  files: string[];
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as PackageJson;
const REPOSITORY = "https://github.com/leakproof/eslint-plugin-leakproof";
const eslint9Bin = path.join(root, "tests", "eslint9", "node_modules", "eslint", "bin", "eslint.js");
const eslint10Bin = path.join(root, "node_modules", "eslint", "bin", "eslint.js");

/** The files in the tarball `npm pack` makes. */
function packedFiles(): string[] {
  const list = spawnSync("tar", ["-tzf", packPlugin()], { encoding: "utf8" });
  if (list.status !== 0) throw new Error(`tar -tzf failed:\n${list.stderr}`);
  return list.stdout
    .split("\n")
    .filter((line) => line.startsWith("package/") && !line.endsWith("/"))
    .map((line) => line.slice("package/".length))
    .sort();
}

const scratch: { remove: () => void }[] = [];
let files: string[] = [];

beforeAll(() => {
  ensureBuilt({ quiet: true });
  ensureInstalled(path.join(root, "tests", "eslint9"), "eslint");
  files = packedFiles();
}, 300_000);
afterAll(() => scratch.forEach((s) => s.remove()));

describe("package.json", () => {
  it("names the repository, its home page and its issue tracker", () => {
    expect(pkg.repository).toEqual({ type: "git", url: `git+${REPOSITORY}.git` });
    expect(pkg.homepage).toBe(`${REPOSITORY}#readme`);
    expect(pkg.bugs).toEqual({ url: `${REPOSITORY}/issues` });
    // Editors link each finding to its rule's page: the same repository.
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta.docs?.url, name).toBe(`${REPOSITORY}/blob/main/docs/rules/${name}.md`);
    }
  });

  it("declares no side effects", () => {
    expect(pkg.sideEffects).toBe(false);
  });

  it("takes dependencies as ranges, and the lockfile pins versions inside them", () => {
    const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string }>;
    };
    for (const [name, range] of Object.entries(pkg.dependencies)) {
      expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
      const locked = lock.packages[`node_modules/${name}`]?.version ?? "";
      expect(locked, `${name} in package-lock.json`).toMatch(/^\d+\.\d+\.\d+$/);
      const [major, minor, patch] = range.slice(1).split(".").map(Number) as [number, number, number];
      const [lMajor, lMinor, lPatch] = locked.split(".").map(Number) as [number, number, number];
      expect(lMajor, `${name}@${locked} satisfies ${range}`).toBe(major);
      expect(lMinor * 1e6 + lPatch, `${name}@${locked} satisfies ${range}`).toBeGreaterThanOrEqual(minor * 1e6 + patch);
    }
  });
});

describe("the tarball", () => {
  it("holds the entries, the types, the docs, the licence and the changelog", () => {
    for (const file of [
      "LICENSE",
      "CHANGELOG.md",
      "README.md",
      "package.json",
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "dist/cli/index.js",
      "dist/runtime/index.js",
      "dist/runtime/index.cjs",
      "docs/frameworks.md",
      ...Object.keys(plugin.rules).map((name) => `docs/rules/${name}.md`),
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it("leaves out the sources, tests, examples and benchmarks", () => {
    const unexpected = files.filter((file) => /^(src|tests|examples|bench|notes|scripts|\.ci)\//.test(file));
    expect(unexpected).toEqual([]);
  });

  it("has no relative link in README.md or docs/ that points outside the tarball", () => {
    const broken: string[] = [];
    for (const doc of files.filter((file) => file.endsWith(".md"))) {
      const text = readFileSync(path.join(root, doc), "utf8").replace(/^(```|~~~)[^]*?^\1/gm, "");
      for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith("#")) continue;
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target.split("#")[0] ?? ""));
        const ships = files.includes(resolved) || files.some((file) => file.startsWith(`${resolved.replace(/\/$/, "")}/`));
        if (!ships) broken.push(`${doc}: ${target}`);
      }
    }
    expect(broken, "link to the repository URL instead, or ship the file").toEqual([]);
  });
});

describe("one plugin object", () => {
  it("is what both `require` and `import` of the package return", () => {
    const project = scratchProject("require-import");
    scratch.push(project);
    installPackedPlugin(project.dir);
    // In a plain Node process: vitest's own module loader would add copies of its own.
    const script = `
      const required = require("eslint-plugin-leakproof");
      import("eslint-plugin-leakproof").then(({ default: imported }) => {
        console.log(JSON.stringify({ same: imported === required, meta: required.meta, presets: Object.keys(required.configs) }));
      });
    `;
    const run = spawnSync(process.execPath, ["-e", script], { cwd: project.dir, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      same: true,
      meta: { name: "eslint-plugin-leakproof", namespace: "leakproof", version: pkg.version },
      presets: ["recommended", "strict", "all"],
    });
  }, 120_000);

  // A shared config written in CommonJS, and the user's ESM config that adds the plugin again.
  const SHARED_CONFIG = `const leakproof = require("eslint-plugin-leakproof");

module.exports = [leakproof.configs.recommended];
`;
  const USER_CONFIG = `import leakproof from "eslint-plugin-leakproof";
import shared from "./shared-config.cjs";

export default [
  ...shared,
  {
    files: ["**/*.mjs"],
    plugins: { leakproof },
    rules: { "leakproof/no-unbounded-collection": "error" },
  },
];
`;

  it.each([
    ["ESLint 9", eslint9Bin],
    ["ESLint 10", eslint10Bin],
  ])("is accepted by %s from a CommonJS shared config and an ESM config together", (_, bin) => {
    const project = scratchProject("one-plugin");
    scratch.push(project);
    installPackedPlugin(project.dir);
    writeFiles(project.dir, {
      "package.json": JSON.stringify({ name: "one-plugin", private: true, type: "module" }),
      "shared-config.cjs": SHARED_CONFIG,
      "eslint.config.js": USER_CONFIG,
      ...plantedFiles(["mjs"]),
    });
    const results = runEslint(project.dir, bin);
    const leak = PLANTED_LEAKS.mjs;
    const found = (results.get(leak.path) ?? []).filter((m) => m.ruleId === leak.rule).map((m) => m.line);
    expect(found, describeMessages(results).join("\n")).toEqual([leak.line]);
  }, 120_000);
});

describe("presets under ESLint 9", () => {
  it("report planted leaks in every JavaScript and TypeScript file type, from a plain array", () => {
    const project = scratchProject("eslint9-presets");
    scratch.push(project);
    linkPackage(project.dir, "eslint-plugin-leakproof", root);
    const types = ["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"] as const;
    writeFiles(project.dir, {
      "package.json": JSON.stringify({ name: "eslint9-presets", private: true, type: "module" }),
      // The README's form for ESLint 9.15 to 9.21, which have no defineConfig.
      "eslint.config.js": `import tseslint from "typescript-eslint";
import leakproof from "eslint-plugin-leakproof";

export default [...tseslint.configs.recommended, leakproof.configs.recommended];
`,
      ...plantedFiles(types),
    });
    const results = runEslint(project.dir, eslint9Bin);
    expect(describeMessages(results).filter((m) => / FATAL |\(no rule\)/.test(m))).toEqual([]);
    for (const type of types) {
      const leak = PLANTED_LEAKS[type];
      const found = (results.get(leak.path) ?? []).filter((m) => m.ruleId === leak.rule).map((m) => m.line);
      expect(found, `${leak.path}\n${describeMessages(results).join("\n")}`).toContain(leak.line);
    }
  }, 120_000);
});

/**
 * Installs the packed plugin from the registry's point of view: a fresh project outside
 * this repository (nothing resolves from its node_modules) with the latest typescript-eslint.
 * Needs the npm registry; `--prefer-offline` uses npm's cache where it can.
 */
describe("next to the latest typescript-eslint", () => {
  let dir = "";
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("installs one copy of each @typescript-eslint package and lints with it", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "leakproof-dedupe-"));
    const npm = (...args: string[]) => {
      const run = spawnSync("npm", args, { cwd: dir, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${run.stdout}${run.stderr}`);
      return run.stdout.trim();
    };
    const latest = npm("view", "typescript-eslint", "version");
    const tarball = path.join(dir, "eslint-plugin-leakproof.tgz");
    copyFileSync(packPlugin(), tarball);
    const typescript = (
      JSON.parse(readFileSync(path.join(root, "node_modules", "typescript", "package.json"), "utf8")) as { version: string }
    ).version;
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }));
    npm(
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--loglevel=error",
      "./eslint-plugin-leakproof.tgz",
      `typescript-eslint@${latest}`,
      "eslint@^10",
      `typescript@${typescript}`,
    );

    const copies = new Map<string, string[]>();
    const walk = (modules: string) => {
      for (const entry of safeReaddir(modules)) {
        if (entry.startsWith("@")) {
          for (const scoped of safeReaddir(path.join(modules, entry))) visit(path.join(modules, entry, scoped));
        } else if (!entry.startsWith(".")) {
          visit(path.join(modules, entry));
        }
      }
    };
    const visit = (packageDir: string) => {
      const manifest = readJson(path.join(packageDir, "package.json"));
      if (manifest?.name?.startsWith("@typescript-eslint/")) {
        copies.set(manifest.name, [...(copies.get(manifest.name) ?? []), `${manifest.version} ${path.relative(dir, packageDir)}`]);
      }
      walk(path.join(packageDir, "node_modules"));
    };
    walk(path.join(dir, "node_modules"));

    expect(copies.get("@typescript-eslint/utils")?.[0], "typescript-eslint's utils").toMatch(new RegExp(`^${latest.replaceAll(".", "\\.")} `));
    const duplicated = [...copies].filter(([, where]) => where.length > 1);
    expect(duplicated, "@typescript-eslint packages installed more than once").toEqual([]);

    writeFiles(dir, {
      "eslint.config.js": `import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import leakproof from "eslint-plugin-leakproof";

export default defineConfig([tseslint.configs.recommended, leakproof.configs.recommended]);
`,
      ...plantedFiles(["ts"]),
    });
    const results = runEslint(dir, path.join(dir, "node_modules", "eslint", "bin", "eslint.js"));
    const leak = PLANTED_LEAKS.ts;
    const found = (results.get(leak.path) ?? []).filter((m) => m.ruleId === leak.rule).map((m) => m.line);
    expect(found, describeMessages(results).join("\n")).toEqual([leak.line]);
  }, 300_000);
});

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readJson(file: string): { name?: string; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
  } catch {
    return undefined;
  }
}
