"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A box that scrolls sideways when its content is wider than the screen (a table on a phone),
 * with a shadow at each edge that has more beyond it. While it does scroll, it is a named region
 * in the tab order, so a keyboard can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable);
 * while everything fits, it is a plain box and adds no tab stop.
 */
export function HorizontalScroll({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className={`scroll-shadows overflow-x-auto ${className}`}
      {...(scrolls ? { tabIndex: 0, role: "region", "aria-label": label, "data-scrolls": "" } : {})}
    >
      {children}
    </div>
  );
}
