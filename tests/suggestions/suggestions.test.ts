/**
 * What the suggestions write, and where none is offered (issue 12, section 3): fresh names from
 * the scope manager, removals that match template-literal event types, cleanups refused after
 * an early `return;`/`throw` or in an `async` setup (the message says why), and the `pipeline`
 * import placed inside the script of a Svelte or Vue component.
 */
import tsParser from "@typescript-eslint/parser";
import { RuleTester } from "@typescript-eslint/rule-tester";
import svelteParser from "svelte-eslint-parser";
import vueParser from "vue-eslint-parser";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { code } from "./cases.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
const STRICT = [{ reportProbable: true }] as const;
const CB = "(error) => { if (error) console.error(error); }";
const svelte = { parser: svelteParser, parserOptions: { parser: tsParser } };
const vue = { parser: vueParser, parserOptions: { parser: tsParser, sourceType: "module", ecmaVersion: "latest" } } as const;

const ASYNC_REASON =
  "this setup is `async`, so it returns a promise and a cleanup returned through it is never called; start the async work from a synchronous setup and return the cleanup from that";
const exitReason = (what: "return" | "throw", line: number): string =>
  `the setup can leave through the \`${what}\` on line ${line} while the resource is held, and a cleanup added at its end would not be returned on that path`;

