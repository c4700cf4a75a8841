import { RuleTester } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import rule from "../../src/rules/no-unrevoked-object-url.js";
import { gradedCases } from "./graded.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

// ---------------------------------------------------------------------------
// Real-code shapes (bench review: hls.js, three.js, leaflet, ol, react-use, @mantine/hooks,
// ws, mqtt). Each URL below is revoked somewhere in the file, but not when its owner ends, or
// by a revoke the rule cannot prove is this URL's (`URL.revokeObjectURL(entry.objectUrl)` in
// a helper taking any entry). By default they are not reported; with `reportProbable`
// (the strict preset) they are, with the same messages as before the option existed.
const releasedElsewhere = [
  {
    name: "previous preview revoked on replace, the last one not in dispose()",
    code: `
export class AvatarPreview {
  constructor(img) {
    this.img = img;
  }
  show(file) {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = URL.createObjectURL(file);
    this.img.src = this.url;
  }
  dispose() {
    this.img = null;
  }
}`,
    errors: [{ messageId: "urlNotRevokedInTeardown" as const, line: 8 }],
  },
  {
    name: "revoked when the selection is cleared, not in destroy()",
    code: `
export class ThumbnailStrip {
  constructor(list) {
    this.list = list;
  }
  select(blob) {
    this.preview = URL.createObjectURL(blob);
    this.list.dataset.preview = this.preview;
  }
  clearSelection() {
    URL.revokeObjectURL(this.preview);
    this.preview = undefined;
  }
  destroy() {
    this.list = null;
  }
}`,
    errors: [{ messageId: "urlNotRevokedInTeardown" as const, line: 7 }],
  },
  {
    name: "kept on an entry record, revoked by a helper that takes any entry",
    code: `
function releaseEntry(entry) {
  URL.revokeObjectURL(entry.objectUrl);
  entry.objectUrl = null;
}
export class AttachmentList {
  constructor() {
    this.current = { objectUrl: null };
  }
  show(file) {
    this.current.objectUrl = URL.createObjectURL(file);
  }
  remove(entry) {
    releaseEntry(entry);
  }
  dispose() {
    this.current = null;
  }
}`,
    errors: [{ messageId: "urlNeverRevoked" as const, line: 11 }],
  },
];

const { probable, checkRecommended } = gradedCases("no-unrevoked-object-url");

