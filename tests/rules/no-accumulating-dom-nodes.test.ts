import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-accumulating-dom-nodes.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const grows = (line: number) => ({ messageId: "accumulatingNodes" as const, line });

describe("no-accumulating-dom-nodes options schema", () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter().verify("setInterval(() => document.body.append(document.createElement('p')), 100);", {
      plugins: { leakproof: plugin as never },
      rules: { "leakproof/no-accumulating-dom-nodes": ["error", options] as Linter.RuleEntry },
    });

  it("describes every option and forbids unknown ones", () => {
    const [schema] = rule.meta.schema as unknown as [{ additionalProperties: boolean; properties: Record<string, { description?: string }> }];
    expect(schema.additionalProperties).toBe(false);
    for (const property of Object.values(schema.properties)) expect(property.description).toMatch(/\S/);
  });

  it("accepts valid options", () => {
    expect(lint({ repeatingFunctions: ["showToast"], namedFunctions: false }).map((m) => m.ruleId)).toEqual([
      "leakproof/no-accumulating-dom-nodes",
    ]);
  });

  it.each([
    [{ repeatingFunctions: "showToast" }],
    [{ repeatingFunctions: [1] }],
    [{ repeatingFunctions: ["a", "a"] }],
    [{ namedFunctions: "yes" }],
    [{ containers: ["#log"] }],
  ])("rejects %j with a schema error", (options) => {
    expect(() => lint(options)).toThrow(/no-accumulating-dom-nodes/);
  });
});

