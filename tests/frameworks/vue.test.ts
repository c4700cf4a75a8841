/**
 * Vue 3 (Composition and Options API) lifecycles, in .vue SFCs through vue-eslint-parser
 * and in plain .ts files through typescript-eslint.
 */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";
import { type InvalidCase, type ValidCase, withVariants } from "./variants.js";

const SFC = "Widget.vue";
/** What the strict preset passes: also report releases that exist but miss the owner's end. */
const STRICT = [{ reportProbable: true }];

const valid: ValidCase[] = [
  {
    rule: "no-leaked-event-listener",
    name: "Options API (Vue 2): $root.$on removed by $off with the same handler, or by $off(type) in beforeDestroy; $on on the component itself",
    filename: SFC,
    code: code`
      <script>
      export default {
        mounted() {
          this.$root.$on("editorInsert", this.insert);
          this.$root.$on("saveConflict", this.onConflict);
          this.$on("local", () => this.refresh());
        },
        beforeDestroy() {
          this.$root.$off("editorInsert");
          this.$root.$off("saveConflict", this.onConflict);
        },
      };
      </script>
      <template><div /></template>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "script setup: a worker the component makes in onMounted (a top-level let is per instance) and terminates",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, onUnmounted } from "vue";
      import RegexWorker from "./regex-worker?worker";
      let worker: Worker;
      const onResult = ({ data }: MessageEvent) => console.log(data);
      onMounted(() => {
        worker = new RegexWorker();
        worker.addEventListener("message", onResult);
      });
      onUnmounted(() => worker.terminate());
      </script>
      <template><div /></template>
    `,
  },
  // ---------------------------------------------------------------------------
  // Owners: <script setup>, setup(), composables
  {
    rule: "no-leaked-timer",
    name: "script setup: interval started in onMounted, cleared in onUnmounted",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, onUnmounted, ref } from "vue";
      const now = ref(new Date());
      let timer: ReturnType<typeof setInterval> | undefined;
      onMounted(() => {
        timer = setInterval(() => (now.value = new Date()), 1000);
      });
      onUnmounted(() => clearInterval(timer));
      </script>
      <template><time>{{ now.toLocaleTimeString() }}</time></template>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "script setup: interval at the top level, cleared in onBeforeUnmount",
    filename: SFC,
    code: code`
      <script setup>
      import { onBeforeUnmount, ref } from "vue";
      const ticks = ref(0);
      const id = setInterval(() => ticks.value++, 500);
      onBeforeUnmount(() => clearInterval(id));
      </script>
      <template><span>{{ ticks }}</span></template>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "auto-imported hooks in an SFC (no import) are recognised by name",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      const seconds = ref(0);
      let id: number | undefined;
      onMounted(() => {
        id = window.setInterval(() => seconds.value++, 1000);
      });
      onUnmounted(() => window.clearInterval(id));
      </script>
      <template><p>{{ seconds }}</p></template>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "namespace import: Vue.onMounted / Vue.onUnmounted",
    filename: "poller.ts",
    code: code`
      import * as Vue from "vue";
      export function usePoller(load: () => void) {
        let handle = 0;
        Vue.onMounted(() => {
          handle = window.setInterval(load, 10_000);
        });
        Vue.onUnmounted(() => window.clearInterval(handle));
      }
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "setup() in defineComponent: listener added in onMounted, removed in onBeforeUnmount",
    filename: "Viewport.ts",
    code: code`
      import { defineComponent, onBeforeUnmount, onMounted, ref } from "vue";
      export default defineComponent({
        setup() {
          const width = ref(window.innerWidth);
          const onResize = () => (width.value = window.innerWidth);
          onMounted(() => window.addEventListener("resize", onResize));
          onBeforeUnmount(() => window.removeEventListener("resize", onResize));
          return { width };
        },
      });
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "setup() body starts the interval; setup returns bindings, onUnmounted clears it",
    filename: "Ticker.ts",
    code: code`
      import { defineComponent, onUnmounted, ref } from "vue";
      export default defineComponent({
        setup() {
          const count = ref(0);
          const id = setInterval(() => count.value++, 1000);
          onUnmounted(() => clearInterval(id));
          return { count };
        },
      });
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "composable: useMouse adds in onMounted, removes in onUnmounted",
    filename: "useMouse.ts",
    code: code`
      import { onMounted, onUnmounted, ref } from "vue";
      export function useMouse() {
        const x = ref(0);
        const y = ref(0);
        function update(event: MouseEvent) {
          x.value = event.pageX;
          y.value = event.pageY;
        }
        onMounted(() => window.addEventListener("mousemove", update));
        onUnmounted(() => window.removeEventListener("mousemove", update));
        return { x, y };
      }
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "composable: interval in the body, cleared in onScopeDispose",
    filename: "useNow.ts",
    code: code`
      import { onScopeDispose, ref } from "vue";
      export function useNow(ms = 1000) {
        const now = ref(Date.now());
        const id = setInterval(() => (now.value = Date.now()), ms);
        onScopeDispose(() => clearInterval(id));
        return now;
      }
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "onUnmounted registered inside onMounted still runs at unmount",
    filename: SFC,
    code: code`
      <script setup>
      import { onMounted, onUnmounted } from "vue";
      function onKey(event) {
        if (event.key === "Escape") history.back();
      }
      onMounted(() => {
        document.addEventListener("keydown", onKey);
        onUnmounted(() => document.removeEventListener("keydown", onKey));
      });
      </script>
      <template><dialog open><slot /></dialog></template>
    `,
  },
  // ---------------------------------------------------------------------------
  // Cleanup in named functions and shared helpers
  {
    rule: "no-leaked-timer",
    name: "a named function passed to onUnmounted that really clears",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, onUnmounted } from "vue";
      let poll: ReturnType<typeof setInterval> | undefined;
      function stop() {
        if (poll) clearInterval(poll);
        poll = undefined;
      }
      onMounted(() => {
        poll = setInterval(() => fetch("/api/ping"), 30_000);
      });
      onUnmounted(stop);
      </script>
      <template><div /></template>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "cleanup in a shared helper the unmount hook calls",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, onBeforeUnmount } from "vue";
      let refresh: ReturnType<typeof setInterval> | undefined;
      const onVisible = () => document.visibilityState === "visible" && reload();
      function reload() {
        return fetch("/feed");
      }
      function teardown() {
        clearInterval(refresh);
        document.removeEventListener("visibilitychange", onVisible);
      }
      onMounted(() => {
        refresh = setInterval(reload, 60_000);
        document.addEventListener("visibilitychange", onVisible);
      });
      onBeforeUnmount(() => teardown());
      </script>
      <template><ul /></template>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "the same shared helper releases the listener",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, onBeforeUnmount } from "vue";
      const onVisible = () => document.visibilityState === "visible" && reload();
      function reload() {
        return fetch("/feed");
      }
      function teardown() {
        document.removeEventListener("visibilitychange", onVisible);
      }
      onMounted(() => document.addEventListener("visibilitychange", onVisible));
      onBeforeUnmount(teardown);
      </script>
      <template><ul /></template>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "requestAnimationFrame loop stopped in onBeforeUnmount",
    filename: SFC,
    code: code`
      <script setup>
      import { onBeforeUnmount, onMounted, ref } from "vue";
      const angle = ref(0);
      let frame = 0;
      function spin() {
        angle.value = (angle.value + 2) % 360;
        frame = requestAnimationFrame(spin);
      }
      onMounted(() => {
        frame = requestAnimationFrame(spin);
      });
      onBeforeUnmount(() => cancelAnimationFrame(frame));
      </script>
      <template><div :style="{ rotate: angle + 'deg' }" /></template>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "{ signal } listener aborted in onUnmounted",
    filename: SFC,
    code: code`
      <script setup>
      import { onMounted, onUnmounted } from "vue";
      const controller = new AbortController();
      onMounted(() => {
        window.addEventListener("online", () => location.reload(), { signal: controller.signal });
      });
      onUnmounted(() => controller.abort());
      </script>
      <template><p>offline</p></template>
    `,
  },
  // ---------------------------------------------------------------------------
  // Other resources
  {
    rule: "no-leaked-observer",
    name: "ResizeObserver observed in onMounted, disconnected in onBeforeUnmount",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onBeforeUnmount, onMounted, useTemplateRef, ref } from "vue";
      const box = useTemplateRef<HTMLDivElement>("box");
      const size = ref(0);
      let observer: ResizeObserver | undefined;
      onMounted(() => {
        observer = new ResizeObserver(([entry]) => (size.value = entry.contentRect.width));
        observer.observe(box.value!);
      });
      onBeforeUnmount(() => observer?.disconnect());
      </script>
      <template><div ref="box">{{ size }}</div></template>
    `,
  },
  {
    rule: "no-leaked-observer",
    name: "MutationObserver disconnected by a stop function registered with onScopeDispose",
    filename: "useChildCount.ts",
    code: code`
      import { onMounted, onScopeDispose, ref, type Ref } from "vue";
      export function useChildCount(target: Ref<HTMLElement | null>) {
        const count = ref(0);
        let observer: MutationObserver | null = null;
        const stop = () => observer?.disconnect();
        onMounted(() => {
          observer = new MutationObserver(() => (count.value = target.value?.childElementCount ?? 0));
          observer.observe(target.value!, { childList: true });
        });
        onScopeDispose(stop);
        return count;
      }
    `,
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL made in onMounted, revoked in onUnmounted",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, onUnmounted, ref } from "vue";
      const props = defineProps<{ file: Blob }>();
      const src = ref("");
      let url = "";
      onMounted(() => {
        url = URL.createObjectURL(props.file);
        src.value = url;
      });
      onUnmounted(() => URL.revokeObjectURL(url));
      </script>
      <template><img :src="src" /></template>
    `,
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL at the script setup top level, revoked at unmount",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onBeforeUnmount } from "vue";
      const props = defineProps<{ pdf: Blob }>();
      const href = URL.createObjectURL(props.pdf);
      onBeforeUnmount(() => URL.revokeObjectURL(href));
      </script>
      <template><a :href="href" download>Download</a></template>
    `,
  },
  {
    rule: "no-leaked-subscription",
    name: "RxJS subscription in onMounted, unsubscribed in onUnmounted",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, onUnmounted, ref } from "vue";
      import { interval, type Subscription } from "rxjs";
      const n = ref(0);
      let sub: Subscription | undefined;
      onMounted(() => {
        sub = interval(1000).subscribe((value) => (n.value = value));
      });
      onUnmounted(() => sub?.unsubscribe());
      </script>
      <template><b>{{ n }}</b></template>
    `,
  },
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened in onMounted, closed in onBeforeUnmount",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onBeforeUnmount, onMounted, ref } from "vue";
      const last = ref("");
      let socket: WebSocket | undefined;
      onMounted(() => {
        socket = new WebSocket("wss://example.test/feed");
        socket.onmessage = (event) => (last.value = String(event.data));
      });
      onBeforeUnmount(() => socket?.close());
      </script>
      <template><pre>{{ last }}</pre></template>
    `,
  },
  {
    rule: "no-unclosed-resource",
    name: "watch with onCleanup closes the previous socket",
    filename: "useRoom.ts",
    code: code`
      import { ref, watch, type Ref } from "vue";
      export function useRoom(room: Ref<string>) {
        const messages = ref<string[]>([]);
        watch(room, (name, _old, onCleanup) => {
          const socket = new WebSocket("wss://chat.test/" + name);
          socket.onmessage = (event) => messages.value.push(String(event.data));
          onCleanup(() => socket.close());
        }, { immediate: true });
        return messages;
      }
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "watchEffect clears its interval through onCleanup",
    filename: "useCountdown.ts",
    code: code`
      import { ref, watchEffect, type Ref } from "vue";
      export function useCountdown(running: Ref<boolean>) {
        const left = ref(60);
        watchEffect((onCleanup) => {
          if (!running.value) return;
          const id = setInterval(() => left.value--, 1000);
          onCleanup(() => clearInterval(id));
        });
        return left;
      }
    `,
  },
  // ---------------------------------------------------------------------------
  // False-alarm traps: template refs, auto-cleaned APIs, one-shot work
  {
    rule: "no-leaked-event-listener",
    name: "listener on the component's own element from useTemplateRef",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, useTemplateRef } from "vue";
      const canvas = useTemplateRef<HTMLCanvasElement>("canvas");
      onMounted(() => {
        canvas.value!.addEventListener("pointerdown", (event) => draw(event.offsetX, event.offsetY));
      });
      function draw(x: number, y: number) {
        canvas.value!.getContext("2d")!.fillRect(x, y, 2, 2);
      }
      </script>
      <template><canvas ref="canvas" width="300" height="150" /></template>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener on a ref() the template binds with ref=\"button\"",
    filename: SFC,
    code: code`
      <script setup>
      import { onMounted, ref } from "vue";
      const button = ref(null);
      const emit = defineEmits(["long-press"]);
      onMounted(() => {
        button.value.addEventListener("contextmenu", (event) => {
          event.preventDefault();
          emit("long-press");
        });
      });
      </script>
      <template><button ref="button"><slot /></button></template>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "VueUse useEventListener removes itself",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { ref } from "vue";
      import { useEventListener } from "@vueuse/core";
      const y = ref(0);
      useEventListener(window, "scroll", () => (y.value = window.scrollY), { passive: true });
      </script>
      <template><progress :value="y" /></template>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "VueUse useIntervalFn is paused at scope dispose",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { ref } from "vue";
      import { useIntervalFn } from "@vueuse/core";
      const frame = ref(0);
      const { pause, resume } = useIntervalFn(() => frame.value++, 100);
      </script>
      <template><button @click="pause">stop</button><button @click="resume">go</button></template>
    `,
  },
  {
    rule: "no-leaked-observer",
    name: "VueUse useResizeObserver disconnects itself",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { ref, useTemplateRef } from "vue";
      import { useResizeObserver } from "@vueuse/core";
      const el = useTemplateRef<HTMLElement>("el");
      const width = ref(0);
      useResizeObserver(el, (entries) => (width.value = entries[0].contentRect.width));
      </script>
      <template><div ref="el">{{ width }}</div></template>
    `,
  },
  {
    rule: "no-leaked-subscription",
    name: "watch / watchEffect started synchronously in setup stop with the component",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { ref, watch, watchEffect } from "vue";
      const query = ref("");
      const results = ref<string[]>([]);
      watch(query, async (q) => {
        results.value = await (await fetch("/search?q=" + q)).json();
      });
      watchEffect(() => (document.title = query.value || "Search"));
      </script>
      <template><input v-model="query" /></template>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "a debounce timeout in a click handler is one-shot work",
    filename: SFC,
    code: code`
      <script setup>
      import { ref } from "vue";
      const copied = ref(false);
      function copy(text) {
        navigator.clipboard.writeText(text);
        copied.value = true;
        setTimeout(() => (copied.value = false), 1500);
      }
      </script>
      <template><button @click="copy('hi')">{{ copied ? "Copied" : "Copy" }}</button></template>
    `,
  },
  // ---------------------------------------------------------------------------
  // Options API
  {
    rule: "no-leaked-timer",
    name: "Options API: mounted keeps this.timer, beforeUnmount clears it",
    filename: SFC,
    code: code`
      <script>
      export default {
        data() {
          return { now: new Date(), timer: null };
        },
        mounted() {
          this.timer = setInterval(() => (this.now = new Date()), 1000);
        },
        beforeUnmount() {
          clearInterval(this.timer);
        },
      };
      </script>
      <template><time>{{ now }}</time></template>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "Options API: this.onResize from methods, added in mounted, removed in unmounted",
    filename: SFC,
    code: code`
      <script>
      export default {
        data: () => ({ width: 0 }),
        methods: {
          onResize() {
            this.width = window.innerWidth;
          },
        },
        mounted() {
          window.addEventListener("resize", this.onResize);
        },
        unmounted() {
          window.removeEventListener("resize", this.onResize);
        },
      };
      </script>
      <template><span>{{ width }}</span></template>
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "Options API (Vue 2): created / beforeDestroy in defineComponent",
    filename: "Clock.js",
    code: code`
      import { defineComponent } from "vue";
      export default defineComponent({
        data() {
          return { ticks: 0 };
        },
        created() {
          this.interval = setInterval(() => this.ticks++, 1000);
        },
        beforeDestroy() {
          clearInterval(this.interval);
        },
      });
    `,
  },
  {
    rule: "no-leaked-timer",
    name: "Options API: teardown calls a method that clears",
    filename: SFC,
    code: code`
      <script>
      export default {
        mounted() {
          this.poll = setInterval(this.refresh, 5000);
        },
        beforeUnmount() {
          this.stopPolling();
        },
        methods: {
          refresh() {
            this.$emit("refresh");
          },
          stopPolling() {
            clearInterval(this.poll);
          },
        },
      };
      </script>
      <template><div /></template>
    `,
  },
  {
    rule: "no-leaked-event-listener",
    name: "Options API: listener on this.$refs element",
    filename: SFC,
    code: code`
      <script>
      export default {
        mounted() {
          this.$refs.video.addEventListener("ended", () => this.$emit("done"));
        },
      };
      </script>
      <template><video ref="video" src="/intro.mp4" /></template>
    `,
  },
  {
    rule: "no-leaked-observer",
    name: "Options API: IntersectionObserver disconnected in unmounted",
    filename: SFC,
    code: code`
      <script>
      export default {
        emits: ["visible"],
        mounted() {
          this.io = new IntersectionObserver(([entry]) => entry.isIntersecting && this.$emit("visible"));
          this.io.observe(this.$el);
        },
        unmounted() {
          this.io.disconnect();
        },
      };
      </script>
      <template><div class="sentinel" /></template>
    `,
  },
  // ---------------------------------------------------------------------------
  // Watchers started outside the synchronous setup, async setups
  {
    rule: "no-leaked-subscription",
    name: "script setup: a watcher after a top-level await is still the component's (the compiler restores it)",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { ref, watch } from "vue";
      const settings = ref(await (await fetch("/api/settings")).json());
      watch(settings, (value) => localStorage.setItem("settings", JSON.stringify(value)), { deep: true });
      </script>
      <template><pre>{{ settings }}</pre></template>
    `,
    untrapped: {
      edits: [
        { from: "const settings = ref(await", to: "async function load() {\n  const settings = ref(await" },
        { from: "{ deep: true });", to: "{ deep: true });\n  return settings;\n}\nconst settings = load();" },
      ],
      errors: [{ messageId: "discarded", line: 5 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "a watcher started synchronously inside onMounted belongs to the component",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, ref, useTemplateRef, watch } from "vue";
      const props = defineProps<{ page: number }>();
      const list = useTemplateRef<HTMLUListElement>("list");
      const shown = ref(0);
      onMounted(() => {
        watch(() => props.page, () => list.value?.scrollTo({ top: 0 }));
        shown.value = list.value?.childElementCount ?? 0;
      });
      </script>
      <template><ul ref="list"><slot /></ul></template>
    `,
    untrapped: {
      edits: { from: "onMounted(() => {", to: "onMounted(async () => {\n  await document.fonts.ready;" },
      errors: [{ messageId: "discarded", line: 8 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "async setup(): watcher after the await, stopped by onUnmounted registered before it",
    filename: "Profile.ts",
    code: code`
      import { defineComponent, onUnmounted, ref, watch, type WatchStopHandle } from "vue";
      export default defineComponent({
        async setup() {
          let stopSync: WatchStopHandle | undefined;
          onUnmounted(() => stopSync?.());
          const profile = ref(await (await fetch("/api/me")).json());
          stopSync = watch(profile, (value) => fetch("/api/me", { method: "PUT", body: JSON.stringify(value) }), { deep: true });
          return { profile };
        },
      });
    `,
    untrapped: {
      edits: [
        { from: "\n    onUnmounted(() => stopSync?.());", to: "" },
        { from: "    return { profile };", to: "    onUnmounted(() => stopSync?.());\n    return { profile };" },
      ],
      errors: [{ messageId: "notReleasedInTeardown", line: 6 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "script setup: watcher started in a timeout, its stop handle called in onUnmounted",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onUnmounted, ref, watchEffect } from "vue";
      const query = ref("");
      let stop: (() => void) | undefined;
      setTimeout(() => {
        stop = watchEffect(() => (document.title = query.value ? query.value + " – Search" : "Search"));
      }, 300);
      onUnmounted(() => stop?.());
      </script>
      <template><input v-model="query" /></template>
    `,
    untrapped: {
      edits: { from: "\nonUnmounted(() => stop?.());", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "async onMounted: watcher after the await, handle.stop() in onBeforeUnmount (Vue 3.5)",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onBeforeUnmount, onMounted, ref, watch, type WatchHandle } from "vue";
      const zoom = ref(1);
      let handle: WatchHandle | undefined;
      onMounted(async () => {
        const { default: Chart } = await import("./chart.js");
        const chart = new Chart("#chart");
        handle = watch(zoom, (value) => chart.zoom(value), { immediate: true });
      });
      onBeforeUnmount(() => handle?.stop());
      </script>
      <template><canvas id="chart" /><input v-model.number="zoom" type="range" /></template>
    `,
    untrapped: {
      edits: { from: "onBeforeUnmount(() => handle?.stop());", to: "onBeforeUnmount(() => handle?.pause());" },
      errors: [{ messageId: "neverReleased", line: 8 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "watchers started in effectScope().run() belong to that scope, stopped with it",
    filename: "useLazyTracking.ts",
    code: code`
      import { effectScope, onScopeDispose, watch, type Ref } from "vue";
      export function useLazyTracking(route: Ref<string>) {
        const scope = effectScope();
        requestIdleCallback(() => {
          scope.run(() => {
            watch(route, (path) => navigator.sendBeacon("/track", path), { immediate: true });
          });
        });
        onScopeDispose(() => scope.stop());
      }
    `,
    untrapped: {
      edits: [
        { from: "    scope.run(() => {\n", to: "" },
        { from: "    });\n  });", to: "  });" },
      ],
      errors: [{ messageId: "discarded", line: 5 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "app bootstrap in main.ts: a watcher after an await lives as long as the app",
    filename: "main.ts",
    code: code`
      import { createApp, ref, watch } from "vue";
      import App from "./App.vue";
      async function bootstrap() {
        const messages = await (await fetch("/i18n/en.json")).json();
        const locale = ref(localStorage.getItem("locale") ?? "en");
        watch(locale, (value) => localStorage.setItem("locale", value));
        createApp(App, { messages, locale }).mount("#app");
      }
      bootstrap();
    `,
    untrapped: {
      edits: [
        { from: "async function bootstrap() {", to: "export async function useBootstrap() {" },
        { from: "\nbootstrap();", to: "" },
      ],
      errors: [{ messageId: "discarded", line: 6 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "async setup(): onUnmounted registered before the await clears the interval",
    filename: "Rates.ts",
    code: code`
      import { defineComponent, onUnmounted, ref } from "vue";
      export default defineComponent({
        async setup() {
          let timer: ReturnType<typeof setInterval> | undefined;
          onUnmounted(() => clearInterval(timer));
          const rates = ref(await (await fetch("/api/rates")).json());
          timer = setInterval(async () => (rates.value = await (await fetch("/api/rates")).json()), 60_000);
          return { rates };
        },
      });
    `,
    untrapped: {
      edits: [
        { from: "\n    onUnmounted(() => clearInterval(timer));", to: "" },
        { from: "    return { rates };", to: "    onUnmounted(() => clearInterval(timer));\n    return { rates };" },
      ],
      errors: [{ messageId: "timerNotClearedInTeardown", line: 6 }],
    },
  },
];

const invalid: InvalidCase[] = [
  // A hook known only through its binding (renamed, or a member of the module): the recogniser
  // may skip reading bindings only when no framework module is imported or required (issue 12 §2).
  ...(
    [
      ["an aliased import", 'import { onScopeDispose as dispose } from "vue";', "dispose"],
      ["a namespace import", 'import * as Vue from "vue";', "Vue.onScopeDispose"],
      ["a destructured require, renamed", 'const { onScopeDispose: dispose } = require("vue");', "dispose"],
      ["a required namespace", 'const Vue = require("vue");', "Vue.onScopeDispose"],
    ] as const
  ).map(
    ([how, binding, hook]): InvalidCase => ({
      rule: "no-leaked-event-listener",
      name: `composable: a scope cleanup hook reached through ${how}, and a listener it never removes`,
      filename: "useResize.js",
      code: code`
        ${binding}
        export function useResize(onResize, tick) {
          const id = setInterval(tick, 1000);
          ${hook}(() => clearInterval(id));
          window.addEventListener("resize", onResize);
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
      fixed: {
        from: '  window.addEventListener("resize", onResize);\n',
        to: `  window.addEventListener("resize", onResize);\n  ${hook}(() => window.removeEventListener("resize", onResize));\n`,
      },
    }),
  ),
  {
    // Wiki.js (sample D): the poll re-arms itself through requestAnimationFrame until the export
    // ends, and nothing stops it when the admin switches to another tool.
    rule: "no-leaked-timer",
    name: "Options API (Vue 2): a method that re-arms its own timeout through a frame callback",
    filename: SFC,
    code: code`
      <script>
      export default {
        methods: {
          async checkProgress() {
            const status = await this.fetchStatus();
            if (status === "running") {
              window.requestAnimationFrame(() => {
                setTimeout(() => {
                  this.checkProgress();
                }, 5000);
              });
            }
          },
        },
      };
      </script>
      <template><div /></template>
    `,
    errors: [{ messageId: "timerDiscarded", line: 8 }],
  },
  {
    // Wiki.js (sample D): editors listen on the app's root instance and remove only one event.
    rule: "no-leaked-event-listener",
    name: "Options API (Vue 2): $root.$on next to a removal from $root, and an event bus's $on, never taken off",
    filename: SFC,
    code: code`
      <script>
      import EventBus from "./event-bus";
      export default {
        mounted() {
          this.$root.$on("editorInsert", this.insert);
          this.$root.$on("saveConflict", () => { this.conflict = true; });
          EventBus.$on("overwrite", (content) => this.cm.setValue(content));
        },
        beforeDestroy() {
          this.$root.$off("editorInsert");
        },
      };
      </script>
      <template><div /></template>
    `,
    // `this.$root` alone is probable (the components that talk through it are often as
    // long-lived as the page); here the teardown takes another listener off it, so the author
    // knows it outlives the component.
    errors: [
      { messageId: "listenerNeverRemoved", line: 6 },
      { messageId: "listenerNeverRemoved", line: 7 },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "Options API (Vue 2): $root.$on never taken off, with nothing else removed from $root, is probable",
    filename: SFC,
    options: STRICT,
    code: code`
      <script>
      export default {
        mounted() {
          this.$root.$on("saveConflict", () => { this.conflict = true; });
        },
      };
      </script>
      <template><div /></template>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
  },
  // ---------------------------------------------------------------------------
  // Timers
  {
    rule: "no-leaked-timer",
    name: "script setup: interval in onMounted, handle discarded",
    filename: SFC,
    code: code`
      <script setup>
      import { onMounted, ref } from "vue";
      const now = ref(new Date());
      onMounted(() => {
        setInterval(() => (now.value = new Date()), 1000);
      });
      </script>
      <template><time>{{ now }}</time></template>
    `,
    errors: [{ messageId: "timerDiscarded", line: 5 }],
  },
  {
    rule: "no-leaked-timer",
    name: "script setup: stored interval never cleared",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted } from "vue";
      let timer: ReturnType<typeof setInterval>;
      onMounted(() => {
        timer = setInterval(() => console.log("tick"), 1000);
      });
      </script>
      <template><div /></template>
    `,
    errors: [{ messageId: "timerNeverCleared", line: 5 }],
  },
  {
    rule: "no-leaked-timer",
    name: "cleared only by a button handler, not at unmount",
    filename: SFC,
    options: STRICT,
    code: code`
      <script setup lang="ts">
      import { onMounted } from "vue";
      let timer: ReturnType<typeof setInterval> | undefined;
      onMounted(() => {
        timer = setInterval(() => console.log("tick"), 1000);
      });
      function pause() {
        clearInterval(timer);
      }
      </script>
      <template><button @click="pause">pause</button></template>
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 5 }],
  },
  {
    rule: "no-leaked-timer",
    name: "script setup top level: interval with no unmount hook",
    filename: SFC,
    code: code`
      <script setup>
      import { ref } from "vue";
      const ticks = ref(0);
      setInterval(() => ticks.value++, 500);
      </script>
      <template><span>{{ ticks }}</span></template>
    `,
    errors: [{ messageId: "timerDiscarded", line: 4 }],
  },
  {
    rule: "no-leaked-timer",
    name: "auto-imported onMounted in an SFC: interval discarded",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      const n = ref(0);
      onMounted(() => {
        setInterval(() => n.value++, 1000);
      });
      </script>
      <template>{{ n }}</template>
    `,
    errors: [{ messageId: "timerDiscarded", line: 4 }],
  },
  {
    rule: "no-leaked-timer",
    name: "a named function passed to onUnmounted that does not clear this timer",
    filename: SFC,
    options: STRICT,
    code: code`
      <script setup lang="ts">
      import { onMounted, onUnmounted } from "vue";
      let poll: ReturnType<typeof setInterval> | undefined;
      let blink: ReturnType<typeof setInterval> | undefined;
      function stop() {
        clearInterval(blink);
      }
      function pause() {
        clearInterval(poll);
      }
      onMounted(() => {
        poll = setInterval(() => fetch("/api/ping"), 30_000);
        blink = setInterval(() => document.body.classList.toggle("on"), 500);
      });
      onUnmounted(stop);
      defineExpose({ pause });
      </script>
      <template><div /></template>
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 12 }],
  },
  {
    rule: "no-leaked-timer",
    name: "a local function named onUnmounted is not Vue's",
    filename: "usePoll.ts",
    options: STRICT,
    code: code`
      import { onMounted } from "vue";
      const cleanups: (() => void)[] = [];
      function onUnmounted(fn: () => void) {
        cleanups.push(fn);
      }
      export function usePoll(load: () => void) {
        let id: ReturnType<typeof setInterval> | undefined;
        onMounted(() => {
          id = setInterval(load, 5000);
        });
        onUnmounted(() => clearInterval(id));
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 9 }],
  },
  {
    rule: "no-leaked-timer",
    name: "onUnmounted imported from another module is not Vue's",
    filename: "usePoll.ts",
    options: STRICT,
    code: code`
      import { onMounted } from "vue";
      import { onUnmounted } from "./my-lifecycle";
      export function usePoll(load: () => void) {
        let id: ReturnType<typeof setInterval> | undefined;
        onMounted(() => {
          id = setInterval(load, 5000);
        });
        onUnmounted(() => clearInterval(id));
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 6 }],
  },
  {
    rule: "no-leaked-timer",
    name: "setup() in defineComponent starts an interval it never clears",
    filename: "Ticker.ts",
    code: code`
      import { defineComponent, ref } from "vue";
      export default defineComponent({
        setup() {
          const count = ref(0);
          setInterval(() => count.value++, 1000);
          return { count };
        },
      });
    `,
    errors: [{ messageId: "timerDiscarded", line: 5 }],
  },
  {
    rule: "no-leaked-timer",
    name: "onBeforeMount timeout kept but never cleared",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onBeforeMount, ref } from "vue";
      const hint = ref(false);
      let hintTimer: ReturnType<typeof setTimeout>;
      onBeforeMount(() => {
        hintTimer = setTimeout(() => (hint.value = true), 5000);
      });
      </script>
      <template><p v-if="hint">Need help?</p></template>
    `,
    errors: [{ messageId: "timerNeverCleared", line: 6 }],
    probable: true,
  },
  {
    rule: "no-leaked-timer",
    name: "requestAnimationFrame loop started in onMounted, never stopped",
    filename: SFC,
    code: code`
      <script setup>
      import { onMounted, ref } from "vue";
      const angle = ref(0);
      function spin() {
        angle.value = (angle.value + 2) % 360;
        requestAnimationFrame(spin);
      }
      onMounted(() => requestAnimationFrame(spin));
      </script>
      <template><div :style="{ rotate: angle + 'deg' }" /></template>
    `,
    errors: [{ messageId: "loopNeverStopped", line: 6 }],
  },
  {
    rule: "no-leaked-timer",
    name: "watchEffect starts an interval without onCleanup",
    filename: "useCountdown.ts",
    code: code`
      import { ref, watchEffect, type Ref } from "vue";
      export function useCountdown(running: Ref<boolean>) {
        const left = ref(60);
        watchEffect(() => {
          if (running.value) setInterval(() => left.value--, 1000);
        });
        return left;
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 5 }],
  },
  {
    rule: "no-leaked-timer",
    name: "Options API: mounted keeps this.timer but nothing clears it",
    filename: SFC,
    code: code`
      <script>
      export default {
        mounted() {
          this.timer = setInterval(() => this.$forceUpdate(), 1000);
        },
      };
      </script>
      <template><time>{{ Date.now() }}</time></template>
    `,
    errors: [{ messageId: "timerNeverCleared", line: 4 }],
  },
  {
    rule: "no-leaked-timer",
    name: "Options API: beforeUnmount exists but clears another timer",
    filename: SFC,
    code: code`
      <script>
      export default {
        created() {
          this.poll = setInterval(() => this.$emit("poll"), 5000);
          this.blink = setInterval(() => this.$emit("blink"), 500);
        },
        beforeUnmount() {
          clearInterval(this.blink);
        },
      };
      </script>
      <template><div /></template>
    `,
    errors: [{ messageId: "timerNeverCleared", line: 4 }],
  },
  {
    rule: "no-leaked-timer",
    name: "Options API (Vue 2) in defineComponent: created discards the interval",
    filename: "Clock.js",
    code: code`
      import { defineComponent } from "vue";
      export default defineComponent({
        created() {
          setInterval(() => this.ticks++, 1000);
        },
        destroyed() {},
      });
    `,
    errors: [{ messageId: "timerDiscarded", line: 4 }],
  },
  {
    rule: "no-leaked-timer",
    name: "Vue.onMounted through a namespace import: interval discarded",
    filename: "useClock.ts",
    code: code`
      import * as Vue from "vue";
      export function useClock() {
        const now = Vue.ref(Date.now());
        Vue.onMounted(() => {
          setInterval(() => (now.value = Date.now()), 1000);
        });
        return now;
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 5 }],
  },
  // ---------------------------------------------------------------------------
  // Listeners
  {
    rule: "no-leaked-event-listener",
    name: "onMounted adds a window listener, nothing removes it",
    filename: SFC,
    code: code`
      <script setup>
      import { onMounted, ref } from "vue";
      const width = ref(0);
      const onResize = () => (width.value = window.innerWidth);
      onMounted(() => {
        window.addEventListener("resize", onResize);
      });
      </script>
      <template>{{ width }}</template>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "listener removed only by a handler, not at unmount",
    filename: SFC,
    options: STRICT,
    code: code`
      <script setup>
      import { onMounted } from "vue";
      function onKey(event) {
        if (event.key === "Escape") close();
      }
      function close() {
        document.removeEventListener("keydown", onKey);
      }
      onMounted(() => document.addEventListener("keydown", onKey));
      </script>
      <template><button @click="close">x</button></template>
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 9 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "named unmount function that does not remove the listener",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, onBeforeUnmount } from "vue";
      const onScroll = () => console.log(window.scrollY);
      function teardown() {
        console.log("bye");
      }
      onMounted(() => window.addEventListener("scroll", onScroll));
      onBeforeUnmount(teardown);
      </script>
      <template><div /></template>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "composable adds in onMounted and forgets onUnmounted",
    filename: "useMouse.ts",
    code: code`
      import { onMounted, ref } from "vue";
      export function useMouse() {
        const x = ref(0);
        const update = (event: MouseEvent) => (x.value = event.pageX);
        onMounted(() => window.addEventListener("mousemove", update));
        return x;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "setup() adds a document listener in onMounted without removal",
    filename: "Menu.ts",
    code: code`
      import { defineComponent, onMounted, ref } from "vue";
      export default defineComponent({
        setup() {
          const open = ref(false);
          const onClick = () => (open.value = false);
          onMounted(() => document.addEventListener("click", onClick));
          return { open };
        },
      });
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "auto-imported onMounted: listener on document.body is not a template ref",
    filename: SFC,
    code: code`
      <script setup>
      const el = ref(null);
      const onDrop = (event) => event.preventDefault();
      onMounted(() => {
        document.body.addEventListener("drop", onDrop);
      });
      </script>
      <template><div ref="el" /></template>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "{ signal } listener whose controller is never aborted",
    filename: SFC,
    code: code`
      <script setup>
      import { onMounted } from "vue";
      const controller = new AbortController();
      onMounted(() => {
        window.addEventListener("online", () => location.reload(), { signal: controller.signal });
      });
      </script>
      <template><p>offline</p></template>
    `,
    errors: [{ messageId: "signalNeverAborted", line: 5 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "watch callback adds a listener on every change",
    filename: "useHotkey.ts",
    code: code`
      import { watch, type Ref } from "vue";
      export function useHotkey(key: Ref<string>, run: () => void) {
        const onKey = (event: KeyboardEvent) => event.key === key.value && run();
        watch(key, () => {
          window.addEventListener("keydown", onKey);
        });
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "Options API: mounted adds this.onResize, nothing removes it",
    filename: SFC,
    code: code`
      <script>
      export default {
        methods: {
          onResize() {
            this.width = window.innerWidth;
          },
        },
        mounted() {
          window.addEventListener("resize", this.onResize);
        },
      };
      </script>
      <template><span /></template>
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 9 }],
  },
  {
    rule: "no-leaked-event-listener",
    name: "Options API: removal in a method the teardown never calls",
    filename: SFC,
    options: STRICT,
    code: code`
      <script>
      export default {
        mounted() {
          document.addEventListener("keydown", this.onKey);
        },
        unmounted() {},
        methods: {
          onKey(event) {
            if (event.key === "Escape") this.close();
          },
          close() {
            document.removeEventListener("keydown", this.onKey);
            this.$emit("close");
          },
        },
      };
      </script>
      <template><div /></template>
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 4 }],
  },
  // ---------------------------------------------------------------------------
  // Observers, object URLs, subscriptions, closeables
  {
    rule: "no-leaked-observer",
    name: "ResizeObserver in onMounted watches the page, never disconnected",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, ref } from "vue";
      const size = ref(0);
      let observer: ResizeObserver | undefined;
      onMounted(() => {
        observer = new ResizeObserver(([entry]) => (size.value = entry.contentRect.width));
        observer.observe(document.documentElement);
      });
      </script>
      <template><div>{{ size }}</div></template>
    `,
    errors: [{ messageId: "neverReleased", line: 6 }],
    fixed: [
      { from: "import { onMounted, ref }", to: "import { onBeforeUnmount, onMounted, ref }" },
      { from: "</script>", to: "onBeforeUnmount(() => observer?.disconnect());\n</script>" },
    ],
  },
  {
    rule: "no-leaked-observer",
    name: "observer disconnected only by a handler",
    filename: SFC,
    options: STRICT,
    code: code`
      <script setup lang="ts">
      import { onMounted } from "vue";
      let observer: MutationObserver | undefined;
      onMounted(() => {
        observer = new MutationObserver(() => console.log("changed"));
        observer.observe(document.body, { childList: true });
      });
      function stopWatching() {
        observer?.disconnect();
      }
      </script>
      <template><button @click="stopWatching">stop</button></template>
    `,
    errors: [{ messageId: "notReleasedInTeardown", line: 5 }],
  },
  {
    rule: "no-leaked-observer",
    name: "Options API: observer on the column it sits in, kept on this.ro, no teardown",
    filename: SFC,
    code: code`
      <script>
      export default {
        mounted() {
          this.ro = new ResizeObserver(() => this.$emit("resize"));
          this.ro.observe(this.$el.closest(".dashboard-column"));
        },
      };
      </script>
      <template><div /></template>
    `,
    errors: [{ messageId: "neverReleased", line: 4 }],
    fixed: { from: "  },\n};", to: "  },\n  beforeUnmount() {\n    this.ro.disconnect();\n  },\n};" },
  },
  {
    rule: "no-unrevoked-object-url",
    name: "object URL made in onMounted and never revoked",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, ref } from "vue";
      const props = defineProps<{ file: Blob }>();
      const src = ref("");
      onMounted(() => {
        const url = URL.createObjectURL(props.file);
        src.value = url;
      });
      </script>
      <template><img :src="src" /></template>
    `,
    errors: [{ messageId: "urlNeverRevoked", line: 6 }],
  },
  {
    rule: "no-leaked-subscription",
    name: "RxJS subscription in onMounted, never unsubscribed",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, ref } from "vue";
      import { interval } from "rxjs";
      const n = ref(0);
      onMounted(() => {
        interval(1000).subscribe((value) => (n.value = value));
      });
      </script>
      <template><b>{{ n }}</b></template>
    `,
    errors: [{ messageId: "discarded", line: 6 }],
  },
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened in onMounted, never closed",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, ref } from "vue";
      const last = ref("");
      let socket: WebSocket | undefined;
      onMounted(() => {
        socket = new WebSocket("wss://example.test/feed");
        socket.onmessage = (event) => (last.value = String(event.data));
      });
      </script>
      <template><pre>{{ last }}</pre></template>
    `,
    errors: [{ messageId: "neverReleased", line: 6 }],
  },
  // ---------------------------------------------------------------------------
  // Watchers started outside the synchronous setup, async setups
  {
    rule: "no-leaked-subscription",
    name: "async setup(): a watcher after the await is never stopped",
    filename: "Profile.ts",
    code: code`
      import { defineComponent, ref, watch } from "vue";
      export default defineComponent({
        async setup() {
          const profile = ref(await (await fetch("/api/me")).json());
          watch(profile, (value) => fetch("/api/me", { method: "PUT", body: JSON.stringify(value) }), { deep: true });
          return { profile };
        },
      });
    `,
    errors: [{ messageId: "discarded", line: 5 }],
    fixed: [
      { from: "import { defineComponent, ref, watch }", to: "import { defineComponent, onUnmounted, ref, watch, type WatchStopHandle }" },
      { from: "    const profile = ref(", to: "    let stop: WatchStopHandle | undefined;\n    onUnmounted(() => stop?.());\n    const profile = ref(" },
      { from: "    watch(profile,", to: "    stop = watch(profile," },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "script setup: watchEffect started in a timeout is never stopped",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { ref, watchEffect } from "vue";
      const query = ref("");
      setTimeout(() => {
        watchEffect(() => (document.title = query.value ? query.value + " – Search" : "Search"));
      }, 300);
      </script>
      <template><input v-model="query" /></template>
    `,
    errors: [{ messageId: "discarded", line: 5 }],
    fixed: [
      { from: "import { ref, watchEffect }", to: "import { onUnmounted, ref, watchEffect }" },
      { from: "  watchEffect(() =>", to: "  stop = watchEffect(() =>" },
      { from: "setTimeout(() => {", to: "let stop: (() => void) | undefined;\nonUnmounted(() => stop?.());\nsetTimeout(() => {" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "setup(): a watcher started in a .then callback is never stopped",
    filename: "Cart.ts",
    code: code`
      import { defineComponent, ref, watch } from "vue";
      export default defineComponent({
        setup() {
          const items = ref<string[]>([]);
          fetch("/api/cart")
            .then((response) => response.json())
            .then((saved) => {
              items.value = saved;
              watch(items, (value) => localStorage.setItem("cart", JSON.stringify(value)), { deep: true });
            });
          return { items };
        },
      });
    `,
    errors: [{ messageId: "discarded", line: 9 }],
    fixed: [
      { from: "import { defineComponent, ref, watch }", to: "import { defineComponent, onUnmounted, ref, watch }" },
      { from: "        watch(items,", to: "        stopSaving = watch(items," },
      { from: "    const items = ref<string[]>([]);", to: "    const items = ref<string[]>([]);\n    let stopSaving = () => {};\n    onUnmounted(() => stopSaving());" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "async composable: a watcher after its await is never stopped",
    filename: "useRemoteConfig.ts",
    code: code`
      import { ref, watch, type Ref } from "vue";
      export async function useRemoteConfig(env: Ref<string>) {
        const config = ref(await (await fetch("/config/" + env.value)).json());
        watch(env, async (name) => (config.value = await (await fetch("/config/" + name)).json()));
        return config;
      }
    `,
    errors: [{ messageId: "discarded", line: 4 }],
    fixed: [
      { from: "import { ref, watch, type Ref }", to: "import { onScopeDispose, ref, watch, type Ref }" },
      { from: "  const config = ref(", to: "  let stop = () => {};\n  onScopeDispose(() => stop());\n  const config = ref(" },
      { from: "  watch(env,", to: "  stop = watch(env," },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "async onMounted: a watcher after the await is never stopped",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { onMounted, ref, watch } from "vue";
      const zoom = ref(1);
      onMounted(async () => {
        const { default: Chart } = await import("./chart.js");
        const chart = new Chart("#chart");
        watch(zoom, (value) => chart.zoom(value), { immediate: true });
      });
      </script>
      <template><canvas id="chart" /><input v-model.number="zoom" type="range" /></template>
    `,
    errors: [{ messageId: "discarded", line: 7 }],
    fixed: [
      { from: "import { onMounted, ref, watch }", to: "import { onMounted, onUnmounted, ref, watch }" },
      { from: "const zoom = ref(1);", to: "const zoom = ref(1);\nlet stopZoom = () => {};\nonUnmounted(() => stopZoom());" },
      { from: "  watch(zoom,", to: "  stopZoom = watch(zoom," },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "nextTick callback starts a watcher that is never stopped",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { nextTick, ref, useTemplateRef, watch } from "vue";
      const messages = ref<string[]>([]);
      const log = useTemplateRef<HTMLElement>("log");
      nextTick(() => {
        watch(() => messages.value.length, () => log.value?.scrollTo({ top: log.value.scrollHeight }));
      });
      </script>
      <template><section ref="log"><p v-for="m in messages">{{ m }}</p></section></template>
    `,
    errors: [{ messageId: "discarded", line: 6 }],
    fixed: [
      { from: "nextTick(() => {\n  watch(", to: "watch(" },
      { from: "scrollHeight }));\n});", to: "scrollHeight }));" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "script setup: stop handle of a timeout's watcher kept but never called",
    filename: SFC,
    code: code`
      <script setup lang="ts">
      import { ref, watchEffect } from "vue";
      const query = ref("");
      let stop: (() => void) | undefined;
      setTimeout(() => {
        stop = watchEffect(() => (document.title = query.value || "Search"));
      }, 300);
      </script>
      <template><input v-model="query" /></template>
    `,
    errors: [{ messageId: "neverReleased", line: 6 }],
    fixed: [
      { from: "import { ref, watchEffect }", to: "import { onUnmounted, ref, watchEffect }" },
      { from: "</script>", to: "onUnmounted(() => stop?.());\n</script>" },
    ],
  },
  {
    rule: "no-leaked-subscription",
    name: "async setup(): onUnmounted registered after the await never runs, so the watcher is not stopped",
    filename: "Profile.ts",
    options: STRICT,
    code: code`
      import { defineComponent, onUnmounted, ref, watch } from "vue";
      export default defineComponent({
        async setup() {
          const profile = ref(await (await fetch("/api/me")).json());
          const stopSync = watch(profile, (value) => fetch("/api/me", { method: "PUT", body: JSON.stringify(value) }), { deep: true });
          onUnmounted(() => stopSync());
          return { profile };
        },
      });
    `,
    errors: [{ messageId: "notReleasedInTeardown", line: 5 }],
    fixed: [
      { from: "    const stopSync = watch(", to: "    stopSync = watch(" },
      { from: "\n    onUnmounted(() => stopSync());", to: "" },
      { from: "    const profile = ref(", to: "    let stopSync = () => {};\n    onUnmounted(() => stopSync());\n    const profile = ref(" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "async setup(): onUnmounted registered after the await never runs, so the interval is not cleared",
    filename: "Rates.ts",
    options: STRICT,
    code: code`
      import { defineComponent, onUnmounted, ref } from "vue";
      export default defineComponent({
        async setup() {
          const rates = ref(await (await fetch("/api/rates")).json());
          const timer = setInterval(async () => (rates.value = await (await fetch("/api/rates")).json()), 60_000);
          onUnmounted(() => clearInterval(timer));
          return { rates };
        },
      });
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 5 }],
    fixed: [
      { from: "    const timer = setInterval(", to: "    timer = setInterval(" },
      { from: "\n    onUnmounted(() => clearInterval(timer));", to: "" },
      { from: "    const rates = ref(", to: "    let timer: ReturnType<typeof setInterval> | undefined;\n    onUnmounted(() => clearInterval(timer));\n    const rates = ref(" },
    ],
  },
];

// Valid code (and every fixed variant) stays valid under the strict preset too: it only adds
// "released elsewhere" findings. Trap-removed variants are linted with it as well.
const strict = <C extends FrameworkCase>(c: C): C => ({ options: STRICT, ...c });
const [allValid, allInvalid] = withVariants(valid.map(strict), invalid);
runFrameworkCases(allValid.map(strict), allInvalid);
