import * as zmq from "zeromq";

const publisher = new zmq.Publisher();
await publisher.bind("tcp://*:7010");
const dashboard = new zmq.Subscriber();
dashboard.connect("tcp://localhost:7010");
for (const topic of ["news.sports", "news.weather", "alerts"]) dashboard.subscribe(topic);

const seen = new Set<string>();
const watching = (async () => {
  while (seen.size < 3) {
    const [topic, data] = await dashboard.receive();
    seen.add(topic.toString());
    console.log(`[${topic}] ${data}`);
  }
})();
let round = 0;
while (seen.size < 3) {
  round++;
  for (const topic of ["news.sports", "news.weather", "alerts", "weather.ticker"]) await publisher.send([topic, `update ${round}`]);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await watching;
dashboard.close();
publisher.close();
