import tsParser from "@typescript-eslint/parser";
import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import svelteParser from "svelte-eslint-parser";
import vueParser from "vue-eslint-parser";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-repeated-registration.js";
import { gradedCases } from "./graded.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Drops the leading newline and the common indentation, so line 1 is the first line of code. */
function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, "").replace(/\n\s*$/, "\n");
  const lines = raw.split("\n");
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join("\n");
}

const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

const loop = (line: number) => ({ messageId: "registeredInLoop" as const, line });
const callback = (line: number) => ({ messageId: "registeredInCallback" as const, line });
const rerun = (line: number) => ({ messageId: "registeredOnRerun" as const, line });

/** A registry class declared in the file: it has the undo methods. */
const REGISTRY = code`
  class Registry {
    register(id, fn) {}
    unregister(id) {}
    clear() {}
  }
`.trimEnd();

const { probable, checkRecommended } = gradedCases("no-repeated-registration");

/** Single-file components, parsed as the framework suites parse them. */
const VUE = { parser: vueParser, parserOptions: { parser: tsParser, sourceType: "module", ecmaVersion: "latest" } } as const;
const SVELTE = { parser: svelteParser, parserOptions: { parser: tsParser } } as const;

/** A form handler that adds one more request interceptor to `api` on every login (the `use` call is its third line). */
const LOGIN_HANDLER = code`
  async function handleLogin(event) {
    const token = await login(new FormData(event.currentTarget));
    api.interceptors.request.use((config) => {
      config.headers.Authorization = \`Bearer \${token}\`;
      return config;
    });
  }
`.trimEnd();