ruleTester.run("no-unrevoked-object-url", rule, {
  valid: [
    // Found on three.js (ColorGrading): a class with a dispose() exports a file through a
    // local URL revoked before the method returns.
    {
      name: "download helper method in a class with a teardown revokes its local URL",
      code: `
class ColorGrading {
  exportCube(content: string) {
    const blob = new Blob([content], { type: "text/plain" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.click();
    URL.revokeObjectURL(url);
  }
  dispose() {}
}`,
    },
    // ---------------------------------------------------------------- owner: plain function
    {
      name: "download helper revokes right after a.click()",
      code: `
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}`,
    },
    {
      name: "download helper revokes in a setTimeout after the click",
      code: `
export function saveJson(data: unknown, filename = "export.json") {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}`,
    },
    {
      name: "revoked in finally around an awaited consumer",
      code: `
async function printPdf(pdf: Blob) {
  const url = URL.createObjectURL(pdf);
  try {
    await openPrintDialog(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}`,
    },
    {
      name: "img.onload revokes once the image has decoded",
      code: `
function showAvatar(img, file) {
  const url = URL.createObjectURL(file);
  img.onload = () => URL.revokeObjectURL(url);
  img.src = url;
}`,
    },
    {
      name: "revoked through the alias it was assigned to (img.src)",
      code: `
function loadImage(img: HTMLImageElement, blob: Blob) {
  const url = URL.createObjectURL(blob);
  img.src = url;
  img.addEventListener("load", () => URL.revokeObjectURL(img.src), { once: true });
}`,
    },
    {
      name: "URL returned to the caller",
      code: `
export function toObjectUrl(blob: Blob): string {
  return URL.createObjectURL(blob);
}`,
    },
    {
      name: "URL returned from an arrow expression body",
      code: `export const blobUrl = (b: Blob) => URL.createObjectURL(b);`,
    },
    {
      name: "URL kept in a variable, logged, then returned",
      code: `
function previewUrlFor(file) {
  const url = URL.createObjectURL(file);
  console.debug("preview", file.name, url);
  return url;
}`,
    },
    {
      name: "URL handed to the caller inside a returned object",
      code: `
export function makeAttachment(file: File) {
  const url = URL.createObjectURL(file);
  return { name: file.name, size: file.size, url };
}`,
    },
    {
      name: "URL handed to the caller with its own revoke function",
      code: `
export function createPreview(file) {
  const url = URL.createObjectURL(file);
  return { url, revoke: () => URL.revokeObjectURL(url) };
}`,
    },
    {
      name: "module-level state: the previous URL is revoked before the next one is made",
      code: `
let currentUrl: string | null = null;
export function showPreview(img: HTMLImageElement, blob: Blob) {
  if (currentUrl) URL.revokeObjectURL(currentUrl);
  currentUrl = URL.createObjectURL(blob);
  img.src = currentUrl;
}`,
    },
    {
      name: "worker URL revoked as soon as the worker has fetched it",
      code: `
export function spawnInlineWorker(source: string): Worker {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  return worker;
}`,
    },
    {
      name: "revoked through a local helper",
      code: `
function release(u) {
  URL.revokeObjectURL(u);
}
export async function uploadPreview(file) {
  const url = URL.createObjectURL(file);
  try {
    await sendThumbnail(url);
  } finally {
    release(url);
  }
}`,
    },
    {
      name: "promise executor revokes when the image settles",
      code: `
export function decodeImage(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = (e) => {
      URL.revokeObjectURL(url);
      reject(e);
    };
    img.src = url;
  });
}`,
    },
    // ---------------------------------------------------------------- owner: module
    {
      name: "module-level worker URL lives as long as the module (one per program)",
      code: `
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
export const worker = new Worker(workerUrl);`,
    },
    {
      name: "module-level IIFE creates one worker URL per program",
      code: `
(() => {
  const url = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  self.worker = new Worker(url);
})();`,
    },
    {
      name: "private boot() called once from the module body",
      code: `
function boot() {
  const styles = URL.createObjectURL(new Blob([css], { type: "text/css" }));
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = styles;
  document.head.append(link);
}
boot();`,
    },
    // ---------------------------------------------------------------- owner: class
    {
      name: "MSE player keeps the URL and revokes it in stop() (the field report's fix)",
      code: `
export class MsePlayer {
  private objectUrl: string | null = null;
  private mediaSource = new MediaSource();
  constructor(private video: HTMLVideoElement) {}
  start() {
    this.objectUrl = URL.createObjectURL(this.mediaSource);
    this.video.src = this.objectUrl;
  }
  stop() {
    this.video.removeAttribute("src");
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = null;
  }
}`,
    },
    {
      name: "src assigned straight away, revoked by the same member in dispose()",
      code: `
class VideoPreview {
  constructor(video) {
    this.video = video;
  }
  show(blob) {
    this.video.src = URL.createObjectURL(blob);
  }
  dispose() {
    URL.revokeObjectURL(this.video.src);
    this.video.removeAttribute("src");
  }
}`,
    },
    {
      name: "private field revoked by a private helper that dispose() calls",
      code: `
export class MediaPreview {
  #url: string | null = null;
  constructor(private element: HTMLImageElement) {}
  show(blob: Blob) {
    this.#release();
    this.#url = URL.createObjectURL(blob);
    this.element.src = this.#url;
  }
  dispose() {
    this.#release();
  }
  #release() {
    if (this.#url !== null) URL.revokeObjectURL(this.#url);
    this.#url = null;
  }
}`,
    },
    {
      name: "teardownMethods: unload() is declared as a teardown",
      options: [{ teardownMethods: ["unload"] }],
      code: `
export class Slideshow {
  private urls: string[] = [];
  private current: string | undefined;
  private timer: number | undefined;
  show(photo: Blob, img: HTMLImageElement) {
    this.current = URL.createObjectURL(photo);
    img.src = this.current;
  }
  stop() {
    clearInterval(this.timer);
  }
  unload() {
    if (this.current) URL.revokeObjectURL(this.current);
  }
}`,
    },
    {
      name: "plain class without any teardown method: a revoke anywhere in the class counts",
      code: `
class AvatarEditor {
  setImage(img, file) {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = URL.createObjectURL(file);
    img.src = this.url;
  }
}`,
    },
    {
      name: "web component revokes in disconnectedCallback",
      code: `
class FilePreview extends HTMLElement {
  #url;
  set file(file) {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = URL.createObjectURL(file);
    this.shadowRoot.querySelector("img").src = this.#url;
  }
  disconnectedCallback() {
    if (this.#url) URL.revokeObjectURL(this.#url);
  }
}`,
    },
    {
      name: "React class component revokes in componentWillUnmount",
      code: `
class PdfFrame extends React.Component<{ pdf: Blob }> {
  url = "";
  componentDidMount() {
    this.url = URL.createObjectURL(this.props.pdf);
    this.forceUpdate();
  }
  componentWillUnmount() {
    URL.revokeObjectURL(this.url);
  }
  render() {
    return <iframe title="invoice" src={this.url} />;
  }
}`,
    },
    {
      name: "Angular component revokes in ngOnDestroy",
      code: `
@Component({ selector: "app-receipt", template: "<img [src]='src'>" })
export class ReceiptComponent implements OnInit, OnDestroy {
  src = "";
  constructor(private readonly receipts: ReceiptService) {}
  async ngOnInit() {
    this.src = URL.createObjectURL(await this.receipts.image());
  }
  ngOnDestroy() {
    URL.revokeObjectURL(this.src);
  }
}`,
    },
    {
      name: "URLs kept in a Map and revoked in a loop on dispose",
      code: `
export class ThumbnailCache {
  private urls = new Map<string, string>();
  get(id: string, blob: Blob): string {
    let url = this.urls.get(id);
    if (!url) {
      url = URL.createObjectURL(blob);
      this.urls.set(id, url);
    }
    return url;
  }
  dispose() {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }
}`,
    },
    {
      name: "URLs pushed to an array and revoked with forEach(URL.revokeObjectURL)",
      code: `
export class Gallery {
  urls = [];
  add(file, list) {
    const img = document.createElement("img");
    this.urls.push(URL.createObjectURL(file));
    img.src = this.urls[this.urls.length - 1];
    list.append(img);
  }
  destroy() {
    this.urls.forEach(URL.revokeObjectURL);
    this.urls = [];
  }
}`,
    },
    {
      name: "URLs in a Map revoked with a spread revoke-all helper and forEach",
      code: `
class AttachmentList {
  private urls = new Map<string, string>();
  add(id: string, file: File) {
    this.urls.set(id, URL.createObjectURL(file));
  }
  close() {
    this.urls.forEach((url) => URL.revokeObjectURL(url));
    this.urls.clear();
  }
}`,
    },
    // ---------------------------------------------------------------- owner: effect
    {
      name: "effect revokes in its cleanup (thumbnail fixed)",
      code: `
export function Thumbnail({ name, svg }: { name: string; svg: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [svg]);
  return src ? <img src={src} alt={name} /> : null;
}`,
    },
    {
      name: "effect uses the URL synchronously and revokes it in the setup (download link)",
      code: `
function AutoDownload({ report }) {
  useEffect(() => {
    const url = URL.createObjectURL(report);
    const a = document.createElement("a");
    a.href = url;
    a.download = "report.pdf";
    a.click();
    URL.revokeObjectURL(url);
  }, [report]);
  return <p>Your download should start automatically.</p>;
}`,
    },
    {
      name: "React.useLayoutEffect with a named cleanup function",
      code: `
function VideoClip({ clip, videoRef }) {
  React.useLayoutEffect(() => {
    const url = URL.createObjectURL(clip);
    videoRef.current.src = url;
    function release() {
      videoRef.current.removeAttribute("src");
      URL.revokeObjectURL(url);
    }
    return release;
  }, [clip, videoRef]);
  return null;
}`,
    },
    {
      name: "URL kept in a ref and revoked in the cleanup",
      code: `
function Recorder({ chunks }: { chunks: Blob[] }) {
  const urlRef = useRef<string | null>(null);
  useEffect(() => {
    urlRef.current = URL.createObjectURL(new Blob(chunks, { type: "audio/webm" }));
    return () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    };
  }, [chunks]);
  return <audio controls src={urlRef.current ?? undefined} />;
}`,
    },
    // ---------------------------------------------------------------- owner: React component
    {
      name: "useMemo URL revoked in an effect cleanup",
      code: `
function Preview({ file }: { file: File }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img src={url} alt={file.name} />;
}`,
    },
    {
      name: "download button handler revokes after the click",
      code: `
export function ExportButton({ rows }) {
  const onClick = () => {
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "rows.csv";
    a.click();
    URL.revokeObjectURL(url);
  };
  return <button onClick={onClick}>Export</button>;
}`,
    },
    // ---------------------------------------------------------------- false-alarm traps
    {
      name: "a local URL test double is not the global",
      code: `
const URL = { createObjectURL: vi.fn(() => "blob:fake"), revokeObjectURL: vi.fn() };
export function attach(img, file) {
  img.src = URL.createObjectURL(file);
}`,
    },
    {
      name: "an imported URL is not the global",
      code: `
import { URL } from "./testing/fake-url";
export function renderAvatar(img: HTMLImageElement, file: File) {
  img.src = URL.createObjectURL(file);
}`,
    },
    {
      name: "a local class named URL is not the global",
      code: `
class URL {
  static createObjectURL(blob: Blob) {
    return "mem:" + blob.size;
  }
}
export function keyFor(store: Map<string, Blob>, blob: Blob) {
  store.set(URL.createObjectURL(blob), blob);
}`,
    },
    {
      name: "createObjectURL on another object is not the URL registry",
      code: `
export function attach(myApi, img, file) {
  img.src = myApi.createObjectURL(file);
  storage.createObjectURL(file.name);
}`,
    },
    {
      name: "window.URL create and revoke",
      code: `
function downloadText(text, name) {
  const url = window.URL.createObjectURL(new Blob([text]));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  window.URL.revokeObjectURL(url);
}`,
    },
    {
      name: "created with URL, revoked with globalThis.URL",
      code: `
function openInTab(pdf: Blob) {
  const url = URL.createObjectURL(pdf);
  window.open(url, "_blank", "noopener");
  setTimeout(() => globalThis.URL.revokeObjectURL(url), 60_000);
}`,
    },
    {
      name: "optional chaining on the calls and the revoke",
      code: `
function preview(img: HTMLImageElement | null, file: File) {
  const url = URL.createObjectURL?.(file);
  if (!url || !img) return;
  img.onload = () => URL.revokeObjectURL?.(url);
  img.src = url;
}`,
    },
    {
      name: "computed member access",
      code: `
function downloadZip(zip) {
  const url = URL["createObjectURL"](zip);
  const a = document.createElement("a");
  a.href = url;
  a.click();
  URL["revokeObjectURL"](url);
}`,
    },
    {
      name: "TypeScript wrappers around the URL",
      code: `
function showPoster(video: HTMLVideoElement, poster: Blob) {
  const url = URL.createObjectURL(poster) as string;
  video.poster = url!;
  video.addEventListener("loadeddata", () => URL.revokeObjectURL(url satisfies string), { once: true });
}`,
    },
    {
      name: "createObjectURL passed as a function reference is not followed (limitation: not reported)",
      code: `
export function previews(files: File[]) {
  return files.map(URL.createObjectURL);
}`,
    },
    {
      name: "missing and spread arguments do not crash",
      code: `
function resetAll(urls: string[]) {
  URL.revokeObjectURL();
  URL.revokeObjectURL(...urls);
  return URL.createObjectURL(...parts);
}`,
    },
    {
      name: "conditional URL revoked in finally",
      code: `
async function uploadWithPreview(file: File | undefined, fallback: string) {
  const url = file ? URL.createObjectURL(file) : fallback;
  try {
    await upload(url);
  } finally {
    if (file) URL.revokeObjectURL(url);
  }
}`,
    },
    {
      name: "state value revoked by an effect keyed on the state (escape: the file revokes it under another name)",
      code: `
function AvatarPreview({ file }: { file: File }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    setSrc(URL.createObjectURL(file));
  }, [file]);
  useEffect(() => () => {
    if (src) URL.revokeObjectURL(src);
  }, [src]);
  return <img src={src} alt="" />;
}`,
    },
    {
      name: "lazy useState URL revoked on unmount",
      code: `
function Snapshot({ frame }: { frame: Blob }) {
  const [url] = useState(() => URL.createObjectURL(frame));
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img src={url} alt="snapshot" />;
}`,
    },
    {
      name: "URL returned as part of a tuple from a custom hook's helper",
      code: `
export function toEntry(file: File): [string, string] {
  return [file.name, URL.createObjectURL(file)];
}`,
    },
    // Limitation: a class field initialiser runs per instance, but the engine gives it the
    // module as owner, so it is not checked (documented in the rule page).
    {
      name: "plain JavaScript file",
      filename: "player.js",
      code: `
export class AudioPlayer {
  load(blob) {
    this.url = URL.createObjectURL(blob);
    this.audio.src = this.url;
  }
  destroy() {
    this.audio.pause();
    URL.revokeObjectURL(this.url);
  }
}`,
    },
    // ---------------------------------------------------------------- real-code shapes (bench review)
    // Revoked, but not on the owner's end or not provably this URL: not reported by default
    // (see `releasedElsewhere` above).
    ...releasedElsewhere.map((shape) => ({ name: `released elsewhere: ${shape.name}`, code: shape.code })),
  ],
  invalid: [
    {
      name: "a local URL of a class method that is never revoked still leaks",
      code: `
class Gallery {
  show(blob: Blob) {
    const url = URL.createObjectURL(blob);
    this.img.src = url;
  }
  dispose() {}
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    {
      name: "class field initialiser owned by the instance, never revoked in dispose()",
      code: `
class StaticPreview {
  constructor(private blob: Blob) {}
  url = URL.createObjectURL(this.blob);
  dispose() {}
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    // ---------------------------------------------------------------- owner: class
    {
      name: "field report: MSE player assigns the URL straight to video.src and never revokes",
      code: `
export class MsePlayer {
  private mediaSource = new MediaSource();
  constructor(private video: HTMLVideoElement) {}
  start() {
    this.video.src = URL.createObjectURL(this.mediaSource);
    this.mediaSource.addEventListener("sourceopen", this.onOpen, { once: true });
  }
  stop() {
    this.video.pause();
    this.video.removeAttribute("src");
  }
  private onOpen = () => {};
}`,
      errors: [{ messageId: "urlNotKept", line: 6 }],
    },
    {
      name: "class keeps the URL in a member but never revokes it",
      code: `
class AudioPlayer {
  load(blob) {
    this.url = URL.createObjectURL(blob);
    this.audio.src = this.url;
  }
  destroy() {
    this.audio.pause();
  }
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "class revokes the previous URL on replace, but not in dispose()",
      code: `
export class MediaPreview {
  #url: string | null = null;
  constructor(private element: HTMLImageElement) {}
  show(blob: Blob) {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = URL.createObjectURL(blob);
    this.element.src = this.#url;
  }
  dispose() {
    this.element.src = "";
    this.#url = null;
  }
}`,
      errors: [{ messageId: "urlNotRevokedInTeardown", line: 7 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "teardownMethods not configured: unload() is not a teardown, stop() is",
      code: `
export class Slideshow {
  private current: string | undefined;
  private timer: number | undefined;
  show(photo: Blob, img: HTMLImageElement) {
    this.current = URL.createObjectURL(photo);
    img.src = this.current;
  }
  stop() {
    clearInterval(this.timer);
  }
  unload() {
    if (this.current) URL.revokeObjectURL(this.current);
  }
}`,
      errors: [{ messageId: "urlNotRevokedInTeardown", line: 6 }],
    },
    {
      name: "teardownMethods configured, but the revoke is in neither teardown",
      options: [{ reportProbable: true, teardownMethods: ["unload"] }],
      code: `
export class Slideshow {
  private current: string | undefined;
  show(photo: Blob, img: HTMLImageElement) {
    if (this.current) URL.revokeObjectURL(this.current);
    this.current = URL.createObjectURL(photo);
    img.src = this.current;
  }
  unload() {
    this.current = undefined;
  }
}`,
      errors: [{ messageId: "urlNotRevokedInTeardown", line: 6 }],
    },
    {
      name: "revoking a different member does not release this one",
      code: `
class CoverEditor {
  setCover(file) {
    this.previewUrl = URL.createObjectURL(file);
    this.img.src = this.previewUrl;
  }
  setPoster(file) {
    this.posterUrl = URL.createObjectURL(file);
  }
  dispose() {
    URL.revokeObjectURL(this.posterUrl);
  }
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    {
      name: "revoke on another object's revokeObjectURL does not count",
      code: `
class Attachment {
  open(file) {
    this.url = URL.createObjectURL(file);
  }
  close() {
    blobStore.revokeObjectURL(this.url);
  }
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "web component replaces its URL but does not revoke on disconnect",
      code: `
class FilePreview extends HTMLElement {
  #url;
  set file(file) {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = URL.createObjectURL(file);
    this.shadowRoot.querySelector("img").src = this.#url;
  }
  disconnectedCallback() {
    this.shadowRoot.replaceChildren();
  }
}`,
      errors: [{ messageId: "urlNotRevokedInTeardown", line: 6 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "React class component revokes in componentDidUpdate only",
      code: `
class PdfFrame extends React.Component<{ pdf: Blob }> {
  url = "";
  componentDidUpdate(prev: { pdf: Blob }) {
    if (prev.pdf !== this.props.pdf) {
      URL.revokeObjectURL(this.url);
      this.url = URL.createObjectURL(this.props.pdf);
    }
  }
  componentWillUnmount() {}
  render() {
    return <iframe title="invoice" src={this.url} />;
  }
}`,
      errors: [{ messageId: "urlNotRevokedInTeardown", line: 7 }],
    },
    {
      name: "Angular component never revokes",
      code: `
@Component({ selector: "app-receipt", template: "<img [src]='src'>" })
export class ReceiptComponent implements OnInit, OnDestroy {
  src = "";
  constructor(private readonly receipts: ReceiptService) {}
  async ngOnInit() {
    this.src = URL.createObjectURL(await this.receipts.image());
  }
  ngOnDestroy() {}
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 7 }],
    },
    {
      name: "URLs kept in a Map but nothing in the file ever revokes",
      code: `
export class ThumbnailCache {
  private urls = new Map<string, string>();
  add(id: string, blob: Blob) {
    this.urls.set(id, URL.createObjectURL(blob));
  }
  dispose() {
    this.urls.clear();
  }
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    },
    {
      name: "plain JavaScript: TS non-null wrapper free, video.poster assigned straight",
      filename: "poster.js",
      code: `
export class PosterFrame {
  constructor(video) {
    this.video = video;
  }
  setPoster(blob) {
    this.video.poster = URL.createObjectURL(blob);
  }
  destroy() {
    this.video.remove();
  }
}`,
      errors: [{ messageId: "urlNotKept", line: 7 }],
    },
    {
      name: "TypeScript non-null member assignment straight to src",
      code: `
export class Recorder {
  private audio?: HTMLAudioElement;
  finish(chunks: Blob[]) {
    this.audio!.src = URL.createObjectURL(new Blob(chunks, { type: "audio/webm" }));
  }
  dispose() {
    this.audio?.pause();
  }
}`,
      errors: [{ messageId: "urlNotKept", line: 5 }],
    },
    // ---------------------------------------------------------------- owner: plain function
    {
      name: "avatar URL assigned straight to img.src",
      code: `
export function renderAvatar(img: HTMLImageElement, file: File) {
  img.src = URL.createObjectURL(file);
}`,
      errors: [{ messageId: "urlNotKept", line: 3 }],
    },
    {
      name: "download link href assigned straight and clicked",
      code: `
export function downloadCsv(csv: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  a.download = "export.csv";
  a.click();
}`,
      errors: [{ messageId: "urlNotKept", line: 4 }],
    },
    {
      name: "download helper keeps the URL but forgets to revoke after the click",
      code: `
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "URL created and discarded",
      code: `
function warmUp(blob) {
  URL.createObjectURL(blob);
}`,
      errors: [{ messageId: "urlDiscarded", line: 3 }],
    },
    {
      name: "URL created and discarded with void",
      code: `
const prefetch = (blob: Blob) => {
  void URL.createObjectURL(blob);
};`,
      errors: [{ messageId: "urlDiscarded", line: 3 }],
    },
    {
      name: "URL opened in a new tab and never revoked (file revokes nothing)",
      code: `
export function openPdf(pdf: Blob) {
  window.open(URL.createObjectURL(pdf), "_blank");
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    probable({
      name: "module-level variable overwritten by every call and never revoked",
      code: `
let current;
export function showPreview(img, blob) {
  current = URL.createObjectURL(blob);
  img.src = current;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    }),
    {
      name: "exported function called once here can still be called again by importers",
      code: `
export function boot() {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = URL.createObjectURL(new Blob([css], { type: "text/css" }));
  document.head.append(link);
}
boot();`,
      errors: [{ messageId: "urlNotKept", line: 5 }],
    },
    {
      name: "one URL per file in a loop, straight to src",
      code: `
export function renderThumbs(list: HTMLElement, files: FileList) {
  for (const file of files) {
    const img = document.createElement("img");
    img.src = URL.createObjectURL(file);
    list.append(img);
  }
}`,
      errors: [{ messageId: "urlNotKept", line: 5 }],
    },
    {
      name: "same name in two functions: only the one that revokes its own URL is fine",
      code: `
export function downloadA(blob) {
  const url = URL.createObjectURL(blob);
  triggerDownload(url, "a.bin");
  URL.revokeObjectURL(url);
}
export function downloadB(blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.click();
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 8 }],
    },
    {
      name: "two URLs in one function, only one revoked",
      code: `
async function compare(before: Blob, after: Blob, left: HTMLImageElement, right: HTMLImageElement) {
  const a = URL.createObjectURL(before);
  const b = URL.createObjectURL(after);
  left.src = a;
  right.src = b;
  await Promise.all([left.decode(), right.decode()]);
  URL.revokeObjectURL(a);
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    {
      name: "async function never revokes",
      code: `
export async function shareImage(blob: Blob) {
  const url = URL.createObjectURL(blob);
  const img = new Image();
  img.src = url;
  await img.decode();
  document.body.append(img);
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "promise executor never revokes",
      code: `
export function decodeImage(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = url;
  });
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    {
      name: "window.URL straight to src",
      code: `
function setBackground(el, blob) {
  el.style.backgroundImage = "none";
  el.querySelector("img").src = window.URL.createObjectURL(blob);
}`,
      errors: [{ messageId: "urlNotKept", line: 4 }],
    },
    {
      name: "globalThis.URL kept and never revoked",
      code: `
function attachTranscript(track: HTMLTrackElement, vtt: string) {
  const url = globalThis.URL.createObjectURL(new Blob([vtt], { type: "text/vtt" }));
  track.src = url;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "webkitURL is the same registry",
      code: `
function legacyPreview(img, file) {
  const url = webkitURL.createObjectURL(file);
  img.src = url;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "computed member access, never revoked",
      code: `
function attachScript(source) {
  const url = URL["createObjectURL"](new Blob([source], { type: "text/javascript" }));
  const script = document.createElement("script");
  script.src = url;
  document.head.append(script);
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "optional call, never revoked",
      code: `
function preview(img: HTMLImageElement, file: File) {
  const url = URL.createObjectURL?.(file);
  if (url) img.src = url;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "a revoke without arguments and a spread revoke do not release this URL",
      code: `
class Playlist {
  urls: string[] = [];
  play(track: Blob) {
    this.current = URL.createObjectURL(track);
    this.audio.src = this.current;
  }
  dispose() {
    URL.revokeObjectURL();
    URL.revokeObjectURL(...this.urls);
  }
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 5 }],
    },
    // ---------------------------------------------------------------- owner: effect
    {
      name: "effect stores the URL in state and has no cleanup (thumbnail leaky)",
      code: `
export function Thumbnail({ name, svg }: { name: string; svg: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    setSrc(url);
  }, [svg]);
  return src ? <img src={src} alt={name} /> : null;
}`,
      errors: [
        {
          messageId: "urlNeverRevoked",
          line: 5,
          suggestions: [
            {
              messageId: "revokeInCleanup",
              output: `
export function Thumbnail({ name, svg }: { name: string; svg: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    setSrc(url);
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [svg]);
  return src ? <img src={src} alt={name} /> : null;
}`,
            },
          ],
        },
      ],
    },
    {
      name: "effect sets a ref's src and has no cleanup",
      code: `
function Clip({ clip }) {
  const video = useRef(null);
  useEffect(() => {
    const url = URL.createObjectURL(clip);
    video.current.src = url;
    video.current.play();
  }, [clip]);
  return <video ref={video} muted />;
}`,
      errors: [
        {
          messageId: "urlNeverRevoked",
          line: 5,
          suggestions: [
            {
              messageId: "revokeInCleanup",
              output: `
function Clip({ clip }) {
  const video = useRef(null);
  useEffect(() => {
    const url = URL.createObjectURL(clip);
    video.current.src = url;
    video.current.play();
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [clip]);
  return <video ref={video} muted />;
}`,
            },
          ],
        },
      ],
    },
    {
      name: "React.useLayoutEffect without cleanup, plain JS file",
      filename: "waveform.jsx",
      code: `
function Waveform({ samples, canvasRef }) {
  React.useLayoutEffect(() => {
    const url = URL.createObjectURL(new Blob([samples]));
    drawWaveform(canvasRef.current, url);
  }, [samples]);
  return <canvas ref={canvasRef} />;
}`,
      errors: [
        {
          messageId: "urlNeverRevoked",
          line: 4,
          suggestions: [
            {
              messageId: "revokeInCleanup",
              output: `
function Waveform({ samples, canvasRef }) {
  React.useLayoutEffect(() => {
    const url = URL.createObjectURL(new Blob([samples]));
    drawWaveform(canvasRef.current, url);
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [samples]);
  return <canvas ref={canvasRef} />;
}`,
            },
          ],
        },
      ],
    },
    {
      name: "effect with an expression body: no place for a suggestion",
      code: `
function Avatar({ file }) {
  const [src, setSrc] = useState();
  useEffect(() => setSrc(URL.createObjectURL(file)), [file]);
  return <img src={src} alt="" />;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    {
      name: "effect cleanup exists but does not revoke: no suggestion",
      code: `
function LivePreview({ blob, imgRef }) {
  useEffect(() => {
    const url = URL.createObjectURL(blob);
    imgRef.current.src = url;
    return () => {
      imgRef.current.removeAttribute("src");
    };
  }, [blob]);
  return <img ref={imgRef} alt="" />;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    {
      name: "effect assigns straight to video.src",
      code: `
function Player({ stream, videoRef }) {
  useEffect(() => {
    videoRef.current.src = URL.createObjectURL(stream);
  }, [stream]);
  return <video ref={videoRef} />;
}`,
      errors: [{ messageId: "urlNotKept", line: 4 }],
    },
    {
      options: [{ reportProbable: true }],
      name: "effect revokes the previous URL kept in a ref, but not on unmount",
      code: `
function Recorder({ chunks }: { chunks: Blob[] }) {
  const urlRef = useRef<string | null>(null);
  useEffect(() => {
    urlRef.current = URL.createObjectURL(new Blob(chunks, { type: "audio/webm" }));
  }, [chunks]);
  const reset = () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
  };
  return <audio controls src={urlRef.current ?? undefined} onEnded={reset} />;
}`,
      errors: [{ messageId: "urlNotRevokedInTeardown", line: 5 }],
    },
    // ---------------------------------------------------------------- owner: React component
    {
      name: "URL created during render and never revoked",
      code: `
export function Preview({ file }: { file: File }) {
  const url = URL.createObjectURL(file);
  return <img src={url} alt={file.name} />;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "URL created inline in JSX",
      code: `
export const Attachment = ({ file }) => (
  <a href={URL.createObjectURL(file)} download={file.name}>
    {file.name}
  </a>
);`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "useMemo URL that no effect revokes",
      code: `
function Preview({ file }: { file: File }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  return <img src={url} alt={file.name} />;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "change handler puts a fresh URL in state on every pick",
      code: `
export function AvatarPicker() {
  const [preview, setPreview] = useState<string>();
  return (
    <label>
      <input type="file" onChange={(e) => setPreview(URL.createObjectURL(e.target.files![0]))} />
      {preview && <img src={preview} alt="" />}
    </label>
  );
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 6 }],
    },
    {
      name: "a download helper that revokes does not excuse a component that does not",
      code: `
function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
export function ReceiptView({ receipt }) {
  const [src, setSrc] = useState(null);
  useEffect(() => {
    setSrc(URL.createObjectURL(receipt));
  }, [receipt]);
  return <img src={src} alt="receipt" onClick={() => download(receipt, "receipt.png")} />;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 13 }],
    },
    {
      name: "lazy useState URL never revoked",
      code: `
function Snapshot({ frame }: { frame: Blob }) {
  const [url] = useState(() => URL.createObjectURL(frame));
  return <img src={url} alt="snapshot" />;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 3 }],
    },
    {
      name: "drop handler keeps URLs in a ref array that nothing revokes",
      code: `
export function DropZone({ onFiles }) {
  const urls = useRef([]);
  const onDrop = (event) => {
    event.preventDefault();
    for (const file of event.dataTransfer.files) urls.current.push(URL.createObjectURL(file));
    onFiles(urls.current);
  };
  return <div onDrop={onDrop} onDragOver={(e) => e.preventDefault()} />;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 6 }],
    },
    {
      name: "URL assigned straight to the src of an element we cannot name",
      code: `
export function showCapture(root: HTMLElement, capture: Blob) {
  root.querySelector<HTMLImageElement>(".capture")!.src = URL.createObjectURL(capture);
}`,
      errors: [{ messageId: "urlNotKept", line: 3 }],
    },
    {
      name: "async effect: URL awaited in and never revoked",
      code: `
function Cover({ bookId }: { bookId: string }) {
  const [cover, setCover] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const blob = await fetch("/covers/" + bookId).then((r) => r.blob());
      if (!cancelled) setCover(URL.createObjectURL(blob));
    })();
    return () => {
      cancelled = true;
    };
  }, [bookId]);
  return <img src={cover} alt="" />;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 8 }],
    },
    {
      name: "download button handler never revokes",
      code: `
export function ExportButton({ rows }) {
  const onClick = () => {
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "rows.csv";
    a.click();
  };
  return <button onClick={onClick}>Export</button>;
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 4 }],
    },
    // ---------------------------------------------------------------- real-code shapes (bench review)
    // The same code with `reportProbable` reports what the default mode leaves out.
    ...releasedElsewhere.map((shape) => ({
      ...shape,
      name: `reportProbable: ${shape.name}`,
      options: [{ reportProbable: true }] as [{ reportProbable: boolean }],
    })),
    // The loose match is not too wide.
    {
      name: "bench exemptions: a revoke of the same field name on another fixed object",
      code: `
export class AttachmentList {
  constructor() {
    this.current = { objectUrl: null };
    this.previous = { objectUrl: null };
  }
  show(file) {
    this.current.objectUrl = URL.createObjectURL(file);
  }
  dispose() {
    URL.revokeObjectURL(this.previous.objectUrl);
  }
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 8 }],
    },
    {
      name: "bench exemptions: a helper revoking another field name does not count",
      code: `
function releaseEntry(entry) {
  URL.revokeObjectURL(entry.thumbUrl);
}
export class AttachmentList {
  constructor() {
    this.current = { objectUrl: null };
  }
  show(file) {
    this.current.objectUrl = URL.createObjectURL(file);
  }
  remove(entry) {
    releaseEntry(entry);
  }
  dispose() {
    this.current = null;
  }
}`,
      errors: [{ messageId: "urlNeverRevoked", line: 10 }],
    },
  ],
});

describe("no-unrevoked-object-url options", () => {
  const lintWith = (options: unknown) =>
    new Linter().verify("URL.createObjectURL(blob);", {
      plugins: { leakproof: plugin as never },
      rules: { "leakproof/no-unrevoked-object-url": ["error", options] as Linter.RuleEntry },
    });

  it("rejects unknown options", () => {
    expect(() => lintWith({ teardownMethod: ["shutdown"] })).toThrow(/additional properties/i);
  });

  it("rejects a teardownMethods value that is not a list of names", () => {
    expect(() => lintWith({ teardownMethods: "shutdown" })).toThrow(/should be array|must be array/i);
    expect(() => lintWith({ teardownMethods: [""] })).toThrow(/shorter than 1|fewer than 1/i);
  });

  it("accepts teardownMethods", () => {
    expect(lintWith({ teardownMethods: ["shutdown"] })).toEqual([]);
  });

  it("accepts reportProbable", () => {
    expect(lintWith({ reportProbable: true })).toEqual([]);
    expect(lintWith({ reportProbable: false, teardownMethods: ["unload"] })).toEqual([]);
  });

  it("rejects a reportProbable that is not a boolean", () => {
    expect(() => lintWith({ reportProbable: "true" })).toThrow(/should be boolean|must be boolean/i);
  });
});

checkRecommended();
