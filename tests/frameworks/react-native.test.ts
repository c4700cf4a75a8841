/** React Native: AppState / Dimensions / Keyboard / BackHandler listeners return a subscription to `.remove()`. */
import { type FrameworkCase, code, runFrameworkCases } from "./harness.js";

const valid: FrameworkCase[] = [
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
  },
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
  },
];

const invalid: FrameworkCase[] = [
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
  },
  {
    rule: "no-leaked-event-listener",
    name: "BackHandler subscription removed only when the user presses a button",
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
    errors: [{ messageId: "listenerNeverRemoved", line: 6 }],
  },
];

runFrameworkCases(valid, invalid);
