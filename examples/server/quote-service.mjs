/**
 * Quote service behind the market dashboard: serves the latest quotes over
 * HTTP, streams them as server-sent events, and refreshes them every second.
 * It also keeps a price history, renders chart data, and accepts gzipped
 * session recordings from the video panel.
 */
import { EventEmitter } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createServer } from "node:http";
import { pipeline } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";

const RECORDINGS_DIR = process.env.RECORDINGS_DIR ?? "/var/lib/quotes/recordings";

const ticks = new EventEmitter();
const latest = new Map();
/** Snapshots of all quotes, one every two seconds, for the `/history` view. */
const history = [];
/** Chart series already computed, by query string. */
const chartCache = new Map();

function chartSeries(symbol, points) {
  const rows = history.filter((snapshot) => snapshot.quotes.some((q) => q.symbol === symbol)).slice(-points);
  return rows.map((snapshot) => ({ time: snapshot.time, price: snapshot.quotes.find((q) => q.symbol === symbol).price }));
}

function refreshQuotes() {
  for (const symbol of ["ACME", "GLOBEX", "INITECH"]) {
    const previous = latest.get(symbol)?.price ?? 100;
    const quote = { symbol, price: +(previous * (1 + (Math.random() - 0.5) / 100)).toFixed(2), time: Date.now() };
    latest.set(symbol, quote);
    ticks.emit("tick", quote);
  }
}

/** One server for the process; `startQuoteService` makes it listen. */
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");

  if (url.pathname === "/quotes") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify([...latest.values()]));
    return;
  }

  if (url.pathname === "/chart") {
    let body = chartCache.get(url.search);
    if (!body) {
      body = JSON.stringify(chartSeries(url.searchParams.get("symbol"), Number(url.searchParams.get("points") ?? 300)));
      chartCache.set(url.search, body);
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
    return;
  }

  if (url.pathname === "/upload" && req.method === "PUT") {
    // A gzipped session recording from the replay panel.
    const file = `${RECORDINGS_DIR}/${Date.now()}.mp4`;
    req.pipe(createGunzip()).pipe(createWriteStream(file)).on("finish", () => res.writeHead(201).end());
    return;
  }

  if (url.pathname === "/export") {
    // The recordings archive, compressed on the fly; every stream is destroyed if one fails.
    res.writeHead(200, { "content-type": "application/gzip" });
    pipeline(createReadStream(`${RECORDINGS_DIR}/index.json`), createGzip(), res, (error) => {
      if (error) console.warn("quote service: export failed:", error.message);
    });
    return;
  }

  if (url.pathname === "/stream") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const onTick = (quote) => res.write(`data: ${JSON.stringify(quote)}\n\n`);
    const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), 20_000);
    ticks.on("tick", onTick);
    req.on("close", () => {
      clearInterval(keepAlive);
      ticks.off("tick", onTick);
    });
    return;
  }

  if (url.pathname === "/watch") {
    // Long poll: answer with the next quote for one symbol.
    const symbol = url.searchParams.get("symbol");
    ticks.on("tick", (quote) => {
      if (quote.symbol !== symbol || res.writableEnded) return;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(quote));
    });
    process.on("warning", (warning) => console.warn(`[watch ${symbol}]`, warning.message));
    return;
  }

  res.writeHead(404).end();
});

/** Starts the service; `close()` stops it. */
export function startQuoteService(port = 8080) {
  setInterval(refreshQuotes, 1_000);
  const recorder = setInterval(() => {
    history.push({ time: Date.now(), quotes: [...latest.values()] });
  }, 2_000);
  const sweep = setInterval(() => {
    for (const [symbol, quote] of latest) {
      if (Date.now() - quote.time > 60_000) latest.delete(symbol);
    }
  }, 30_000);

  const shutdown = () => {
    console.log("quote service: shutting down");
    server.close(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);

  server.listen(port);
  return {
    close() {
      clearInterval(sweep);
      clearInterval(recorder);
      process.off("SIGTERM", shutdown);
      server.close();
    },
  };
}
