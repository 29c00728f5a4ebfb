"use client";

import { useTranslations } from "next-intl";
import { useVerifyWebhook } from "@/components/data/use-verify-webhook";
import { Button } from "@/components/ui/button";

/**
 * The Verify button next to the webhook URL: sends a verification webhook (never counted in
 * error statistics) and shows "Success" or LINE's reason and detail. Off for a Viewer: verifying
 * needs the "configure" permission, as it makes the console send a request.
 */
export function VerifyWebhook({ channelId, disabled }: { channelId: string; disabled: boolean }) {
  const verify = useVerifyWebhook(channelId);
  const result = verify.data;
  const t = useTranslations("channels.verify");
  return (
    <>
      {/* Not disabled while verifying: a disabled button loses focus, which then falls to the
          top of the page. It ignores clicks meanwhile, and says so. */}
      <Button
        onClick={() => verify.isPending || verify.mutate()}
        disabled={disabled}
        aria-disabled={verify.isPending || undefined}
      >
        {verify.isPending ? t("verifying") : t("verify")}
      </Button>
      <output aria-live="polite" className="basis-full text-sm">
        {verify.error && <span className="text-danger">{verify.error.message}</span>}
        {result?.success && (
          <span className="font-medium text-line-green-dark">
            {t("success", { status: String(result.statusCode) })}
          </span>
        )}
        {result && !result.success && (
          <span className="text-danger">
            {t.rich("error", {
              reason: result.reason,
              detail: result.detail,
              code: (chunks) => <span className="font-mono">{chunks}</span>,
            })}
            {/* The status, unless the detail already is it (error_status_code's is). */}
            {result.statusCode > 0 &&
              result.detail !== String(result.statusCode) &&
              ` · HTTP ${result.statusCode}`}
          </span>
        )}
      </output>
    </>
  );
}
