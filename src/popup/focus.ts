import type { RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * Focus moves to a panel's heading when the panel opens (`open` turns true):
 * the button that opened it is gone, so keyboard and screen-reader users land
 * on what just appeared. Give the heading tabIndex -1 so it can take focus
 * without becoming a tab stop.
 */
export function useFocusWhenOpen<T extends HTMLElement>(open: boolean): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);
  return ref;
}
