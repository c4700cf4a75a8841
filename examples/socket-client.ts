/**
 * Price feed client for the market dashboard: one WebSocket to the quote
 * service, a heartbeat, and a reconnect after the connection drops. The whole
 * app shares one client (`priceFeed` at the bottom of this file).
 */
import { BehaviorSubject, type Subscription } from "rxjs";

export interface Quote {
  symbol: string;
  price: number;
  change: number;
  time: number;
}

type QuoteHandler = (quote: Quote) => void;

const PING_EVERY_MS = 15_000;
const CONNECT_TIMEOUT_MS = 5_000;
const RECONNECT_DELAY_MS = 2_000;

/** Session token; the login flow pushes a fresh one before the old one expires. */
export const sessionToken$ = new BehaviorSubject<string | null>(null);
/** Whether the exchange is open, as last announced by the quote service. */
export const marketStatus$ = new BehaviorSubject<"open" | "closed">("closed");

export class PriceFeedClient {
  private socket: WebSocket | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private tokenSubscription: Subscription | undefined;
  private readonly handlers = new Set<QuoteHandler>();
  private readonly symbolHandlers = new Map<string, Set<QuoteHandler>>();
  private closedByUser = false;

  constructor(
    private readonly url: string,
    private readonly symbols: string[],
  ) {}

  subscribe(handler: QuoteHandler): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  /** Quotes of one symbol only (the watchlist rows use this). */
  watch(symbol: string, handler: QuoteHandler): () => void {
    let handlers = this.symbolHandlers.get(symbol);
    if (!handlers) {
      handlers = new Set();
      this.symbolHandlers.set(symbol, handlers);
    }
    handlers.add(handler);
    return () => {
      this.symbolHandlers.get(symbol)?.delete(handler);
    };
  }

  /** Opens the socket; resolves once the server has accepted it. */
  connect(): Promise<void> {
    this.closedByUser = false;
    const socket = new WebSocket(this.url);
    this.socket = socket;
    document.addEventListener("visibilitychange", this.onVisibilityChange);
    window.addEventListener("online", this.onOnline);
    this.tokenSubscription = sessionToken$.subscribe((token) => {
      if (token && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "auth", token }));
    });

    return new Promise((resolve, reject) => {
      setTimeout(() => {
        reject(new Error(`no answer from ${this.url} within ${CONNECT_TIMEOUT_MS} ms`));
        socket.close();
      }, CONNECT_TIMEOUT_MS);

      socket.addEventListener(
        "open",
        () => {
          socket.send(JSON.stringify({ type: "subscribe", symbols: this.symbols }));
          this.startPing();
          resolve();
        },
        { once: true },
      );
      socket.addEventListener("message", this.onMessage);
      socket.addEventListener("close", this.onClose);
    });
  }

  disconnect(): void {
    this.closedByUser = true;
    clearTimeout(this.reconnectTimer);
    document.removeEventListener("visibilitychange", this.onVisibilityChange);
    this.socket?.close(1000, "client closed");
    this.socket = undefined;
  }

  private startPing(): void {
    this.pingTimer = setInterval(() => {
      if (this.socket?.readyState === WebSocket.OPEN) {
        this.socket.send(JSON.stringify({ type: "ping", at: Date.now() }));
      }
    }, PING_EVERY_MS);
  }

  private readonly onMessage = (event: MessageEvent<string>): void => {
    const data = JSON.parse(event.data) as { type: string; quote?: Quote; status?: "open" | "closed" };
    if (data.type === "status" && data.status) marketStatus$.next(data.status);
    if (data.type !== "quote" || !data.quote) return;
    for (const handler of this.handlers) handler(data.quote);
    for (const handler of this.symbolHandlers.get(data.quote.symbol) ?? []) handler(data.quote);
  };

  private readonly onClose = (): void => {
    if (this.closedByUser) return;
    this.reconnectTimer = setTimeout(() => {
      void this.connect().catch(() => undefined);
    }, RECONNECT_DELAY_MS);
  };

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === "visible" && !this.socket) void this.connect();
  };

  private readonly onOnline = (): void => {
    if (!this.closedByUser && !this.socket) void this.connect();
  };
}

export const priceFeed = new PriceFeedClient("wss://quotes.example.com/feed", ["ACME", "GLOBEX", "INITECH"]);
