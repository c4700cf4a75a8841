/**
 * Replay panel of the market dashboard: plays back recorded chart sessions
 * (fragmented MP4 fetched as blobs) in a <video> element, with keyboard controls.
 */

const SKIP_SECONDS = 5;

export class VideoPanel {
  /** @param {HTMLVideoElement} video @param {HTMLElement} statusLine */
  constructor(video, statusLine) {
    this.video = video;
    this.statusLine = statusLine;
    this.currentUrl = null;
    this.liveUrl = null;
    this.liveSocket = null;
    this.onTimeUpdate = () => {
      this.statusLine.textContent = `${this.video.currentTime.toFixed(1)} s`;
    };
    this.onResize = () => {
      this.video.style.height = `${Math.round(window.innerHeight * 0.4)}px`;
    };
    // Pauses playback while the panel is scrolled out of view.
    this.visibility = new IntersectionObserver(([entry]) => {
      if (!entry.isIntersecting) this.video.pause();
    });
  }

  mount() {
    this.video.addEventListener("timeupdate", this.onTimeUpdate);
    window.addEventListener("resize", this.onResize);
    document.addEventListener("keydown", (event) => {
      if (event.key === "ArrowRight") this.video.currentTime += SKIP_SECONDS;
      if (event.key === "ArrowLeft") this.video.currentTime -= SKIP_SECONDS;
      if (event.key === " ") void (this.video.paused ? this.video.play() : this.video.pause());
    });
    this.visibility.observe(this.video);
    this.onResize();
  }

  /** Plays one recorded session; the previous recording's URL is let go first. */
  load(recording) {
    if (this.currentUrl) URL.revokeObjectURL(this.currentUrl);
    this.currentUrl = URL.createObjectURL(recording);
    this.video.src = this.currentUrl;
  }

  /** Shows the first frame of a recording as the poster while it loads. */
  showPoster(frame) {
    this.video.poster = URL.createObjectURL(frame);
  }

  /** Streams a live session through Media Source Extensions. */
  streamLive(chunks) {
    if (this.liveUrl) URL.revokeObjectURL(this.liveUrl);
    const mediaSource = new MediaSource();
    this.liveUrl = URL.createObjectURL(mediaSource);
    this.video.src = this.liveUrl;
    mediaSource.addEventListener(
      "sourceopen",
      async () => {
        // The element holds the source now; the URL is no longer needed.
        URL.revokeObjectURL(this.liveUrl);
        this.liveUrl = null;
        const buffer = mediaSource.addSourceBuffer('video/mp4; codecs="avc1.42E01E"');
        for await (const chunk of chunks) {
          buffer.appendBuffer(chunk);
          await new Promise((resolve) => buffer.addEventListener("updateend", resolve, { once: true }));
        }
        mediaSource.endOfStream();
      },
      { once: true },
    );
  }

  /**
   * Follows a live session that the quote service pushes as fragmented MP4
   * over a WebSocket, appending each message to the Media Source buffer.
   */
  watchLive(streamUrl) {
    if (this.liveUrl) URL.revokeObjectURL(this.liveUrl);
    const mediaSource = new MediaSource();
    this.liveUrl = URL.createObjectURL(mediaSource);
    this.video.src = this.liveUrl;
    this.liveSocket = new WebSocket(streamUrl);
    this.liveSocket.binaryType = "arraybuffer";
    mediaSource.addEventListener(
      "sourceopen",
      () => {
        URL.revokeObjectURL(this.liveUrl);
        this.liveUrl = null;
        const buffer = mediaSource.addSourceBuffer('video/mp4; codecs="avc1.42E01E"');
        const pending = [];
        buffer.addEventListener("updateend", () => {
          if (pending.length > 0 && !buffer.updating) buffer.appendBuffer(pending.shift());
        });
        this.liveSocket.onmessage = (event) => {
          if (buffer.updating || pending.length > 0) pending.push(event.data);
          else buffer.appendBuffer(event.data);
        };
      },
      { once: true },
    );
  }

  destroy() {
    this.visibility.disconnect();
    this.video.removeEventListener("timeupdate", this.onTimeUpdate);
    window.removeEventListener("resize", this.onResize);
    if (this.currentUrl) URL.revokeObjectURL(this.currentUrl);
    if (this.liveUrl) URL.revokeObjectURL(this.liveUrl);
    this.currentUrl = null;
    this.liveUrl = null;
    this.video.removeAttribute("src");
    this.video.load();
  }
}

/** Saves the current frame as a PNG through a temporary download link. */
export function downloadSnapshot(video, fileName) {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d")?.drawImage(video, 0, 0);
  canvas.toBlob((blob) => {
    if (!blob) return;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    link.click();
  }, "image/png");
}
