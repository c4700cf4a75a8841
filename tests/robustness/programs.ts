/**
 * Program generators for crash hunting (issue 12, section 1). Two families of input have
 * crashed rules on valid code:
 *
 * - bindings that refer to themselves or to each other (`var x = x || null`,
 *   `const { signal: a } = b; const { signal: b } = a`): every resolver that follows a
 *   binding to its initialiser must stop on a cycle;
 * - names of `Object.prototype` members used where the catalogue looks a name up
 *   (`constructor.register()`, `new toString()`, `from "valueOf"`): a lookup keyed by
 *   source text must never reach the prototype.
 *
 * Both generators are deterministic: the same list every run, so a crash reproduces from
 * the program's name alone.
 */
import { CLASS_LIFECYCLES, CLEANUP_REGISTRARS, DEFAULT_TEARDOWN_METHODS, EFFECT_HOOKS, INJECTORS } from "../../src/lifecycle/tables.js";
import { ANGULAR } from "../../src/lifecycle/frameworks/angular.js";
import { SOLID } from "../../src/lifecycle/frameworks/solid.js";
import { SVELTE } from "../../src/lifecycle/frameworks/svelte.js";
import { VUE } from "../../src/lifecycle/frameworks/vue.js";
import { RACING_STATICS, PROMISE_SLEEPS, SLEEP_HELPER_NAMES } from "../../src/resources/async.js";
import { LISTENER_ADDS, LISTENER_REMOVES, OBJECT_URL_HOSTS, TIMERS } from "../../src/resources/catalogue.js";
import { GLOBAL_CONSTRUCTORS, MODULE_CONSTRUCTORS, MODULE_FACTORIES, TEARDOWN_REGISTRARS, TOKEN_RELEASES } from "../../src/resources/closeable.js";
import { ADDING_METHODS, GROWABLE_CONSTRUCTORS, REMOVING_METHODS } from "../../src/resources/collections.js";
import { CLEARING_METHODS, DOCUMENT_FACTORIES, ELEMENT_LOOKUPS, INSERT_METHODS } from "../../src/resources/dom.js";
import { CREATES, RETURNS_DISPOSER, SELF_CLEANING } from "../../src/resources/libraries.js";
import {
  CLEAR_ALL_METHODS,
  IRREGULAR_PAIRS,
  KNOWN_GLOBAL_REGISTRIES,
  KNOWN_MODULE_REGISTRIES,
  REPEATING_CALLEES,
  releasesFor,
} from "../../src/resources/registrations.js";
import { CHILD_PROCESS_FACTORIES, STREAM_CLASSES, STREAM_FACTORIES } from "../../src/resources/streams.js";

export interface Program {
  /** Where the program comes from, enough to rebuild it: `form × use × owner`, `seed / slot = name`. */
  name: string;
  code: string;
}

// ---------------------------------------------------------------------------
// 1. Self- and mutually-referencing bindings

/**
 * A way of binding two names `a` and `b` so that they refer to themselves or to each other.
 * `A` and `B` are the expressions a use site reads them through (`this.a` for fields).
 */
interface BindingForm {
  name: string;
  /** Lines at the top of the module (imports, exports). */
  prelude?: string;
  /** Parameters of the owner function. */
  params?: string;
  /** Statements before the use. */
  decl?: string;
  /** Class members (only in a class owner). */
  fields?: string;
  A?: string;
  B?: string;
}

