/**
 * Node stream knowledge for prefer-stream-pipeline: which module members create
 * streams, which constructors are stream classes, and which calls take over a
 * stream's error handling.
 */

/** `node:x` and `x` are the same module. */
export function nodeModuleName(source: string): string {
  return source.startsWith("node:") ? source.slice(5) : source;
}

/** Module → functions whose result is a Node stream. */
export const STREAM_FACTORIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["fs", new Set(["createReadStream", "createWriteStream"])],
  [
    "zlib",
    new Set([
      "createGzip",
      "createGunzip",
      "createDeflate",
      "createInflate",
      "createDeflateRaw",
      "createInflateRaw",
      "createUnzip",
      "createBrotliCompress",
      "createBrotliDecompress",
    ]),
  ],
  ["crypto", new Set(["createCipheriv", "createDecipheriv", "createHash", "createHmac", "createSign", "createVerify"])],
  ["net", new Set(["connect", "createConnection"])],
  ["tls", new Set(["connect"])],
  ["http", new Set(["request", "get"])],
  ["https", new Set(["request", "get"])],
  ["stream", new Set(["compose", "duplexPair"])],
]);

/** Module → functions that return a child process (whose stdio members are streams). */
export const CHILD_PROCESS_FACTORIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["child_process", new Set(["spawn", "exec", "execFile", "fork"])],
]);

/** Members of a child process (and of `process`) that are streams. */
export const STDIO_MEMBERS: ReadonlySet<string> = new Set(["stdin", "stdout", "stderr"]);

/** Stream classes exported by `stream`. */
export const STREAM_CLASSES: ReadonlySet<string> = new Set([
  "Readable",
  "Writable",
  "Duplex",
  "Transform",
  "PassThrough",
  "Stream",
]);

/** Methods that attach a listener and return the emitter itself. */
export const LISTENER_METHODS: ReadonlySet<string> = new Set([
  "on",
  "once",
  "addListener",
  "prependListener",
  "prependOnceListener",
]);

/**
 * `stream` (and `stream/promises`) functions that take over error handling for the
 * streams passed to them: they subscribe to 'error' and destroy or report.
 */
export const ERROR_TAKING_FUNCTIONS: ReadonlySet<string> = new Set(["pipeline", "finished", "addAbortSignal", "compose"]);

/** Modules whose `pipeline`/`finished`/... take over error handling. */
export const STREAM_MODULES: ReadonlySet<string> = new Set(["stream", "stream/promises"]);

/** Parameter names of an HTTP request handler's request and response. */
export const REQUEST_NAMES: ReadonlySet<string> = new Set(["req", "request"]);
export const RESPONSE_NAMES: ReadonlySet<string> = new Set(["res", "response"]);

/** Calls that take a request handler as their last argument (`http.createServer(fn)`, `app.get(path, fn)`). */
export const HANDLER_REGISTRARS: ReadonlySet<string> = new Set([
  "createServer",
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "all",
  "use",
  "route",
]);

/**
 * Module specifiers whose `pipe` is not a stream pipe: RxJS operators, functional
 * composition helpers.
 */
export function isNonStreamPipeModule(source: string): boolean {
  return (
    source === "rxjs" ||
    source.startsWith("rxjs/") ||
    source === "fp-ts" ||
    source.startsWith("fp-ts/") ||
    source === "effect" ||
    source.startsWith("effect/") ||
    source === "lodash/fp" ||
    source === "ramda" ||
    source === "remeda"
  );
}

/**
 * Common RxJS operator names: a call to one of these (not resolved to a stream module)
 * as a `pipe` argument marks an Observable pipe.
 */
export const RXJS_OPERATORS: ReadonlySet<string> = new Set([
  "map",
  "filter",
  "tap",
  "take",
  "takeUntil",
  "takeWhile",
  "skip",
  "first",
  "last",
  "switchMap",
  "mergeMap",
  "concatMap",
  "exhaustMap",
  "catchError",
  "retry",
  "debounceTime",
  "throttleTime",
  "distinctUntilChanged",
  "scan",
  "reduce",
  "share",
  "shareReplay",
  "startWith",
  "withLatestFrom",
  "delay",
  "finalize",
  "pluck",
  "auditTime",
  "bufferTime",
  "timeout",
]);

/** Type declaration files whose `pipe` is a Node stream pipe. */
export function isNodeStreamDeclarationFile(fileName: string): boolean {
  const normalized = fileName.replace(/\\/g, "/");
  return normalized.includes("/@types/node/") || normalized.includes("/@types/readable-stream/");
}
