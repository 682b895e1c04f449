import * as zmq from "zeromq";
import { parentPort } from "node:worker_threads";

const decoy = new zmq.Pair();
decoy.close();
parentPort!.postMessage("ready");
