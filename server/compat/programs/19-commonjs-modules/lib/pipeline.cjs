const zmq = require("zeromq");
const settings = require("../settings.json");

/** A PUSH/PULL pair on the configured endpoint, as a small CommonJS module with module.exports. */
module.exports = async function pipeline() {
  const pull = new zmq.Pull();
  await pull.bind(settings.endpoint);
  const push = new zmq.Push();
  push.connect(settings.endpoint);
  return { push, pull, count: settings.count };
};
module.exports.describe = (text) => `${settings.prefix}${text}`;