ruleTester.run("no-accumulating-dom-nodes", rule, {
  valid: [
    // --- owners that remove or replace what they add ---
    {
      name: "tray icon replaces the previous icon",
      code: `
export class TrayIcon {
  constructor(tray) {
    this.tray = tray;
    this.icon = null;
  }
  update(state) {
    const icon = new Image(16, 16);
    icon.src = ICONS[state];
    if (this.icon) this.icon.replaceWith(icon);
    else this.tray.appendChild(icon);
    this.icon = icon;
  }
}`,
    },
    {
      name: "tray icon removes the previous icon before appending the new one",
      code: `
export class TrayIcon {
  constructor(tray) {
    this.tray = tray;
  }
  update(state) {
    this.icon?.remove();
    this.icon = document.createElement("img");
    this.icon.src = ICONS[state];
    this.tray.appendChild(this.icon);
  }
}`,
    },
    {
      name: "chart tick redraws the window with replaceChildren",
      code: `
const chart = document.getElementById("cpu-chart");
const samples = [];
setInterval(() => {
  samples.push(readCpu());
  if (samples.length > 60) samples.shift();
  const bars = samples.map((value) => {
    const bar = document.createElement("div");
    bar.style.height = value * 100 + "%";
    return bar;
  });
  chart.replaceChildren(...bars);
}, 1000);`,
    },
    {
      name: "toast removes itself after a timeout",
      code: `
const region = document.querySelector(".toasts");
bus.on("notify", ({ message }) => {
  const toast = document.createElement("div");
  toast.className = "toast";
  toast.textContent = message;
  region.append(toast);
  setTimeout(() => toast.remove(), 4000);
});`,
    },
    {
      name: "toast class removes its element in dismiss()",
      code: `
class Toast {
  constructor(region) {
    this.region = region;
  }
  handleNotify(message) {
    const el = document.createElement("output");
    el.textContent = message;
    this.region.append(el);
    this.current = el;
  }
  dismiss() {
    this.current?.remove();
  }
}`,
    },
    {
      name: "chat log trims to a fixed length",
      code: `
const messages = document.getElementById("messages");
socket.addEventListener("message", (event) => {
  const item = document.createElement("li");
  item.textContent = JSON.parse(event.data).text;
  messages.appendChild(item);
  if (messages.children.length > 200) messages.firstChild.remove();
});`,
    },
    {
      name: "log view trims in a while loop on childElementCount",
      code: `
const MAX_LINES = 500;
const output = document.querySelector("#console");
export function onLogLine(line) {
  const row = document.createElement("pre");
  row.textContent = line;
  output.append(row);
  while (output.childElementCount > MAX_LINES) output.firstElementChild.remove();
}`,
    },
    {
      name: "insertion bounded by a child-count check",
      code: `
const list = document.getElementById("recent");
window.addEventListener("storage", (event) => {
  if (list.children.length < 20) {
    const li = document.createElement("li");
    li.textContent = event.key;
    list.append(li);
  }
});`,
    },
    {
      name: "one-shot render clears the container, then appends in a loop",
      code: `
const tbody = document.querySelector("#orders tbody");
export function renderOrders(orders) {
  tbody.innerHTML = "";
  for (const order of orders) {
    const tr = document.createElement("tr");
    tr.innerHTML = \`<td>\${order.id}</td><td>\${order.total}</td>\`;
    tbody.appendChild(tr);
  }
}`,
    },
    {
      name: "while-firstChild removal loop before appending",
      code: `
const results = document.getElementById("results");
input.addEventListener("input", async () => {
  const hits = await search(input.value);
  while (results.firstChild) results.removeChild(results.firstChild);
  for (const hit of hits) {
    const li = document.createElement("li");
    li.textContent = hit.title;
    results.appendChild(li);
  }
});`,
    },
    {
      name: "textContent reset on the container before appending",
      code: `
function refreshBadges(container, badges) {
  container.textContent = "";
  badges.forEach((badge) => container.append(Object.assign(document.createElement("span"), { textContent: badge })));
}`,
    },
    {
      name: "builder appends into a fresh fragment, the fragment replaces the list's children",
      code: `
const list = document.querySelector("ul.feed");
export function renderFeed(items) {
  const fragment = document.createDocumentFragment();
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = item.title;
    fragment.appendChild(li);
  }
  list.replaceChildren(fragment);
}`,
    },
    {
      name: "builder appends into an element it creates and returns",
      code: `
export function renderCard(user) {
  const card = document.createElement("article");
  const name = document.createElement("h3");
  name.textContent = user.name;
  card.append(name, document.createElement("hr"));
  card.insertAdjacentHTML("beforeend", \`<p>\${user.bio}</p>\`);
  return card;
}`,
    },
    {
      name: "the container is cleared in another method of the same class",
      code: `
class Timeline {
  constructor(root) {
    this.root = root;
    document.addEventListener("visibilitychange", () => this.reset());
  }
  onEvent(event) {
    const row = document.createElement("div");
    row.textContent = event.label;
    this.root.appendChild(row);
  }
  reset() {
    this.root.replaceChildren();
  }
}`,
    },
    {
      name: "module-level container cleared by another function of the module",
      code: `
const log = document.getElementById("log");
export function clearLog() {
  log.innerHTML = "";
}
setInterval(() => {
  const line = document.createElement("div");
  line.textContent = new Date().toISOString();
  log.append(line);
}, 1000);`,
    },
    {
      name: "the previous node is detached through parentNode.removeChild",
      code: `
let banner = null;
window.addEventListener("offline", () => {
  if (banner) banner.parentNode.removeChild(banner);
  banner = document.createElement("div");
  banner.textContent = "You are offline";
  document.body.appendChild(banner);
});`,
    },
    {
      name: "old rows removed with Array.from(children).forEach(remove)",
      code: `
const board = document.getElementById("leaderboard");
function updateLeaderboard(scores) {
  Array.from(board.children).forEach((child) => child.remove());
  for (const score of scores) board.append(renderScore(score));
}`,
    },
    {
      name: "view re-renders its template, then fills the list it just created",
      code: `
class TodoView {
  constructor(el) {
    this.el = el;
  }
  render(todos) {
    this.el.innerHTML = "<h2>Todos</h2><ul></ul>";
    const ul = this.el.querySelector("ul");
    for (const todo of todos) {
      const li = document.createElement("li");
      li.textContent = todo.title;
      ul.appendChild(li);
    }
  }
}`,
    },
    // --- false-alarm traps: things that run once ---
    {
      name: "one-time init at module level",
      code: `
const app = document.createElement("main");
app.id = "app";
document.body.appendChild(app);
for (const section of SECTIONS) {
  const el = document.createElement("section");
  el.id = section;
  app.append(el);
}`,
    },
    {
      name: "init function called once from the module body",
      code: `
function init() {
  const header = document.createElement("header");
  header.textContent = "Dashboard";
  document.body.prepend(header);
}
init();`,
    },
    {
      name: "DOMContentLoaded listener runs once",
      code: `
document.addEventListener("DOMContentLoaded", () => {
  const root = document.createElement("div");
  root.id = "root";
  document.body.appendChild(root);
});`,
    },
    {
      name: "a listener added with once: true",
      code: `
button.addEventListener(
  "click",
  () => {
    const hint = document.createElement("p");
    hint.textContent = "Saved!";
    document.body.append(hint);
  },
  { once: true },
);`,
    },
    {
      name: "constructor appends its own element once per instance",
      code: `
export class Modal {
  constructor(title) {
    this.el = document.createElement("dialog");
    this.el.textContent = title;
    document.body.appendChild(this.el);
  }
  destroy() {
    this.el.remove();
  }
}`,
    },
    {
      name: "web component builds its shadow tree in connectedCallback",
      code: `
class UserBadge extends HTMLElement {
  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const span = document.createElement("span");
    span.textContent = this.getAttribute("name");
    root.appendChild(span);
  }
}`,
    },
    {
      name: "a one-shot timeout shows a banner once",
      code: `
setTimeout(() => {
  const banner = document.createElement("aside");
  banner.textContent = "Still there?";
  document.body.append(banner);
}, 60_000);`,
    },
    {
      name: "exported helper that nothing in the file calls repeatedly",
      code: `
export function addFooter(text) {
  const footer = document.createElement("footer");
  footer.textContent = text;
  document.body.append(footer);
}`,
    },
    // --- false-alarm traps: guarded, moved, recycled ---
    {
      name: "document.head style injection guarded by an id check",
      code: `
export function renderTheme(theme) {
  if (!document.getElementById("theme-vars")) {
    const style = document.createElement("style");
    style.id = "theme-vars";
    document.head.appendChild(style);
  }
  document.getElementById("theme-vars").textContent = toCss(theme);
}`,
    },
    {
      name: "style injection with an early return when the style exists",
      code: `
function onThemeChange(theme) {
  const existing = document.getElementById("toast-styles");
  if (existing) return;
  const style = document.createElement("style");
  style.id = "toast-styles";
  style.textContent = css(theme);
  document.head.append(style);
}`,
    },
    {
      name: "lazy-created overlay appended only when missing",
      code: `
let overlay;
window.addEventListener("keydown", (event) => {
  if (event.key !== "?") return;
  if (!overlay) {
    overlay = document.createElement("div");
    overlay.className = "help";
    document.body.appendChild(overlay);
  }
  overlay.hidden = false;
});`,
    },
    {
      name: "lazy-created tooltip member with an early return",
      code: `
class Hint {
  handlePointerEnter(event) {
    this.show(event.target.dataset.hint);
  }
  show(text) {
    if (this.tip) {
      this.tip.textContent = text;
      return;
    }
    this.tip = document.createElement("div");
    this.tip.textContent = text;
    document.body.append(this.tip);
  }
}`,
    },
    {
      name: "appending the same existing node moves it",
      code: `
const spinner = document.createElement("div");
spinner.className = "spinner";
document.addEventListener("fetchstart", (event) => {
  document.getElementById(event.detail.target).appendChild(spinner);
});`,
    },
    {
      name: "moving a selected item between lists",
      code: `
const done = document.getElementById("done");
todoList.addEventListener("click", (event) => {
  const item = event.target.closest("li");
  if (item) done.appendChild(item);
});`,
    },
    {
      name: "virtual list recycles rows from a pool",
      code: `
class VirtualList {
  render(start, end) {
    for (const row of this.viewport.querySelectorAll(".row")) {
      this.pool.push(row);
      this.viewport.removeChild(row);
    }
    for (let i = start; i < end; i++) {
      const row = this.pool.pop() ?? this.createRow();
      row.textContent = this.items[i];
      this.viewport.appendChild(row);
    }
  }
}`,
    },
    {
      name: "recycled row taken from the pool, not created",
      code: `
function updateViewport(first) {
  rows.forEach((row, offset) => {
    row.textContent = items[first + offset];
    viewport.appendChild(row);
  });
}`,
    },
    {
      name: "insertAdjacentHTML with plain text, no tag",
      code: `
setInterval(() => {
  counter.insertAdjacentHTML("beforeend", ".");
}, 500);`,
    },
    {
      name: "innerHTML assignment (not +=) replaces the content each tick",
      code: `
const clock = document.getElementById("clock");
setInterval(() => {
  clock.innerHTML = \`<time>\${new Date().toLocaleTimeString()}</time>\`;
}, 1000);`,
    },
    {
      name: "appending into a container we cannot see (a parameter of the handler)",
      code: `
document.addEventListener("click", (event) => {
  const ripple = document.createElement("span");
  event.target.append(ripple);
  ripple.addEventListener("animationend", () => ripple.remove());
});`,
    },
    // --- frameworks ---
    {
      name: "React component renders JSX, no DOM insertion",
      code: `
export function ChatLog({ messages }) {
  return (
    <ul>
      {messages.map((message) => (
        <li key={message.id}>{message.text}</li>
      ))}
    </ul>
  );
}`,
    },
    {
      name: "React portal node appended in an effect and removed in its cleanup",
      code: `
export function Portal({ children }) {
  const [node] = useState(() => document.createElement("div"));
  useEffect(() => {
    document.body.appendChild(node);
    return () => node.remove();
  }, [node]);
  return createPortal(children, node);
}`,
    },
    {
      name: "React class component render returns JSX",
      code: `
class Feed extends React.Component {
  render() {
    return <div>{this.props.items.map((item) => <Item key={item.id} {...item} />)}</div>;
  }
}`,
    },
    {
      name: "Vue render function returns h()",
      code: `
export default {
  render() {
    return h("ul", this.items.map((item) => h("li", item.label)));
  },
};`,
    },
    // --- syntax: missing arguments, options ---
    {
      name: "appendChild() with no argument",
      code: `
setInterval(() => {
  document.body.appendChild();
  document.body.insertAdjacentHTML("beforeend");
}, 1000);`,
    },
    {
      name: "namedFunctions: false ignores update-named functions",
      options: [{ namedFunctions: false }],
      code: `
export function updateTray(state) {
  const img = new Image();
  img.src = state.icon;
  document.getElementById("tray").appendChild(img);
}`,
    },
    {
      name: "TypeScript: typed container cleared with replaceChildren",
      filename: "status.ts",
      code: `
const statusBar = document.getElementById("status") as HTMLDivElement;
export function updateStatus(items: readonly string[]): void {
  statusBar.replaceChildren();
  for (const text of items) {
    const chip = document.createElement("span") satisfies HTMLSpanElement;
    chip.textContent = text;
    statusBar.append(chip);
  }
}`,
    },
  ],
  invalid: [
    // --- the field report: a tray icon updater ---
    {
      name: "tray icon updater appends a new image on every update",
      code: `
export class TrayIcon {
  constructor(tray) {
    this.tray = tray;
  }
  update(state) {
    const icon = new Image(16, 16);
    icon.src = ICONS[state];
    this.tray.appendChild(icon);
  }
}`,
      errors: [grows(9)],
    },
    {
      name: "tray icon kept in a field but never removed",
      code: `
export class TrayIcon {
  constructor(tray) {
    this.tray = tray;
  }
  update(state) {
    this.icon = document.createElement("img");
    this.icon.src = ICONS[state];
    this.tray.appendChild(this.icon);
  }
}`,
      errors: [grows(9)],
    },
    {
      name: "module binding reassigned to a new image on every update, old one left in place",
      code: `
let img;
const tray = document.getElementById("tray");
export function updateTray(state) {
  img = new Image();
  img.src = state.icon;
  tray.append(img);
}`,
      errors: [grows(7)],
    },
    // --- interval and timer callbacks ---
    {
      name: "interval appends to document.body",
      code: `
setInterval(() => {
  const dot = document.createElement("span");
  dot.className = "heartbeat";
  document.body.append(dot);
}, 1000);`,
      errors: [grows(5)],
    },
    {
      name: "named interval callback appends to a module-level list",
      code: `
const list = document.getElementById("samples");
function sample() {
  const li = document.createElement("li");
  li.textContent = String(performance.now());
  list.appendChild(li);
}
setInterval(sample, 250);`,
      errors: [grows(6)],
    },
    {
      name: "chart tick appends a bar per data point",
      code: `
const chart = document.querySelector(".chart");
export function tick(value) {
  const bar = document.createElement("div");
  bar.style.height = value + "px";
  chart.appendChild(bar);
}`,
      errors: [grows(6)],
    },
    {
      name: "setTimeout poller that reschedules itself",
      code: `
const feed = document.getElementById("feed");
async function poll() {
  const items = await fetchNew();
  for (const item of items) {
    const card = document.createElement("article");
    card.textContent = item.title;
    feed.prepend(card);
  }
  setTimeout(poll, 5000);
}
poll();`,
      errors: [grows(8)],
    },
    {
      name: "requestAnimationFrame loop appends a particle per frame",
      code: `
const stage = document.getElementById("stage");
function frame(time) {
  const particle = document.createElement("i");
  particle.style.left = (time % 500) + "px";
  stage.appendChild(particle);
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);`,
      errors: [grows(6)],
    },
    {
      name: "innerHTML += in an interval keeps every earlier item",
      code: `
const log = document.getElementById("log");
setInterval(() => {
  log.innerHTML += \`<div>\${new Date().toISOString()}</div>\`;
}, 1000);`,
      errors: [grows(4)],
    },
    // --- event handlers ---
    {
      name: "toast per event, never removed",
      code: `
const region = document.querySelector(".toasts");
document.addEventListener("app:notify", (event) => {
  const toast = document.createElement("div");
  toast.className = "toast";
  toast.textContent = event.detail.message;
  region.append(toast);
});`,
      errors: [grows(7)],
    },
    {
      name: "exported toast function called from an event handler",
      code: `
export function showToast(message) {
  const toast = document.createElement("div");
  toast.textContent = message;
  document.body.appendChild(toast);
}
window.addEventListener("message", (event) => showToast(event.data));`,
      errors: [grows(5)],
    },
    {
      name: "classList.remove is not a DOM removal",
      code: `
button.addEventListener("click", () => {
  const toast = document.createElement("div");
  toast.textContent = "Copied";
  document.body.appendChild(toast);
  toast.classList.remove("hidden");
});`,
      errors: [grows(5)],
    },
    {
      name: "socket.on handler appends chat messages",
      code: `
const messages = document.getElementById("messages");
socket.on("chat", (message) => {
  const li = document.createElement("li");
  li.textContent = message.text;
  messages.appendChild(li);
});`,
      errors: [grows(6)],
    },
    {
      name: "WebSocket onmessage property handler",
      code: `
const ws = new WebSocket(URL);
const out = document.querySelector("#out");
ws.onmessage = (event) => {
  const pre = document.createElement("pre");
  pre.textContent = event.data;
  out.append(pre);
};`,
      errors: [grows(7)],
    },
    {
      name: "element onclick assigned a function expression",
      code: `
const list = document.getElementById("todos");
document.getElementById("add").onclick = function () {
  const li = document.createElement("li");
  li.textContent = input.value;
  list.appendChild(li);
};`,
      errors: [grows(6)],
    },
    {
      name: "insertAdjacentHTML with a tag in a socket handler",
      code: `
const list = document.getElementById("events");
source.addEventListener("message", (event) => {
  list.insertAdjacentHTML("beforeend", \`<li class="event">\${event.data}</li>\`);
});`,
      errors: [grows(4)],
    },
    {
      name: "insertAdjacentHTML with an HTML string built with +",
      code: `
const list = document.getElementById("events");
bus.on("event", (data) => {
  const html = "<li>" + escape(data.name) + "</li>";
  list.insertAdjacentHTML("afterbegin", html);
});`,
      errors: [grows(5)],
    },
    {
      name: "insertBefore the first child",
      code: `
const history = document.getElementById("history");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const entry = document.createElement("li");
  entry.textContent = input.value;
  history.insertBefore(entry, history.firstChild);
});`,
      errors: [grows(7)],
    },
    {
      name: "insertAdjacentElement afterbegin",
      code: `
const panel = document.querySelector(".notifications");
bus.on("alert", (alert) => {
  const el = document.createElement("div");
  el.textContent = alert.text;
  panel.insertAdjacentElement("afterbegin", el);
});`,
      errors: [grows(6)],
    },
    {
      name: "template clone appended per message",
      code: `
const template = document.getElementById("row-template");
const tbody = document.querySelector("tbody");
socket.addEventListener("message", (event) => {
  const row = template.content.cloneNode(true);
  row.querySelector("td").textContent = event.data;
  tbody.appendChild(row);
});`,
      errors: [grows(7)],
    },
    {
      name: "Object.assign(createElement) appended per click",
      code: `
const gallery = document.getElementById("gallery");
uploadButton.addEventListener("click", () => {
  gallery.append(Object.assign(document.createElement("img"), { src: preview.src, alt: "upload" }));
});`,
      errors: [grows(4)],
    },
    {
      name: "local factory function returns the new row",
      code: `
const tbody = document.querySelector("#prices tbody");
function createRow(quote) {
  const tr = document.createElement("tr");
  tr.innerHTML = \`<td>\${quote.symbol}</td><td>\${quote.price}</td>\`;
  return tr;
}
setInterval(async () => {
  tbody.appendChild(createRow(await fetchQuote()));
}, 2000);`,
      errors: [grows(9)],
    },
    {
      name: "an unrelated guard does not bound the growth",
      code: `
const list = document.getElementById("alerts");
bus.on("alert", (data) => {
  if (!data) return;
  const li = document.createElement("li");
  li.textContent = data.text;
  list.append(li);
});`,
      errors: [grows(7)],
    },
    {
      name: "textContent on a different element does not clear the list",
      code: `
const list = document.getElementById("orders");
const count = document.getElementById("order-count");
socket.on("order", (order) => {
  const li = document.createElement("li");
  li.textContent = order.id;
  list.appendChild(li);
  count.textContent = String(list.children.length);
});`,
      errors: [grows(7)],
    },
    {
      name: "appends in a loop in a refresh that never clears",
      code: `
const grid = document.querySelector(".grid");
export async function refreshGrid() {
  const products = await loadProducts();
  for (const product of products) {
    const card = document.createElement("div");
    card.textContent = product.name;
    grid.appendChild(card);
  }
}`,
      errors: [grows(8)],
    },
    {
      name: "prepend in an update-named function",
      code: `
const feed = document.getElementById("feed");
export function updateFeed(post) {
  const article = document.createElement("article");
  article.textContent = post.body;
  feed.prepend(article);
}`,
      errors: [grows(6)],
    },
    {
      name: "after() next to a long-lived anchor",
      code: `
class Comments {
  constructor(anchor) {
    this.anchor = anchor;
  }
  onComment(comment) {
    const p = document.createElement("p");
    p.textContent = comment.text;
    this.anchor.after(p);
  }
}`,
      errors: [grows(9)],
    },
    {
      name: "before() a long-lived footer",
      code: `
const footer = document.querySelector("footer");
window.addEventListener("scroll", () => {
  const sentinel = document.createElement("div");
  footer.before(sentinel);
});`,
      errors: [grows(5)],
    },
    {
      name: "append of a text template literal",
      code: `
const logPre = document.getElementById("log");
bus.on("log", (line) => {
  logPre.append(\`\${new Date().toISOString()} \${line}\\n\`);
});`,
      errors: [grows(4)],
    },
    {
      name: "document.head style injected on every update, no id check",
      code: `
export function renderTheme(theme) {
  const style = document.createElement("style");
  style.textContent = toCss(theme);
  document.head.appendChild(style);
}`,
      errors: [grows(5)],
    },
    {
      name: "direct querySelector receiver in a refresh function",
      code: `
export function refreshNotifications(note) {
  const li = document.createElement("li");
  li.textContent = note;
  document.querySelector("#notifications").append(li);
}`,
      errors: [grows(5)],
    },
    {
      name: "closure container created once, appended to per event",
      code: `
export function mountLog(root, bus) {
  const list = document.createElement("ul");
  root.append(list);
  bus.on("log", (line) => {
    const li = document.createElement("li");
    li.textContent = line;
    list.append(li);
  });
}`,
      errors: [grows(8)],
    },
    {
      name: "store subscription appends a row per state change",
      code: `
const history = document.getElementById("history");
store.subscribe(() => {
  const row = document.createElement("div");
  row.textContent = JSON.stringify(store.getState().lastAction);
  history.appendChild(row);
});`,
      errors: [grows(6)],
    },
    {
      name: "MutationObserver callback adds a marker per mutation batch",
      code: `
const markers = document.getElementById("markers");
new MutationObserver(() => {
  markers.appendChild(document.createElement("hr"));
}).observe(document.body, { childList: true });`,
      errors: [grows(4)],
    },
    // --- class methods called from repeating callbacks ---
    {
      name: "method called from an interval set up in the constructor",
      code: `
class Ticker {
  constructor(el) {
    this.el = el;
    setInterval(() => this.poll(), 1000);
  }
  async poll() {
    const quote = await fetchQuote();
    const span = document.createElement("span");
    span.textContent = quote.price;
    this.el.appendChild(span);
  }
}`,
      errors: [grows(11)],
    },
    {
      name: "method bound and registered as a listener",
      code: `
class ErrorPanel {
  constructor(panel) {
    this.panel = panel;
    window.addEventListener("error", this.report.bind(this));
  }
  report(event) {
    const item = document.createElement("li");
    item.textContent = event.message;
    this.panel.append(item);
  }
}`,
      errors: [grows(10)],
    },
    {
      name: "factory method of the class builds the bar",
      code: `
class Sparkline {
  constructor(container) {
    this.container = container;
  }
  createBar(value) {
    const bar = document.createElement("div");
    bar.style.height = value + "%";
    return bar;
  }
  tick(value) {
    this.container.appendChild(this.createBar(value));
  }
}`,
      errors: [grows(12)],
    },
    {
      name: "web component appends to itself on every update",
      code: `
class ActivityFeed extends HTMLElement {
  update(entry) {
    const row = document.createElement("div");
    row.textContent = entry;
    this.appendChild(row);
  }
}`,
      errors: [grows(6)],
    },
    {
      name: "web component appends to its shadow root in render",
      code: `
class LiveClock extends HTMLElement {
  render() {
    const time = document.createElement("time");
    time.textContent = new Date().toLocaleTimeString();
    this.shadowRoot.append(time);
  }
}`,
      errors: [grows(6)],
    },
    // --- frameworks ---
    {
      name: "React effect: an interval appends to a ref's element",
      code: `
export function Console() {
  const ref = useRef(null);
  useEffect(() => {
    const id = setInterval(() => {
      const line = document.createElement("div");
      line.textContent = Date.now();
      ref.current.appendChild(line);
    }, 1000);
    return () => clearInterval(id);
  }, []);
  return <div ref={ref} />;
}`,
      errors: [grows(8)],
    },
    {
      name: "JSX onClick handler appends to document.body",
      code: `
export function CopyButton({ text }) {
  return (
    <button
      onClick={() => {
        navigator.clipboard.writeText(text);
        const note = document.createElement("div");
        note.textContent = "Copied";
        document.body.appendChild(note);
      }}
    >
      Copy
    </button>
  );
}`,
      errors: [grows(9)],
    },
    // --- syntax ---
    {
      name: "TypeScript: asserted lookup receiver",
      filename: "log.ts",
      code: `
window.addEventListener("message", (event: MessageEvent<string>) => {
  const li: HTMLLIElement = document.createElement("li");
  li.textContent = event.data;
  (document.getElementById("log") as HTMLUListElement).appendChild(li);
});`,
      errors: [grows(5)],
    },
    {
      name: "TypeScript: private field container and non-null assertion",
      filename: "status.ts",
      code: `
export class StatusView {
  #host: HTMLElement;
  constructor(host: HTMLElement) {
    this.#host = host;
  }
  refresh(status: string): void {
    const badge = document.createElement("span");
    badge.textContent = status;
    this.#host!.append(badge);
  }
}`,
      errors: [grows(10)],
    },
    {
      name: "optional chaining on the container and the call",
      code: `
class Tray {
  update(src) {
    const img = document.createElement("img");
    img.src = src;
    this.container?.appendChild?.(img);
  }
}`,
      errors: [grows(6)],
    },
    {
      name: "computed member names",
      code: `
class Tray {
  update(src) {
    const img = document.createElement("img");
    img.src = src;
    this["container"]["appendChild"](img);
  }
}`,
      errors: [grows(6)],
    },
    {
      name: "window.document.body",
      code: `
window.setInterval(() => {
  window.document.body.appendChild(document.createElement("div"));
}, 100);`,
      errors: [grows(3)],
    },
    {
      name: "ownerDocument.createElement",
      code: `
const host = document.getElementById("host");
host.addEventListener("click", () => {
  host.append(host.ownerDocument.createElement("span"));
});`,
      errors: [grows(4)],
    },
    {
      name: "JavaScript file, handle-named function",
      filename: "chat.js",
      code: `
const chat = document.getElementById("chat");
function handleIncoming(message) {
  const bubble = document.createElement("p");
  bubble.textContent = message;
  chat.appendChild(bubble);
}`,
      errors: [grows(6)],
    },
    {
      name: "repeatingFunctions option names an exported function",
      options: [{ repeatingFunctions: ["showToast"] }],
      code: `
export function showToast(message) {
  const toast = document.createElement("div");
  toast.textContent = message;
  document.body.appendChild(toast);
}`,
      errors: [grows(5)],
    },
    {
      name: "two appends in one handler, both reported",
      code: `
const list = document.getElementById("list");
bus.on("item", (item) => {
  const li = document.createElement("li");
  li.textContent = item;
  list.append(li);
  document.body.append(document.createElement("hr"));
});`,
      errors: [grows(6), grows(7)],
    },
  ],
});
