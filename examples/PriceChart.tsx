/**
 * Price chart widget of the market dashboard: live quotes for one symbol,
 * drawn on a canvas that follows the window size, with a CSV export.
 */
import { useEffect, useRef, useState } from "react";
import { marketStatus$, type PriceFeedClient, type Quote } from "./socket-client";

interface PriceChartProps {
  feed: PriceFeedClient;
  symbol: string;
}

export function PriceChart({ feed, symbol }: PriceChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [quotes, setQuotes] = useState<Quote[]>([]);
  const [width, setWidth] = useState(() => window.innerWidth);
  const [now, setNow] = useState(() => Date.now());
  const [paused, setPaused] = useState(false);
  const [height, setHeight] = useState(240);
  const [marketOpen, setMarketOpen] = useState(false);

  // Live quotes for this symbol; the subscription ends with the effect.
  useEffect(() => {
    const unsubscribe = feed.subscribe((quote) => {
      if (quote.symbol === symbol) setQuotes((previous) => [...previous.slice(-499), quote]);
    });
    return unsubscribe;
  }, [feed, symbol]);

  // Follow the window width.
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);

  // Grey the chart out while the exchange is closed.
  useEffect(() => {
    const subscription = marketStatus$.subscribe((status) => setMarketOpen(status === "open"));
    return () => subscription.unsubscribe();
  }, []);

  // Take the height the dashboard column leaves for the chart.
  useEffect(() => {
    const column = canvasRef.current?.closest(".dashboard-column");
    if (!column) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.max(160, Math.round(entry.contentRect.height / 3)));
    });
    observer.observe(column);
  }, []);

  // Refresh the "updated 3 s ago" label.
  useEffect(() => {
    setInterval(() => setNow(Date.now()), 1_000);
  }, []);

  // Pause drawing while the tab is hidden.
  useEffect(() => {
    const onVisibility = () => setPaused(document.hidden);
    document.addEventListener("visibilitychange", onVisibility);
  }, []);

  // Redraw on the next frame after new data.
  useEffect(() => {
    if (paused) return;
    const frame = requestAnimationFrame(() => drawLine(canvasRef.current, quotes, width, height));
    return () => cancelAnimationFrame(frame);
  }, [quotes, width, height, paused]);

  const exportCsv = () => {
    const rows = quotes.map((q) => `${new Date(q.time).toISOString()},${q.price}`);
    const url = URL.createObjectURL(new Blob([`time,price\n${rows.join("\n")}`], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${symbol}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const last = quotes.at(-1);
  return (
    <section className={marketOpen ? "price-chart" : "price-chart market-closed"}>
      <header>
        <h2>{symbol}</h2>
        {last && <span>{last.price.toFixed(2)}</span>}
        {last && <small>updated {Math.round((now - last.time) / 1000)} s ago</small>}
        <button onClick={exportCsv}>Export CSV</button>
      </header>
      <canvas ref={canvasRef} width={width} height={height} />
    </section>
  );
}

function drawLine(canvas: HTMLCanvasElement | null, quotes: Quote[], width: number, height: number): void {
  const context = canvas?.getContext("2d");
  if (!context || quotes.length < 2) return;
  const prices = quotes.map((q) => q.price);
  const low = Math.min(...prices);
  const span = Math.max(...prices) - low || 1;
  context.clearRect(0, 0, width, height);
  context.beginPath();
  prices.forEach((price, i) => {
    const x = (i / (prices.length - 1)) * width;
    const y = height - 10 - ((price - low) / span) * (height - 20);
    if (i === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  });
  context.stroke();
}
