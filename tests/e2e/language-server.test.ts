/**
 * Editor warnings through the ESLint language server that editors use
 * (`vscode-eslint-language-server` from vscode-langservers-extracted), driven over stdio as an
 * editor drives it, in a scratch project with the packed plugin and the config of
 * docs/editors.md: diagnostics with `leakproof/*` codes at the right lines for a `.ts` and a
 * `.vue` document, the rule's suggestion as a code action applied through the server, and the
 * diagnostics gone once the documents are fixed.
 */
import { realpathSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, newRepo, removeRepo, ROOT, scratchProject, writeFiles } from "./harness.js";
import { applyEdits, LspClient, type Range, type TextEdit } from "./lsp-client.js";
import { SOURCES } from "./sources.js";

const DOC = readFileSync(path.join(ROOT, "docs/editors.md"), "utf8");
const SERVER = path.join(ROOT, "node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server");

interface Diagnostic {
  range: Range;
  message: string;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}

interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
  edit?: unknown;
}

interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}

/** A React hook in a .ts file: the leak has a local, safe fix, so the rule offers a suggestion. */
const HOOK = {
  file: "src/useNow.ts",
  rule: "leakproof/no-leaked-timer",
  line: 6,
  leaky: `import { useEffect, useState } from "react";

export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    setInterval(() => setNow(new Date()), 1000);
  }, []);
  return now;
}
`,
};
const VUE = SOURCES.find((source) => source.file.endsWith(".vue"))!;

function documentedConfig(): string {
  const block = /```js\n(\/\/ eslint\.config\.js\n[\s\S]*?)```/.exec(DOC);
  if (!block) throw new Error("docs/editors.md has no eslint.config.js example");
  return block[1]!;
}

/** The settings object docs/editors.md gives for language server clients. */
function documentedSettings(): Record<string, unknown> {
  for (const [, body] of DOC.matchAll(/```json\n([\s\S]*?)```/g)) {
    const parsed = JSON.parse(body!) as Record<string, unknown>;
    if ("validate" in parsed && "workspaceFolder" in parsed) return parsed;
  }
  throw new Error("docs/editors.md has no settings example");
}

let project = "";
let client: LspClient;
const texts = new Map<string, { text: string; version: number }>();

const uriOf = (file: string): string => pathToFileURL(path.join(project, file)).href;

async function pullDiagnostics(file: string): Promise<Diagnostic[]> {
  const report = await client.request<{ kind: string; items: Diagnostic[] }>("textDocument/diagnostic", {
    textDocument: { uri: uriOf(file) },
  });
  expect(report.kind).toBe("full");
  return report.items;
}

const leakproofOnly = (diagnostics: Diagnostic[]): Diagnostic[] =>
  diagnostics.filter((d) => typeof d.code === "string" && d.code.startsWith("leakproof/"));

function open(file: string, languageId: string, text: string): void {
  texts.set(uriOf(file), { text, version: 1 });
  client.notify("textDocument/didOpen", { textDocument: { uri: uriOf(file), languageId, version: 1, text } });
}

/** Replace the whole text, as an editor does after the user edits (full-text change event). */
function change(file: string, text: string): void {
  const doc = texts.get(uriOf(file))!;
  doc.text = text;
  doc.version++;
  client.notify("textDocument/didChange", {
    textDocument: { uri: uriOf(file), version: doc.version },
    contentChanges: [{ text }],
  });
}

async function codeActions(file: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>("textDocument/codeAction", {
    textDocument: { uri: uriOf(file) },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], triggerKind: 1 },
  });
}

beforeAll(async () => {
  const scratch = await scratchProject();
  project = realpathSync(newRepo("language-server", scratch));
  writeFileSync(path.join(project, "eslint.config.js"), documentedConfig());
  writeFiles(project, { [HOOK.file]: HOOK.leaky, [VUE.file]: VUE.leaky });

  client = new LspClient(process.execPath, [SERVER, "--stdio"], { cwd: project, env: cleanEnv() });
  const settings = { ...documentedSettings(), workspaceFolder: { name: "scratch", uri: pathToFileURL(project).href } };
  client.onRequest("workspace/configuration", (params) => (params as { items: unknown[] }).items.map(() => settings));
  // The server applies a chosen code action by asking the editor to edit the document.
  client.onRequest("workspace/applyEdit", (params) => {
    const edit = (params as { edit: WorkspaceEdit }).edit;
    const perUri = new Map<string, TextEdit[]>(Object.entries(edit.changes ?? {}));
    for (const change of edit.documentChanges ?? []) perUri.set(change.textDocument.uri, change.edits);
    for (const [uri, edits] of perUri) {
      const doc = texts.get(uri);
      if (!doc) return { applied: false, failureReason: `unknown document ${uri}` };
      const file = path.relative(project, new URL(uri).pathname);
      change(file, applyEdits(doc.text, edits));
    }
    return { applied: true };
  });

  await client.request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(project).href,
    workspaceFolders: [{ uri: pathToFileURL(project).href, name: "scratch" }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceFolders: true },
      textDocument: {
        synchronization: { didSave: true },
        diagnostic: { dynamicRegistration: false },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll.eslint"] } },
        },
      },
    },
  });
  client.notify("initialized", {});
}, 600_000);

