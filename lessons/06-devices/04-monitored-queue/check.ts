import { count, defineCheck, expectFinished, expectRelay, frameText, receivedFrom, type MessageView, type SocketView } from "../../../server/lessons/check-kit.js";

const last = (m: MessageView) => frameText(m.frames[m.frames.length - 1]);

export default defineCheck((trace, expect) => {
  const ins = trace.sockets("ROUTER").filter((s) => s.binds.length > 0);
  const outs = trace.sockets("DEALER").filter((s) => s.binds.length > 0);
  const monitors = trace.sockets("PUB").filter((s) => s.binds.length > 0);
  expect("A queue with a monitor socket", ins.length > 0 && outs.length > 0 && monitors.length > 0, "Keep the ROUTER frontend, the DEALER backend and the PUB monitor.");
  expect("The hub listens to the monitor", trace.linked("PUB", "SUB"), "Connect the hub's SUB to the monitor's endpoint.");
  expectRelay(expect, "Requests go through the queue", ins, outs, 6, "Forward what the ROUTER receives to the DEALER.");
  expectRelay(expect, "Replies come back through the queue", outs, ins, 6, "Forward what the DEALER receives back to the ROUTER.");
  const copies = monitors.flatMap((s) => s.sent);
  const copied = (prefix: string, side: SocketView[], noun: string) => {
    const moved = side.flatMap((s) => s.received).map(last);
    const tagged = copies.filter((m) => frameText(m.frames[0]) === prefix);
    const wrong = tagged.filter((m) => !moved.includes(last(m)));
    const missing = moved.filter((text) => !tagged.some((m) => last(m) === text));
    expect(`${noun[0].toUpperCase()}${noun.slice(1)} are copied to the monitor as "${prefix}"`, moved.length >= 6 && wrong.length === 0 && missing.length === 0,
      wrong.length > 0 ? `The monitor sent "${prefix}" copies of messages the queue never moved (e.g. "${last(wrong[0])}"). Copy each message as it passes: [prefix, ...message].`
        : `${count(missing.length, noun.slice(0, -1))} moved by the queue had no copy starting with "${prefix}" on the monitor (e.g. "${missing[0] ?? "-"}").`,
      `Each of the ${moved.length} ${noun} was copied as "${prefix}".`);
  };
  copied("in", ins, "requests");
  copied("out", outs, "replies");
  const heard = receivedFrom(trace.sockets("SUB"), monitors).length;
  expect("The hub saw the whole conversation", heard >= 12, `The hub received ${heard} of the 12 copies from the monitor.`, "12 copies seen by the hub.");
  expectFinished(trace, expect);
});
