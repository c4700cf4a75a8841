// Placeholder: type-aware RuleTester cases are linted under this name (see tsconfig.json).
export {};
