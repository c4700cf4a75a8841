import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-leaked-event-listener.js";
import { gradedCases } from "./graded.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Strips the first newline and the common indentation, so line 1 is the first line of code. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, "").replace(/\n\s*$/, "\n");
  const lines = raw.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

// ---------------------------------------------------------------------------
// Real-code shapes (bench review: hls.js, three.js, leaflet, ol, react-use, @mantine/hooks,
// ws, mqtt). Each listener below has a release somewhere in the file, but not on its owner's
// end, or one the rule cannot prove is this listener's (a loop over stored targets, a handler
// read back from a record). By default they are not reported; with `reportProbable`
// (the strict preset) they are, with the same messages as before the option existed.
const releasedElsewhere = [
  {
    name: "drag listeners added on pointerdown, removed on pointerup (not in dispose)",
    code: code`
      export class Slider {
        constructor(host) {
          this.track = document.createElement("div");
          host.appendChild(this.track);
          this.onDown = this.onDown.bind(this);
          this.onMove = this.onMove.bind(this);
          this.onUp = this.onUp.bind(this);
          this.track.addEventListener("pointerdown", this.onDown);
        }
        onDown() {
          document.addEventListener("pointermove", this.onMove);
          document.addEventListener("pointerup", this.onUp);
        }
        onMove(event) {
          this.value = event.clientX;
        }
        onUp() {
          document.removeEventListener("pointermove", this.onMove);
          document.removeEventListener("pointerup", this.onUp);
        }
        dispose() {
          this.track.remove();
        }
      }
    `,
    errors: [
      { messageId: "listenerNotRemovedInTeardown" as const, line: 11 },
      { messageId: "listenerNotRemovedInTeardown" as const, line: 12 },
    ],
  },
  {
    name: "media listeners removed by a detach handler that runs before destroy()",
    code: code`
      export class BufferController {
        constructor(hls) {
          this.hls = hls;
        }
        onMediaAttached(media) {
          this.media = media;
          media.addEventListener("seeking", this.onMediaSeeking);
          media.addEventListener("ended", this.onMediaEnded);
        }
        onMediaDetaching() {
          this.media.removeEventListener("seeking", this.onMediaSeeking);
          this.media.removeEventListener("ended", this.onMediaEnded);
          this.media = null;
        }
        onMediaSeeking = () => this.hls.trigger("seeking");
        onMediaEnded = () => this.hls.trigger("ended");
        destroy() {
          this.hls = null;
        }
      }
    `,
    errors: [
      { messageId: "listenerNotRemovedInTeardown" as const, line: 7 },
      { messageId: "listenerNotRemovedInTeardown" as const, line: 8 },
    ],
  },
  {
    name: "removed through a loop over the stored [target, handler] pairs",
    code: code`
      export class KeyboardShortcuts {
        constructor() {
          this.bindings = [];
        }
        listen(target, handler) {
          target.addEventListener("keydown", handler);
          this.bindings.push([target, handler]);
        }
        dispose() {
          for (const [target, handler] of this.bindings) target.removeEventListener("keydown", handler);
          this.bindings.length = 0;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved" as const, line: 6 }],
  },
  {
    name: "removed through a loop over stored records with a dynamic event type",
    code: code`
      export class DomBindings {
        constructor() {
          this.records = [];
        }
        on(target, type, listener) {
          target.addEventListener(type, listener);
          this.records.push({ target, type, listener });
        }
        dispose() {
          for (const { target, type, listener } of this.records) target.removeEventListener(type, listener);
          this.records = [];
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved" as const, line: 6 }],
  },
  {
    name: "handler read back from a data record (data.onDispose) for the removal",
    code: code`
      export class WebGLTextures {
        constructor(properties) {
          this.properties = properties;
        }
        upload(texture) {
          const data = this.properties.get(texture);
          if (data.initialized) return;
          data.initialized = true;
          data.onDispose = () => this.release(texture);
          texture.addEventListener("dispose", data.onDispose);
        }
        release(texture) {
          const data = this.properties.get(texture);
          texture.removeEventListener("dispose", data.onDispose);
          this.properties.remove(texture);
        }
        dispose() {
          this.properties = null;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved" as const, line: 10 }],
  },
  {
    name: "a local handler kept in a record, removed through the record",
    code: code`
      export class WebGLAttributes {
        constructor(properties) {
          this.properties = properties;
        }
        upload(attribute) {
          const onDispose = () => this.release(attribute);
          this.properties.update(attribute, { onDispose });
          attribute.addEventListener("dispose", onDispose);
        }
        release(attribute) {
          const data = this.properties.get(attribute);
          attribute.removeEventListener("dispose", data.onDispose);
        }
        dispose() {
          this.properties = null;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved" as const, line: 8 }],
  },
  {
    name: "self-removing 'dispose' listener: removed from event.target when it fires",
    code: code`
      export class GeometryCache {
        constructor(properties) {
          this.properties = properties;
          this.onGeometryDispose = this.onGeometryDispose.bind(this);
        }
        update(geometry) {
          const data = this.properties.get(geometry);
          if (data.buffer) return;
          data.buffer = upload(geometry);
          geometry.addEventListener("dispose", this.onGeometryDispose);
        }
        onGeometryDispose(event) {
          const geometry = event.target;
          geometry.removeEventListener("dispose", this.onGeometryDispose);
          this.properties.remove(geometry);
        }
        dispose() {
          this.properties = null;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved" as const, line: 10 }],
  },
  {
    name: "added per widget in a forEach, removed per widget by another exported function",
    code: code`
      export function bindAll(widgets) {
        widgets.forEach((widget) => window.addEventListener("resize", widget.onResize));
      }
      export function unbindAll(widgets) {
        widgets.forEach((widget) => window.removeEventListener("resize", widget.onResize));
      }
    `,
    errors: [{ messageId: "listenerAddedRepeatedly" as const, line: 2 }],
  },
];

// Targets the owner made or keeps as its own children (no removal needed), handlers and
// targets matched through the `this` field they were kept in, and `this` resolved as the
// object literal (Leaflet), the outer instance (`this.dispose = function`) or as unknown
// (a plain function run by an emitter). Not reported in either mode.
const ownedOrMatched = [
  {
    name: "a local whose every write is a creation (let cue; cue = new VTTCue())",
    code: code`
      export class CaptionRenderer {
        constructor(track) {
          this.track = track;
        }
        addCue(start, end, text) {
          let cue;
          if (typeof VTTCue === "function") cue = new VTTCue(start, end, text);
          else cue = new TextTrackCue(start, end, text);
          cue.addEventListener("enter", this.onCueEnter);
          this.track.addCue(cue);
        }
        onCueEnter = () => {
          this.track.mode = "showing";
        };
        destroy() {
          this.track = null;
        }
      }
    `,
  },
  {
    name: "a chained creation (const hls = this.hls = new Hls())",
    code: code`
      export class StreamPlayer {
        attach(video, url) {
          const hls = this.hls = new Hls({ lowLatencyMode: true });
          hls.on(Events.ERROR, this.onError);
          hls.loadSource(url);
          hls.attachMedia(video);
        }
        onError = (event, data) => console.warn(data.details);
        destroy() {
          this.hls?.destroy();
        }
      }
    `,
  },
  {
    name: "a const alias of a member of something created (item.domElement.firstChild)",
    code: code`
      export class MenuList {
        constructor() {
          this.items = [];
        }
        addItem(label) {
          const item = new MenuItem(label);
          const row = item.domElement.firstChild;
          row.addEventListener("click", this.onRowClick);
          this.items.push(item);
        }
        onRowClick = (event) => this.select(event.currentTarget);
        select(row) {}
        dispose() {
          this.items.length = 0;
        }
      }
    `,
  },
  {
    name: "a lookup inside a panel the class created (this.panel.querySelector)",
    code: code`
      export class SettingsPanel {
        constructor() {
          this.panel = document.createElement("div");
          this.panel.innerHTML = '<button class="close">x</button>';
        }
        open() {
          const close = this.panel.querySelector(".close");
          close.addEventListener("click", this.onClose);
        }
        onClose = () => this.panel.remove();
        dispose() {
          this.panel.remove();
        }
      }
    `,
  },
  {
    name: "a method parameter that every call in the class passes a created button",
    code: code`
      export class Toolbar {
        constructor(root) {
          this.root = root;
          const undo = document.createElement("button");
          const redo = document.createElement("button");
          this.bindButton(undo, "undo");
          this.bindButton(redo, "redo");
        }
        bindButton(button, action) {
          button.addEventListener("click", () => this.run(action));
          this.root.append(button);
        }
        run(action) {}
        dispose() {
          this.root.replaceChildren();
        }
      }
    `,
  },
  {
    name: "a local function's parameter, called only with created elements",
    code: code`
      export class Legend {
        constructor(container, series) {
          this.container = container;
          const addEntry = (swatch, name) => {
            swatch.addEventListener("click", () => this.toggle(name));
            container.append(swatch);
          };
          for (const name of series) addEntry(document.createElement("span"), name);
        }
        toggle(name) {}
        dispose() {
          this.container.replaceChildren();
        }
      }
    `,
  },
  {
    name: "a canvas inserted into a wrapper the class created",
    code: code`
      export class Viewport {
        constructor(canvas) {
          const wrapper = document.createElement("div");
          wrapper.appendChild(canvas);
          this.wrapper = wrapper;
          canvas.addEventListener("wheel", this.onWheel);
        }
        onWheel = (event) => event.preventDefault();
        dispose() {
          this.wrapper.remove();
        }
      }
    `,
  },
  {
    name: "tabs kept in the owner's own dictionary (this.tabs[tab.id] = tab)",
    code: code`
      export class TabStrip {
        constructor() {
          this.tabs = {};
        }
        add(tab) {
          this.tabs[tab.id] = tab;
          tab.addEventListener("close", this.onTabClose);
        }
        onTabClose = (event) => {
          delete this.tabs[event.target.id];
        };
        dispose() {
          this.tabs = {};
        }
      }
    `,
  },
  {
    name: "workers kept in the owner's own array (this.workers.push(w))",
    code: code`
      export class WorkerPool {
        constructor(size) {
          this.workers = [];
          for (let i = 0; i < size; i++) this.spawn(new URL("./worker.js", import.meta.url));
        }
        spawn(url) {
          const w = createWorker(url);
          this.workers.push(w);
          w.addEventListener("message", this.onMessage);
        }
        onMessage = (event) => this.resolve(event.data);
        resolve(data) {}
        destroy() {
          for (const w of this.workers) w.terminate();
        }
      }
    `,
  },
  {
    name: "layers kept in the owner's own Map (this.items.set(key, item))",
    code: code`
      export class LayerGroup {
        constructor() {
          this.items = new Map();
        }
        register(key, layer) {
          this.items.set(key, layer);
          layer.on("change", this.onLayerChange);
        }
        onLayerChange = () => this.render();
        render() {}
        dispose() {
          this.items.clear();
        }
      }
    `,
  },
  {
    name: "a member created through a local (const settings = new Settings(); this.settings = settings)",
    code: code`
      export class Editor {
        constructor() {
          const settings = new Settings();
          this.settings = settings;
          this.settings.addEventListener("change", this.onSettingsChange);
        }
        onSettingsChange = () => this.render();
        render() {}
        dispose() {
          this.render = null;
        }
      }
    `,
  },
  {
    name: "handler kept in a this field under another name, removed through the field",
    code: code`
      export class WebGLRenderer {
        constructor(canvas) {
          const onContextLost = (event) => {
            event.preventDefault();
            this.lost = true;
          };
          this._onContextLost = onContextLost;
          this.canvas = canvas;
          canvas.addEventListener("webglcontextlost", onContextLost, false);
        }
        dispose() {
          this.canvas.removeEventListener("webglcontextlost", this._onContextLost, false);
        }
      }
    `,
  },
  {
    name: "target reached through a parameter kept in a field (renderer.domElement)",
    code: code`
      export class OrbitControls {
        constructor(camera, renderer) {
          this.camera = camera;
          this.renderer = renderer;
          this.onPointerMove = this.onPointerMove.bind(this);
          renderer.domElement.addEventListener("pointermove", this.onPointerMove);
        }
        onPointerMove(event) {}
        dispose() {
          this.renderer.domElement.removeEventListener("pointermove", this.onPointerMove);
        }
      }
    `,
  },
  {
    name: "Leaflet-style object literal: onAdd and onRemove share one `this`",
    code: code`
      function onZoom() {}
      export const ScaleBar = Control.extend({
        onAdd: function (map) {
          this._map = map;
          map.on("zoomend", onZoom);
          return this._container;
        },
        onRemove: function () {
          this._map.off("zoomend", onZoom);
        },
      });
    `,
  },
  {
    name: "ws-style: a plain function handler removes itself from `this` (the emitter)",
    code: code`
      export class WebSocket extends EventEmitter {
        setSocket(socket) {
          this._socket = socket;
          socket.on("close", socketOnClose);
          socket.on("data", socketOnData);
        }
        close() {
          this._socket.end();
        }
      }
      function socketOnClose() {
        this.removeListener("close", socketOnClose);
        this.removeListener("data", socketOnData);
      }
      function socketOnData(chunk) {
        this.push(chunk);
      }
    `,
  },
  {
    name: "HTMLMesh-style: `this` in `this.dispose = function () {}` is the instance",
    code: code`
      export class HTMLMesh extends Mesh {
        constructor(dom) {
          super();
          const material = new MeshBasicMaterial({ map: new HTMLTexture(dom) });
          function onEvent(event) {
            material.map.dispatchDOMEvent(event);
          }
          this.addEventListener("mousedown", onEvent);
          this.addEventListener("mouseup", onEvent);
          this.dispose = function () {
            material.map.dispose();
            material.dispose();
            this.removeEventListener("mousedown", onEvent);
            this.removeEventListener("mouseup", onEvent);
          };
        }
      }
    `,
  },
];

const { probable, checkRecommended } = gradedCases("no-leaked-event-listener");

ruleTester.run("no-leaked-event-listener", rule, {
  valid: [
    {
      // Joplin (sample E): the key is a loop variable, a new one in each loop; the loops match by table.
      name: "handlers added and removed by looping over the same table (for-in const keys)",
      code: code`
        export class Viewer {
          initWebview() {
            const wv = this.webviewRef.current;
            for (const n in this.listeners) {
              const fn = this.listeners[n];
              wv.addEventListener(n, fn);
            }
          }
          destroyWebview() {
            const wv = this.webviewRef.current;
            for (const n in this.listeners) {
              const fn = this.listeners[n];
              wv.removeEventListener(n, fn);
            }
          }
          componentWillUnmount() {
            this.destroyWebview();
          }
        }
      `,
    },
    {
      // proggy (sample E): the handler lives under a Symbol-keyed field.
      name: "a handler kept under a constant computed key is removed through the same key",
      code: code`
        const listener = Symbol("listener");
        export class Client {
          start() {
            this[listener] = (key, data) => this.update(key, data);
            process.on("progress", this[listener]);
          }
          stop() {
            process.removeListener("progress", this[listener]);
            this[listener] = null;
          }
        }
      `,
    },
    {
      // jsvectormap (sample D): `EventHandler.on(element, ...)` is a helper of the file whose body
      // adds to its parameter; the helper object is no event target.
      name: "a call of an object-literal helper named `on` is not a listener on the helper object",
      code: code`
        const EventHandler = {
          on(element, event, handler) {
            element.addEventListener(event, handler);
          },
        };
        export class Map {
          constructor(container) {
            this.container = container;
            ["click", "mousemove"].forEach((name) => {
              EventHandler.on(this.container, name, () => this.update());
            });
          }
          destroy() {}
        }
      `,
    },
    {
      name: "a handler kept in the owner's Map and removed by reading it back from the Map in the teardown",
      code: `
import { ThemeService } from "./theme.js";
export class BaseComponent {
  themeChangeListenerMap = new Map();
  ngOnInit() {
    this._themeChangeListener("_load", () => this.load());
  }
  _themeChangeListener(id, callback = () => {}) {
    this._offThemeChangeListener(id);
    const hold = callback.bind(this);
    this.themeChangeListenerMap.set(id, hold);
    ThemeService.on("theme:change", hold);
  }
  _offThemeChangeListener(id) {
    if (this.themeChangeListenerMap.has(id)) {
      ThemeService.off("theme:change", this.themeChangeListenerMap.get(id));
      this.themeChangeListenerMap.delete(id);
    }
  }
  ngOnDestroy() {
    this._offThemeChangeListener("_load");
  }
  load() {}
}`,
    },
    {
      name: "a listener added in a child's exit handler: exit fires once, so it is added once",
      code: `
import { spawn } from "node:child_process";
export function runChild(args) {
  const proc = spawn(process.execPath, args);
  proc.on("exit", (code) => {
    process.on("exit", () => {
      process.exitCode = code;
    });
  });
}`,
    },
    {
      name: "promise executor: resolve and reject handed to then(), and the cleanup chained with finally()",
      code: `
export function ask(prompt, rl, signal) {
  return new Promise((resolve, reject) => {
    const onForceClose = () => { rl.close(); };
    const onClose = () => {
      process.removeListener("exit", onForceClose);
      rl.close();
    };
    process.on("exit", onForceClose);
    const cleanup = () => { onClose(); };
    prompt.run().then(resolve, reject).finally(cleanup);
  });
}`,
    },
    {
      name: "promise executor: every settle path calls a cancel function declared first and assigned below",
      code: `
export class Updater {
  check() {
    return new Promise((resolve, reject) => {
      let cancel;
      const onNoUpdate = () => { cancel(); resolve(false); };
      const onUpdate = () => { cancel(); resolve(true); };
      const onError = (err) => { cancel(); reject(err); };
      cancel = () => {
        this.ipc.off("error", onError);
        this.ipc.off("none", onNoUpdate);
        this.ipc.off("available", onUpdate);
      };
      this.ipc.on("error", onError);
      this.ipc.on("none", onNoUpdate);
      this.ipc.on("available", onUpdate);
      this.ipc.send("check");
    });
  }
}`,
    },
    {
      name: "a handler bound and stored inside the add call, on a target the constructor keeps as a field, removed through both fields",
      code: `
export class MeasureWatcher {
  constructor(view) {
    this.view = view;
    view.win.addEventListener("resize", this.measureSoon = this.measureSoon.bind(this));
  }
  measureSoon() {}
  destroy() {
    this.view.win.removeEventListener("resize", this.measureSoon);
  }
}`,
    },
    {
      name: "emitter-style off(type) with no handler takes off every listener of that event",
      code: `
export default {
  mounted() {
    this.editor = createEditor(this.$el);
    this.editor.on("change", () => this.$emit("input", this.editor.getValue()));
  },
  beforeDestroy() {
    this.editor.off("change");
  },
};`,
    },
    {
      name: "a handed-in worker the teardown stops: its other listeners may go with it",
      code: `
export class PoolRunner {
  constructor(worker) {
    this.worker = worker;
  }
  async start() {
    await this.worker.start();
    this.worker.on("error", this.onError);
    this.worker.on("message", this.onMessage);
  }
  async stop() {
    this.worker.off("error", this.onError);
    await this.worker.stop();
  }
  onError = () => {};
  onMessage = () => {};
}`,
    },
    {
      name: "nodes inserted into each other: the holder search stops (no endless recursion)",
      code: `
export function link(a, b, h) {
  a.appendChild(b);
  b.appendChild(a);
  a.addEventListener("x", h);
}`,
    },
    {
      name: "promise executor: listeners on a child process the same call spawned into an empty let (let child = null; try { child = spawn() })",
      code: code`
        import { spawn } from "node:child_process";
        export function search(rgPath, args, didMatch) {
          let child = null;
          try {
            child = spawn(rgPath, args);
          } catch (err) {
            return Promise.reject(err);
          }
          return new Promise((resolve, reject) => {
            child.on("close", () => resolve());
            child.on("error", (err) => reject(err));
            child.stdout.on("data", (chunk) => didMatch(chunk));
          });
        }
      `,
    },
    {
      name: "promise executor: listeners on a tag the same operation made, assigned through a local in each branch",
      code: `
export function addStyle(url, content) {
  return new Promise((resolve, reject) => {
    let element;
    if (!url) {
      element = document.createElement("style");
      element.appendChild(document.createTextNode(content));
    } else {
      const link = document.createElement("link");
      link.href = url;
      element = link;
    }
    element.addEventListener("load", () => resolve(element), { once: true });
    element.addEventListener("error", () => reject(new Error("failed")), { once: true });
    document.head.appendChild(element);
  });
}`,
    },
    // A parameter may be `document` at run time: "added to another target" is only claimed
    // between fixed identities (globals, module bindings, \`this\` members).
    {
      name: "removal on a global when the add was on a parameter that may be that global",
      code: `
export function mount(root, onKey) {
  root["addEventListener"]("keydown", onKey);
  return () => document["removeEventListener"]("keydown", onKey);
}`,
    },
    // Found on three.js (Timer): the parameter is kept in \`this._document\` and removed from there.
    {
      name: "removal through the member a parameter was stored in",
      code: `
export class Timer {
  connect(document) {
    this._document = document;
    this._handler = handleVisibilityChange.bind(this);
    document.addEventListener("visibilitychange", this._handler, false);
  }
  disconnect() {
    this._document.removeEventListener("visibilitychange", this._handler);
  }
  dispose() { this.disconnect(); }
}`,
    },
    // Found on real code (hls.js): the add goes through `const hls = this.hls!`, the removal
    // through `const { hls } = this`; both are `this.hls`.
    {
      name: "removal through a destructured alias of the same member",
      code: `
class AbrController {
  constructor(private hls: Hls) { this.registerListeners(); }
  protected registerListeners() {
    const hls = this.hls!;
    hls.on(Events.FRAG_LOADED, this.onFragLoaded, this);
  }
  protected unregisterListeners() {
    const { hls } = this;
    if (!hls) return;
    hls.off(Events.FRAG_LOADED, this.onFragLoaded, this);
  }
  public destroy() { this.unregisterListeners(); }
  private onFragLoaded() {}
}`,
    },
    // ---------------------------------------------------------------------
    // Owners: React effects
    {
      name: "effect removes the same handler in its cleanup",
      code: code`
        function ResizeAware() {
          const [width, setWidth] = useState(window.innerWidth);
          useEffect(() => {
            const onResize = () => setWidth(window.innerWidth);
            window.addEventListener("resize", onResize);
            return () => window.removeEventListener("resize", onResize);
          }, []);
          return <div>{width}</div>;
        }
      `,
    },
    {
      name: "React.useEffect with a named cleanup function",
      code: code`
        export function ShortcutLayer({ onSave }) {
          React.useEffect(() => {
            function handleKey(event) {
              if (event.key === "s" && event.metaKey) onSave();
            }
            document.addEventListener("keydown", handleKey);
            function cleanup() {
              document.removeEventListener("keydown", handleKey);
            }
            return cleanup;
          }, [onSave]);
          return null;
        }
      `,
    },
    {
      name: "useLayoutEffect returning a disposer kept in a variable",
      code: code`
        function StickyHeader() {
          const [stuck, setStuck] = useState(false);
          useLayoutEffect(() => {
            const onScroll = () => setStuck(window.scrollY > 40);
            window.addEventListener("scroll", onScroll, { passive: true });
            const dispose = () => window.removeEventListener("scroll", onScroll, { passive: true });
            return dispose;
          }, []);
          return <header className={stuck ? "stuck" : ""} />;
        }
      `,
    },
    {
      name: "cleanup calls a local function that removes the listeners",
      code: code`
        function Drawer({ open, onClose }) {
          useEffect(() => {
            if (!open) return;
            const onKey = (e) => e.key === "Escape" && onClose();
            const onPointer = () => onClose();
            function detach() {
              document.removeEventListener("keydown", onKey);
              document.removeEventListener("pointerdown", onPointer, true);
            }
            document.addEventListener("keydown", onKey);
            document.addEventListener("pointerdown", onPointer, true);
            return () => detach();
          }, [open, onClose]);
          return open ? <aside /> : null;
        }
      `,
    },
    {
      name: "a { signal } whose controller the cleanup aborts",
      code: code`
        function useOnlineStatus() {
          const [online, setOnline] = useState(navigator.onLine);
          useEffect(() => {
            const controller = new AbortController();
            window.addEventListener("online", () => setOnline(true), { signal: controller.signal });
            window.addEventListener("offline", () => setOnline(false), { signal: controller.signal });
            return () => controller.abort();
          }, []);
          return online;
        }
      `,
    },
    {
      name: "{ once: true } for an event that fires for this target (the page load)",
      code: code`
        function Analytics() {
          useEffect(() => {
            window.addEventListener("load", () => track("page_loaded"), { once: true });
          }, []);
          return null;
        }
      `,
    },
    {
      name: "listeners on an Image the effect created",
      code: code`
        function Preview({ src }) {
          const [size, setSize] = useState(null);
          useEffect(() => {
            const img = new Image();
            img.addEventListener("load", () => setSize([img.naturalWidth, img.naturalHeight]));
            img.addEventListener("error", () => setSize(null));
            img.src = src;
          }, [src]);
          return size ? <span>{size.join("x")}</span> : null;
        }
      `,
    },
    {
      name: "listeners on a WebSocket the effect created and closes",
      code: code`
        function useTicker(url) {
          const [last, setLast] = useState(null);
          useEffect(() => {
            const ws = new WebSocket(url);
            ws.addEventListener("message", (event) => setLast(JSON.parse(event.data)));
            return () => ws.close();
          }, [url]);
          return last;
        }
      `,
    },
    {
      name: "ref element captured in the effect and removed through the same variable",
      code: code`
        function Canvas() {
          const ref = useRef(null);
          useEffect(() => {
            const el = ref.current;
            const onWheel = (e) => e.preventDefault();
            el.addEventListener("wheel", onWheel, { passive: false });
            return () => el.removeEventListener("wheel", onWheel);
          }, []);
          return <canvas ref={ref} />;
        }
      `,
    },
    {
      name: "optional chaining on both calls",
      code: code`
        function Video({ onEnd }) {
          const ref = useRef(null);
          useEffect(() => {
            ref.current?.addEventListener("ended", onEnd);
            return () => ref.current?.removeEventListener("ended", onEnd);
          }, [onEnd]);
          return <video ref={ref} />;
        }
      `,
    },
    {
      name: "generic useEventListener hook: dynamic type and handler, removed in cleanup",
      code: code`
        export function useEventListener(target, type, handler, options) {
          const saved = useRef(handler);
          useEffect(() => {
            saved.current = handler;
          }, [handler]);
          useEffect(() => {
            const listener = (event) => saved.current(event);
            target.addEventListener(type, listener, options);
            return () => target.removeEventListener(type, listener, options);
          }, [target, type, options]);
        }
      `,
    },
    {
      name: "socket.io-like `.on` on a socket the effect connected and disconnects",
      code: code`
        function Chat({ room }) {
          const [messages, setMessages] = useState([]);
          useEffect(() => {
            const socket = io("/chat", { query: { room } });
            socket.on("message", (m) => setMessages((all) => [...all, m]));
            return () => socket.disconnect();
          }, [room]);
          return <ul>{messages.map((m) => <li key={m.id}>{m.text}</li>)}</ul>;
        }
      `,
    },
    {
      name: "jQuery-like `.on`/`.off` on the same wrapped target",
      code: code`
        function LegacyCarousel() {
          useEffect(() => {
            const relayout = () => $(".carousel").slick("setPosition");
            $(window).on("resize", relayout);
            return () => {
              $(window).off("resize", relayout);
            };
          }, []);
          return <div className="carousel" />;
        }
      `,
    },
    {
      name: "useInsertionEffect that removes its listener",
      code: code`
        function useThemeSync(apply) {
          useInsertionEffect(() => {
            const query = window.matchMedia("(prefers-color-scheme: dark)");
            const onChange = (e) => apply(e.matches);
            query.addEventListener("change", onChange);
            return () => query.removeEventListener("change", onChange);
          }, [apply]);
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: React class components
    {
      name: "React class: componentDidMount / componentWillUnmount",
      code: code`
        class Viewport extends React.Component {
          state = { width: window.innerWidth };
          handleResize = () => this.setState({ width: window.innerWidth });
          componentDidMount() {
            window.addEventListener("resize", this.handleResize);
          }
          componentWillUnmount() {
            window.removeEventListener("resize", this.handleResize);
          }
          render() {
            return <div>{this.state.width}</div>;
          }
        }
      `,
    },
    {
      name: "React class: removal through an alias of the member",
      code: code`
        class ScrollSpy extends Component {
          onScroll = () => this.props.onChange(this.scroller.scrollTop);
          componentDidMount() {
            this.scroller = document.querySelector(".scroller");
            this.scroller.addEventListener("scroll", this.onScroll);
          }
          componentWillUnmount() {
            const el = this.scroller;
            el.removeEventListener("scroll", this.onScroll);
          }
          render() {
            return null;
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: Web Components
    {
      name: "web component listening to itself and its shadow root",
      code: code`
        class ToggleButton extends HTMLElement {
          connectedCallback() {
            this.attachShadow({ mode: "open" }).innerHTML = "<button><slot></slot></button>";
            this.addEventListener("click", this.#toggle);
            this.shadowRoot.addEventListener("keydown", this.#onKey);
          }
          #toggle = () => this.toggleAttribute("pressed");
          #onKey = (e) => e.key === " " && this.#toggle();
        }
        customElements.define("toggle-button", ToggleButton);
      `,
    },
    {
      name: "web component removes a document listener in a method disconnectedCallback calls",
      code: code`
        class OutsideClick extends HTMLElement {
          onDocClick = (event) => {
            if (!this.contains(event.target)) this.dispatchEvent(new Event("outside"));
          };
          connectedCallback() {
            document.addEventListener("click", this.onDocClick, { capture: true });
          }
          disconnectedCallback() {
            this.unbind();
          }
          unbind() {
            document.removeEventListener("click", this.onDocClick, { capture: true });
          }
        }
      `,
    },
    {
      name: "Lit element with a private #handler field",
      code: code`
        class ThemeWatcher extends LitElement {
          #onTheme = (e: Event) => this.requestUpdate();
          connectedCallback(): void {
            super.connectedCallback();
            window.addEventListener("theme-change", this.#onTheme);
          }
          disconnectedCallback(): void {
            window.removeEventListener("theme-change", this.#onTheme);
            super.disconnectedCallback();
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: Angular
    {
      name: "Angular component: ngOnInit / ngOnDestroy (decorators, TS)",
      code: code`
        @Component({ selector: "app-chart", template: "<canvas #c></canvas>" })
        export class ChartComponent implements OnInit, OnDestroy {
          @Input() data: number[] = [];
          private readonly onResize = (): void => this.redraw();
          ngOnInit(): void {
            window.addEventListener("resize", this.onResize);
          }
          ngOnDestroy(): void {
            window.removeEventListener("resize", this.onResize);
          }
          private redraw(): void {}
        }
      `,
    },
    {
      name: "Angular directive: constructor adds, ngOnDestroy removes",
      code: code`
        @Directive({ selector: "[appAutoClose]" })
        export class AutoCloseDirective implements OnDestroy {
          @Output() closed = new EventEmitter<void>();
          constructor(private readonly host: ElementRef<HTMLElement>) {
            document.addEventListener("keyup", this.onKeyUp);
          }
          onKeyUp = (e: KeyboardEvent): void => {
            if (e.key === "Escape") this.closed.emit();
          };
          ngOnDestroy(): void {
            document.removeEventListener("keyup", this.onKeyUp);
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: plain classes
    {
      name: "plain class: dispose() removes the emitter listener (the fixed price feed)",
      code: code`
        export class PriceFeed {
          constructor(symbol) {
            this.symbol = symbol;
            this.handleTick = this.handleTick.bind(this);
            marketData.on("tick", this.handleTick);
          }
          handleTick(tick) {
            if (tick.symbol === this.symbol) this.latest = tick.price;
          }
          dispose() {
            marketData.off("tick", this.handleTick);
          }
        }
      `,
    },
    {
      name: "plain class: [Symbol.dispose] removes the listener",
      code: code`
        export class HotkeyScope {
          #onKey = (e: KeyboardEvent) => this.bindings.get(e.key)?.();
          constructor(private readonly bindings: Map<string, () => void>) {
            document.addEventListener("keydown", this.#onKey);
          }
          [Symbol.dispose](): void {
            document.removeEventListener("keydown", this.#onKey);
          }
        }
      `,
    },
    {
      name: "teardownMethods option: shutdown() is the teardown and removes the listener",
      options: [{ teardownMethods: ["shutdown"] }],
      code: code`
        export class JobRunner {
          onSignal = () => this.shutdown();
          start() {
            process.on("SIGTERM", this.onSignal);
          }
          shutdown() {
            process.off("SIGTERM", this.onSignal);
            this.queue.drain();
          }
        }
      `,
    },
    {
      name: "plain class: removeAllListeners on the stream it was given, in destroy()",
      code: code`
        export class LineReader {
          constructor(stream) {
            this.stream = stream;
            this.stream.on("data", (chunk) => this.push(chunk));
            this.stream.on("end", () => this.flush());
          }
          destroy() {
            this.stream.removeAllListeners();
          }
        }
      `,
    },
    {
      name: "an event bus emptied with clear() in the teardown (mitt's all.clear(), an EventBus's clear())",
      code: code`
        import { ThemeService } from "@primeuix/styled";
        export class ThemeProvider {
          constructor() {
            ThemeService.on("theme:change", (theme) => this.apply(theme));
          }
          ngOnDestroy() {
            ThemeService.clear();
          }
        }
      `,
    },
    {
      name: "chained emitter calls act on the first receiver: .on(a, f).on(b, g) removed by .off(a, f).off(b, g)",
      code: code`
        export class Shutdown {
          start() {
            process.on("SIGINT", this.onInt).on("SIGTERM", this.onTerm);
          }
          stop() {
            process.off("SIGINT", this.onInt).off("SIGTERM", this.onTerm);
          }
        }
      `,
    },
    {
      name: "plain class: listeners on an element it created (member and class field)",
      code: code`
        export class Toast {
          closeButton = document.createElement("button");
          constructor(message) {
            this.el = document.createElement("div");
            this.el.textContent = message;
            this.el.addEventListener("click", () => this.el.remove());
            this.closeButton.addEventListener("click", () => this.dismiss());
          }
          dismiss() {
            this.el.remove();
          }
        }
      `,
    },
    {
      name: "class extending EventEmitter listens to itself",
      code: code`
        export class Store extends EventEmitter {
          constructor() {
            super();
            this.on("change", this.persist);
          }
          persist = () => localStorage.setItem("store", JSON.stringify(this.state));
          destroy() {
            this.state = null;
          }
        }
      `,
    },
    {
      name: "plain class without a teardown, listening to an element its caller owns",
      code: code`
        export class FormValidator {
          constructor(form) {
            form.addEventListener("submit", (e) => this.validate(e));
          }
          validate(e) {}
        }
      `,
    },
    {
      name: "signal received from the caller of a class method",
      code: code`
        export class Layout {
          onResize = () => this.measure();
          watch(signal) {
            window.addEventListener("resize", this.onResize, { signal });
          }
          dispose() {}
        }
      `,
    },
    {
      name: "a client the class connects and closes in its teardown",
      code: code`
        export class Presence {
          constructor(url) {
            this.client = connectRealtime(url);
            this.client.on("presence", (p) => this.render(p));
          }
          close() {
            this.client.close();
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: promise executors
    {
      name: "executor removes both listeners on every settle path (the fixed worker task)",
      code: code`
        export function runTask(worker, task) {
          return new Promise((resolve, reject) => {
            const onMessage = (event) => {
              cleanup();
              resolve(event.data);
            };
            const onError = (event) => {
              cleanup();
              reject(event.error);
            };
            const cleanup = () => {
              worker.removeEventListener("message", onMessage);
              worker.removeEventListener("error", onError);
            };
            worker.addEventListener("message", onMessage, { once: true });
            worker.addEventListener("error", onError, { once: true });
            worker.postMessage(task);
          });
        }
      `,
    },
    {
      name: "executor with a single once listener",
      code: code`
        export const ready = (server) => new Promise((resolve) => server.once("listening", resolve));
      `,
    },
    {
      name: "executor on an Image it created",
      code: code`
        export function loadImage(url) {
          return new Promise((resolve, reject) => {
            const img = new Image();
            img.addEventListener("load", () => resolve(img));
            img.addEventListener("error", reject);
            img.src = url;
          });
        }
      `,
    },
    {
      name: "executor aborts a shared controller on every settle path",
      code: code`
        export function waitForConnection(socket, ms) {
          return new Promise((resolve, reject) => {
            const controller = new AbortController();
            const timer = setTimeout(() => {
              controller.abort();
              reject(new Error("timeout"));
            }, ms);
            socket.addEventListener("open", () => {
              clearTimeout(timer);
              controller.abort();
              resolve(socket);
            }, { signal: controller.signal });
            socket.addEventListener("error", (e) => {
              clearTimeout(timer);
              controller.abort();
              reject(e);
            }, { signal: controller.signal });
          });
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: plain functions
    {
      name: "function returns a disposer",
      code: code`
        export function onVisibilityChange(callback) {
          const listener = () => callback(document.visibilityState);
          document.addEventListener("visibilitychange", listener);
          return () => document.removeEventListener("visibilitychange", listener);
        }
      `,
    },
    {
      name: "per-request listener removed in finally (the fixed shutdown hook)",
      code: code`
        export const server = createServer(async (req, res) => {
          const job = { aborted: false };
          const abortOnShutdown = () => {
            job.aborted = true;
          };
          process.on("SIGTERM", abortOnShutdown);
          try {
            await streamExport(job, res);
          } finally {
            process.off("SIGTERM", abortOnShutdown);
          }
        });
      `,
    },
    {
      name: "per-request listener removed in the same body",
      code: code`
        app.post("/upload", async (req, res) => {
          const onWarning = (w) => req.log.warn(w);
          process.on("warning", onWarning);
          await saveUpload(req);
          process.removeListener("warning", onWarning);
          res.sendStatus(201);
        });
      `,
    },
    {
      name: "abort listener on the caller's signal, removed in finally (the fixed callApi)",
      code: code`
        export async function callApi(path, { signal }) {
          const controller = new AbortController();
          const forwardAbort = () => controller.abort(signal.reason);
          signal.addEventListener("abort", forwardAbort, { once: true });
          try {
            return await transport(path, controller.signal);
          } finally {
            signal.removeEventListener("abort", forwardAbort);
          }
        }
      `,
    },
    {
      name: "abort listener on a fresh AbortSignal.timeout() signal is not the caller's",
      code: code`
        export async function withDeadline(work, ms) {
          const deadline = AbortSignal.timeout(ms);
          deadline.addEventListener("abort", () => metrics.increment("deadline_hit"));
          AbortSignal.timeout(ms).addEventListener("abort", () => log("slow"));
          return work(deadline);
        }
      `,
    },
    {
      name: "per-request listeners on the request itself",
      code: code`
        app.get("/events", (req, res) => {
          const unsubscribe = feed.subscribe((e) => res.write(e));
          req.on("close", unsubscribe);
        });
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: module
    {
      name: "module-level server and process listeners",
      code: code`
        import { createServer } from "node:http";
        const server = createServer();
        server.on("request", (req, res) => res.end("ok"));
        server.on("error", (err) => console.error(err));
        process.on("SIGTERM", () => server.close());
        window.addEventListener("unhandledrejection", (e) => report(e.reason));
      `,
    },
    {
      name: "module-level loop over elements wires each once",
      code: code`
        for (const tab of document.querySelectorAll("[role=tab]")) {
          tab.addEventListener("click", () => select(tab));
        }
      `,
    },

    // ---------------------------------------------------------------------
    // More owned targets and matching by reference
    {
      name: "web component: listeners on its own descendants (querySelector, forEach, for-of)",
      code: code`
        class TabList extends HTMLElement {
          connectedCallback() {
            this.querySelector("[data-next]").addEventListener("click", () => this.next());
            this.shadowRoot.querySelectorAll("button").forEach((button) => {
              button.addEventListener("click", () => this.select(button));
            });
            for (const link of this.querySelectorAll("a")) link.addEventListener("focus", this.onFocus);
          }
          disconnectedCallback() {}
        }
      `,
    },
    {
      name: "Lit element: listener on an element in its render root",
      code: code`
        class SearchField extends LitElement {
          firstUpdated(): void {
            (this.renderRoot.querySelector("input") as HTMLInputElement).addEventListener("input", this.onInput);
          }
          disconnectedCallback(): void {
            super.disconnectedCallback();
          }
          private onInput = (): void => this.requestUpdate();
        }
      `,
    },
    {
      name: "window and globalThis are the same target",
      code: code`
        function useMessages(onMessage) {
          useEffect(() => {
            window.addEventListener("message", onMessage);
            return () => globalThis.removeEventListener("message", onMessage);
          }, [onMessage]);
        }
      `,
    },
    {
      name: "`const { signal } = controller` aborted in the cleanup",
      code: code`
        function usePointerTrail(draw) {
          useEffect(() => {
            const controller = new AbortController();
            const { signal } = controller;
            document.addEventListener("pointermove", (e) => draw(e.clientX, e.clientY), { signal });
            return () => controller.abort();
          }, [draw]);
        }
      `,
    },
    {
      name: "drag: added in pointerdown, removed in pointerup (component callbacks)",
      code: code`
        function Slider({ onChange }) {
          const onMove = useCallback((e) => onChange(e.clientX), [onChange]);
          const onUp = useCallback(() => {
            document.removeEventListener("pointermove", onMove);
            document.removeEventListener("pointerup", onUp);
          }, [onMove]);
          const onDown = () => {
            document.addEventListener("pointermove", onMove);
            document.addEventListener("pointerup", onUp);
          };
          return <div role="slider" onPointerDown={onDown} />;
        }
      `,
    },
    {
      name: "web component: a private method called from disconnectedCallback removes",
      code: code`
        class ColorScheme extends HTMLElement {
          #query = matchMedia("(prefers-color-scheme: dark)");
          #onChange = () => this.toggleAttribute("dark", this.#query.matches);
          connectedCallback() {
            this.#query.addEventListener("change", this.#onChange);
          }
          disconnectedCallback() {
            this.#unbind();
          }
          #unbind() {
            this.#query.removeEventListener("change", this.#onChange);
          }
        }
      `,
    },
    {
      name: "TS casts and non-null assertions do not change the target",
      code: code`
        export class Resizer {
          private onResize = (): void => this.fit();
          constructor(private readonly host: HTMLElement) {
            (window as Window).addEventListener("resize", this.onResize);
            this.host.ownerDocument!.defaultView!.addEventListener("orientationchange", this.onResize);
          }
          dispose(): void {
            window.removeEventListener("resize", this.onResize);
            this.host.ownerDocument!.defaultView!.removeEventListener("orientationchange", this.onResize);
          }
          fit(): void {}
        }
      `,
    },
    {
      name: "startup function that runs once adds process listeners",
      code: code`
        export async function main() {
          const server = await startServer();
          process.on("SIGINT", () => server.close());
          process.on("SIGTERM", () => server.close());
        }
      `,
    },
    {
      // Deliberate limitation: `once` is trusted. 'exit' fires only when the process ends, so
      // this does pile up one listener per request; the rule cannot know which events fire soon.
      name: "limitation: a per-request process.once('exit') is trusted",
      code: code`
        app.get("/tmp-file", async (req, res) => {
          const file = await makeTempFile();
          process.once("exit", () => fs.rmSync(file));
          res.sendFile(file);
        });
      `,
    },

    // ---------------------------------------------------------------------
    // False-alarm traps
    {
      name: "loop variable named `window` is not the global",
      code: code`
        export function broadcastTheme(popups, theme) {
          for (const window of popups) {
            window.addEventListener("message", (e) => e.data === "ready" && window.postMessage(theme));
          }
        }
      `,
    },
    {
      name: "a JSDOM `window` per request is created there, not the global",
      code: code`
        app.post("/render", (req, res) => {
          const { window } = new JSDOM(req.body.html);
          window.addEventListener("error", (e) => req.log.warn(e.message));
          res.send(window.document.title);
        });
      `,
    },
    {
      name: "a parameter named `document` in an interval callback",
      code: code`
        export function watch(document) {
          setInterval(() => {
            document.addEventListener("change", sync);
          }, 1000);
        }
      `,
    },
    {
      name: "component callback attaches to an element it was handed",
      code: code`
        function Upload() {
          const onPick = (input) => {
            input.addEventListener("change", () => upload(input.files[0]));
          };
          return <FilePicker onReady={onPick} />;
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Syntax: computed members, spread and missing arguments (must not crash)
    {
      name: "computed member names for add and remove",
      code: code`
        function Zoom() {
          useEffect(() => {
            const onWheel = (e) => zoom(e.deltaY);
            window["addEventListener"]("wheel", onWheel);
            return () => window["removeEventListener"]("wheel", onWheel);
          }, []);
          return null;
        }
      `,
    },
    {
      name: "spread arguments and missing arguments",
      code: code`
        export function forward(target, ...args) {
          target.addEventListener(...args);
          target.removeEventListener();
          window.removeEventListener("resize");
          window.addEventListener("resize");
          window.addEventListener(type, ...handlers);
        }
      `,
    },
    {
      name: "JS file (espree-compatible syntax) with a cleaned-up effect",
      filename: "file.jsx",
      code: code`
        export default function Clock() {
          useEffect(function subscribe() {
            const tick = () => {};
            document.addEventListener("visibilitychange", tick);
            return function unsubscribe() {
              document.removeEventListener("visibilitychange", tick);
            };
          }, []);
          return <time />;
        }
      `,
    },
    // ---------------------------------------------------------------------
    // Real-code shapes (bench review): a release exists, but not on the owner's end or not
    // provably this one; not reported by default (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({ name: `released elsewhere: ${shape.name}`, code: shape.code })),
    // Real-code shapes (bench review): owned targets and `this` keys, in both modes.
    ...ownedOrMatched,
    ...ownedOrMatched.map((shape) => ({
      ...shape,
      name: `${shape.name} (reportProbable)`,
      options: [{ reportProbable: true }] as [{ reportProbable: boolean }],
    })),
  ],

  invalid: [
    {
      name: "a removal through another constant computed key is not this listener's",
      code: code`
        const listener = Symbol("listener");
        const other = Symbol("other");
        export class Client {
          start() {
            this[listener] = (key, data) => this.update(key, data);
            process.on("progress", this[listener]);
          }
          stop() {
            process.removeListener("progress", this[other]);
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
    probable({
      name: "a class declaration instantiated once at the module's top level, with no teardown, lives as long as the program",
      code: `
class Store {
  start() {
    window.addEventListener("resize", this.onResize);
  }
  onResize = () => {};
}
export const store = new Store();`,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    }),
    probable({
      name: "an empty error sink left on a connection being let go holds nothing",
      code: `
export class Reconnector {
  unbind() {
    const { model, onClose } = this.listeners;
    model.removeListener("close", onClose);
    model.on("error", () => {});
    this.listeners = null;
  }
  dispose() {
    this.unbind();
  }
}`,
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    }),
    probable({
      name: "a removal of this very listener that cannot match (capture differs) proves nothing about the target's lifetime",
      code: `
export class ScrollSpy {
  constructor(scroller) {
    this.scroller = scroller;
  }
  attach() {
    this.scroller.addEventListener("scroll", this.onScroll, true);
  }
  detach() {
    this.scroller.removeEventListener("scroll", this.onScroll);
  }
  onScroll = () => {};
}`,
      errors: [
        { messageId: "listenerNeverRemoved", line: 7 },
        { messageId: "removalNeverMatches", line: 10 },
      ],
    }, [1]),
    {
      name: "a target handed in, from which stop() removes one listener but not the others: it outlives the owner",
      code: `
export class KeyboardNavigation {
  constructor(player) {
    this.player_ = player;
    this.onKeyDown_ = (event) => this.handleKey(event);
  }
  start() {
    this.player_.on("keydown", this.onKeyDown_);
    this.player_.on("modalKeydown", this.onKeyDown_);
    this.player_.on("modalclose", () => this.refocus());
  }
  stop() {
    this.player_.off("keydown", this.onKeyDown_);
  }
  handleKey() {}
  refocus() {}
}`,
      errors: [
        { messageId: "listenerNeverRemoved", line: 9 },
        { messageId: "listenerNeverRemoved", line: 10 },
      ],
    },
    probable({
      name: "a target handed in, and a teardown that removes nothing from it: its lifetime is unknown",
      code: `
export class KeyboardNavigation {
  constructor(player) {
    this.player_ = player;
  }
  start() {
    this.player_.on("modalclose", () => this.refocus());
  }
  stop() {
    this.active = false;
  }
  refocus() {}
}`,
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    }),
    probable({
      name: "a destructured alias of a different member does not match",
      code: `
class Player {
  attach() {
    const media = this.media;
    media.addEventListener("seeking", this.onSeeking);
  }
  destroy() {
    const { video } = this;
    video.removeEventListener("seeking", this.onSeeking);
  }
  onSeeking = () => {};
}`,
      errors: [
        { messageId: "listenerNeverRemoved", line: 5 },
        { messageId: "removalNeverMatches", line: 9 },
      ],
    }),
    // ---------------------------------------------------------------------
    // Owners: React effects
    {
      name: "effect without cleanup (the leaky resize panel)",
      code: code`
        export function ResizePanel() {
          const [compact, setCompact] = useState(false);
          useEffect(() => {
            function handleResize() {
              setCompact(window.innerWidth < 640);
            }
            window.addEventListener("resize", handleResize);
            handleResize();
          }, []);
          return <section className={compact ? "compact" : ""} />;
        }
      `,
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 7,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                export function ResizePanel() {
                  const [compact, setCompact] = useState(false);
                  useEffect(() => {
                    function handleResize() {
                      setCompact(window.innerWidth < 640);
                    }
                    window.addEventListener("resize", handleResize);
                    handleResize();
                    return () => {
                      window.removeEventListener("resize", handleResize);
                    };
                  }, []);
                  return <section className={compact ? "compact" : ""} />;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "React.useEffect, capture listener without cleanup: the suggestion keeps the capture flag",
      code: code`
        function Modal({ onClose }) {
          React.useEffect(() => {
            const onFocus = (e) => trapFocus(e);
            document.addEventListener("focusin", onFocus, true);
          }, []);
          return <div role="dialog" />;
        }
      `,
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 4,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                function Modal({ onClose }) {
                  React.useEffect(() => {
                    const onFocus = (e) => trapFocus(e);
                    document.addEventListener("focusin", onFocus, true);
                    return () => {
                      document.removeEventListener("focusin", onFocus, true);
                    };
                  }, []);
                  return <div role="dialog" />;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "custom hook: dynamic type and handler without cleanup",
      code: code`
        export function useWindowEvent(type, handler) {
          useEffect(() => {
            window.addEventListener(type, handler);
          }, [type, handler]);
        }
      `,
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 3,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                export function useWindowEvent(type, handler) {
                  useEffect(() => {
                    window.addEventListener(type, handler);
                    return () => {
                      window.removeEventListener(type, handler);
                    };
                  }, [type, handler]);
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "emitter listener in an effect: the suggestion uses off()",
      code: code`
        function Notifications() {
          const [items, setItems] = useState([]);
          useEffect(() => {
            const onNotify = (n) => setItems((all) => [n, ...all]);
            notificationBus.on("notify", onNotify);
          }, []);
          return <ol>{items.map((n) => <li key={n.id}>{n.text}</li>)}</ol>;
        }
      `,
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 5,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                function Notifications() {
                  const [items, setItems] = useState([]);
                  useEffect(() => {
                    const onNotify = (n) => setItems((all) => [n, ...all]);
                    notificationBus.on("notify", onNotify);
                    return () => {
                      notificationBus.off("notify", onNotify);
                    };
                  }, []);
                  return <ol>{items.map((n) => <li key={n.id}>{n.text}</li>)}</ol>;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "cleanup removes a different handler",
      code: code`
        function InfiniteList({ loadMore }) {
          useLayoutEffect(() => {
            const onScroll = () => window.innerHeight + window.scrollY > document.body.offsetHeight - 200 && loadMore();
            window.addEventListener("scroll", onScroll);
            return () => window.removeEventListener("scroll", loadMore);
          }, [loadMore]);
          return null;
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
    {
      name: "inline handler added and an inline 'removal' in the cleanup",
      code: code`
        function Tracker() {
          useEffect(() => {
            document.addEventListener("click", (e) => track(e.target));
            return () => document.removeEventListener("click", (e) => track(e.target));
          }, []);
          return null;
        }
      `,
      errors: [
        { messageId: "listenerCannotBeRemoved", line: 3 },
        { messageId: "removalNeverMatches", line: 4 },
      ],
    },
    {
      name: "capture flag differs between add and remove",
      code: code`
        function Dropdown({ onClose }) {
          useEffect(() => {
            const onDown = (e) => onClose(e);
            document.addEventListener("mousedown", onDown, { capture: true });
            return () => document.removeEventListener("mousedown", onDown);
          }, [onClose]);
          return null;
        }
      `,
      errors: [
        { messageId: "listenerNeverRemoved", line: 4 },
        { messageId: "removalNeverMatches", line: 5 },
      ],
    },
    {
      name: "removal from a different target",
      code: code`
        function Hotkeys() {
          useEffect(() => {
            const onKey = (e) => dispatchShortcut(e);
            window.addEventListener("keydown", onKey);
            return () => document.removeEventListener("keydown", onKey);
          }, []);
          return null;
        }
      `,
      errors: [
        { messageId: "listenerNeverRemoved", line: 4 },
        { messageId: "removalNeverMatches", line: 5 },
      ],
    },
    {
      name: "{ signal } from a controller the effect never aborts",
      code: code`
        function Tilt() {
          useEffect(() => {
            const controller = new AbortController();
            window.addEventListener("deviceorientation", (e) => tilt(e.beta), { signal: controller.signal });
          }, []);
          return null;
        }
      `,
      errors: [{ messageId: "signalNeverAborted", line: 4 }],
    },
    {
      name: "a local function shadowing nothing: cleanup only clears a timer",
      code: code`
        function AutoSave({ save }) {
          useEffect(() => {
            const id = setInterval(save, 5000);
            window.addEventListener("beforeunload", save);
            return () => clearInterval(id);
          }, [save]);
          return null;
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
    {
      name: "useInsertionEffect on a matchMedia list without cleanup",
      code: code`
        function useDarkMode(apply) {
          useInsertionEffect(() => {
            window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", (e) => apply(e.matches));
          }, [apply]);
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 3 }],
    },
    {
      name: "optional chaining on a module-level client: disconnecting a shared client keeps the listener",
      code: code`
        import { presence } from "./realtime";
        function Cursor() {
          useEffect(() => {
            const onMove = (p) => draw(p);
            presence?.on("move", onMove);
            return () => presence?.disconnect?.();
          }, []);
          return <canvas />;
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },

    // ---------------------------------------------------------------------
    // Owners: render and component callbacks
    {
      name: "listener added during render",
      code: code`
        function ScrollProgress() {
          const [progress, setProgress] = useState(0);
          window.addEventListener("scroll", () => setProgress(window.scrollY / document.body.scrollHeight));
          return <progress value={progress} />;
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 3 }],
    },
    {
      name: "listener added from a component's event handler, never removed",
      code: code`
        function Splitter({ onResize }) {
          const onMove = (e) => onResize(e.clientX);
          const onPointerDown = () => {
            document.addEventListener("pointermove", onMove);
          };
          return <div className="splitter" onPointerDown={onPointerDown} />;
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },

    // ---------------------------------------------------------------------
    // Owners: React class components
    {
      name: "React class: componentWillUnmount forgets the listener",
      code: code`
        class Viewport extends React.Component {
          handleResize = () => this.setState({ width: window.innerWidth });
          componentDidMount() {
            window.addEventListener("resize", this.handleResize);
            this.timer = setInterval(this.poll, 1000);
          }
          componentWillUnmount() {
            clearInterval(this.timer);
          }
          render() {
            return null;
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "React class: removed in componentDidUpdate, not on unmount",
      code: code`
        class Tracker extends PureComponent {
          onScroll = () => this.props.onScroll(window.scrollY);
          componentDidMount() {
            window.addEventListener("scroll", this.onScroll);
          }
          componentDidUpdate(prev) {
            if (!this.props.enabled) window.removeEventListener("scroll", this.onScroll);
          }
          render() {
            return null;
          }
        }
      `,
      errors: [{ messageId: "listenerNotRemovedInTeardown", line: 4 }],
    },
    {
      name: "React class: `.bind(this)` at both calls",
      code: code`
        class Keyboard extends Component {
          onKey(e) {
            this.props.onKey(e.key);
          }
          componentDidMount() {
            document.addEventListener("keydown", this.onKey.bind(this));
          }
          componentWillUnmount() {
            document.removeEventListener("keydown", this.onKey.bind(this));
          }
          render() {
            return null;
          }
        }
      `,
      errors: [
        { messageId: "listenerCannotBeRemoved", line: 6 },
        { messageId: "removalNeverMatches", line: 9 },
      ],
    },

    // ---------------------------------------------------------------------
    // Owners: Web Components
    {
      name: "web component: disconnectedCallback forgets the document listener",
      code: code`
        class PopoverMenu extends HTMLElement {
          onDocClick = (e) => {
            if (!this.contains(e.target)) this.hide();
          };
          connectedCallback() {
            document.addEventListener("click", this.onDocClick);
          }
          disconnectedCallback() {
            this.hide();
          }
          hide() {
            this.removeAttribute("open");
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
    {
      name: "web component without a disconnectedCallback",
      code: code`
        customElements.define(
          "live-clock",
          class extends HTMLElement {
            connectedCallback() {
              window.addEventListener("timezonechange", () => this.render());
            }
            render() {}
          },
        );
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
    {
      name: "web component: signal of a member controller never aborted",
      code: code`
        class SearchBox extends HTMLElement {
          connectedCallback() {
            this.controller = new AbortController();
            window.addEventListener("keydown", (e) => e.key === "/" && this.focus(), { signal: this.controller.signal });
          }
          disconnectedCallback() {
            this.input = null;
          }
        }
      `,
      errors: [{ messageId: "signalNeverAborted", line: 4 }],
    },

    // ---------------------------------------------------------------------
    // Owners: Angular
    {
      name: "Angular component: ngOnDestroy does not remove the window listener",
      code: code`
        @Component({ selector: "app-map", template: "" })
        export class MapComponent implements OnInit, OnDestroy {
          private onResize = (): void => this.map.invalidateSize();
          ngOnInit(): void {
            window.addEventListener("resize", this.onResize);
          }
          ngOnDestroy(): void {
            this.map.remove();
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
    probable({
      name: "Angular service: constructor listener, no ngOnDestroy at all",
      code: code`
        @Injectable({ providedIn: "root" })
        export class IdleService {
          readonly idle$ = new BehaviorSubject(false);
          constructor(private zone: NgZone) {
            document.addEventListener("mousemove", () => this.idle$.next(false));
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    }),

    // ---------------------------------------------------------------------
    // Owners: plain classes
    {
      name: "plain class: dispose() forgets the emitter listener (the leaky price feed)",
      code: code`
        export class PriceFeed {
          #subscribers = new Set();
          constructor(symbol) {
            this.symbol = symbol;
            this.handleTick = this.handleTick.bind(this);
            marketData.on("tick", this.handleTick);
          }
          handleTick(tick) {}
          dispose() {
            this.#subscribers.clear();
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
    probable({
      name: "plain class without a teardown, listening to the window per instance",
      code: code`
        export class Tooltip {
          constructor(text) {
            this.text = text;
            window.addEventListener("scroll", this.reposition);
          }
          reposition = () => {};
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    }),
    {
      name: "teardownMethods option: the removal is in pause(), not in shutdown()",
      options: [{ reportProbable: true, teardownMethods: ["shutdown"] }],
      code: code`
        export class JobRunner {
          onSignal = () => this.shutdown();
          start() {
            process.on("SIGTERM", this.onSignal);
          }
          pause() {
            process.off("SIGTERM", this.onSignal);
          }
          shutdown() {
            this.queue.drain();
          }
        }
      `,
      errors: [{ messageId: "listenerNotRemovedInTeardown", line: 4 }],
    },
    {
      name: "plain class: private #handler removed for the wrong event type",
      code: code`
        export class Hotkeys {
          #onKey = (e: KeyboardEvent): void => this.run(e.key);
          constructor() {
            document.addEventListener("keydown", this.#onKey);
          }
          destroy(): void {
            document.removeEventListener("keyup", this.#onKey);
          }
          run(key: string): void {}
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
    probable({
      name: "plain class: removeAllListeners for another event does not count",
      code: code`
        export class Uploader {
          constructor(emitter) {
            this.emitter = emitter;
            this.emitter.on("progress", (p) => this.render(p));
          }
          close() {
            this.emitter.removeAllListeners("done");
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    }),
    probable({
      name: "a page-load listener added only while the page is loading: bounded by one page load",
      code: code`
        export class VectorMap {
          constructor(options) {
            if (document.readyState === "loading") {
              window.addEventListener("DOMContentLoaded", () => this.init(options));
            } else {
              this.init(options);
            }
          }
          destroy() {
            this.el.remove();
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    }),
    {
      name: "a load listener with no readyState test, or a readyState test around another event, is proven",
      code: code`
        export class Chart {
          constructor() {
            window.addEventListener("load", () => this.layout());
            if (document.readyState !== "complete") window.addEventListener("resize", () => this.layout());
          }
          destroy() {
            this.el.remove();
          }
        }
      `,
      errors: [
        { messageId: "listenerNeverRemoved", line: 3 },
        { messageId: "listenerNeverRemoved", line: 4 },
      ],
    },
    {
      name: "a chained add is reported on the emitter it was added to",
      code: code`
        export class Shutdown {
          start() {
            process.on("SIGINT", this.onInt).on("SIGTERM", this.onTerm);
          }
          stop() {
            process.off("SIGINT", this.onInt);
          }
        }
      `,
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 3,
          data: { event: "'SIGTERM'", target: "process", owner: "class `Shutdown`", handler: "`this.onTerm`", end: "after `stop()`" },
        },
      ],
    },
    probable({
      name: "an empty let that is also given a value from outside is not the operation's own",
      code: code`
        import { spawn } from "node:child_process";
        export function run(cmd, reuse) {
          let child = null;
          child = reuse ?? spawn(cmd);
          return new Promise((resolve) => {
            child.on("close", () => resolve());
            child.stdout.on("data", (chunk) => process.stdout.write(chunk));
          });
        }
      `,
      errors: [
        { messageId: "listenerOutlivesPromise", line: 6 },
        { messageId: "listenerOutlivesPromise", line: 7 },
      ],
    }),
    probable({
      name: "an effect's listener taken off by the class's teardown emptying the bus: released elsewhere",
      code: code`
        import { effect } from "@angular/core";
        import { ThemeService } from "@primeuix/styled";
        export class ThemeProvider {
          constructor() {
            effect(() => {
              ThemeService.on("theme:change", (theme) => this.apply(theme));
            });
          }
          ngOnDestroy() {
            ThemeService.clear();
          }
        }
      `,
      errors: [{ messageId: "listenerNotRemovedInTeardown", line: 6 }],
    }),
    {
      name: "clear() on another object, or clear(key) on the bus, does not take the listener off",
      code: code`
        import { bus } from "./bus";
        const cache = new Map();
        export class Panel {
          start() {
            bus.on("refresh", this.refresh);
            window.addEventListener("resize", this.layout);
          }
          destroy() {
            cache.clear();
            bus.clear("other");
          }
        }
      `,
      errors: [
        { messageId: "listenerNeverRemoved", line: 5 },
        { messageId: "listenerNeverRemoved", line: 6 },
      ],
    },
    probable({
      name: "plain class: the teardown closes some other object, not the target",
      code: code`
        export class Presence {
          constructor(client, url) {
            this.client = client;
            this.socket = connectRealtime(url);
            this.client.on("presence", (p) => this.render(p));
          }
          close() {
            this.socket.close();
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    }),

    // ---------------------------------------------------------------------
    // Owners: promise executors
    probable({
      name: "sibling once listeners in an executor (the leaky worker task)",
      code: code`
        export function runTask(worker, task) {
          return new Promise((resolve, reject) => {
            worker.addEventListener("message", (event) => resolve(event.data), { once: true });
            worker.addEventListener("error", (event) => reject(event.error), { once: true });
            worker.postMessage(task);
          });
        }
      `,
      errors: [
        { messageId: "listenerOutlivesPromise", line: 3 },
        { messageId: "listenerOutlivesPromise", line: 4 },
      ],
    }),
    probable({
      name: "executor: the timeout path leaves the connect listener on the socket",
      code: code`
        export function connected(socket, ms) {
          return new Promise((resolve, reject) => {
            const onConnect = () => resolve(socket);
            socket.once("connect", onConnect);
            setTimeout(() => reject(new Error("connect timeout")), ms);
          });
        }
      `,
      errors: [{ messageId: "listenerOutlivesPromise", line: 4 }],
    }),

    // ---------------------------------------------------------------------
    // Owners: plain functions that run again and again
    {
      name: "per-request listener on process (the leaky shutdown hook)",
      code: code`
        export const server = createServer(async (req, res) => {
          const job = { aborted: false };
          process.on("SIGTERM", () => {
            job.aborted = true;
          });
          await streamExport(job, res);
        });
      `,
      errors: [{ messageId: "listenerAddedRepeatedly", line: 3 }],
    },
    {
      name: "Express handler adds an uncaughtException listener per request",
      code: code`
        router.get("/report/:id", async (req, res) => {
          const report = await buildReport(req.params.id);
          process.on("uncaughtException", () => report.abort());
          res.json(report);
        });
      `,
      errors: [{ messageId: "listenerAddedRepeatedly", line: 3 }],
    },
    {
      name: "listener added from an interval callback",
      code: code`
        export function startPolling(render) {
          setInterval(() => {
            window.addEventListener("focus", () => render());
          }, 10_000);
        }
      `,
      errors: [{ messageId: "listenerAddedRepeatedly", line: 3 }],
    },
    {
      name: "listener added in a loop to the document",
      code: code`
        export function enableTooltips(items) {
          for (const item of items) {
            document.addEventListener("mouseover", (e) => e.target === item && show(item));
          }
        }
      `,
      errors: [{ messageId: "listenerAddedRepeatedly", line: 3 }],
    },
    {
      name: "listener added to a module-level emitter from an event handler",
      code: code`
        import { EventEmitter } from "node:events";
        export const jobs = new EventEmitter();
        button.addEventListener("click", () => {
          jobs.on("done", (job) => toast(job.name));
          jobs.emit("start");
        });
      `,
      errors: [{ messageId: "listenerAddedRepeatedly", line: 4 }],
    },
    {
      name: "global `window` in a loop (contrast with the loop variable named window)",
      code: code`
        export function watchFrames(frames) {
          for (const frame of frames) {
            window.addEventListener("message", (e) => e.source === frame.contentWindow && route(e));
          }
        }
      `,
      errors: [{ messageId: "listenerAddedRepeatedly", line: 3 }],
    },

    // ---------------------------------------------------------------------
    // More repeated adds, signals and targets
    {
      name: "a request handler declared on its own and registered later",
      code: code`
        export async function handleExport(req, res) {
          const job = startExport(req.query);
          process.on("SIGTERM", () => job.cancel());
          res.json(await job.done);
        }
        app.get("/export", handleExport);
      `,
      errors: [{ messageId: "listenerAddedRepeatedly", line: 3 }],
    },
    {
      name: "listener added to the window from a forEach callback",
      code: code`
        export function bindShortcuts(shortcuts) {
          shortcuts.forEach((shortcut) => {
            window.addEventListener("keydown", (e) => e.key === shortcut.key && shortcut.run());
          });
        }
      `,
      errors: [{ messageId: "listenerAddedRepeatedly", line: 3 }],
    },
    {
      name: "`const { signal } = controller` never aborted",
      code: code`
        function usePointerTrail(draw) {
          useEffect(() => {
            const controller = new AbortController();
            const { signal } = controller;
            document.addEventListener("pointermove", (e) => draw(e.clientX, e.clientY), { signal });
          }, [draw]);
        }
      `,
      errors: [{ messageId: "signalNeverAborted", line: 5 }],
    },
    {
      name: "web component: the owner document is not the component's own",
      code: code`
        class ContextMenu extends HTMLElement {
          onContext = (e) => this.open(e);
          connectedCallback() {
            this.ownerDocument.addEventListener("contextmenu", this.onContext);
          }
          disconnectedCallback() {
            this.close();
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
    probable({
      name: "executor: a plain `on` to a shared worker stays after it settles",
      code: code`
        export function ask(worker, question) {
          return new Promise((resolve) => {
            worker.on("message", resolve);
            worker.postMessage(question);
          });
        }
      `,
      errors: [{ messageId: "listenerOutlivesPromise", line: 3 }],
    }),
    {
      name: "matchMedia() makes a new list each call: removal from another one never matches",
      code: code`
        function useReducedMotion(set) {
          useEffect(() => {
            const onChange = (e) => set(e.matches);
            window.matchMedia("(prefers-reduced-motion)").addEventListener("change", onChange);
            return () => window.matchMedia("(prefers-reduced-motion)").removeEventListener("change", onChange);
          }, [set]);
        }
      `,
      errors: [
        { messageId: "listenerNeverRemoved", line: 4 },
        { messageId: "removalNeverMatches", line: 5 },
      ],
    },

    // ---------------------------------------------------------------------
    // Caller-provided signals: abort listeners per call
    probable({
      name: "abort listener per call on the caller's signal (the leaky callApi)",
      code: code`
        export async function callApi(path, { signal }) {
          const controller = new AbortController();
          const forwardAbort = () => controller.abort(signal.reason);
          signal.addEventListener("abort", forwardAbort, { once: true });
          return await transport(path, controller.signal);
        }
      `,
      errors: [{ messageId: "abortListenerNotRemoved", line: 4 }],
    }),
    probable({
      name: "abort listener on options.signal (TS)",
      code: code`
        export async function query(sql: string, options: { signal: AbortSignal }): Promise<Row[]> {
          const conn = await pool.acquire();
          options.signal.addEventListener("abort", () => conn.cancel());
          try {
            return await conn.query(sql);
          } finally {
            pool.release(conn);
          }
        }
      `,
      errors: [{ messageId: "abortListenerNotRemoved", line: 3 }],
    }),

    // ---------------------------------------------------------------------
    // Removals that can never match, on their own
    {
      name: "`.bind()` in an emitter removal",
      code: code`
        export class Worker {
          constructor() {
            this.onExit = this.stop.bind(this);
            process.on("exit", this.onExit);
          }
          stop() {
            process.off("exit", this.stop.bind(this));
          }
        }
      `,
      errors: [
        { messageId: "listenerNeverRemoved", line: 4 },
        { messageId: "removalNeverMatches", line: 7 },
      ],
    },
    {
      name: "computed-member removal from the wrong target",
      code: code`
        export function mount(onKey) {
          window["addEventListener"]("keydown", onKey);
          return () => document["removeEventListener"]("keydown", onKey);
        }
      `,
      errors: [{ messageId: "removalNeverMatches", line: 3 }],
    },
    // ---------------------------------------------------------------------
    // Real-code shapes (bench review): the same code with `reportProbable`
    // reports what the default mode leaves out (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({
      ...shape,
      name: `reportProbable: ${shape.name}`,
      options: [{ reportProbable: true }] as [{ reportProbable: boolean }],
    })),

    // Real-code shapes (bench review): the new exemptions are not too wide.
    {
      name: "bench exemptions: a window listener in a class with dispose() is still reported",
      code: code`
        export class Slider {
          constructor(el) {
            this.el = el;
            this.onResize = () => this.layout();
            window.addEventListener("resize", this.onResize);
          }
          layout() {}
          dispose() {
            this.el = null;
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
    {
      name: "bench exemptions: the same handler removed from another fixed target",
      code: code`
        export class Slider {
          constructor() {
            this.onResize = () => this.layout();
            window.addEventListener("resize", this.onResize);
          }
          layout() {}
          dispose() {
            document.removeEventListener("resize", this.onResize);
          }
        }
      `,
      errors: [
        { messageId: "listenerNeverRemoved", line: 4 },
        { messageId: "removalNeverMatches", line: 8 },
      ],
    },
    {
      name: "bench exemptions: a handler with the same name but another fixed key is another function",
      code: code`
        export class Feed {
          constructor() {
            this.handlers = { onScroll: () => this.loadMore() };
            window.addEventListener("scroll", this.handlers.onScroll);
          }
          onScroll = () => {};
          loadMore() {}
          dispose() {
            window.removeEventListener("scroll", this.onScroll);
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
    probable({
      name: "bench exemptions: a loop removal for another event type does not count",
      code: code`
        export class KeyboardShortcuts {
          constructor() {
            this.bindings = [];
          }
          listen(target, handler) {
            target.addEventListener("keydown", handler);
            this.bindings.push([target, handler]);
          }
          dispose() {
            for (const [target, handler] of this.bindings) target.removeEventListener("keyup", handler);
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    }),
    probable({
      name: "bench exemptions: a loop removal without the capture flag does not count",
      code: code`
        export class KeyboardShortcuts {
          constructor() {
            this.bindings = [];
          }
          listen(target, handler) {
            target.addEventListener("keydown", handler, true);
            this.bindings.push([target, handler]);
          }
          dispose() {
            for (const [target, handler] of this.bindings) target.removeEventListener("keydown", handler);
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    }),
    {
      name: "bench exemptions: a parameter target where one call site passes document.body",
      code: code`
        export class Toolbar {
          constructor(root) {
            this.root = root;
            this.bindButton(document.createElement("button"), "undo");
            this.bindButton(document.body, "help");
          }
          bindButton(button, action) {
            button.addEventListener("click", () => this.run(action));
          }
          run(action) {}
          dispose() {
            this.root = null;
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    },
    probable({
      name: "bench exemptions: a single dependency kept in a field is not the owner's child",
      code: code`
        export class Chat {
          constructor(socket) {
            this.socket = socket;
            socket.on("message", this.onMessage);
          }
          onMessage = (msg) => this.render(msg);
          render(msg) {}
          dispose() {
            this.render = null;
          }
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    }),
    probable({
      name: "bench exemptions: a const lookup on the document is not made by the owner",
      code: code`
        export class Page {
          constructor() {
            const app = document.querySelector("#app");
            app.addEventListener("click", this.onClick);
          }
          onClick = () => {};
          dispose() {}
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    }),
    {
      name: "bench exemptions: a canvas inserted into document.body is not the owner's",
      code: code`
        export class Overlay {
          constructor(canvas) {
            document.body.appendChild(canvas);
            canvas.addEventListener("wheel", this.onWheel);
          }
          onWheel = () => {};
          dispose() {}
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4 }],
    },
    probable({
      // Two members may hold one object: only two different globals are certainly two targets.
      name: "bench exemptions: Leaflet-style literal removing from another member of `this`",
      code: code`
        function onZoom() {}
        export const ScaleBar = Control.extend({
          onAdd: function (map) {
            this._map = map;
            map.on("zoomend", onZoom);
            return this._container;
          },
          onRemove: function () {
            this._container.off("zoomend", onZoom);
          },
        });
      `,
      errors: [{ messageId: "removalNeverMatches", line: 9 }],
    }),
    probable({
      name: "bench exemptions: `this` in a class method is still a fixed target",
      code: code`
        export class Pane extends EventEmitter {
          constructor(bus) {
            super();
            this.bus = bus;
            bus.on("close", onClose);
          }
          destroy() {
            this.removeListener("close", onClose);
          }
        }
        function onClose() {}
      `,
      errors: [
        { messageId: "listenerNeverRemoved", line: 5 },
        { messageId: "removalNeverMatches", line: 8 },
      ],
    }),
  ],
});

describe("no-leaked-event-listener options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("window.addEventListener('x', f);", {
      plugins: { leakproof: plugin as never },
      rules: { "leakproof/no-leaked-event-listener": ["error", options] as Linter.RuleEntry },
    });

  it("accepts a list of teardown method names", () => {
    expect(lint({ teardownMethods: ["shutdown", "release"] })).toEqual([]);
  });
  it("rejects a non-array teardownMethods", () => {
    expect(() => lint({ teardownMethods: 5 })).toThrow(/teardownMethods|should be array|must be array/i);
  });
  it("rejects an unknown property", () => {
    expect(() => lint({ teardownMethod: ["shutdown"] })).toThrow(/additional properties|unexpected property/i);
  });
  it("rejects empty method names", () => {
    expect(() => lint({ teardownMethods: [""] })).toThrow(/shorter than 1|fewer than 1/i);
  });
  it("accepts reportProbable", () => {
    expect(lint({ reportProbable: true })).toEqual([]);
    expect(lint({ reportProbable: false, teardownMethods: ["shutdown"] })).toEqual([]);
  });
  it("rejects a non-boolean reportProbable", () => {
    expect(() => lint({ reportProbable: "yes" })).toThrow(/should be boolean|must be boolean/i);
  });
});

checkRecommended();
