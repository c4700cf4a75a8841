import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-unclosed-resource.js";
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
// ws, mqtt). Each resource below is closed somewhere in the file, but not when its owner
// ends, or by a close the rule cannot prove is this resource's (`conn.socket.close()` in a
// helper taking any connection). By default they are not reported; with
// `reportProbable` (the strict preset) they are, with the same messages as before
// the option existed.
const releasedElsewhere = [
  {
    name: "socket closed by reconnect(), not by dispose()",
    code: code`
      export class FeedClient {
        connect(url) {
          this.ws = new WebSocket(url);
          this.ws.onmessage = (e) => this.emit(e.data);
        }
        reconnect(url) {
          this.ws.close();
          this.connect(url);
        }
        emit(data) {}
        dispose() {
          this.listeners = [];
        }
      }
    `,
    errors: [{ messageId: "notReleasedInTeardown" as const, line: 3 }],
  },
  {
    name: "effect closes its EventSource on error only, not in a cleanup",
    code: code`
      function Ticker({ url }) {
        useEffect(() => {
          const source = new EventSource(url);
          source.onmessage = (e) => setPrice(JSON.parse(e.data));
          source.onerror = () => source.close();
        }, [url]);
        return null;
      }
    `,
    errors: [{ messageId: "notReleasedInTeardown" as const, line: 3 }],
  },
  {
    name: "kept on a connection record, closed by a helper that takes any connection",
    code: code`
      function closeConnection(conn) {
        conn.socket.close();
        conn.socket = null;
      }
      export class FeedClient {
        constructor(url) {
          this.conn = {};
          this.conn.socket = new WebSocket(url);
        }
        drop(conn) {
          closeConnection(conn);
        }
        dispose() {
          this.listeners = [];
        }
      }
    `,
    errors: [{ messageId: "neverReleased" as const, line: 8 }],
  },
];

const { probable, checkRecommended } = gradedCases("no-unclosed-resource");

