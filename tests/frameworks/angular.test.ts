/**
 * Angular: components, directives, pipes and services end in `ngOnDestroy`; also
 * `DestroyRef.onDestroy(fn)` (`inject(DestroyRef)`, a field), `takeUntilDestroyed()`, and signal
 * `effect((onCleanup) => ...)`, whose acquisitions are released through `onCleanup`.
 * Invalid cases carry the edit that fixes them and valid traps the edit that removes the trap
 * (see variants.ts): both must flip the outcome.
 */
import { code, runFrameworkCases } from "./harness.js";
import { type InvalidCase, type ValidCase, withVariants } from "./variants.js";

/** What the strict preset passes: also report releases that exist but miss the owner's end. */
const STRICT = [{ reportProbable: true }] as const;

const valid: ValidCase[] = [
  // --- ngOnInit → ngOnDestroy ------------------------------------------------------------
  {
    rule: "no-leaked-timer",
    name: "interval started in ngOnInit, cleared in ngOnDestroy",
    filename: "clock.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      @Component({ selector: "app-clock", template: "{{ now | date: 'mediumTime' }}" })
      export class ClockComponent implements OnInit, OnDestroy {
        now = new Date();
        private timer?: ReturnType<typeof setInterval>;
        ngOnInit() {
          this.timer = setInterval(() => (this.now = new Date()), 1000);
        }
        ngOnDestroy() {
          clearInterval(this.timer);
        }
      }
    `,
    untrapped: { edits: { from: "clearInterval(this.timer);", to: "" }, errors: [{ messageId: "timerNeverCleared", line: 7 }] },
  },
  {
    rule: "no-leaked-event-listener",
    name: "window listener added in ngOnInit, removed in ngOnDestroy",
    filename: "viewport.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit, signal } from "@angular/core";
      @Component({ selector: "app-viewport", template: "{{ width() }}px" })
      export class ViewportComponent implements OnInit, OnDestroy {
        width = signal(window.innerWidth);
        private onResize = () => this.width.set(window.innerWidth);
        ngOnInit() {
          window.addEventListener("resize", this.onResize);
        }
        ngOnDestroy() {
          window.removeEventListener("resize", this.onResize);
        }
      }
    `,
    untrapped: {
      edits: { from: 'window.removeEventListener("resize", this.onResize);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "subscription kept in a field and unsubscribed in ngOnDestroy",
    filename: "profile.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      import type { Subscription } from "rxjs";
      import { UserStore } from "./user.store";
      @Component({ selector: "app-profile", template: "{{ name }}" })
      export class ProfileComponent implements OnInit, OnDestroy {
        name = "";
        private sub?: Subscription;
        constructor(private users: UserStore) {}
        ngOnInit() {
          this.sub = this.users.current$.subscribe((user) => (this.name = user.name));
        }
        ngOnDestroy() {
          this.sub?.unsubscribe();
        }
      }
    `,
    untrapped: { edits: { from: "this.sub?.unsubscribe();", to: "" }, errors: [{ messageId: "neverReleased", line: 10 }] },
  },
  {
    rule: "no-leaked-subscription",
    name: "takeUntil(this.destroy$) with destroy$.next() in ngOnDestroy",
    filename: "ticker.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      import { Subject, interval, takeUntil } from "rxjs";
      @Component({ selector: "app-ticker", template: "{{ ticks }}" })
      export class TickerComponent implements OnInit, OnDestroy {
        ticks = 0;
        private destroy$ = new Subject<void>();
        ngOnInit() {
          interval(1000)
            .pipe(takeUntil(this.destroy$))
            .subscribe(() => this.ticks++);
        }
        ngOnDestroy() {
          this.destroy$.next();
          this.destroy$.complete();
        }
      }
    `,
    // RxJS 7: a notifier that only completes does not end `takeUntil`.
    untrapped: { edits: { from: "this.destroy$.next();", to: "" }, errors: [{ messageId: "discarded", line: 8 }] },
  },
  {
    rule: "no-unclosed-resource",
    name: "service closes its EventSource in ngOnDestroy",
    filename: "events.service.ts",
    code: code`
      import { Injectable, OnDestroy, signal } from "@angular/core";
      @Injectable()
      export class EventsService implements OnDestroy {
        readonly last = signal<string | null>(null);
        private source = new EventSource("/api/events");
        constructor() {
          this.source.onmessage = (event) => this.last.set(event.data);
        }
        ngOnDestroy() {
          this.source.close();
        }
      }
    `,
    untrapped: { edits: { from: "this.source.close();", to: "" }, errors: [{ messageId: "neverReleased", line: 5 }] },
  },
  {
    rule: "no-leaked-timer",
    name: "impure pipe starts its interval once and clears it in ngOnDestroy",
    filename: "time-ago.pipe.ts",
    code: code`
      import { ChangeDetectorRef, OnDestroy, Pipe, PipeTransform } from "@angular/core";
      @Pipe({ name: "timeAgo", pure: false })
      export class TimeAgoPipe implements PipeTransform, OnDestroy {
        private timer?: ReturnType<typeof setInterval>;
        constructor(private cdr: ChangeDetectorRef) {}
        transform(value: Date): string {
          this.timer ??= setInterval(() => this.cdr.markForCheck(), 60_000);
          return \`\${Math.round((Date.now() - value.getTime()) / 60_000)} min ago\`;
        }
        ngOnDestroy() {
          clearInterval(this.timer);
        }
      }
    `,
    untrapped: { edits: { from: "clearInterval(this.timer);", to: "" }, errors: [{ messageId: "timerNeverCleared", line: 7 }] },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener added outside the zone, removed in ngOnDestroy",
    filename: "pointer-tracker.component.ts",
    code: code`
      import { Component, NgZone, OnDestroy, OnInit } from "@angular/core";
      @Component({ selector: "app-pointer-tracker", template: "" })
      export class PointerTrackerComponent implements OnInit, OnDestroy {
        x = 0;
        constructor(private zone: NgZone) {}
        private onMove = (event: MouseEvent) => (this.x = event.clientX);
        ngOnInit() {
          this.zone.runOutsideAngular(() => window.addEventListener("mousemove", this.onMove));
        }
        ngOnDestroy() {
          window.removeEventListener("mousemove", this.onMove);
        }
      }
    `,
    untrapped: {
      edits: { from: 'window.removeEventListener("mousemove", this.onMove);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    },
  },

  // --- DestroyRef, takeUntilDestroyed --------------------------------------------------------
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
    untrapped: {
      edits: { from: "inject(DestroyRef).onDestroy(() => clearInterval(id));", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
    },
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
    untrapped: {
      edits: { from: 'this.destroyRef.onDestroy(() => window.removeEventListener("resize", this.onResize));', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "root service closes its WebSocket through inject(DestroyRef)",
    filename: "socket.service.ts",
    code: code`
      import { DestroyRef, Injectable, inject } from "@angular/core";
      import { Subject } from "rxjs";
      @Injectable({ providedIn: "root" })
      export class SocketService {
        readonly messages$ = new Subject<string>();
        private socket = new WebSocket("wss://api.example.test/live");
        constructor() {
          this.socket.onmessage = (event) => this.messages$.next(event.data);
          inject(DestroyRef).onDestroy(() => this.socket.close());
        }
      }
    `,
    untrapped: {
      edits: { from: "inject(DestroyRef).onDestroy(() => this.socket.close());", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "DestroyRef field closes a BroadcastChannel field",
    filename: "cart-sync.component.ts",
    code: code`
      import { Component, DestroyRef, inject, signal } from "@angular/core";
      @Component({ selector: "app-cart-sync", template: "{{ count() }}" })
      export class CartSyncComponent {
        count = signal(0);
        private destroyRef = inject(DestroyRef);
        private channel = new BroadcastChannel("cart");
        constructor() {
          this.channel.onmessage = (event: MessageEvent<number>) => this.count.set(event.data);
          this.destroyRef.onDestroy(() => this.channel.close());
        }
      }
    `,
    untrapped: {
      edits: { from: "this.destroyRef.onDestroy(() => this.channel.close());", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "DestroyRef callback unsubscribes a local subscription",
    filename: "presence.component.ts",
    code: code`
      import { Component, DestroyRef, inject } from "@angular/core";
      import { PresenceService } from "./presence.service";
      @Component({ selector: "app-presence", template: "{{ online }}" })
      export class PresenceComponent {
        online = 0;
        constructor(presence: PresenceService) {
          const sub = presence.online$.subscribe((count) => (this.online = count));
          inject(DestroyRef).onDestroy(() => sub.unsubscribe());
        }
      }
    `,
    untrapped: { edits: { from: "inject(DestroyRef).onDestroy(() => sub.unsubscribe());", to: "" }, errors: [{ messageId: "neverReleased", line: 7 }], probable: true },
  },
  {
    rule: "no-leaked-timer",
    name: "interval started outside the zone, cleared by a DestroyRef callback",
    filename: "fps.component.ts",
    code: code`
      import { Component, DestroyRef, NgZone, inject } from "@angular/core";
      @Component({ selector: "app-fps", template: "" })
      export class FpsComponent {
        frames = 0;
        constructor() {
          const zone = inject(NgZone);
          const destroyRef = inject(DestroyRef);
          zone.runOutsideAngular(() => {
            const id = setInterval(() => (this.frames = 0), 1000);
            destroyRef.onDestroy(() => clearInterval(id));
          });
        }
      }
    `,
    untrapped: { edits: { from: "destroyRef.onDestroy(() => clearInterval(id));", to: "" }, errors: [{ messageId: "timerNeverCleared", line: 9 }] },
  },
  {
    rule: "no-leaked-subscription",
    name: "takeUntilDestroyed() in the constructor ends the subscription",
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
    untrapped: { edits: { from: ".pipe(takeUntilDestroyed())", to: "" }, errors: [{ messageId: "discarded", line: 8 }] },
  },
  {
    rule: "no-leaked-subscription",
    name: "takeUntilDestroyed(this.destroyRef) in ngOnInit",
    filename: "search.component.ts",
    code: code`
      import { Component, DestroyRef, OnInit, inject } from "@angular/core";
      import { FormControl } from "@angular/forms";
      import { takeUntilDestroyed } from "@angular/core/rxjs-interop";
      import { debounceTime } from "rxjs";
      import { SearchService } from "./search.service";
      @Component({ selector: "app-search", template: "" })
      export class SearchComponent implements OnInit {
        private destroyRef = inject(DestroyRef);
        private search = inject(SearchService);
        query = new FormControl("");
        ngOnInit() {
          this.search.suggestions$
            .pipe(debounceTime(200), takeUntilDestroyed(this.destroyRef))
            .subscribe((list) => console.log(list));
        }
      }
    `,
    untrapped: {
      edits: { from: ".pipe(debounceTime(200), takeUntilDestroyed(this.destroyRef))", to: ".pipe(debounceTime(200))" },
      errors: [{ messageId: "discarded", line: 12 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "AbortController aborted by a DestroyRef callback",
    filename: "storage-sync.component.ts",
    code: code`
      import { Component, DestroyRef, inject, signal } from "@angular/core";
      @Component({ selector: "app-storage-sync", template: "" })
      export class StorageSyncComponent {
        theme = signal(localStorage.getItem("theme") ?? "light");
        constructor() {
          const controller = new AbortController();
          inject(DestroyRef).onDestroy(() => controller.abort());
          window.addEventListener("storage", (event) => {
            if (event.key === "theme") this.theme.set(event.newValue ?? "light");
          }, { signal: controller.signal });
        }
      }
    `,
    untrapped: { edits: { from: "inject(DestroyRef).onDestroy(() => controller.abort());", to: "" }, errors: [{ messageId: "signalNeverAborted", line: 8 }] },
  },
  {
    rule: "no-unclosed-resource",
    name: "DestroyRef callback calls a helper method that closes the stream",
    filename: "log-tail.component.ts",
    code: code`
      import { Component, DestroyRef, OnInit, inject } from "@angular/core";
      @Component({ selector: "app-log-tail", template: "" })
      export class LogTailComponent implements OnInit {
        lines: string[] = [];
        private destroyRef = inject(DestroyRef);
        private source?: EventSource;
        ngOnInit() {
          this.source = new EventSource("/api/logs/tail");
          this.source.onmessage = (event) => this.lines.push(event.data);
          this.destroyRef.onDestroy(() => this.disconnect());
        }
        private disconnect() {
          this.source?.close();
          this.source = undefined;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.destroyRef.onDestroy(() => this.disconnect());", to: "" },
      errors: [{ messageId: "notReleasedInTeardown", line: 8 }],
      options: STRICT,
    },
  },

  // --- Signal effects ------------------------------------------------------------------------
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
    untrapped: { edits: { from: "onCleanup(() => clearInterval(id));", to: "" }, errors: [{ messageId: "timerNeverCleared", line: 7 }] },
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
    untrapped: {
      edits: { from: 'onCleanup(() => window.removeEventListener("keydown", onKey));', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "signal effect revokes the previous preview URL through onCleanup",
    filename: "file-preview.component.ts",
    code: code`
      import { Component, effect, input, signal } from "@angular/core";
      @Component({ selector: "app-file-preview", template: "<img [src]='url()' />" })
      export class FilePreviewComponent {
        file = input.required<Blob>();
        url = signal("");
        constructor() {
          effect((onCleanup) => {
            const url = URL.createObjectURL(this.file());
            this.url.set(url);
            onCleanup(() => URL.revokeObjectURL(url));
          });
        }
      }
    `,
    untrapped: { edits: { from: "onCleanup(() => URL.revokeObjectURL(url));", to: "" }, errors: [{ messageId: "urlNeverRevoked", line: 8 }] },
  },
  {
    rule: "no-leaked-observer",
    name: "signal effect disconnects its ResizeObserver through onCleanup",
    filename: "size-probe.component.ts",
    code: code`
      import { Component, effect, input, signal } from "@angular/core";
      @Component({ selector: "app-size-probe", template: "{{ width() }}" })
      export class SizeProbeComponent {
        target = input.required<HTMLElement>();
        width = signal(0);
        constructor() {
          effect((onCleanup) => {
            const observer = new ResizeObserver(([entry]) => this.width.set(entry?.contentRect.width ?? 0));
            observer.observe(this.target());
            onCleanup(() => observer.disconnect());
          });
        }
      }
    `,
    untrapped: { edits: { from: "onCleanup(() => observer.disconnect());", to: "" }, errors: [{ messageId: "neverReleased", line: 8 }], probable: true },
  },
  {
    rule: "no-leaked-subscription",
    name: "signal effect unsubscribes through onCleanup",
    filename: "order-status.component.ts",
    code: code`
      import { Component, effect, input, signal } from "@angular/core";
      import { OrderService } from "./order.service";
      @Component({ selector: "app-order-status", template: "{{ status() }}" })
      export class OrderStatusComponent {
        orderId = input.required<string>();
        status = signal("pending");
        constructor(private orders: OrderService) {
          effect((onCleanup) => {
            const sub = this.orders.status$(this.orderId()).subscribe((status) => this.status.set(status));
            onCleanup(() => sub.unsubscribe());
          });
        }
      }
    `,
    untrapped: { edits: { from: "onCleanup(() => sub.unsubscribe());", to: "" }, errors: [{ messageId: "neverReleased", line: 9 }] },
  },
  {
    rule: "no-unclosed-resource",
    name: "signal effect passes a local closing function to onCleanup",
    filename: "room.component.ts",
    code: code`
      import { Component, effect, input } from "@angular/core";
      @Component({ selector: "app-room", template: "" })
      export class RoomComponent {
        room = input.required<string>();
        constructor() {
          effect((onCleanup) => {
            const socket = new WebSocket(\`wss://chat.example.test/\${this.room()}\`);
            socket.onmessage = (event) => console.log(event.data);
            function leave() {
              socket.close();
            }
            onCleanup(leave);
          });
        }
      }
    `,
    untrapped: { edits: { from: "onCleanup(leave);", to: "" }, errors: [{ messageId: "notReleasedInTeardown", line: 7 }], options: STRICT },
  },
  {
    rule: "no-leaked-event-listener",
    name: "afterRenderEffect removes its listener through onCleanup (strict too)",
    filename: "drag-handle.directive.ts",
    options: STRICT,
    code: code`
      import { Directive, afterRenderEffect, input } from "@angular/core";
      @Directive({ selector: "[appDragHandle]" })
      export class DragHandleDirective {
        enabled = input(true);
        constructor() {
          afterRenderEffect((onCleanup) => {
            if (!this.enabled()) return;
            const onMove = (event: PointerEvent) => console.log(event.clientX, event.clientY);
            document.addEventListener("pointermove", onMove);
            onCleanup(() => document.removeEventListener("pointermove", onMove));
          });
        }
      }
    `,
    untrapped: {
      edits: { from: 'onCleanup(() => document.removeEventListener("pointermove", onMove));', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 9 }],
    },
  },

  // --- False-alarm traps: the component's own elements ------------------------------------
  {
    rule: "no-leaked-event-listener",
    name: "@HostListener bindings plus a listener on the injected host ElementRef",
    filename: "press.directive.ts",
    code: code`
      import { Directive, ElementRef, HostListener, OnInit } from "@angular/core";
      @Directive({ selector: "[appPress]" })
      export class PressDirective implements OnInit {
        pressed = false;
        constructor(private el: ElementRef<HTMLElement>) {}
        @HostListener("window:blur") onBlur() {
          this.pressed = false;
        }
        ngOnInit() {
          this.el.nativeElement.addEventListener("pointerdown", () => (this.pressed = true));
        }
      }
    `,
    untrapped: {
      edits: { from: 'this.el.nativeElement.addEventListener("pointerdown"', to: 'document.addEventListener("pointerdown"' },
      errors: [{ messageId: "listenerNeverRemoved", line: 10 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on the host element from a field holding inject(ElementRef).nativeElement",
    filename: "autosize.directive.ts",
    code: code`
      import { Directive, ElementRef, OnInit, inject } from "@angular/core";
      @Directive({ selector: "textarea[appAutosize]" })
      export class AutosizeDirective implements OnInit {
        private host = inject<ElementRef<HTMLTextAreaElement>>(ElementRef).nativeElement;
        private resize = () => {
          this.host.style.height = "auto";
          this.host.style.height = \`\${this.host.scrollHeight}px\`;
        };
        ngOnInit() {
          this.host.addEventListener("input", this.resize);
        }
      }
    `,
    untrapped: {
      edits: { from: "inject<ElementRef<HTMLTextAreaElement>>(ElementRef).nativeElement", to: 'document.querySelector("textarea")!' },
      errors: [{ messageId: "listenerNeverRemoved", line: 10 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on the host through a plain ElementRef constructor parameter",
    filename: "ripple.directive.ts",
    code: code`
      import { Directive, ElementRef } from "@angular/core";
      @Directive({ selector: "[appRipple]" })
      export class RippleDirective {
        constructor(el: ElementRef<HTMLElement>) {
          el.nativeElement.addEventListener("click", (event) => {
            el.nativeElement.style.setProperty("--ripple-x", \`\${event.offsetX}px\`);
          });
        }
      }
    `,
    untrapped: {
      edits: { from: 'el.nativeElement.addEventListener("click"', to: 'document.body.addEventListener("click"' },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a @ViewChild element of its own template",
    filename: "sketch.component.ts",
    code: code`
      import { AfterViewInit, Component, ElementRef, ViewChild } from "@angular/core";
      @Component({ selector: "app-sketch", template: "<canvas #canvas></canvas>" })
      export class SketchComponent implements AfterViewInit {
        @ViewChild("canvas") canvas!: ElementRef<HTMLCanvasElement>;
        private drawing = false;
        ngAfterViewInit() {
          this.canvas.nativeElement.addEventListener("pointerdown", () => (this.drawing = true));
          this.canvas.nativeElement.addEventListener("pointerup", () => (this.drawing = false));
        }
      }
    `,
    untrapped: {
      edits: { from: '@ViewChild("canvas") ', to: "" },
      errors: [
        { messageId: "listenerNeverRemoved", line: 7 },
        { messageId: "listenerNeverRemoved", line: 8 },
      ],
      probable: true,
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a viewChild.required() signal's element",
    filename: "zoom.component.ts",
    code: code`
      import { AfterViewInit, Component, ElementRef, viewChild } from "@angular/core";
      @Component({ selector: "app-zoom", template: "<div #stage></div>" })
      export class ZoomComponent implements AfterViewInit {
        stage = viewChild.required<ElementRef<HTMLDivElement>>("stage");
        scale = 1;
        ngAfterViewInit() {
          this.stage().nativeElement.addEventListener("wheel", (event) => {
            this.scale *= event.deltaY > 0 ? 0.9 : 1.1;
          }, { passive: true });
        }
      }
    `,
    // An ElementRef handed in by the parent is not this component's.
    untrapped: {
      edits: { from: 'viewChild.required<ElementRef<HTMLDivElement>>("stage")', to: "input.required<ElementRef<HTMLDivElement>>()" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listeners on each @ViewChildren element",
    filename: "tabs.component.ts",
    code: code`
      import { AfterViewInit, Component, ElementRef, QueryList, ViewChildren, signal } from "@angular/core";
      @Component({ selector: "app-tabs", template: "<button #tab>One</button><button #tab>Two</button>" })
      export class TabsComponent implements AfterViewInit {
        @ViewChildren("tab") tabs!: QueryList<ElementRef<HTMLButtonElement>>;
        active = signal(0);
        ngAfterViewInit() {
          this.tabs.forEach((tab, index) => {
            tab.nativeElement.addEventListener("click", () => this.active.set(index));
          });
        }
      }
    `,
    untrapped: { edits: { from: '@ViewChildren("tab") ', to: "" }, errors: [{ messageId: "listenerNeverRemoved", line: 8 }], probable: true },
  },
  {
    rule: "no-leaked-observer",
    name: "IntersectionObserver watching only the host element is collected with it",
    filename: "reveal.directive.ts",
    code: code`
      import { AfterViewInit, Directive, ElementRef, inject } from "@angular/core";
      @Directive({ selector: "[appReveal]" })
      export class RevealDirective implements AfterViewInit {
        private host = inject(ElementRef);
        private io?: IntersectionObserver;
        ngAfterViewInit() {
          this.io = new IntersectionObserver(([entry]) => {
            if (entry?.isIntersecting) this.host.nativeElement.classList.add("revealed");
          });
          this.io.observe(this.host.nativeElement);
        }
      }
    `,
    untrapped: {
      edits: { from: "this.io.observe(this.host.nativeElement);", to: 'this.io.observe(document.querySelector("footer")!);' },
      errors: [{ messageId: "neverReleased", line: 7 }],
      probable: true,
    },
  },

  // --- False-alarm traps: releases that do not look like one, auto-cleaned APIs -----------
  {
    rule: "no-leaked-timer",
    name: "released in a shared teardown helper that ngOnDestroy calls",
    filename: "live-chart.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      @Component({ selector: "app-live-chart", template: "" })
      export class LiveChartComponent implements OnInit, OnDestroy {
        private timer?: ReturnType<typeof setInterval>;
        private socket?: WebSocket;
        ngOnInit() {
          this.socket = new WebSocket("wss://metrics.example.test");
          this.timer = setInterval(() => this.socket?.send("ping"), 30_000);
        }
        ngOnDestroy() {
          this.teardown();
        }
        private teardown() {
          clearInterval(this.timer);
          this.socket?.close();
        }
      }
    `,
    untrapped: {
      edits: { from: "this.teardown();", to: "" },
      errors: [{ messageId: "timerNotClearedInTeardown", line: 8 }],
      options: STRICT,
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "handle released through a destructured alias",
    filename: "quotes.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      @Component({ selector: "app-quotes", template: "" })
      export class QuotesComponent implements OnInit, OnDestroy {
        private socket?: WebSocket;
        ngOnInit() {
          this.socket = new WebSocket("wss://quotes.example.test");
          this.socket.onmessage = (event) => console.log(event.data);
        }
        ngOnDestroy() {
          const { socket } = this;
          this.socket = undefined;
          socket?.close();
        }
      }
    `,
    untrapped: { edits: { from: "socket?.close();", to: "" }, errors: [{ messageId: "neverReleased", line: 6 }] },
  },
  {
    rule: "no-leaked-event-listener",
    name: "AbortController aborted in ngOnDestroy",
    filename: "visibility.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit, signal } from "@angular/core";
      @Component({ selector: "app-visibility", template: "" })
      export class VisibilityComponent implements OnInit, OnDestroy {
        hidden = signal(document.hidden);
        private controller = new AbortController();
        ngOnInit() {
          document.addEventListener("visibilitychange", () => this.hidden.set(document.hidden), {
            signal: this.controller.signal,
          });
        }
        ngOnDestroy() {
          this.controller.abort();
        }
      }
    `,
    untrapped: { edits: { from: "this.controller.abort();", to: "" }, errors: [{ messageId: "signalNeverAborted", line: 7 }] },
  },
  {
    rule: "no-leaked-event-listener",
    name: "once-listener on window",
    filename: "splash.component.ts",
    code: code`
      import { Component, OnInit, signal } from "@angular/core";
      @Component({ selector: "app-splash", template: "" })
      export class SplashComponent implements OnInit {
        loaded = signal(document.readyState === "complete");
        ngOnInit() {
          window.addEventListener("load", () => this.loaded.set(true), { once: true });
        }
      }
    `,
    untrapped: {
      edits: { from: ', { once: true });', to: ");" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL revoked by a helper before each change and in ngOnDestroy",
    filename: "attachment.component.ts",
    code: code`
      import { Component, Input, OnChanges, OnDestroy } from "@angular/core";
      @Component({ selector: "app-attachment", template: "<a [href]='url' download>Download</a>" })
      export class AttachmentComponent implements OnChanges, OnDestroy {
        @Input() file?: Blob;
        url?: string;
        ngOnChanges() {
          this.release();
          if (this.file) this.url = URL.createObjectURL(this.file);
        }
        ngOnDestroy() {
          this.release();
        }
        private release() {
          if (this.url) URL.revokeObjectURL(this.url);
          this.url = undefined;
        }
      }
    `,
    untrapped: {
      edits: { from: "ngOnDestroy() {\n    this.release();\n  }", to: "ngOnDestroy() {}" },
      errors: [{ messageId: "urlNotRevokedInTeardown", line: 8 }],
      options: STRICT,
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "HttpClient request completes after its response",
    filename: "users.component.ts",
    code: code`
      import { Component, OnInit } from "@angular/core";
      import { HttpClient } from "@angular/common/http";
      @Component({ selector: "app-users", template: "" })
      export class UsersComponent implements OnInit {
        users: { id: string; name: string }[] = [];
        constructor(private http: HttpClient) {}
        ngOnInit() {
          this.http.get<{ id: string; name: string }[]>("/api/users").subscribe((users) => (this.users = users));
        }
      }
    `,
    // A live stream of the same data never completes.
    untrapped: {
      edits: { from: 'this.http.get<{ id: string; name: string }[]>("/api/users")', to: 'webSocket<{ id: string; name: string }[]>("wss://api.example.test/users")' },
      errors: [{ messageId: "discarded", line: 8 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "route parameters read once with take(1)",
    filename: "order.component.ts",
    code: code`
      import { Component, OnInit } from "@angular/core";
      import { ActivatedRoute } from "@angular/router";
      import { take } from "rxjs";
      @Component({ selector: "app-order", template: "" })
      export class OrderComponent implements OnInit {
        id = "";
        constructor(private route: ActivatedRoute) {}
        ngOnInit() {
          this.route.paramMap.pipe(take(1)).subscribe((params) => (this.id = params.get("id") ?? ""));
        }
      }
    `,
    untrapped: { edits: { from: ".pipe(take(1))", to: "" }, errors: [{ messageId: "discarded", line: 9 }] },
  },
  {
    rule: "no-leaked-subscription",
    name: "subscriptions collected in a Subscription bag",
    filename: "connectivity.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      import { Subscription, fromEvent } from "rxjs";
      @Component({ selector: "app-connectivity", template: "" })
      export class ConnectivityComponent implements OnInit, OnDestroy {
        online = navigator.onLine;
        private subs = new Subscription();
        ngOnInit() {
          this.subs.add(fromEvent(window, "online").subscribe(() => (this.online = true)));
          this.subs.add(fromEvent(window, "offline").subscribe(() => (this.online = false)));
        }
        ngOnDestroy() {
          this.subs.unsubscribe();
        }
      }
    `,
    untrapped: {
      edits: { from: 'this.subs.add(fromEvent(window, "online").subscribe(() => (this.online = true)));', to: 'fromEvent(window, "online").subscribe(() => (this.online = true));' },
      errors: [{ messageId: "discarded", line: 8 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "toSignal() and the async pipe subscribe and unsubscribe for the component",
    filename: "ticks.component.ts",
    code: code`
      import { Component } from "@angular/core";
      import { toSignal } from "@angular/core/rxjs-interop";
      import { AsyncPipe } from "@angular/common";
      import { interval } from "rxjs";
      @Component({
        selector: "app-ticks",
        imports: [AsyncPipe],
        template: "{{ ticks() }} / {{ ticks$ | async }}",
      })
      export class TicksComponent {
        ticks$ = interval(1000);
        ticks = toSignal(this.ticks$, { initialValue: 0 });
      }
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "Renderer2.listen's unlisten function called in ngOnDestroy",
    filename: "outside-click.directive.ts",
    code: code`
      import { Directive, EventEmitter, OnDestroy, OnInit, Output, Renderer2, inject } from "@angular/core";
      @Directive({ selector: "[appOutsideClick]" })
      export class OutsideClickDirective implements OnInit, OnDestroy {
        @Output() outside = new EventEmitter<void>();
        private renderer = inject(Renderer2);
        private unlisten?: () => void;
        ngOnInit() {
          this.unlisten = this.renderer.listen("document", "click", () => this.outside.emit());
        }
        ngOnDestroy() {
          this.unlisten?.();
        }
      }
    `,
  },
];

const invalid: InvalidCase[] = [
  // --- ngOnInit → ngOnDestroy ------------------------------------------------------------
  {
    rule: "no-leaked-timer",
    name: "interval kept in a field, no ngOnDestroy",
    filename: "clock.component.ts",
    code: code`
      import { Component, OnInit } from "@angular/core";
      @Component({ selector: "app-clock", template: "{{ now }}" })
      export class ClockComponent implements OnInit {
        now = new Date();
        private timer?: ReturnType<typeof setInterval>;
        ngOnInit() {
          this.timer = setInterval(() => (this.now = new Date()), 1000);
        }
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 7 }],
    fixed: {
      from: "    this.timer = setInterval(() => (this.now = new Date()), 1000);\n  }",
      to: "    this.timer = setInterval(() => (this.now = new Date()), 1000);\n  }\n  ngOnDestroy() { clearInterval(this.timer); }",
    },
  },
  {
    rule: "no-leaked-timer",
    name: "interval in the constructor with no DestroyRef or ngOnDestroy",
    filename: "clock.component.ts",
    code: code`
      import { Component, DestroyRef, inject, signal } from "@angular/core";
      @Component({ selector: "app-clock", template: "{{ now() }}" })
      export class ClockComponent {
        now = signal(new Date());
        private destroyRef = inject(DestroyRef);
        constructor() {
          setInterval(() => this.now.set(new Date()), 1000);
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 7 }],
    fixed: {
      from: "    setInterval(() => this.now.set(new Date()), 1000);",
      to: "    const id = setInterval(() => this.now.set(new Date()), 1000);\n    this.destroyRef.onDestroy(() => clearInterval(id));",
    },
  },
  {
    rule: "no-leaked-timer",
    name: "interval started in ngAfterViewInit and dropped",
    filename: "carousel.component.ts",
    code: code`
      import { AfterViewInit, Component, OnDestroy, signal } from "@angular/core";
      @Component({ selector: "app-carousel", template: "" })
      export class CarouselComponent implements AfterViewInit, OnDestroy {
        slide = signal(0);
        private timer?: ReturnType<typeof setInterval>;
        ngAfterViewInit() {
          setInterval(() => this.slide.update((n) => (n + 1) % 5), 4000);
        }
        ngOnDestroy() {
          clearInterval(this.timer);
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 7 }],
    fixed: { from: "    setInterval(", to: "    this.timer = setInterval(" },
  },
  {
    rule: "no-leaked-timer",
    name: "self-rescheduling setTimeout poll never stopped",
    filename: "status.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      @Component({ selector: "app-status", template: "" })
      export class StatusComponent implements OnInit, OnDestroy {
        private timer?: ReturnType<typeof setTimeout>;
        ngOnInit() {
          this.poll();
        }
        ngOnDestroy() {}
        private poll() {
          fetch("/api/status").then(() => undefined);
          setTimeout(() => this.poll(), 5000);
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 11 }],
    fixed: [
      { from: "    setTimeout(() => this.poll(), 5000);", to: "    this.timer = setTimeout(() => this.poll(), 5000);" },
      { from: "ngOnDestroy() {}", to: "ngOnDestroy() { clearTimeout(this.timer); }" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "impure pipe interval never cleared",
    filename: "time-ago.pipe.ts",
    code: code`
      import { ChangeDetectorRef, Pipe, PipeTransform } from "@angular/core";
      @Pipe({ name: "timeAgo", pure: false })
      export class TimeAgoPipe implements PipeTransform {
        private timer?: ReturnType<typeof setInterval>;
        constructor(private cdr: ChangeDetectorRef) {}
        transform(value: Date): string {
          this.timer ??= setInterval(() => this.cdr.markForCheck(), 60_000);
          return \`\${Math.round((Date.now() - value.getTime()) / 60_000)} min ago\`;
        }
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 7 }],
    fixed: {
      from: "  constructor(private cdr: ChangeDetectorRef) {}",
      to: "  constructor(private cdr: ChangeDetectorRef) {}\n  ngOnDestroy() { clearInterval(this.timer); }",
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "window listener added in ngOnInit with no ngOnDestroy",
    filename: "viewport.component.ts",
    code: code`
      import { Component, OnInit, signal } from "@angular/core";
      @Component({ selector: "app-viewport", template: "{{ width() }}px" })
      export class ViewportComponent implements OnInit {
        width = signal(window.innerWidth);
        private onResize = () => this.width.set(window.innerWidth);
        ngOnInit() {
          window.addEventListener("resize", this.onResize);
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: {
      from: '    window.addEventListener("resize", this.onResize);\n  }',
      to: '    window.addEventListener("resize", this.onResize);\n  }\n  ngOnDestroy() { window.removeEventListener("resize", this.onResize); }',
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "removed only in close(), which ngOnDestroy never calls",
    filename: "dropdown.component.ts",
    code: code`
      import { Component, ElementRef, OnDestroy } from "@angular/core";
      @Component({ selector: "app-dropdown", template: "" })
      export class DropdownComponent implements OnDestroy {
        open = false;
        constructor(private el: ElementRef<HTMLElement>) {}
        private onDocumentClick = (event: MouseEvent) => {
          if (!this.el.nativeElement.contains(event.target as Node)) this.close();
        };
        show() {
          this.open = true;
          document.addEventListener("click", this.onDocumentClick);
        }
        close() {
          this.open = false;
          document.removeEventListener("click", this.onDocumentClick);
        }
        ngOnDestroy() {}
      }
    `,
    options: STRICT,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 11 }],
    fixed: { from: "ngOnDestroy() {}", to: "ngOnDestroy() { this.close(); }" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "handler made with .bind(this) on both add and remove",
    filename: "orientation.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      @Component({ selector: "app-orientation", template: "" })
      export class OrientationComponent implements OnInit, OnDestroy {
        portrait = true;
        ngOnInit() {
          window.addEventListener("resize", this.update.bind(this));
        }
        ngOnDestroy() {
          window.removeEventListener("resize", this.update.bind(this));
        }
        update() {
          this.portrait = window.innerHeight > window.innerWidth;
        }
      }
    `,
    errors: [
      { messageId: "listenerCannotBeRemoved", line: 6 },
      { messageId: "removalNeverMatches", line: 9 },
    ],
    fixed: [
      { from: "this.update.bind(this)", to: "this.update" },
      { from: "  update() {\n    this.portrait = window.innerHeight > window.innerWidth;\n  }", to: "  update = () => {\n    this.portrait = window.innerHeight > window.innerWidth;\n  };" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "capture listener removed without the capture flag",
    filename: "scroll-spy.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      @Component({ selector: "app-scroll-spy", template: "" })
      export class ScrollSpyComponent implements OnInit, OnDestroy {
        section = "";
        private onScroll = () => (this.section = location.hash);
        ngOnInit() {
          document.addEventListener("scroll", this.onScroll, true);
        }
        ngOnDestroy() {
          document.removeEventListener("scroll", this.onScroll);
        }
      }
    `,
    errors: [
      { messageId: "listenerNeverRemoved", line: 7 },
      { messageId: "removalNeverMatches", line: 10 },
    ],
    fixed: { from: 'document.removeEventListener("scroll", this.onScroll);', to: 'document.removeEventListener("scroll", this.onScroll, true);' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener added outside the zone and never removed",
    filename: "pointer-tracker.component.ts",
    code: code`
      import { Component, NgZone, OnDestroy, OnInit } from "@angular/core";
      @Component({ selector: "app-pointer-tracker", template: "" })
      export class PointerTrackerComponent implements OnInit, OnDestroy {
        x = 0;
        constructor(private zone: NgZone) {}
        private onMove = (event: MouseEvent) => (this.x = event.clientX);
        ngOnInit() {
          this.zone.runOutsideAngular(() => window.addEventListener("mousemove", this.onMove));
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    fixed: { from: "ngOnDestroy() {}", to: 'ngOnDestroy() { window.removeEventListener("mousemove", this.onMove); }' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "{ signal } of a controller that is never aborted",
    filename: "visibility.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit, signal } from "@angular/core";
      @Component({ selector: "app-visibility", template: "" })
      export class VisibilityComponent implements OnInit, OnDestroy {
        hidden = signal(document.hidden);
        private controller = new AbortController();
        ngOnInit() {
          document.addEventListener("visibilitychange", () => this.hidden.set(document.hidden), {
            signal: this.controller.signal,
          });
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "signalNeverAborted", line: 7 }],
    fixed: { from: "ngOnDestroy() {}", to: "ngOnDestroy() { this.controller.abort(); }" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "root service adds a storage listener and never removes it",
    filename: "settings.service.ts",
    code: code`
      import { Injectable, signal } from "@angular/core";
      @Injectable({ providedIn: "root" })
      export class SettingsService {
        readonly theme = signal(localStorage.getItem("theme") ?? "light");
        private onStorage = (event: StorageEvent) => {
          if (event.key === "theme") this.theme.set(event.newValue ?? "light");
        };
        constructor() {
          window.addEventListener("storage", this.onStorage);
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 9 }],
    fixed: {
      from: '    window.addEventListener("storage", this.onStorage);\n  }',
      to: '    window.addEventListener("storage", this.onStorage);\n  }\n  ngOnDestroy() { window.removeEventListener("storage", this.onStorage); }',
    },
    probable: true,
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener added in afterNextRender and never removed",
    filename: "sticky-toolbar.component.ts",
    code: code`
      import { Component, DestroyRef, afterNextRender, inject, signal } from "@angular/core";
      @Component({ selector: "app-sticky-toolbar", template: "" })
      export class StickyToolbarComponent {
        stuck = signal(false);
        private destroyRef = inject(DestroyRef);
        private onScroll = () => this.stuck.set(window.scrollY > 64);
        constructor() {
          afterNextRender(() => {
            window.addEventListener("scroll", this.onScroll, { passive: true });
          });
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 9 }],
    fixed: {
      from: '      window.addEventListener("scroll", this.onScroll, { passive: true });',
      to: '      window.addEventListener("scroll", this.onScroll, { passive: true });\n      this.destroyRef.onDestroy(() => window.removeEventListener("scroll", this.onScroll));',
    },
  },

  // --- DestroyRef / onCleanup registered, but for something else ---------------------------
  {
    rule: "no-leaked-timer",
    name: "DestroyRef clears one interval and forgets the other",
    filename: "sync.component.ts",
    code: code`
      import { Component, DestroyRef, inject } from "@angular/core";
      @Component({ selector: "app-sync", template: "" })
      export class SyncComponent {
        constructor() {
          const poll = setInterval(() => console.log("poll"), 10_000);
          const retry = setInterval(() => console.log("retry"), 60_000);
          inject(DestroyRef).onDestroy(() => clearInterval(retry));
        }
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 5 }],
    fixed: { from: "onDestroy(() => clearInterval(retry));", to: "onDestroy(() => { clearInterval(retry); clearInterval(poll); });" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "DestroyRef removes the online listener but not the offline one",
    filename: "network.component.ts",
    code: code`
      import { Component, DestroyRef, OnInit, inject, signal } from "@angular/core";
      @Component({ selector: "app-network", template: "" })
      export class NetworkComponent implements OnInit {
        online = signal(navigator.onLine);
        private destroyRef = inject(DestroyRef);
        private onOnline = () => this.online.set(true);
        private onOffline = () => this.online.set(false);
        ngOnInit() {
          window.addEventListener("online", this.onOnline);
          window.addEventListener("offline", this.onOffline);
          this.destroyRef.onDestroy(() => window.removeEventListener("online", this.onOnline));
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 10 }],
    fixed: {
      from: 'this.destroyRef.onDestroy(() => window.removeEventListener("online", this.onOnline));',
      to: 'this.destroyRef.onDestroy(() => {\n      window.removeEventListener("online", this.onOnline);\n      window.removeEventListener("offline", this.onOffline);\n    });',
    },
  },

  // --- Signal effects ------------------------------------------------------------------------
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
    fixed: [
      { from: "effect(() => {", to: "effect((onCleanup) => {" },
      { from: '      setInterval(() => console.log("poll"), this.every());', to: '      const id = setInterval(() => console.log("poll"), this.every());\n      onCleanup(() => clearInterval(id));' },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "signal effect in a field initialiser drops its interval",
    filename: "heartbeat.component.ts",
    code: code`
      import { Component, effect, input } from "@angular/core";
      @Component({ selector: "app-heartbeat", template: "" })
      export class HeartbeatComponent {
        every = input(15_000);
        private heartbeat = effect(() => {
          setInterval(() => navigator.sendBeacon("/api/alive"), this.every());
        });
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 6 }],
    fixed: [
      { from: "effect(() => {", to: "effect((onCleanup) => {" },
      { from: '    setInterval(() => navigator.sendBeacon("/api/alive"), this.every());', to: '    const id = setInterval(() => navigator.sendBeacon("/api/alive"), this.every());\n    onCleanup(() => clearInterval(id));' },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "signal effect's onCleanup clears a different timer",
    filename: "poll.component.ts",
    code: code`
      import { Component, effect, input } from "@angular/core";
      @Component({ selector: "app-poll", template: "" })
      export class PollComponent {
        every = input(1000);
        constructor() {
          effect((onCleanup) => {
            const poll = setInterval(() => console.log("poll"), this.every());
            const hint = setTimeout(() => console.log("still polling"), 30_000);
            onCleanup(() => clearTimeout(hint));
          });
        }
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 7 }],
    fixed: { from: "onCleanup(() => clearTimeout(hint));", to: "onCleanup(() => { clearTimeout(hint); clearInterval(poll); });" },
  },
  {
    rule: "no-leaked-timer",
    name: "signal effect's interval cleared only in ngOnDestroy, not when the effect re-runs",
    filename: "poll.component.ts",
    code: code`
      import { Component, OnDestroy, effect, input } from "@angular/core";
      @Component({ selector: "app-poll", template: "" })
      export class PollComponent implements OnDestroy {
        every = input(1000);
        private timer?: ReturnType<typeof setInterval>;
        constructor() {
          effect(() => {
            this.timer = setInterval(() => console.log("poll"), this.every());
          });
        }
        ngOnDestroy() {
          clearInterval(this.timer);
        }
      }
    `,
    options: STRICT,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 8 }],
    fixed: [
      { from: "effect(() => {", to: "effect((onCleanup) => {" },
      { from: '      this.timer = setInterval(() => console.log("poll"), this.every());', to: '      this.timer = setInterval(() => console.log("poll"), this.every());\n      onCleanup(() => clearInterval(this.timer));' },
    ],
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
    fixed: [
      { from: "effect(() => {", to: "effect((onCleanup) => {" },
      { from: '      window.addEventListener("keydown", this.onKey);', to: '      window.addEventListener("keydown", this.onKey);\n      onCleanup(() => window.removeEventListener("keydown", this.onKey));' },
    ],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "signal effect makes a new object URL per run and never revokes one",
    filename: "file-preview.component.ts",
    code: code`
      import { Component, effect, input, signal } from "@angular/core";
      @Component({ selector: "app-file-preview", template: "<img [src]='url()' />" })
      export class FilePreviewComponent {
        file = input.required<Blob>();
        url = signal("");
        constructor() {
          effect(() => {
            this.url.set(URL.createObjectURL(this.file()));
          });
        }
      }
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 8 }],
    fixed: [
      { from: "effect(() => {", to: "effect((onCleanup) => {" },
      { from: "      this.url.set(URL.createObjectURL(this.file()));", to: "      const url = URL.createObjectURL(this.file());\n      this.url.set(url);\n      onCleanup(() => URL.revokeObjectURL(url));" },
    ],
  },
  {
    rule: "no-leaked-observer",
    name: "signal effect observes the input element without onCleanup",
    filename: "size-probe.component.ts",
    code: code`
      import { Component, effect, input, signal } from "@angular/core";
      @Component({ selector: "app-size-probe", template: "{{ width() }}" })
      export class SizeProbeComponent {
        target = input.required<HTMLElement>();
        width = signal(0);
        constructor() {
          effect(() => {
            const observer = new ResizeObserver(([entry]) => this.width.set(entry?.contentRect.width ?? 0));
            observer.observe(this.target());
          });
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 8 }],
    fixed: [
      { from: "effect(() => {", to: "effect((onCleanup) => {" },
      { from: "      observer.observe(this.target());", to: "      observer.observe(this.target());\n      onCleanup(() => observer.disconnect());" },
    ],
    probable: true,
  },
  {
    rule: "no-unclosed-resource",
    name: "signal effect opens a WebSocket per room and never closes it",
    filename: "room.component.ts",
    code: code`
      import { Component, effect, input } from "@angular/core";
      @Component({ selector: "app-room", template: "" })
      export class RoomComponent {
        room = input.required<string>();
        constructor() {
          effect(() => {
            const socket = new WebSocket(\`wss://chat.example.test/\${this.room()}\`);
            socket.onmessage = (event) => console.log(event.data);
          });
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 7 }],
    fixed: [
      { from: "effect(() => {", to: "effect((onCleanup) => {" },
      { from: "      socket.onmessage = (event) => console.log(event.data);", to: "      socket.onmessage = (event) => console.log(event.data);\n      onCleanup(() => socket.close());" },
    ],
  },
  {
    rule: "no-unclosed-resource",
    name: "signal effect hands onCleanup a function that does not close the socket",
    filename: "room.component.ts",
    code: code`
      import { Component, effect, input } from "@angular/core";
      @Component({ selector: "app-room", template: "" })
      export class RoomComponent {
        room = input.required<string>();
        constructor() {
          effect((onCleanup) => {
            const socket = new WebSocket(\`wss://chat.example.test/\${this.room()}\`);
            function leave() {
              console.log("left", socket.url);
            }
            onCleanup(leave);
          });
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 7 }],
    fixed: { from: 'console.log("left", socket.url);', to: "socket.close();" },
  },
  {
    rule: "no-leaked-subscription",
    name: "signal effect subscribes per run without onCleanup",
    filename: "order-status.component.ts",
    code: code`
      import { Component, effect, input, signal } from "@angular/core";
      import { OrderService } from "./order.service";
      @Component({ selector: "app-order-status", template: "{{ status() }}" })
      export class OrderStatusComponent {
        orderId = input.required<string>();
        status = signal("pending");
        constructor(private orders: OrderService) {
          effect(() => {
            this.orders.status$(this.orderId()).subscribe((status) => this.status.set(status));
          });
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 9 }],
    fixed: [
      { from: "effect(() => {", to: "effect((onCleanup) => {" },
      {
        from: "      this.orders.status$(this.orderId()).subscribe((status) => this.status.set(status));",
        to: "      const sub = this.orders.status$(this.orderId()).subscribe((status) => this.status.set(status));\n      onCleanup(() => sub.unsubscribe());",
      },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "afterRenderEffect starts an interval per run and drops it",
    filename: "autosave.component.ts",
    code: code`
      import { Component, afterRenderEffect, input } from "@angular/core";
      @Component({ selector: "app-autosave", template: "" })
      export class AutosaveComponent {
        every = input(30_000);
        constructor() {
          afterRenderEffect(() => {
            setInterval(() => console.log("autosave"), this.every());
          });
        }
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 7 }],
    fixed: [
      { from: "afterRenderEffect(() => {", to: "afterRenderEffect((onCleanup) => {" },
      { from: '      setInterval(() => console.log("autosave"), this.every());', to: '      const id = setInterval(() => console.log("autosave"), this.every());\n      onCleanup(() => clearInterval(id));' },
    ],
  },

  // --- Subscriptions ------------------------------------------------------------------------
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
    fixed: [
      { from: 'import { interval } from "rxjs";', to: 'import { interval } from "rxjs";\nimport { takeUntilDestroyed } from "@angular/core/rxjs-interop";' },
      { from: "interval(1000).subscribe(", to: "interval(1000).pipe(takeUntilDestroyed()).subscribe(" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "store subscription in ngOnInit dropped",
    filename: "profile.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      import type { Subscription } from "rxjs";
      import { UserStore } from "./user.store";
      @Component({ selector: "app-profile", template: "{{ name }}" })
      export class ProfileComponent implements OnInit, OnDestroy {
        name = "";
        private sub?: Subscription;
        constructor(private users: UserStore) {}
        ngOnInit() {
          this.users.current$.subscribe((user) => (this.name = user.name));
        }
        ngOnDestroy() {
          this.sub?.unsubscribe();
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 10 }],
    fixed: { from: "    this.users.current$.subscribe(", to: "    this.sub = this.users.current$.subscribe(" },
  },
  {
    rule: "no-leaked-subscription",
    name: "subscription ended only in pause(), which ngOnDestroy never calls",
    filename: "ticker.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      import { type Subscription, interval } from "rxjs";
      @Component({ selector: "app-ticker", template: "{{ ticks }}" })
      export class TickerComponent implements OnInit, OnDestroy {
        ticks = 0;
        private sub?: Subscription;
        ngOnInit() {
          this.sub = interval(1000).subscribe(() => this.ticks++);
        }
        pause() {
          this.sub?.unsubscribe();
        }
        ngOnDestroy() {}
      }
    `,
    options: STRICT,
    errors: [{ messageId: "notReleasedInTeardown", line: 8 }],
    fixed: { from: "ngOnDestroy() {}", to: "ngOnDestroy() { this.pause(); }" },
  },
  {
    rule: "no-leaked-subscription",
    name: "takeUntil(destroy$) whose notifier never fires",
    filename: "ticker.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      import { Subject, interval, takeUntil } from "rxjs";
      @Component({ selector: "app-ticker", template: "{{ ticks }}" })
      export class TickerComponent implements OnInit, OnDestroy {
        ticks = 0;
        private destroy$ = new Subject<void>();
        ngOnInit() {
          interval(1000).pipe(takeUntil(this.destroy$)).subscribe(() => this.ticks++);
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "discarded", line: 8 }],
    fixed: { from: "ngOnDestroy() {}", to: "ngOnDestroy() { this.destroy$.next(); this.destroy$.complete(); }" },
  },
  {
    rule: "no-leaked-subscription",
    name: "takeUntil(destroy$) whose notifier only completes (RxJS 7 keeps the source)",
    filename: "ticker.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit } from "@angular/core";
      import { Subject, interval, takeUntil } from "rxjs";
      @Component({ selector: "app-ticker", template: "{{ ticks }}" })
      export class TickerComponent implements OnInit, OnDestroy {
        ticks = 0;
        private destroy$ = new Subject<void>();
        ngOnInit() {
          interval(1000).pipe(takeUntil(this.destroy$)).subscribe(() => this.ticks++);
        }
        ngOnDestroy() {
          this.destroy$.complete();
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 8 }],
    fixed: { from: "this.destroy$.complete();", to: "this.destroy$.next(); this.destroy$.complete();" },
  },
  {
    rule: "no-leaked-subscription",
    name: "service subscribes to router events in its constructor and never unsubscribes",
    filename: "title.service.ts",
    code: code`
      import { Injectable } from "@angular/core";
      import { NavigationEnd, Router } from "@angular/router";
      import type { Subscription } from "rxjs";
      @Injectable()
      export class TitleService {
        private sub?: Subscription;
        constructor(private router: Router) {
          this.router.events.subscribe((event) => {
            if (event instanceof NavigationEnd) document.title = event.urlAfterRedirects;
          });
        }
        ngOnDestroy() {
          this.sub?.unsubscribe();
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 8 }],
    fixed: { from: "    this.router.events.subscribe(", to: "    this.sub = this.router.events.subscribe(" },
    probable: true,
  },
  {
    rule: "no-leaked-subscription",
    name: "fromEvent(document) subscription in ngOnInit dropped",
    filename: "shortcuts.component.ts",
    code: code`
      import { Component, DestroyRef, OnInit, inject } from "@angular/core";
      import { takeUntilDestroyed } from "@angular/core/rxjs-interop";
      import { fromEvent } from "rxjs";
      @Component({ selector: "app-shortcuts", template: "" })
      export class ShortcutsComponent implements OnInit {
        private destroyRef = inject(DestroyRef);
        ngOnInit() {
          fromEvent<KeyboardEvent>(document, "keydown").subscribe((event) => {
            if (event.key === "?") console.log("help");
          });
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 8 }],
    fixed: {
      from: 'fromEvent<KeyboardEvent>(document, "keydown").subscribe(',
      to: 'fromEvent<KeyboardEvent>(document, "keydown").pipe(takeUntilDestroyed(this.destroyRef)).subscribe(',
    },
  },

  // --- Handle-released resources ----------------------------------------------------------
  {
    rule: "no-unclosed-resource",
    name: "service EventSource field never closed",
    filename: "events.service.ts",
    code: code`
      import { Injectable, signal } from "@angular/core";
      @Injectable()
      export class EventsService {
        readonly last = signal<string | null>(null);
        private source = new EventSource("/api/events");
        constructor() {
          this.source.onmessage = (event) => this.last.set(event.data);
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 5 }],
    fixed: {
      from: "    this.source.onmessage = (event) => this.last.set(event.data);\n  }",
      to: "    this.source.onmessage = (event) => this.last.set(event.data);\n  }\n  ngOnDestroy() { this.source.close(); }",
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "BroadcastChannel opened in ngOnInit, never closed",
    filename: "cart-sync.component.ts",
    code: code`
      import { Component, OnDestroy, OnInit, signal } from "@angular/core";
      @Component({ selector: "app-cart-sync", template: "{{ count() }}" })
      export class CartSyncComponent implements OnInit, OnDestroy {
        count = signal(0);
        private channel?: BroadcastChannel;
        ngOnInit() {
          this.channel = new BroadcastChannel("cart");
          this.channel.onmessage = (event: MessageEvent<number>) => this.count.set(event.data);
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "neverReleased", line: 7 }],
    fixed: { from: "ngOnDestroy() {}", to: "ngOnDestroy() { this.channel?.close(); }" },
  },
  {
    rule: "no-unclosed-resource",
    name: "service opens a WebSocket on demand and never closes it",
    filename: "live.service.ts",
    code: code`
      import { Injectable } from "@angular/core";
      import { Subject } from "rxjs";
      @Injectable({ providedIn: "root" })
      export class LiveService {
        readonly messages$ = new Subject<string>();
        private socket?: WebSocket;
        connect(token: string) {
          this.socket = new WebSocket(\`wss://api.example.test/live?token=\${token}\`);
          this.socket.onmessage = (event) => this.messages$.next(event.data);
        }
      }
    `,
    errors: [{ messageId: "neverReleased", line: 8 }],
    fixed: [
      // Closing the previous socket first: `connect()` may run again.
      { from: "    this.socket = new WebSocket(", to: "    this.socket?.close();\n    this.socket = new WebSocket(" },
      {
        from: "    this.socket.onmessage = (event) => this.messages$.next(event.data);\n  }",
        to: "    this.socket.onmessage = (event) => this.messages$.next(event.data);\n  }\n  ngOnDestroy() { this.socket?.close(); }",
      },
    ],
    probable: true,
  },
  {
    rule: "no-leaked-observer",
    name: "IntersectionObserver on a page element, never disconnected",
    filename: "footer-sentinel.component.ts",
    code: code`
      import { AfterViewInit, Component, OnDestroy, signal } from "@angular/core";
      @Component({ selector: "app-footer-sentinel", template: "" })
      export class FooterSentinelComponent implements AfterViewInit, OnDestroy {
        atBottom = signal(false);
        private io?: IntersectionObserver;
        ngAfterViewInit() {
          this.io = new IntersectionObserver(([entry]) => this.atBottom.set(!!entry?.isIntersecting));
          this.io.observe(document.querySelector("footer")!);
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "neverReleased", line: 7 }],
    fixed: { from: "ngOnDestroy() {}", to: "ngOnDestroy() { this.io?.disconnect(); }" },
    probable: true,
  },
  {
    rule: "no-leaked-observer",
    name: "MutationObserver on document.body started and dropped",
    filename: "overlay-watch.directive.ts",
    code: code`
      import { Directive, OnDestroy, OnInit, signal } from "@angular/core";
      @Directive({ selector: "[appOverlayWatch]" })
      export class OverlayWatchDirective implements OnInit, OnDestroy {
        overlays = signal(0);
        private observer?: MutationObserver;
        ngOnInit() {
          new MutationObserver(() => this.overlays.set(document.querySelectorAll(".cdk-overlay-pane").length)).observe(document.body, {
            childList: true,
            subtree: true,
          });
        }
        ngOnDestroy() {
          this.observer?.disconnect();
        }
      }
    `,
    errors: [{ messageId: "discarded", line: 7 }],
    fixed: [
      { from: "    new MutationObserver(", to: "    (this.observer = new MutationObserver(" },
      { from: ".length)).observe(document.body, {", to: ".length))).observe(document.body, {" },
    ],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL made in ngOnChanges, never revoked",
    filename: "attachment.component.ts",
    code: code`
      import { Component, Input, OnChanges, OnDestroy } from "@angular/core";
      @Component({ selector: "app-attachment", template: "<a [href]='url' download>Download</a>" })
      export class AttachmentComponent implements OnChanges, OnDestroy {
        @Input() file?: Blob;
        url?: string;
        ngOnChanges() {
          if (this.file) this.url = URL.createObjectURL(this.file);
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 7 }],
    fixed: [
      { from: "    if (this.file) this.url", to: "    if (this.url) URL.revokeObjectURL(this.url);\n    if (this.file) this.url" },
      { from: "ngOnDestroy() {}", to: "ngOnDestroy() { if (this.url) URL.revokeObjectURL(this.url); }" },
    ],
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL revoked only in clear(), which ngOnDestroy never calls",
    filename: "attachment.component.ts",
    code: code`
      import { Component, Input, OnChanges, OnDestroy } from "@angular/core";
      @Component({ selector: "app-attachment", template: "<a [href]='url' download>Download</a>" })
      export class AttachmentComponent implements OnChanges, OnDestroy {
        @Input() file?: Blob;
        url?: string;
        ngOnChanges() {
          this.clear();
          if (this.file) this.url = URL.createObjectURL(this.file);
        }
        clear() {
          if (this.url) URL.revokeObjectURL(this.url);
          this.url = undefined;
        }
        ngOnDestroy() {}
      }
    `,
    options: STRICT,
    errors: [{ messageId: "urlNotRevokedInTeardown", line: 8 }],
    fixed: { from: "ngOnDestroy() {}", to: "ngOnDestroy() { this.clear(); }" },
  },

  // --- Targets that are not the component's own ----------------------------------------------
  {
    rule: "no-leaked-event-listener",
    name: "listener on the injected DOCUMENT",
    filename: "escape.directive.ts",
    code: code`
      import { Directive, EventEmitter, OnDestroy, OnInit, Output, inject } from "@angular/core";
      import { DOCUMENT } from "@angular/common";
      @Directive({ selector: "[appEscape]" })
      export class EscapeDirective implements OnInit, OnDestroy {
        @Output() escape = new EventEmitter<void>();
        private document = inject(DOCUMENT);
        private onKey = (event: KeyboardEvent) => event.key === "Escape" && this.escape.emit();
        ngOnInit() {
          this.document.addEventListener("keydown", this.onKey);
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 9 }],
    fixed: { from: "ngOnDestroy() {}", to: 'ngOnDestroy() { this.document.removeEventListener("keydown", this.onKey); }' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a scroll container found with closest(), outside the host",
    filename: "sticky.directive.ts",
    code: code`
      import { Directive, ElementRef, OnDestroy, OnInit } from "@angular/core";
      @Directive({ selector: "[appSticky]" })
      export class StickyDirective implements OnInit, OnDestroy {
        constructor(private el: ElementRef<HTMLElement>) {}
        private onScroll = () => this.el.nativeElement.classList.toggle("stuck");
        ngOnInit() {
          this.el.nativeElement.closest(".scroller")?.addEventListener("scroll", this.onScroll);
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: { from: "ngOnDestroy() {}", to: 'ngOnDestroy() { this.el.nativeElement.closest(".scroller")?.removeEventListener("scroll", this.onScroll); }' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on an ElementRef handed in through @Input",
    filename: "tooltip.directive.ts",
    code: code`
      import { Directive, ElementRef, Input, OnDestroy, OnInit } from "@angular/core";
      @Directive({ selector: "[appTooltip]" })
      export class TooltipDirective implements OnInit, OnDestroy {
        @Input() anchor?: ElementRef<HTMLElement>;
        visible = false;
        private onEnter = () => (this.visible = true);
        ngOnInit() {
          this.anchor?.nativeElement.addEventListener("mouseenter", this.onEnter);
        }
        ngOnDestroy() {}
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    fixed: { from: "ngOnDestroy() {}", to: 'ngOnDestroy() { this.anchor?.nativeElement.removeEventListener("mouseenter", this.onEnter); }' },
    probable: true,
  },
  {
    rule: "no-leaked-event-listener",
    name: "an ElementRef type that is not Angular's",
    filename: "legacy-bridge.directive.ts",
    code: code`
      import { Directive, OnInit } from "@angular/core";
      import { ElementRef } from "./legacy/element-ref";
      @Directive({ selector: "[appLegacyBridge]" })
      export class LegacyBridgeDirective implements OnInit {
        constructor(private el: ElementRef) {}
        private onMessage = (event: MessageEvent) => console.log(event.data);
        ngOnInit() {
          this.el.nativeElement.addEventListener("message", this.onMessage);
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    fixed: { from: "import { Directive, OnInit } from \"@angular/core\";\nimport { ElementRef } from \"./legacy/element-ref\";", to: "import { Directive, ElementRef, OnInit } from \"@angular/core\";\n" },
  },
];

const [allValid, allInvalid] = withVariants(valid, invalid);
runFrameworkCases(allValid, allInvalid);
