import * as zmq from "zeromq";

const decoy = new zmq.Pair();
decoy.close();
