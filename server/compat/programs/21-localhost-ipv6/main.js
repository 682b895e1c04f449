// Loopback by name and over IPv6: tcp://localhost and tcp://[::1] (with ipv6 on), ESM found by its syntax.
import { Pair } from "zeromq";

async function roundTrip(bindAt, connectTo, options) {
  const a = new Pair(options);
  await a.bind(bindAt);
  const b = new Pair(options);
  b.connect(connectTo);
  await b.send(`ping via ${connectTo}`);
  const [ping] = await a.receive();
  await a.send(`pong for ${ping}`);
  const [pong] = await b.receive();
  a.close();
  b.close();
  return String(pong);
}

console.log(await roundTrip("tcp://127.0.0.1:27210", "tcp://localhost:27210", {}));
console.log(await roundTrip("tcp://[::1]:27211", "tcp://[::1]:27211", { ipv6: true }));
console.log(await roundTrip("tcp://*:27212", "tcp://localhost:27212", { ipv6: true }));
