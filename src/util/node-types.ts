import { AST_NODE_TYPES } from "@typescript-eslint/utils";

/**
 * The node-type names, read once. In the CommonJS build every `AST_NODE_TYPES.X` is two getter
 * calls through typescript-eslint's re-exports; the engine compares node types millions of times
 * per corpus, so it compares against this plain object instead.
 */
export const T = AST_NODE_TYPES;