export const BINDING_FORMS: readonly BindingForm[] = [
  { name: "var self", decl: "var a = a;" },
  { name: "let self", decl: "let a = a;" },
  { name: "const self", decl: "const a = a;" },
  { name: "var object pattern self", decl: "var { a } = a;" },
  { name: "const renamed pattern self", decl: "const { signal: a } = a;" },
  { name: "array pattern self", decl: "const [a] = a;" },
  { name: "nested pattern self", decl: "const { x: { y: a } } = a;" },
  { name: "|| default self", decl: "var a = a || null;" },
  { name: "?? default", decl: "let a = a ?? b; let b = b ?? a;" },
  { name: "&& chain", decl: "var a = a && a.b && a;" },
  { name: "pattern default self", decl: "const { a = a } = b;" },
  { name: "array default self", decl: "const [a = a] = b;" },
  { name: "mutual const", decl: "const a = b, b = a;" },
  { name: "mutual renamed patterns", decl: "const { signal: a } = b; const { signal: b } = a;" },
  { name: "mutual array patterns", decl: "const [a] = b; const [b] = a;" },
  { name: "mutual || defaults", decl: "var a = b || a; var b = a ?? b;" },
  { name: "mutual assignments", decl: "let a, b; a = b; b = a;" },
  { name: "assignment self", decl: "let a; a = a; a ||= a; a ??= a;" },
  { name: "global assignment self", decl: "a = a; b = a;" },
  { name: "sequence", decl: "var a = (b, a), b = (a, b);" },
  { name: "conditional", decl: "const a = b ? a : b; const b = a ? b : a;" },
  { name: "call chain self", decl: "var a = a.b().c(a);" },
  { name: "then/pipe chain", decl: "const a = b.then(a); const b = a.pipe(b);" },
  { name: "optional chain self", decl: "var a = a?.b ?? a?.[a];" },
  { name: "object self", decl: "const a = { b: a, ...a, [a]: a };" },
  { name: "new self", decl: "const a = new a(a); const b = new a.b(b);" },
  { name: "await self", decl: "let a = await a; let b = await b.a;" },
  { name: "function expression self", decl: "const a = function a() { return a(); }; const b = () => b();" },
  { name: "functions calling each other", decl: "function a() { return b(); } function b() { return a(); }" },
  { name: "arrows calling each other", decl: "const a = () => b(); const b = () => a();" },
  { name: "bound self", decl: "const a = a.bind(a); const b = b.call(b);" },
  { name: "class self", decl: "const a = class a extends a { b = a; }; const b = new a();" },
  { name: "for-of self", decl: "let a; for (a of a) ; for (var b in b) ;" },
  { name: "parameter defaults self", params: "a = a, b = a" },
  { name: "parameter patterns self", params: "{ a } = a, [b] = b" },
  { name: "parameter patterns mutual", params: "a = b, { signal: b } = a" },
  { name: "parameter rest", params: "...a", decl: "const [b] = a; a = b;" },
  {
    name: "imports re-exported",
    prelude: 'import { a } from "./self.js";\nexport { a as b };\nimport { b } from "./self.js";\nexport * from "./self.js";',
  },
  { name: "namespace re-exported", prelude: 'import * as a from "./self.js";\nexport { a };\nimport b from "./self.js";\nexport { b as default };' },
  { name: "class fields self", fields: "a = this.a;\n  b = this.b;", A: "this.a", B: "this.b" },
  { name: "class fields mutual", fields: "a = this.b;\n  b = this.a;", A: "this.a", B: "this.b" },
  { name: "this members self", decl: "this.a = this.a;\nthis.b = this.a;", A: "this.a", B: "this.b" },
  { name: "this destructured", decl: "const { a } = this;\nthis.a = a;\nconst { b = this.b } = this;", A: "a", B: "this.b" },
  { name: "getters and methods self", fields: "get a() { return this.a; }\n  b() { return this.b(); }", A: "this.a", B: "this.b" },
  { name: "ref self", decl: "const a = useRef(a.current);\nconst b = useRef(a);\nb.current = b;", A: "a.current", B: "b.current" },
  { name: "prototype self", decl: "a.prototype.b = a.prototype.b;\nObject.assign(a, a);", A: "a.prototype.b", B: "a" },
  { name: "functions returning each other", decl: "function a() { return b; }\nfunction b() { return a; }" },
  { name: "plain parameters", params: "a, b" },
  { name: "one element aliased", decl: 'const a = document.createElement("div");\nconst b = a;' },
];

/** A use of `$A` / `$B` in a resource position of one family. `async`: it awaits. */
interface UseSite {
  name: string;
  code: string;
  prelude?: string;
  async?: boolean;
}

