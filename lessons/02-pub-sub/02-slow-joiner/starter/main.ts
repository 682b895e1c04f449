import * as zmq from "zeromq";

const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5556");

async function publish() {
  for (let i = 1; i <= 5; i++) {
    await publisher.send(["reading", String(i)]);
  }
}

async function listen() {
  // The subscriber starts a little later, as a separate program would.
  await new Promise((resolve) => setTimeout(resolve, 50));
  // The timeout only ends a run whose readings were all lost.
  const subscriber = new zmq.Subscriber({ receiveTimeout: 3000 });
  subscriber.connect("tcp://127.0.0.1:5556");
  subscriber.subscribe("reading");

  let received = 0;
  try {
    while (received < 5) {
      const [, value] = await subscriber.receive();
      console.log("got reading", value.toString());
      received++;
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log(`received ${received} of 5 readings`);
  }
  subscriber.close();
}

await Promise.all([publish(), listen()]);
publisher.close();
