/**
 * Type facts: what the TypeScript checker knows about a few expressions the engine
 * already considers. Only available when the user's config gives typescript-eslint a
 * program (`parserOptions: { projectService: true }` or `project`); every answer is
 * `undefined` when types cannot tell (`any`, unresolved imports, declarations the
 * checker does not see), so callers fall back to their syntactic rules.
 *
 * Nothing here walks the file: each question costs one or two checker calls on the
 * node it is asked about, and answers are cached per node and per type.
 *
 * The `typescript` package is only imported for its types: the numeric flags used
 * below (`TypeFlags.Any | Unknown`, `SymbolFlags.Alias`, `NodeFlags.Const`) have kept
 * their values across TypeScript 5 and 6; everything else goes through checker methods
 * and type names, which do not depend on enum numbering.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { T } from "../../util/node-types.js";
import type * as ts from "typescript";
import { type Node, isFunction, unwrap } from "../../ast/index.js";
import { walk } from "../../ast/walk.js";

/** What kind of object a method is called on. */
export type ReceiverKind = "event-target" | "emitter" | "observable" | "node-stream" | "other";

/** Members whose presence makes a returned object a handle that ends something. */
export const DISPOSER_MEMBERS: readonly string[] = ["dispose", "unsubscribe", "remove", "close", "abort"];

const ANY_OR_UNKNOWN = 1 | 2; // TypeFlags.Any | TypeFlags.Unknown
const SYMBOL_ALIAS = 2097152; // SymbolFlags.Alias
const SYMBOL_FUNCTION = 16; // SymbolFlags.Function
const SYMBOL_METHOD = 8192; // SymbolFlags.Method
const NODE_BLOCK_SCOPE = 7; // NodeFlags.Let | Const | Using
const NODE_CONST = 2; // NodeFlags.Const

/** Return types a disposer may have: `() => void`, `() => boolean` (`() => set.delete(fn)`), async. */
const DISPOSER_RESULTS: ReadonlySet<string> = new Set(["void", "undefined", "boolean", "true", "false", "Promise<void>"]);
const TOKEN_TYPES: ReadonlySet<string> = new Set(["string", "number", "symbol"]);

interface Traits {
  eventTarget: boolean;
  emitter: boolean;
  stream: boolean;
  /** `undefined`: it has a `subscribe` whose result types cannot judge. */
  observable: boolean | undefined;
}

/** A function a handler expression denotes: a symbol or a function node; `definite` when it is a function definition. */
interface Identity {
  id: object;
  definite: boolean;
}

type Services = {
  program: ts.Program;
  esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node; has(node: unknown): boolean };
  tsNodeToESTreeNodeMap: { get(node: ts.Node): TSESTree.Node | undefined; has(node: unknown): boolean };
};

/** Answers to the few type questions the analysers ask; see `typeFacts`. */
export class TypeFacts {
  private readonly checker: ts.TypeChecker;
  private readonly traitCache = new WeakMap<ts.Type, Traits | null>();
  private readonly identityCache = new WeakMap<Node, Identity | null>();
  private readonly kindCache = new WeakMap<Node, Map<string, readonly (Traits | undefined)[] | null>>();

  constructor(
    private readonly services: Services,
    private readonly visitorKeys: TSESLint.SourceCode.VisitorKeys,
  ) {
    this.checker = services.program.getTypeChecker();
  }

  /**
   * The kind of the object `node` evaluates to: an event target (`addEventListener` and
   * `removeEventListener`), a Node stream (`pipe`, `on`, `destroy`), an emitter (`on`/`off`
   * or `addListener`/`removeListener`), an observable (its `subscribe` hands back a
   * subscription, a disposer or a token) or something else. `undefined` for `any`, for
   * unions of different kinds, and when the type lacks `method` (types that do not
   * describe the call cannot judge it).
   */
  receiverKind(node: Node, method?: string): ReceiverKind | undefined {
    const parts = this.receiverTraits(node, method);
    if (!parts) return undefined;
    let kind: ReceiverKind | undefined;
    for (const traits of parts) {
      const own = traits && primaryKind(traits);
      if (!own || (kind !== undefined && own !== kind)) return undefined;
      kind = own;
    }
    return kind;
  }

  /** Whether the receiver is (also) of `kind`; a type may be several kinds at once. */
  receiverIs(node: Node, kind: Exclude<ReceiverKind, "other">, method?: string): boolean | undefined {
    const parts = this.receiverTraits(node, method);
    if (!parts) return undefined;
    let all = true;
    let none = true;
    for (const traits of parts) {
      const value = traits ? hasKind(traits, kind) : undefined;
      if (value !== true) all = false;
      if (value !== false) none = false;
    }
    return all ? true : none ? false : undefined;
  }