export const USE_SITES: readonly UseSite[] = [
  // listeners
  { name: "listener on binding", code: '$A.addEventListener("abort", () => {});' },
  { name: "listener signal option", code: 'window.addEventListener("resize", () => {}, { signal: $A });' },
  { name: "listener handler", code: 'window.addEventListener("resize", $A);\nwindow.removeEventListener("resize", $B);' },
  { name: "listener options binding", code: '$A.addEventListener("click", $B, $A);' },
  { name: "emitter on/off", code: '$A.on("data", $B);\n$A.off("data", $B);' },
  { name: "remove all / abort", code: "$A.removeAllListeners();\n$B.abort();" },
  // timers
  { name: "timer stored", code: "$A = setInterval($B, 1000);" },
  { name: "timer cleared", code: "const t = setInterval(() => $A(), 10);\nclearInterval($A);\nclearInterval(t);" },
  { name: "timer re-armed", code: "clearTimeout($A);\n$A = setTimeout($A, 10);" },
  { name: "frame", code: "$A = requestAnimationFrame($B);\ncancelAnimationFrame($A);" },
  // object URLs
  { name: "object URL sink", code: "$A.src = URL.createObjectURL($B);" },
  { name: "object URL stored", code: "$A = URL.createObjectURL($A);\nURL.revokeObjectURL($B);" },
  // observers
  { name: "observer inline", code: "new ResizeObserver($A).observe($B);" },
  { name: "observer stored", code: "$A = new MutationObserver($B);\n$A.observe(document.body);\n$B.disconnect();" },
  // closeables
  { name: "socket handler", code: '$A = new WebSocket("wss://example.test");\n$A.onmessage = $B;' },
  { name: "handler property self", code: "$A.onmessage = $A;\n$B.close();" },
  { name: "worker", code: "$A = new Worker($B);\n$A.terminate?.();" },
  // subscriptions
  { name: "subscription stored", code: "$A = $B.subscribe($A);" },
  { name: "subscription dropped", code: "$A.subscribe(() => {});\n$B.unsubscribe();\n$B();" },
  // collections
  { name: "array push", code: "$A.push($B);" },
  { name: "map set", code: "$A.set($B, $A);\n$B.delete($A);" },
  { name: "dict write", code: "$A[$B] = $A;" },
  { name: "set add", code: "$A.add($A);\n$A.clear?.();" },
  // registrations
  { name: "register", code: "$A.register($B);" },
  { name: "use/handle", code: '$A.use($B);\n$A.handle("x", $B);' },
  { name: "process listener", code: 'process.on("exit", $A);' },
  // async loops
  { name: "endless await", code: "while (true) { await $A; }", async: true },
  { name: "aborted check", code: "while (!$A.aborted) { await $B(); }", async: true },
  { name: "events.on iterator", code: 'for await (const x of on($A, "data")) { $B(x); }', prelude: 'import { on } from "node:events";', async: true },
  { name: "sleep with signal", code: "while (true) { try { await sleep(1, { signal: $A }); } catch { $B(); } }", async: true },
  // promise race
  { name: "race in loop", code: "for (;;) { await Promise.race([$A, $B]); }", async: true },
  { name: "any derived", code: "while ($A) { await Promise.any([$A.then($B), $B]); }", async: true },
  // DOM nodes
  { name: "insertion guard", code: 'if (!$A) document.body.appendChild(document.createElement("div"));' },
  { name: "container binding", code: '$A.appendChild(document.createElement("p"));' },
  { name: "parent check", code: "if ($A.parentNode == null) $B.append($A);" },
  { name: "lazy node", code: '$A ||= document.createElement("div");\ndocument.body.append($A);' },
  // stream pipelines
  { name: "pipe", code: "$A.pipe($B);" },
  { name: "pipe chain", code: "$A.pipe($B).pipe($A);" },
  { name: "read stream", code: "createReadStream($A).pipe($B);", prelude: 'import { createReadStream } from "node:fs";' },
  // plain calls (helpers, disposers, call chains)
  { name: "call", code: "$A($B);" },
  { name: "promise chain", code: "$A.then($B).catch($A);" },
  // cycles through data flow rather than through a binding
  { name: "mutual insertion + listener", code: '$B.appendChild($A);\n$A.appendChild($B);\n$A.addEventListener("x", () => {});' },
  { name: "mutual insertion + observer", code: "$A.append($B);\n$B.append($A);\nnew ResizeObserver(cb).observe($A);\n$B.appendChild(document.createElement(\"i\"));" },
  { name: "helpers calling each other", code: 'function h1(x) { h2(x); x.addEventListener("x", cb); x.appendChild(document.createElement("i")); }\nfunction h2(x) { h1(x); }\nh1($A);' },
  { name: "helper passing its parameters back", code: 'function h(x, y) { h(y, x); x.appendChild(y); y.addEventListener("x", cb); setInterval(y, 1); }\nh($A, $B);' },
  { name: "nested subscriptions", code: "$A.subscribe(() => $B.subscribe(() => $A()));" },
  { name: "returned disposer", code: "const stop = $A.subscribe($B);\nreturn () => { stop(); $A(); };" },
];

interface Owner {
  name: string;
  /** Whether a class's fields fit; whether parameters fit; whether `await` may be used. */
  fields?: boolean;
  params?: boolean;
  async?: boolean;
  make: (parts: { decl: string; use: string; params: string; fields: string; async: boolean }) => string;
}

