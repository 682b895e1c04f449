import * as zmq from "zeromq";
import { forwarder } from "./device.js";

const frontend = new zmq.XSubscriber();
const backend = new zmq.XPublisher();
await frontend.bind("tcp://127.0.0.1:5561");
await backend.bind("tcp://127.0.0.1:5562");
const device = forwarder(frontend, backend);

// Sensors publish until the dashboard has what it came for (a subscription takes a moment to travel upstream).
let done = false;
async function sensor(room: string) {
  const socket = new zmq.Publisher();
  socket.connect("tcp://127.0.0.1:5561");
  while (!done) {
    await socket.send([`temperature.${room}`, (20 + Math.random() * 2).toFixed(1)]);
    await socket.send([`humidity.${room}`, (40 + Math.random() * 5).toFixed(0)]);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  socket.close();
}

// The timeout only ends a run in which no reading ever arrives.
const dashboard = new zmq.Subscriber({ receiveTimeout: 3000 });
dashboard.connect("tcp://127.0.0.1:5562");
dashboard.subscribe("temperature.");

async function watch() {
  let readings = 0;
  try {
    while (readings < 10) {
      const [topic, value] = await dashboard.receive();
      console.log(`${topic} = ${value}`);
      readings++;
    }
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log(`dashboard: ${readings} readings, then nothing for 3 s`);
  } finally {
    done = true;
  }
}

await Promise.all([sensor("kitchen"), sensor("attic"), watch()]);
dashboard.close();
frontend.close();
backend.close();
await device;
