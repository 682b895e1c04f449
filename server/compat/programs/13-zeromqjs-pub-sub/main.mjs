// zeromq.js's pub-sub example shape: topic and body frames, the subscriber filtering on "kitty cats".
import { Subscriber, XPublisher } from "zeromq";

const pub = new XPublisher();
await pub.bind("tcp://127.0.0.1:27130");
const sub = new Subscriber();
sub.connect("tcp://127.0.0.1:27130");
sub.subscribe("kitty cats");
const [subscription] = await pub.receive();
console.log(`subscription: ${subscription.subarray(1)}`);

const listening = (async () => {
  for await (const [topic, msg] of sub) {
    console.log(`received a message related to: ${topic} containing message: ${msg}`);
    if (String(msg) === "meow 3") return;
  }
})();
for (let i = 0; i < 4; i++) {
  await pub.send(["dogs", `woof ${i}`]);
  await pub.send(["kitty cats", `meow ${i}`]);
}
await listening;
pub.close();
sub.close();
