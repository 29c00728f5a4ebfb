import { Button } from "./button";

/** Previous / Next with "Page X of Y"; pages count from 1. */
export function Pagination({
  page,
  pageCount,
  onPage,
  label = "Pagination",
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  label?: string;
}) {
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-3 text-sm">
      <Button disabled={page <= 1} onClick={() => onPage(Math.min(page - 1, pageCount))}>
        Previous
      </Button>
      <span aria-live="polite" className="text-muted">
        Page {page} of {pageCount}
      </span>
      <Button disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
