// Hello World server: binds REP, expects "Hello", replies with "World".
const zmq = require("zeromq");

module.exports = async function serve(endpoint, requests) {
  const responder = new zmq.Reply();
  await responder.bind(endpoint);
  for (let i = 0; i < requests; i++) {
    const [request] = await responder.receive();
    console.log(`Received request: [${request}]`);
    await responder.send("World");
  }
  responder.close();
};