ruleTester.run("no-repeated-registration", rule, {
  valid: [
    {
      // Joplin (sample E): named like a handler, but a set-up that hands back an API to use later.
      name: "a handle*() function that returns an object of functions is a set-up, not a handler",
      code: code`
        import { protocol } from "electron";
        export const handleCustomProtocols = (logger) => {
          const readable = [];
          protocol.handle("joplin-content", async (request) => serve(request, readable, logger));
          return {
            allowReadAccessToDirectory: (path) => readable.push(path),
          };
        };
      `,
    },
    // ---------------------------------------------------------------------
    // One-time registration
    {
      name: "registration at module top level",
      code: code`
        import { ipcMain } from "electron";
        ipcMain.handle("settings:get", () => readSettings());
        ipcMain.handle("settings:set", (_event, value) => writeSettings(value));
      `,
    },
    {
      name: "registration in a main() called once at module level",
      code: code`
        import { ipcMain, globalShortcut } from "electron";
        async function main() {
          ipcMain.handle("app:version", () => "1.0.0");
          globalShortcut.register("CommandOrControl+K", openPalette);
        }
        main();
      `,
    },
    {
      name: "registration in an IIFE",
      code: code`
        import { ipcMain } from "electron";
        (() => {
          ipcMain.handle("ping", () => "pong");
        })();
      `,
    },
    {
      name: "registration in whenReady().then(), which runs once",
      code: code`
        import { app, ipcMain } from "electron";
        app.whenReady().then(() => {
          ipcMain.handle("open-file", (_event, path) => openFile(path));
        });
      `,
    },
    {
      name: "registration in a handler for the one-time 'ready' event",
      code: code`
        import { app, ipcMain } from "electron";
        app.on("ready", () => {
          ipcMain.handle("open-file", (_event, path) => openFile(path));
        });
      `,
    },
    {
      name: "one registration per element of a collection, in a function called once",
      code: code`
        ${REGISTRY}
        const commands = new Registry();
        function registerAll(list) {
          for (const command of list) commands.register(command.id, command.run);
        }
        registerAll(BUILTIN_COMMANDS);
      `,
    },
    {
      name: "an exported init function nobody in this file calls",
      code: code`
        ${REGISTRY}
        const panels = new Registry();
        export function initPanels() {
          panels.register("outline", renderOutline);
        }
      `,
    },
    {
      name: "an init function called from exactly one place",
      code: code`
        ${REGISTRY}
        const panels = new Registry();
        function setupPanels() {
          panels.register("outline", renderOutline);
        }
        export function start() {
          setupPanels();
        }
      `,
    },
    {
      name: "constructor of a class instantiated once at module level",
      code: code`
        import { ipcMain } from "electron";
        class SettingsService {
          constructor() {
            ipcMain.handle("settings:get", () => this.read());
          }
          read() {}
        }
        export const settings = new SettingsService();
      `,
    },

    // ---------------------------------------------------------------------
    // Guards
    {
      name: "an `if (registered) return` flag set by the function",
      code: code`
        import { app, ipcMain } from "electron";
        let registered = false;
        function openWindow() {
          createWindow();
          if (registered) return;
          registered = true;
          ipcMain.handle("save", (_event, doc) => save(doc));
        }
        app.on("activate", openWindow);
      `,
    },
    {
      name: "a has() check on the registry",
      code: code`
        ${REGISTRY}
        const plugins = new Registry();
        setInterval(() => {
          if (!plugins.has("metrics")) plugins.register("metrics", collectMetrics);
        }, 60_000);
      `,
    },
    {
      name: "a listenerCount() check on ipcMain",
      code: code`
        import { app, ipcMain } from "electron";
        app.on("browser-window-created", () => {
          if (ipcMain.listenerCount("log") === 0) ipcMain.on("log", (_event, line) => write(line));
        });
      `,
    },
    {
      name: "a this.initialized flag in a class",
      code: code`
        ${REGISTRY}
        class Toolbar {
          registry = new Registry();
          initialized = false;
          setup() {
            if (this.initialized) return;
            this.initialized = true;
            this.registry.register("bold", toggleBold);
          }
          onFocus() { this.setup(); }
          onShow() { this.setup(); }
        }
      `,
    },
    {
      name: "a guard with && before the registration",
      code: code`
        ${REGISTRY}
        const hooks = new Registry();
        let hooked = false;
        function refresh() {
          !hooked && hooks.register("flush", flush);
          hooked = true;
        }
        window.addEventListener("focus", refresh);
      `,
    },

    // ---------------------------------------------------------------------
    // The previous registration is undone
    {
      name: "unregister before registering again in refreshMenu()",
      code: code`
        ${REGISTRY}
        const trayMenu = new Registry();
        function refreshMenu(user) {
          trayMenu.unregister("status");
          trayMenu.register("status", () => showStatus(user));
        }
        export function onLogin(user) { refreshMenu(user); }
        export function onLogout() { refreshMenu(null); }
      `,
    },
    {
      name: "clear() before re-registering every item",
      code: code`
        ${REGISTRY}
        const trayMenu = new Registry();
        function rebuildMenu(items) {
          trayMenu.clear();
          for (const item of items) trayMenu.register(item.id, item.click);
        }
        export const onChange = (items) => rebuildMenu(items);
        rebuildMenu([]);
      `,
    },
    {
      name: "the clear happens in a helper the refresh calls",
      code: code`
        ${REGISTRY}
        const trayMenu = new Registry();
        function resetMenu() {
          trayMenu.clear();
        }
        function refreshMenu(items) {
          resetMenu();
          for (const item of items) trayMenu.register(item.id, item.click);
        }
        setInterval(() => refreshMenu(loadItems()), 5000);
      `,
    },
    {
      name: "the caller releases everything before calling init again",
      code: code`
        ${REGISTRY}
        const routes = new Registry();
        function initRoutes() {
          routes.register("home", renderHome);
        }
        export function reload() {
          routes.clear();
          initRoutes();
        }
        initRoutes();
      `,
    },
    {
      name: "removeHandler when the window closes, in the same function",
      code: code`
        import { app, ipcMain, BrowserWindow } from "electron";
        function openEditor(path) {
          const win = new BrowserWindow();
          const channel = \`editor:\${win.id}:save\`;
          ipcMain.handle(channel, (_event, text) => save(path, text));
          win.once("closed", () => ipcMain.removeHandler(channel));
        }
        app.on("open-file", (_event, path) => openEditor(path));
      `,
    },
    {
      name: "removeHandler with the same channel template in a close function",
      code: code`
        import { app, ipcMain } from "electron";
        function openEditor(id) {
          ipcMain.handle(\`editor:\${id}:save\`, (_event, text) => save(id, text));
        }
        function closeEditor(id) {
          ipcMain.removeHandler(\`editor:\${id}:save\`);
        }
        app.on("open-file", (_event, id) => openEditor(id));
        app.on("close-file", (_event, id) => closeEditor(id));
      `,
    },
    {
      name: "removeHook in a finally block around the work",
      code: code`
        ${REGISTRY}
        class Telemetry {
          addHook(stage, fn) {}
          removeHook(stage, fn) {}
          flush() {}
        }
        const telemetry = new Telemetry();
        setInterval(() => {
          const attach = (batch) => batch.push(Date.now());
          telemetry.addHook("beforeFlush", attach);
          try {
            telemetry.flush();
          } finally {
            telemetry.removeHook("beforeFlush", attach);
          }
        }, 1000);
      `,
    },
    {
      name: "a loop that registers and unregisters in the same iteration",
      code: code`
        ${REGISTRY}
        const probes = new Registry();
        export async function sample(rounds) {
          for (let i = 0; i < rounds; i++) {
            probes.register("cpu", readCpu);
            await tick();
            probes.unregister("cpu");
          }
        }
      `,
    },

    {
      name: "join/leave handlers register and unregister one entry per user",
      code: code`
        ${REGISTRY}
        const presence = new Registry();
        socket.on("join", (user) => presence.register(user.id, user));
        socket.on("leave", (user) => presence.unregister(user.id));
      `,
    },
    {
      name: "jQuery addClass / removeClass toggles",
      code: code`
        class Tabs {
          constructor(el) { this.$el = el; }
          onSelect() { this.$el.addClass("active"); }
          onBlur() { this.$el.removeClass("active"); }
        }
        setInterval(() => tabs.onSelect(), 1000);
      `,
    },

    // ---------------------------------------------------------------------
    // Fresh registries (builder pattern)
    {
      name: "a fresh local menu per refresh",
      code: code`
        import { Menu, MenuItem, tray } from "./electron-shim";
        function refreshMenu(user) {
          const menu = new Menu();
          menu.append(new MenuItem({ label: user.name }));
          menu.append(new MenuItem({ label: "Quit", click: quit }));
          menu.remove(0);
          tray.setContextMenu(menu);
        }
        setInterval(() => refreshMenu(currentUser()), 10_000);
      `,
    },
    {
      name: "module-level menu replaced before registering",
      code: code`
        ${REGISTRY}
        let menu = new Registry();
        function refreshMenu(user) {
          menu = new Registry();
          menu.register("user", () => showUser(user));
        }
        setInterval(() => refreshMenu(currentUser()), 10_000);
      `,
    },
    {
      name: "this.menu replaced before registering in rebuild()",
      code: code`
        ${REGISTRY}
        class TrayController {
          menu = new Registry();
          rebuild() {
            this.menu = new Registry();
            this.menu.register("quit", () => this.quit());
          }
          start() {
            setInterval(() => this.rebuild(), 1000);
          }
          quit() {}
        }
      `,
    },

    // ---------------------------------------------------------------------
    // False-alarm traps: collections, setters, other rules' territory
    {
      name: "Set.add of primitive ids is collection growth, not registration",
      code: code`
        const seen = new Set();
        setInterval(() => {
          for (const id of poll()) seen.add(id);
          seen.add("heartbeat");
        }, 1000);
      `,
    },
    {
      name: "collection-named receiver with add/remove",
      code: code`
        class Selection {
          pendingIds = createIds();
          onClick(id) {
            this.pendingIds.add(id);
          }
          onUndo(id) {
            this.pendingIds.remove(id);
          }
        }
        document.addEventListener("click", (e) => selection.onClick(e.target.id));
      `,
    },
    {
      name: "array.push in an interval",
      code: code`
        const samples = [];
        setInterval(() => samples.push(process.memoryUsage()), 1000);
      `,
    },
    {
      name: "classList.add in an event handler",
      code: code`
        const panel = document.querySelector("#panel");
        panel.addEventListener("click", () => {
          panel.classList.add("open");
          setTimeout(() => panel.classList.remove("open"), 300);
        });
      `,
    },
    {
      name: "FinalizationRegistry.register per object in a loop",
      code: code`
        const cleanup = new FinalizationRegistry((key) => cache.delete(key));
        export function track(objects) {
          while (objects.length) {
            const object = objects.pop();
            cleanup.register(object, object.key);
          }
          cleanup.unregister(objects);
        }
      `,
    },
    {
      name: "Express app.use at startup",
      code: code`
        import express from "express";
        const app = express();
        app.use(express.json());
        app.use((req, res, next) => next());
        app.listen(3000);
      `,
    },
    {
      name: "a registry with no known undo method",
      code: code`
        import { router } from "./router";
        setInterval(() => {
          router.register("/health", healthCheck);
        }, 1000);
      `,
    },
    {
      name: "tray.setContextMenu replaces the previous menu",
      code: code`
        import { Menu } from "electron";
        let tray;
        function refreshTray(user) {
          tray.setContextMenu(Menu.buildFromTemplate([{ label: user.name }]));
        }
        export const onLogin = (user) => refreshTray(user);
        export const onLogout = () => refreshTray({ name: "Guest" });
      `,
    },
    {
      name: "customElements.define throws on a second call instead of leaking",
      code: code`
        function setupElements() {
          customElements.define("x-chart", ChartElement);
        }
        setupElements();
        document.addEventListener("turbo:load", setupElements);
      `,
    },
    {
      name: "once / handleOnce remove themselves",
      code: code`
        import { app, ipcMain } from "electron";
        app.on("activate", () => {
          ipcMain.handleOnce("first-run", () => showWelcome());
          ipcMain.once("log", (_event, line) => write(line));
        });
      `,
    },
    {
      name: "the disposer is kept",
      code: code`
        ${REGISTRY}
        const commands = new Registry();
        const disposers = [];
        function activate() {
          disposers.push(commands.register("format", formatDocument));
          const off = commands.register("lint", lintDocument);
          return off;
        }
        window.addEventListener("focus", activate);
      `,
    },
    {
      name: "React render code registering on a module registry",
      code: code`
        ${REGISTRY}
        const shortcuts = new Registry();
        export function Editor({ doc }) {
          shortcuts.register("save", () => save(doc));
          return <div>{doc.title}</div>;
        }
      `,
    },
    {
      name: "registration in a useEffect is the hook rules' concern",
      code: code`
        import { useEffect } from "react";
        ${REGISTRY}
        const shortcuts = new Registry();
        export function Editor({ doc }) {
          useEffect(() => {
            shortcuts.register("save", () => save(doc));
          }, [doc]);
          return <div>{doc.title}</div>;
        }
      `,
    },
    {
      name: "listener added in an interval: left to no-leaked-event-listener",
      code: code`
        import { EventEmitter } from "node:events";
        const bus = new EventEmitter();
        setInterval(() => {
          bus.on("tick", () => console.log("tick"));
        }, 1000);
      `,
    },
    {
      name: "addEventListener is no-leaked-event-listener's",
      code: code`
        function initResize() {
          window.addEventListener("resize", () => layout());
        }
        initResize();
        document.addEventListener("visibilitychange", initResize);
      `,
    },
    {
      name: "a local registry passed in as a parameter",
      code: code`
        export function refreshPanels(registry) {
          registry.register("outline", renderOutline);
        }
        setInterval(() => refreshPanels(makeRegistry()), 1000);
      `,
    },
    {
      name: "service worker registration (no undo on the container)",
      code: code`
        function initOffline() {
          navigator.serviceWorker.register("/sw.js");
        }
        window.addEventListener("online", initOffline);
        initOffline();
      `,
    },

    // ---------------------------------------------------------------------
    // Syntax
    {
      name: "missing arguments",
      code: code`
        ${REGISTRY}
        const hooks = new Registry();
        setInterval(() => hooks.register(), 1000);
      `,
    },
    {
      name: "dynamic computed method name",
      code: code`
        ${REGISTRY}
        const hooks = new Registry();
        setInterval(() => hooks[method]("x", f), 1000);
      `,
    },
    {
      name: "loop registering each element (TS, for with counter)",
      code: code`
        import { globalShortcut } from "electron";
        const keys: string[] = ["F1", "F2", "F3"];
        export function bindKeys(): void {
          for (let i = 0; i < keys.length; i++) globalShortcut.register(keys[i]!, () => press(i));
        }
        bindKeys();
      `,
    },
  ],

  invalid: [
    // ---------------------------------------------------------------------
    // Re-run init functions (the field report)
    {
      name: "tray refreshMenu() called from start-up and from a session change",
      code: code`
        ${REGISTRY}
        const trayMenu = new Registry();
        function refreshMenu(session) {
          trayMenu.register("status", () => showStatus(session));
          trayMenu.register("quit", () => quit());
        }
        export function initTray(session) { refreshMenu(session); }
        export function onSessionChanged(session) { refreshMenu(session); }
      `,
      errors: [rerun(8), rerun(9)],
    },
    probable({
      name: "rebuildMenu() re-registers every item from a loop",
      code: code`
        ${REGISTRY}
        const trayMenu = new Registry();
        function rebuildMenu(items) {
          for (const item of items) trayMenu.register(item.id, item.click);
        }
        rebuildMenu(loadItems());
        store.subscribe(() => rebuildMenu(loadItems()));
      `,
      errors: [rerun(8)],
    }),
    {
      name: "refresh through forEach, run on every window focus",
      code: code`
        ${REGISTRY}
        const trayMenu = new Registry();
        function refreshTray(items) {
          items.forEach((item) => trayMenu.register(item.id, item.click));
        }
        app.on("browser-window-focus", () => refreshTray(loadItems()));
      `,
      errors: [rerun(8)],
    },
    {
      name: "ipcMain.handle in openWindow(), opened on every 'activate'",
      code: code`
        import { app, ipcMain, BrowserWindow } from "electron";
        function openWindow() {
          const win = new BrowserWindow();
          ipcMain.handle("window:save", (_event, doc) => save(win, doc));
        }
        app.on("activate", openWindow);
      `,
      errors: [rerun(4)],
    },
    {
      name: "Electron boilerplate: createWindow() from whenReady and from 'activate'",
      code: code`
        import { app, BrowserWindow, ipcMain } from "electron";
        function createWindow() {
          const win = new BrowserWindow({ width: 800, height: 600 });
          ipcMain.handle("dialog:openFile", () => pickFile(win));
          win.loadFile("index.html");
        }
        app.whenReady().then(() => {
          createWindow();
          app.on("activate", () => {
            if (BrowserWindow.getAllWindows().length === 0) createWindow();
          });
        });
      `,
      errors: [rerun(4)],
    },
    {
      name: "per-window channel registered on each open-file, never removed",
      code: code`
        import { app, ipcMain, BrowserWindow } from "electron";
        function openEditor(path) {
          const win = new BrowserWindow();
          ipcMain.handle(\`editor:\${win.id}:save\`, (_event, text) => save(path, text));
        }
        app.on("open-file", (_event, path) => openEditor(path));
      `,
      errors: [rerun(4)],
    },
    {
      name: "globalShortcut.register in setupShortcuts() called on focus and on settings change",
      code: code`
        import { app, globalShortcut } from "electron";
        function setupShortcuts(settings) {
          globalShortcut.register(settings.paletteKey, openPalette);
        }
        export function onSettingsSaved(settings) {
          setupShortcuts(settings);
        }
        setupShortcuts(defaults);
      `,
      errors: [rerun(3)],
    },
    {
      name: "protocol handler re-registered per window",
      code: code`
        import { protocol, app } from "electron";
        function createWindow() {
          protocol.registerFileProtocol("app", (request, respond) => respond({ path: resolve(request.url) }));
        }
        app.on("activate", () => createWindow());
      `,
      errors: [rerun(3)],
    },
    probable({
      name: "init function with the registries option as a parameter",
      options: [{ registries: ["hooks"] }],
      code: code`
        export function initPlugin(hooks) {
          hooks.register("beforeSave", format);
        }
        initPlugin(globalHooks);
        export const reinstall = () => initPlugin(globalHooks);
      `,
      errors: [rerun(2)],
    }),
    probable({
      name: "initFunctions option: hydrateTray() called twice",
      options: [{ initFunctions: ["hydrate"] }],
      code: code`
        ${REGISTRY}
        const trayMenu = new Registry();
        function hydrateTray() {
          trayMenu.register("status", showStatus);
        }
        hydrateTray();
        export const onResume = () => hydrateTray();
      `,
      errors: [rerun(8)],
    }),
    probable({
      name: "class method setup() called from two places, on this.registry",
      code: code`
        ${REGISTRY}
        class Toolbar {
          registry = new Registry();
          setup() {
            this.registry.register("bold", toggleBold);
          }
          onFocus() { this.setup(); }
          onShow() { this.setup(); }
        }
      `,
      errors: [rerun(9)],
    }),
    {
      name: "constructor registering on a singleton, class instantiated per event",
      code: code`
        import { app, ipcMain } from "electron";
        class EditorWindow {
          constructor(path) {
            this.path = path;
            ipcMain.handle("editor:save", (_event, text) => this.save(text));
          }
          save(text) {}
        }
        app.on("open-file", (_event, path) => new EditorWindow(path));
      `,
      errors: [rerun(5)],
    },
    probable({
      name: "emitter listener in a re-run init function (no-leaked-event-listener does not judge these)",
      code: code`
        import { EventEmitter } from "node:events";
        const store = new EventEmitter();
        function initSync() {
          store.on("change", (state) => sync(state));
        }
        initSync();
        export const onReconnect = () => initSync();
      `,
      errors: [rerun(4)],
    }),
    probable({
      name: "ipcRenderer.on in setupBridge() called twice",
      code: code`
        import { ipcRenderer } from "electron";
        function setupBridge(view) {
          ipcRenderer.on("update", (_event, data) => view.render(data));
        }
        setupBridge(mainView);
        export function remount(view) { setupBridge(view); }
      `,
      errors: [rerun(3)],
    }),
    probable({
      name: "process.on in an init routine called twice",
      code: code`
        function initCrashReporter(options) {
          process.on("uncaughtException", (error) => report(error, options));
        }
        initCrashReporter({ verbose: false });
        export function reconfigure(options) { initCrashReporter(options); }
      `,
      errors: [rerun(2)],
    }),
    probable({
      name: "menu.append on a module menu the file also removes from",
      code: code`
        import { menu, MenuItem } from "./app-menu";
        function updateRecentFiles(files) {
          for (const file of files) menu.append(new MenuItem({ label: file }));
        }
        export function forget(item) { menu.remove(item); }
        updateRecentFiles(loadRecent());
        export const onOpen = () => updateRecentFiles(loadRecent());
      `,
      errors: [rerun(3)],
    }),
    {
      name: "axios interceptor added on every login",
      code: code`
        import axios from "axios";
        const api = axios.create({ baseURL: "/api" });
        function setupAuth(token) {
          api.interceptors.request.use((config) => ({ ...config, headers: { Authorization: token } }));
        }
        export function onLogin(token) { setupAuth(token); }
        export function onRefresh(token) { setupAuth(token); }
      `,
      errors: [rerun(4)],
    },
    {
      name: "namespace import: electron.ipcMain.handle in a re-run function",
      code: code`
        import * as electron from "electron";
        function openSettings() {
          electron.ipcMain.handle("settings:save", (_event, value) => persist(value));
        }
        electron.app.on("activate", openSettings);
      `,
      errors: [rerun(3)],
    },
    {
      name: "named request handler handed to createServer",
      code: code`
        import http from "node:http";
        ${REGISTRY}
        const metrics = new Registry();
        function handle(req, res) {
          metrics.register(req.url, () => res.statusCode);
          res.end("ok");
        }
        http.createServer(handle).listen(8080);
      `,
      errors: [rerun(9)],
    },
    {
      name: "addItem on a toolbar whose removeItem the file uses",
      code: code`
        import { toolbar } from "./toolbar";
        function renderToolbar(doc) {
          toolbar.addItem({ id: "save", run: () => save(doc) });
        }
        export function onDocChanged(doc) { renderToolbar(doc); }
        export function onTabChanged(doc) { renderToolbar(doc); }
        export function dispose() { toolbar.removeItem("save"); }
      `,
      errors: [rerun(3)],
    },
    {
      name: "release only at shutdown does not balance a re-run",
      code: code`
        ${REGISTRY}
        const plugins = new Registry();
        function loadPlugins() {
          plugins.register("metrics", collectMetrics);
        }
        loadPlugins();
        window.addEventListener("pageshow", loadPlugins);
        plugins.unregister("metrics");
      `,
      errors: [rerun(8)],
    },
    probable({
      name: "undoing a different registry does not count",
      code: code`
        ${REGISTRY}
        const plugins = new Registry();
        const themes = new Registry();
        function refresh() {
          themes.clear();
          plugins.register("metrics", collectMetrics);
        }
        refresh();
        export const onResume = () => refresh();
      `,
      errors: [rerun(10)],
    }),
    probable({
      name: "a guard on unrelated configuration is not a guard",
      code: code`
        ${REGISTRY}
        const plugins = new Registry();
        function refresh(config) {
          if (config.verbose) plugins.register("logger", log);
        }
        refresh(defaults);
        export const reconfigure = (config) => refresh(config);
      `,
      errors: [rerun(8)],
    }),

    // ---------------------------------------------------------------------
    // Repeating callbacks
    {
      name: "hook added on every interval tick",
      code: code`
        class Telemetry {
          addHook(stage, fn) {}
          removeHook(stage, fn) {}
        }
        const telemetry = new Telemetry();
        setInterval(() => {
          const snapshot = takeSnapshot();
          telemetry.addHook("beforeFlush", (batch) => batch.push(snapshot));
        }, 1000);
      `,
      errors: [callback(8)],
    },
    {
      name: "named tick() called from an interval",
      code: code`
        import { telemetry } from "./telemetry";
        function tick() {
          telemetry.addHook("beforeFlush", attachSnapshot);
        }
        setInterval(() => tick(), 1000);
        export function stop() { telemetry.removeHook("beforeFlush", attachSnapshot); }
      `,
      errors: [rerun(3)],
    },
    {
      name: "release at the top level does not balance an interval",
      code: code`
        import { hooks } from "./hooks";
        setInterval(() => {
          hooks.addHook(onTick);
        }, 1000);
        hooks.removeHook(onTick);
      `,
      errors: [callback(3)],
    },
    probable({
      name: "method handed to setInterval with bind",
      code: code`
        ${REGISTRY}
        class Poller {
          registry = new Registry();
          start() {
            setInterval(this.poll.bind(this), 1000);
          }
          poll() {
            this.registry.register("status", () => this.status);
          }
        }
      `,
      errors: [rerun(12)],
    }),
    probable({
      name: "class field arrow handed to setInterval",
      code: code`
        ${REGISTRY}
        class Poller {
          registry = new Registry();
          refresh = () => {
            this.registry.register("status", () => this.status);
          };
          start() {
            setInterval(this.refresh, 1000);
          }
        }
      `,
      errors: [rerun(9)],
    }),
    {
      name: "a timer callback that re-arms itself",
      code: code`
        ${REGISTRY}
        const probes = new Registry();
        function poll() {
          probes.register("disk", readDisk);
          setTimeout(poll, 5000);
        }
        poll();
      `,
      errors: [rerun(8)],
    },
    {
      name: "a handle*() function that returns data still runs once per event",
      code: code`
        import { protocol } from "electron";
        export function handleOpenUrl(url) {
          protocol.handle("preview", async (request) => render(url, request));
          return { url, opened: true };
        }
      `,
      errors: [callback(3)],
    },
    {
      name: "ipcMain.handle inside an 'activate' handler",
      code: code`
        import { app, ipcMain } from "electron";
        app.on("activate", () => {
          ipcMain.handle("window:save", (_event, doc) => save(doc));
        });
      `,
      errors: [callback(3)],
    },
    {
      name: "handler registered inside another IPC handler",
      code: code`
        import { ipcMain } from "electron";
        ipcMain.handle("project:open", (_event, project) => {
          ipcMain.handle("project:save", () => saveProject(project));
          return project.id;
        });
      `,
      errors: [callback(3)],
    },
    {
      name: "request handler registering on a module registry",
      code: code`
        ${REGISTRY}
        const sessions = new Registry();
        app.get("/login", (req, res) => {
          sessions.register(req.query.user, () => res.locals);
          res.send("ok");
        });
      `,
      errors: [callback(8)],
    },
    probable({
      name: "this.bus.on in an interval of a plain class (not judged by no-leaked-event-listener)",
      code: code`
        class Dashboard {
          constructor(bus) {
            this.bus = bus;
          }
          start() {
            setInterval(() => {
              this.bus.on("metrics", (m) => this.draw(m));
            }, 1000);
          }
          draw(m) {}
        }
      `,
      errors: [callback(7)],
    }),
    {
      name: "registration in a then() inside an event handler",
      code: code`
        ${REGISTRY}
        const plugins = new Registry();
        document.addEventListener("visibilitychange", () => {
          loadPlugin().then((plugin) => plugins.register(plugin.id, plugin.run));
        });
      `,
      errors: [callback(8)],
    },
    {
      name: "global registry on window, undone elsewhere in a function",
      code: code`
        setInterval(() => {
          window.pluginRegistry.register("clock", renderClock);
        }, 1000);
        export function teardown() {
          window.pluginRegistry.unregister("clock");
        }
      `,
      errors: [callback(2)],
    },

    // ---------------------------------------------------------------------
    // Loops
    {
      name: "the same handler registered on every retry",
      code: code`
        ${REGISTRY}
        const hooks = new Registry();
        export async function connect(retries) {
          for (let attempt = 0; attempt < retries; attempt++) {
            hooks.register("reconnect", onReconnect);
            if (await tryConnect()) return;
          }
        }
      `,
      errors: [loop(9)],
    },
    {
      name: "while loop registering the same plugin each round",
      code: code`
        import { pluginHost } from "./host";
        export async function run() {
          while (!stopped) {
            pluginHost.registerPlugin(defaultPlugin);
            await nextRound();
          }
        }
        export function stop() { pluginHost.unregisterPlugin(defaultPlugin); }
      `,
      errors: [loop(4)],
    },
    {
      name: "await registration in a do-while",
      code: code`
        ${REGISTRY}
        const hooks = new Registry();
        export async function pump() {
          do {
            await hooks.register("drain", onDrain);
          } while (await more());
        }
      `,
      errors: [loop(9)],
    },
    {
      name: "loop at module level with the same registration",
      code: code`
        ${REGISTRY}
        const hooks = new Registry();
        for (const name of ["a", "b", "c"]) {
          hooks.register("log", logger);
        }
      `,
      errors: [loop(8)],
    },

    // ---------------------------------------------------------------------
    // Syntax
    {
      name: "optional chaining on the registry",
      code: code`
        ${REGISTRY}
        let hooks: Registry | undefined = new Registry();
        setInterval(() => {
          hooks?.register("tick", onTick);
        }, 1000);
      `,
      errors: [callback(8)],
    },
    {
      name: "computed member with a string key",
      code: code`
        ${REGISTRY}
        const hooks = new Registry();
        setInterval(() => {
          hooks["register"]("tick", onTick);
        }, 1000);
      `,
      errors: [callback(8)],
    },
    probable({
      name: "TypeScript casts and non-null assertions",
      code: code`
        import { ipcMain } from "electron";
        export function openWindow(win: Window): void {
          (ipcMain as Electron.IpcMain).handle("a", () => win);
          ipcMain!.handle("b", () => win);
        }
        export const onActivate = (win: Window): void => openWindow(win);
        openWindow(mainWindow);
      `,
      errors: [rerun(3), rerun(4)],
    }),
    {
      name: "plain JavaScript file",
      filename: "tray.js",
      code: code`
        const { ipcMain, app } = require("electron");
        function openWindow() {
          ipcMain.handle("save", (_event, doc) => save(doc));
        }
        app.on("activate", openWindow);
      `,
      errors: [rerun(3)],
    },
    {
      name: "JSX file: a non-component helper run on every route change",
      code: code`
        ${REGISTRY}
        const shortcuts = new Registry();
        function setupShortcuts(router) {
          shortcuts.register("go-home", () => router.push("/"));
        }
        router.on("routeChange", () => setupShortcuts(router));
        export const App = () => <main />;
      `,
      errors: [rerun(8)],
    },
    probable({
      name: "prependListener on a module emitter in refresh()",
      code: code`
        import { EventEmitter } from "node:events";
        const bus = new EventEmitter();
        function refresh(view) {
          bus.prependListener("render", () => view.draw());
        }
        refresh(mainView);
        export function swap(view) { refresh(view); }
      `,
      errors: [rerun(4)],
    }),
    // ---------------------------------------------------------------------
    // Component scripts: a `<script setup>` or Svelte instance `<script>` runs once per
    // component instance, so what its top level declares is the instance's; imports and a
    // module `<script>` stay the module's.
    {
      name: "script setup: a login handler adds an interceptor to an imported client on every login",
      filename: "LoginForm.vue",
      languageOptions: VUE,
      code: code`
        <script setup lang="ts">
        import { api } from "@/api";

        ${LOGIN_HANDLER}
        </script>
        <template><form @submit.prevent="handleLogin"><slot /></form></template>
      `,
      errors: [callback(6)],
    },
    probable({
      name: "script setup: a client declared at its top level is the instance's (probable, like a class member)",
      filename: "LoginForm.vue",
      languageOptions: VUE,
      code: code`
        <script setup lang="ts">
        import axios from "axios";

        const api = axios.create({ baseURL: "/api" });
        ${LOGIN_HANDLER}
        </script>
        <template><form @submit.prevent="handleLogin"><slot /></form></template>
      `,
      errors: [callback(7)],
    }),
    {
      name: "script setup: a client declared in the SFC's plain <script> is shared by every instance",
      filename: "LoginForm.vue",
      languageOptions: VUE,
      code: code`
        <script lang="ts">
        import axios from "axios";
        const api = axios.create({ baseURL: "/api" });
        </script>
        <script setup lang="ts">
        ${LOGIN_HANDLER}
        </script>
        <template><form @submit.prevent="handleLogin"><slot /></form></template>
      `,
      errors: [callback(8)],
    },
    {
      name: "Svelte instance script: a login handler adds an interceptor to an imported client on every login",
      filename: "LoginForm.svelte",
      languageOptions: SVELTE,
      code: code`
        <script>
          import { api } from "$lib/api";

          ${LOGIN_HANDLER}
        </script>

        <form on:submit|preventDefault={handleLogin}><slot /></form>
      `,
      errors: [callback(6)],
    },
    probable({
      name: "Svelte instance script: a client declared at its top level is the instance's (probable, like a class member)",
      filename: "LoginForm.svelte",
      languageOptions: SVELTE,
      code: code`
        <script>
          import axios from "axios";

          const api = axios.create({ baseURL: "/api" });
          ${LOGIN_HANDLER}
        </script>

        <form on:submit|preventDefault={handleLogin}><slot /></form>
      `,
      errors: [callback(7)],
    }),
    {
      name: 'Svelte: a client declared in <script context="module"> is shared by every instance',
      filename: "LoginForm.svelte",
      languageOptions: SVELTE,
      code: code`
        <script context="module">
          import axios from "axios";
          export const api = axios.create({ baseURL: "/api" });
        </script>

        <script>
          ${LOGIN_HANDLER}
        </script>

        <form on:submit|preventDefault={handleLogin}><slot /></form>
      `,
      errors: [callback(9)],
    },
    {
      name: "two registrations, two reports",
      code: code`
        import { ipcMain, app } from "electron";
        app.on("activate", () => {
          ipcMain.handle("a", readA);
          ipcMain.handle("b", readB);
        });
      `,
      errors: [callback(3), callback(4)],
    },
  ],
});

describe("no-repeated-registration options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("registry.register(x);", {
      plugins: { leakproof: plugin as never },
      rules: { "leakproof/no-repeated-registration": ["error", options] as Linter.RuleEntry },
    });

  it("accepts registries and initFunctions", () => {
    expect(lint({ registries: ["hooks"], initFunctions: ["hydrate"] })).toEqual([]);
  });
  it("rejects an unknown option", () => {
    expect(() => lint({ registry: ["hooks"] })).toThrow(/additional properties|unexpected property/i);
  });
  it("rejects a registries value that is not an array", () => {
    expect(() => lint({ registries: "hooks" })).toThrow(/must be array|should be array/i);
  });
  it("rejects empty and duplicate names", () => {
    expect(() => lint({ initFunctions: [""] })).toThrow(/fewer than 1|shorter than 1/i);
    expect(() => lint({ registries: ["a", "a"] })).toThrow(/duplicate/i);
  });
  it("describes every option", () => {
    const schema = rule.meta.schema as unknown as Array<{ properties: Record<string, { description?: string }> }>;
    for (const property of Object.values(schema[0]!.properties)) expect(property.description).toMatch(/\S/);
  });
});

checkRecommended();
