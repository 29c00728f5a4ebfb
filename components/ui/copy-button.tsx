"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./button";

/**
 * Copies `text` to the clipboard; says "Copied" after. When the browser refuses (no permission,
 * a non-secure origin), it says so, and the text stays on screen to copy by hand. `label` is the
 * button's text before copying ("Copy", in the page's language, when not given).
 */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useTranslations("ui");
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
        {state === "copied" ? t("copyButton.copied") : (label ?? t("copyButton.copy"))}
      </Button>
      {state === "failed" && (
        <span role="alert" className="text-xs text-danger">
          {t("copyButton.failed")}
        </span>
      )}
    </>
  );
}
