// `npm run traffic -- --mix message=5,message:image=1,follow=1,postback=2`: which events the
// traffic command sends, by weight. Pure, for its unit test.
import {
  EVENT_EXAMPLES,
  EVENT_TYPES,
  type EventType,
  MESSAGE_EXAMPLES,
  MESSAGE_TYPES,
  type MessageType,
} from "./event-catalogue";

export interface MixEntry {
  type: EventType;
  /** For `message`: which message type (text by default). */
  messageType: MessageType;
  weight: number;
}

/**
 * Reads `type[:messageType]=weight,…` (weights whole numbers from 1 to 1000); throws an Error
 * naming the part it cannot read.
 */
export function parseMix(text: string): MixEntry[] {
  const entries = text.split(",").map((part) => {
    const match = /^([A-Za-z]+)(?::([a-z]+))?=(\d+)$/.exec(part.trim());
    if (!match) throw new Error(`"${part}" is not type[:messageType]=weight`);
    const [, type = "", messageType = "text", weight = ""] = match;
    if (!(EVENT_TYPES as readonly string[]).includes(type)) {
      throw new Error(`"${type}" is not one of LINE's event types: ${EVENT_TYPES.join(", ")}`);
    }
    if (!(MESSAGE_TYPES as readonly string[]).includes(messageType)) {
      throw new Error(`"${messageType}" is not a message type: ${MESSAGE_TYPES.join(", ")}`);
    }
    if (messageType !== "text" && type !== "message") {
      throw new Error(`"${part}": only message takes a message type`);
    }
    const value = Number(weight);
    if (value < 1 || value > 1000) throw new Error(`"${part}": the weight must be 1 to 1000`);
    return { type: type as EventType, messageType: messageType as MessageType, weight: value };
  });
  if (entries.length === 0) throw new Error("the mix is empty");
  return entries;
}

/**
 * The event of the `sequence`-th send (from 1): the mix's types in proportion to their weights,
 * spread through the run (a fixed stride through the weights, not runs of one type); a text
 * message says `text #sequence`, so each can be found.
 */
export function mixedEvent(mix: readonly MixEntry[], sequence: number, text: string) {
  const total = mix.reduce((sum, entry) => sum + entry.weight, 0);
  // A prime stride visits every slot once per `total` sends (unless the total is a multiple of
  // it), so the types interleave instead of coming in runs.
  const slot = (sequence * 7919) % total;
  let below = 0;
  const entry = mix.find((candidate) => {
    below += candidate.weight;
    return slot < below;
  });
  if (!entry) throw new Error("the mix is empty");
  if (entry.type !== "message") return { ...EVENT_EXAMPLES[entry.type] };
  const message =
    entry.messageType === "text"
      ? { type: "text", text: `${text} #${sequence}` }
      : MESSAGE_EXAMPLES[entry.messageType];
  return { type: "message", message };
}
