"use client";

import { type KeyboardEvent, useEffect, useRef, useState } from "react";

/**
 * The state of a value edited in place (a field with Save and Cancel in place of the value and
 * its Edit button). When the edit ends, saved or cancelled, focus goes back to the Edit button:
 * the field it was in is gone, and the browser would otherwise drop focus to the top of the
 * page. Escape in the form cancels, as in a dialog.
 */
export function useInlineEditing() {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return {
    editing,
    open: () => setEditing(true),
    close,
    /** For the Edit button. */
    editButton,
    /** For the form: Escape cancels the edit. */
    cancelOnEscape: (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      close();
    },
  };
}