export const OWNERS: readonly Owner[] = [
  { name: "module", async: true, make: ({ decl, use }) => `${decl}\n${use}` },
  {
    name: "function",
    params: true,
    async: true,
    make: ({ decl, use, params, async }) => `export ${async ? "async " : ""}function f(${params}) {\n${decl}\n${use}\n}`,
  },
  {
    name: "interval callback",
    params: true,
    async: true,
    make: ({ decl, use, params, async }) => `setInterval(${async ? "async " : ""}function tick(${params}) {\n${decl}\n${use}\n}, 1000);`,
  },
  {
    name: "module binding, event handler",
    params: true,
    async: true,
    make: ({ decl, use, params, async }) =>
      `${decl}\n${async ? "async " : ""}function onResize(${params}) {\n${use}\n}\nwindow.addEventListener("resize", onResize);`,
  },
  {
    name: "class with teardown",
    params: true,
    fields: true,
    async: true,
    make: ({ decl, use, params, fields, async }) =>
      `export class C {\n  ${fields}\n  ${async ? "async " : ""}start(${params}) {\n${decl}\n${use}\n  }\n  dispose() {\n${use.replace(/await /g, "")}\n  }\n}`,
  },
  {
    name: "effect",
    params: true,
    make: ({ decl, use, params }) =>
      `import { useEffect } from "react";\nexport function Comp(${params}) {\n  useEffect(() => {\n${decl}\n${use}\n    return () => {\n${use}\n    };\n  }, []);\n  return null;\n}`,
  },
  {
    name: "promise executor",
    async: true,
    make: ({ decl, use, async }) => `export function wait() {\n  return new Promise(${async ? "async " : ""}(resolve, reject) => {\n${decl}\n${use}\n    resolve();\n  });\n}`,
  },
  {
    name: "custom element",
    fields: true,
    make: ({ decl, use, fields }) =>
      `export class El extends HTMLElement {\n  ${fields}\n  connectedCallback() {\n${decl}\n${use}\n  }\n  disconnectedCallback() {\n${use}\n  }\n}`,
  },
  {
    name: "loop",
    params: true,
    async: true,
    make: ({ decl, use, params }) => `export async function run(${params}) {\n  while (true) {\n${decl}\n${use}\n    await next();\n  }\n}`,
  },
];

/** Names the heuristics react to (signal names, guard flags, collections, handlers), rotated over the programs. */
const NAME_PAIRS: readonly (readonly [string, string])[] = [
  ["a", "b"],
  ["signal", "options"],
  ["overlay", "ready"],
  ["cache", "onTick"],
];

function rename(text: string, [a, b]: readonly [string, string]): string {
  return text.replace(/\b[ab]\b/g, (name) => (name === "a" ? a : b));
}

/** Every binding form × every use site × every owner that can hold both. */
export function selfReferencePrograms(): Program[] {
  const out: Program[] = [];
  BINDING_FORMS.forEach((form, f) => {
    USE_SITES.forEach((use, u) => {
      OWNERS.forEach((owner, o) => {
        if (form.fields && !owner.fields) return;
        if (form.params && !owner.params) return;
        if (use.async && !owner.async) return;
        // `await` in a binding form needs an async owner too.
        const needsAsync = !!use.async || /\bawait\b/.test(form.decl ?? "");
        if (needsAsync && !owner.async) return;
        const names = NAME_PAIRS[(f + u + o) % NAME_PAIRS.length]!;
        const A = form.A ?? "a";
        const B = form.B ?? "b";
        const useCode = use.code.replace(/\$A/g, A).replace(/\$B/g, B);
        const body = owner.make({
          decl: form.decl ?? "",
          use: useCode,
          params: form.params ?? "",
          fields: form.fields ?? "",
          async: needsAsync,
        });
        const prelude = [form.prelude, use.prelude].filter(Boolean).join("\n");
        out.push({ name: `${form.name} × ${use.name} × ${owner.name}`, code: rename(`${prelude}\n${body}\n`, names) });
      });
    });
  });
  return out;
}

// ---------------------------------------------------------------------------
// 2. Names of Object.prototype members in catalogue positions

/** Every own property name of `Object.prototype` (constructor, toString, __proto__, ...). */
export const PROTOTYPE_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * A seed program in which the positions the catalogue looks names up by are marked
 * `«label:text»`. Every slot with the same label is one position (a binding and its uses
 * are renamed together); each prototype name replaces each label in turn.
 */
export interface Seed {
  name: string;
  code: string;
}

const repeating = (body: string): string => `setInterval(() => {\n${body}\n}, 1000);`;
const teardownClass = (start: string, end: string, extra = ""): string =>
  `export class W {\n${extra}  start() {\n${start}\n  }\n  dispose() {\n${end}\n  }\n}`;
