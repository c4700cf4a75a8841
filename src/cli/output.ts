/**
 * stdout and stderr that survive a reader going away: `leakproof | head -1` closes the pipe
 * after one line, and the next write fails with EPIPE. Node reports that as an 'error' event
 * which, unhandled, kills the process with a stack trace. Here the stream is marked closed
 * and later writes to it are dropped; the exit code stays the one the lint run earned.
 */
type Stream = NodeJS.WriteStream;

const closed = new Set<Stream>();
let failed = false;

/** Whether writing the output failed for another reason than the reader leaving. */
export function outputFailed(): boolean {
  return failed;
}

function guard(stream: Stream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") {
      closed.add(stream);
      return;
    }
    // Anything else (a full disk behind a redirect) is a real failure: say so once, if possible.
    if (!closed.has(process.stderr) && stream !== process.stderr) {
      process.stderr.write(`leakproof: cannot write the output: ${error.message}\n`);
    }
    closed.add(stream);
    failed = true;
    process.exitCode = 2;
  });
}

let installed = false;

/** Installs the error handlers; call once before writing anything. */
export function guardOutput(): void {
  if (installed) return;
  installed = true;
  guard(process.stdout);
  guard(process.stderr);
}

function write(stream: Stream, text: string): void {
  if (closed.has(stream) || stream.destroyed) return;
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** One or more lines to stdout (a final newline is added when missing). */
export function out(text: string): void {
  write(process.stdout, text);
}

/** One or more lines to stderr. */
export function err(text: string): void {
  write(process.stderr, text);
}

/** Progress text on stderr without a newline (only ever used on a terminal). */
export function progress(text: string): void {
  if (!closed.has(process.stderr) && !process.stderr.destroyed) process.stderr.write(text);
}
