/** The programs of issue 12 §1 that crashed rules, verbatim (one file each). */
export const REPRODUCTIONS: Readonly<Record<string, string>> = {
  "signal-self.js": 'export function g() { var { signal } = signal; signal.addEventListener("abort", () => {}); }\n',
  "signal-mutual.js":
    'export function h() { const { signal: a } = b; const { signal: b } = a; window.addEventListener("resize", () => {}, { signal: a }); }\n',
  "overlay-self.js": `var overlay = overlay || null;
function onResize() { if (!overlay) document.body.appendChild(document.createElement("div")); }
window.addEventListener("resize", onResize);
`,
  "ready-self.js": 'export function render() { const ready = ready; if (!ready) document.body.appendChild(document.createElement("div")); }\n',
  "constructor-registry.js": "setInterval(() => { constructor.register(() => {}); }, 1000);\n",
  "new-toString.js": "setInterval(() => { new toString(); }, 1000);\n",
  "module-toString.js": 'import { call } from "toString"; setInterval(() => { call.register(() => {}); }, 1000);\n',
  "new-valueOf.js": "export class W { start() { this.x = new valueOf(); } destroy() {} }\n",
  // Found by the generator (tests/robustness/programs.ts): insertion cycles and alias cycles
  // sent the target-lifetime questions round in circles.
  "mutual-insertion.js": 'export function f(a, b) { b.appendChild(a); a.appendChild(b); a.addEventListener("x", h); }\n',
  "alias-cycle-insertion.js":
    'const a = b.a; const b = a.b; setInterval(() => { a.appendChild(b); b.appendChild(a); a.addEventListener("x", () => {}); }, 1);\n',
};
