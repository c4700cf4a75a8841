/**
 * A minimal Language Server Protocol client over stdio: JSON-RPC messages framed by a
 * `Content-Length` header, requests with ids, server-to-client requests answered by handlers,
 * notifications passed to listeners. Just enough to drive a language server as an editor does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

interface Message {
  jsonrpc: "2.0";
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export type RequestHandler = (params: unknown) => unknown;
export type NotificationListener = (method: string, params: unknown) => void;

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly listeners = new Set<NotificationListener>();
  private stderr = "";
  private readonly exited: Promise<number | null>;
  /** Every `window/logMessage` and `window/showMessage` text, for assertions and failure messages. */
  readonly log: string[] = [];

  constructor(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code) => {
        for (const [id, pending] of this.pending) {
          clearTimeout(pending.timer);
          pending.reject(new Error(`server exited (${code}) before answering ${pending.method}: ${this.stderr}`));
          this.pending.delete(id);
        }
        resolve(code);
      });
    });
  }

  /** Answer the server's `method` requests with `handler`'s result (unhandled ones get `null`). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  onNotification(listener: NotificationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  request<T>(method: string, params: unknown, timeoutMs = 120_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      // Only a guard against a server that never answers; no assertion depends on the time.
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms; server log:\n${this.log.join("\n")}\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** `shutdown`, then `exit`; resolves with the server's exit code. */
  async close(): Promise<number | null> {
    if (this.child.exitCode === null) {
      await this.request("shutdown", null, 30_000).catch(() => undefined);
      this.notify("exit", null);
    }
    return this.exited;
  }

  /** Stop the server if {@link close} could not. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const length = /Content-Length: *(\d+)/i.exec(header);
      if (!length) throw new Error(`LSP message without Content-Length: ${header}`);
      const start = headerEnd + 4;
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server.
      const handler = this.handlers.get(message.method);
      Promise.resolve()
        .then(() => (handler ? handler(message.params) : null))
        .then(
          (result) => this.send({ jsonrpc: "2.0", id: message.id, result: result ?? null }),
          (error: unknown) =>
            this.send({ jsonrpc: "2.0", id: message.id, error: { code: -32603, message: String(error) } }),
        );
      return;
    }
    if (message.method !== undefined) {
      if (message.method === "window/logMessage" || message.method === "window/showMessage") {
        this.log.push((message.params as { message: string }).message);
      }
      for (const listener of this.listeners) listener(message.method, message.params);
      return;
    }
    const pending = typeof message.id === "number" ? this.pending.get(message.id) : undefined;
    if (!pending) return;
    this.pending.delete(message.id as number);
    clearTimeout(pending.timer);
    if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.message}`));
    else pending.resolve(message.result);
  }
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Offset of an LSP position (UTF-16 code units, which is what JS string indices count). */
function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Apply LSP text edits (non-overlapping, as the protocol requires) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offsetAt(result, edit.range.start)) + edit.newText + result.slice(offsetAt(result, edit.range.end));
  }
  return result;
}
