/** Lit: reactive controllers (`hostConnected` → `hostDisconnected`) and LitElement (web-component lifecycle). */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";

const valid: FrameworkCase[] = [
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
  },
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
  },
  {
    rule: "no-leaked-event-listener",
    name: "LitElement listener on its own shadow root",
    filename: "my-pad.ts",
    code: code`
      import { LitElement } from "lit";
      export class MyPad extends LitElement {
        firstUpdated() {
          this.renderRoot.addEventListener("pointerdown", () => this.requestUpdate());
        }
      }
    `,
  },
];

const invalid: FrameworkCase[] = [
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
    errors: [{ messageId: "notReleasedInTeardown", line: 8 }],
  },
  {
    rule: "no-leaked-timer",
    name: "LitElement starts an interval and discards it",
    filename: "my-clock.ts",
    code: code`
      import { LitElement } from "lit";
      export class MyClock extends LitElement {
        connectedCallback() {
          super.connectedCallback();
          setInterval(() => this.requestUpdate(), 1000);
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 5 }],
  },
];

runFrameworkCases(valid, invalid);
