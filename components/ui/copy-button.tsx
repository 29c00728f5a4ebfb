"use client";

import { useState } from "react";
import { Button } from "./button";

/**
 * Copies `text` to the clipboard; says "Copied" after. When the browser refuses (no permission,
 * a non-secure origin), it says so, and the text stays on screen to copy by hand.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <Button
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState("copied");
          } catch {
            setState("failed");
          }
        }}
      >
        {state === "copied" ? "Copied" : label}
      </Button>
      {state === "failed" && (
        <span role="alert" className="text-xs text-danger">
          Could not copy; select the text and copy it by hand.
        </span>
      )}
    </>
  );
}
