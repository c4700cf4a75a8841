/**
 * Proof that a framework case can fail. An invalid case may name the edit that removes its
 * leak (`fixed`): the edited code must then be clean. A valid case may name the edit that
 * takes its trap (or its release) away (`untrapped`): the edited code must then be reported.
 * Each edit becomes one more case of the opposite kind, so a case that passes for the wrong
 * reason (a typo in the snippet, an acquisition the engine never saw) fails the suite.
 */
import type { FrameworkCase } from "./harness.js";

/** Replace every occurrence of `from` (there must be one) with `to`. */
export interface Edit {
  from: string;
  to: string;
}

type Errors = NonNullable<FrameworkCase["errors"]>;

export interface ValidCase extends FrameworkCase {
  /** The edit that removes the trap or the release, the errors it must cause, and the options to lint it with. */
  untrapped?: { edits: Edit | Edit[]; errors: Errors; options?: readonly unknown[]; probable?: FrameworkCase["probable"] };
}

export interface InvalidCase extends FrameworkCase {
  errors: Errors;
  /** The edit (or edits) that fix the leak: the result must be clean with the same options. */
  fixed?: Edit | Edit[];
}

function apply(name: string, code: string, edits: Edit | Edit[]): string {
  let out = code;
  for (const { from, to } of Array.isArray(edits) ? edits : [edits]) {
    if (!out.includes(from)) throw new Error(`case "${name}": edit target not found: ${from}`);
    out = out.split(from).join(to);
  }
  if (out === code) throw new Error(`case "${name}": the edits change nothing`);
  return out;
}

/** The case as the harness takes it: without the edit fields. */
function plain(c: ValidCase | InvalidCase): FrameworkCase {
  const out: FrameworkCase & Partial<Pick<ValidCase, "untrapped"> & Pick<InvalidCase, "fixed">> = { ...c };
  delete out.untrapped;
  delete out.fixed;
  return out;
}

/** The cases as written plus one derived case per edit. */
export function withVariants(valid: readonly ValidCase[], invalid: readonly InvalidCase[]): [FrameworkCase[], FrameworkCase[]] {
  const allValid = valid.map(plain);
  const allInvalid = invalid.map(plain);
  for (const c of invalid) {
    if (!c.fixed) continue;
    const fixedCase = plain(c);
    delete fixedCase.errors;
    allValid.push({ ...fixedCase, name: `${c.name} [leak fixed]`, code: apply(c.name, c.code, c.fixed) });
  }
  for (const c of valid) {
    if (!c.untrapped) continue;
    const { edits, errors, options, probable } = c.untrapped;
    const variant: FrameworkCase = {
      ...plain(c),
      name: `${c.name} [trap removed]`,
      code: apply(c.name, c.code, edits),
      errors,
      ...(options ? { options } : {}),
    };
    // The valid case's own grade does not carry over: the variant states its own.
    delete variant.probable;
    if (probable) variant.probable = probable;
    allInvalid.push(variant);
  }
  return [allValid, allInvalid];
}
