import * as zmq from "zeromq";

const endpoint = "tcp://127.0.0.1:7001";

async function client(times: number): Promise<string[]> {
  const socket = new zmq.Request();
  try {
    socket.connect(endpoint);
    const replies: string[] = [];
    for (let i = 0; i < times; i++) {
      await socket.send("Hello");
      replies.push((await socket.receive()).toString());
    }
    return replies;
  } finally {
    socket.close();
  }
}

const server = new zmq.Reply();
try {
  await server.bind(endpoint);
  const serving = (async () => {
    for (let i = 0; i < 3; i++) {
      await server.receive();
      await server.send("World");
    }
  })();
  console.log(await client(3));
  await serving;
} finally {
  server.close();
}
