"use client";

import { useDeleteProvider } from "@/components/data/use-delete-provider";
import { DeleteCard } from "@/components/settings/delete-card";
import type { ProviderDetail } from "@/lib/providers/provider-view";

function channelsNote(count: number): string {
  if (count === 0) return "The provider has no channels.";
  return count === 1
    ? "Its channel stops receiving webhooks at once."
    : `Its ${count} channels stop receiving webhooks at once.`;
}

/** For Admins: deletes the provider once its name is typed, then shows the provider list. */
export function DeleteProvider({ provider }: { provider: ProviderDetail }) {
  const remove = useDeleteProvider(provider.id);

  return (
    <DeleteCard
      label="Delete provider"
      question="Delete this provider?"
      name={provider.name}
      summary="Deletes the provider with its channels and everything they hold: webhooks, delivery history, statistics, access tokens, members, invitations and the audit log."
      remove={remove}
      leaveTo="/console"
    >
      {channelsNote(provider.channels.length)} Members lose access, pending invitation links stop
      working, and the audit log is deleted too. This cannot be undone.
    </DeleteCard>
  );
}