ruleTester.run("no-unclosed-resource", rule, {
  valid: [
    {
      // standardized-audio-context's worklet faker (sample D): the ports are the resource, and both go to other owners.
      name: "a channel whose ports are both handed on (one returned through a getter, one stored on a parameter) is the receivers' to close",
      code: code`
        export const createFaker = (processorConstructor) => (options) => {
          const messageChannel = new MessageChannel();
          processorConstructor.prototype.port = messageChannel.port1;
          return {
            get port() {
              return messageChannel.port2;
            },
          };
        };
      `,
    },
    {
      name: "a channel whose ports are both passed to other code",
      code: code`
        export function connect(worker, frame) {
          const channel = new MessageChannel();
          worker.postMessage("port", [channel.port1]);
          frame.postMessage("port", "*", [channel.port2]);
        }
      `,
    },
    {
      name: "a composable's own ref filled once per mount is no replacement",
      code: code`
        import { shallowRef } from "vue";
        import { tryOnMounted, tryOnScopeDispose } from "@vueuse/shared";
        export function useChannel(name) {
          const channel = shallowRef();
          tryOnMounted(() => {
            channel.value = new BroadcastChannel(name);
          });
          tryOnScopeDispose(() => {
            if (channel.value) channel.value.close();
          });
          return channel;
        }
      `,
    },
    {
      name: "closed through a getter that checks before returning the field (compiled pool worker)",
      code: code`
        import { fork } from "node:child_process";
        export class ForksWorker {
          _fork;
          async start() {
            this._fork ||= fork("worker.js", [], { stdio: "pipe" });
          }
          async stop() {
            const child = this.fork;
            child.kill();
            this._fork = void 0;
          }
          get fork() {
            if (!this._fork) throw new Error("not started");
            return this._fork;
          }
        }
      `,
    },
    // ---------------------------------------------------------------------
    // Owners: React effects
    {
      name: "effect closes its WebSocket in the cleanup",
      code: code`
        export function ChatRoom({ roomId }) {
          const [messages, setMessages] = useState([]);
          useEffect(() => {
            const ws = new WebSocket(\`wss://chat.example.com/rooms/\${roomId}\`);
            ws.onmessage = (event) => setMessages((list) => [...list, JSON.parse(event.data)]);
            return () => ws.close();
          }, [roomId]);
          return <MessageList messages={messages} />;
        }
      `,
    },
    {
      name: "EventSource closed by a named cleanup function",
      code: code`
        function useServerEvents(url, onEvent) {
          useEffect(() => {
            const source = new EventSource(url, { withCredentials: true });
            source.addEventListener("update", onEvent);
            function stop() {
              source.close();
            }
            return stop;
          }, [url, onEvent]);
        }
      `,
    },
    {
      name: "BroadcastChannel with onmessage, closed in the cleanup",
      code: code`
        function useCrossTabLogout(onLogout) {
          useEffect(() => {
            const channel = new BroadcastChannel("auth");
            channel.onmessage = (event) => {
              if (event.data === "logout") onLogout();
            };
            return () => {
              channel.onmessage = null;
              channel.close();
            };
          }, [onLogout]);
        }
      `,
    },
    {
      name: "Worker terminated in the cleanup",
      code: code`
        export function ImageFilter({ bitmap }) {
          const [output, setOutput] = useState(null);
          useEffect(() => {
            const worker = new Worker(new URL("./filter.worker.js", import.meta.url), { type: "module" });
            worker.onmessage = (event) => setOutput(event.data);
            worker.postMessage(bitmap, [bitmap]);
            return () => worker.terminate();
          }, [bitmap]);
          return output ? <canvas ref={(c) => c && draw(c, output)} /> : <Spinner />;
        }
      `,
    },
    {
      name: "SharedWorker port closed in the cleanup",
      code: code`
        function usePresence(userId) {
          useEffect(() => {
            const worker = new SharedWorker("/presence.js");
            worker.port.start();
            worker.port.postMessage({ type: "join", userId });
            return () => worker.port.close();
          }, [userId]);
        }
      `,
    },
    {
      name: "MessageChannel port closed, RTCPeerConnection closed, AudioContext closed",
      code: code`
        function Call({ iceServers }) {
          useEffect(() => {
            const pc = new RTCPeerConnection({ iceServers });
            const audio = new AudioContext();
            const channel = new MessageChannel();
            bridge.connect(channel.port2);
            return () => {
              pc.close();
              void audio.close();
              channel.port1.close();
            };
          }, [iceServers]);
          return null;
        }
      `,
    },
    {
      name: "useRef socket closed in cleanup, replaced only after closing",
      code: code`
        function LiveTicker({ url }) {
          const socketRef = useRef(null);
          const reconnect = useCallback(() => {
            socketRef.current?.close();
            socketRef.current = new WebSocket(url);
          }, [url]);
          useEffect(() => {
            reconnect();
            return () => socketRef.current?.close();
          }, [reconnect]);
          return <button onClick={reconnect}>Reconnect</button>;
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: classes
    {
      name: "client class: connect() closes the previous socket, disconnect() closes it",
      code: code`
        export class QuoteClient {
          constructor(url) {
            this.url = url;
            this.ws = null;
          }
          connect() {
            this.disconnect();
            this.ws = new WebSocket(this.url);
            this.ws.onmessage = (event) => this.emit(JSON.parse(event.data));
          }
          disconnect() {
            if (!this.ws) return;
            this.ws.onmessage = null;
            this.ws.close(1000, "bye");
            this.ws = null;
          }
        }
      `,
    },
    {
      name: "connect() guarded by the existing socket (TS, optional chaining)",
      code: code`
        export class PushChannel {
          private source?: EventSource;
          open(url: string): void {
            if (this.source) return;
            this.source = new EventSource(url);
          }
          dispose(): void {
            this.source?.close();
            this.source = undefined;
          }
        }
      `,
    },
    {
      name: "React class component closes in componentWillUnmount",
      code: code`
        export class Notifications extends React.Component {
          componentDidMount() {
            this.source = new EventSource("/api/notifications");
            this.source.onmessage = (e) => this.setState({ last: e.data });
          }
          componentWillUnmount() {
            this.source.close();
          }
          render() {
            return <Badge text={this.state?.last} />;
          }
        }
      `,
    },
    {
      name: "web component opens in connectedCallback and closes in disconnectedCallback",
      code: code`
        class CartBadge extends HTMLElement {
          connectedCallback() {
            this.channel = new BroadcastChannel("cart");
            this.channel.onmessage = (e) => (this.textContent = String(e.data.count));
          }
          disconnectedCallback() {
            this.channel.close();
          }
        }
        customElements.define("cart-badge", CartBadge);
      `,
    },
    {
      name: "Angular component closes in ngOnDestroy through a helper method",
      code: code`
        @Component({ selector: "app-feed", template: "<ul></ul>" })
        export class FeedComponent implements OnInit, OnDestroy {
          private socket!: WebSocket;
          ngOnInit(): void {
            this.socket = new WebSocket(environment.feedUrl);
            this.socket.onmessage = (event) => this.items.push(event.data);
          }
          ngOnDestroy(): void {
            this.closeSocket();
          }
          private closeSocket(): void {
            this.socket.close();
          }
        }
      `,
    },
    {
      name: "Angular DestroyRef.onDestroy closes the worker",
      code: code`
        @Injectable({ providedIn: "root" })
        export class ThumbnailService {
          private readonly worker = new Worker(new URL("./thumbs.worker", import.meta.url));
          constructor() {
            inject(DestroyRef).onDestroy(() => this.worker.terminate());
          }
        }
      `,
    },
    {
      name: "class with [Symbol.dispose] closing a watcher",
      code: code`
        import { watch } from "node:fs";
        export class ConfigWatcher {
          constructor(path, onChange) {
            this.watcher = watch(path, () => onChange(path));
          }
          [Symbol.dispose]() {
            this.watcher.close();
          }
        }
      `,
    },
    {
      name: "spawned process killed in stop(), start() guarded",
      code: code`
        import { spawn } from "node:child_process";
        export class Transcoder {
          start(input) {
            if (this.proc) return;
            this.proc = spawn("ffmpeg", ["-i", input, "-f", "mpegts", "pipe:1"]);
            this.proc.stdout.on("data", (chunk) => this.push(chunk));
          }
          stop() {
            this.proc?.kill("SIGTERM");
            this.proc = undefined;
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Owners: plain functions, loops, request handlers
    {
      name: "watcher closed in finally",
      code: code`
        import fs from "node:fs";
        export async function waitForBuild(dir, signal) {
          const watcher = fs.watch(dir);
          try {
            await new Promise((resolve, reject) => {
              watcher.on("change", resolve);
              signal.addEventListener("abort", reject, { once: true });
            });
          } finally {
            watcher.close();
          }
        }
      `,
    },
    {
      name: "readline interface closed after the prompt",
      code: code`
        import * as readline from "node:readline/promises";
        import { createInterface } from "node:readline";
        export async function confirm(question) {
          const rl = createInterface({ input: process.stdin, output: process.stdout });
          try {
            const answer = await new Promise((resolve) => rl.question(question, resolve));
            return /^y/i.test(answer);
          } finally {
            rl.close();
          }
        }
      `,
    },
    {
      name: "readline interface consumed with for await (closes itself)",
      code: code`
        const fs = require("node:fs");
        const readline = require("node:readline");
        async function countErrors(file) {
          const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
          let errors = 0;
          for await (const line of lines) {
            if (line.includes("ERROR")) errors++;
          }
          return errors;
        }
        module.exports = { countErrors };
      `,
      filename: "file.js",
    },
    {
      name: "each socket of a loop is closed in the same iteration",
      code: code`
        export async function probeAll(urls) {
          const results = [];
          for (const url of urls) {
            const ws = new WebSocket(url);
            try {
              results.push(await firstMessage(ws));
            } finally {
              ws.close();
            }
          }
          return results;
        }
      `,
    },
    {
      name: "per-request watcher closed when the request ends",
      code: code`
        import { watch } from "node:fs";
        app.get("/logs/live", (req, res) => {
          res.setHeader("Content-Type", "text/event-stream");
          const watcher = watch(LOG_DIR, (event, name) => res.write(\`data: \${name}\\n\\n\`));
          req.on("close", () => watcher.close());
        });
      `,
    },
    {
      name: "per-request child process waited for with an exit listener",
      code: code`
        import { spawn } from "node:child_process";
        app.post("/thumbnail", (req, res) => {
          const child = spawn("convert", [req.file.path, "-resize", "200x200", "png:-"]);
          child.stdout.pipe(res);
          child.on("close", (code) => {
            if (code !== 0) res.status(500).end();
          });
        });
      `,
    },
    {
      name: "per-call socket in an interval is destroyed",
      code: code`
        import net from "node:net";
        setInterval(() => {
          const probe = net.createConnection({ host: DB_HOST, port: 5432 });
          probe.setTimeout(2000);
          probe.on("connect", () => {
            markUp();
            probe.end();
          });
          probe.on("error", () => probe.destroy());
        }, 10_000);
      `,
    },

    // ---------------------------------------------------------------------
    // False-alarm traps: returned, handed over, started once, scoped
    {
      name: "resource returned to the caller",
      code: code`
        export function openFeed(url, onTick) {
          const source = new EventSource(url);
          source.onmessage = (event) => onTick(JSON.parse(event.data));
          return source;
        }
        export const connect = (url) => new WebSocket(url);
      `,
    },
    {
      name: "resource passed to a registry that owns it",
      code: code`
        export function track(url) {
          const ws = new WebSocket(url);
          connections.add(ws);
        }
        export function spawnWorker(pool) {
          const worker = new Worker("/worker.js");
          pool.register(worker);
        }
      `,
    },
    {
      name: "resolved out of a promise executor",
      code: code`
        export function openSocket(url) {
          return new Promise((resolve, reject) => {
            const ws = new WebSocket(url);
            ws.onopen = () => resolve(ws);
            ws.onerror = (err) => reject(err);
          });
        }
      `,
    },
    {
      name: "server started once in main()",
      code: code`
        import http from "node:http";
        import { createServer } from "node:net";
        async function main() {
          const server = http.createServer(app);
          server.listen(Number(process.env.PORT ?? 3000));
          const admin = createServer(handleAdmin).listen(9000);
          process.on("SIGTERM", () => admin.close());
        }
        main();
      `,
    },
    {
      name: "module-level resources live for the program",
      code: code`
        import { fork } from "node:child_process";
        export const bus = new BroadcastChannel("app");
        export const indexer = fork("./indexer.js");
        const socket = new WebSocket(API_URL);
        socket.onopen = () => socket.send("hello");
      `,
    },
    {
      name: "using / await using declarations release at scope end",
      code: code`
        import { watch } from "node:fs";
        export async function waitOnce(path: string): Promise<void> {
          using watcher = watch(path);
          await once(watcher, "change");
        }
        export async function ping(name: string): Promise<void> {
          await using channel = new BroadcastChannel(name);
          channel.postMessage("ping");
        }
      `,
    },
    {
      name: "user close() on unrelated objects",
      code: code`
        export class Modal {
          open() {
            this.dialog = document.createElement("dialog");
            this.dialog.showModal();
          }
          close() {
            this.dialog.close();
          }
        }
        export class Db {
          connect() {
            this.pool = createPool(config);
          }
          close() {
            return this.pool.end();
          }
        }
      `,
    },
    {
      name: "locally declared or imported look-alikes are not the globals",
      code: code`
        import { WebSocket } from "./testing/fake-socket";
        import { watch } from "vue";
        class Worker {
          run() {}
        }
        export function setup(props) {
          const ws = new WebSocket("ws://test");
          new Worker().run();
          watch(() => props.id, (id) => ws.send(id));
        }
      `,
    },
    {
      name: "a local fs-like object is not node:fs",
      code: code`
        import * as fsp from "node:fs/promises";
        export function observe(vfs, dir) {
          const fs = vfs.scoped(dir);
          fs.watch(dir, onChange);
        }
        export async function tail(file) {
          for await (const event of fsp.watch(file)) console.log(event);
        }
      `,
    },
    {
      name: "handler reset in the cleanup on a shared socket",
      code: code`
        const socket = new WebSocket(API_URL);
        export function Presence() {
          const [online, setOnline] = useState(0);
          useEffect(() => {
            socket.onmessage = (event) => setOnline(JSON.parse(event.data).online);
            return () => {
              socket.onmessage = null;
            };
          }, []);
          return <span>{online}</span>;
        }
      `,
    },
    {
      name: "handlers on the owner's own socket need no reset",
      code: code`
        export class Ticker {
          start() {
            if (this.ws) return;
            this.ws = new WebSocket(TICKER_URL);
            this.ws.onmessage = (e) => this.render(e.data);
            this.ws.onclose = () => this.render(null);
          }
          stop() {
            this.ws.close();
          }
        }
      `,
    },
    {
      name: "reconnect from the old socket's onclose replaces a closed socket",
      code: code`
        export class ReconnectingSocket {
          constructor(url) {
            this.url = url;
            this.connect();
          }
          connect() {
            this.ws = new WebSocket(this.url);
            this.ws.onclose = () => {
              if (!this.closed) setTimeout(() => this.connect(), 1000);
            };
          }
          close() {
            this.closed = true;
            this.ws.close();
          }
        }
      `,
    },
    {
      name: "fs.watchFile stopped with fs.unwatchFile in the teardown",
      code: code`
        import fs from "node:fs";
        export class HotConfig {
          constructor(file) {
            this.file = file;
            fs.watchFile(file, { interval: 500 }, () => this.reload());
          }
          dispose() {
            fs.unwatchFile(this.file);
          }
        }
      `,
    },

    // ---------------------------------------------------------------------
    // Syntax: computed members, global hosts, missing arguments, JS
    {
      name: "computed members and window.WebSocket",
      code: code`
        function Pulse() {
          useEffect(() => {
            const ws = new window["WebSocket"](PULSE_URL);
            ws["onmessage"] = pulse;
            return () => ws["close"]();
          }, []);
          return null;
        }
      `,
    },
    {
      name: "terminate() on a ws socket, plain JS file",
      code: code`
        import WebSocket from "ws";
        export class Upstream {
          open() {
            if (this.socket) return;
            this.socket = new WebSocket(process.env.UPSTREAM);
          }
          stop() {
            this.socket.terminate();
          }
        }
      `,
      filename: "file.js",
    },
    {
      name: "child process killed in a teardown option",
      code: code`
        import { fork } from "node:child_process";
        export class IndexerHost {
          boot() {
            if (this.child) return;
            this.child = fork("./indexer.js");
          }
          shutdown() {
            this.child.kill();
          }
        }
      `,
      options: [{ teardownMethods: ["shutdown"] }],
    },
    {
      name: "worker_threads worker waited for with once(worker, 'exit')",
      code: code`
        import { Worker } from "node:worker_threads";
        import { once } from "node:events";
        export async function runJob(data) {
          const worker = new Worker(new URL("./job.js", import.meta.url), { workerData: data });
          const [code] = await once(worker, "exit");
          return code;
        }
      `,
    },
    {
      name: "watchFile / unwatchFile imported by name, same string path",
      code: code`
        import { watchFile, unwatchFile } from "node:fs";
        export function useHotReload() {
          useEffect(() => {
            watchFile("config.json", reloadConfig);
            return () => unwatchFile("config.json", reloadConfig);
          }, []);
        }
      `,
    },
    {
      name: "spawn(...).on('exit') chained on the acquisition waits for the process",
      code: code`
        import { spawn } from "node:child_process";
        export const handler = (req, res) => {
          spawn("git", ["gc", "--auto"], { cwd: req.params.repo }).on("exit", (code) => res.json({ code }));
        };
      `,
    },
    {
      name: "plain class with teardown resets its handler on a shared channel",
      code: code`
        const updates = new BroadcastChannel("updates");
        export class UpdateBanner {
          constructor(el) {
            this.el = el;
            updates.onmessage = () => this.el.removeAttribute("hidden");
          }
          destroy() {
            updates.onmessage = null;
            this.el.remove();
          }
        }
      `,
      filename: "file.jsx",
    },
    {
      name: "module variable opened by an init function and closed by a shutdown function",
      code: code`
        import { BroadcastChannel } from "node:worker_threads";
        let invalidations;
        export function initCache() {
          invalidations = new BroadcastChannel("cache-invalidation");
          invalidations.onmessage = (event) => cache.delete(event.data.key);
        }
        export function shutdownCache() {
          invalidations.close();
        }
      `,
    },
    {
      name: "reconnectNow() closes the old socket before calling connect()",
      code: code`
        export class StatusFeed {
          constructor(url) {
            this.url = url;
            this.connect();
          }
          connect() {
            this.ws = new WebSocket(this.url);
            this.ws.addEventListener("close", () => this.disposed || setTimeout(() => this.connect(), 1000));
          }
          reconnectNow() {
            this.ws.close();
            this.connect();
          }
          dispose() {
            this.disposed = true;
            this.ws.close();
          }
        }
      `,
    },
    // ---------------------------------------------------------------------
    // Real-code shapes (bench review): closed, but not on the owner's end or not provably
    // this resource; not reported by default (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({ name: `released elsewhere: ${shape.name}`, code: shape.code })),
  ],

  invalid: [
    probable({
      // Joplin (sample E): `server-destroy` adds destroy() to the server; its stop() calls it.
      name: "a teardown that calls another release method on the handle (server.destroy()) may end it",
      code: code`
        const http = require("http");
        const enableServerDestroy = require("server-destroy");
        class ResourceServer {
          start() {
            this.server = http.createServer();
            enableServerDestroy(this.server);
            this.server.listen(9167);
          }
          stop() {
            if (this.server) this.server.destroy();
          }
        }
        module.exports = ResourceServer;
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    }),
    {
      name: "a channel that hands on one port and keeps listening on the other still holds that one",
      code: code`
        export function bridge(frame) {
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => console.log(event.data);
          return channel.port2;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    },
    probable({
      name: "what a lazily created singleton's constructor opens is held once for the program, whatever stop() does",
      code: code`
        import http from "node:http";
        export class AppServer {
          static instance;
          static getInstance() {
            if (!AppServer.instance) AppServer.instance = new AppServer();
            return AppServer.instance;
          }
          constructor() {
            this.httpServer = http.createServer(handler);
          }
          async stop() {
            this.stopped = true;
          }
        }
        function handler() {}
      `,
      errors: [{ messageId: "neverReleased", line: 9 }],
    }),
    // ---------------------------------------------------------------------
    // Owners: React effects and components
    {
      name: "effect opens a WebSocket and never closes it",
      code: code`
        export function ChatRoom({ roomId }) {
          const [messages, setMessages] = useState([]);
          useEffect(() => {
            const ws = new WebSocket(\`wss://chat.example.com/rooms/\${roomId}\`);
            ws.onmessage = (event) => setMessages((list) => [...list, JSON.parse(event.data)]);
          }, [roomId]);
          return <MessageList messages={messages} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
    {
      name: "EventSource discarded in an effect",
      code: code`
        function useServerEvents(url, onEvent) {
          useEffect(() => {
            new EventSource(url).addEventListener("update", onEvent);
          }, [url, onEvent]);
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    },
    {
      name: "cleanup resets the handler but leaves the channel open",
      code: code`
        function useCrossTabLogout(onLogout) {
          useEffect(() => {
            const channel = new BroadcastChannel("auth");
            channel.onmessage = (event) => event.data === "logout" && onLogout();
            return () => {
              channel.onmessage = null;
            };
          }, [onLogout]);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "worker never terminated",
      code: code`
        export function ImageFilter({ bitmap }) {
          const [output, setOutput] = useState(null);
          useEffect(() => {
            const worker = new Worker(new URL("./filter.worker.js", import.meta.url), { type: "module" });
            worker.onmessage = (event) => setOutput(event.data);
            worker.postMessage(bitmap, [bitmap]);
          }, [bitmap]);
          return <canvas data-ready={!!output} />;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
    {
      name: "SharedWorker port started, never closed",
      code: code`
        function usePresence(userId) {
          useEffect(() => {
            const worker = new SharedWorker("/presence.js");
            worker.port.start();
            worker.port.postMessage({ type: "join", userId });
            return () => worker.port.postMessage({ type: "leave", userId });
          }, [userId]);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "MessageChannel ports never closed",
      code: code`
        function useIframeBridge(frameRef) {
          useEffect(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (e) => handleFrameMessage(e.data);
            frameRef.current.contentWindow.postMessage("init", "*", [channel.port2]);
          }, [frameRef]);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "RTCPeerConnection in a click handler of a component",
      code: code`
        export function CallButton({ peerId }) {
          function startCall() {
            const pc = new RTCPeerConnection({ iceServers: ICE });
            pc.ontrack = (e) => attach(e.streams[0]);
            pc.createOffer().then((offer) => sendOffer(peerId, offer));
          }
          return <button onClick={startCall}>Call</button>;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "AudioContext created on every render",
      code: code`
        export function Beeper({ frequency }) {
          const audio = new AudioContext();
          const beep = () => audio.createOscillator().start();
          return <button onClick={beep}>Beep</button>;
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "closed by a button, but not when the component unmounts",
      code: code`
        function LiveTicker({ url }) {
          const socketRef = useRef(null);
          useEffect(() => {
            socketRef.current = new WebSocket(url);
            return () => console.log("bye");
          }, [url]);
          const hangUp = () => socketRef.current.close();
          return <button onClick={hangUp}>Stop</button>;
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 4 }],
    },
    {
      name: "reconnect callback replaces the ref's socket without closing it",
      code: code`
        function LiveTicker({ url }) {
          const socketRef = useRef(null);
          const reconnect = () => {
            socketRef.current = new WebSocket(url);
          };
          useEffect(() => {
            reconnect();
            return () => socketRef.current.close();
          }, [url]);
          return <button onClick={reconnect}>Reconnect</button>;
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 4 }],
    },
    {
      name: "effect leaves onmessage on a shared module-level socket",
      code: code`
        const socket = new WebSocket(API_URL);
        export function Presence() {
          const [online, setOnline] = useState(0);
          useEffect(() => {
            socket.onmessage = (event) => setOnline(JSON.parse(event.data).online);
          }, []);
          return <span>{online}</span>;
        }
      `,
      errors: [{ messageId: "handlerLeftInPlace", line: 5 }],
    },

    // ---------------------------------------------------------------------
    // Owners: classes
    {
      name: "disconnect() forgets to close the socket (field report)",
      code: code`
        export class WsClient {
          constructor(url) {
            this.url = url;
            this.handlers = new Set();
          }
          connect() {
            this.ws = new WebSocket(this.url);
            this.ws.onmessage = (e) => this.handlers.forEach((h) => h(JSON.parse(e.data)));
            this.ws.onclose = () => this.emit("closed");
          }
          disconnect() {
            this.connected = false;
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 7 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "closed only in a method the teardown never calls",
      code: code`
        export class WsClient {
          connect() {
            if (this.ws) return;
            this.ws = new WebSocket(this.url);
          }
          reconnectLater() {
            this.ws.close();
            this.ws = null;
            setTimeout(() => this.connect(), 1000);
          }
          disconnect() {
            this.handlers.clear();
          }
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 4 }],
    },
    {
      name: "reconnect on 'online' replaces a live socket",
      code: code`
        export class StatusFeed {
          constructor(url) {
            this.url = url;
            this.onOnline = () => this.connect();
            window.addEventListener("online", this.onOnline);
          }
          connect() {
            this.ws = new WebSocket(this.url);
          }
          dispose() {
            window.removeEventListener("online", this.onOnline);
            this.ws.close();
          }
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 8 }],
    },
    probable({
      name: "plain class reopening an EventSource (TS)",
      code: code`
        export class PushChannel {
          private source?: EventSource;
          open(url: string): void {
            this.source = new EventSource(url);
          }
          close(): void {
            this.source?.close();
          }
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 4 }],
    }),
    {
      name: "MSE player: stop() leaves the RTSP socket and its handlers alive (field report)",
      code: code`
        export class MsePlayer {
          constructor(video, url) {
            this.video = video;
            this.url = url;
          }
          start() {
            if (this.socket) return;
            this.mediaSource = new MediaSource();
            this.video.src = URL.createObjectURL(this.mediaSource);
            this.socket = new WebSocket(this.url);
            this.socket.binaryType = "arraybuffer";
            this.socket.onmessage = (e) => this.sourceBuffer?.appendBuffer(e.data);
          }
          stop() {
            this.video.pause();
            this.video.removeAttribute("src");
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 10 }],
    },
    {
      name: "React class component leaves its EventSource open",
      code: code`
        export class Notifications extends React.Component {
          componentDidMount() {
            this.source = new EventSource("/api/notifications");
            this.source.onmessage = (e) => this.setState({ last: e.data });
          }
          componentWillUnmount() {
            this.setState = () => {};
          }
          render() {
            return <Badge text={this.state?.last} />;
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "web component closes the channel in a method outside disconnectedCallback",
      code: code`
        class CartBadge extends HTMLElement {
          connectedCallback() {
            this.channel = new BroadcastChannel("cart");
            this.channel.onmessage = (e) => (this.textContent = String(e.data.count));
          }
          reset() {
            this.channel.close();
          }
          disconnectedCallback() {
            this.textContent = "";
          }
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 3 }],
    },
    {
      name: "Angular component never closes its socket",
      code: code`
        @Component({ selector: "app-feed", template: "<ul></ul>" })
        export class FeedComponent implements OnInit, OnDestroy {
          private socket!: WebSocket;
          ngOnInit(): void {
            this.socket = new WebSocket(environment.feedUrl);
            this.socket.onmessage = (event) => this.items.push(event.data);
          }
          ngOnDestroy(): void {
            this.items = [];
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
    {
      name: "Angular component leaves handlers on a shared EventSource",
      code: code`
        export const events = new EventSource("/api/events");

        @Component({ selector: "app-alerts", template: "" })
        export class AlertsComponent implements OnInit, OnDestroy {
          ngOnInit(): void {
            events.onmessage = (e) => this.alerts.push(e.data);
            events.onerror = () => this.offline = true;
          }
          ngOnDestroy(): void {
            events.onerror = null;
          }
        }
      `,
      errors: [{ messageId: "handlerLeftInPlace", line: 6 }],
    },
    {
      name: "class field worker never terminated by dispose()",
      code: code`
        export class SpellChecker {
          worker = new Worker("/spell.worker.js");
          check(text) {
            this.worker.postMessage(text);
          }
          dispose() {
            this.cache.clear();
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 2 }],
    },
    {
      name: "AudioContext per call in a plain class",
      code: code`
        export class SoundFx {
          play(buffer) {
            const ctx = new AudioContext();
            const source = ctx.createBufferSource();
            source.buffer = buffer;
            source.connect(ctx.destination);
            source.start();
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "spawned process not killed by stop()",
      code: code`
        import { spawn } from "node:child_process";
        export class Transcoder {
          start(input) {
            if (this.proc) return;
            this.proc = spawn("ffmpeg", ["-i", input, "-f", "mpegts", "pipe:1"]);
            this.proc.stdout.on("data", (chunk) => this.push(chunk));
          }
          stop() {
            this.proc = undefined;
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
    {
      name: "watchFile never unwatched by the teardown",
      code: code`
        import fs from "node:fs";
        export class HotConfig {
          constructor(file) {
            this.file = file;
            fs.watchFile(file, { interval: 500 }, () => this.reload());
          }
          dispose() {
            this.config = null;
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    },

    // ---------------------------------------------------------------------
    // Owners: plain functions, loops, request handlers, executors
    probable({
      name: "fs.watch per call, result dropped",
      code: code`
        import * as fs from "node:fs";
        export function onConfigChange(file, reload) {
          fs.watch(file, () => reload(file));
        }
      `,
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    {
      name: "destructured require of watch, kept in a local",
      code: code`
        const { watch } = require("fs");
        function waitForFile(dir, name) {
          const watcher = watch(dir);
          watcher.on("rename", (file) => file === name && notify(name));
        }
        module.exports = { waitForFile };
      `,
      filename: "file.js",
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "readline interface never closed (the CLI never exits)",
      code: code`
        import readline from "node:readline";
        export async function ask(question) {
          const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
          return await new Promise((resolve) => rl.question(question, resolve));
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "health-check socket per interval tick, never ended",
      code: code`
        import net from "node:net";
        setInterval(() => {
          const probe = net.createConnection({ host: DB_HOST, port: 5432 });
          probe.on("connect", () => markUp());
        }, 10_000);
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "per-request tail -f never killed",
      code: code`
        import { spawn } from "node:child_process";
        app.get("/logs/stream", (req, res) => {
          const tail = spawn("tail", ["-f", LOG_FILE]);
          tail.stdout.on("data", (chunk) => res.write(chunk));
        });
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "fork per job in a loop, never killed",
      code: code`
        const { fork } = require("node:child_process");
        async function processAll(jobs) {
          for (const job of jobs) {
            const child = fork("./render.js", [job.id]);
            child.send(job);
          }
        }
        module.exports = { processAll };
      `,
      filename: "file.js",
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
    {
      name: "worker_threads Worker per job, never terminated",
      code: code`
        import { Worker } from "node:worker_threads";
        export function resize(image) {
          return new Promise((resolve) => {
            const worker = new Worker("./resize-worker.js");
            worker.once("message", resolve);
            worker.postMessage(image);
          });
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
    {
      name: "per-request http server (tests helper style) in a request handler",
      code: code`
        import http from "node:http";
        export const handler = (req, res) => {
          const preview = http.createServer(renderPreview);
          preview.listen(0, () => res.end(String(preview.address().port)));
        };
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "BroadcastChannel from node:worker_threads per call",
      code: code`
        import { BroadcastChannel } from "node:worker_threads";
        export function announce(topic, payload) {
          const channel = new BroadcastChannel(topic);
          channel.postMessage(payload);
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "WebSocket per call in a loop body",
      code: code`
        export function subscribeAll(symbols, onQuote) {
          for (const symbol of symbols) {
            const ws = new WebSocket(\`wss://quotes.example.com/\${symbol}\`);
            ws.onmessage = (e) => onQuote(symbol, e.data);
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "ws client per call in a plain function, only handlers set",
      code: code`
        import WebSocket from "ws";
        export function notifyUpstream(event) {
          const socket = new WebSocket(process.env.UPSTREAM_URL);
          socket.on("open", () => socket.send(JSON.stringify(event)));
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },

    // ---------------------------------------------------------------------
    // Syntax: global hosts, computed members, missing arguments, JS
    {
      name: "globalThis.EventSource and computed window['WebSocket']",
      code: code`
        function Dashboard() {
          useEffect(() => {
            const events = new globalThis.EventSource("/events");
            const ws = new window["WebSocket"]("/ws");
            ws["onmessage"] = (e) => events.dispatchEvent(e);
          }, []);
          return null;
        }
      `,
      errors: [
        { messageId: "neverReleased", line: 3 },
        { messageId: "neverReleased", line: 4 },
      ],
    },
    {
      name: "missing constructor arguments are still resources",
      code: code`
        export class Mixer {
          start() {
            if (this.ctx) return;
            this.ctx = new AudioContext();
            this.bus = new MessageChannel();
          }
          destroy() {
            this.ctx.close();
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 5 }],
    },
    probable({
      name: "fs.watch() without arguments, in a JS file",
      code: code`
        import fs from "fs";
        export function start() {
          fs.watch();
        }
      `,
      filename: "file.js",
      errors: [{ messageId: "discarded", line: 3 }],
    }),
    {
      name: "custom teardown method from options",
      code: code`
        import { fork } from "node:child_process";
        export class IndexerHost {
          boot() {
            if (this.child) return;
            this.child = fork("./indexer.js");
          }
          restart() {
            this.child.kill();
            this.child = fork("./indexer.js");
          }
          shutdown() {
            this.child = null;
          }
        }
      `,
      options: [{ reportProbable: true, teardownMethods: ["shutdown"] }],
      errors: [
        { messageId: "notReleasedInTeardown", line: 5 },
        { messageId: "notReleasedInTeardown", line: 9 },
      ],
    },
    {
      name: "plain class with teardown leaves its handler on a shared channel",
      code: code`
        const updates = new BroadcastChannel("updates");
        export class UpdateBanner {
          constructor(el) {
            this.el = el;
            updates.onmessage = () => this.el.removeAttribute("hidden");
          }
          destroy() {
            this.el.remove();
          }
        }
      `,
      filename: "file.jsx",
      errors: [{ messageId: "handlerLeftInPlace", line: 5 }],
    },
    {
      name: "web component leaves onmessage on a module-level worker (TS)",
      code: code`
        const pricing: Worker = new Worker("/pricing.worker.js");
        export class PriceTag extends HTMLElement {
          connectedCallback(): void {
            pricing.onmessage = (e: MessageEvent<number>) => {
              this.textContent = e.data.toFixed(2);
            };
          }
          disconnectedCallback(): void {
            this.textContent = "";
          }
        }
      `,
      errors: [{ messageId: "handlerLeftInPlace", line: 4 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "watchFile unwatched outside the effect cleanup",
      code: code`
        import { watchFile, unwatchFile } from "node:fs";
        export function useHotReload(path) {
          useEffect(() => {
            watchFile(path, reloadConfig);
          }, [path]);
          return () => unwatchFile(path);
        }
      `,
      errors: [{ messageId: "notReleasedInTeardown", line: 4 }],
    },
    {
      name: "watchFile per request, unwatching another path",
      code: code`
        import fs from "node:fs";
        app.get("/wait/:name", (req, res) => {
          const file = \`\${UPLOADS}/\${req.params.name}\`;
          fs.watchFile(file, () => res.end("ready"));
          fs.unwatchFile(UPLOADS);
        });
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
    {
      name: "executor keeps a socket nobody can close after the promise settles",
      code: code`
        export function firstQuote(url) {
          return new Promise((resolve, reject) => {
            const ws = new WebSocket(url);
            ws.onmessage = (event) => resolve(JSON.parse(event.data));
            ws.onerror = reject;
          });
        }
      `,
      errors: [{ messageId: "neverReleased", line: 3 }],
    },
    {
      name: "module variable replaced on every 'online' event without closing",
      code: code`
        let socket;
        function connect() {
          socket?.close();
          socket = new WebSocket(FEED_URL);
        }
        window.addEventListener("online", () => {
          socket = new WebSocket(FEED_URL);
        });
        export function stop() {
          socket.close();
        }
      `,
      errors: [{ messageId: "replacedWithoutRelease", line: 7 }],
    },
    // ---------------------------------------------------------------------
    // Real-code shapes (bench review): the same code with `reportProbable`
    // reports what the default mode leaves out (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({
      ...shape,
      name: `reportProbable: ${shape.name}`,
      options: [{ reportProbable: true }] as [{ reportProbable: boolean }],
    })),

    // Real-code shapes (bench review): the loose match is not too wide.
    {
      name: "bench exemptions: a close of the same field name on another fixed object",
      code: code`
        export class FeedClient {
          constructor(url) {
            this.primary = {};
            this.primary.socket = new WebSocket(url);
          }
          dispose() {
            this.backup.socket.close();
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 4 }],
    },
    {
      name: "bench exemptions: a helper closing another field name does not count",
      code: code`
        function closeConnection(conn) {
          conn.channel.close();
        }
        export class FeedClient {
          constructor(url) {
            this.conn = {};
            this.conn.socket = new WebSocket(url);
          }
          drop(conn) {
            closeConnection(conn);
          }
          dispose() {
            this.listeners = [];
          }
        }
      `,
      errors: [{ messageId: "neverReleased", line: 7 }],
    },
  ],
});

describe("no-unclosed-resource options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("const ws = new WebSocket(url);", {
      plugins: { leakproof: plugin as never },
      rules: { "leakproof/no-unclosed-resource": ["error", options] as Linter.RuleEntry },
    });

  it("accepts a list of teardown method names", () => {
    expect(lint({ teardownMethods: ["shutdown", "release"] })).toEqual([]);
  });
  it("rejects a non-array teardownMethods", () => {
    expect(() => lint({ teardownMethods: "shutdown" })).toThrow(/teardownMethods|should be array|must be array/i);
  });
  it("rejects an unknown property", () => {
    expect(() => lint({ closeMethods: ["shutdown"] })).toThrow(/additional properties|unexpected property/i);
  });
  it("rejects duplicate or empty method names", () => {
    expect(() => lint({ teardownMethods: ["shutdown", "shutdown"] })).toThrow(/duplicate|unique/i);
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

describe("socket client teardown: timer and resource rules together", () => {
  const source = code`
    export class LiveClient {
      connect() {
        if (this.ws) return;
        this.ws = new WebSocket(this.url);
        this.ws.onmessage = (e) => this.subscribers.forEach((fn) => fn(e.data));
        this.ping = setInterval(() => this.ws.send("ping"), 15_000);
      }
      disconnect() {
        this.ws.close();
        this.ws = null;
      }
    }
    const shared = new WebSocket(FEED_URL);
    export function Feed() {
      useEffect(() => {
        shared.onmessage = (e) => render(e.data);
        const ping = setInterval(() => shared.send("ping"), 15_000);
      }, []);
      return null;
    }
  `;
  const lint = (): Linter.LintMessage[] =>
    new Linter().verify(
      source,
      {
        files: ["**/*.jsx"],
        plugins: { leakproof: plugin as never },
        languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { "leakproof/no-unclosed-resource": "error", "leakproof/no-leaked-timer": "error" },
      },
      { filename: "client.jsx" },
    );

  it("reports the forgotten ping interval with no-leaked-timer and the handler with this rule", () => {
    const found = lint().map((m) => `${m.ruleId}:${m.line}`);
    expect(found).toContain("leakproof/no-leaked-timer:6");
    expect(found).toContain("leakproof/no-leaked-timer:17");
    expect(found).toContain("leakproof/no-unclosed-resource:16");
    // The closed socket itself is fine: close() is in disconnect().
    expect(found).not.toContain("leakproof/no-unclosed-resource:4");
  });
});

checkRecommended();