  /** Whether listeners can be added and removed on the receiver: `false` for a custom `on()` that returns an unsubscribe function. */
  listenable(node: Node, method?: string): boolean | undefined {
    const kind = this.receiverKind(node, method);
    if (kind === undefined) return undefined;
    return kind === "event-target" || kind === "emitter" || kind === "node-stream";
  }

  /**
   * Whether two handler expressions denote the same function: through `const` aliases,
   * imports and re-exports, and `readonly` fields initialised (or assigned once in the
   * constructor) with a function. `false` only for two different function definitions;
   * `undefined` when types cannot tell.
   */
  sameFunction(a: Node | undefined, b: Node | undefined): boolean | undefined {
    if (!a || !b) return undefined;
    const left = this.identity(a, 0);
    const right = left && this.identity(b, 0);
    if (!left || !right) return undefined;
    if (left.id === right.id) return true;
    return left.definite && right.definite ? false : undefined;
  }

  /**
   * Whether `call` hands back something that ends what it started: a function callable
   * without arguments (`() => void`), or an object with one of `members` (`dispose`,
   * `unsubscribe`, `remove`, `close`, `abort`). A method returning its own receiver
   * (`emitter.on(...)` returning `this`) does not.
   */
  returnsDisposer(call: TSESTree.CallExpression, members: readonly string[] = DISPOSER_MEMBERS): boolean | undefined {
    return this.guard(() => {
      const tsCall = this.tsNode(call);
      if (!tsCall) return undefined;
      const result = this.checker.getTypeAtLocation(tsCall);
      if (result.flags & ANY_OR_UNKNOWN) return undefined;
      const callee = unwrap(call.callee);
      if (callee.type === T.MemberExpression) {
        const receiver = this.tsNode(callee.object);
        if (receiver && this.checker.getNonNullableType(this.checker.getTypeAtLocation(receiver)) === this.checker.getNonNullableType(result)) {
          return false;
        }
      }
      return this.isHandle(result, members, false);
    });
  }

  // ---------------------------------------------------------------------------

  private guard<R>(task: () => R | undefined): R | undefined {
    try {
      return task();
    } catch {
      // A checker failure (a half-typed file, another parser's nodes) means "types cannot tell".
      return undefined;
    }
  }

  private tsNode(node: Node): ts.Node | undefined {
    const map = this.services.esTreeNodeToTSNodeMap;
    return map.has(node) ? map.get(node) : undefined;
  }

  private esNode(node: ts.Node): Node | undefined {
    const map = this.services.tsNodeToESTreeNodeMap;
    return map.has(node) ? map.get(node) : undefined;
  }

  /** Traits of each union member of the receiver's type; `undefined` when any member is `any` or lacks `method`. */
  private receiverTraits(node: Node, method: string | undefined): readonly (Traits | undefined)[] | undefined {
    const key = method ?? "";
    let perNode = this.kindCache.get(node);
    const cached = perNode?.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const result =
      this.guard(() => {
        const tsNode = this.tsNode(unwrap(node));
        if (!tsNode) return undefined;
        const type = this.checker.getNonNullableType(this.checker.getTypeAtLocation(tsNode));
        const parts = type.isUnion() ? type.types : [type];
        const out: (Traits | undefined)[] = [];
        for (const part of parts) {
          if (part.flags & ANY_OR_UNKNOWN) return undefined;
          if (method && !this.checker.getApparentType(part).getProperty(method)) return undefined;
          out.push(this.traits(part, tsNode));
        }
        return out.length > 0 ? out : undefined;
      }) ?? null;
    if (!perNode) {
      perNode = new Map();
      this.kindCache.set(node, perNode);
    }
    perNode.set(key, result);
    return result ?? undefined;
  }

  private traits(type: ts.Type, location: ts.Node): Traits | undefined {
    const cached = this.traitCache.get(type);
    if (cached !== undefined) return cached ?? undefined;
    const apparent = this.checker.getApparentType(type);
    const has = (name: string): boolean => apparent.getProperty(name) !== undefined;
    const names = this.baseNames(type);
    const subscribe = apparent.getProperty("subscribe");
    const traits: Traits = {
      eventTarget: (has("addEventListener") && has("removeEventListener")) || names.has("EventTarget"),
      stream: has("pipe") && has("on") && has("destroy"),
      emitter: (has("on") && has("off")) || (has("addListener") && has("removeListener")) || names.has("EventEmitter"),
      observable: subscribe ? this.subscribeHandsBackHandle(subscribe, location, type) : false,
    };
    this.traitCache.set(type, traits);
    return traits;
  }

