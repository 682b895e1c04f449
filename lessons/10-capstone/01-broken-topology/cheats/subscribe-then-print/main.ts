import * as zmq from "zeromq";
import { collect } from "./collect.js";

// A small station: four channels, four bugs. The fixes are one line each.

// 1. Weather: the station publishes, the display shows everything.
// An XPUB is a PUB that also hands over subscriptions: the station publishes once a display has subscribed.
const weather = new zmq.XPublisher({ receiveTimeout: 1000 });
await weather.bind("tcp://127.0.0.1:5601");
const display = new zmq.Subscriber({ receiveTimeout: 300 });
display.subscribe();
display.connect("tcp://127.0.0.1:5601");

// 2. Jobs: the dispatcher hands jobs to the worker.
const worker = new zmq.Pull({ receiveTimeout: 300 });
await worker.bind("tcp://127.0.0.1:5602");
const dispatcher = new zmq.Push({ linger: 0 });
dispatcher.connect("tcp://127.0.0.1:5603");

// 3. Logs: every component sends its log lines to one sink.
const logSink = new zmq.Pull({ receiveTimeout: 300 });
await logSink.bind("tcp://127.0.0.1:5604");
const logSource = new zmq.Publisher();
logSource.connect("tcp://127.0.0.1:5604");

// 4. Alerts: the alarm raises alerts, the pager receives them.
const alarm = new zmq.Push({ linger: 0 });
alarm.connect("tcp://127.0.0.1:5605");
const pager = new zmq.Pull({ receiveTimeout: 300 });
pager.connect("tcp://127.0.0.1:5605");

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
console.log(counts[0], "\nworker: 3 message(s)\nlog sink: 3 message(s)\npager: 3 message(s)");

for (const socket of [weather, display, worker, dispatcher, logSink, logSource, alarm, pager]) socket.close();
