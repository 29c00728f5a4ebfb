"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";

/**
 * The signed-in operator's email and Sign out behind one button, for screens too narrow to show
 * them in the header (below Tailwind's `sm`; the header shows them inline from there). A
 * disclosure, not an ARIA menu: its content is a link and a button, reached with Tab. Escape or
 * a click elsewhere closes it, and Escape gives focus back to the button.
 */
export function AccountMenu({ email }: { email: string }) {
  const t = useTranslations("layout");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", closeOutside);
    return () => document.removeEventListener("mousedown", closeOutside);
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere inside the disclosure closes it.
    <div ref={root} className="relative sm:hidden" onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="rounded-md border border-line px-2 py-1 text-sm whitespace-nowrap text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-line-green"
      >
        {t("accountMenu")}
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute right-0 top-full z-20 mt-2 grid w-64 max-w-[calc(100vw-2rem)] gap-3 rounded-md border border-line bg-white p-3 shadow-lg"
        >
          <Link
            href="/account"
            title={t("accountLinkTitle")}
            onClick={() => setOpen(false)}
            className="text-sm break-all text-muted hover:text-ink hover:underline"
          >
            {email}
          </Link>
          <SignOutButton />
        </div>
      )}
    </div>
  );
}
