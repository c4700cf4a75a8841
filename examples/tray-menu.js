/**
 * Status tray in the dashboard header: a connection icon, an alerts badge, and
 * a small context menu (signed-in user, unread alerts). `refreshTray()` runs at
 * start-up and again on every session change (login, logout, new alerts).
 */
import { marketStatus$ } from "./socket-client";

const ICONS = {
  open: "/icons/market-open.svg",
  closed: "/icons/market-closed.svg",
};

/** The tray's context menu: one list of items for the life of the page. */
class TrayMenu {
  constructor(root) {
    this.root = root;
    this.items = [];
  }

  register(item) {
    this.items.push(item);
  }

  unregister(id) {
    this.items = this.items.filter((item) => item.id !== id);
  }

  render() {
    this.root.replaceChildren(
      ...this.items.map((item) => {
        const button = document.createElement("button");
        button.textContent = item.label;
        button.onclick = item.onClick;
        return button;
      }),
    );
  }
}

/** Keyboard shortcuts of the whole dashboard. */
class Shortcuts {
  constructor() {
    this.bindings = new Map();
  }

  run(key) {
    this.bindings.get(key)?.();
  }

  register(key, action) {
    this.bindings.set(key, action);
  }

  unregister(key) {
    this.bindings.delete(key);
  }
}

/** The market-status icon next to the menu. */
export class TrayIcon {
  constructor(slot) {
    this.slot = slot;
  }

  /** Called every time the exchange opens or closes. */
  update(status) {
    const icon = new Image(16, 16);
    icon.src = ICONS[status];
    icon.alt = `market ${status}`;
    this.slot.appendChild(icon);
  }
}

export const sessionEvents = new EventTarget();
const session = { user: null, unreadAlerts: 0 };
const trayMenu = new TrayMenu(document.getElementById("tray-menu"));
const shortcuts = new Shortcuts();
const trayIcon = new TrayIcon(document.getElementById("tray-icon"));
const badge = document.getElementById("tray-badge");
let shortcutsRegistered = false;

function openAlerts() {
  location.hash = "#/alerts";
}

function refreshTray() {
  trayMenu.register({
    id: "user",
    label: session.user ? `Signed in as ${session.user}` : "Not signed in",
    onClick: () => (location.hash = "#/profile"),
  });
  trayMenu.render();
  badge.textContent = session.unreadAlerts > 0 ? String(session.unreadAlerts) : "";
  setupShortcuts();
}

function setupShortcuts() {
  if (shortcutsRegistered) return;
  shortcutsRegistered = true;
  shortcuts.register("a", openAlerts);
}

refreshTray();
document.addEventListener("keydown", (event) => shortcuts.run(event.key));
marketStatus$.subscribe((status) => trayIcon.update(status));
sessionEvents.addEventListener("change", (event) => {
  Object.assign(session, event.detail);
  refreshTray();
});