/** The messages one rule reports on a TSX snippet. */
function messagesOf(rule: string, text: string): string[] {
  const messages = new Linter({ configType: "flat" }).verify(
    text,
    [
      {
        files: ["**/*.tsx"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { leakproof: plugin as never },
        rules: { [`leakproof/${rule}`]: "error" },
      },
    ],
    "src/file.tsx",
  );
  return messages.map((message) => message.message);
}

describe("the message says why no cleanup is suggested", () => {
  it("names the line of the early `return`", () => {
    const text = code`
      import { useEffect } from "react";
      export function Poller({ poll, label }: { poll(): void; label?: string }) {
        useEffect(() => {
          setInterval(poll, 5000);
          if (!label) return;
          document.title = label;
        }, [poll, label]);
        return null;
      }
    `;
    expect(messagesOf("no-leaked-timer", text)).toEqual([
      `The handle of this setInterval in this \`useEffect\` is discarded, so it can never be cleared; it stays scheduled after the component unmounts and keeps \`poll\` and what it closes over alive. No cleanup is suggested: ${exitReason("return", 5)}.`,
    ]);
  });

  it("names the `throw`", () => {
    const text = code`
      import { useEffect } from "react";
      export function Resizer({ onResize, id }: { onResize(): void; id: string }) {
        useEffect(() => {
          window.addEventListener("resize", onResize);
          if (!id) throw new Error("no id");
        }, [onResize, id]);
        return null;
      }
    `;
    const [message] = messagesOf("no-leaked-event-listener", text);
    expect(message).toContain(`No cleanup is suggested: ${exitReason("throw", 5)}.`);
  });

  it("explains the async setup", () => {
    const text = code`
      import { useEffect, useState } from "react";
      export function Preview({ load }: { load(): Promise<Blob> }) {
        const [src, setSrc] = useState("");
        useEffect(async () => {
          const url = URL.createObjectURL(await load());
          setSrc(url);
        }, [load]);
        return <img src={src} alt="" />;
      }
    `;
    const [message] = messagesOf("no-unrevoked-object-url", text);
    expect(message).toContain(`No cleanup is suggested: ${ASYNC_REASON}.`);
  });
});

ruleTester.run("no-leaked-timer", plugin.rules["no-leaked-timer"], {
  valid: [],
  invalid: [
    {
      name: "an escaped `timer` read in the interval: the handle gets another name",
      code: code`
        import { useEffect } from "react";
        export function Clock({ \\u0074imer }: { \\u0074imer: { tick(): void } }) {
          useEffect(() => {
            setInterval(() => \\u0074imer.tick(), 1000);
          }, [\\u0074imer]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 4,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect } from "react";
                export function Clock({ \\u0074imer }: { \\u0074imer: { tick(): void } }) {
                  useEffect(() => {
                    const timer2 = setInterval(() => \\u0074imer.tick(), 1000);
                    return () => {
                      clearInterval(timer2);
                    };
                  }, [\\u0074imer]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "a comment that ends the last line stays with its statement; parentheses stay with the call",
      code: code`
        import { useEffect } from "react";
        export function Blink({ toggle }: { toggle(): void }) {
          useEffect(() => {
            (setInterval(toggle, 500)); // blink twice a second
          }, [toggle]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 4,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect } from "react";
                export function Blink({ toggle }: { toggle(): void }) {
                  useEffect(() => {
                    const timer = (setInterval(toggle, 500)); // blink twice a second
                    return () => {
                      clearInterval(timer);
                    };
                  }, [toggle]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "`timer` only in comments and strings: the name is free",
      code: code`
        import { useEffect } from "react";
        export function Ticker({ onTick }: { onTick(): void }) {
          // The timer ticks once a second; "timer" is just a word here.
          useEffect(() => {
            setInterval(onTick, 1000);
          }, [onTick]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 5,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect } from "react";
                export function Ticker({ onTick }: { onTick(): void }) {
                  // The timer ticks once a second; "timer" is just a word here.
                  useEffect(() => {
                    const timer = setInterval(onTick, 1000);
                    return () => {
                      clearInterval(timer);
                    };
                  }, [onTick]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "a guard `return;` before the interval: the cleanup is still returned whenever the interval runs",
      code: code`
        import { useEffect } from "react";
        export function Poller({ enabled, poll }: { enabled: boolean; poll(): void }) {
          useEffect(() => {
            if (!enabled) return;
            setInterval(poll, 5000);
          }, [enabled, poll]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 5,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect } from "react";
                export function Poller({ enabled, poll }: { enabled: boolean; poll(): void }) {
                  useEffect(() => {
                    if (!enabled) return;
                    const timer = setInterval(poll, 5000);
                    return () => {
                      clearInterval(timer);
                    };
                  }, [enabled, poll]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "a bare `return;` after the interval: no cleanup suggested, the message says why",
      code: code`
        import { useEffect } from "react";
        export function Poller({ poll, label }: { poll(): void; label?: string }) {
          useEffect(() => {
            setInterval(poll, 5000);
            if (!label) return;
            document.title = label;
          }, [poll, label]);
          return null;
        }
      `,
      errors: [{ messageId: "timerDiscardedManualCleanup", line: 4, suggestions: [] }],
    },
    {
      name: "a `throw` after the interval: no cleanup suggested",
      code: code`
        import { useEffect } from "react";
        export function Poller({ poll, id }: { poll(): void; id: string }) {
          useEffect(() => {
            setInterval(poll, 5000);
            if (!id) throw new Error("Poller needs an id");
          }, [poll, id]);
          return null;
        }
      `,
      errors: [{ messageId: "timerDiscardedManualCleanup", line: 4, suggestions: [] }],
    },
    {
      name: "a `throw` caught inside the setup does not leave it",
      code: code`
        import { useEffect } from "react";
        export function Poller({ poll, raw }: { poll(): void; raw: string }) {
          useEffect(() => {
            setInterval(poll, 5000);
            try {
              if (!raw) throw new Error("empty");
              JSON.parse(raw);
            } catch {}
          }, [poll, raw]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 4,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect } from "react";
                export function Poller({ poll, raw }: { poll(): void; raw: string }) {
                  useEffect(() => {
                    const timer = setInterval(poll, 5000);
                    try {
                      if (!raw) throw new Error("empty");
                      JSON.parse(raw);
                    } catch {}
                    return () => {
                      clearInterval(timer);
                    };
                  }, [poll, raw]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "an `async` effect: React never runs what its promise resolves to",
      code: code`
        import { useEffect } from "react";
        export function Feed({ load }: { load(): Promise<void> }) {
          useEffect(async () => {
            await load();
            setInterval(load, 60_000);
          }, [load]);
          return null;
        }
      `,
      errors: [{ messageId: "timerDiscardedManualCleanup", line: 5, suggestions: [] }],
    },
    {
      name: "`clearInterval` is a local helper here: no suggestion that would call it",
      code: code`
        import { useEffect } from "react";
        import { clearInterval } from "./fake-clock";
        export function Clock({ tick }: { tick(): void }) {
          useEffect(() => {
            setInterval(tick, 1000);
          }, [tick]);
          return null;
        }
      `,
      errors: [{ messageId: "timerDiscarded", line: 5, suggestions: [] }],
    },
    {
      name: "timers imported from node:timers: the cleanup calls the imported clearInterval",
      code: code`
        import { useEffect } from "react";
        import { setInterval, clearInterval } from "node:timers";
        export function Clock({ tick }: { tick(): void }) {
          useEffect(() => {
            setInterval(tick, 1000);
          }, [tick]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "timerDiscarded",
          line: 5,
          suggestions: [
            {
              messageId: "storeAndClear",
              output: code`
                import { useEffect } from "react";
                import { setInterval, clearInterval } from "node:timers";
                export function Clock({ tick }: { tick(): void }) {
                  useEffect(() => {
                    const timer = setInterval(tick, 1000);
                    return () => {
                      clearInterval(timer);
                    };
                  }, [tick]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run("no-leaked-event-listener", plugin.rules["no-leaked-event-listener"], {
  valid: [
    {
      name: "a template-literal event type removed with the same template (strict)",
      code: code`
        import { useEffect } from "react";
        export function Channel({ name, onUpdate }: { name: string; onUpdate: (e: Event) => void }) {
          useEffect(() => {
            window.addEventListener(\`\${name}:update\`, onUpdate);
            return () => {
              window.removeEventListener(\`\${name}:update\`, onUpdate);
            };
          }, [name, onUpdate]);
          return null;
        }
      `,
      options: STRICT,
    },
    {
      name: "a concatenated event type removed with the same concatenation (strict)",
      code: code`
        import { useEffect } from "react";
        export function Channel({ name, onUpdate }: { name: string; onUpdate: (e: Event) => void }) {
          useEffect(() => {
            window.addEventListener("channel:" + name, onUpdate);
            return () => window.removeEventListener("channel:" + name, onUpdate);
          }, [name, onUpdate]);
          return null;
        }
      `,
      options: STRICT,
    },
  ],
  invalid: [
    {
      name: "a template-literal event type: the removal copies it and matches (strict)",
      code: code`
        import { useEffect } from "react";
        export function Channel({ name, onUpdate }: { name: string; onUpdate: (e: Event) => void }) {
          useEffect(() => {
            window.addEventListener(\`\${name}:update\`, onUpdate);
          }, [name, onUpdate]);
          return null;
        }
      `,
      options: STRICT,
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 4,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                import { useEffect } from "react";
                export function Channel({ name, onUpdate }: { name: string; onUpdate: (e: Event) => void }) {
                  useEffect(() => {
                    window.addEventListener(\`\${name}:update\`, onUpdate);
                    return () => {
                      window.removeEventListener(\`\${name}:update\`, onUpdate);
                    };
                  }, [name, onUpdate]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "a removal with another template is not this listener's (strict)",
      code: code`
        import { useEffect } from "react";
        export function Channel({ name, onUpdate }: { name: string; onUpdate: (e: Event) => void }) {
          useEffect(() => {
            window.addEventListener(\`\${name}:update\`, onUpdate);
            return () => window.removeEventListener(\`\${name}:updated\`, onUpdate);
          }, [name, onUpdate]);
          return null;
        }
      `,
      options: STRICT,
      errors: [{ messageId: "listenerNeverRemoved", line: 4, suggestions: [] }],
    },
    {
      name: "a handler declared in a block of the effect is not visible where the cleanup goes",
      code: code`
        import { useEffect } from "react";
        export function Keys({ enabled, onKey }: { enabled: boolean; onKey: (key: string) => void }) {
          useEffect(() => {
            if (enabled) {
              const handler = (event: KeyboardEvent) => onKey(event.key);
              window.addEventListener("keydown", handler);
            }
          }, [enabled, onKey]);
          return null;
        }
      `,
      options: STRICT,
      errors: [{ messageId: "listenerNeverRemoved", line: 6, suggestions: [] }],
    },
    {
      name: "options the analysis cannot read are passed to the removal as they are",
      code: code`
        import { useEffect } from "react";
        export function Scroll({ onScroll, options }: { onScroll: () => void; options: AddEventListenerOptions }) {
          useEffect(() => {
            document.addEventListener("scroll", onScroll, options);
          }, [onScroll, options]);
          return null;
        }
      `,
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 4,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                import { useEffect } from "react";
                export function Scroll({ onScroll, options }: { onScroll: () => void; options: AddEventListenerOptions }) {
                  useEffect(() => {
                    document.addEventListener("scroll", onScroll, options);
                    return () => {
                      document.removeEventListener("scroll", onScroll, options);
                    };
                  }, [onScroll, options]);
                  return null;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: "options made by a call are not evaluated again: no suggestion",
      code: code`
        import { useEffect } from "react";
        export function Scroll({ onScroll, makeOptions }: { onScroll: () => void; makeOptions(): AddEventListenerOptions }) {
          useEffect(() => {
            document.addEventListener("scroll", onScroll, makeOptions());
          }, [onScroll, makeOptions]);
          return null;
        }
      `,
      errors: [{ messageId: "listenerNeverRemoved", line: 4, suggestions: [] }],
    },
    {
      name: "a bare `return;` after the add: the message says why no cleanup is suggested",
      code: code`
        import { useEffect } from "react";
        export function Resizer({ onResize, el }: { onResize: () => void; el: HTMLElement | null }) {
          useEffect(() => {
            window.addEventListener("resize", onResize);
            if (!el) return;
            el.dataset.tracked = "yes";
          }, [onResize, el]);
          return null;
        }
      `,
      errors: [{ messageId: "listenerNeverRemovedManualCleanup", line: 4, suggestions: [] }],
    },
    {
      name: "a `return;` earlier in the same loop as the add still skips the cleanup",
      code: code`
        import { useEffect } from "react";
        export function Waiter({ ready, onResize }: { ready: () => boolean; onResize: () => void }) {
          useEffect(() => {
            for (let i = 0; i < 3; i++) {
              if (ready()) return;
              window.addEventListener("resize", onResize);
            }
          }, [ready, onResize]);
          return null;
        }
      `,
      errors: [{ messageId: "listenerNeverRemovedManualCleanup", line: 6, suggestions: [] }],
    },
    {
      name: "an `async` effect: no cleanup suggested",
      code: code`
        import { useEffect } from "react";
        export function Online({ onOnline, load }: { onOnline: () => void; load(): Promise<void> }) {
          useEffect(async () => {
            window.addEventListener("online", onOnline);
            await load();
          }, [onOnline, load]);
          return null;
        }
      `,
      errors: [{ messageId: "listenerNeverRemovedManualCleanup", line: 4, suggestions: [] }],
    },
  ],
});

ruleTester.run("no-unrevoked-object-url", plugin.rules["no-unrevoked-object-url"], {
  valid: [],
  invalid: [
    {
      name: "an `async` effect: the URL cannot be revoked from a cleanup it returns",
      code: code`
        import { useEffect, useState } from "react";
        export function Preview({ load }: { load(): Promise<Blob> }) {
          const [src, setSrc] = useState("");
          useEffect(async () => {
            const url = URL.createObjectURL(await load());
            setSrc(url);
          }, [load]);
          return <img src={src} alt="" />;
        }
      `,
      errors: [{ messageId: "urlNeverRevokedManualCleanup", line: 5, suggestions: [] }],
    },
    {
      name: "a bare `return;` after the URL is made",
      code: code`
        import { useEffect, useState } from "react";
        export function Preview({ file, visible }: { file: Blob; visible: boolean }) {
          const [src, setSrc] = useState("");
          useEffect(() => {
            const url = URL.createObjectURL(file);
            if (!visible) return;
            setSrc(url);
          }, [file, visible]);
          return <img src={src} alt="" />;
        }
      `,
      errors: [{ messageId: "urlNeverRevokedManualCleanup", line: 5, suggestions: [] }],
    },
  ],
});

ruleTester.run("prefer-stream-pipeline", plugin.rules["prefer-stream-pipeline"], {
  valid: [],
  invalid: [
    {
      name: "Svelte: the import goes after the script's imports, indented like them",
      filename: "Archive.svelte",
      languageOptions: svelte,
      code: code`
        <script>
          import fs from "node:fs";
          import zlib from "node:zlib";
          export let path;
          function archive() {
            fs.createReadStream(path).pipe(zlib.createGzip()).pipe(fs.createWriteStream(path + ".gz"));
          }
        </script>
        <button on:click={archive}>Archive {path}</button>
      `,
      errors: [
        {
          messageId: "unhandledPipe",
          line: 6,
          suggestions: [
            {
              messageId: "usePipeline",
              output: code`
                <script>
                  import fs from "node:fs";
                  import zlib from "node:zlib";
                  import { pipeline } from "node:stream";
                  export let path;
                  function archive() {
                    pipeline(fs.createReadStream(path), zlib.createGzip(), fs.createWriteStream(path + ".gz"), ${CB});
                  }
                </script>
                <button on:click={archive}>Archive {path}</button>
              `,
            },
          ],
        },
      ],
    },
    {
      name: "Svelte: the stream import of the instance script is extended, not the module script's",
      filename: "Export.svelte",
      languageOptions: svelte,
      code: code`
        <script lang="ts" module>
          import { createWriteStream } from "node:fs";
          export const target = (name: string) => createWriteStream(name);
        </script>

        <script lang="ts">
          import { Readable } from "node:stream";
          let { rows }: { rows: string[] } = $props();
          function save() {
            Readable.from(rows).pipe(target("rows.txt"));
          }
        </script>

        <button onclick={save}>Save {rows.length} rows</button>
      `,
      errors: [
        {
          messageId: "unhandledPipe",
          line: 10,
          suggestions: [
            {
              messageId: "usePipeline",
              output: code`
                <script lang="ts" module>
                  import { createWriteStream } from "node:fs";
                  export const target = (name: string) => createWriteStream(name);
                </script>

                <script lang="ts">
                  import { Readable, pipeline } from "node:stream";
                  let { rows }: { rows: string[] } = $props();
                  function save() {
                    pipeline(Readable.from(rows), target("rows.txt"), ${CB});
                  }
                </script>

                <button onclick={save}>Save {rows.length} rows</button>
              `,
            },
          ],
        },
      ],
    },
    {
      name: "Svelte: a script without imports gets one at its top, not in the markup",
      filename: "Echo.svelte",
      languageOptions: svelte,
      code: code`
        <script>
          export function echo(req, res) {
            req.pipe(res);
          }
        </script>
        <p>Echo</p>
      `,
      errors: [
        {
          messageId: "unhandledPipe",
          line: 3,
          suggestions: [
            {
              messageId: "usePipeline",
              output: code`
                <script>
                  import { pipeline } from "node:stream";
                  export function echo(req, res) {
                    pipeline(req, res, ${CB});
                  }
                </script>
                <p>Echo</p>
              `,
            },
          ],
        },
      ],
    },
    {
      name: "Svelte: a script that requires its modules gets a require after them",
      filename: "Legacy.svelte",
      languageOptions: svelte,
      code: code`
        <script>
          const fs = require("fs");
          let from = "in.txt";
          let to = "out.txt";
          const copy = () => fs.createReadStream(from).pipe(fs.createWriteStream(to));
        </script>
        <button on:click={copy}>Copy</button>
      `,
      errors: [
        {
          messageId: "unhandledPipe",
          line: 5,
          suggestions: [
            {
              messageId: "usePipeline",
              output: code`
                <script>
                  const fs = require("fs");
                  const { pipeline } = require("node:stream");
                  let from = "in.txt";
                  let to = "out.txt";
                  const copy = () => pipeline(fs.createReadStream(from), fs.createWriteStream(to), ${CB});
                </script>
                <button on:click={copy}>Copy</button>
              `,
            },
          ],
        },
      ],
    },
    {
      name: "Vue: the import goes into <script setup>, where the chain is",
      filename: "Copy.vue",
      languageOptions: vue,
      code: code`
        <script>
        import fs from "node:fs";
        export default { inheritAttrs: false };
        </script>
        <script setup>
        const copy = (from, to) => fs.createReadStream(from).pipe(fs.createWriteStream(to));
        </script>
        <template><button @click="copy('a', 'b')">Copy</button></template>
      `,
      errors: [
        {
          messageId: "unhandledPipe",
          line: 6,
          suggestions: [
            {
              messageId: "usePipeline",
              output: code`
                <script>
                import fs from "node:fs";
                export default { inheritAttrs: false };
                </script>
                <script setup>
                import { pipeline } from "node:stream";
                const copy = (from, to) => pipeline(fs.createReadStream(from), fs.createWriteStream(to), ${CB});
                </script>
                <template><button @click="copy('a', 'b')">Copy</button></template>
              `,
            },
          ],
        },
      ],
    },
    {
      name: "Vue: an import of pipeline in <script> is used, not imported again",
      filename: "Report.vue",
      languageOptions: vue,
      code: code`
        <script lang="ts">
        import { pipeline } from "node:stream";
        export default { name: "Report" };
        </script>

        <script setup lang="ts">
        import { Readable } from "node:stream";
        import { createWriteStream } from "node:fs";
        const props = defineProps<{ lines: string[] }>();
        function write() {
          Readable.from(props.lines).pipe(createWriteStream("report.txt"));
        }
        </script>
      `,
      errors: [
        {
          messageId: "unhandledPipe",
          line: 11,
          suggestions: [
            {
              messageId: "usePipeline",
              output: code`
                <script lang="ts">
                import { pipeline } from "node:stream";
                export default { name: "Report" };
                </script>

                <script setup lang="ts">
                import { Readable } from "node:stream";
                import { createWriteStream } from "node:fs";
                const props = defineProps<{ lines: string[] }>();
                function write() {
                  pipeline(Readable.from(props.lines), createWriteStream("report.txt"), ${CB});
                }
                </script>
              `,
            },
          ],
        },
      ],
    },
    {
      name: "no semicolons, and the first statement starts with `(`: the import gets one",
      filename: "serve.mjs",
      code: code`
        (function serve(req, res) {
          req.pipe(res)
        })
      `,
      errors: [
        {
          messageId: "unhandledPipe",
          line: 2,
          suggestions: [
            {
              messageId: "usePipeline",
              output: code`
                import { pipeline } from "node:stream";
                (function serve(req, res) {
                  pipeline(req, res, ${CB})
                })
              `,
            },
          ],
        },
      ],
    },
  ],
});
