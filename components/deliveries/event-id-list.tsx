/**
 * webhookEventIds, each whole on its line: a list breaks between ids, never inside one (an id cut
 * in two cannot be read back or searched for).
 */
export function EventIdList({ ids }: { ids: readonly string[] }) {
  return (
    <span translate="no" className="font-mono text-xs">
      {ids.map((id, index) => (
        <span key={id} className="whitespace-nowrap">
          {id}
          {index < ids.length - 1 ? ", " : ""}
        </span>
      ))}
    </span>
  );
}
