import { bodyTexts, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const subs = trace.sockets("SUB");
  const published = receivedFrom(subs, trace.sockets("PUB", "XPUB"));
  const topics = new Set(published.map((m) => bodyTexts(m)[0] ?? ""));
  expect("SUB is connected to PUB", trace.linked("PUB", "SUB"), "Connect the Subscriber to the Publisher's endpoint.");
  expect("News arrives", topics.has("news.sports") && topics.has("news.weather"),
    "No news.* topic arrived from the publisher. A subscription is a plain prefix: `*` is not a wildcard. Subscribe to \"news.\".");
  expect("Alerts arrive", topics.has("alerts"), "The alerts topic did not arrive from the publisher; subscribe to \"alerts\" as well.");
  // The subscriptions themselves, as the SUB sockets made them: a prefix that also matches weather.ticker lets it in.
  const prefixes = trace.events.flatMap((e) => (e.type === "socket/option" && e.name === "subscribe" && subs.some((sub) => sub.id === e.socket)
    ? (Array.isArray(e.value) ? e.value.map(String) : [String(e.value)]) : []));
  const tooWide = prefixes.filter((p) => "weather.ticker".startsWith(p));
  expect("Nothing else arrives", !topics.has("weather.ticker") && tooWide.length === 0,
    `${tooWide.length > 0 ? `The subscription "${tooWide[0]}" also matches weather.ticker` : "weather.ticker arrived too"}: subscribe to the prefixes you want, not to everything and filter afterwards.`);
  expect("Messages are [topic, data]", published.length > 0 && published.every((m) => m.frames.length === 2), "Every message should have two frames: the topic, then the data.");
  expectFinished(trace, expect);
});
