import { bodyTexts, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const lives = trace.sockets("ROUTER").filter((s) => s.binds.length > 0);
  const clients = trace.sockets("DEALER").filter((s) => s.connects.some((e) => e.startsWith("tcp://") || e.startsWith("ipc://")));
  expect("The client connects over tcp", clients.length > 0, "Connect the DEALER client to the tcp endpoint; Observer events exist for tcp and ipc only.");
  expect("The server lives twice", lives.length >= 2, "Keep both lives of the server: bind, serve, close, then bind again.");
  // The same client socket must register with both lives: one connection, re-greeted on every handshake.
  const greeted = (life: (typeof lives)[number] | undefined) => new Set(life ? receivedFrom([life], clients).filter((m) => (bodyTexts(m)[0] ?? "").startsWith("hello")).map((m) => m.from) : []);
  const [first, second] = [greeted(lives[0]), greeted(lives[1])];
  expect("The first life hears the hello", first.size > 0, "The server's first life received no hello from the client.");
  expect("The restarted server hears it too", [...first].some((c) => second.has(c)),
    second.size > 0 ? "The restarted server heard a hello, but from another socket than the first life did. Keep one client and repeat its hello on every handshake."
      : "The restarted server never heard from the client. Send the hello in the Observer's handshake listener, so it is repeated on every reconnection.",
    "Both lives of the server know the client.");
  expectFinished(trace, expect);
});