  /** Names of the type's symbol and of the classes/interfaces it extends (a few levels). */
  private baseNames(type: ts.Type): Set<string> {
    const names = new Set<string>();
    const queue: ts.Type[] = [type];
    for (let steps = 0; queue.length > 0 && steps < 12; steps++) {
      const current = queue.pop()!;
      const name = current.getSymbol()?.getName();
      if (name) names.add(name);
      if (current.isClassOrInterface()) queue.push(...(this.checker.getBaseTypes(current) ?? []));
    }
    return names;
  }

  /**
   * Every signature of `subscribe` returns a subscription, a disposer or a token. A chainable
   * `subscribe` (returning the receiver, as MQTT clients and Supabase channels do) cannot tell.
   */
  private subscribeHandsBackHandle(subscribe: ts.Symbol, location: ts.Node, receiver: ts.Type): boolean | undefined {
    const signatures = this.checker.getTypeOfSymbolAtLocation(subscribe, location).getCallSignatures();
    if (signatures.length === 0) return false;
    let all = true;
    for (const signature of signatures) {
      const result = this.checker.getReturnTypeOfSignature(signature);
      if (result.isTypeParameter() || this.checker.getNonNullableType(result) === receiver) return undefined;
      const verdict = this.isHandle(result, ["unsubscribe", "dispose", "remove", "close"], true);
      if (verdict === undefined) return undefined;
      if (!verdict) all = false;
    }
    return all;
  }

  private isHandle(type: ts.Type, members: readonly string[], tokens: boolean): boolean | undefined {
    const target = this.checker.getNonNullableType(type);
    const parts = target.isUnion() ? target.types : [target];
    for (const part of parts) {
      if (part.flags & ANY_OR_UNKNOWN) return undefined;
      if (tokens && (TOKEN_TYPES.has(this.checker.typeToString(part)) || part.isStringLiteral() || part.isNumberLiteral())) continue;
      const callable = part.getCallSignatures().some(
        (signature) => signature.getParameters().length === 0 && this.isDisposerResult(this.checker.getReturnTypeOfSignature(signature)),
      );
      if (callable) continue;
      const apparent = this.checker.getApparentType(part);
      if (members.some((member) => apparent.getProperty(member) !== undefined)) continue;
      return false;
    }
    return true;
  }

  private isDisposerResult(type: ts.Type): boolean {
    return (type.flags & ANY_OR_UNKNOWN) !== 0 || DISPOSER_RESULTS.has(this.checker.typeToString(type));
  }

  // --- function identity ------------------------------------------------------

  private identity(node: Node, depth: number): Identity | undefined {
    const cached = this.identityCache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.guard(() => this.computeIdentity(node, depth)) ?? null;
    this.identityCache.set(node, result);
    return result ?? undefined;
  }

  private computeIdentity(node: Node, depth: number): Identity | undefined {
    if (depth > 8) return undefined;
    const inner = unwrap(node);
    if (isFunction(inner)) return { id: inner, definite: true };
    let name: Node | undefined;
    if (inner.type === T.Identifier) name = inner;
    else if (inner.type === T.MemberExpression && !inner.computed) name = inner.property;
    const tsName = name && this.tsNode(name);
    const symbol = tsName && this.checker.getSymbolAtLocation(tsName);
    return symbol ? this.symbolIdentity(symbol, depth + 1) : undefined;
  }

  private symbolIdentity(start: ts.Symbol, depth: number): Identity | undefined {
    if (depth > 8) return undefined;
    let symbol = start;
    if (symbol.flags & SYMBOL_ALIAS) symbol = this.checker.getAliasedSymbol(symbol);
    if (symbol.flags & SYMBOL_METHOD) return undefined; // `a.m` and `b.m` may be overrides
    if (symbol.flags & SYMBOL_FUNCTION) return { id: symbol, definite: true };
    const declaration = symbol.valueDeclaration;
    if (!declaration) return undefined;
    const es = this.esNode(declaration);
    if (es) return this.declarationIdentity(symbol, es, depth);
    return this.foreignIdentity(symbol, declaration, depth);
  }

  /** A declaration in the file being linted: a `const`, or a `readonly` class field. */
  private declarationIdentity(symbol: ts.Symbol, declaration: Node, depth: number): Identity | undefined {
    if (declaration.type === T.VariableDeclarator) {
      const list = declaration.parent;
      if (list?.type !== T.VariableDeclaration || list.kind !== "const" || declaration.id.type !== T.Identifier || !declaration.init) {
        return undefined;
      }
      return this.valueIdentity(declaration.init, depth) ?? { id: symbol, definite: false };
    }
    if (declaration.type === T.PropertyDefinition && declaration.readonly && !declaration.computed) {
      const value = declaration.value ?? this.constructorAssignment(declaration);
      if (!value) return undefined;
      const inner = unwrap(value);
      // A function made per instance (`readonly onX = () => ...`) is only the same through the same instance.
      if (isFunction(inner)) return declaration.static ? { id: inner, definite: true } : undefined;
      return inner.type === T.Identifier || inner.type === T.MemberExpression ? this.identity(inner, depth + 1) : undefined;
    }
    return undefined;
  }

