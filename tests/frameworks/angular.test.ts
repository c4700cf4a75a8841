/** Angular extras: DestroyRef.onDestroy, takeUntilDestroyed(), signal effects with onCleanup. */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";

const valid: FrameworkCase[] = [
  {
    rule: "no-leaked-timer",
    name: "inject(DestroyRef).onDestroy clears the interval",
    filename: "clock.component.ts",
    code: code`
      import { Component, DestroyRef, inject, signal } from "@angular/core";
      @Component({ selector: "app-clock", template: "{{ now() }}" })
      export class ClockComponent {
        now = signal(new Date());
        constructor() {
          const id = setInterval(() => this.now.set(new Date()), 1000);
          inject(DestroyRef).onDestroy(() => clearInterval(id));
        }
      }
    `,
  },
  {
    rule: "no-leaked-subscription",
    name: "takeUntilDestroyed() ends the subscription",
    filename: "feed.component.ts",
    code: code`
      import { Component } from "@angular/core";
      import { takeUntilDestroyed } from "@angular/core/rxjs-interop";
      import { interval } from "rxjs";
      @Component({ selector: "app-feed", template: "" })
      export class FeedComponent {
        ticks = 0;
        constructor() {
          interval(1000).pipe(takeUntilDestroyed()).subscribe(() => this.ticks++);
        }
      }
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "signal effect clears its interval through onCleanup",
    filename: "poll.component.ts",
    code: code`
      import { Component, effect, input } from "@angular/core";
      @Component({ selector: "app-poll", template: "" })
      export class PollComponent {
        every = input(1000);
        constructor() {
          effect((onCleanup) => {
            const id = setInterval(() => console.log("poll"), this.every());
            onCleanup(() => clearInterval(id));
          });
        }
      }
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "signal effect removes its listener through onCleanup",
    filename: "hotkey.directive.ts",
    code: code`
      import { Directive, effect, input } from "@angular/core";
      @Directive({ selector: "[appHotkey]" })
      export class HotkeyDirective {
        key = input("k");
        constructor() {
          effect((onCleanup) => {
            const onKey = (event: KeyboardEvent) => event.key === this.key() && console.log("hit");
            window.addEventListener("keydown", onKey);
            onCleanup(() => window.removeEventListener("keydown", onKey));
          });
        }
      }
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "DestroyRef stored in a field and used in ngOnInit",
    filename: "resize.component.ts",
    code: code`
      import { Component, DestroyRef, OnInit, inject } from "@angular/core";
      @Component({ selector: "app-resize", template: "" })
      export class ResizeComponent implements OnInit {
        private destroyRef = inject(DestroyRef);
        private onResize = () => console.log(window.innerWidth);
        ngOnInit() {
          window.addEventListener("resize", this.onResize);
          this.destroyRef.onDestroy(() => window.removeEventListener("resize", this.onResize));
        }
      }
    `,
  },
];

const invalid: FrameworkCase[] = [
  {
    rule: "no-leaked-timer",
    name: "signal effect starts an interval and discards it",
    filename: "poll.component.ts",
    code: code`
      import { Component, effect, input } from "@angular/core";
      @Component({ selector: "app-poll", template: "" })
      export class PollComponent {
        every = input(1000);
        constructor() {
          effect(() => {
            setInterval(() => console.log("poll"), this.every());
          });
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 7 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "signal effect adds a listener per run without onCleanup",
    filename: "hotkey.directive.ts",
    code: code`
      import { Directive, effect, input } from "@angular/core";
      @Directive({ selector: "[appHotkey]" })
      export class HotkeyDirective {
        key = input("k");
        private onKey = (event: KeyboardEvent) => event.key === this.key() && console.log("hit");
        constructor() {
          effect(() => {
            window.addEventListener("keydown", this.onKey);
          });
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
  },
  {
    rule: "no-leaked-timer",
    name: "interval in the constructor with no DestroyRef or ngOnDestroy",
    filename: "clock.component.ts",
    code: code`
      import { Component, signal } from "@angular/core";
      @Component({ selector: "app-clock", template: "{{ now() }}" })
      export class ClockComponent {
        now = signal(new Date());
        constructor() {
          setInterval(() => this.now.set(new Date()), 1000);
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 6 }],
  },
  {
    rule: "no-leaked-subscription",
    name: "subscription without takeUntilDestroyed",
    filename: "feed.component.ts",
    code: code`
      import { Component } from "@angular/core";
      import { interval } from "rxjs";
      @Component({ selector: "app-feed", template: "" })
      export class FeedComponent {
        ticks = 0;
        constructor() {
          interval(1000).subscribe(() => this.ticks++);
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 7 }],
  },
];

runFrameworkCases(valid, invalid);
