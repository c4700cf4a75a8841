/**
 * Which Chromium the browser tier launches: a named binary (option, then LEAKPROOF_CHROMIUM),
 * Debian's /usr/bin/chromium, else the one inside the npm package @sparticuz/chromium, unpacked
 * once per version and safely when several processes start at the same time.
 */
import { execFileSync, spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CHROMIUM_PATH, findChromium, resolveChromiumPath } from "../../src/runtime/browser.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NPM_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, "node_modules/@sparticuz/chromium/package.json"), "utf8")) as { version: string }
).version;
const SAVED_ENV = process.env["LEAKPROOF_CHROMIUM"];

afterEach(() => {
  if (SAVED_ENV === undefined) delete process.env["LEAKPROOF_CHROMIUM"];
  else process.env["LEAKPROOF_CHROMIUM"] = SAVED_ENV;
});

describe("findChromium", () => {
  it("uses the executablePath it is given, before LEAKPROOF_CHROMIUM", async () => {
    // Any existing file will do: nothing is launched here.
    process.env["LEAKPROOF_CHROMIUM"] = process.execPath;
    const own = path.join(ROOT, "package.json");
    expect(await findChromium(own)).toEqual({ path: own, source: "option" });
    expect(resolveChromiumPath(own)).toBe(own);
  });

  it("uses LEAKPROOF_CHROMIUM before the system and npm browsers", async () => {
    process.env["LEAKPROOF_CHROMIUM"] = process.execPath;
    expect(await findChromium()).toEqual({ path: process.execPath, source: "env" });
  });

  it("rejects a named binary that does not exist instead of launching another browser", async () => {
    await expect(findChromium("/nonexistent/chrome")).rejects.toThrow(/not found at \/nonexistent\/chrome \(from executablePath\)/);
    process.env["LEAKPROOF_CHROMIUM"] = "/nonexistent/from-env";
    await expect(findChromium()).rejects.toThrow(/\/nonexistent\/from-env \(from LEAKPROOF_CHROMIUM\)/);
    expect(() => resolveChromiumPath()).toThrow(/from LEAKPROOF_CHROMIUM/);
  });

  it("falls back to /usr/bin/chromium, else to the unpacked @sparticuz/chromium", async () => {
    delete process.env["LEAKPROOF_CHROMIUM"];
    const found = await findChromium();
    if (existsSync(DEFAULT_CHROMIUM_PATH)) {
      expect(found).toEqual({ path: DEFAULT_CHROMIUM_PATH, source: "system" });
      return;
    }
    expect(found.source).toBe("@sparticuz/chromium");
    expect(found.path).toBe(path.join(os.tmpdir(), `leakproof-chromium-${NPM_VERSION}`, "chromium"));
    accessSync(found.path, constants.X_OK);
    expect(execFileSync(found.path, ["--version"], { encoding: "utf8" })).toMatch(/^Chromium \d+\./);
    // The synchronous resolver never unpacks: it names the missing system browser and the ways out.
    expect(() => resolveChromiumPath()).toThrow(/@sparticuz\/chromium.*apt-get install -y chromium.*LEAKPROOF_CHROMIUM/s);
  }, 120_000);

  it("unpacks once per version when two processes race, leaving no partial folder", async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "leakproof-chromium-race-"));
    try {
      // Each child imports the TypeScript source through jiti and prints what it found. TMPDIR is
      // the fresh folder, so neither child sees an earlier unpack; nothing is named.
      const script = [
        `const { createJiti } = await import("jiti");`,
        `const jiti = createJiti(${JSON.stringify(path.join(ROOT, "package.json"))});`,
        `const m = await jiti.import(${JSON.stringify(path.join(ROOT, "src/runtime/browser.ts"))});`,
        `const found = await m.unpackNpmChromium();`,
        `process.stdout.write(JSON.stringify(found));`,
      ].join("\n");
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
      delete env["LEAKPROOF_CHROMIUM"];
      const run = () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, env });
          let out = "";
          let err = "";
          child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
          child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
          child.on("error", reject);
          child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as string) : reject(new Error(`exit ${code}: ${err}`))));
        });
      const [first, second] = await Promise.all([run(), run()]);
      const expected = path.join(tmp, `leakproof-chromium-${NPM_VERSION}`, "chromium");
      expect(first).toBe(expected);
      expect(second).toBe(expected);
      expect(readdirSync(tmp)).toEqual([`leakproof-chromium-${NPM_VERSION}`]);
      expect(execFileSync(expected, ["--version"], { encoding: "utf8" })).toMatch(/^Chromium \d+\./);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});
