// Hello World client: connects REQ to localhost, sends "Hello" ten times and waits for each "World".
const zmq = require("zeromq");
const serve = require("./server");

async function client() {
  const requester = new zmq.Request();
  requester.connect("tcp://localhost:27010");
  for (let i = 0; i < 10; i++) {
    await requester.send("Hello");
    const [reply] = await requester.receive();
    console.log(`Received reply ${i}: [${reply}]`);
  }
  requester.close();
}

Promise.all([serve("tcp://*:27010", 10), client()]).then(() => console.log("done"));
