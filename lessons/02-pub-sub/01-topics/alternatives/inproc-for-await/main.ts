import * as zmq from "zeromq";

const publisher = new zmq.Publisher();
await publisher.bind("inproc://news");
const dashboard = new zmq.Subscriber();
dashboard.connect("inproc://news");
dashboard.subscribe("news.");
dashboard.subscribe("alerts");

const watching = (async () => {
  for await (const [topic, data] of dashboard) console.log(`[${topic}] ${data}`);
})();
for (let round = 1; round <= 8; round++) {
  for (const topic of ["news.sports", "news.weather", "alerts", "weather.ticker"]) await publisher.send([topic, `update ${round}`]);
  await new Promise((resolve) => setTimeout(resolve, 25));
}
dashboard.close();
await watching;
publisher.close();
