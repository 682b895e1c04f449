// zeromq.js's v5-compat example shape: the old callback API, sockets by type name and "message" events.
const zmq = require("zeromq/v5-compat");

const responder = zmq.socket("rep");
responder.on("message", (request) => {
  console.log(`Received request: [${request}]`);
  responder.send(`World ${request}`);
});
responder.bindSync("tcp://127.0.0.1:27170");

const requester = zmq.socket("req");
let replies = 0;
requester.on("message", (reply) => {
  console.log(`Received reply ${replies}: [${reply}]`);
  replies++;
  if (replies === 5) {
    requester.close();
    responder.close();
  } else {
    requester.send(`Hello ${replies}`);
  }
});
requester.connect("tcp://127.0.0.1:27170");
requester.send("Hello 0");
