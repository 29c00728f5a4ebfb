"use client";

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
  return (
    <>
      <Button onClick={() => verify.mutate()} disabled={disabled || verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify"}
      </Button>
      <output aria-live="polite" className="basis-full text-sm">
        {verify.error && <span className="text-danger">{verify.error.message}</span>}
        {result?.success && (
          <span className="font-medium text-line-green-dark">Success ({result.statusCode})</span>
        )}
        {result && !result.success && (
          <span className="text-danger">
            Error: <span className="font-mono">{result.reason}</span> · {result.detail}
            {result.statusCode > 0 && ` · HTTP ${result.statusCode}`}
          </span>
        )}
      </output>
    </>
  );
}
