import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const lives = trace.sockets("ROUTER").filter((s) => s.binds.length > 0);
  const [client] = trace.sockets("DEALER");
  expect("The client connects over tcp", Boolean(client?.connects.some((e) => e.startsWith("tcp://"))), "Connect the DEALER client to the tcp endpoint; Observer events exist for tcp and ipc only.");
  expect("The server lives twice", lives.length >= 2, "Keep both lives of the server: bind, serve, close, then bind again.");
  const greeted = lives.map((s) => s.received.filter((m) => m.texts[0] === "client-7" && (m.texts[1] ?? "").startsWith("hello")).length);
  expect("The first life hears the hello", (greeted[0] ?? 0) >= 1, "The server's first life received no hello from client-7.");
  expect("The restarted server hears it too", (greeted[1] ?? 0) >= 1,
    "The restarted server never heard from client-7. Send the hello in the Observer's handshake listener, so it is repeated on every reconnection.",
    "Both lives of the server know client-7.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