  /** A `const` initialiser: a function, a reference to follow, or (`undefined`) any other value. */
  private valueIdentity(init: Node, depth: number): Identity | undefined {
    const inner = unwrap(init);
    if (isFunction(inner)) return { id: inner, definite: true };
    if (inner.type === T.Identifier || inner.type === T.MemberExpression) return this.identity(inner, depth + 1);
    return undefined;
  }

  /** The right side of the one `this.field = value` in the constructor of the field's class. */
  private constructorAssignment(field: TSESTree.PropertyDefinition): Node | undefined {
    const name = field.key.type === T.Identifier ? field.key.name : field.key.type === T.PrivateIdentifier ? field.key.name : undefined;
    const constructor = field.parent.body.find(
      (member): member is TSESTree.MethodDefinition => member.type === T.MethodDefinition && member.kind === "constructor",
    );
    if (!name || !constructor) return undefined;
    const found: Node[] = [];
    walk(constructor.value.body ?? constructor.value, this.visitorKeys, (node) => {
      if (node.type !== T.AssignmentExpression) return;
      const left = unwrap(node.left);
      if (
        left.type === T.MemberExpression &&
        !left.computed &&
        unwrap(left.object).type === T.ThisExpression &&
        (left.property.type === T.Identifier || left.property.type === T.PrivateIdentifier) &&
        left.property.name === name
      ) {
        found.push(node.operator === "=" ? node.right : node);
      }
    });
    const [only] = found;
    return found.length === 1 && only?.type !== T.AssignmentExpression ? only : undefined;
  }

  /** A declaration in another file: an exported `const` (function, alias of another, or any value). */
  private foreignIdentity(symbol: ts.Symbol, declaration: ts.Node, depth: number): Identity | undefined {
    const decl = declaration as ts.Node & { initializer?: ts.Node; parent?: ts.Node & { declarations?: unknown } };
    const list = decl.parent;
    if (!list || !("declarations" in list) || (list.flags & NODE_BLOCK_SCOPE) !== NODE_CONST || !decl.initializer) return undefined;
    const init = decl.initializer as ts.Node & { parameters?: unknown; body?: unknown; escapedText?: unknown; name?: ts.Node; expression?: unknown; arguments?: unknown };
    if (init.parameters !== undefined && init.body !== undefined) return { id: init, definite: true };
    const reference =
      typeof init.escapedText === "string"
        ? init
        : init.name !== undefined && init.expression !== undefined && init.arguments === undefined
          ? init.name
          : undefined;
    const target = reference && this.checker.getSymbolAtLocation(reference);
    return (target && this.symbolIdentity(target, depth + 1)) ?? { id: symbol, definite: false };
  }
}

function primaryKind(traits: Traits): ReceiverKind | undefined {
  if (traits.eventTarget) return "event-target";
  if (traits.stream) return "node-stream";
  if (traits.emitter) return "emitter";
  if (traits.observable === undefined) return undefined;
  return traits.observable ? "observable" : "other";
}

function hasKind(traits: Traits, kind: Exclude<ReceiverKind, "other">): boolean | undefined {
  switch (kind) {
    case "event-target":
      return traits.eventTarget;
    case "emitter":
      return traits.emitter;
    case "node-stream":
      return traits.stream;
    case "observable":
      return traits.observable;
  }
}

const cache = new WeakMap<object, TypeFacts | null>();

/**
 * The type facts of a file, made once per Program node; `undefined` when the parser
 * gave no type information (no `program` in its services).
 */
export function typeFacts(sourceCode: Readonly<TSESLint.SourceCode>): TypeFacts | undefined {
  const cached = cache.get(sourceCode.ast);
  if (cached !== undefined) return cached ?? undefined;
  let facts: TypeFacts | null = null;
  try {
    const services = sourceCode.parserServices as Partial<Services> | undefined;
    if (services?.program && services.esTreeNodeToTSNodeMap && services.tsNodeToESTreeNodeMap) {
      facts = new TypeFacts(services as Services, sourceCode.visitorKeys);
    }
  } catch {
    facts = null;
  }
  cache.set(sourceCode.ast, facts);
  return facts ?? undefined;
}
