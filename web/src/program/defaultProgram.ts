import type { ProgramFiles } from "../../../protocol/files.js";

/** The program a first visit opens: the ZeroMQ guide's hello world, both ends in one file. */
export const DEFAULT_MAIN = `import * as zmq from "zeromq";

// Server: a Reply socket answers each request.
const rep = new zmq.Reply();
await rep.bind("tcp://127.0.0.1:5555");

// Client: a Request socket asks and waits.
const req = new zmq.Request();
req.connect("tcp://127.0.0.1:5555");

async function serve() {
  for (let i = 0; i < 3; i++) {
    const [msg] = await rep.receive();
    console.log("Server received:", msg.toString());
    await rep.send("World");
  }
}

async function ask() {
  for (let i = 0; i < 3; i++) {
    await req.send("Hello");
    const [reply] = await req.receive();
    console.log(\`Reply \${i + 1}: \${reply.toString()}\`);
  }
}

await Promise.all([serve(), ask()]);
req.close();
rep.close();
`;

export function defaultFiles(): ProgramFiles {
  return { "main.ts": DEFAULT_MAIN };
}