afterAll(async () => {
  if (client) {
    const code = await client.close();
    if (code === null) client.kill();
  }
  removeRepo(project);
});

describe("vscode-eslint-language-server", () => {
  it("reports a leak in a .ts document at its line, linked to the rule's page, using the project's ESLint", async () => {
    open(HOOK.file, "typescript", HOOK.leaky);
    const diagnostics = leakproofOnly(await pullDiagnostics(HOOK.file));
    expect(diagnostics.map((d) => `${d.code}:${d.range.start.line + 1}`)).toEqual([`${HOOK.rule}:${HOOK.line}`]);
    expect(diagnostics[0]!.source).toBe("eslint");
    expect(diagnostics[0]!.codeDescription?.href).toMatch(/\/docs\/rules\/no-leaked-timer\.md$/);
    // The server loaded the scratch project's ESLint (a symlink into the scratch install).
    const loaded = client.log.find((line) => line.startsWith("ESLint library loaded from:"));
    expect(loaded, client.log.join("\n")).toBeDefined();
    expect(realpathSync(loaded!.replace("ESLint library loaded from:", "").trim())).toBe(
      realpathSync(path.join(project, "node_modules/eslint/lib/api.js")),
    );
  }, 300_000);

  it("offers the rule's suggestion as a code action, and applying it removes the diagnostic", async () => {
    const [diagnostic] = leakproofOnly(await pullDiagnostics(HOOK.file));
    const actions = await codeActions(HOOK.file, diagnostic!);
    const titles = actions.map((action) => action.title);
    const suggestion = actions.find((action) => action.title.endsWith(`(${HOOK.rule})`) && !action.title.startsWith("Disable"));
    expect(suggestion, titles.join("\n")).toBeDefined();
    expect(suggestion!.title).toBe(`Keep the handle and call \`clearInterval\` in the effect's cleanup. (${HOOK.rule})`);
    expect(suggestion!.kind).toBe("quickfix");
    expect(titles).toContain(`Disable ${HOOK.rule} for this line`);
    expect(titles).toContain(`Show documentation for ${HOOK.rule}`);

    await client.request("workspace/executeCommand", {
      command: suggestion!.command!.command,
      arguments: suggestion!.command!.arguments,
    });
    const fixed = texts.get(uriOf(HOOK.file))!.text;
    expect(fixed).not.toBe(HOOK.leaky);
    expect(fixed).toContain("const timer = setInterval(() => setNow(new Date()), 1000);");
    expect(fixed).toMatch(/return \(\) => \{\s*clearInterval\(timer\);\s*\};/);
    expect(leakproofOnly(await pullDiagnostics(HOOK.file))).toEqual([]);
  }, 300_000);

  it("reports a leak in a .vue document, and the diagnostic goes once the document is fixed", async () => {
    open(VUE.file, "vue", VUE.leaky);
    const diagnostics = leakproofOnly(await pullDiagnostics(VUE.file));
    expect(diagnostics.map((d) => `${d.code}:${d.range.start.line + 1}`)).toEqual([`${VUE.rule}:${VUE.line}`]);
    expect(diagnostics[0]!.codeDescription?.href).toMatch(/\/docs\/rules\/no-leaked-event-listener\.md$/);

    const titles = (await codeActions(VUE.file, diagnostics[0]!)).map((action) => action.title);
    expect(titles).toContain(`Disable ${VUE.rule} for this line`);
    expect(titles).toContain(`Show documentation for ${VUE.rule}`);

    change(VUE.file, VUE.clean);
    expect(leakproofOnly(await pullDiagnostics(VUE.file))).toEqual([]);
    // And back: the server lints the live text, not a cached result.
    change(VUE.file, VUE.leaky);
    expect(leakproofOnly(await pullDiagnostics(VUE.file)).map((d) => d.range.start.line + 1)).toEqual([VUE.line]);
  }, 300_000);
});
