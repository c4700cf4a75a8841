import path from "node:path";
import { fileURLToPath } from "node:url";
import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/prefer-stream-pipeline.js";
import { gradedCases } from "./graded.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

/** The error callback every suggestion writes. */
const CB = "(error) => { if (error) console.error(error); }";

const unhandled = (line: number, output?: string) => ({
  messageId: "unhandledPipe" as const,
  line,
  suggestions: output === undefined ? [] : [{ messageId: "usePipeline" as const, output }],
});

describe("schema", () => {
  it("takes only reportProbable", () => {
    const [options] = rule.meta.schema as unknown as { properties: Record<string, unknown> }[];
    expect(Object.keys(options!.properties)).toEqual(["reportProbable"]);
  });

  it("rejects any other option with a schema error", () => {
    const verify = () =>
      new Linter({ configType: "flat" }).verify("process.stdin.pipe(process.stdout);", [
        {
          plugins: { leakproof: plugin as never },
          rules: { "leakproof/prefer-stream-pipeline": ["error", { allow: ["gulp"] }] as Linter.RuleEntry },
        },
      ]);
    expect(verify).toThrow(/prefer-stream-pipeline/);
  });

  it("names every stream without a handler in the message", () => {
    const messages = new Linter({ configType: "flat" }).verify(
      `import fs from "node:fs";
export function copy() {
  const input = fs.createReadStream("a");
  input.on("error", console.error);
  input.pipe(fs.createWriteStream("b"));
}`,
      [{ plugins: { leakproof: plugin as never }, rules: { "leakproof/prefer-stream-pipeline": "error" } }],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('`fs.createWriteStream("b")` has no');
    expect(messages[0]!.message).not.toContain("`input`");
  });
});

const { probable, checkRecommended } = gradedCases("prefer-stream-pipeline");

ruleTester.run("prefer-stream-pipeline", rule, {
  valid: [
    // --- owners that do it right ---
    {
      // Wiki.js (sample D): the file's descriptor is cached and closed elsewhere; a failed
      // response leaves only a paused stream that owns nothing.
      name: "a source over a borrowed descriptor (autoClose: false) that handles its own errors",
      code: `
import fs from "node:fs";
export function serve(req, res, fd, start, end) {
  fs.createReadStream("", { fd, autoClose: false, start, end })
    .on("error", () => res.sendStatus(404))
    .pipe(res.status(200));
}`,
    },
    {
      name: "pipeline() with a callback",
      code: `
import fs from "node:fs";
import zlib from "node:zlib";
import { pipeline } from "node:stream";
export function archive(src, dst, done) {
  pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dst), done);
}`,
    },
    {
      name: "await pipeline() from stream/promises",
      code: `
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
export async function restore(backup, target) {
  await pipeline(createReadStream(backup), createGunzip(), createWriteStream(target));
}`,
    },
    {
      name: "every stream has an 'error' listener",
      code: `
import fs from "node:fs";
import zlib from "node:zlib";
export function archive(src, dst, fail) {
  const input = fs.createReadStream(src);
  const gzip = zlib.createGzip();
  const output = fs.createWriteStream(dst);
  input.on("error", fail);
  gzip.on("error", fail);
  output.on("error", fail);
  input.pipe(gzip).pipe(output);
}`,
    },
    {
      name: "inline .on('error') on every member of the chain",
      code: `
import fs from "node:fs";
import zlib from "node:zlib";
export function archive(src, dst, fail) {
  fs.createReadStream(src)
    .on("error", fail)
    .pipe(zlib.createGzip())
    .on("error", fail)
    .pipe(fs.createWriteStream(dst))
    .on("error", fail);
}`,
    },
    {
      name: "handlers attached after the pipe, through the stored result",
      code: `
import fs from "node:fs";
export function copy(src, dst, fail) {
  const input = fs.createReadStream(src);
  const output = input.pipe(fs.createWriteStream(dst));
  input.on("error", fail);
  output.on("error", fail);
  return output;
}`,
    },
    {
      name: "once / addListener / prependListener count as handlers",
      code: `
const fs = require("fs");
const crypto = require("crypto");
function checksum(file, cb) {
  const input = fs.createReadStream(file);
  const hash = crypto.createHash("sha256");
  input.once("error", cb);
  hash.addListener("error", cb);
  input.pipe(hash).prependListener("error", cb).on("finish", () => cb(null, hash.digest("hex")));
}`,
    },
    {
      name: "finished() takes over the destination, the source has a listener",
      code: `
import fs from "node:fs";
import { finished } from "node:stream";
export function download(req, res, next) {
  const file = fs.createReadStream("/srv/report.pdf");
  file.on("error", next);
  finished(res, (error) => { if (error) file.destroy(); });
  file.pipe(res);
}`,
    },
    {
      name: "stream.finished through a namespace import",
      code: `
import * as stream from "node:stream";
import fs from "node:fs";
export function send(req, res) {
  const file = fs.createReadStream("/srv/a.bin");
  stream.finished(file, () => {});
  stream.finished(res, () => file.destroy());
  file.pipe(res);
}`,
    },
    {
      name: "pump() from userland takes over every stream",
      code: `
import fs from "node:fs";
import pump from "pump";
export function copy(a, b) {
  const input = fs.createReadStream(a);
  const output = fs.createWriteStream(b);
  pump(input, output);
  input.pipe(output);
}`,
    },
    {
      name: "an array passed to a pipeline helper",
      code: `
const { pipeline } = require("stream");
const zlib = require("zlib");
function relay(source, target) {
  const gzip = zlib.createGzip();
  pipeline([source, gzip, target], () => {});
  source.pipe(gzip).pipe(target);
}`,
    },
    {
      name: "addAbortSignal + listener: every member covered",
      code: `
import { addAbortSignal, PassThrough } from "node:stream";
import fs from "node:fs";
export function tee(signal, target) {
  const copy = new PassThrough();
  addAbortSignal(signal, copy);
  const out = fs.createWriteStream(target);
  out.on("error", () => copy.destroy());
  copy.pipe(out);
}`,
    },
    {
      name: "pipeline() already used, no .pipe() anywhere",
      code: `
const { pipeline } = require("node:stream");
const { spawn } = require("node:child_process");
function compress(file) {
  const child = spawn("gzip", ["-c"]);
  pipeline(require("fs").createReadStream(file), child.stdin, (error) => error && console.error(error));
}`,
    },

    // --- false-alarm traps: pipes that are not Node streams ---
    {
      name: "RxJS pipe with several operators",
      code: `
import { map, filter } from "rxjs/operators";
export const evens$ = source$.pipe(map((n) => n * 2), filter(Boolean));`,
    },
    {
      name: "RxJS pipe with one operator",
      code: `
import { fromEvent, debounceTime } from "rxjs";
const clicks$ = fromEvent(document, "click");
export const settled$ = clicks$.pipe(debounceTime(300));`,
    },
    {
      name: "RxJS operator imported under another name",
      code: `
import { map as select } from "rxjs";
export function names(users$) {
  return users$.pipe(select((u) => u.name));
}`,
    },
    {
      name: "Angular HttpClient pipe",
      code: `
import { map } from "rxjs";
export class UserService {
  constructor(http) { this.http = http; }
  list() {
    return this.http.get("/api/users").pipe(map((body) => body.items));
  }
}`,
    },
    {
      name: "NestJS interceptor",
      code: `
import { tap } from "rxjs/operators";
export class LoggingInterceptor {
  intercept(context, next) {
    const started = Date.now();
    return next.handle().pipe(tap(() => console.log(Date.now() - started)));
  }
}`,
    },
    {
      name: "RxJS pipe whose operator is a local function call in a (req, res) handler",
      code: `
import { catchError } from "rxjs";
export function handle(req, res) {
  return req.body$.pipe(catchError(() => res.status(500)));
}`,
    },
    {
      name: "fp-ts pipe(value, f, g)",
      code: `
import { pipe } from "fp-ts/function";
import * as O from "fp-ts/Option";
export const port = pipe(process.env.PORT, O.fromNullable, O.map(Number));`,
    },
    {
      name: "lodash/fp pipe as a member call",
      code: `
import fp from "lodash/fp";
export const slug = fp.pipe(fp.trim);
export const slugs = fp.pipe(fp.trim, fp.kebabCase);`,
    },
    {
      name: "Effect pipe",
      code: `
import { Effect } from "effect";
export const program = Effect.succeed(1).pipe(Effect.map((n) => n + 1));`,
    },
    {
      name: "jQuery deferred pipe with a function argument",
      code: `
export function load($) {
  return $.ajax("/api/config").pipe(function (config) { return config.features; });
}`,
    },
    {
      name: "a user class with a pipe method",
      code: `
class Middleware {
  constructor() { this.steps = []; }
  pipe(step) { this.steps.push(step); return this; }
}
export const app = new Middleware().pipe(auth).pipe(logging);`,
    },
    {
      name: "a user class with a pipe method taking process.stdout",
      code: `
class Reporter {
  pipe(target) { this.target = target; return this; }
}
const reporter = new Reporter();
reporter.pipe(process.stdout);`,
    },
    {
      name: "gulp task: no known stream factory (documented)",
      code: `
import gulp from "gulp";
import babel from "gulp-babel";
export const build = () => gulp.src("src/**/*.js").pipe(babel()).pipe(gulp.dest("dist"));`,
    },
    {
      name: "fs shadowed by a parameter",
      code: `
export function copy(fs, a, b) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b));
}`,
    },
    {
      name: "zlib from a local module is not node:zlib",
      code: `
import zlib from "./zlib-wasm.js";
export function pack(input, output) {
  input.pipe(zlib.createGzip()).pipe(output);
}`,
    },
    {
      name: "process shadowed by a local workflow",
      code: `
import { createWorkflow } from "./workflow.js";
const process = createWorkflow();
process.stdout.pipe(collector);`,
    },
    {
      name: "req in a one-parameter function is not a request handler",
      code: `
export function forward(req) {
  return req.pipe(target);
}`,
    },
    {
      name: "web streams use pipeTo / pipeThrough",
      code: `
export async function save(url, writable) {
  const response = await fetch(url);
  await response.body.pipeThrough(new TextDecoderStream()).pipeTo(writable);
}`,
    },
    {
      name: "object literal with a pipe function",
      code: `
const steps = { pipe: (value) => value.trim() };
export const cleaned = steps.pipe(input);`,
    },

    // --- syntax: no crash, nothing to report ---
    { name: "pipe() without arguments", code: `import fs from "node:fs"; fs.createReadStream("a").pipe();` },
    {
      name: "spread arguments",
      code: `import fs from "node:fs"; const streams = [fs.createWriteStream("b")]; fs.createReadStream("a").pipe(...streams);`,
    },
    {
      name: "pipe(dest, { end: false }) has two arguments (not analysed)",
      code: `
import fs from "node:fs";
export function append(log) {
  fs.createReadStream(log).pipe(process.stdout, { end: false });
}`,
    },
    {
      name: "dynamic computed member",
      code: `import fs from "node:fs"; const method = "pipe"; fs.createReadStream("a")[method](fs.createWriteStream("b"));`,
    },
    {
      name: "optional chaining on an Observable",
      code: `
import { map } from "rxjs";
export const names$ = users$?.pipe(map((u) => u.name));`,
    },
    {
      name: "TS: typed streams with handlers",
      filename: "file.ts",
      code: `
import fs from "node:fs";
import type { Readable, Writable } from "node:stream";
export function copy(a: string, b: string, fail: (e: Error) => void): void {
  const input: Readable = fs.createReadStream(a);
  const output = fs.createWriteStream(b) as Writable;
  input.on("error", fail);
  output!.on("error", fail);
  (input as Readable).pipe(output!);
}`,
    },
    {
      name: "TS: generic pipe on a typed builder",
      filename: "file.ts",
      code: `
interface Builder<T> { pipe<U>(step: (value: T) => U): Builder<U>; }
declare const start: Builder<string>;
export const built = start.pipe((s) => s.length).pipe((n) => n * 2);`,
    },
    {
      name: "this-members with handlers in the constructor",
      code: `
export class Tunnel {
  constructor(socket, upstream) {
    this.socket = socket;
    this.upstream = upstream;
    this.socket.on("error", () => this.close());
    this.upstream.on("error", () => this.close());
    this.socket.pipe(this.upstream).pipe(this.socket);
  }
}`,
    },
    {
      name: "echo server: a socket parameter is not known to be a stream (no types)",
      code: `
import net from "node:net";
net.createServer((socket) => {
  socket.pipe(socket);
}).listen(7);`,
    },
    {
      name: "Readable.from with handlers on both ends",
      code: `
import { Readable } from "node:stream";
import fs from "node:fs";
export function dump(rows, file, fail) {
  const out = fs.createWriteStream(file).on("error", fail);
  Readable.from(rows).on("error", fail).pipe(out);
}`,
    },
  ],

  invalid: [
    probable({
      // Joplin (sample E): a build script shows `pod install`'s output as it runs.
      name: "a child's output forwarded to the terminal is probable",
      code: `
import execa from "execa";
export async function podInstall(cwd) {
  const child = execa("pod", ["install"], { cwd });
  child.stdout.pipe(process.stdout);
  await child;
}`,
      errors: [unhandled(5)],
    }),
    {
      name: "a source that handles its own errors still stays open when the response fails",
      code: `
import fs from "node:fs";
export function serve(req, res, path) {
  fs.createReadStream(path)
    .on("error", () => res.sendStatus(404))
    .pipe(res.status(200));
}`,
      errors: [unhandled(6)],
    },
    // --- ESM: factories resolved from imports ---
    {
      name: "fs + zlib default imports, new import added after the last one",
      code: `
import fs from "node:fs";
import zlib from "node:zlib";
export function archive(src, dst) {
  fs.createReadStream(src).pipe(zlib.createGzip()).pipe(fs.createWriteStream(dst));
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import zlib from "node:zlib";
import { pipeline } from "node:stream";
export function archive(src, dst) {
  pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dst), ${CB});
}`,
        ),
      ],
    },
    {
      name: "named imports, pipeline added to an existing node:stream import",
      code: `
import { createReadStream, createWriteStream } from "fs";
import { createGunzip } from "node:zlib";
import { PassThrough } from "node:stream";
export function restore(backup, target) {
  createReadStream(backup).pipe(createGunzip()).pipe(createWriteStream(target));
}`,
      errors: [
        unhandled(
          6,
          `
import { createReadStream, createWriteStream } from "fs";
import { createGunzip } from "node:zlib";
import { PassThrough, pipeline } from "node:stream";
export function restore(backup, target) {
  pipeline(createReadStream(backup), createGunzip(), createWriteStream(target), ${CB});
}`,
        ),
      ],
    },
    {
      name: "namespace import, single quotes kept, no semicolons kept",
      code: `
import * as fs from 'node:fs'
export function copy(a, b) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b))
}`,
      errors: [
        unhandled(
          4,
          `
import * as fs from 'node:fs'
import { pipeline } from 'node:stream'
export function copy(a, b) {
  pipeline(fs.createReadStream(a), fs.createWriteStream(b), ${CB})
}`,
        ),
      ],
    },
    {
      name: "pipeline already imported from node:stream is reused",
      code: `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function copy(a, b, done) {
  pipeline(fs.createReadStream(a), fs.createWriteStream(b), done);
}
export function copyLegacy(a, b) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b));
}`,
      errors: [
        unhandled(
          8,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function copy(a, b, done) {
  pipeline(fs.createReadStream(a), fs.createWriteStream(b), done);
}
export function copyLegacy(a, b) {
  pipeline(fs.createReadStream(a), fs.createWriteStream(b), ${CB});
}`,
        ),
      ],
    },
    {
      name: "default import of node:stream: stream.pipeline, no new import",
      code: `
import stream from "node:stream";
import fs from "node:fs";
export function mirror(a) {
  const copy = new stream.PassThrough();
  fs.createReadStream(a).pipe(copy);
  return copy;
}`,
      errors: [
        unhandled(
          6,
          `
import stream from "node:stream";
import fs from "node:fs";
export function mirror(a) {
  const copy = new stream.PassThrough();
  stream.pipeline(fs.createReadStream(a), copy, ${CB});
  return copy;
}`,
        ),
      ],
    },
    {
      name: "pipeline taken by stream/promises: aliased import",
      code: `
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
export async function copy(a, b) {
  await pipeline(fs.createReadStream(a), fs.createWriteStream(b));
}
export function backup(a, b) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b));
}`,
      errors: [
        unhandled(
          8,
          `
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { pipeline as streamPipeline } from "node:stream";
export async function copy(a, b) {
  await pipeline(fs.createReadStream(a), fs.createWriteStream(b));
}
export function backup(a, b) {
  streamPipeline(fs.createReadStream(a), fs.createWriteStream(b), ${CB});
}`,
        ),
      ],
    },
    {
      name: "ESM file without imports: import added at the top",
      filename: "file.mjs",
      code: `
export function echo(req, res) {
  req.pipe(res);
}`,
      errors: [
        unhandled(
          3,
          `
import { pipeline } from "node:stream";
export function echo(req, res) {
  pipeline(req, res, ${CB});
}`,
        ),
      ],
    },

    // --- HTTP handlers ---
    {
      name: "download handler: file piped into res",
      code: `
import fs from "node:fs";
import http from "node:http";
http.createServer((req, res) => {
  fs.createReadStream("/srv/index.html").pipe(res);
}).listen(8080);`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import http from "node:http";
import { pipeline } from "node:stream";
http.createServer((req, res) => {
  pipeline(fs.createReadStream("/srv/index.html"), res, ${CB});
}).listen(8080);`,
        ),
      ],
    },
    {
      name: "upload handler: req piped into a file",
      code: `
import fs from "node:fs";
export function upload(req, res) {
  req.pipe(fs.createWriteStream("/var/uploads/" + req.headers["x-name"]));
  req.on("end", () => res.end("ok"));
}`,
      errors: [
        unhandled(
          4,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function upload(req, res) {
  pipeline(req, fs.createWriteStream("/var/uploads/" + req.headers["x-name"]), ${CB});
  req.on("end", () => res.end("ok"));
}`,
        ),
      ],
    },
    {
      name: "express route: source handled, res not (client disconnect leaks the fd)",
      code: `
import fs from "node:fs";
app.get("/export.csv", (req, res, next) => {
  const file = fs.createReadStream("/srv/export.csv");
  file.on("error", next);
  file.pipe(res);
});`,
      errors: [
        unhandled(
          6,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
app.get("/export.csv", (req, res, next) => {
  const file = fs.createReadStream("/srv/export.csv");
  file.on("error", next);
  pipeline(file, res, ${CB});
});`,
        ),
      ],
    },
    {
      name: "(request, response) gzip proxy",
      code: `
import zlib from "node:zlib";
export default function handler(request, response) {
  request.pipe(zlib.createGunzip()).pipe(response);
}`,
      errors: [
        unhandled(
          4,
          `
import zlib from "node:zlib";
import { pipeline } from "node:stream";
export default function handler(request, response) {
  pipeline(request, zlib.createGunzip(), response, ${CB});
}`,
        ),
      ],
    },
    {
      name: "class method handler",
      code: `
import fs from "node:fs";
export class StaticFiles {
  serve(req, res) {
    fs.createReadStream(this.root + req.url).pipe(res);
  }
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export class StaticFiles {
  serve(req, res) {
    pipeline(fs.createReadStream(this.root + req.url), res, ${CB});
  }
}`,
        ),
      ],
    },
    {
      name: "http.request as the destination",
      code: `
import fs from "node:fs";
import https from "node:https";
export function putObject(file, url) {
  fs.createReadStream(file).pipe(https.request(url, { method: "PUT" }));
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import https from "node:https";
import { pipeline } from "node:stream";
export function putObject(file, url) {
  pipeline(fs.createReadStream(file), https.request(url, { method: "PUT" }), ${CB});
}`,
        ),
      ],
    },

    // --- other stream sources ---
    probable({
      // No rewrite: `.pipe()` leaves process.stdout open, `pipeline()` would end it and lose later output.
      name: "process.stdin through gzip to process.stdout",
      code: `
import zlib from "node:zlib";
process.stdin.pipe(zlib.createGzip()).pipe(process.stdout);`,
      errors: [unhandled(3)],
    }),
    {
      name: "child process stdout into a log file",
      code: `
import { spawn } from "node:child_process";
import fs from "node:fs";
export function build(log) {
  const child = spawn("make", ["all"]);
  child.stdout.pipe(fs.createWriteStream(log));
  return child;
}`,
      errors: [
        unhandled(
          6,
          `
import { spawn } from "node:child_process";
import fs from "node:fs";
import { pipeline } from "node:stream";
export function build(log) {
  const child = spawn("make", ["all"]);
  pipeline(child.stdout, fs.createWriteStream(log), ${CB});
  return child;
}`,
        ),
      ],
    },
    probable({
      name: "child_process.exec(...).stderr",
      code: `
import cp from "node:child_process";
cp.exec("npm test").stderr.pipe(errors);`,
      errors: [
        unhandled(
          3,
          `
import cp from "node:child_process";
import { pipeline } from "node:stream";
pipeline(cp.exec("npm test").stderr, errors, ${CB});`,
        ),
      ],
    }),
    {
      name: "crypto hash of a file",
      code: `
import fs from "node:fs";
import crypto from "node:crypto";
export function digest(file) {
  return fs.createReadStream(file).pipe(crypto.createHash("sha256"));
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import crypto from "node:crypto";
import { pipeline } from "node:stream";
export function digest(file) {
  return pipeline(fs.createReadStream(file), crypto.createHash("sha256"), ${CB});
}`,
        ),
      ],
    },
    {
      name: "encrypt with createCipheriv",
      code: `
import { createCipheriv } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
export function seal(key, iv, file) {
  createReadStream(file).pipe(createCipheriv("aes-256-cbc", key, iv)).pipe(createWriteStream(file + ".enc"));
}`,
      errors: [
        unhandled(
          5,
          `
import { createCipheriv } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream";
export function seal(key, iv, file) {
  pipeline(createReadStream(file), createCipheriv("aes-256-cbc", key, iv), createWriteStream(file + ".enc"), ${CB});
}`,
        ),
      ],
    },
    probable({
      name: "net.connect socket piped to stdout",
      code: `
import net from "node:net";
const socket = net.connect(6379, "localhost");
socket.pipe(process.stdout);`,
      // No rewrite into process.stdout (see above).
      errors: [unhandled(4)],
    }),
    {
      name: "new PassThrough() from node:stream",
      code: `
import { PassThrough } from "node:stream";
export function tap(source) {
  const copy = new PassThrough();
  source.pipe(copy);
  return copy;
}`,
      errors: [
        unhandled(
          5,
          `
import { PassThrough, pipeline } from "node:stream";
export function tap(source) {
  const copy = new PassThrough();
  pipeline(source, copy, ${CB});
  return copy;
}`,
        ),
      ],
    },
    {
      name: "local class extending Transform",
      code: `
import { Transform } from "node:stream";
class LineSplitter extends Transform {
  _transform(chunk, enc, cb) { cb(null, chunk); }
}
export function lines(input) {
  return input.pipe(new LineSplitter());
}`,
      errors: [
        unhandled(
          7,
          `
import { Transform, pipeline } from "node:stream";
class LineSplitter extends Transform {
  _transform(chunk, enc, cb) { cb(null, chunk); }
}
export function lines(input) {
  return pipeline(input, new LineSplitter(), ${CB});
}`,
        ),
      ],
    },
    {
      name: "Readable.from() into a file",
      code: `
import { Readable } from "node:stream";
import fs from "node:fs";
export function dump(rows, file) {
  Readable.from(rows).pipe(fs.createWriteStream(file));
}`,
      errors: [
        unhandled(
          5,
          `
import { Readable, pipeline } from "node:stream";
import fs from "node:fs";
export function dump(rows, file) {
  pipeline(Readable.from(rows), fs.createWriteStream(file), ${CB});
}`,
        ),
      ],
    },
    {
      name: "Brotli compression",
      code: `
import { createBrotliCompress } from "node:zlib";
import fs from "node:fs";
export const pack = (a, b) => fs.createReadStream(a).pipe(createBrotliCompress()).pipe(fs.createWriteStream(b));`,
      errors: [
        unhandled(
          4,
          `
import { createBrotliCompress } from "node:zlib";
import fs from "node:fs";
import { pipeline } from "node:stream";
export const pack = (a, b) => pipeline(fs.createReadStream(a), createBrotliCompress(), fs.createWriteStream(b), ${CB});`,
        ),
      ],
    },
    probable({
      name: "new stream.Transform via the Stream namespace",
      code: `
import * as stream from "stream";
const upper = new stream.Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });
process.stdin.pipe(upper);`,
      errors: [
        unhandled(
          4,
          `
import * as stream from "stream";
const upper = new stream.Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });
stream.pipeline(process.stdin, upper, ${CB});`,
        ),
      ],
    }),

    // --- variables and partial handling ---
    {
      name: "variables initialised with factories",
      code: `
import fs from "node:fs";
export function copy(a, b) {
  const input = fs.createReadStream(a);
  const output = fs.createWriteStream(b);
  input.pipe(output);
}`,
      errors: [
        unhandled(
          6,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function copy(a, b) {
  const input = fs.createReadStream(a);
  const output = fs.createWriteStream(b);
  pipeline(input, output, ${CB});
}`,
        ),
      ],
    },
    {
      name: "only the failing middle transform has a listener",
      code: `
import fs from "node:fs";
export function importCsv(file, parser, onBadFile) {
  parser.on("error", onBadFile);
  fs.createReadStream(file).pipe(parser).pipe(fs.createWriteStream(file + ".jsonl"));
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function importCsv(file, parser, onBadFile) {
  parser.on("error", onBadFile);
  pipeline(fs.createReadStream(file), parser, fs.createWriteStream(file + ".jsonl"), ${CB});
}`,
        ),
      ],
    },
    {
      name: "inline handler on the source only: no suggestion for a non-straight chain",
      code: `
import fs from "node:fs";
export function copy(a, b, fail) {
  fs.createReadStream(a).on("error", fail).pipe(fs.createWriteStream(b));
}`,
      errors: [unhandled(4)],
    },
    {
      name: "handler only on the last stream, chained after the pipes",
      code: `
import fs from "node:fs";
import zlib from "node:zlib";
export function pack(a, b, fail) {
  fs.createReadStream(a).pipe(zlib.createGzip()).pipe(fs.createWriteStream(b)).on("error", fail);
}`,
      errors: [unhandled(5)],
    },
    {
      name: "stored result with a handler, source without",
      code: `
import fs from "node:fs";
export function copy(a, b, fail) {
  const out = fs.createReadStream(a).pipe(fs.createWriteStream(b));
  out.on("error", fail);
}`,
      errors: [
        unhandled(
          4,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function copy(a, b, fail) {
  const out = pipeline(fs.createReadStream(a), fs.createWriteStream(b), ${CB});
  out.on("error", fail);
}`,
        ),
      ],
    },
    {
      name: "a finish listener is not error handling",
      code: `
import fs from "node:fs";
export function copy(a, b, done) {
  const input = fs.createReadStream(a);
  input.on("close", done);
  input.pipe(fs.createWriteStream(b)).on("finish", done);
}`,
      errors: [unhandled(6)],
    },
    {
      name: "two separate chains, two reports",
      code: `
import fs from "node:fs";
export function split(a, b, c) {
  const input = fs.createReadStream(a);
  input.pipe(fs.createWriteStream(b));
  input.pipe(fs.createWriteStream(c));
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function split(a, b, c) {
  const input = fs.createReadStream(a);
  pipeline(input, fs.createWriteStream(b), ${CB});
  input.pipe(fs.createWriteStream(c));
}`,
        ),
        unhandled(
          6,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function split(a, b, c) {
  const input = fs.createReadStream(a);
  input.pipe(fs.createWriteStream(b));
  pipeline(input, fs.createWriteStream(c), ${CB});
}`,
        ),
      ],
    },
    {
      name: "multi-line chain: reported on the first .pipe(",
      code: `
import fs from "node:fs";
import zlib from "node:zlib";
export function pack(a, b) {
  fs.createReadStream(a)
    .pipe(zlib.createGzip())
    .pipe(fs.createWriteStream(b));
}`,
      errors: [
        unhandled(
          6,
          `
import fs from "node:fs";
import zlib from "node:zlib";
import { pipeline } from "node:stream";
export function pack(a, b) {
  pipeline(fs.createReadStream(a), zlib.createGzip(), fs.createWriteStream(b), ${CB});
}`,
        ),
      ],
    },
    {
      name: "comments inside the chain: no suggestion (they would be lost)",
      code: `
import fs from "node:fs";
import zlib from "node:zlib";
export function pack(a, b) {
  fs.createReadStream(a)
    // compress on the fly
    .pipe(zlib.createGzip())
    .pipe(fs.createWriteStream(b));
}`,
      errors: [unhandled(7)],
    },

    // --- CommonJS ---
    {
      name: "CommonJS: require added after the last require, quote style kept",
      code: `
const fs = require('fs');
const zlib = require('zlib');
function pack(a, b) {
  fs.createReadStream(a).pipe(zlib.createGzip()).pipe(fs.createWriteStream(b));
}
module.exports = { pack };`,
      errors: [
        unhandled(
          5,
          `
const fs = require('fs');
const zlib = require('zlib');
const { pipeline } = require('node:stream');
function pack(a, b) {
  pipeline(fs.createReadStream(a), zlib.createGzip(), fs.createWriteStream(b), ${CB});
}
module.exports = { pack };`,
        ),
      ],
    },
    probable({
      name: "CommonJS: pipeline added to an existing destructured require of stream",
      code: `
const { Transform } = require("stream");
const fs = require("fs");
const upper = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
fs.createReadStream("in.txt").pipe(upper).pipe(fs.createWriteStream("out.txt"));`,
      errors: [
        unhandled(
          5,
          `
const { Transform, pipeline } = require("stream");
const fs = require("fs");
const upper = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
pipeline(fs.createReadStream("in.txt"), upper, fs.createWriteStream("out.txt"), ${CB});`,
        ),
      ],
    }),
    {
      name: "CommonJS: require('stream') namespace reused",
      code: `
const stream = require("stream");
const fs = require("fs");
exports.copy = (a, b) => fs.createReadStream(a).pipe(fs.createWriteStream(b));`,
      errors: [
        unhandled(
          4,
          `
const stream = require("stream");
const fs = require("fs");
exports.copy = (a, b) => stream.pipeline(fs.createReadStream(a), fs.createWriteStream(b), ${CB});`,
        ),
      ],
    },
    {
      name: "CommonJS: inline require('fs').createReadStream in a handler",
      code: `
const http = require("http");
http.createServer(function (req, res) {
  require("fs").createReadStream(__dirname + "/index.html").pipe(res);
});`,
      errors: [
        unhandled(
          4,
          `
const http = require("http");
const { pipeline } = require("node:stream");
http.createServer(function (req, res) {
  pipeline(require("fs").createReadStream(__dirname + "/index.html"), res, ${CB});
});`,
        ),
      ],
    },
    {
      name: "CommonJS: renamed destructured require",
      code: `
const { createReadStream: open } = require("node:fs");
module.exports = (file, out) => open(file).pipe(out);`,
      errors: [
        unhandled(
          3,
          `
const { createReadStream: open } = require("node:fs");
const { pipeline } = require("node:stream");
module.exports = (file, out) => pipeline(open(file), out, ${CB});`,
        ),
      ],
    },
    {
      name: "CommonJS .cjs file without requires: after 'use strict'",
      filename: "file.cjs",
      code: `
"use strict";
module.exports = (req, res) => req.pipe(res);`,
      errors: [
        unhandled(
          3,
          `
"use strict";
const { pipeline } = require("node:stream");
module.exports = (req, res) => pipeline(req, res, ${CB});`,
        ),
      ],
    },

    // --- syntax ---
    {
      name: "TS: as-casts and non-null assertions are kept in the suggestion",
      filename: "file.ts",
      code: `
import fs from "node:fs";
import type { Writable } from "node:stream";
export function send(req: unknown, res?: Writable): void {
  (fs.createReadStream("a") as NodeJS.ReadableStream).pipe(res!);
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream";
export function send(req: unknown, res?: Writable): void {
  pipeline(fs.createReadStream("a") as NodeJS.ReadableStream, res!, ${CB});
}`,
        ),
      ],
    },
    {
      name: "TS: typed request handler",
      filename: "file.ts",
      code: `
import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
export const handler = (req: IncomingMessage, res: ServerResponse): void => {
  createReadStream("/srv/app.js").pipe(res);
};`,
      errors: [
        unhandled(
          5,
          `
import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
export const handler = (req: IncomingMessage, res: ServerResponse): void => {
  pipeline(createReadStream("/srv/app.js"), res, ${CB});
};`,
        ),
      ],
    },
    {
      name: "optional chaining: reported, no suggestion",
      code: `
import fs from "node:fs";
export function copy(a, out) {
  fs.createReadStream(a)?.pipe(out);
}`,
      errors: [unhandled(4)],
    },
    {
      name: "static computed member ['pipe']",
      code: `
import fs from "node:fs";
export function copy(a, b) {
  fs.createReadStream(a)["pipe"](fs.createWriteStream(b));
}`,
      errors: [
        unhandled(
          4,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function copy(a, b) {
  pipeline(fs.createReadStream(a), fs.createWriteStream(b), ${CB});
}`,
        ),
      ],
    },
    {
      name: "pipeline name taken by a local function: aliased import",
      code: `
import fs from "node:fs";
function pipeline(steps) { return steps; }
export function copy(a, b) {
  fs.createReadStream(a).pipe(fs.createWriteStream(b));
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import { pipeline as streamPipeline } from "node:stream";
function pipeline(steps) { return steps; }
export function copy(a, b) {
  streamPipeline(fs.createReadStream(a), fs.createWriteStream(b), ${CB});
}`,
        ),
      ],
    },
    {
      name: "let variable with a stream factory",
      code: `
import fs from "node:fs";
export function tail(file) {
  let source = fs.createReadStream(file, { start: 100 });
  source.pipe(process.stdout);
}`,
      // No rewrite into process.stdout (see above).
      errors: [unhandled(5)],
    },
    {
      name: "chain in a loop",
      code: `
import fs from "node:fs";
export function copyAll(files, dir) {
  for (const file of files) {
    fs.createReadStream(file).pipe(fs.createWriteStream(dir + "/" + file));
  }
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function copyAll(files, dir) {
  for (const file of files) {
    pipeline(fs.createReadStream(file), fs.createWriteStream(dir + "/" + file), ${CB});
  }
}`,
        ),
      ],
    },
    {
      name: "without types, an Observable-shaped pipe in a (req, res) handler is taken for a stream (see the type-aware block)",
      filename: "file.ts",
      code: `
declare class Observable<T> {
  pipe<A>(op: (source: Observable<T>) => Observable<A>): Observable<A>;
}
declare function tapInto<T>(sink: { next(value: T): void }): (source: Observable<T>) => Observable<T>;
export function handle(req: Observable<string>, res: { next(value: string): void }) {
  return req.pipe(tapInto(res));
}`,
      errors: [
        unhandled(
          7,
          `
import { pipeline } from "node:stream";
declare class Observable<T> {
  pipe<A>(op: (source: Observable<T>) => Observable<A>): Observable<A>;
}
declare function tapInto<T>(sink: { next(value: T): void }): (source: Observable<T>) => Observable<T>;
export function handle(req: Observable<string>, res: { next(value: string): void }) {
  return pipeline(req, tapInto(res), ${CB});
}`,
        ),
      ],
    },
    {
      name: "JSX file: server component streaming a file",
      code: `
import fs from "node:fs";
export function render(req, res) {
  const html = <html />;
  fs.createReadStream("shell.html").pipe(res);
  return html;
}`,
      errors: [
        unhandled(
          5,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
export function render(req, res) {
  const html = <html />;
  pipeline(fs.createReadStream("shell.html"), res, ${CB});
  return html;
}`,
        ),
      ],
    },
  ],
});

// --- type-aware: the receiver's type decides when the user's config provides it ---
const tsconfigRootDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures-ts");
const typedTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } },
});

typedTester.run("prefer-stream-pipeline (type-aware)", rule, {
  valid: [
    {
      name: "RxJS-shaped Observable pipe in a (req, res) handler: types overrule the name heuristic",
      filename: "file.ts",
      code: `
declare class Observable<T> {
  pipe<A>(op: (source: Observable<T>) => Observable<A>): Observable<A>;
}
declare function tapInto<T>(sink: { next(value: T): void }): (source: Observable<T>) => Observable<T>;
export function handle(req: Observable<string>, res: { next(value: string): void }) {
  return req.pipe(tapInto(res));
}`,
    },
    {
      name: "typed streams with handlers on both",
      filename: "file.ts",
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(source: Readable, sink: Writable, fail: (e: Error) => void): void {
  source.on("error", fail);
  sink.on("error", fail);
  source.pipe(sink);
}`,
    },
    {
      name: "a user class with a pipe method, typed",
      filename: "file.ts",
      code: `
class Chain<T> {
  constructor(private readonly steps: Array<(v: T) => T> = []) {}
  pipe(step: (v: T) => T): Chain<T> { return new Chain([...this.steps, step]); }
}
export function build(first: (v: number) => number): Chain<number> {
  return new Chain<number>().pipe(first);
}`,
    },
  ],
  invalid: [
    {
      name: "a Readable parameter with no syntactic evidence",
      filename: "file.ts",
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(source: Readable, sink: Writable): void {
  source.pipe(sink);
}`,
      errors: [
        unhandled(
          4,
          `
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream";
export function relay(source: Readable, sink: Writable): void {
  pipeline(source, sink, ${CB});
}`,
        ),
      ],
    },
    {
      name: "NodeJS.ReadableStream (gulp-style vinyl streams count when typed)",
      filename: "file.ts",
      code: `
export function forward(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): void {
  input.pipe(output);
}`,
      errors: [
        unhandled(
          3,
          `
import { pipeline } from "node:stream";
export function forward(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): void {
  pipeline(input, output, ${CB});
}`,
        ),
      ],
    },
    probable({
      name: "an any receiver falls back to syntax",
      filename: "file.ts",
      code: `
import fs from "node:fs";
declare const legacy: any;
legacy.pipe(fs.createWriteStream("out.log"));`,
      errors: [
        unhandled(
          4,
          `
import fs from "node:fs";
import { pipeline } from "node:stream";
declare const legacy: any;
pipeline(legacy, fs.createWriteStream("out.log"), ${CB});`,
        ),
      ],
    }),
  ],
});

checkRecommended();
