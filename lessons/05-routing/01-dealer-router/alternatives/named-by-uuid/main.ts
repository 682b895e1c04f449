import * as zmq from "zeromq";

const server = new zmq.Router();
await server.bind("inproc://jobs");
const serving = (async () => {
  for await (const [identity, job] of server) await server.send([identity, `${job} -> ${job.toString().toUpperCase()}`]);
})();

async function client() {
  const dealer = new zmq.Dealer();
  dealer.connect("inproc://jobs");
  for (const job of ["wash", "dry", "fold"]) await dealer.send(job);
  for (let i = 0; i < 3; i++) console.log((await dealer.receive()).toString());
  dealer.close();
}
await Promise.all([client(), client()]);
server.close();
await serving;
