import * as zmq from "zeromq";
import { collect } from "./collect.js";

// A small station: four channels, each fixed with one line.

// 1. Weather: the station publishes, the display shows everything.
// An XPUB is a PUB that also hands over subscriptions: the station publishes once a display has subscribed.
const weather = new zmq.XPublisher({ receiveTimeout: 1000 });
await weather.bind("inproc://station-01");
const display = new zmq.Subscriber({ receiveTimeout: 300 });
display.connect("inproc://station-01");
display.subscribe(); // no argument: everything

// 2. Jobs: the dispatcher hands jobs to the worker.
const worker = new zmq.Pull({ receiveTimeout: 300 });
worker.connect("inproc://station-02");
const dispatcher = new zmq.Push({ linger: 0 });
await dispatcher.bind("inproc://station-02");

// 3. Logs: every component sends its log lines to one sink.
const logSink = new zmq.Pull({ receiveTimeout: 300 });
await logSink.bind("inproc://station-04");
const logSource = new zmq.Push({ linger: 0 });
logSource.connect("inproc://station-04");

// 4. Alerts: the alarm raises alerts, the pager receives them.
const alarm = new zmq.Push({ linger: 0 });
await alarm.bind("inproc://station-05");
const pager = new zmq.Pull({ receiveTimeout: 300 });
pager.connect("inproc://station-05");

try {
  await weather.receive(); // a display subscribed
} catch (err) {
  if ((err as { code?: string }).code !== "EAGAIN") throw err;
  console.log("weather: no display subscribed within 1 s");
}
for (let i = 1; i <= 3; i++) {
  await weather.send(`weather ${i}: 21 °C`);
  await dispatcher.send(`job ${i}`);
  await logSource.send(`log line ${i}`);
  await alarm.send(`alert ${i}`);
}

const counts = await Promise.all([collect("display", display), collect("worker", worker), collect("log sink", logSink), collect("pager", pager)]);
console.log(counts.join("\n"));

for (const socket of [weather, display, worker, dispatcher, logSink, logSource, alarm, pager]) socket.close();
