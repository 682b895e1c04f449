import * as zmq from "zeromq";

const publisher = new zmq.Publisher();
await publisher.bind("tcp://127.0.0.1:5556");

// The timeout only ends a run in which nothing arrives.
const dashboard = new zmq.Subscriber({ receiveTimeout: 3000 });
dashboard.connect("tcp://127.0.0.1:5556");
dashboard.subscribe("news.", "alerts");

const topics = ["news.sports", "news.weather", "alerts", "weather.ticker"];
const wanted = new Set(["news.sports", "news.weather", "alerts"]);

// Publish rounds until the dashboard has seen every topic it wants: a subscriber that joins late misses the
// first ones (next lesson), and publishing never waits for it.
let done = false;
async function publish() {
  for (let round = 1; !done; round++) {
    for (const topic of topics) await publisher.send([topic, `update ${round} on ${topic}`]);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function watch() {
  const seen = new Set<string>();
  try {
    while ([...wanted].some((t) => !seen.has(t))) {
      const [topic, data] = await dashboard.receive();
      seen.add(topic.toString());
      console.log(`[${topic}] ${data}`);
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log("dashboard: nothing for 3 s");
  } finally {
    done = true;
  }
}

await Promise.all([publish(), watch()]);
dashboard.close();
publisher.close();
