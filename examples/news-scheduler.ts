/**
 * Background jobs of the dashboard's news column: polls headlines, refreshes
 * the economic calendar, and forwards the breaking-news stream. The app starts
 * one scheduler after login and calls `stop()` on logout.
 */

export interface Headline {
  id: string;
  title: string;
  url: string;
  time: number;
}

export interface CalendarEntry {
  time: number;
  country: string;
  event: string;
}

export interface NewsApi {
  baseUrl: string;
  /** Server-pushed breaking news; ends when the server closes the stream. */
  stream(topic: string): AsyncIterable<Headline>;
}

const HEADLINE_POLL_MS = 30_000;
const CALENDAR_REFRESH_MS = 5 * 60_000;
const RETRY_MS = 5_000;
const ABORTED = Symbol("aborted");

/** Waits `ms`; rejects with the abort reason as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export class NewsScheduler {
  private readonly controller = new AbortController();
  private readonly tasks: Promise<void>[] = [];
  calendar: CalendarEntry[] = [];

  constructor(
    private readonly api: NewsApi,
    private readonly onHeadline: (headline: Headline) => void,
  ) {}

  start(): void {
    const { signal } = this.controller;
    this.tasks.push(this.pollHeadlines(signal), this.refreshCalendar(signal), this.followBreakingNews(signal));
  }

  /** Logout: cancel every job, then wait until each has finished. */
  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled(this.tasks);
  }

  /** Headlines every 30 s; a failed poll is logged and retried. */
  private async pollHeadlines(signal: AbortSignal): Promise<void> {
    while (true) {
      try {
        const response = await fetch(`${this.api.baseUrl}/headlines`, { signal });
        for (const headline of (await response.json()) as Headline[]) this.onHeadline(headline);
        await sleep(HEADLINE_POLL_MS, signal);
      } catch (error) {
        console.warn("news: headline poll failed, retrying", error);
        await sleep(RETRY_MS);
      }
    }
  }

  /** The economic calendar every 5 minutes, until the scheduler stops. */
  private async refreshCalendar(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const response = await fetch(`${this.api.baseUrl}/calendar`, { signal });
        this.calendar = (await response.json()) as CalendarEntry[];
        await sleep(CALENDAR_REFRESH_MS, signal);
      } catch (error) {
        if (signal.aborted) return;
        console.warn("news: calendar refresh failed, retrying", error);
        await sleep(RETRY_MS, signal).catch(() => undefined);
      }
    }
  }

  /** Forwards breaking news until the stream ends or the scheduler stops. */
  private async followBreakingNews(signal: AbortSignal): Promise<void> {
    const events = this.api.stream("breaking")[Symbol.asyncIterator]();
    const aborted = new Promise<typeof ABORTED>((resolve) => {
      signal.addEventListener("abort", () => resolve(ABORTED), { once: true });
    });
    while (true) {
      const result = await Promise.race([events.next(), aborted]);
      if (result === ABORTED || result.done) break;
      this.onHeadline(result.value);
    }
    await events.return?.();
  }
}
