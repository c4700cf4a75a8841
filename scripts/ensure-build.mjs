// Builds dist/ with `npm run build` when it is missing or older than the sources.
// Used by `npm run demo` and by the tests that run the built CLI.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const cliPath = path.join(root, "dist", "cli", "index.js");

/** Newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** Whether dist/ needs a build (missing, or older than src/, package.json or tsup.config.ts). */
export function isBuildStale() {
  if (!existsSync(cliPath) || !existsSync(path.join(root, "dist", "index.js"))) return true;
  const sources = Math.max(
    newest(path.join(root, "src")),
    statSync(path.join(root, "package.json")).mtimeMs,
    statSync(path.join(root, "tsup.config.ts")).mtimeMs,
  );
  return statSync(cliPath).mtimeMs < sources;
}

/** Runs `npm run build` if needed; throws if the build fails. */
export function ensureBuilt({ quiet = false } = {}) {
  if (!isBuildStale()) return false;
  const build = spawnSync("npm", ["run", "build"], {
    cwd: root,
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (build.status !== 0) {
    throw new Error(`npm run build failed (exit ${build.status})\n${build.stdout ?? ""}${build.stderr ?? ""}`);
  }
  return true;
}
