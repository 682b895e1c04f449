import * as zmq from "zeromq";

const TICKS = 500;
// At most 20 messages queued on each side; inproc has no kernel buffers, so these two marks are the whole queue.
const publisher = new zmq.Publisher();
await publisher.bind("inproc://ticks");
const subscriber = new zmq.Subscriber({ receiveHighWaterMark: 20, receiveTimeout: 300 });
subscriber.connect("inproc://ticks");
subscriber.subscribe("tick");

// A fast producer: the whole burst at once, while the subscriber is busy elsewhere. A PUB never waits: at the
// high-water mark it drops.
for (let i = 1; i <= TICKS; i++) await publisher.send(["tick", String(i)]);

// Now the subscriber reads what was kept for it, and notices every missing sequence number.
let expected = 1;
let received = 0;
let missed = 0;
try {
  for (;;) {
    const [, n] = await subscriber.receive();
    const seq = Number(n.toString());
    missed += seq - expected;
    expected = seq + 1;
    received++;
  }
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err; // the queue is empty: everything kept was read
}
console.log(`received ${received} of ${TICKS}; ${missed} missing between them, the rest after the last one kept`);
subscriber.close();
publisher.close();
