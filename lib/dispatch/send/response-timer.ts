import { SenderCodes } from "./classify-error";
import { codedError } from "./coded-error";

/**
 * LINE's time limit for an exchange: `start()` (again) on the request's last byte written, so the
 * answer gets the whole `timeoutMs`; until then the same limit bounds writing the request. On
 * running out it calls `onTimeout` with the error the classifier reads as `request_timeout`.
 */
export function responseTimer(timeoutMs: number, onTimeout: (error: Error) => void) {
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          onTimeout(
            codedError(SenderCodes.requestTimeout, `no complete response within ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
