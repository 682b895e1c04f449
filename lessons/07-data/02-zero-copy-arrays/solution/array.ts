import type * as zmq from "zeromq";

export interface Header {
  dtype: "float64";
  shape: number[];
}

/** Sends a matrix of doubles as [JSON header, raw bytes]; the array is handed to ZeroMQ, not copied. */
export async function sendArray(socket: zmq.Push, array: Float64Array, shape: number[]): Promise<void> {
  const header: Header = { dtype: "float64", shape };
  await socket.send([JSON.stringify(header), array]);
}

/** Receives a matrix sent by sendArray, as a view on the received bytes. */
export async function receiveArray(socket: zmq.Pull): Promise<{ header: Header; array: Float64Array }> {
  const [head, body] = await socket.receive();
  const header = JSON.parse(head.toString()) as Header;
  return { header, array: new Float64Array(body.buffer, body.byteOffset, body.byteLength / 8) };
}
