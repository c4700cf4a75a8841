/**
 * Node stream `.pipe()` chains without error handling.
 *
 * `src.pipe(dest)` forwards data, not failure: when `src` errors, `dest` is neither ended
 * nor destroyed; when `dest` errors or closes early, `src` is only unpiped and stays
 * paused. Either way the other streams keep their file descriptors, sockets and buffers.
 * `stream.pipeline()` destroys every stream when one fails and reports the error once.
 *
 * A chain `a.pipe(b).pipe(c)` is analysed once, from its first `.pipe(` call. It is a
 * Node stream chain when the type checker says the receiver's `pipe` comes from Node's
 * stream declarations, or — without types — when a member of the chain is known to be a
 * stream (a stream factory's result, `new PassThrough()`, `process.stdout`, a child's
 * stdio, a `req`/`res` parameter of a request handler, a variable initialised with one
 * of those) and nothing in it looks like an Observable/functional `pipe` (operator calls,
 * function arguments, more than one argument, a local class without a stream base).
 *
 * A stream has error handling when an `'error'` listener is attached to it (inline in
 * the chain or anywhere in the file through the same reference key), or when it is
 * passed to `pipeline`/`finished`/`addAbortSignal`/`compose` (or a `pump`/`eos` helper).
 */
import { ESLintUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import {
  type Node,
  isClass,
  isFunction,
  memberName,
  outerParent,
  calleeOf,
  keyName,
  staticString,
  unwrap,
} from "../../ast/index.js";
import {
  CHILD_PROCESS_FACTORIES,
  ERROR_TAKING_FUNCTIONS,
  LISTENER_METHODS,
  REQUEST_NAMES,
  RESPONSE_NAMES,
  RXJS_OPERATORS,
  STDIO_MEMBERS,
  STREAM_CLASSES,
  STREAM_FACTORIES,
  STREAM_MODULES,
  isNodeStreamDeclarationFile,
  isNonStreamPipeModule,
  nodeModuleName,
} from "../../resources/streams.js";
import type { RefResolver } from "../engine/refs.js";
import { forEachNodeOf, indexedType, indexedTypes, someNodeOf } from "../../ast/node-index.js";
import { scopeOf } from "../../ast/scope.js";
import { type Evidence, likely, proven } from "../engine/model.js";
import type { Lifecycles } from "../../lifecycle/owners.js";
import { HELD_BY_RUNTIME, evidence } from "../engine/evidence.js";
import { type ScriptBlock, insertStatement, scriptBlockOf } from "../engine/suggestions.js";

/** The node types that bind or pipe a stream, read from the node index. */
const BINDING_TYPES = indexedTypes([T.CallExpression, T.VariableDeclarator, T.AssignmentExpression]);
const CALL = indexedType(T.CallExpression);

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

export interface PipeChainFinding {
  /** The first `.pipe(...)` call of the chain. */
  node: TSESTree.CallExpression;
  /** From `pipe` of the first call to the end of that call. */
  loc: TSESTree.SourceLocation;
  /** Short texts of the streams without error handling. */
  unhandled: string[];
  /** Builds the `pipeline(...)` rewrite, for straight chains only. */
  fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
  evidence: Evidence;
}

/** A failing stream leaves the others of a `.pipe()` chain open: the runtime keeps their handles. */
const PIPE_EVIDENCE: Evidence = evidence(HELD_BY_RUNTIME, proven("the chain ends on an error"), proven("no error path destroys the others"));
/** A chain a script builds once at its top level: an error ends the process, and its streams with it. */
const ONCE_PIPE_EVIDENCE: Evidence = evidence(HELD_BY_RUNTIME, likely("built once, at start-up"), proven("no error path destroys the others"));

/**
 * A child's output forwarded to the terminal (`child.stdout.pipe(process.stdout)`): the child's
 * stream ends with the child, and `process.stdout` is never closed by a pipe; only a terminal
 * that goes away first leaves the child's stream paused.
 */
const FORWARD_EVIDENCE: Evidence = evidence(HELD_BY_RUNTIME, likely("forwards a child's output to the terminal"), proven("no error path destroys the others"));

/** What an expression resolves to in a module: `fs.createReadStream` → { module: "fs", path: ["createReadStream"] }. */
interface ModulePath {
  module: string;
  path: string[];
}

interface ChainMember {
  /** The stream expression, stripped of inline listener calls. */
  expr: Node;
  /** The expression as written (for the suggestion's text). */
  written: Node;
  /** An inline `.on('error', ...)` on this member. */
  handledInline: boolean;
}

const MAX_DEPTH = 6;
const ERROR_CALLBACK = "(error) => { if (error) console.error(error); }";
const PIPELINE_NAMES = ["pipeline", "streamPipeline", "pipelineStreams"];
/** Error-taking helpers from userland packages (`pump`, `end-of-stream`) and wrappers named alike. */
const ERROR_TAKING_NAMES = new Set([...ERROR_TAKING_FUNCTIONS, "pump", "eos", "endOfStream", "onFinished"]);

export class StreamPipelineAnalysis {
  private handledKeys: Set<string> | undefined;
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly services: ReturnType<typeof ESLintUtils.getParserServices> | undefined;

  constructor(
    private readonly context: Context,
    private readonly refs: RefResolver,
    /** Who owns a chain: one built once at start-up (a script's top level) ends with the process. */
    private readonly lifecycles?: Pick<Lifecycles, "ownerOf">,
  ) {
    this.sourceCode = context.sourceCode;
    let services: ReturnType<typeof ESLintUtils.getParserServices> | undefined;
    try {
      services = ESLintUtils.getParserServices(context, true);
    } catch {
      services = undefined;
    }
    this.services = services?.program ? services : undefined;
  }

  /** A finding when `call` is the first `.pipe(` of a stream chain with an unhandled member. */
  check(call: TSESTree.CallExpression): PipeChainFinding | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || memberName(callee) !== "pipe") return undefined;
    const receiver = stripListeners(callee.object);
    if (isPipeCall(receiver.expr)) return undefined; // not the first `.pipe(` of its chain
    if (!singleArgument(call)) return undefined;

    const members: ChainMember[] = [receiver, stripListeners(call.arguments[0]!)];
    let straight = !receiver.handledInline && !members[1]!.handledInline && !call.optional && !callee.optional;
    let current: Node = call;
    for (;;) {
      const { parent, child } = outerParent(current);
      if (child !== current) straight = false;
      if (parent?.type !== T.MemberExpression || parent.object !== child) break;
      const outer = parent.parent;
      if (outer?.type !== T.CallExpression || outer.callee !== parent) break;
      const name = memberName(parent);
      if (name && LISTENER_METHODS.has(name)) {
        if (staticString(outer.arguments[0]) === "error") members[members.length - 1]!.handledInline = true;
        straight = false;
      } else if (name === "pipe" && singleArgument(outer)) {
        const next = stripListeners(outer.arguments[0]!);
        if (next.handledInline || parent.optional || outer.optional) straight = false;
        members.push(next);
      } else {
        break;
      }
      current = outer;
    }

    if (!this.isStreamChain(members)) return undefined;

    const resultKeys = this.resultKeys(current);
    const handled = this.collectHandled();
    const unhandled = members.filter((member, index) => {
      if (member.handledInline) return false;
      const key = this.refs.key(member.expr);
      if (key && handled.has(key)) return false;
      if (index === members.length - 1 && resultKeys.some((k) => handled.has(k))) return false;
      return true;
    });
    if (unhandled.length === 0) return undefined;
    // A failing member leaves the others open; when each other one reads or writes through a
    // descriptor it does not own (`createReadStream("", { fd, autoClose: false })`), nothing
    // of theirs stays open and the failure leaks nothing.
    const others = members.filter((member) => !unhandled.includes(member));
    if (others.length > 0 && others.every((member) => borrowsDescriptor(member.expr))) return undefined;

    const property = callee.property;
    const finding: PipeChainFinding = {
      node: call,
      loc: { start: property.loc.start, end: call.loc.end },
      unhandled: unhandled.map((member) => this.refs.text(member.expr)),
      evidence: this.lifecycles?.ownerOf(call).owner.type === "module" ? ONCE_PIPE_EVIDENCE : this.forwardsChildOutput(members) ? FORWARD_EVIDENCE : PIPE_EVIDENCE,
    };
    if (straight && this.sourceCode.getCommentsInside(current).length === 0) {
      finding.fix = this.pipelineFix(current, members);
    }
    return finding;
  }

  // --- is this a Node stream chain? ---------------------------------------------------

  private isStreamChain(members: ChainMember[]): boolean {
    const typed = this.typeVerdict(members[0]!.expr);
    if (typed === "stream") return true;
    if (typed === "other") return false;
    if (members.some((member) => this.looksNonStream(member.expr))) return false;
    return members.some((member) => this.isStream(member.expr, 0));
  }

  /** With type information: does the receiver's `pipe` come from Node's stream declarations? */
  private typeVerdict(receiver: Node): "stream" | "other" | "unknown" {
    const services = this.services;
    if (!services?.program) return "unknown";
    try {
      const checker = services.program.getTypeChecker();
      const tsNode = services.esTreeNodeToTSNodeMap.get(receiver as TSESTree.Expression);
      const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
      const parts = type.isUnion() ? type.types : [type];
      let sawOther = false;
      for (const part of parts) {
        // TypeFlags.Any = 1, TypeFlags.Unknown = 2 (stable across TypeScript versions).
        if (part.flags & 3) return "unknown";
        const pipe = checker.getApparentType(part).getProperty("pipe");
        const declarations = pipe?.getDeclarations() ?? [];
        if (declarations.length === 0) return "unknown";
        if (declarations.some((d) => isNodeStreamDeclarationFile(d.getSourceFile().fileName))) return "stream";
        sawOther = true;
      }
      return sawOther ? "other" : "unknown";
    } catch {
      return "unknown";
    }
  }

  /** Syntactic signs of an Observable/functional `pipe`: operator calls, functions, local non-stream classes. */
  private looksNonStream(expr: Node): boolean {
    const inner = unwrap(expr);
    if (isFunction(inner) || inner.type === T.ObjectExpression || inner.type === T.ArrayExpression) return true;
    if (inner.type === T.Literal || inner.type === T.TemplateLiteral) return true;
    if (inner.type === T.CallExpression) {
      const resolved = this.resolveModule(inner.callee, 0);
      if (resolved && isNonStreamPipeModule(resolved.module)) return true;
      const callee = unwrap(inner.callee);
      if (callee.type === T.Identifier && RXJS_OPERATORS.has(callee.name) && !resolved) return true;
    }
    const resolved = this.resolveModule(inner, 0);
    if (resolved && isNonStreamPipeModule(resolved.module)) return true;
    // `new Builder().pipe(step)` where Builder is a local class that does not extend a stream.
    if (inner.type === T.NewExpression) {
      const cls = this.localClass(inner.callee);
      if (cls && !this.extendsStream(cls, 0)) return true;
    }
    if (inner.type === T.Identifier) {
      const init = this.constInit(inner);
      if (init && unwrap(init).type === T.NewExpression) return this.looksNonStream(init);
    }
    return false;
  }

  /** Whether `expr` is known to be a Node stream. */
  private isStream(expr: Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const inner = stripListeners(expr).expr;
    switch (inner.type) {
      case T.CallExpression: {
        const resolved = this.resolveModule(inner.callee, depth + 1);
        if (!resolved) return false;
        // `Readable.from(iterable)`, `Duplex.from(...)`
        if (resolved.path.length === 2 && resolved.path[1] === "from") return isStreamClass({ module: resolved.module, path: [resolved.path[0]!] });
        if (resolved.path.length !== 1) return false;
        return STREAM_FACTORIES.get(resolved.module)?.has(resolved.path[0]!) ?? false;
      }
      case T.NewExpression: {
        const resolved = this.resolveModule(inner.callee, depth + 1);
        if (resolved) return isStreamClass(resolved);
        const cls = this.localClass(inner.callee);
        return cls ? this.extendsStream(cls, depth + 1) : false;
      }
      case T.MemberExpression: {
        const name = memberName(inner);
        if (!name || !STDIO_MEMBERS.has(name)) return false;
        const object = unwrap(inner.object);
        if (object.type === T.Identifier && object.name === "process" && this.refs.isGlobal(object, "process")) return true;
        const resolved = this.resolveModule(object, depth + 1);
        if (resolved?.module === "process" && resolved.path.length === 0) return true;
        return this.isChildProcess(object, depth + 1);
      }
      case T.Identifier: {
        const variable = this.refs.variable(inner);
        const def = variable?.defs[0];
        if (!variable || !def) return false;
        if (def.type === "Parameter") return isRequestHandlerParameter(def.node, inner.name);
        if (def.type === "Variable" && def.node.init && def.node.id.type === T.Identifier) {
          return this.isStream(def.node.init, depth + 1);
        }
        return false;
      }
      default:
        return false;
    }
  }

  private isChildProcess(expr: Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const inner = unwrap(expr);
    if (inner.type === T.CallExpression) {
      const resolved = this.resolveModule(inner.callee, depth + 1);
      return (
        !!resolved && resolved.path.length === 1 && (CHILD_PROCESS_FACTORIES.get(resolved.module)?.has(resolved.path[0]!) ?? false)
      );
    }
    if (inner.type === T.Identifier) {
      const init = this.constInit(inner);
      return init ? this.isChildProcess(init, depth + 1) : false;
    }
    return false;
  }

  /** The local class a `new` callee names, if declared in this file. */
  private localClass(callee: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
    const inner = unwrap(callee);
    if (isClass(inner)) return inner;
    if (inner.type !== T.Identifier) return undefined;
    const def = this.refs.variable(inner)?.defs[0];
    if (def?.type === "ClassName" && isClass(def.node)) return def.node;
    if (def?.type === "Variable" && def.node.init && isClass(unwrap(def.node.init))) {
      return unwrap(def.node.init) as TSESTree.ClassExpression;
    }
    return undefined;
  }

  private extendsStream(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, depth: number): boolean {
    if (!cls.superClass || depth > MAX_DEPTH) return false;
    const resolved = this.resolveModule(cls.superClass, depth + 1);
    if (resolved) return isStreamClass(resolved);
    const base = this.localClass(cls.superClass);
    return base ? this.extendsStream(base, depth + 1) : false;
  }

  private constInit(id: TSESTree.Identifier): Node | undefined {
    const def = this.refs.variable(id)?.defs[0];
    if (def?.type !== "Variable" || !def.node.init || def.node.id.type !== T.Identifier) return undefined;
    return def.node.init;
  }

  // --- module identity ------------------------------------------------------------------

  /** Resolves `fs.createReadStream`, `createGzip` (imported), `require("zlib").createGzip` to a module path. */
  private resolveModule(expr: Node, depth: number): ModulePath | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const inner = unwrap(expr);
    if (inner.type === T.CallExpression) {
      const source = requireSource(inner, this.refs);
      return source === undefined ? undefined : normalise({ module: source, path: [] });
    }
    if (inner.type === T.MemberExpression) {
      const name = memberName(inner);
      if (name === undefined) return undefined;
      const object = this.resolveModule(inner.object, depth + 1);
      return object ? normalise({ module: object.module, path: [...object.path, name] }) : undefined;
    }
    if (inner.type !== T.Identifier) return undefined;
    const variable = this.refs.variable(inner);
    const def = variable?.defs[0];
    if (!def) return undefined;
    if (def.type === "ImportBinding") {
      const declaration = def.parent;
      if (declaration?.type !== T.ImportDeclaration) return undefined;
      const module = nodeModuleName(String(declaration.source.value));
      if (def.node.type === T.ImportSpecifier) {
        const imported = def.node.imported.type === T.Identifier ? def.node.imported.name : String(def.node.imported.value);
        return normalise({ module, path: imported === "default" ? [] : [imported] });
      }
      return { module, path: [] };
    }
    if (def.type !== "Variable" || !def.node.init) return undefined;
    const init = this.resolveModule(def.node.init, depth + 1);
    if (!init) return undefined;
    if (def.node.id.type === T.Identifier) return init;
    if (def.node.id.type === T.ObjectPattern) {
      for (const property of def.node.id.properties) {
        if (property.type !== T.Property) continue;
        const value = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
        if (value !== def.name) continue;
        const key = property.computed ? staticString(property.key) : property.key.type === T.Identifier ? property.key.name : staticString(property.key);
        return key === undefined ? undefined : normalise({ module: init.module, path: [...init.path, key] });
      }
    }
    return undefined;
  }

  // --- error handling -------------------------------------------------------------------

  /** Keys of every location that has an 'error' listener or is handed to an error-taking function. */
  private collectHandled(): Set<string> {
    if (this.handledKeys) return this.handledKeys;
    const keys = new Set<string>();
    const add = (node: Node | undefined): void => {
      if (!node) return;
      const key = this.refs.key(stripListeners(node).expr);
      if (key) keys.add(key);
    };
    const visit = (node: Node): void => {
      if (node.type === T.CallExpression) {
        const callee = unwrap(node.callee);
        const name = callee.type === T.MemberExpression ? memberName(callee) : callee.type === T.Identifier ? callee.name : undefined;
        if (callee.type === T.MemberExpression && name && LISTENER_METHODS.has(name) && staticString(node.arguments[0]) === "error") {
          add(callee.object);
        } else if (name && this.isErrorTaking(node.callee, name)) {
          for (const argument of node.arguments) {
            const value = argument.type === T.SpreadElement ? argument.argument : argument;
            const inner = unwrap(value);
            if (inner.type === T.ArrayExpression) {
              for (const element of inner.elements) if (element) add(element.type === T.SpreadElement ? element.argument : element);
            } else {
              add(value);
            }
          }
        }
      } else if (node.type === T.VariableDeclarator && node.init && stripListeners(node.init).handledInline) {
        add(node.id);
      } else if (node.type === T.AssignmentExpression && stripListeners(node.right).handledInline) {
        add(node.left);
      }
    };
    forEachNodeOf(this.sourceCode, BINDING_TYPES, visit);
    this.handledKeys = keys;
    return keys;
  }

  private isErrorTaking(callee: Node, name: string): boolean {
    if (!ERROR_TAKING_NAMES.has(name)) return false;
    const resolved = this.resolveModule(callee, 0);
    // Userland helpers (`pump`, `eos`, a project's own `pipeline` wrapper) count too:
    // being lenient here can only hide a finding, never invent one.
    return !resolved || STREAM_MODULES.has(resolved.module) || !isNonStreamPipeModule(resolved.module);
  }

  /** Keys the chain's result is stored under (`const out = a.pipe(b)`), which denote its last stream. */
  private resultKeys(top: Node): string[] {
    const { parent, child } = outerParent(top);
    if (parent?.type === T.VariableDeclarator && parent.init === child) {
      const key = this.refs.key(parent.id);
      return key ? [key] : [];
    }
    if (parent?.type === T.AssignmentExpression && parent.right === child) {
      const key = this.refs.key(parent.left);
      return key ? [key] : [];
    }
    return [];
  }

  // --- the pipeline(...) suggestion -----------------------------------------------------

  private pipelineFix(top: Node, members: ChainMember[]): PipeChainFinding["fix"] {
    // `.pipe()` never ends `process.stdout`/`stderr`; `pipeline()` does, and the process's later
    // output would be lost: no rewrite there.
    if (this.isProcessOutput(members[members.length - 1]!.expr, 0)) return undefined;
    const binding = this.pipelineBinding(top);
    if (!binding) return undefined;
    const args = members.map((member) => {
      const text = this.sourceCode.getText(member.written);
      return member.written.type === T.SequenceExpression ? `(${text})` : text;
    });
    const replacement = `${binding.callee}(${args.join(", ")}, ${ERROR_CALLBACK})`;
    return (fixer) => {
      const fixes = [fixer.replaceText(top, replacement)];
      if (binding.insert) fixes.push(binding.insert(fixer));
      return fixes;
    };
  }

  /** `x.stdout.pipe(process.stdout)`: every other member is some process's stdout or stderr. */
  private forwardsChildOutput(members: ChainMember[]): boolean {
    if (!this.isProcessOutput(members[members.length - 1]!.expr, 0)) return false;
    return members.slice(0, -1).every((member) => {
      const inner = unwrap(member.expr);
      const name = inner.type === T.MemberExpression ? memberName(inner) : undefined;
      return name === "stdout" || name === "stderr";
    });
  }

  /** `process.stdout` / `process.stderr`, directly or through a `const`. */
  private isProcessOutput(expr: Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const inner = unwrap(expr);
    if (inner.type === T.Identifier) {
      const init = this.constInit(inner);
      return !!init && this.isProcessOutput(init, depth + 1);
    }
    if (inner.type !== T.MemberExpression) return false;
    const name = memberName(inner);
    if (name !== "stdout" && name !== "stderr") return false;
    const object = unwrap(inner.object);
    if (object.type === T.Identifier && object.name === "process" && this.refs.isGlobal(object, "process")) return true;
    const resolved = this.resolveModule(object, depth + 1);
    return resolved?.module === "process" && resolved.path.length === 0;
  }

  /**
   * How to call the callback `pipeline` of node:stream at `at`: an existing binding
   * (`pipeline`, `stream.pipeline`), or a free name plus the import/require to add — in the
   * script that holds the chain (a Vue or Svelte component has several), after its imports.
   */
  private pipelineBinding(
    at: Node,
  ): { callee: string; insert?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined {
    const scopeManager = this.sourceCode.scopeManager;
    if (!scopeManager) return undefined;
    const topScope = moduleScope(scopeManager.globalScope);
    if (!topScope) return undefined;

    // An existing binding of node:stream, not shadowed where the chain is.
    this.streamBindings ??= this.moduleStreamBindings(topScope);
    for (const { variable, callee } of this.streamBindings) {
      if (lookup(this.sourceCode, at, variable.name) === variable) return { callee };
    }

    const block = scriptBlockOf(this.sourceCode, at);
    if (!block) return undefined;
    // The rest depends on the script only: worked out once per script, so that n chains in a
    // file of n statements and n scopes are not n² (the free name looks at every scope).
    if (!this.newBindings.has(block.start)) this.newBindings.set(block.start, this.newPipelineBinding(scopeManager, block));
    return this.newBindings.get(block.start);
  }

  /** The module's bindings of node:stream's `pipeline` (or of node:stream itself), in declaration order. */
  private streamBindings: { variable: Variable; callee: string }[] | undefined;

  private moduleStreamBindings(topScope: Scope): { variable: Variable; callee: string }[] {
    const out: { variable: Variable; callee: string }[] = [];
    for (const variable of topScope.variables) {
      const id = variable.identifiers[0];
      if (!id) continue;
      const resolved = this.resolveModule(id, 0);
      if (!resolved || resolved.module !== "stream") continue;
      if (resolved.path.length === 1 && resolved.path[0] === "pipeline") out.push({ variable, callee: variable.name });
      else if (resolved.path.length === 0) out.push({ variable, callee: `${variable.name}.pipeline` });
    }
    return out;
  }

  private readonly newBindings = new Map<number, { callee: string; insert?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined>();

  /** A free name for `pipeline` and the import or require that binds it, added to `block`. */
  private newPipelineBinding(
    scopeManager: TSESLint.Scope.ScopeManager,
    block: ScriptBlock,
  ): { callee: string; insert?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined {
    const name = PIPELINE_NAMES.find((candidate) => isFreeName(scopeManager, candidate));
    if (!name) return undefined;
    const quote = this.quoteStyle(block);
    const source = `${quote}node:stream${quote}`;

    if (this.isEsm(block)) {
      const imports = block.statements.filter((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration);
      const streamImport = imports.find(
        (declaration) =>
          nodeModuleName(String(declaration.source.value)) === "stream" &&
          declaration.importKind !== "type" &&
          declaration.specifiers.length > 0 &&
          declaration.specifiers.every((s) => s.type === T.ImportSpecifier),
      );
      const specifier = name === "pipeline" ? "pipeline" : `pipeline as ${name}`;
      if (streamImport) {
        const last = streamImport.specifiers[streamImport.specifiers.length - 1]!;
        return { callee: name, insert: (fixer) => fixer.insertTextAfter(last, `, ${specifier}`) };
      }
      const lastImport = imports[imports.length - 1];
      const statement = `import { ${specifier} } from ${source}${this.semicolon(lastImport ?? this.modelStatement(block))}`;
      return { callee: name, insert: insertStatement(this.sourceCode, block, imports, statement) };
    }

    const requires = block.statements.filter((s): s is TSESTree.VariableDeclaration => s.type === T.VariableDeclaration && s.declarations.some((d) => !!d.init && requireSource(unwrap(d.init), this.refs) !== undefined));
    const pattern = name === "pipeline" ? "pipeline" : `pipeline: ${name}`;
    for (const declaration of requires) {
      for (const declarator of declaration.declarations) {
        if (
          declarator.id.type === T.ObjectPattern &&
          declarator.init &&
          nodeModuleName(requireSource(unwrap(declarator.init), this.refs) ?? "") === "stream" &&
          declarator.id.properties.length > 0 &&
          declarator.id.properties.every((p) => p.type === T.Property)
        ) {
          const last = declarator.id.properties[declarator.id.properties.length - 1]!;
          return { callee: name, insert: (fixer) => fixer.insertTextAfter(last, `, ${pattern}`) };
        }
      }
    }
    const lastRequire = requires[requires.length - 1];
    const statement = `const { ${pattern} } = require(${source})${this.semicolon(lastRequire ?? this.modelStatement(block))}`;
    return { callee: name, insert: insertStatement(this.sourceCode, block, requires, statement) };
  }

  /**
   * ESM when the script imports or exports, CommonJS when it requires; else by the file: a
   * component's script is a module, a plain file goes by its requires, extension and sourceType.
   */
  private isEsm(block: ScriptBlock): boolean {
    const moduleSyntax = (s: TSESTree.ProgramStatement): boolean =>
      s.type === T.ImportDeclaration || s.type === T.ExportNamedDeclaration || s.type === T.ExportDefaultDeclaration || s.type === T.ExportAllDeclaration;
    if (block.statements.some(moduleSyntax)) return true;
    const requiresHere = block.statements.some((statement) =>
      statement.type === T.VariableDeclaration && statement.declarations.some((d) => !!d.init && requireSource(unwrap(d.init), this.refs) !== undefined),
    );
    if (requiresHere) return false;
    if (block.start > 0) return true;
    if (this.sourceCode.ast.body.some(moduleSyntax)) return true;
    const requires = someNodeOf(this.sourceCode, CALL, (node) => node.type === T.CallExpression && requireSource(node, this.refs) !== undefined);
    if (requires) return false;
    const filename = this.context.filename;
    if (/\.c[jt]s$/.test(filename)) return false;
    return this.context.languageOptions.sourceType !== "commonjs" && this.context.languageOptions.sourceType !== "script";
  }

  private quoteStyle(block: ScriptBlock): string {
    for (const statement of block.statements) {
      if (statement.type === T.ImportDeclaration) return statement.source.raw.startsWith("'") ? "'" : '"';
      if (statement.type === T.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          const init = declarator.init && unwrap(declarator.init);
          if (init?.type === T.CallExpression && requireSource(init, this.refs) !== undefined) {
            const literal = init.arguments[0] as TSESTree.Literal;
            return literal.raw.startsWith("'") ? "'" : '"';
          }
        }
      }
    }
    return '"';
  }

  /** A statement of the block whose end shows whether the file writes semicolons. */
  private modelStatement(block: ScriptBlock): Node | undefined {
    return block.statements.find(
      (statement) => statement.type === T.VariableDeclaration || (statement.type === T.ExpressionStatement && statement.directive === undefined),
    );
  }

  /** `;` when the statement the new one is modelled on ends with one (or when there is none). */
  private semicolon(statement: Node | undefined): string {
    if (!statement) return ";";
    return this.sourceCode.getText(statement).trimEnd().endsWith(";") ? ";" : "";
  }
}

// --- helpers ------------------------------------------------------------------------------

/** `x.on('error', h).once('close', g)` → x, remembering whether an 'error' listener was attached. */
function stripListeners(node: Node): ChainMember {
  let current = unwrap(node);
  let handledInline = false;
  for (let i = 0; i < 20; i++) {
    if (current.type !== T.CallExpression) break;
    const callee = unwrap(current.callee);
    if (callee.type !== T.MemberExpression) break;
    const name = memberName(callee);
    if (!name || !LISTENER_METHODS.has(name)) break;
    if (staticString(current.arguments[0]) === "error") handledInline = true;
    current = unwrap(callee.object);
  }
  return { expr: current, written: node, handledInline };
}

function isPipeCall(node: Node): boolean {
  if (node.type !== T.CallExpression) return false;
  const callee = unwrap(node.callee);
  return callee.type === T.MemberExpression && memberName(callee) === "pipe";
}

function singleArgument(call: TSESTree.CallExpression): boolean {
  return call.arguments.length === 1 && call.arguments[0]!.type !== T.SpreadElement;
}

/** The module of `require("x")` (global `require`), else undefined. */
function requireSource(node: Node, refs: RefResolver): string | undefined {
  if (node.type !== T.CallExpression) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== T.Identifier || callee.name !== "require" || !refs.isGlobal(callee, "require")) return undefined;
  const source = staticString(node.arguments[0]);
  return source === undefined ? undefined : nodeModuleName(source);
}

/** `stream.promises.x` is `stream/promises`'s x; a default import of `stream` is the module itself. */
function normalise(path: ModulePath): ModulePath {
  if (path.module === "stream" && path.path[0] === "promises") {
    return { module: "stream/promises", path: path.path.slice(1) };
  }
  if (path.module === "stream" && path.path[0] === "Stream" && path.path.length > 1) {
    // `require("stream").Stream.PassThrough`
    return { module: "stream", path: path.path.slice(1) };
  }
  return path;
}

function isStreamClass(resolved: ModulePath): boolean {
  if (resolved.module !== "stream") return false;
  // `new Stream()` with the default import / `require("stream")` itself is a stream too.
  if (resolved.path.length === 0) return true;
  return resolved.path.length === 1 && STREAM_CLASSES.has(resolved.path[0]!);
}

/** Whether a parameter named `name` belongs to a request handler: `(req, res)` / `(request, response)` first. */
function isRequestHandlerParameter(fn: Node, name: string): boolean {
  if (!isFunction(fn)) return false;
  if (!REQUEST_NAMES.has(name) && !RESPONSE_NAMES.has(name)) return false;
  const [first, second] = fn.params.map((param) => {
    const inner = param.type === T.TSParameterProperty ? param.parameter : param;
    return inner.type === T.Identifier ? inner.name : undefined;
  });
  return !!first && !!second && REQUEST_NAMES.has(first) && RESPONSE_NAMES.has(second);
}

/** The module scope (ESM/TS), or the global scope for scripts. */
function moduleScope(globalScope: Scope | null): Scope | undefined {
  if (!globalScope) return undefined;
  return globalScope.childScopes.find((scope) => scope.type === "module") ?? globalScope;
}

/** The variable `name` resolves to at `node`. */
function lookup(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, name: string): Variable | undefined {
  // No try/catch: `getScope` does not throw for a node of the tree, so one would only hide a
  // stack overflow from a resolver that lost its way (issue 12). `scopeOf` asks it of the nearest
  // ancestor that can hold a scope, as every scope lookup of the engine does.
  let scope: Scope | null = scopeOf(sourceCode, node);
  while (scope) {
    const found = scope.set.get(name);
    if (found) return found;
    scope = scope.upper;
  }
  return undefined;
}

/** Whether no scope of the file declares `name` and nothing reads it as an undeclared global. */
function isFreeName(scopeManager: TSESLint.Scope.ScopeManager, name: string): boolean {
  if (scopeManager.scopes.some((scope) => scope.set.has(name))) return false;
  return !(scopeManager.globalScope?.through.some((reference) => reference.identifier.name === name) ?? false);
}

/** `fs.createReadStream(path, { fd, autoClose: false })`: a stream that never closes the descriptor it uses. */
function borrowsDescriptor(expr: Node): boolean {
  const call = unwrap(expr);
  if (call.type !== T.CallExpression) return false;
  const name = calleeOf(call).name;
  if (name !== "createReadStream" && name !== "createWriteStream") return false;
  const options = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  if (options?.type !== T.ObjectExpression) return false;
  return options.properties.some(
    (p) =>
      p.type === T.Property &&
      !p.computed &&
      keyName(p.key, false) === "autoClose" &&
      isFalse(p.value),
  );
}

/** `false`, or minified `!1`. */
function isFalse(value: Node): boolean {
  if (value.type === T.Literal) return value.value === false;
  return value.type === T.UnaryExpression && value.operator === "!" && value.argument.type === T.Literal && value.argument.value === 1;
}
