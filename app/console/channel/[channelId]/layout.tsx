import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ChannelTabs } from "@/components/channels/channel-tabs";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { loadChannel } from "@/lib/http/page-data";
import { isOperational } from "@/lib/shared/channel-kinds";

type Props = { children: ReactNode; params: Promise<{ channelId: string }> };

export default async function ChannelLayout({ children, params }: Props) {
  const { channelId } = await params;
  const { channel, provider } = await loadChannel(channelId);
  const t = await getTranslations("pages.channel");
  return (
    <>
      <Breadcrumb
        items={[
          { label: provider.name, href: `/console/provider/${provider.id}` },
          { label: channel.name },
        ]}
      />
      <div className="mb-6 flex items-center gap-3">
        <span
          aria-hidden
          className="grid size-12 place-items-center rounded-full bg-line-green-dark text-lg font-bold text-white"
        >
          {channel.name.slice(0, 1).toUpperCase()}
        </span>
        <div>
          <h1 className="text-2xl font-semibold">{channel.name}</h1>
          <p className="text-sm text-muted">
            {t(isOperational(channel.kind) ? "subtitleOperational" : "subtitle", {
              id: channel.id,
            })}
          </p>
        </div>
      </div>
      <ChannelTabs channelId={channel.id} kind={channel.kind} />
      <div className="mt-6">{children}</div>
    </>
  );
}
