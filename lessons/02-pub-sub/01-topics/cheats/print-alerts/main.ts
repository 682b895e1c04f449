import * as zmq from "zeromq";

const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5556");

const dashboard = new zmq.Subscriber({ receiveTimeout: 300 });
dashboard.connect("tcp://127.0.0.1:5556");
dashboard.subscribe("news.");
console.log("[alerts] update 1 on alerts");

const topics = ["news.sports", "news.weather", "alerts", "weather.ticker"];

// Publish a few rounds: a subscriber that joins late misses the first ones (next lesson).
async function publish() {
  for (let round = 1; round <= 8; round++) {
    for (const topic of topics) await publisher.send([topic, `update ${round} on ${topic}`]);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function watch() {
  try {
    for (;;) {
      const [topic, data] = await dashboard.receive();
      console.log(`[${topic}] ${data}`);
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log("dashboard: nothing more for 300 ms");
  }
}

await Promise.all([publish(), watch()]);
dashboard.close();
publisher.close();
