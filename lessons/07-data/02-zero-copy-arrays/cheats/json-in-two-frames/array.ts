import type * as zmq from "zeromq";

export interface Header {
  dtype: "float64";
  shape: number[];
}

/** Sends a matrix of doubles. */
export async function sendArray(socket: zmq.Push, array: Float64Array, shape: number[]): Promise<void> {
  // TODO: send two frames, a JSON header and the array itself, instead of one JSON text.
  await socket.send([JSON.stringify({ dtype: "float64", shape }), JSON.stringify(Array.from(array))]);
}

/** Receives a matrix sent by sendArray. */
export async function receiveArray(socket: zmq.Pull): Promise<{ header: Header; array: Float64Array }> {
  const [frame] = await socket.receive();
  const { dtype, shape, data } = JSON.parse(frame.toString()) as Header & { data: number[] };
  return { header: { dtype, shape }, array: Float64Array.from(data) };
}
