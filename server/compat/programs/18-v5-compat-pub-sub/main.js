// The v5 API's publish-subscribe: an XPUB learns of the subscription as a message, then publishes two topics.
const zmq = require("zeromq/v5-compat");

const publisher = zmq.socket("xpub");
const subscriber = zmq.socket("sub");
const received = [];

publisher.bind("tcp://127.0.0.1:27180", (err) => {
  if (err) throw err;
  subscriber.connect("tcp://127.0.0.1:27180");
  subscriber.subscribe("news");
});

publisher.on("message", () => {
  for (let i = 0; i < 3; i++) {
    publisher.send(["sports", `score ${i}`]);
    publisher.send(["news", `headline ${i}`]);
  }
});

subscriber.on("message", (topic, body) => {
  received.push(`${topic}: ${body}`);
  if (received.length === 3) {
    console.log(received.join("\n"));
    // The publisher first: a subscriber that goes away sends it an unsubscription it would otherwise read.
    publisher.close();
    subscriber.close();
  }
});