const effect = (setup: string, cleanup: string): string =>
  `import { «hook:useEffect» } from "«react:react»";\nexport function Comp() {\n  «hook:useEffect»(() => {\n${setup}\n    return () => {\n${cleanup}\n    };\n  }, []);\n  return null;\n}`;
const slot = (label: string, text: string): string => `«${label}:${text}»`;
/** A module name as it appears in the tables (a pattern's source stands for a name it matches). */
const moduleText = (module: string | RegExp): string =>
  typeof module === "string" ? module : module.source.replace(/^\^/, "").replace(/\\\//g, "/").replace(/\(.*$/, "").replace(/\$$/, "") || "x";
const firstName = (names: readonly string[] | RegExp): string =>
  Array.isArray(names) ? (names as readonly string[])[0]! : (names as RegExp).source.replace(/^\^\(?/, "").replace(/[|()$\\[\]].*$/, "") || "use";

/** Seeds built from the catalogue and lifecycle tables: one or more per entry. */
export function catalogueSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const add = (name: string, code: string): void => {
    seeds.push({ name, code });
  };

  for (const [name, entry] of Object.entries(TIMERS)) {
    add(`timer ${name}`, teardownClass(`    this.«field:h» = ${slot("acquire", name)}(() => this.tick(), 10);`, `    ${slot("release", entry.release)}(this.«field:h»);`));
    add(`timer ${name} on host`, `export function f() {\n  const «id:id» = ${slot("host", "window")}.${slot("acquire", name)}(cb, 1);\n  return () => ${slot("release", entry.releasedBy[entry.releasedBy.length - 1]!)}(«id:id»);\n}`);
    add(`timer ${name} imported`, `import { ${slot("acquire", name)} } from "«module:node:timers»";\nexport function f() { ${slot("acquire", name)}(cb, 1); }`);
  }

  for (const [name, entry] of Object.entries(LISTENER_ADDS)) {
    const remove = entry.style === "dom" ? "removeEventListener" : "off";
    add(
      `listener ${name}`,
      effect(
        `    ${slot("target", "window")}.${slot("add", name)}("«type:resize»", «handler:onResize», { ${slot("option", "signal")}: «signal:signal», capture: true });`,
        `    ${slot("target", "window")}.${slot("remove", remove)}("«type:resize»", «handler:onResize»);`,
      ),
    );
    add(
      `listener ${name} in class`,
      teardownClass(
        `    ${slot("target", "document")}.${slot("add", name)}("«type:click»", this.«handler:onClick»);\n    «emitter:bus».${slot("add", name)}("«type:click»", «handler:onClick»);`,
        `    ${slot("target", "document")}.${slot("remove", remove)}("«type:click»", this.«handler:onClick»);\n    «emitter:bus».${slot("removeAll", "removeAllListeners")}();`,
      ),
    );
  }
  for (const name of Object.keys(LISTENER_REMOVES)) {
    add(`listener remove ${name}`, `export function f(«target:el») {\n  «target:el».${slot("remove", name)}("x", «handler:h»);\n  «controller:ctrl».«abort:abort»();\n}`);
  }

  for (const host of OBJECT_URL_HOSTS) {
    add(
      `object URL ${host}`,
      teardownClass(`    this.«field:url» = ${slot("host", host)}.${slot("acquire", "createObjectURL")}(«blob:blob»);\n    «img:img».«sink:src» = ${slot("host", host)}.createObjectURL(«blob:blob»);`, `    ${slot("host", host)}.${slot("release", "revokeObjectURL")}(this.«field:url»);`),
    );
  }

  for (const [name, entry] of Object.entries(GLOBAL_CONSTRUCTORS)) {
    const release = entry.release[0]!.split(".");
    add(
      `constructor ${name}`,
      teardownClass(
        `    this.«field:h» = new ${slot("ctor", name)}(«arg:cb»);\n    this.«field:h».${slot("activate", entry.activate?.[0] ?? "start")}(«target:el»);\n    this.«field:h».${slot("handlerProp", "onmessage")} = «handler:onMessage»;`,
        `    this.«field:h».${release.map((part, i) => slot(`release${i}`, part)).join(".")}();`,
      ),
    );
    add(`constructor ${name} repeated`, repeating(`  new ${slot("host", "window")}.${slot("ctor", name)}(«arg:cb»).${slot("activate", entry.activate?.[0] ?? "start")}(«target:el»);`));
  }

  for (const [module, exports] of Object.entries(MODULE_CONSTRUCTORS)) {
    for (const [name, entry] of Object.entries(exports)) {
      const imported = name === "default" ? `import ${slot("local", "Ctor")} from "${slot("module", module)}";` : `import { ${slot("imported", name)} as ${slot("local", "Ctor")} } from "${slot("module", module)}";`;
      add(`module constructor ${module}.${name}`, `${imported}\n${teardownClass(`    this.«field:h» = new ${slot("local", "Ctor")}(«arg:url»);`, `    this.«field:h».${slot("release", entry.release[0]!.split(".")[0]!)}();`)}`);
      add(`module constructor ${module}.${name} namespace`, `import * as ${slot("ns", "mod")} from "${slot("module", module)}";\n${repeating(`  const «h:h» = new ${slot("ns", "mod")}.${slot("member", name)}(«arg:url»);`)}`);
    }
  }

  for (const [module, exports] of Object.entries(MODULE_FACTORIES)) {
    for (const [name, entry] of Object.entries(exports)) {
      add(
        `module factory ${module}.${name}`,
        `import { ${slot("imported", name)} } from "${slot("module", `node:${module}`)}";\n${teardownClass(`    this.«field:h» = ${slot("imported", name)}(«arg:path», () => {});`, `    this.«field:h».${slot("release", entry.release[0]!)}();`)}`,
      );
      add(
        `module factory ${module}.${name} required`,
        `const ${slot("ns", "mod")} = require("${slot("module", module)}");\nconst { ${slot("destructured", name)} } = require("${slot("module", module)}");\n${repeating(`  ${slot("ns", "mod")}.${slot("member", name)}(«arg:path»);\n  ${slot("destructured", name)}(«arg:path»);`)}`,
      );
    }
  }

  add(
    "subscriptions and tokens",
    teardownClass(
      `    this.«field:sub» = «source:store».${slot("subscribe", "subscribe")}(«handler:onChange»);\n    const «token:token» = «source:store».subscribe(() => {});\n    «source:store».${slot("token", [...TOKEN_RELEASES][0]!)}(«token:token»);`,
      `    this.«field:sub».${slot("release", "unsubscribe")}();\n    this.«field:sub»();`,
    ),
  );
  for (const name of TEARDOWN_REGISTRARS) {
    add(`teardown registrar ${name}`, `export class Cmp {\n  «ref:destroyRef» = «inject:inject»(«token:DestroyRef»);\n  constructor() {\n    const «sub:sub» = «source:store».subscribe(cb);\n    this.«ref:destroyRef».${slot("registrar", name)}(() => «sub:sub».unsubscribe());\n  }\n}`);
  }

  for (const [name, kind] of Object.entries(GROWABLE_CONSTRUCTORS)) {
    const adder = [...ADDING_METHODS[kind]][0] ?? "push";
    const remover = [...REMOVING_METHODS[kind]][0] ?? "pop";
    add(`collection ${name}`, `const «coll:cache» = new ${slot("ctor", name)}();\nexport function f(«key:key», «value:value») {\n  «coll:cache».${slot("add", adder)}(«key:key», «value:value»);\n  if («coll:cache».«size:size» > 100) «coll:cache».${slot("remove", remover)}(«key:key»);\n}`);
  }
  add("collection dict", `const «coll:byId» = {};\nexport function f(«key:id», «value:v») {\n  «coll:byId»[«key:id»] = «value:v»;\n  «coll:byId».«member:count» = 1;\n}`);

  for (const [method, undo] of Object.entries(IRREGULAR_PAIRS)) {
    add(`registration ${method}`, repeating(`  «registry:registry».${slot("method", method)}("«channel:x»", «handler:handler»);\n  «registry:registry».${slot("undo", undo[0]!)}("«channel:x»", «handler:handler»);`));
  }
  for (const method of ["register", "registerCommand", "addHandler", "addHook"]) {
    add(`registration ${method}`, `export function «init:initMenu»() {\n  «registry:registry».${slot("method", method)}(«handler:handler»);\n  «registry:registry».${slot("undo", releasesFor(method)[0]!)}(«handler:handler»);\n}\n«init:initMenu»();\n«init:initMenu»();`);
  }
  for (const method of CLEAR_ALL_METHODS) {
    add(`registration clear ${method}`, repeating(`  «registry:registry».«method:register»(«handler:handler»);\n  «registry:registry».${slot("clear", method)}();`));
  }
  for (const [module, registries] of Object.entries(KNOWN_MODULE_REGISTRIES)) {
    for (const [registry, methods] of Object.entries(registries)) {
      add(`module registry ${module}.${registry}`, `import { ${slot("registry", registry)} } from "${slot("module", module)}";\n${repeating(`  ${slot("registry", registry)}.${slot("method", methods[0]!)}("«channel:x»", «handler:handler»);`)}`);
    }
  }
  for (const [registry, methods] of Object.entries(KNOWN_GLOBAL_REGISTRIES)) {
    add(`global registry ${registry}`, repeating(`  ${slot("registry", registry)}.${slot("method", methods[0]!)}("«event:x»", «handler:handler»);\n  ${slot("registry", registry)}.${slot("member", "stdin")}.${slot("method", methods[0]!)}("«event:x»", «handler:handler»);`));
  }
  for (const callee of Object.keys(REPEATING_CALLEES)) {
    add(`repeating callee ${callee}`, `«receiver:app».${slot("callee", callee)}("«event:x»", () => {\n  «registry:registry».«method:register»(«handler:handler»);\n  document.body.appendChild(document.createElement("div"));\n  «coll:list».push(1);\n});`);
  }

  for (const [method, spec] of Object.entries(INSERT_METHODS)) {
    const args = spec.html ? `"beforeend", "<p></p>"` : spec.nodes === "all" ? "«node:node»" : spec.nodes[0] === 1 ? `"beforeend", «node:node»` : "«node:node»";
    add(`insert ${method}`, `window.addEventListener("resize", () => {\n  const «node:node» = document.${slot("factory", [...DOCUMENT_FACTORIES][0]!)}("div");\n  if (!«guard:overlay») «container:container».${slot("insert", method)}(${args});\n  «container:container».${slot("clear", [...CLEARING_METHODS][0]!)}();\n  document.${slot("lookup", [...ELEMENT_LOOKUPS][0]!)}("x").append(«node:node»);\n});`);
  }

  for (const [name] of Object.entries(RACING_STATICS)) {
    add(`race ${name}`, `export async function f(«signal:stop») {\n  for (;;) {\n    await ${slot("promise", "Promise")}.${slot("static", name)}([«racer:stop», tick()]);\n  }\n}`);
  }
  for (const sleep of [...PROMISE_SLEEPS, ...SLEEP_HELPER_NAMES]) {
    add(`sleep ${sleep}`, `import { ${slot("sleep", sleep)} } from "«module:node:timers/promises»";\nexport async function loop(«signal:signal») {\n  while (true) {\n    await ${slot("sleep", sleep)}(10, undefined, { «option:signal»: «signal:signal» });\n    if («signal:signal».«aborted:aborted») break;\n  }\n}`);
  }
  add("events.on", `import { ${slot("on", "on")} } from "«module:events»";\nexport async function read(«emitter:emitter») {\n  for await (const «event:e» of ${slot("on", "on")}(«emitter:emitter», "«type:data»")) handle(«event:e»);\n}`);

  for (const [module, names] of STREAM_FACTORIES) {
    const name = [...names][0]!;
    add(`stream ${module}.${name}`, `import { ${slot("factory", name)} } from "${slot("module", module)}";\nexport function copy(«src:src», «dest:dest») {\n  ${slot("factory", name)}(«src:src»).${slot("pipe", "pipe")}(«dest:dest»).on("«event:error»", fail);\n}`);
  }
  for (const [module, names] of CHILD_PROCESS_FACTORIES) {
    for (const name of names) {
      add(`child process ${module}.${name}`, `import * as ${slot("ns", "cp")} from "${slot("module", module)}";\nexport function run() {\n  ${slot("ns", "cp")}.${slot("factory", name)}("ls").${slot("stdio", "stdout")}.pipe(process.stdout);\n}`);
    }
  }
  for (const name of STREAM_CLASSES) {
    add(`stream class ${name}`, `import { ${slot("ctor", name)} } from "«module:stream»";\nexport function f(«dest:dest») { new ${slot("ctor", name)}().pipe(«dest:dest»); }`);
  }

  for (const [table, entries] of [
    ["self-cleaning", SELF_CLEANING],
    ["disposer", RETURNS_DISPOSER],
    ["creates", CREATES],
  ] as const) {
    for (const entry of entries) {
      const module = moduleText(entry.module);
      const name = firstName(entry.names);
      add(
        `${table} ${module}.${name}`,
        `import { ${slot("imported", name)} as ${slot("local", "hook")} } from "${slot("module", module)}";\nexport function Comp() {\n  ${slot("local", "hook")}(() => {});\n  ${slot("local", "hook")}.«member:on»("«event:x»", «handler:handler»);\n  return null;\n}`,
      );
    }
  }

  for (const hook of EFFECT_HOOKS) add(`effect hook ${hook}`, effect(`    window.addEventListener("resize", «handler:onResize»);`, `    window.removeEventListener("resize", «handler:onResize»);`).replace(/«hook:useEffect»/g, slot("hook", hook)));
  add(`effect hook on host`, `import «host:React» from "«react:react»";\nexport function Comp() {\n  «host:React».«hook:useEffect»(() => { const «t:t» = setInterval(tick, 1); return () => clearInterval(«t:t»); }, []);\n  return null;\n}`);
  for (const name of DEFAULT_TEARDOWN_METHODS) {
    const key = name.startsWith("Symbol.") ? `[«symbol:Symbol».${slot("teardown", name.slice(7))}]` : slot("teardown", name);
    add(`teardown ${name}`, `export class W {\n  start() { this.«field:t» = setInterval(tick, 1); window.addEventListener("x", this.«handler:h»); }\n  ${key}() { clearInterval(this.«field:t»); }\n}`);
  }
  for (const [framework, lifecycle] of Object.entries(CLASS_LIFECYCLES)) {
    const base = framework === "react" ? "«base:Component»" : framework === "angular" ? "«base:Base»" : "«base:HTMLElement»";
    const decorator = framework === "angular" ? "@«decorator:Component»({})\n" : "";
    add(`class lifecycle ${framework}`, `${decorator}export class W extends ${base} {\n  «setup:connectedCallback»() { this.«field:t» = setInterval(tick, 1); }\n  ${slot("teardown", lifecycle.teardown[0]!)}() { clearInterval(this.«field:t»); }\n}`);
  }
  for (const spec of [VUE, SVELTE, SOLID, ANGULAR]) {
    const module = [...spec.modules][0]!;
    for (const [name, hook] of Object.entries(spec.callbacks)) {
      const args = Array.from({ length: hook.arg + 1 }, (_, i) => (i === hook.arg ? "(«param:onCleanup») => { const «t:t» = setInterval(tick, 1); «param:onCleanup»?.(() => clearInterval(«t:t»)); return () => clearInterval(«t:t»); }" : "«source:source»")).join(", ");
      const binding = name.startsWith("$") ? "" : `import { ${slot("hook", name)} } from "${slot("module", module)}";\n`;
      add(`${spec.name} ${name}`, `${binding}${name.startsWith("$") ? name : slot("hook", name)}(${args});`);
    }
    for (const name of [...spec.scopeCleanups, ...spec.innerCleanups, ...spec.elementRefs]) {
      add(`${spec.name} ${name}`, `import { ${slot("hook", name)} } from "${slot("module", module)}";\nconst «t:t» = setInterval(tick, 1);\n${slot("hook", name)}(() => clearInterval(«t:t»));`);
    }
  }
  for (const name of [...INJECTORS, ...CLEANUP_REGISTRARS]) {
    add(`registrar ${name}`, `export function useThing() {\n  const «service:bus» = ${slot("call", name)}(«token:Bus»);\n  «service:bus».on("«event:x»", «handler:handler»);\n  ${slot("call", name)}(() => «service:bus».off("«event:x»", «handler:handler»));\n}`);
  }
  return seeds;
}

/** The labels of a seed with the text each stands for, in order of first appearance. */
function slotsOf(code: string): Map<string, string> {
  const slots = new Map<string, string>();
  for (const match of code.matchAll(/«([\w$]+):([^»]*)»/g)) if (!slots.has(match[1]!)) slots.set(match[1]!, match[2]!);
  return slots;
}

/** The seed's code with `label` replaced by `name` and every other slot by its own text. */
export function fill(code: string, replace: ReadonlyMap<string, string> = new Map()): string {
  return code.replace(/«([\w$]+):([^»]*)»/g, (_, label: string, text: string) => replace.get(label) ?? text);
}

/**
 * Every prototype name in every labelled position of every seed (one position at a time).
 * Seeds built from one template (`timer ...`, `listener ...`) share the positions that do not
 * come from the catalogue entry (the handler, the field the handle is kept in): such a
 * position is varied in the first seed of its template only, the entry's own positions in all.
 */
export function prototypeNamePrograms(seeds: readonly Seed[] = catalogueSeeds()): Program[] {
  const out: Program[] = [];
  const varied = new Set<string>();
  for (const seed of seeds) {
    out.push({ name: `${seed.name} (as written)`, code: fill(seed.code) });
    const template = seed.name.split(" ")[0]!;
    for (const [label, text] of slotsOf(seed.code)) {
      const position = `${template}\0${label}\0${text}`;
      if (varied.has(position)) continue;
      varied.add(position);
      for (const name of PROTOTYPE_NAMES) {
        out.push({ name: `${seed.name} / ${label} = ${name}`, code: fill(seed.code, new Map([[label, name]])) });
      }
    }
  }
  return out;
}
