import type * as zmq from "zeromq";

export interface Header {
  dtype: "float64";
  shape: number[];
}

export function sendArray(socket: zmq.Push, array: Float64Array, shape: number[]): Promise<void> {
  const header: Header = { dtype: "float64", shape };
  return socket.send([JSON.stringify(header), array]);
}

export async function receiveArray(socket: zmq.Pull): Promise<{ header: Header; array: Float64Array }> {
  const [head, body] = await socket.receive();
  const array = new Float64Array(body.byteLength / 8);
  new Uint8Array(array.buffer).set(body);
  return { header: JSON.parse(head.toString()) as Header, array };
}
