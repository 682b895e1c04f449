import type * as zmq from "zeromq";

export interface Header {
  dtype: "float64";
  shape: number[];
}

export async function sendArray(socket: zmq.Push, array: Float64Array, shape: number[]): Promise<void> {
  const view = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  await socket.send([JSON.stringify({ dtype: "float64", shape, order: "C" }), view]);
}

export async function receiveArray(socket: zmq.Pull): Promise<{ header: Header; array: Float64Array }> {
  const [head, body] = await socket.receive();
  const { dtype, shape } = JSON.parse(head.toString()) as Header;
  return { header: { dtype, shape }, array: new Float64Array(body.buffer, body.byteOffset, body.byteLength / 8) };
}
