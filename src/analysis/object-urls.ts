/**
 * Object URLs: `URL.createObjectURL(blob)` pins the blob (or MediaSource) in a
 * document-wide registry until `URL.revokeObjectURL(url)`; dropping the string does
 * not free anything.
 */
import { AST_NODE_TYPES as T } from "@typescript-eslint/utils";
import { URL_SINK_PROPERTIES } from "../resources/catalogue.js";
import type { EngineContext, Finding } from "./engine.js";
import { handleOf } from "./handles.js";
import { appendCleanupSuggestion } from "./shared.js";

const RELEASE_NAMES = new Set(["revokeObjectURL"]);

export function analyzeObjectUrls(ctx: EngineContext): Finding[] {
  const findings: Finding[] = [];
  for (const call of ctx.objectUrls) {
    const { owner } = ctx.lifecycles.ownerOf(call);
    if (owner.type === "module") continue;
    const handle = handleOf(call, ctx.refs, RELEASE_NAMES);
    const { owner: ownerText, end } = ctx.describe(owner);
    const data = { owner: ownerText, end };
    if (handle.type === "returned") continue;
    if (handle.type === "discarded") {
      findings.push({ kind: "objectUrl", messageId: "urlDiscarded", node: call, data });
      continue;
    }
    // Handed to code we cannot follow: only a file that never revokes anything is sure to leak.
    if (handle.type === "escaped" || (handle.type === "stored" && (handle.escapes || handle.returned))) {
      if (ctx.revokeCount === 0 && !(handle.type === "stored" && handle.returned)) {
        findings.push({ kind: "objectUrl", messageId: "urlNeverRevoked", node: call, data: { ...data, url: "this URL" } });
      }
      continue;
    }
    const region = ctx.releaseRegion(owner, { setupCounts: true });
    const revoked = handle.keys.some((key) => ctx.releasedIn(ctx.revokes.get(key), region));
    const url = `\`${ctx.refs.text(handle.target)}\``;
    if (!revoked) {
      const sink = !handle.declared && handle.member && URL_SINK_PROPERTIES.has(handle.member);
      const elsewhere = handle.keys.some((key) => ctx.releasedIn(ctx.revokes.get(key), "anywhere"));
      findings.push({
        kind: "objectUrl",
        messageId: sink && !elsewhere ? "urlNotKept" : elsewhere ? "urlNotRevokedInTeardown" : "urlNeverRevoked",
        node: call,
        data: { ...data, url },
        suggest: revokeSuggestion(ctx, call, owner, handle.declared ? handle.target : undefined),
      });
    }
    // A stored URL that is revoked on teardown is fine even if a second call could
    // overwrite it: flagging that would flag the usual fixed shape (revoke in stop()).
  }
  return findings;
}

function revokeSuggestion(
  ctx: EngineContext,
  call: Parameters<typeof handleOf>[0],
  owner: ReturnType<EngineContext["lifecycles"]["ownerOf"]>["owner"],
  variable: import("../ast/index.js").Node | undefined,
): Finding["suggest"] {
  if (owner.type !== "effect" || !variable || variable.type !== T.Identifier) return undefined;
  const declaration = variable.parent?.parent;
  if (declaration?.type !== T.VariableDeclaration || declaration.parent !== owner.setup.body) return undefined;
  void call;
  return appendCleanupSuggestion(ctx, owner.setup, `URL.revokeObjectURL(${variable.name});`, "revokeInCleanup", {
    url: variable.name,
  });
}
