import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const subs = trace.sockets("SUB");
  const topics = new Set(subs.flatMap((s) => s.received.map((m) => m.texts[0] ?? "")));
  const multipart = subs.flatMap((s) => s.received).every((m) => m.frames.length === 2);
  expect("SUB is connected to PUB", trace.linked("PUB", "SUB"), "Connect the Subscriber to the Publisher's endpoint.");
  expect("News arrives", topics.has("news.sports") && topics.has("news.weather"),
    "No news.* topic arrived. A subscription is a plain prefix: `*` is not a wildcard. Subscribe to \"news.\".");
  expect("Alerts arrive", topics.has("alerts"), "The alerts topic did not arrive; subscribe to \"alerts\" as well.");
  expect("Nothing else arrives", !topics.has("weather.ticker"), "weather.ticker arrived too: subscribe to the prefixes you want, not to everything.");
  expect("Messages are [topic, data]", multipart, "Every message should have two frames: the topic, then the data.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
