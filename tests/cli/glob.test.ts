/** The glob and gitignore matching behind the CLI's file selection. */
import { describe, expect, it } from "vitest";
import { compileIgnoreLine, globToRegExp, hasGlobMagic, splitGlob } from "../../src/cli/glob.js";

function matches(pattern: string, paths: string[]): string[] {
  const regex = globToRegExp(pattern);
  return paths.filter((p) => regex.test(p));
}

function ignored(line: string, paths: string[], isDir = false): string[] {
  const rule = compileIgnoreLine(line)!;
  return paths.filter((p) => (!rule.dirOnly || isDir) && rule.regex.test(p));
}

describe("globToRegExp", () => {
  const paths = ["a.ts", "src/a.ts", "src/deep/b.ts", "src/c.js", "lib/d.js", "test/e.js", ".hidden/f.ts", "src/x.tsx"];

  it("keeps * and ? within one segment and lets ** span folders", () => {
    expect(matches("*.ts", paths)).toEqual(["a.ts"]);
    expect(matches("src/*.ts", paths)).toEqual(["src/a.ts"]);
    expect(matches("src/**/*.ts", paths)).toEqual(["src/a.ts", "src/deep/b.ts"]);
    expect(matches("**/*.ts", paths)).toEqual(["a.ts", "src/a.ts", "src/deep/b.ts", ".hidden/f.ts"]);
    expect(matches("src/?.js", paths)).toEqual(["src/c.js"]);
    expect(matches("src/**", paths)).toEqual(["src/a.ts", "src/deep/b.ts", "src/c.js", "src/x.tsx"]);
  });

  it("expands braces and character classes", () => {
    expect(matches("{lib,test}/*.js", paths)).toEqual(["lib/d.js", "test/e.js"]);
    expect(matches("src/*.{ts,tsx}", paths)).toEqual(["src/a.ts", "src/x.tsx"]);
    expect(matches("src/[a-c].*", paths)).toEqual(["src/a.ts", "src/c.js"]);
    expect(matches("src/[!a].*", paths)).toEqual(["src/c.js", "src/x.tsx"]);
  });

  it("takes regular-expression characters literally and honours backslash escapes", () => {
    expect(matches("a+b(1).js", ["a+b(1).js", "aab1.js"])).toEqual(["a+b(1).js"]);
    expect(matches("\\*.js", ["*.js", "x.js"])).toEqual(["*.js"]);
    expect(matches("{a}.js", ["{a}.js", "a.js"])).toEqual(["{a}.js"]);
  });

  it("rejects an impossible class", () => {
    expect(() => globToRegExp("[z-a].js")).toThrow(SyntaxError);
  });
});

describe("hasGlobMagic and splitGlob", () => {
  it("finds unescaped glob characters only", () => {
    expect(hasGlobMagic("src/**/*.ts")).toBe(true);
    expect(hasGlobMagic("app/[id]/page.js")).toBe(true);
    expect(hasGlobMagic("src/a.ts")).toBe(false);
    expect(hasGlobMagic("src/\\*.ts")).toBe(false);
  });

  it("splits a glob at its first segment with glob characters", () => {
    expect(splitGlob("src/**/*.ts")).toEqual({ base: "src", rest: "**/*.ts" });
    expect(splitGlob("*.js")).toEqual({ base: ".", rest: "*.js" });
    expect(splitGlob("/abs/dir/*.js")).toEqual({ base: "/abs/dir", rest: "*.js" });
    expect(splitGlob("{a,b}/x.js")).toEqual({ base: ".", rest: "{a,b}/x.js" });
  });
});

describe("compileIgnoreLine (gitignore syntax)", () => {
  const files = ["a.log", "logs/a.log", "build", "src/build", "doc/x.md", "doc/sub/y.md", "src/doc/z.md"];

  it("skips blank lines and comments, and reads \\# and \\! as literal", () => {
    expect(compileIgnoreLine("")).toBeUndefined();
    expect(compileIgnoreLine("# note")).toBeUndefined();
    expect(ignored("\\#file", ["#file", "file"])).toEqual(["#file"]);
    expect(compileIgnoreLine("\\!important")!.negated).toBe(false);
  });

  it("matches a pattern without a slash at any depth, and anchors one with a slash", () => {
    expect(ignored("*.log", files)).toEqual(["a.log", "logs/a.log"]);
    expect(ignored("build", files)).toEqual(["build", "src/build"]);
    expect(ignored("/build", files)).toEqual(["build"]);
    expect(ignored("doc/*.md", files)).toEqual(["doc/x.md"]);
    expect(ignored("doc/**/*.md", files)).toEqual(["doc/x.md", "doc/sub/y.md"]);
    expect(ignored("**/doc/*.md", files)).toEqual(["doc/x.md", "src/doc/z.md"]);
  });

  it("keeps a trailing-slash pattern for folders and reads '!' as negation", () => {
    const rule = compileIgnoreLine("build/")!;
    expect(rule.dirOnly).toBe(true);
    expect(ignored("build/", ["build"], false)).toEqual([]);
    expect(ignored("build/", ["build", "src/build"], true)).toEqual(["build", "src/build"]);
    const negated = compileIgnoreLine("!keep.js")!;
    expect(negated.negated).toBe(true);
    expect(negated.regex.test("lib/keep.js")).toBe(true);
  });

  it("drops unescaped trailing spaces", () => {
    expect(ignored("a.js   ", ["a.js", "a.js   "])).toEqual(["a.js"]);
    expect(ignored("a.js\\ ", ["a.js", "a.js "])).toEqual(["a.js "]);
  });
});
