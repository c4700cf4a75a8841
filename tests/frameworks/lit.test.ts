/**
 * Lit and plain custom elements: `connectedCallback` / `firstUpdated` → `disconnectedCallback`;
 * reactive controllers: `hostConnected` → `hostDisconnected`. Decorators go through the
 * typescript-eslint parser. Invalid cases carry the edit that fixes them and valid traps the
 * edit that removes the trap (see variants.ts): both must flip the outcome.
 */
import { code, runFrameworkCases } from "./harness.js";
import { type InvalidCase, type ValidCase, withVariants } from "./variants.js";

/** What the strict preset passes: also report releases that exist but miss the owner's end. */
const STRICT = [{ reportProbable: true }] as const;

const valid: ValidCase[] = [
  // --- Reactive controllers -------------------------------------------------------------
  {
    rule: "no-leaked-timer",
    name: "controller starts in hostConnected, clears in hostDisconnected",
    filename: "clock-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class ClockController implements ReactiveController {
        value = new Date();
        private timer?: ReturnType<typeof setInterval>;
        constructor(private host: ReactiveControllerHost) {
          host.addController(this);
        }
        hostConnected() {
          this.timer = setInterval(() => {
            this.value = new Date();
            this.host.requestUpdate();
          }, 1000);
        }
        hostDisconnected() {
          clearInterval(this.timer);
        }
      }
    `,
    untrapped: { edits: { from: "clearInterval(this.timer);", to: "" }, errors: [{ messageId: "timerNeverCleared", line: 9 }] },
  },
  {
    rule: "no-leaked-event-listener",
    name: "controller removes its window listener in hostDisconnected",
    filename: "resize-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class ResizeController implements ReactiveController {
        width = 0;
        constructor(private host: ReactiveControllerHost) {
          host.addController(this);
        }
        private onResize = () => {
          this.width = window.innerWidth;
          this.host.requestUpdate();
        };
        hostConnected() {
          window.addEventListener("resize", this.onResize);
        }
        hostDisconnected() {
          window.removeEventListener("resize", this.onResize);
        }
      }
    `,
    untrapped: {
      edits: { from: 'window.removeEventListener("resize", this.onResize);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 12 }],
    },
  },
  {
    rule: "no-leaked-observer",
    name: "controller disconnects its observer",
    filename: "size-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveElement } from "lit";
      export class SizeController implements ReactiveController {
        private observer?: ResizeObserver;
        constructor(private host: ReactiveElement) {
          host.addController(this);
        }
        hostConnected() {
          this.observer = new ResizeObserver(() => this.host.requestUpdate());
          this.observer.observe(this.host);
        }
        hostDisconnected() {
          this.observer?.disconnect();
        }
      }
    `,
    untrapped: { edits: { from: "this.observer?.disconnect();", to: "" }, errors: [{ messageId: "neverReleased", line: 8 }], probable: true },
  },
  {
    rule: "no-leaked-event-listener",
    name: "controller listener on its host element, removed in hostDisconnected",
    filename: "press-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class PressController implements ReactiveController {
        pressed = false;
        constructor(private host: ReactiveControllerHost & HTMLElement) {
          host.addController(this);
        }
        private onDown = () => {
          this.pressed = true;
          this.host.requestUpdate();
        };
        hostConnected() {
          this.host.addEventListener("pointerdown", this.onDown);
        }
        hostDisconnected() {
          this.host.removeEventListener("pointerdown", this.onDown);
        }
      }
    `,
    untrapped: {
      edits: { from: 'this.host.removeEventListener("pointerdown", this.onDown);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 12 }],
      probable: true,
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "controller closes its BroadcastChannel in hostDisconnected",
    filename: "cart-sync-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class CartSyncController implements ReactiveController {
        count = 0;
        private channel?: BroadcastChannel;
        constructor(private host: ReactiveControllerHost) {
          host.addController(this);
        }
        hostConnected() {
          this.channel = new BroadcastChannel("cart");
          this.channel.onmessage = (event: MessageEvent<number>) => {
            this.count = event.data;
            this.host.requestUpdate();
          };
        }
        hostDisconnected() {
          this.channel?.close();
          this.channel = undefined;
        }
      }
    `,
    untrapped: { edits: { from: "this.channel?.close();", to: "" }, errors: [{ messageId: "neverReleased", line: 9 }] },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "controller revokes the preview URL it made in hostDisconnected",
    filename: "preview-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class PreviewController implements ReactiveController {
        url = "";
        constructor(private host: ReactiveControllerHost, private blob: Blob) {
          host.addController(this);
        }
        hostConnected() {
          this.url = URL.createObjectURL(this.blob);
          this.host.requestUpdate();
        }
        hostDisconnected() {
          URL.revokeObjectURL(this.url);
          this.url = "";
        }
      }
    `,
    untrapped: { edits: { from: "URL.revokeObjectURL(this.url);", to: "" }, errors: [{ messageId: "urlNeverRevoked", line: 8 }] },
  },

  // --- LitElement / custom elements: released in disconnectedCallback ---------------------
  {
    rule: "no-leaked-timer",
    name: "LitElement clears its interval in disconnectedCallback",
    filename: "my-clock.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class MyClock extends LitElement {
        private timer?: ReturnType<typeof setInterval>;
        connectedCallback() {
          super.connectedCallback();
          this.timer = setInterval(() => this.requestUpdate(), 1000);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          clearInterval(this.timer);
        }
        render() {
          return html\`<time>\${new Date().toLocaleTimeString()}</time>\`;
        }
      }
    `,
    untrapped: { edits: { from: "clearInterval(this.timer);", to: "" }, errors: [{ messageId: "timerNeverCleared", line: 6 }] },
  },
  {
    rule: "no-leaked-event-listener",
    name: "LitElement removes its window listener in disconnectedCallback",
    filename: "viewport-badge.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { customElement, state } from "lit/decorators.js";
      @customElement("viewport-badge")
      export class ViewportBadge extends LitElement {
        @state() private width = window.innerWidth;
        private onResize = () => {
          this.width = window.innerWidth;
        };
        connectedCallback() {
          super.connectedCallback();
          window.addEventListener("resize", this.onResize);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          window.removeEventListener("resize", this.onResize);
        }
        render() {
          return html\`<span>\${this.width}px</span>\`;
        }
      }
    `,
    untrapped: {
      edits: { from: 'window.removeEventListener("resize", this.onResize);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 11 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "plain custom element clears its interval in disconnectedCallback",
    filename: "x-clock.ts",
    code: code`
      export class XClock extends HTMLElement {
        private timer = 0;
        connectedCallback() {
          this.render();
          this.timer = window.setInterval(() => this.render(), 1000);
        }
        disconnectedCallback() {
          window.clearInterval(this.timer);
        }
        private render() {
          this.textContent = new Date().toLocaleTimeString();
        }
      }
      customElements.define("x-clock", XClock);
    `,
    untrapped: { edits: { from: "window.clearInterval(this.timer);", to: "" }, errors: [{ messageId: "timerNeverCleared", line: 5 }] },
  },
  {
    rule: "no-leaked-event-listener",
    name: "plain custom element removes its click-outside listener",
    filename: "x-menu.ts",
    code: code`
      class XMenu extends HTMLElement {
        connectedCallback() {
          document.addEventListener("click", this.onOutside);
        }
        disconnectedCallback() {
          document.removeEventListener("click", this.onOutside);
        }
        onOutside = (event: MouseEvent) => {
          if (!this.contains(event.target as Node)) this.removeAttribute("open");
        };
      }
      customElements.define("x-menu", XMenu);
    `,
    untrapped: {
      edits: { from: 'document.removeEventListener("click", this.onOutside);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 3 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "LitElement closes its WebSocket in disconnectedCallback",
    filename: "live-ticker.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { customElement, property, state } from "lit/decorators.js";
      @customElement("live-ticker")
      export class LiveTicker extends LitElement {
        @property() symbol = "ACME";
        @state() private price = 0;
        private socket?: WebSocket;
        connectedCallback() {
          super.connectedCallback();
          this.socket = new WebSocket(\`wss://quotes.example.test/\${this.symbol}\`);
          this.socket.onmessage = (event) => {
            this.price = Number(event.data);
          };
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.socket?.close();
        }
        render() {
          return html\`\${this.symbol}: \${this.price}\`;
        }
      }
    `,
    untrapped: { edits: { from: "this.socket?.close();", to: "" }, errors: [{ messageId: "neverReleased", line: 10 }] },
  },
  {
    rule: "no-unclosed-resource",
    name: "LitElement closes its EventSource; listeners on it die with it",
    filename: "build-status.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { state } from "lit/decorators.js";
      export class BuildStatus extends LitElement {
        @state() private status = "unknown";
        private source?: EventSource;
        private onStatus = (event: MessageEvent) => {
          this.status = event.data;
        };
        connectedCallback() {
          super.connectedCallback();
          this.source = new EventSource("/api/builds/stream");
          this.source.addEventListener("status", this.onStatus);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.source?.close();
        }
        render() {
          return html\`<p>\${this.status}</p>\`;
        }
      }
    `,
    untrapped: { edits: { from: "this.source?.close();", to: "" }, errors: [{ messageId: "neverReleased", line: 11 }] },
  },
  {
    rule: "no-unclosed-resource",
    name: "LitElement terminates its worker in disconnectedCallback",
    filename: "markdown-preview.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { property, state } from "lit/decorators.js";
      export class MarkdownPreview extends LitElement {
        @property() source = "";
        @state() private rendered = "";
        private worker?: Worker;
        connectedCallback() {
          super.connectedCallback();
          this.worker = new Worker(new URL("./markdown.worker.js", import.meta.url), { type: "module" });
          this.worker.onmessage = (event: MessageEvent<string>) => {
            this.rendered = event.data;
          };
        }
        updated() {
          this.worker?.postMessage(this.source);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.worker?.terminate();
        }
        render() {
          return html\`<article .innerHTML=\${this.rendered}></article>\`;
        }
      }
    `,
    untrapped: { edits: { from: "this.worker?.terminate();", to: "" }, errors: [{ messageId: "neverReleased", line: 9 }] },
  },
  {
    rule: "no-leaked-observer",
    name: "MutationObserver field watching the document's dir, disconnected at disconnect",
    filename: "dir-aware.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class DirAware extends LitElement {
        private observer = new MutationObserver(() => this.requestUpdate());
        connectedCallback() {
          super.connectedCallback();
          this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ["dir"] });
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.observer.disconnect();
        }
        render() {
          return html\`<span>\${document.documentElement.dir === "rtl" ? "←" : "→"}</span>\`;
        }
      }
    `,
    untrapped: { edits: { from: "this.observer.disconnect();", to: "" }, errors: [{ messageId: "neverReleased", line: 3 }] },
  },
  {
    rule: "no-leaked-observer",
    name: "ResizeObserver watching only the element itself is collected with it",
    filename: "fit-text.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class FitText extends LitElement {
        private size = 16;
        private observer = new ResizeObserver(([entry]) => {
          this.size = Math.max(12, (entry?.contentRect.width ?? 0) / 20);
          this.requestUpdate();
        });
        connectedCallback() {
          super.connectedCallback();
          this.observer.observe(this);
        }
        render() {
          return html\`<span style="font-size: \${this.size}px"><slot></slot></span>\`;
        }
      }
    `,
    untrapped: { edits: { from: "this.observer.observe(this);", to: "this.observer.observe(this.parentElement!);" }, errors: [{ messageId: "neverReleased", line: 4 }], },
  },
  {
    rule: "no-leaked-observer",
    name: "IntersectionObserver made in firstUpdated (runs once per element), disconnected at disconnect",
    filename: "back-to-top.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { state } from "lit/decorators.js";
      export class BackToTop extends LitElement {
        @state() private visible = false;
        private io?: IntersectionObserver;
        firstUpdated() {
          const header = document.querySelector("header")!;
          this.io = new IntersectionObserver(([entry]) => {
            this.visible = !entry?.isIntersecting;
          });
          this.io.observe(header);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.io?.disconnect();
        }
        render() {
          return this.visible ? html\`<button @click=\${() => scrollTo({ top: 0 })}>↑</button>\` : html\`\`;
        }
      }
    `,
    // In `updated()` (every update) the same store would drop a live observer.
    untrapped: { edits: { from: "firstUpdated()", to: "updated()" }, errors: [{ messageId: "replacedWithoutRelease", line: 8 }], probable: true },
  },
  {
    rule: "no-leaked-timer",
    name: "requestAnimationFrame loop cancelled in disconnectedCallback",
    filename: "fps-meter.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class FpsMeter extends LitElement {
        private frame = 0;
        private last = performance.now();
        private fps = 0;
        connectedCallback() {
          super.connectedCallback();
          const loop = (now: number) => {
            this.fps = Math.round(1000 / (now - this.last));
            this.last = now;
            this.requestUpdate();
            this.frame = requestAnimationFrame(loop);
          };
          this.frame = requestAnimationFrame(loop);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          cancelAnimationFrame(this.frame);
        }
        render() {
          return html\`\${this.fps} fps\`;
        }
      }
    `,
    untrapped: { edits: { from: "cancelAnimationFrame(this.frame);", to: "" }, errors: [{ messageId: "loopNeverStopped", line: 12 }] },
  },
  {
    rule: "no-leaked-timer",
    name: "debounce timeout cleared before each restart and at disconnect",
    filename: "search-box.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class SearchBox extends LitElement {
        private debounce?: ReturnType<typeof setTimeout>;
        private onInput(event: InputEvent) {
          const query = (event.target as HTMLInputElement).value;
          clearTimeout(this.debounce);
          this.debounce = setTimeout(() => {
            this.dispatchEvent(new CustomEvent("search", { detail: query }));
          }, 300);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          clearTimeout(this.debounce);
        }
        render() {
          return html\`<input @input=\${this.onInput} />\`;
        }
      }
    `,
    untrapped: {
      edits: { from: "super.disconnectedCallback();\n    clearTimeout(this.debounce);", to: "super.disconnectedCallback();\n" },
      errors: [{ messageId: "timerNotClearedInTeardown", line: 7 }],
      options: STRICT,
    },
  },
  {
    rule: "no-leaked-timer",
    name: "updated() restarts the interval, clearing the old one first",
    filename: "auto-refresh.ts",
    code: code`
      import { LitElement, type PropertyValues } from "lit";
      import { property } from "lit/decorators.js";
      export class AutoRefresh extends LitElement {
        @property({ type: Number }) every = 10_000;
        private timer?: ReturnType<typeof setInterval>;
        updated(changed: PropertyValues<this>) {
          if (changed.has("every")) {
            clearInterval(this.timer);
            this.timer = setInterval(() => this.dispatchEvent(new Event("refresh")), this.every);
          }
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          clearInterval(this.timer);
        }
      }
    `,
    untrapped: {
      edits: { from: 'if (changed.has("every")) {\n      clearInterval(this.timer);', to: 'if (changed.has("every")) {' },
      errors: [{ messageId: "timerOverwritten", line: 8 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "store subscription unsubscribed in disconnectedCallback",
    filename: "cart-badge.ts",
    code: code`
      import { LitElement, html } from "lit";
      import type { Subscription } from "rxjs";
      import { cart } from "./cart-store.js";
      export class CartBadge extends LitElement {
        private count = 0;
        private sub?: Subscription;
        connectedCallback() {
          super.connectedCallback();
          this.sub = cart.count$.subscribe((count) => {
            this.count = count;
            this.requestUpdate();
          });
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.sub?.unsubscribe();
        }
        render() {
          return html\`<span>\${this.count}</span>\`;
        }
      }
    `,
    untrapped: { edits: { from: "this.sub?.unsubscribe();", to: "" }, errors: [{ messageId: "neverReleased", line: 9 }] },
  },

  // --- False-alarm traps: the element's own nodes -----------------------------------------
  {
    rule: "no-leaked-event-listener",
    name: "listener on the element itself, added in the constructor",
    filename: "key-nav.ts",
    code: code`
      import { LitElement } from "lit";
      export class KeyNav extends LitElement {
        constructor() {
          super();
          this.addEventListener("keydown", (event) => {
            if (event.key === "ArrowDown") this.focusNext();
          });
        }
        focusNext() {}
      }
    `,
    untrapped: {
      edits: { from: 'this.addEventListener("keydown"', to: 'window.addEventListener("keydown"' },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on its own render root",
    filename: "my-pad.ts",
    code: code`
      import { LitElement } from "lit";
      export class MyPad extends LitElement {
        firstUpdated() {
          this.renderRoot.addEventListener("pointerdown", () => this.requestUpdate());
        }
      }
    `,
    untrapped: {
      edits: { from: "this.renderRoot.addEventListener", to: "document.addEventListener" },
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on this.shadowRoot! in connectedCallback",
    filename: "slot-watcher.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class SlotWatcher extends LitElement {
        private onSlotChange = () => this.requestUpdate();
        connectedCallback() {
          super.connectedCallback();
          this.shadowRoot!.addEventListener("slotchange", this.onSlotChange);
        }
        render() {
          return html\`<slot></slot>\`;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.shadowRoot!.addEventListener", to: "document.addEventListener" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a node looked up in the render root",
    filename: "name-field.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class NameField extends LitElement {
        value = "";
        firstUpdated() {
          this.renderRoot.querySelector("input")!.addEventListener("input", (event) => {
            this.value = (event.target as HTMLInputElement).value;
          });
        }
        render() {
          return html\`<input name="name" />\`;
        }
      }
    `,
    untrapped: {
      edits: { from: 'this.renderRoot.querySelector("input")', to: 'document.querySelector("input")' },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a @query element of its own template",
    filename: "save-bar.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { customElement, query } from "lit/decorators.js";
      @customElement("save-bar")
      export class SaveBar extends LitElement {
        @query("#save") private saveButton!: HTMLButtonElement;
        firstUpdated() {
          this.saveButton.addEventListener("click", () => this.dispatchEvent(new Event("save")));
        }
        render() {
          return html\`<button id="save">Save</button>\`;
        }
      }
    `,
    untrapped: { edits: { from: '@query("#save") ', to: "" }, errors: [{ messageId: "listenerNeverRemoved", line: 7 }], probable: true },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listeners on @queryAll elements, added per element",
    filename: "tab-strip.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { customElement, queryAll, state } from "lit/decorators.js";
      @customElement("tab-strip")
      export class TabStrip extends LitElement {
        @state() private active = 0;
        @queryAll("button[role=tab]") private tabs!: NodeListOf<HTMLButtonElement>;
        firstUpdated() {
          this.tabs.forEach((tab, index) => {
            tab.addEventListener("click", () => (this.active = index));
          });
        }
        render() {
          return html\`<button role="tab">One</button><button role="tab">Two</button>\`;
        }
      }
    `,
    untrapped: { edits: { from: '@queryAll("button[role=tab]") ', to: "" }, errors: [{ messageId: "listenerNeverRemoved", line: 9 }], probable: true },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on an awaited @queryAsync element",
    filename: "zoom-canvas.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { queryAsync } from "lit/decorators.js";
      export class ZoomCanvas extends LitElement {
        scale = 1;
        @queryAsync("canvas") private canvas!: Promise<HTMLCanvasElement>;
        async firstUpdated() {
          (await this.canvas).addEventListener("wheel", (event) => {
            this.scale *= event.deltaY > 0 ? 0.9 : 1.1;
          }, { passive: true });
        }
        render() {
          return html\`<canvas></canvas>\`;
        }
      }
    `,
    untrapped: { edits: { from: '@queryAsync("canvas") ', to: "" }, errors: [{ messageId: "listenerNeverRemoved", line: 7 }], probable: true },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a getter that looks the node up in the render root",
    filename: "color-input.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class ColorInput extends LitElement {
        get input() {
          return this.renderRoot?.querySelector<HTMLInputElement>("input[type=color]") ?? null;
        }
        firstUpdated() {
          this.input?.addEventListener("change", () => this.dispatchEvent(new Event("change")));
        }
        render() {
          return html\`<input type="color" />\`;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.renderRoot?.querySelector", to: "document.querySelector" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a dialog the element creates itself",
    filename: "confirm-button.ts",
    code: code`
      import { LitElement } from "lit";
      export class ConfirmButton extends LitElement {
        private dialog = document.createElement("dialog");
        firstUpdated() {
          this.dialog.addEventListener("close", () => {
            if (this.dialog.returnValue === "ok") this.dispatchEvent(new Event("confirm"));
          });
          this.renderRoot.append(this.dialog);
        }
      }
    `,
    untrapped: {
      edits: { from: 'this.dialog.addEventListener("close"', to: 'document.body.addEventListener("close"' },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },

  // --- False-alarm traps: releases that do not look like one ------------------------------
  {
    rule: "no-leaked-timer",
    name: "cleared in a private helper that disconnectedCallback calls",
    filename: "poll-status.ts",
    code: code`
      import { LitElement } from "lit";
      export class PollStatus extends LitElement {
        #timer?: ReturnType<typeof setInterval>;
        connectedCallback() {
          super.connectedCallback();
          this.#timer = setInterval(() => this.refresh(), 5000);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.#stopPolling();
        }
        #stopPolling() {
          clearInterval(this.#timer);
          this.#timer = undefined;
        }
        async refresh() {}
      }
    `,
    untrapped: {
      edits: { from: "super.disconnectedCallback();\n    this.#stopPolling();", to: "super.disconnectedCallback();" },
      errors: [{ messageId: "timerNotClearedInTeardown", line: 6 }],
      options: STRICT,
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "closed in a shared teardown helper that disconnectedCallback calls",
    filename: "chat-room.ts",
    code: code`
      import { LitElement } from "lit";
      import { property } from "lit/decorators.js";
      export class ChatRoom extends LitElement {
        @property() room = "general";
        private socket?: WebSocket;
        connectedCallback() {
          super.connectedCallback();
          this.socket = new WebSocket(\`wss://chat.example.test/\${this.room}\`);
          this.socket.onmessage = () => this.requestUpdate();
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.teardown();
        }
        private teardown() {
          this.socket?.close();
          this.socket = undefined;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.teardown();", to: "" },
      errors: [{ messageId: "notReleasedInTeardown", line: 8 }],
      options: STRICT,
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "AbortController aborted in disconnectedCallback removes every listener",
    filename: "shortcut-host.ts",
    code: code`
      import { LitElement } from "lit";
      export class ShortcutHost extends LitElement {
        private controller = new AbortController();
        private onKey = (event: KeyboardEvent) => {
          if (event.key === "/") this.dispatchEvent(new Event("focus-search"));
        };
        connectedCallback() {
          super.connectedCallback();
          this.controller = new AbortController();
          const { signal } = this.controller;
          document.addEventListener("keydown", this.onKey, { signal });
          window.addEventListener("blur", () => this.requestUpdate(), { signal });
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.controller.abort();
        }
      }
    `,
    untrapped: {
      edits: { from: "this.controller.abort();", to: "" },
      errors: [
        { messageId: "signalNeverAborted", line: 11 },
        { messageId: "signalNeverAborted", line: 12 },
      ],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "once-listener on window",
    filename: "first-paint.ts",
    code: code`
      import { LitElement } from "lit";
      export class FirstPaint extends LitElement {
        loaded = document.readyState === "complete";
        connectedCallback() {
          super.connectedCallback();
          window.addEventListener("load", () => {
            this.loaded = true;
            this.requestUpdate();
          }, { once: true });
        }
      }
    `,
    untrapped: { edits: { from: "}, { once: true });", to: "});" }, errors: [{ messageId: "listenerNeverRemoved", line: 6 }] },
  },
  {
    rule: "no-leaked-timer",
    name: "handle released through a destructured alias",
    filename: "toast-stack.ts",
    code: code`
      import { LitElement } from "lit";
      export class ToastStack extends LitElement {
        private timer?: ReturnType<typeof setInterval>;
        connectedCallback() {
          super.connectedCallback();
          this.timer = setInterval(() => this.expireOld(), 1000);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          const { timer } = this;
          if (timer) clearInterval(timer);
        }
        expireOld() {}
      }
    `,
    untrapped: { edits: { from: "if (timer) clearInterval(timer);", to: "" }, errors: [{ messageId: "timerNeverCleared", line: 6 }] },
  },
  {
    rule: "no-unclosed-resource",
    name: "handle released through a const alias",
    filename: "presence-dot.ts",
    code: code`
      import { LitElement } from "lit";
      export class PresenceDot extends LitElement {
        private socket?: WebSocket;
        connectedCallback() {
          super.connectedCallback();
          this.socket = new WebSocket("wss://presence.example.test");
          this.socket.onmessage = () => this.requestUpdate();
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          const socket = this.socket;
          this.socket = undefined;
          socket?.close(1000, "element removed");
        }
      }
    `,
    untrapped: {
      edits: { from: 'socket?.close(1000, "element removed");', to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL revoked before it is replaced and at disconnect",
    filename: "file-thumb.ts",
    code: code`
      import { LitElement, html, type PropertyValues } from "lit";
      import { property } from "lit/decorators.js";
      export class FileThumb extends LitElement {
        @property({ attribute: false }) file?: Blob;
        private url?: string;
        willUpdate(changed: PropertyValues<this>) {
          if (changed.has("file")) {
            if (this.url) URL.revokeObjectURL(this.url);
            this.url = this.file ? URL.createObjectURL(this.file) : undefined;
          }
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          if (this.url) URL.revokeObjectURL(this.url);
        }
        render() {
          return html\`<img src=\${this.url ?? ""} />\`;
        }
      }
    `,
    untrapped: {
      edits: { from: "super.disconnectedCallback();\n    if (this.url) URL.revokeObjectURL(this.url);", to: "super.disconnectedCallback();" },
      errors: [{ messageId: "urlNotRevokedInTeardown", line: 9 }],
      options: STRICT,
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL revoked once the image it feeds has loaded",
    filename: "drop-gallery.ts",
    code: code`
      import { LitElement } from "lit";
      export class DropGallery extends LitElement {
        addImage(file: File) {
          const img = document.createElement("img");
          const url = URL.createObjectURL(file);
          img.onload = () => URL.revokeObjectURL(url);
          img.src = url;
          this.renderRoot.append(img);
        }
      }
    `,
    untrapped: {
      edits: { from: "img.onload = () => URL.revokeObjectURL(url);", to: "" },
      errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    },
  },

  // --- Auto-cleaned APIs ------------------------------------------------------------------
  {
    rule: "no-leaked-observer",
    name: "Lit's ResizeController and ContextConsumer clean up with the host",
    filename: "chart-card.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { ResizeController } from "@lit-labs/observers/resize-controller.js";
      import { ContextConsumer } from "@lit/context";
      import { themeContext } from "./theme.js";
      export class ChartCard extends LitElement {
        private size = new ResizeController(this, { callback: ([entry]) => entry?.contentRect.width ?? 0 });
        private theme = new ContextConsumer(this, { context: themeContext, subscribe: true });
        render() {
          return html\`<svg width=\${this.size.value ?? 0} class=\${this.theme.value ?? "light"}></svg>\`;
        }
      }
    `,
  },
];

const invalid: InvalidCase[] = [
  // --- Reactive controllers -------------------------------------------------------------
  {
    rule: "no-leaked-timer",
    name: "controller never clears its interval",
    filename: "clock-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class ClockController implements ReactiveController {
        private timer?: ReturnType<typeof setInterval>;
        constructor(private host: ReactiveControllerHost) {
          host.addController(this);
        }
        hostConnected() {
          this.timer = setInterval(() => this.host.requestUpdate(), 1000);
        }
        hostDisconnected() {}
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 8 }],
    fixed: { from: "hostDisconnected() {}", to: "hostDisconnected() { clearInterval(this.timer); }" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "controller adds a window listener and never removes it",
    filename: "resize-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class ResizeController implements ReactiveController {
        constructor(private host: ReactiveControllerHost) {
          host.addController(this);
        }
        private onResize = () => this.host.requestUpdate();
        hostConnected() {
          window.addEventListener("resize", this.onResize);
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    fixed: {
      from: 'window.addEventListener("resize", this.onResize);\n  }',
      to: 'window.addEventListener("resize", this.onResize);\n  }\n  hostDisconnected() { window.removeEventListener("resize", this.onResize); }',
    },
  },
  {
    rule: "no-leaked-observer",
    name: "controller observer disconnected only in a method hostDisconnected never calls",
    filename: "size-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveElement } from "lit";
      export class SizeController implements ReactiveController {
        private observer?: ResizeObserver;
        constructor(private host: ReactiveElement) {
          host.addController(this);
        }
        hostConnected() {
          this.observer = new ResizeObserver(() => this.host.requestUpdate());
          this.observer.observe(this.host);
        }
        hostDisconnected() {}
        pause() {
          this.observer?.disconnect();
        }
      }
    `,
    options: STRICT,
    errors: [{ messageId: "notReleasedInTeardown", line: 8 }],
    fixed: { from: "hostDisconnected() {}", to: "hostDisconnected() { this.pause(); }" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "controller removes its listener in hostUpdate instead of hostDisconnected",
    filename: "escape-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class EscapeController implements ReactiveController {
        constructor(private host: ReactiveControllerHost, private onEscape: () => void) {
          host.addController(this);
        }
        private onKey = (event: KeyboardEvent) => {
          if (event.key === "Escape") this.onEscape();
        };
        hostConnected() {
          document.addEventListener("keydown", this.onKey);
        }
        hostUpdate() {
          document.removeEventListener("keydown", this.onKey);
        }
      }
    `,
    options: STRICT,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 10 }],
    fixed: { from: "hostUpdate()", to: "hostDisconnected()" },
  },
  {
    rule: "no-leaked-timer",
    name: "controller starts an interval and drops the handle",
    filename: "heartbeat-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class HeartbeatController implements ReactiveController {
        private timer?: ReturnType<typeof setInterval>;
        constructor(private host: ReactiveControllerHost) {
          host.addController(this);
        }
        hostConnected() {
          setInterval(() => this.host.requestUpdate(), 15_000);
        }
        hostDisconnected() {
          clearInterval(this.timer);
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 8 }],
    fixed: { from: "    setInterval(", to: "    this.timer = setInterval(" },
  },
  {
    rule: "no-leaked-observer",
    name: "controller starts a MutationObserver and drops it",
    filename: "attr-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class AttrController implements ReactiveController {
        private observer?: MutationObserver;
        constructor(private host: ReactiveControllerHost & HTMLElement) {
          host.addController(this);
        }
        hostConnected() {
          new MutationObserver(() => this.host.requestUpdate()).observe(this.host, { attributes: true });
        }
        hostDisconnected() {
          this.observer?.disconnect();
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 8 }],
    fixed: { from: "    new MutationObserver(() => this.host.requestUpdate())", to: "    (this.observer = new MutationObserver(() => this.host.requestUpdate()))" },
    probable: true,
  },
  {
    rule: "no-leaked-subscription",
    name: "controller subscribes to fromEvent and drops the subscription",
    filename: "online-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      import { type Subscription, fromEvent } from "rxjs";
      export class OnlineController implements ReactiveController {
        online = navigator.onLine;
        private sub?: Subscription;
        constructor(private host: ReactiveControllerHost) {
          host.addController(this);
        }
        hostConnected() {
          fromEvent(window, "online").subscribe(() => {
            this.online = true;
            this.host.requestUpdate();
          });
        }
        hostDisconnected() {
          this.sub?.unsubscribe();
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 10 }],
    fixed: { from: '    fromEvent(window, "online")', to: '    this.sub = fromEvent(window, "online")' },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "controller makes an object URL and never revokes it",
    filename: "preview-controller.ts",
    code: code`
      import type { ReactiveController, ReactiveControllerHost } from "lit";
      export class PreviewController implements ReactiveController {
        url = "";
        constructor(private host: ReactiveControllerHost, private blob: Blob) {
          host.addController(this);
        }
        hostConnected() {
          this.url = URL.createObjectURL(this.blob);
          this.host.requestUpdate();
        }
        hostDisconnected() {
          this.url = "";
        }
      }
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 8 }],
    fixed: { from: 'this.url = "";', to: 'URL.revokeObjectURL(this.url); this.url = "";' },
  },

  // --- LitElement / custom elements -------------------------------------------------------
  {
    rule: "no-leaked-timer",
    name: "LitElement starts an interval and discards it",
    filename: "my-clock.ts",
    code: code`
      import { LitElement } from "lit";
      export class MyClock extends LitElement {
        private timer?: ReturnType<typeof setInterval>;
        connectedCallback() {
          super.connectedCallback();
          setInterval(() => this.requestUpdate(), 1000);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          clearInterval(this.timer);
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 6 }],
    fixed: { from: "    setInterval(", to: "    this.timer = setInterval(" },
  },
  {
    rule: "no-leaked-timer",
    name: "LitElement keeps the interval handle but never clears it",
    filename: "uptime-label.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class UptimeLabel extends LitElement {
        private started = Date.now();
        private timer?: ReturnType<typeof setInterval>;
        connectedCallback() {
          super.connectedCallback();
          this.timer = setInterval(() => this.requestUpdate(), 1000);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
        render() {
          return html\`\${Math.round((Date.now() - this.started) / 1000)}s\`;
        }
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 7 }],
    fixed: {
      from: "super.disconnectedCallback();\n  }",
      to: "super.disconnectedCallback();\n    clearInterval(this.timer);\n  }",
    },
  },
  {
    rule: "no-leaked-timer",
    name: "interval cleared only in pause(), which disconnectedCallback never calls",
    filename: "slide-show.ts",
    code: code`
      import { LitElement } from "lit";
      export class SlideShow extends LitElement {
        index = 0;
        private timer?: ReturnType<typeof setInterval>;
        connectedCallback() {
          super.connectedCallback();
          this.timer = setInterval(() => this.next(), 5000);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
        pause() {
          clearInterval(this.timer);
        }
        next() {
          this.index++;
          this.requestUpdate();
        }
      }
    `,
    options: STRICT,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 7 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.pause();" },
  },
  {
    rule: "no-leaked-timer",
    name: "updated() starts a new interval on every update over the live one",
    filename: "auto-refresh.ts",
    code: code`
      import { LitElement } from "lit";
      import { property } from "lit/decorators.js";
      export class AutoRefresh extends LitElement {
        @property({ type: Number }) every = 10_000;
        private timer?: ReturnType<typeof setInterval>;
        updated() {
          this.timer = setInterval(() => this.dispatchEvent(new Event("refresh")), this.every);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          clearInterval(this.timer);
        }
      }
    `,
    errors: [{ messageId: "timerOverwritten", line: 7 }],
    fixed: { from: "updated() {", to: "updated() {\n    clearInterval(this.timer);" },
  },
  {
    rule: "no-leaked-timer",
    name: "hide timeout kept in a field but not cleared at disconnect",
    filename: "snack-bar.ts",
    code: code`
      import { LitElement } from "lit";
      export class SnackBar extends LitElement {
        private hideTimer?: ReturnType<typeof setTimeout>;
        show(message: string) {
          this.textContent = message;
          this.setAttribute("open", "");
          this.hideTimer = setTimeout(() => this.removeAttribute("open"), 4000);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 7 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); clearTimeout(this.hideTimer);" },
    probable: true,
  },
  {
    rule: "no-leaked-timer",
    name: "self-rescheduling animation frame loop never stopped",
    filename: "spinner-dial.ts",
    code: code`
      import { LitElement } from "lit";
      export class SpinnerDial extends LitElement {
        angle = 0;
        private frame = 0;
        connectedCallback() {
          super.connectedCallback();
          this.tick();
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
        private tick = () => {
          this.angle = (this.angle + 4) % 360;
          this.requestUpdate();
          requestAnimationFrame(this.tick);
        };
      }
    `,
    errors: [{ messageId: "loopNeverStopped", line: 15 }],
    fixed: [
      { from: "    requestAnimationFrame(this.tick);", to: "    this.frame = requestAnimationFrame(this.tick);" },
      { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); cancelAnimationFrame(this.frame);" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "interval started in firstUpdated and dropped",
    filename: "countdown-timer.ts",
    code: code`
      import { LitElement } from "lit";
      import { property } from "lit/decorators.js";
      export class CountdownTimer extends LitElement {
        @property({ type: Number }) seconds = 60;
        firstUpdated() {
          setInterval(() => {
            if (this.seconds > 0) this.seconds--;
          }, 1000);
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 6 }],
    fixed: [
      { from: "    setInterval(() => {", to: "    this.timer = setInterval(() => {" },
      { from: "  firstUpdated() {", to: "  private timer?: ReturnType<typeof setInterval>;\n  disconnectedCallback() { super.disconnectedCallback(); clearInterval(this.timer); }\n  firstUpdated() {" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "LitElement adds a window listener and never removes it",
    filename: "scroll-progress.ts",
    code: code`
      import { LitElement } from "lit";
      export class ScrollProgress extends LitElement {
        progress = 0;
        private onScroll = () => {
          this.progress = window.scrollY / (document.body.scrollHeight - window.innerHeight);
          this.requestUpdate();
        };
        connectedCallback() {
          super.connectedCallback();
          window.addEventListener("scroll", this.onScroll, { passive: true });
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 10 }],
    fixed: { from: "super.disconnectedCallback();\n  }", to: 'super.disconnectedCallback();\n    window.removeEventListener("scroll", this.onScroll);\n  }' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "plain custom element adds a document listener with no disconnectedCallback",
    filename: "x-menu.ts",
    code: code`
      class XMenu extends HTMLElement {
        connectedCallback() {
          document.addEventListener("click", this.onOutside);
        }
        onOutside = (event: MouseEvent) => {
          if (!this.contains(event.target as Node)) this.removeAttribute("open");
        };
      }
      customElements.define("x-menu", XMenu);
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 3 }],
    fixed: {
      from: '    document.addEventListener("click", this.onOutside);\n  }',
      to: '    document.addEventListener("click", this.onOutside);\n  }\n  disconnectedCallback() { document.removeEventListener("click", this.onOutside); }',
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "removed only in close(), which disconnectedCallback never calls",
    filename: "popover-panel.ts",
    code: code`
      import { LitElement } from "lit";
      export class PopoverPanel extends LitElement {
        private onKey = (event: KeyboardEvent) => {
          if (event.key === "Escape") this.close();
        };
        open() {
          this.setAttribute("open", "");
          document.addEventListener("keydown", this.onKey);
        }
        close() {
          this.removeAttribute("open");
          document.removeEventListener("keydown", this.onKey);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    options: STRICT,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 8 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.close();" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "inline handler added, and a new inline function passed to the removal",
    filename: "sticky-header.ts",
    code: code`
      import { LitElement } from "lit";
      export class StickyHeader extends LitElement {
        connectedCallback() {
          super.connectedCallback();
          window.addEventListener("scroll", () => this.toggleAttribute("stuck", window.scrollY > 0));
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          window.removeEventListener("scroll", () => this.toggleAttribute("stuck", window.scrollY > 0));
        }
      }
    `,
    errors: [
      { messageId: "listenerCannotBeRemoved", line: 5 },
      { messageId: "removalNeverMatches", line: 9 },
    ],
    fixed: [
      { from: '"scroll", () => this.toggleAttribute("stuck", window.scrollY > 0)', to: '"scroll", this.onScroll' },
      { from: "  connectedCallback() {", to: '  private onScroll = () => this.toggleAttribute("stuck", window.scrollY > 0);\n  connectedCallback() {' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "handler made with .bind(this) on both add and remove",
    filename: "route-outlet.ts",
    code: code`
      import { LitElement } from "lit";
      export class RouteOutlet extends LitElement {
        connectedCallback() {
          super.connectedCallback();
          window.addEventListener("hashchange", this.onHashChange.bind(this));
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          window.removeEventListener("hashchange", this.onHashChange.bind(this));
        }
        onHashChange() {
          this.requestUpdate();
        }
      }
    `,
    errors: [
      { messageId: "listenerCannotBeRemoved", line: 5 },
      { messageId: "removalNeverMatches", line: 9 },
    ],
    fixed: [
      { from: "this.onHashChange.bind(this)", to: "this.onHashChange" },
      { from: "  onHashChange() {\n    this.requestUpdate();\n  }", to: "  onHashChange = () => {\n    this.requestUpdate();\n  };" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "removal on document for a listener added to window",
    filename: "hotkeys-help.ts",
    code: code`
      import { LitElement } from "lit";
      export class HotkeysHelp extends LitElement {
        private onKey = (event: KeyboardEvent) => {
          if (event.key === "?") this.toggleAttribute("open");
        };
        connectedCallback() {
          super.connectedCallback();
          window.addEventListener("keydown", this.onKey);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          document.removeEventListener("keydown", this.onKey);
        }
      }
    `,
    errors: [
      { messageId: "listenerNeverRemoved", line: 8 },
      { messageId: "removalNeverMatches", line: 12 },
    ],
    fixed: { from: "document.removeEventListener", to: "window.removeEventListener" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "capture listener removed without the capture flag",
    filename: "focus-trap.ts",
    code: code`
      import { LitElement } from "lit";
      export class FocusTrap extends LitElement {
        private onFocusIn = (event: FocusEvent) => {
          if (!this.contains(event.target as Node)) this.focus();
        };
        connectedCallback() {
          super.connectedCallback();
          document.addEventListener("focusin", this.onFocusIn, true);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          document.removeEventListener("focusin", this.onFocusIn);
        }
      }
    `,
    errors: [
      { messageId: "listenerNeverRemoved", line: 8 },
      { messageId: "removalNeverMatches", line: 12 },
    ],
    fixed: { from: 'document.removeEventListener("focusin", this.onFocusIn);', to: 'document.removeEventListener("focusin", this.onFocusIn, true);' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "{ signal } of a controller that is never aborted",
    filename: "resize-handle.ts",
    code: code`
      import { LitElement } from "lit";
      export class ResizeHandle extends LitElement {
        private controller = new AbortController();
        connectedCallback() {
          super.connectedCallback();
          window.addEventListener("resize", () => this.requestUpdate(), { signal: this.controller.signal });
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "signalNeverAborted", line: 6 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.controller.abort();" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "controller aborted only in reset(), which disconnectedCallback never calls",
    filename: "command-palette.ts",
    code: code`
      import { LitElement } from "lit";
      export class CommandPalette extends LitElement {
        private controller = new AbortController();
        private onKey = (event: KeyboardEvent) => {
          if (event.key === "k" && event.metaKey) this.toggleAttribute("open");
        };
        connectedCallback() {
          super.connectedCallback();
          document.addEventListener("keydown", this.onKey, { signal: this.controller.signal });
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
        reset() {
          this.controller.abort();
          this.controller = new AbortController();
        }
      }
    `,
    errors: [{ messageId: "signalNeverAborted", line: 9 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.reset();" },
    probable: true,
  },

  // --- Targets that are not the element's own ---------------------------------------------
  {
    rule: "no-leaked-event-listener",
    name: "listener on the parent element is not on the element itself",
    filename: "scroll-shadow.ts",
    code: code`
      import { LitElement } from "lit";
      export class ScrollShadow extends LitElement {
        private onScroll = () => this.toggleAttribute("scrolled", (this.parentElement?.scrollTop ?? 0) > 0);
        connectedCallback() {
          super.connectedCallback();
          this.parentElement?.addEventListener("scroll", this.onScroll);
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: {
      from: '    this.parentElement?.addEventListener("scroll", this.onScroll);\n  }',
      to: '    this.parentElement?.addEventListener("scroll", this.onScroll);\n  }\n  disconnectedCallback() { super.disconnectedCallback(); this.parentElement?.removeEventListener("scroll", this.onScroll); }',
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on the owner document",
    filename: "visibility-pause.ts",
    code: code`
      import { LitElement } from "lit";
      export class VisibilityPause extends LitElement {
        hidden = false;
        private onVisibility = () => {
          this.hidden = this.ownerDocument.hidden;
        };
        connectedCallback() {
          super.connectedCallback();
          this.ownerDocument.addEventListener("visibilitychange", this.onVisibility);
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 9 }],
    fixed: { from: 'this.ownerDocument.addEventListener("visibilitychange", this.onVisibility);', to: 'this.ownerDocument.addEventListener("visibilitychange", this.onVisibility, { once: true });' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a node looked up in the document, not the render root",
    filename: "reading-time.ts",
    code: code`
      import { LitElement } from "lit";
      export class ReadingTime extends LitElement {
        private onScroll = () => this.requestUpdate();
        firstUpdated() {
          document.querySelector("main")!.addEventListener("scroll", this.onScroll);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    fixed: { from: "super.disconnectedCallback();", to: 'super.disconnectedCallback(); document.querySelector("main")!.removeEventListener("scroll", this.onScroll);' },
    probable: true,
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on an element handed in through a @property",
    filename: "anchored-tooltip.ts",
    code: code`
      import { LitElement } from "lit";
      import { property } from "lit/decorators.js";
      export class AnchoredTooltip extends LitElement {
        @property({ attribute: false }) anchor?: HTMLElement;
        private onEnter = () => this.setAttribute("open", "");
        connectedCallback() {
          super.connectedCallback();
          this.anchor?.addEventListener("mouseenter", this.onEnter);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    fixed: { from: "super.disconnectedCallback();", to: 'super.disconnectedCallback(); this.anchor?.removeEventListener("mouseenter", this.onEnter);' },
    probable: true,
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a getter that looks the node up in the document",
    filename: "toc-highlighter.ts",
    code: code`
      import { LitElement } from "lit";
      export class TocHighlighter extends LitElement {
        get article() {
          return document.querySelector("article");
        }
        private onScroll = () => this.requestUpdate();
        firstUpdated() {
          this.article?.addEventListener("scroll", this.onScroll);
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    fixed: { from: 'return document.querySelector("article");', to: 'return this.renderRoot.querySelector("article");' },
    probable: true,
  },
  {
    rule: "no-leaked-event-listener",
    name: "a decorator named query that is not Lit's",
    filename: "app-shell.ts",
    code: code`
      import { LitElement } from "lit";
      import { query } from "./dom-injection.js";
      export class AppShell extends LitElement {
        @query("#app-root") private root!: HTMLElement;
        private onNavigate = () => this.requestUpdate();
        firstUpdated() {
          this.root.addEventListener("navigate", this.onNavigate);
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: { from: 'from "./dom-injection.js"', to: 'from "lit/decorators.js"' },
    probable: true,
  },
  {
    rule: "no-leaked-event-listener",
    name: "matchMedia listener of a @customElement never removed",
    filename: "theme-switch.ts",
    code: code`
      import { LitElement, html } from "lit";
      import { customElement, state } from "lit/decorators.js";
      @customElement("theme-switch")
      export class ThemeSwitch extends LitElement {
        @state() private dark = false;
        private media = window.matchMedia("(prefers-color-scheme: dark)");
        private onChange = (event: MediaQueryListEvent) => {
          this.dark = event.matches;
        };
        connectedCallback() {
          super.connectedCallback();
          this.media.addEventListener("change", this.onChange);
        }
        render() {
          return html\`\${this.dark ? "🌙" : "☀️"}\`;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 12 }],
    fixed: {
      from: '    this.media.addEventListener("change", this.onChange);\n  }',
      to: '    this.media.addEventListener("change", this.onChange);\n  }\n  disconnectedCallback() { super.disconnectedCallback(); this.media.removeEventListener("change", this.onChange); }',
    },
    probable: true,
  },

  // --- Handle-released resources ----------------------------------------------------------
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened on connect and never closed",
    filename: "live-ticker.ts",
    code: code`
      import { LitElement } from "lit";
      import { property } from "lit/decorators.js";
      export class LiveTicker extends LitElement {
        @property() symbol = "ACME";
        private socket?: WebSocket;
        connectedCallback() {
          super.connectedCallback();
          this.socket = new WebSocket(\`wss://quotes.example.test/\${this.symbol}\`);
          this.socket.onmessage = () => this.requestUpdate();
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 8 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.socket?.close();" },
  },
  {
    rule: "no-unclosed-resource",
    name: "EventSource field never closed",
    filename: "build-status.ts",
    code: code`
      import { LitElement } from "lit";
      export class BuildStatus extends LitElement {
        private source = new EventSource("/api/builds/stream");
        connectedCallback() {
          super.connectedCallback();
          this.source.onmessage = () => this.requestUpdate();
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 3 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.source.close();" },
  },
  {
    rule: "no-unclosed-resource",
    name: "BroadcastChannel kept in a local of connectedCallback",
    filename: "cart-count.ts",
    code: code`
      import { LitElement } from "lit";
      export class CartCount extends LitElement {
        count = 0;
        private channel?: BroadcastChannel;
        connectedCallback() {
          super.connectedCallback();
          const channel = new BroadcastChannel("cart");
          channel.onmessage = (event: MessageEvent<number>) => {
            this.count = event.data;
            this.requestUpdate();
          };
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.channel?.close();
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 7 }],
    fixed: { from: "channel.onmessage = (event", to: "this.channel = channel;\n    channel.onmessage = (event" },
  },
  {
    rule: "no-unclosed-resource",
    name: "worker field never terminated",
    filename: "image-filter.ts",
    code: code`
      import { LitElement } from "lit";
      export class ImageFilter extends LitElement {
        private worker = new Worker("/workers/filter.js");
        firstUpdated() {
          this.worker.onmessage = () => this.requestUpdate();
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 3 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.worker.terminate();" },
  },
  {
    rule: "no-leaked-observer",
    name: "ResizeObserver field watching the parent element, never disconnected",
    filename: "fit-text.ts",
    code: code`
      import { LitElement } from "lit";
      export class FitText extends LitElement {
        private observer = new ResizeObserver(() => this.requestUpdate());
        connectedCallback() {
          super.connectedCallback();
          this.observer.observe(this.parentElement!);
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 3 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.observer.disconnect();" },
  },
  {
    rule: "no-leaked-subscription",
    name: "store subscription in connectedCallback dropped",
    filename: "cart-badge.ts",
    code: code`
      import { LitElement } from "lit";
      import type { Subscription } from "rxjs";
      import { cart } from "./cart-store.js";
      export class CartBadge extends LitElement {
        count = 0;
        private sub?: Subscription;
        connectedCallback() {
          super.connectedCallback();
          cart.count$.subscribe((count) => {
            this.count = count;
            this.requestUpdate();
          });
        }
        disconnectedCallback() {
          super.disconnectedCallback();
          this.sub?.unsubscribe();
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 9 }],
    fixed: { from: "    cart.count$.subscribe(", to: "    this.sub = cart.count$.subscribe(" },
  },
  {
    rule: "no-leaked-subscription",
    name: "subscription ended only in reset(), which disconnectedCallback never calls",
    filename: "user-chip.ts",
    code: code`
      import { LitElement } from "lit";
      import type { Subscription } from "rxjs";
      import { session } from "./session.js";
      export class UserChip extends LitElement {
        name = "";
        private sub?: Subscription;
        connectedCallback() {
          super.connectedCallback();
          this.sub = session.user$.subscribe((user) => {
            this.name = user.name;
            this.requestUpdate();
          });
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
        reset() {
          this.sub?.unsubscribe();
        }
      }
    `,
    options: STRICT,
    errors: [{ messageId: "notReleasedInTeardown", line: 9 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.reset();" },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL stored from a setter, never revoked",
    filename: "avatar-preview.ts",
    code: code`
      import { LitElement, html } from "lit";
      export class AvatarPreview extends LitElement {
        private url?: string;
        set file(blob: Blob) {
          this.url = URL.createObjectURL(blob);
          this.requestUpdate();
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
        render() {
          return html\`<img src=\${this.url ?? ""} />\`;
        }
      }
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    fixed: [
      { from: "    this.url = URL.createObjectURL(blob);", to: "    if (this.url) URL.revokeObjectURL(this.url);\n    this.url = URL.createObjectURL(blob);" },
      { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); if (this.url) URL.revokeObjectURL(this.url);" },
    ],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL revoked only in clear(), which disconnectedCallback never calls",
    filename: "file-thumb.ts",
    code: code`
      import { LitElement } from "lit";
      export class FileThumb extends LitElement {
        url?: string;
        show(blob: Blob) {
          this.clear();
          this.url = URL.createObjectURL(blob);
          this.requestUpdate();
        }
        clear() {
          if (this.url) URL.revokeObjectURL(this.url);
          this.url = undefined;
        }
        disconnectedCallback() {
          super.disconnectedCallback();
        }
      }
    `,
    options: STRICT,
    errors: [{ messageId: "urlNotRevokedInTeardown", line: 6 }],
    fixed: { from: "super.disconnectedCallback();", to: "super.disconnectedCallback(); this.clear();" },
  },
];

const [allValid, allInvalid] = withVariants(valid, invalid);
runFrameworkCases(allValid, allInvalid);
