import { describe, expect, it } from "vitest";
import { LISTENER_ADDS, LISTENER_REMOVES, TIMERS, TRIGGER_PATTERN } from "../../src/resources/catalogue.js";

// The engine skips a file whose text TRIGGER_PATTERN does not match: every listener and timer
// name the catalogue knows must match it as a call, or files using only that name go unanalysed.
describe("TRIGGER_PATTERN", () => {
  const names = [...Object.keys(LISTENER_ADDS), ...Object.keys(LISTENER_REMOVES), ...Object.keys(TIMERS)];
  it.each(names)("matches a call of %s", (name) => {
    expect(TRIGGER_PATTERN.test(`target.${name}("x", handler)`) || TRIGGER_PATTERN.test(`${name}(handler, 10)`)).toBe(true);
  });
});
