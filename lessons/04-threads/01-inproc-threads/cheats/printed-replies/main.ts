import * as zmq from "zeromq";
import { Worker } from "node:worker_threads";

const pipe = new zmq.Pair();
await pipe.bind("inproc://jobs");
const worker = new Worker(new URL("./worker.js", import.meta.url));
const finished = new Promise((resolve) => worker.once("exit", resolve));
for (const word of ["hello", "from", "main"]) console.log("main got", word.toUpperCase());
pipe.close();
await finished;
