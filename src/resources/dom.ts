/**
 * DOM tree growth, as data: which calls insert nodes into a container, which create a
 * new node, which look up an element that lives in the document, and which remove or
 * replace children. Used by src/analysis/dom-nodes.ts (no-accumulating-dom-nodes).
 */
import { lookup } from "../util/lookup.js";

export interface InsertMethod {
  /** Indexes of the arguments that are the inserted nodes; `"all"` for variadic methods. */
  nodes: readonly number[] | "all";
  /** The inserted content is an HTML string (`insertAdjacentHTML`), not a node. */
  html?: boolean;
  /** The node is inserted next to the receiver (into the receiver's parent), not into it. */
  sibling?: boolean;
}

/** Methods of `Node`/`Element` that insert nodes, and where their nodes are. */
export const INSERT_METHODS = lookup<InsertMethod>({
  appendChild: { nodes: [0] },
  append: { nodes: "all" },
  prepend: { nodes: "all" },
  insertBefore: { nodes: [0] },
  insertAdjacentElement: { nodes: [1] },
  insertAdjacentHTML: { nodes: [1], html: true },
  after: { nodes: "all", sibling: true },
  before: { nodes: "all", sibling: true },
});

/** Methods of `document` that create a new node each call. */
export const DOCUMENT_FACTORIES: ReadonlySet<string> = new Set([
  "createElement",
  "createElementNS",
  "createTextNode",
  "createComment",
  "createDocumentFragment",
  "importNode",
]);

/** Methods on any node that return a new node (`template.content.cloneNode(true)`). */
export const NODE_FACTORIES: ReadonlySet<string> = new Set(["cloneNode"]);

/** Global constructors that create a new element: `new Image()`, `new Option()`, `new Audio()`. */
export const ELEMENT_CONSTRUCTORS: ReadonlySet<string> = new Set(["Image", "Option", "Audio", "Text", "Comment", "DocumentFragment"]);

/** Properties of `document` that are elements living as long as the page. */
export const DOCUMENT_ELEMENTS: ReadonlySet<string> = new Set(["body", "head", "documentElement"]);

/** Lookups that return an element already in the document (or a list of them). */
export const ELEMENT_LOOKUPS: ReadonlySet<string> = new Set([
  "getElementById",
  "querySelector",
  "querySelectorAll",
  "getElementsByClassName",
  "getElementsByTagName",
  "getElementsByName",
  "closest",
]);

/** Methods that remove or replace the receiver's children (called on the container). */
export const CLEARING_METHODS: ReadonlySet<string> = new Set(["replaceChildren", "removeChild", "replaceChild"]);

/** Methods that take the receiver itself out of the tree (called on a child or the previous node). */
export const SELF_REMOVING_METHODS: ReadonlySet<string> = new Set(["remove", "replaceWith"]);

/** Properties whose assignment replaces all children of the receiver. */
export const CLEARING_PROPERTIES: ReadonlySet<string> = new Set(["innerHTML", "textContent", "innerText", "outerHTML"]);

/** Properties that give a container's size, for length-bounded trims and guards. */
export const CHILD_COUNT_PROPERTIES: ReadonlySet<string> = new Set(["children", "childNodes", "childElementCount"]);

/** Receivers of a zero-argument `remove()` that is not a DOM removal. */
export const NON_NODE_REMOVE_HOSTS: ReadonlySet<string> = new Set(["classList", "relList", "sandbox", "part"]);

/** Callees whose callback runs again and again, and the role that makes it so. */
export const REPEATING_CALLEES = lookup<string>({
  setInterval: "interval callback",
  addEventListener: "event handler",
  on: "event handler",
  addListener: "event handler",
  prependListener: "event handler",
  subscribe: "subscription callback",
  observe: "observer callback",
});

/** Events of `window`/`document` that fire once per page: their listeners are init code. */
export const ONE_TIME_EVENTS: ReadonlySet<string> = new Set(["DOMContentLoaded", "load"]);

/** Callees that run their callback once later: repeating only when the callback re-schedules itself. */
export const RESCHEDULING_CALLEES: ReadonlySet<string> = new Set(["setTimeout", "requestAnimationFrame", "requestIdleCallback", "queueMicrotask"]);

/** Observer constructors whose callback runs on every observation. */
export const OBSERVER_CONSTRUCTORS: ReadonlySet<string> = new Set([
  "MutationObserver",
  "ResizeObserver",
  "IntersectionObserver",
  "PerformanceObserver",
]);

/**
 * Words that mark a function that runs again and again when they start its name (as a
 * camelCase word): `updateTrayIcon`, `renderChart`, `onTick`, `drawFrame`.
 */
export const REPEATING_NAME_WORDS: readonly string[] = ["update", "render", "rerender", "refresh", "tick", "draw", "redraw", "repaint", "paint"];

/** Name prefixes of event handlers: `onMessage`, `handleClick`. */
export const HANDLER_NAME = /^(on|handle)[A-Z]/;
