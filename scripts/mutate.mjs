/**
 * Program mutation for crash hunting: delete a statement, drop call arguments, or swap
 * the first two arguments of a call. Shared by tests/crash.test.ts and the bench.
 */
import tsParser from "@typescript-eslint/parser";

/** Deterministic PRNG (LCG) so a failure reproduces from its seed. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Statement and call-argument spans of a file, from the parser's AST. */
export function spans(code) {
  const statements = [];
  const calls = [];
  let ast;
  try {
    ast = tsParser.parse(code, { range: true, jsx: true, sourceType: "module" });
  } catch {
    return { statements, calls };
  }
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (typeof node.type !== "string") continue;
    if (node.type.endsWith("Statement") || node.type.endsWith("Declaration")) statements.push({ range: node.range });
    if ((node.type === "CallExpression" || node.type === "NewExpression") && node.arguments?.length > 0) {
      calls.push({ range: node.range, args: node.arguments.map((arg) => arg.range) });
    }
    for (const [key, value] of Object.entries(node)) if (key !== "parent" && value && typeof value === "object") stack.push(value);
  }
  return { statements, calls };
}

/** One random mutation of `code` (or `code` itself when nothing applies). */
export function mutate(code, random) {
  const { statements, calls } = spans(code);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const choice = random();
  if (choice < 0.4) {
    const statement = pick(statements);
    if (statement) return code.slice(0, statement.range[0]) + code.slice(statement.range[1]);
  } else if (choice < 0.7) {
    const call = pick(calls);
    const arg = call && pick(call.args);
    if (call && arg) {
      const all = random() < 0.3;
      const [start, end] = all ? [call.args[0][0], call.args[call.args.length - 1][1]] : arg;
      return (code.slice(0, start) + code.slice(end)).replace(/,\s*,/g, ",").replace(/\(\s*,/g, "(").replace(/,\s*\)/g, ")");
    }
  } else {
    const call = pick(calls.filter((c) => c.args.length >= 2));
    if (call) {
      const [a, b] = call.args;
      return code.slice(0, a[0]) + code.slice(b[0], b[1]) + code.slice(a[1], b[0]) + code.slice(a[0], a[1]) + code.slice(b[1]);
    }
  }
  return code;
}

/** `code` mutated 1-3 times in a row. */
export function mutateSome(code, random) {
  const depth = 1 + Math.floor(random() * 3);
  let out = code;
  for (let step = 0; step < depth; step++) out = mutate(out, random);
  return out;
}
