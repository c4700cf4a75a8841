/**
 * React Native: AppState / Dimensions / Keyboard / BackHandler / Linking / AccessibilityInfo
 * listeners and DeviceEventEmitter / NativeEventEmitter `addListener` return a subscription
 * to `.remove()`; timers, sockets and subscriptions follow the owner's lifecycle — the effect
 * cleanup in function components, componentWillUnmount in class components. Invalid cases
 * carry the edit that fixes them and valid cases the edit that removes their release or trap
 * (see variants.ts): both must flip the outcome.
 */
import { code, runFrameworkCases } from "./harness.js";
import { type InvalidCase, type ValidCase, withVariants } from "./variants.js";

/** What the strict preset passes: also report releases that miss the owner's end. */
const STRICT = [{ reportProbable: true }] as const;

const valid: ValidCase[] = [
  // ---------------------------------------------------------------------------
  // Subscriptions kept in an array or a ref, removed elsewhere (engine fixes from the suite review)
  {
    rule: "no-leaked-event-listener",
    name: "keyboard subscriptions kept in an array, removed by a loop in the cleanup",
    code: code`
      import { useEffect } from "react";
      import { Keyboard } from "react-native";
      export function useKeyboardInset(show: () => void, hide: () => void) {
        useEffect(() => {
          const subs = [Keyboard.addListener("keyboardDidShow", show), Keyboard.addListener("keyboardDidHide", hide)];
          return () => subs.forEach((s) => s.remove());
        }, [show, hide]);
      }
    `,
    untrapped: {
      edits: { from: "return () => subs.forEach((s) => s.remove());", to: "" },
      errors: [
        { messageId: "listenerNeverRemoved", line: 5 },
        { messageId: "listenerNeverRemoved", line: 5 },
      ],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "subscription in a ref, removed by a separate unmount-only effect",
    code: code`
      import { useEffect, useRef } from "react";
      import { AppState } from "react-native";
      export function useForeground(onChange: (s: string) => void) {
        const sub = useRef<{ remove(): void } | null>(null);
        useEffect(() => {
          sub.current = AppState.addEventListener("change", onChange);
        }, []);
        useEffect(() => () => sub.current?.remove(), []);
      }
    `,
    untrapped: {
      edits: { from: "useEffect(() => () => sub.current?.remove(), []);", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "default mode: BackHandler subscription removed by the returned function, not the effect",
    code: code`
      import { useEffect, useRef } from "react";
      import { BackHandler } from "react-native";
      export function useBackGuard(onBack: () => boolean) {
        const sub = useRef<{ remove(): void }>();
        useEffect(() => {
          sub.current = BackHandler.addEventListener("hardwareBackPress", onBack);
        }, [onBack]);
        return () => sub.current?.remove();
      }
    `,
  },
  // ---------------------------------------------------------------------------
  // Owners: function components and hooks (the effect's returned cleanup)
  {
    rule: "no-leaked-event-listener",
    name: "AppState subscription removed in the effect cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { AppState, Text } from "react-native";
      export function Status() {
        const [state, setState] = useState(AppState.currentState);
        useEffect(() => {
          const subscription = AppState.addEventListener("change", setState);
          return () => subscription.remove();
        }, []);
        return <Text>{state}</Text>;
      }
    `,
    untrapped: {
      edits: { from: "return () => subscription.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "Dimensions subscription removed",
    code: code`
      import { useEffect, useState } from "react";
      import { Dimensions } from "react-native";
      export function useWindowWidth() {
        const [width, setWidth] = useState(Dimensions.get("window").width);
        useEffect(() => {
          const sub = Dimensions.addEventListener("change", ({ window }) => setWidth(window.width));
          return () => sub.remove();
        }, []);
        return width;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "Keyboard.addListener subscriptions removed through a shared cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { Keyboard } from "react-native";
      export function useKeyboardOpen() {
        const [open, setOpen] = useState(false);
        useEffect(() => {
          const show = Keyboard.addListener("keyboardDidShow", () => setOpen(true));
          const hide = Keyboard.addListener("keyboardDidHide", () => setOpen(false));
          function cleanup() {
            show.remove();
            hide.remove();
          }
          return cleanup;
        }, []);
        return open;
      }
    `,
    untrapped: {
      edits: { from: "hide.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "BackHandler subscription removed",
    code: code`
      import { useEffect } from "react";
      import { BackHandler } from "react-native";
      export function useBackGuard(onBack: () => boolean) {
        useEffect(() => {
          const sub = BackHandler.addEventListener("hardwareBackPress", onBack);
          return () => sub.remove();
        }, [onBack]);
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "older BackHandler.removeEventListener with the same handler",
    code: code`
      import { useEffect } from "react";
      import { BackHandler } from "react-native";
      export function useBackGuard(onBack: () => boolean) {
        useEffect(() => {
          BackHandler.addEventListener("hardwareBackPress", onBack);
          return () => BackHandler.removeEventListener("hardwareBackPress", onBack);
        }, [onBack]);
      }
    `,
    untrapped: {
      edits: { from: 'return () => BackHandler.removeEventListener("hardwareBackPress", onBack);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "older Keyboard.removeListener / Linking.removeEventListener with the same handlers",
    code: code`
      import { useEffect } from "react";
      import { Keyboard, Linking } from "react-native";
      export function useLegacyListeners(onShow: () => void, onUrl: (event: { url: string }) => void) {
        useEffect(() => {
          Keyboard.addListener("keyboardDidShow", onShow);
          Linking.addEventListener("url", onUrl);
          return () => {
            Keyboard.removeListener("keyboardDidShow", onShow);
            Linking.removeEventListener("url", onUrl);
          };
        }, [onShow, onUrl]);
      }
    `,
    untrapped: {
      edits: { from: 'Keyboard.removeListener("keyboardDidShow", onShow);', to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "Linking url subscription removed in the cleanup",
    code: code`
      import { useEffect } from "react";
      import { Linking } from "react-native";
      export function useDeepLinks(navigate: (url: string) => void) {
        useEffect(() => {
          Linking.getInitialURL().then((url) => url && navigate(url));
          const sub = Linking.addEventListener("url", ({ url }) => navigate(url));
          return () => sub.remove();
        }, [navigate]);
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "AccessibilityInfo subscription removed in the cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { AccessibilityInfo } from "react-native";
      export function useReduceMotion() {
        const [reduce, setReduce] = useState(false);
        useEffect(() => {
          AccessibilityInfo.isReduceMotionEnabled().then(setReduce);
          const sub = AccessibilityInfo.addEventListener("reduceMotionChanged", setReduce);
          return () => sub?.remove();
        }, []);
        return reduce;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub?.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "DeviceEventEmitter subscription removed in the cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { DeviceEventEmitter, Text } from "react-native";
      export function DownloadProgress({ id }: { id: string }) {
        const [percent, setPercent] = useState(0);
        useEffect(() => {
          const sub = DeviceEventEmitter.addListener(\`download:\${id}\`, (event: { percent: number }) => setPercent(event.percent));
          return () => sub.remove();
        }, [id]);
        return <Text>{percent}%</Text>;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "module-level NativeEventEmitter: subscription removed in the cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { NativeEventEmitter, NativeModules } from "react-native";
      const locationEvents = new NativeEventEmitter(NativeModules.LocationModule);
      export function useLocation() {
        const [fix, setFix] = useState<{ lat: number; lng: number } | null>(null);
        useEffect(() => {
          const sub = locationEvents.addListener("locationUpdated", (event) => setFix(event));
          return () => sub.remove();
        }, []);
        return fix;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "module-level NativeEventEmitter: removeAllListeners for the event type in the cleanup",
    code: code`
      import { useEffect } from "react";
      import { NativeEventEmitter, NativeModules } from "react-native";
      const player = new NativeEventEmitter(NativeModules.AudioPlayer);
      export function usePlaybackEnd(onEnd: () => void) {
        useEffect(() => {
          player.addListener("playbackEnded", onEnd);
          return () => player.removeAllListeners("playbackEnded");
        }, [onEnd]);
      }
    `,
    untrapped: {
      edits: { from: '\n    return () => player.removeAllListeners("playbackEnded");', to: "" },
      errors: [
        {
          messageId: "listenerNeverRemoved",
          line: 6,
          suggestions: [
            {
              messageId: "addRemoval",
              output: code`
                import { useEffect } from "react";
                import { NativeEventEmitter, NativeModules } from "react-native";
                const player = new NativeEventEmitter(NativeModules.AudioPlayer);
                export function usePlaybackEnd(onEnd: () => void) {
                  useEffect(() => {
                    player.addListener("playbackEnded", onEnd);
                    return () => {
                      player.removeListener("playbackEnded", onEnd);
                    };
                  }, [onEnd]);
                }
              `,
            },
          ],
        },
      ],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "useFocusEffect(useCallback(...)) returns a cleanup that removes the BackHandler subscription",
    code: code`
      import { useCallback } from "react";
      import { BackHandler, View } from "react-native";
      import { useFocusEffect } from "@react-navigation/native";
      export function EditScreen({ confirmLeave }: { confirmLeave(): boolean }) {
        useFocusEffect(
          useCallback(() => {
            const sub = BackHandler.addEventListener("hardwareBackPress", confirmLeave);
            return () => sub.remove();
          }, [confirmLeave]),
        );
        return <View />;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "BackHandler subscription removed in a .jsx screen",
    filename: "Modal.jsx",
    code: code`
      import { useEffect } from "react";
      import { BackHandler, View } from "react-native";
      export function Sheet({ visible, onClose, children }) {
        useEffect(() => {
          if (!visible) return;
          const sub = BackHandler.addEventListener("hardwareBackPress", () => {
            onClose();
            return true;
          });
          return () => sub.remove();
        }, [visible, onClose]);
        return visible ? <View style={{ flex: 1 }}>{children}</View> : null;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "polling interval cleared in the cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { Text } from "react-native";
      export function Balance({ fetchBalance }: { fetchBalance(): Promise<number> }) {
        const [balance, setBalance] = useState(0);
        useEffect(() => {
          const id = setInterval(() => fetchBalance().then(setBalance), 15_000);
          return () => clearInterval(id);
        }, [fetchBalance]);
        return <Text>{balance}</Text>;
      }
    `,
    untrapped: {
      edits: { from: "return () => clearInterval(id);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "debounced TextInput search: the pending timeout is cleared in the cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { TextInput } from "react-native";
      export function SearchField({ onSearch }: { onSearch(text: string): void }) {
        const [text, setText] = useState("");
        useEffect(() => {
          const pending = setTimeout(() => onSearch(text), 300);
          return () => clearTimeout(pending);
        }, [text, onSearch]);
        return <TextInput value={text} onChangeText={setText} />;
      }
    `,
    untrapped: {
      edits: { from: "return () => clearTimeout(pending);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 6 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-timer",
    name: "AppState-driven polling: the interval is cleared on background and at unmount (strict)",
    options: STRICT,
    code: code`
      import { useEffect } from "react";
      import { AppState } from "react-native";
      export function useForegroundPolling(refresh: () => void) {
        useEffect(() => {
          let id: ReturnType<typeof setInterval> | undefined;
          const sub = AppState.addEventListener("change", (state) => {
            clearInterval(id);
            if (state === "active") id = setInterval(refresh, 10_000);
          });
          return () => {
            sub.remove();
            clearInterval(id);
          };
        }, [refresh]);
      }
    `,
    untrapped: {
      edits: { from: "    clearInterval(id);\n    };", to: "    };" },
      errors: [{ messageId: "timerNotClearedInTeardown", line: 8 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "frame loop driving an animation is cancelled in the cleanup",
    code: code`
      import { useEffect, useRef } from "react";
      import { Animated } from "react-native";
      export function usePulse(value: Animated.Value) {
        const frame = useRef(0);
        useEffect(() => {
          const start = Date.now();
          const step = () => {
            value.setValue(Math.sin((Date.now() - start) / 300));
            frame.current = requestAnimationFrame(step);
          };
          frame.current = requestAnimationFrame(step);
          return () => cancelAnimationFrame(frame.current);
        }, [value]);
      }
    `,
    untrapped: {
      edits: { from: "return () => cancelAnimationFrame(frame.current);", to: "" },
      errors: [{ messageId: "loopNeverStopped", line: 9 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened in an effect and closed in its cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { Text } from "react-native";
      export function LiveTicker({ symbol }: { symbol: string }) {
        const [price, setPrice] = useState("-");
        useEffect(() => {
          const ws = new WebSocket(\`wss://quotes.example.com/\${symbol}\`);
          ws.onmessage = (event) => setPrice(String(event.data));
          return () => ws.close();
        }, [symbol]);
        return <Text>{price}</Text>;
      }
    `,
    untrapped: {
      edits: { from: "return () => ws.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 6 }],
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "RxJS subscription unsubscribed in the cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { FlatList, Text } from "react-native";
      import type { Observable } from "rxjs";
      export function Inbox({ messages$ }: { messages$: Observable<string[]> }) {
        const [messages, setMessages] = useState<string[]>([]);
        useEffect(() => {
          const sub = messages$.subscribe(setMessages);
          return () => sub.unsubscribe();
        }, [messages$]);
        return <FlatList data={messages} renderItem={({ item }) => <Text>{item}</Text>} />;
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.unsubscribe();", to: "" },
      errors: [{ messageId: "neverReleased", line: 7 }],
      probable: true,
    },
  },
  {
    rule: "no-leaked-subscription",
    name: "a local helper returns a disposer and the effect returns it as its cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { Dimensions } from "react-native";
      function watchOrientation(onChange: (portrait: boolean) => void) {
        const sub = Dimensions.addEventListener("change", ({ window }) => onChange(window.height > window.width));
        return () => sub.remove();
      }
      export function useIsPortrait() {
        const [portrait, setPortrait] = useState(true);
        useEffect(() => watchOrientation(setPortrait), []);
        return portrait;
      }
    `,
    untrapped: {
      edits: { from: "useEffect(() => watchOrientation(setPortrait), []);", to: "useEffect(() => {\n    watchOrientation(setPortrait);\n  }, []);" },
      errors: [{ messageId: "discarded", line: 10 }],
    },
  },

  // ---------------------------------------------------------------------------
  // Owners: class components (componentDidMount → componentWillUnmount)
  {
    rule: "no-leaked-event-listener",
    name: "class component removes its AppState subscription in componentWillUnmount",
    code: code`
      import { Component } from "react";
      import { AppState } from "react-native";
      export class Tracker extends Component {
        subscription: { remove(): void } | undefined;
        componentDidMount() {
          this.subscription = AppState.addEventListener("change", (state) => console.log(state));
        }
        componentWillUnmount() {
          this.subscription?.remove();
        }
        render() {
          return null;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.subscription?.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: Keyboard subscriptions removed in a method componentWillUnmount calls (strict)",
    options: STRICT,
    code: code`
      import { Component } from "react";
      import { Keyboard, type EmitterSubscription, View } from "react-native";
      export class ChatComposer extends Component<{}, { keyboard: boolean }> {
        state = { keyboard: false };
        private show?: EmitterSubscription;
        private hide?: EmitterSubscription;
        componentDidMount() {
          this.show = Keyboard.addListener("keyboardDidShow", this.onShow);
          this.hide = Keyboard.addListener("keyboardDidHide", this.onHide);
        }
        componentWillUnmount() {
          this.removeKeyboardListeners();
        }
        removeKeyboardListeners() {
          this.show?.remove();
          this.hide?.remove();
        }
        onShow = () => this.setState({ keyboard: true });
        onHide = () => this.setState({ keyboard: false });
        render() {
          return <View style={{ paddingBottom: this.state.keyboard ? 0 : 24 }} />;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.removeKeyboardListeners();", to: "" },
      errors: [
        { messageId: "listenerNotRemovedInTeardown", line: 8 },
        { messageId: "listenerNotRemovedInTeardown", line: 9 },
      ],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: Linking and DeviceEventEmitter subscriptions both removed",
    code: code`
      import { Component } from "react";
      import { DeviceEventEmitter, Linking, type EmitterSubscription } from "react-native";
      export class PushRouter extends Component<{ open(url: string): void }> {
        private urlSub?: EmitterSubscription;
        private pushSub?: EmitterSubscription;
        componentDidMount() {
          this.urlSub = Linking.addEventListener("url", ({ url }) => this.props.open(url));
          this.pushSub = DeviceEventEmitter.addListener("notificationOpened", (event: { url: string }) => this.props.open(event.url));
        }
        componentWillUnmount() {
          this.urlSub?.remove();
          this.pushSub?.remove();
        }
        render() {
          return null;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.pushSub?.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "class component: interval cleared in componentWillUnmount",
    code: code`
      import { Component } from "react";
      import { Text } from "react-native";
      export class Stopwatch extends Component<{}, { elapsed: number }> {
        state = { elapsed: 0 };
        private timer?: ReturnType<typeof setInterval>;
        componentDidMount() {
          this.timer = setInterval(() => this.setState(({ elapsed }) => ({ elapsed: elapsed + 1 })), 1000);
        }
        componentWillUnmount() {
          if (this.timer) clearInterval(this.timer);
        }
        render() {
          return <Text>{this.state.elapsed}s</Text>;
        }
      }
    `,
    untrapped: {
      edits: { from: "if (this.timer) clearInterval(this.timer);", to: "" },
      errors: [{ messageId: "timerNeverCleared", line: 7 }],
    },
  },
  {
    rule: "no-leaked-timer",
    name: "class component: polling restarted on foreground, cleared on background and at unmount (strict)",
    options: STRICT,
    code: code`
      import { Component } from "react";
      import { AppState, type NativeEventSubscription } from "react-native";
      export class MailPoller extends Component<{ poll(): void }> {
        private appSub?: NativeEventSubscription;
        private timer?: ReturnType<typeof setInterval>;
        componentDidMount() {
          this.start();
          this.appSub = AppState.addEventListener("change", (state) => (state === "active" ? this.start() : this.stop()));
        }
        start() {
          this.stop();
          this.timer = setInterval(this.props.poll, 60_000);
        }
        stop() {
          clearInterval(this.timer);
        }
        componentWillUnmount() {
          this.appSub?.remove();
          this.stop();
        }
        render() {
          return null;
        }
      }
    `,
    untrapped: {
      edits: { from: "    this.appSub?.remove();\n    this.stop();", to: "    this.appSub?.remove();" },
      errors: [{ messageId: "timerNotClearedInTeardown", line: 12 }],
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "class component: WebSocket closed in componentWillUnmount",
    code: code`
      import { Component } from "react";
      import { Text } from "react-native";
      export class Presence extends Component<{ room: string }, { online: number }> {
        state = { online: 0 };
        private socket?: WebSocket;
        componentDidMount() {
          this.socket = new WebSocket(\`wss://presence.example.com/\${this.props.room}\`);
          this.socket.onmessage = (event) => this.setState({ online: Number(event.data) });
        }
        componentWillUnmount() {
          this.socket?.close();
        }
        render() {
          return <Text>{this.state.online} online</Text>;
        }
      }
    `,
    untrapped: {
      edits: { from: "this.socket?.close();", to: "" },
      errors: [{ messageId: "neverReleased", line: 7 }],
    },
  },

  // ---------------------------------------------------------------------------
  // False-alarm traps
  {
    rule: "no-leaked-event-listener",
    name: "trap: subscription stored in a ref and removed through it in the cleanup",
    code: code`
      import { useEffect, useRef } from "react";
      import { AppState, type NativeEventSubscription } from "react-native";
      export function useOnForeground(onForeground: () => void) {
        const sub = useRef<NativeEventSubscription | null>(null);
        useEffect(() => {
          sub.current = AppState.addEventListener("change", (state) => state === "active" && onForeground());
          return () => sub.current?.remove();
        }, [onForeground]);
      }
    `,
    untrapped: {
      edits: { from: "return () => sub.current?.remove();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: a once-listener on a module-level event bus removes itself",
    code: code`
      import { useEffect, useState } from "react";
      import EventEmitter from "eventemitter3";
      import { ActivityIndicator } from "react-native";
      export const appEvents = new EventEmitter();
      export function SplashGate({ children }: { children: JSX.Element }) {
        const [ready, setReady] = useState(false);
        useEffect(() => {
          appEvents.once("hydrated", () => setReady(true));
        }, []);
        return ready ? children : <ActivityIndicator />;
      }
    `,
    untrapped: {
      edits: { from: "appEvents.once(", to: "appEvents.on(" },
      errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: listeners on a WebSocket the effect opens and closes itself",
    code: code`
      import { useEffect, useState } from "react";
      export function useFeed(url: string) {
        const [items, setItems] = useState<string[]>([]);
        useEffect(() => {
          const ws = new WebSocket(url);
          ws.addEventListener("message", (event) => setItems((list) => [String(event.data), ...list]));
          ws.addEventListener("error", () => setItems([]));
          return () => ws.close();
        }, [url]);
        return items;
      }
    `,
    untrapped: {
      edits: [
        { from: "const ws = new WebSocket(url);", to: "const ws = connections[url]!;" },
        { from: "return () => ws.close();", to: 'return () => ws.send("bye");' },
      ],
      errors: [
        { messageId: "listenerNeverRemoved", line: 6 },
        { messageId: "listenerNeverRemoved", line: 7 },
      ],
    },
  },
  {
    rule: "no-leaked-event-listener",
    name: "trap: listeners on a pooled socket the cleanup closes go with it",
    code: code`
      import { useEffect, useState } from "react";
      import { socketFor } from "./sockets";
      export function useRoom(room: string) {
        const [members, setMembers] = useState<string[]>([]);
        useEffect(() => {
          const socket = socketFor(room);
          socket.addEventListener("message", (event: MessageEvent) => setMembers(JSON.parse(String(event.data))));
          return () => socket.close();
        }, [room]);
        return members;
      }
    `,
    untrapped: {
      edits: { from: "return () => socket.close();", to: "" },
      errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
      probable: true,
    },
  },
  {
    rule: "no-unclosed-resource",
    name: "trap: handler set on a module-level socket is reset to null in the cleanup",
    code: code`
      import { useEffect, useState } from "react";
      import { Text } from "react-native";
      const socket = new WebSocket("wss://chat.example.com");
      export function LastMessage() {
        const [last, setLast] = useState("");
        useEffect(() => {
          socket.onmessage = (event) => setLast(String(event.data));
          return () => {
            socket.onmessage = null;
          };
        }, []);
        return <Text>{last}</Text>;
      }
    `,
    untrapped: {
      edits: { from: "socket.onmessage = null;", to: "" },
      errors: [{ messageId: "handlerLeftInPlace", line: 7 }],
    },
  },
];

const invalid: InvalidCase[] = [
  // ---------------------------------------------------------------------------
  // Owners: function components and hooks
  {
    rule: "no-leaked-event-listener",
    name: "AppState subscription discarded",
    code: code`
      import { useEffect, useState } from "react";
      import { AppState, Text } from "react-native";
      export function Status() {
        const [state, setState] = useState(AppState.currentState);
        useEffect(() => {
          AppState.addEventListener("change", setState);
        }, []);
        return <Text>{state}</Text>;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: { from: 'AppState.addEventListener("change", setState);', to: 'const sub = AppState.addEventListener("change", setState);\n    return () => sub.remove();' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "subscription kept but never removed",
    code: code`
      import { useEffect } from "react";
      import { Dimensions } from "react-native";
      export function useOrientation(onChange: () => void) {
        useEffect(() => {
          const sub = Dimensions.addEventListener("change", onChange);
          console.debug(typeof sub);
        }, [onChange]);
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    fixed: { from: "console.debug(typeof sub);", to: "return () => sub.remove();" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "only one of two Keyboard subscriptions is removed",
    code: code`
      import { useEffect } from "react";
      import { Keyboard } from "react-native";
      export function useKeyboard(onShow: () => void, onHide: () => void) {
        useEffect(() => {
          const show = Keyboard.addListener("keyboardDidShow", onShow);
          const hide = Keyboard.addListener("keyboardDidHide", onHide);
          return () => show.remove();
        }, [onShow, onHide]);
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: { from: "return () => show.remove();", to: "return () => {\n      show.remove();\n      hide.remove();\n    };" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "BackHandler subscription removed only when the user presses a button",
    options: STRICT,
    code: code`
      import { useEffect, useRef } from "react";
      import { BackHandler } from "react-native";
      export function useBackGuard(onBack: () => boolean) {
        const sub = useRef<{ remove(): void }>();
        useEffect(() => {
          sub.current = BackHandler.addEventListener("hardwareBackPress", onBack);
        }, [onBack]);
        return () => sub.current?.remove();
      }
    `,
    errors: [{ messageId: "listenerNotRemovedInTeardown", line: 6 }],
    fixed: { from: "  }, [onBack]);\n  return", to: "    return () => sub.current?.remove();\n  }, [onBack]);\n  return" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "Linking url subscription discarded",
    code: code`
      import { useEffect } from "react";
      import { Linking } from "react-native";
      export function useDeepLinks(navigate: (url: string) => void) {
        useEffect(() => {
          Linking.getInitialURL().then((url) => url && navigate(url));
          Linking.addEventListener("url", ({ url }) => navigate(url));
        }, [navigate]);
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: { from: 'Linking.addEventListener("url", ({ url }) => navigate(url));', to: 'const sub = Linking.addEventListener("url", ({ url }) => navigate(url));\n    return () => sub.remove();' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "AccessibilityInfo subscription discarded",
    code: code`
      import { useEffect, useState } from "react";
      import { AccessibilityInfo } from "react-native";
      export function useScreenReader() {
        const [enabled, setEnabled] = useState(false);
        useEffect(() => {
          AccessibilityInfo.isScreenReaderEnabled().then(setEnabled);
          AccessibilityInfo.addEventListener("screenReaderChanged", setEnabled);
        }, []);
        return enabled;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: { from: 'AccessibilityInfo.addEventListener("screenReaderChanged", setEnabled);', to: 'const sub = AccessibilityInfo.addEventListener("screenReaderChanged", setEnabled);\n    return () => sub.remove();' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "DeviceEventEmitter subscription discarded",
    code: code`
      import { useEffect, useState } from "react";
      import { DeviceEventEmitter, Text } from "react-native";
      export function DownloadProgress({ id }: { id: string }) {
        const [percent, setPercent] = useState(0);
        useEffect(() => {
          DeviceEventEmitter.addListener(\`download:\${id}\`, (event: { percent: number }) => setPercent(event.percent));
        }, [id]);
        return <Text>{percent}%</Text>;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: [
      { from: "DeviceEventEmitter.addListener(", to: "const sub = DeviceEventEmitter.addListener(" },
      { from: "  }, [id]);", to: "    return () => sub.remove();\n  }, [id]);" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "module-level NativeEventEmitter: listener never removed",
    code: code`
      import { useEffect, useState } from "react";
      import { NativeEventEmitter, NativeModules } from "react-native";
      const locationEvents = new NativeEventEmitter(NativeModules.LocationModule);
      export function useLocation() {
        const [fix, setFix] = useState<{ lat: number; lng: number } | null>(null);
        useEffect(() => {
          locationEvents.addListener("locationUpdated", (event) => setFix(event));
        }, []);
        return fix;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: { from: 'locationEvents.addListener("locationUpdated", (event) => setFix(event));', to: 'const sub = locationEvents.addListener("locationUpdated", (event) => setFix(event));\n    return () => sub.remove();' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "Keyboard listener added on every render, outside any effect",
    code: code`
      import { useState } from "react";
      import { Keyboard, View } from "react-native";
      export function Composer() {
        const [lifted, setLifted] = useState(false);
        Keyboard.addListener("keyboardDidShow", () => setLifted(true));
        return <View style={{ marginBottom: lifted ? 280 : 0 }} />;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    fixed: [
      { from: 'import { useState } from "react";', to: 'import { useEffect, useState } from "react";' },
      { from: 'Keyboard.addListener("keyboardDidShow", () => setLifted(true));', to: 'useEffect(() => {\n    const sub = Keyboard.addListener("keyboardDidShow", () => setLifted(true));\n    return () => sub.remove();\n  }, []);' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "Dimensions listener added from an onPress handler and never removed",
    code: code`
      import { useState } from "react";
      import { Dimensions, Pressable, Text } from "react-native";
      export function FitButton() {
        const [width, setWidth] = useState(0);
        return (
          <Pressable onPress={() => Dimensions.addEventListener("change", ({ window }) => setWidth(window.width))}>
            <Text>{width}</Text>
          </Pressable>
        );
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: { from: 'Dimensions.addEventListener("change", ({ window }) => setWidth(window.width))', to: 'setWidth(Dimensions.get("window").width)' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "useFocusEffect(useCallback(...)) adds a BackHandler listener and never removes it",
    code: code`
      import { useCallback } from "react";
      import { BackHandler, View } from "react-native";
      import { useFocusEffect } from "@react-navigation/native";
      export function EditScreen({ confirmLeave }: { confirmLeave(): boolean }) {
        useFocusEffect(
          useCallback(() => {
            BackHandler.addEventListener("hardwareBackPress", confirmLeave);
          }, [confirmLeave]),
        );
        return <View />;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: { from: 'BackHandler.addEventListener("hardwareBackPress", confirmLeave);', to: 'const sub = BackHandler.addEventListener("hardwareBackPress", confirmLeave);\n      return () => sub.remove();' },
  },
  {
    rule: "no-leaked-event-listener",
    name: "older BackHandler.removeEventListener with a new inline function never matches",
    code: code`
      import { useEffect } from "react";
      import { BackHandler } from "react-native";
      export function useCloseOnBack(close: () => void) {
        useEffect(() => {
          BackHandler.addEventListener("hardwareBackPress", () => {
            close();
            return true;
          });
          return () =>
            BackHandler.removeEventListener("hardwareBackPress", () => {
              close();
              return true;
            });
        }, [close]);
      }
    `,
    errors: [
      { messageId: "listenerCannotBeRemoved", line: 5 },
      { messageId: "removalNeverMatches", line: 10 },
    ],
    fixed: [
      { from: 'BackHandler.addEventListener("hardwareBackPress", () => {\n      close();\n      return true;\n    });', to: 'const onBack = () => {\n      close();\n      return true;\n    };\n    BackHandler.addEventListener("hardwareBackPress", onBack);' },
      { from: 'BackHandler.removeEventListener("hardwareBackPress", () => {\n        close();\n        return true;\n      });', to: 'BackHandler.removeEventListener("hardwareBackPress", onBack);' },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "the cleanup removes the AppState subscription but forgets the Keyboard one",
    code: code`
      import { useEffect, useState } from "react";
      import { AppState, Keyboard } from "react-native";
      export function useInputState() {
        const [active, setActive] = useState(true);
        const [keyboard, setKeyboard] = useState(false);
        useEffect(() => {
          const appSub = AppState.addEventListener("change", (state) => setActive(state === "active"));
          const kbSub = Keyboard.addListener("keyboardDidShow", () => setKeyboard(true));
          return () => appSub.remove();
        }, []);
        return { active, keyboard };
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    fixed: { from: "return () => appSub.remove();", to: "return () => {\n      appSub.remove();\n      kbSub.remove();\n    };" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "custom hook: the cleanup clears the debounce timer but forgets the AppState subscription",
    code: code`
      import { useEffect } from "react";
      import { AppState } from "react-native";
      export function useSaveOnBackground(save: () => void) {
        useEffect(() => {
          let pending: ReturnType<typeof setTimeout> | undefined;
          const sub = AppState.addEventListener("change", (state) => {
            if (state !== "background") return;
            clearTimeout(pending);
            pending = setTimeout(save, 200);
          });
          return () => clearTimeout(pending);
        }, [save]);
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: { from: "return () => clearTimeout(pending);", to: "return () => {\n      clearTimeout(pending);\n      sub.remove();\n    };" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "Keyboard subscription kept but never removed in a .jsx screen",
    filename: "Chat.jsx",
    code: code`
      import { useEffect, useState } from "react";
      import { Keyboard, View } from "react-native";
      export function ChatScreen({ children }) {
        const [height, setHeight] = useState(0);
        useEffect(() => {
          const sub = Keyboard.addListener("keyboardDidShow", (event) => setHeight(event.endCoordinates.height));
          console.debug(typeof sub);
        }, []);
        return <View style={{ paddingBottom: height }}>{children}</View>;
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: { from: "console.debug(typeof sub);", to: "return () => sub.remove();" },
  },
  {
    rule: "no-leaked-timer",
    name: "polling interval never cleared",
    code: code`
      import { useEffect, useState } from "react";
      import { Text } from "react-native";
      export function Balance({ fetchBalance }: { fetchBalance(): Promise<number> }) {
        const [balance, setBalance] = useState(0);
        useEffect(() => {
          const id = setInterval(() => fetchBalance().then(setBalance), 15_000);
          console.debug(typeof id);
        }, [fetchBalance]);
        return <Text>{balance}</Text>;
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 6 }],
    fixed: { from: "console.debug(typeof id);", to: "return () => clearInterval(id);" },
  },
  {
    rule: "no-leaked-timer",
    name: "timeout discarded in an effect: the suggestion keeps and clears it",
    code: code`
      import { useEffect, useState } from "react";
      import { Text } from "react-native";
      export function Snackbar({ message }: { message: string }) {
        const [visible, setVisible] = useState(true);
        useEffect(() => {
          setTimeout(() => setVisible(false), 2500);
        }, [message]);
        return visible ? <Text>{message}</Text> : null;
      }
    `,
    errors: [
      {
        messageId: "timerDiscarded",
        line: 6,
        suggestions: [
          {
            messageId: "storeAndClear",
            output: code`
              import { useEffect, useState } from "react";
              import { Text } from "react-native";
              export function Snackbar({ message }: { message: string }) {
                const [visible, setVisible] = useState(true);
                useEffect(() => {
                  const timer = setTimeout(() => setVisible(false), 2500);
                  return () => {
                    clearTimeout(timer);
                  };
                }, [message]);
                return visible ? <Text>{message}</Text> : null;
              }
            `,
          },
        ],
      },
    ],
    fixed: { from: "setTimeout(() => setVisible(false), 2500);", to: "const t = setTimeout(() => setVisible(false), 2500);\n    return () => clearTimeout(t);" },
    probable: true,
  },
  {
    rule: "no-leaked-timer",
    name: "AppState-driven polling: the interval is cleared on background but not at unmount (strict)",
    options: STRICT,
    code: code`
      import { useEffect } from "react";
      import { AppState } from "react-native";
      export function useForegroundPolling(refresh: () => void) {
        useEffect(() => {
          let id: ReturnType<typeof setInterval> | undefined;
          const sub = AppState.addEventListener("change", (state) => {
            clearInterval(id);
            if (state === "active") id = setInterval(refresh, 10_000);
          });
          return () => {
            sub.remove();
          };
        }, [refresh]);
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 8 }],
    fixed: { from: "      sub.remove();\n", to: "      sub.remove();\n      clearInterval(id);\n" },
  },
  {
    rule: "no-leaked-timer",
    name: "InteractionManager callback starts an interval whose handle is dropped",
    code: code`
      import { useEffect } from "react";
      import { InteractionManager } from "react-native";
      export function useBackgroundSync(sync: () => void) {
        useEffect(() => {
          const task = InteractionManager.runAfterInteractions(() => {
            setInterval(sync, 60_000);
          });
          return () => task.cancel();
        }, [sync]);
      }
    `,
    errors: [{ messageId: "timerDiscarded", line: 6 }],
    fixed: [
      { from: "const task = ", to: "let id: ReturnType<typeof setInterval> | undefined;\n    const task = " },
      { from: "setInterval(sync, 60_000);", to: "clearInterval(id);\n      id = setInterval(sync, 60_000);" },
      { from: "return () => task.cancel();", to: "return () => {\n      task.cancel();\n      clearInterval(id);\n    };" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "frame loop driving an animation never stops",
    code: code`
      import { useEffect } from "react";
      import { Animated } from "react-native";
      export function usePulse(value: Animated.Value) {
        useEffect(() => {
          const start = Date.now();
          const step = () => {
            value.setValue(Math.sin((Date.now() - start) / 300));
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }, [value]);
      }
    `,
    errors: [{ messageId: "loopNeverStopped", line: 8 }],
    fixed: [
      { from: "const start = Date.now();", to: "const start = Date.now();\n    let frame = 0;" },
      { from: "      requestAnimationFrame(step);", to: "      frame = requestAnimationFrame(step);" },
      { from: "    requestAnimationFrame(step);\n  }, [value]);", to: "    frame = requestAnimationFrame(step);\n    return () => cancelAnimationFrame(frame);\n  }, [value]);" },
    ],
  },
  {
    rule: "no-unclosed-resource",
    name: "WebSocket opened per symbol and never closed",
    code: code`
      import { useEffect, useState } from "react";
      import { Text } from "react-native";
      export function LiveTicker({ symbol }: { symbol: string }) {
        const [price, setPrice] = useState("-");
        useEffect(() => {
          const ws = new WebSocket(\`wss://quotes.example.com/\${symbol}\`);
          ws.onmessage = (event) => setPrice(String(event.data));
        }, [symbol]);
        return <Text>{price}</Text>;
      }
    `,
    errors: [{ messageId: "neverReleased", line: 6 }],
    fixed: { from: "ws.onmessage = (event) => setPrice(String(event.data));", to: "ws.onmessage = (event) => setPrice(String(event.data));\n    return () => ws.close();" },
  },
  {
    rule: "no-unclosed-resource",
    name: "handler set on a module-level socket and left in place at unmount",
    code: code`
      import { useEffect, useState } from "react";
      import { Text } from "react-native";
      const socket = new WebSocket("wss://chat.example.com");
      export function LastMessage() {
        const [last, setLast] = useState("");
        useEffect(() => {
          socket.onmessage = (event) => setLast(String(event.data));
        }, []);
        return <Text>{last}</Text>;
      }
    `,
    errors: [{ messageId: "handlerLeftInPlace", line: 7 }],
    fixed: { from: "socket.onmessage = (event) => setLast(String(event.data));", to: "socket.onmessage = (event) => setLast(String(event.data));\n    return () => {\n      socket.onmessage = null;\n    };" },
  },
  {
    rule: "no-leaked-subscription",
    name: "RxJS subscription discarded",
    code: code`
      import { useEffect, useState } from "react";
      import { FlatList, Text } from "react-native";
      import type { Observable } from "rxjs";
      export function Inbox({ messages$ }: { messages$: Observable<string[]> }) {
        const [messages, setMessages] = useState<string[]>([]);
        useEffect(() => {
          messages$.subscribe(setMessages);
        }, [messages$]);
        return <FlatList data={messages} renderItem={({ item }) => <Text>{item}</Text>} />;
      }
    `,
    errors: [{ messageId: "discarded", line: 7 }],
    fixed: { from: "messages$.subscribe(setMessages);", to: "const sub = messages$.subscribe(setMessages);\n    return () => sub.unsubscribe();" },
    probable: true,
  },
  {
    rule: "no-leaked-subscription",
    name: "the disposer a local helper returns is dropped by the effect",
    code: code`
      import { useEffect, useState } from "react";
      import { Dimensions } from "react-native";
      function watchOrientation(onChange: (portrait: boolean) => void) {
        const sub = Dimensions.addEventListener("change", ({ window }) => onChange(window.height > window.width));
        return () => sub.remove();
      }
      export function useIsPortrait() {
        const [portrait, setPortrait] = useState(true);
        useEffect(() => {
          watchOrientation(setPortrait);
        }, []);
        return portrait;
      }
    `,
    errors: [{ messageId: "discarded", line: 10 }],
    fixed: { from: "    watchOrientation(setPortrait);", to: "    return watchOrientation(setPortrait);" },
  },

  // ---------------------------------------------------------------------------
  // Owners: class components
  {
    rule: "no-leaked-event-listener",
    name: "class component: AppState listener added in componentDidMount, never removed",
    code: code`
      import { Component } from "react";
      import { AppState } from "react-native";
      export class SessionGuard extends Component<{ lock(): void }> {
        componentDidMount() {
          AppState.addEventListener("change", this.onChange);
        }
        componentWillUnmount() {
          console.debug("guard gone");
        }
        onChange = (state: string) => state === "background" && this.props.lock();
        render() {
          return null;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 5 }],
    fixed: [
      { from: 'AppState.addEventListener("change", this.onChange);', to: 'this.sub = AppState.addEventListener("change", this.onChange);' },
      { from: 'console.debug("guard gone");', to: "this.sub?.remove();" },
      { from: "  componentDidMount() {", to: "  sub?: { remove(): void };\n  componentDidMount() {" },
    ],
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: componentWillUnmount removes the Linking subscription but not the Keyboard one",
    code: code`
      import { Component } from "react";
      import { Keyboard, Linking, type EmitterSubscription } from "react-native";
      export class Composer extends Component<{ open(url: string): void }> {
        private urlSub?: EmitterSubscription;
        private showSub?: EmitterSubscription;
        componentDidMount() {
          this.urlSub = Linking.addEventListener("url", ({ url }) => this.props.open(url));
          this.showSub = Keyboard.addListener("keyboardDidShow", () => this.forceUpdate());
        }
        componentWillUnmount() {
          this.urlSub?.remove();
        }
        render() {
          return null;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 8 }],
    fixed: { from: "this.urlSub?.remove();", to: "this.urlSub?.remove();\n    this.showSub?.remove();" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: DeviceEventEmitter listener with no componentWillUnmount",
    code: code`
      import { Component } from "react";
      import { DeviceEventEmitter, Text } from "react-native";
      export class SyncBadge extends Component<{}, { pending: number }> {
        state = { pending: 0 };
        componentDidMount() {
          DeviceEventEmitter.addListener("syncQueueChanged", (event: { pending: number }) => this.setState(event));
        }
        render() {
          return <Text>{this.state.pending}</Text>;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
    fixed: [
      { from: "DeviceEventEmitter.addListener(", to: "this.sub = DeviceEventEmitter.addListener(" },
      { from: "  render() {", to: "  sub?: { remove(): void };\n  componentWillUnmount() {\n    this.sub?.remove();\n  }\n  render() {" },
    ],
  },
  {
    rule: "no-leaked-timer",
    name: "class component: interval started in componentDidMount, no componentWillUnmount",
    code: code`
      import { Component } from "react";
      import { Text } from "react-native";
      export class Stopwatch extends Component<{}, { elapsed: number }> {
        state = { elapsed: 0 };
        private timer?: ReturnType<typeof setInterval>;
        componentDidMount() {
          this.timer = setInterval(() => this.setState(({ elapsed }) => ({ elapsed: elapsed + 1 })), 1000);
        }
        render() {
          return <Text>{this.state.elapsed}s</Text>;
        }
      }
    `,
    errors: [{ messageId: "timerNeverCleared", line: 7 }],
    fixed: { from: "  render() {", to: "  componentWillUnmount() {\n    clearInterval(this.timer);\n  }\n  render() {" },
  },
  {
    rule: "no-leaked-timer",
    name: "class component: interval cleared on pause only, not in componentWillUnmount (strict)",
    options: STRICT,
    code: code`
      import { Component } from "react";
      import { Button } from "react-native";
      export class AutoRefresh extends Component<{ refresh(): void }> {
        private timer?: ReturnType<typeof setInterval>;
        componentDidMount() {
          this.timer = setInterval(this.props.refresh, 30_000);
        }
        pause = () => clearInterval(this.timer);
        componentWillUnmount() {
          console.debug("auto refresh gone");
        }
        render() {
          return <Button title="Pause" onPress={this.pause} />;
        }
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 6 }],
    fixed: { from: 'console.debug("auto refresh gone");', to: "clearInterval(this.timer);" },
  },
  {
    rule: "no-leaked-timer",
    name: "class component: polling restarted on foreground, but componentWillUnmount never stops it (strict)",
    options: STRICT,
    code: code`
      import { Component } from "react";
      import { AppState, type NativeEventSubscription } from "react-native";
      export class MailPoller extends Component<{ poll(): void }> {
        private appSub?: NativeEventSubscription;
        private timer?: ReturnType<typeof setInterval>;
        componentDidMount() {
          this.start();
          this.appSub = AppState.addEventListener("change", (state) => (state === "active" ? this.start() : this.stop()));
        }
        start() {
          this.stop();
          this.timer = setInterval(this.props.poll, 60_000);
        }
        stop() {
          clearInterval(this.timer);
        }
        componentWillUnmount() {
          this.appSub?.remove();
        }
        render() {
          return null;
        }
      }
    `,
    errors: [{ messageId: "timerNotClearedInTeardown", line: 12 }],
    fixed: { from: "    this.appSub?.remove();\n  }", to: "    this.appSub?.remove();\n    this.stop();\n  }" },
  },
  {
    rule: "no-leaked-event-listener",
    name: "class component: module-level NativeEventEmitter listener never removed",
    code: code`
      import { Component } from "react";
      import { NativeEventEmitter, NativeModules, Text } from "react-native";
      const bluetooth = new NativeEventEmitter(NativeModules.BleManager);
      export class DeviceList extends Component<{}, { devices: string[] }> {
        state = { devices: [] as string[] };
        componentDidMount() {
          bluetooth.addListener("deviceDiscovered", (device: { name: string }) =>
            this.setState(({ devices }) => ({ devices: [...devices, device.name] })),
          );
        }
        componentWillUnmount() {
          NativeModules.BleManager.stopScan();
        }
        render() {
          return <Text>{this.state.devices.join(", ")}</Text>;
        }
      }
    `,
    errors: [{ messageId: "listenerNeverRemoved", line: 7 }],
    fixed: [
      { from: "bluetooth.addListener(", to: "this.sub = bluetooth.addListener(" },
      { from: "NativeModules.BleManager.stopScan();", to: "NativeModules.BleManager.stopScan();\n    this.sub?.remove();" },
      { from: "  componentDidMount() {", to: "  sub?: { remove(): void };\n  componentDidMount() {" },
    ],
  },
  {
    rule: "no-unclosed-resource",
    name: "class component: reconnect replaces the socket without closing the old one",
    code: code`
      import { Component } from "react";
      export class Presence extends Component<{ url: string }> {
        private socket?: WebSocket;
        componentDidMount() {
          this.connect();
        }
        connect() {
          this.socket = new WebSocket(this.props.url);
          this.socket.onerror = () => setTimeout(() => this.connect(), 2000);
        }
        componentWillUnmount() {
          this.socket?.close();
        }
        render() {
          return null;
        }
      }
    `,
    errors: [{ messageId: "replacedWithoutRelease", line: 8 }],
    fixed: { from: "  connect() {\n", to: "  connect() {\n    this.socket?.close();\n" },
  },
];

runFrameworkCases(...withVariants(valid, invalid));
