// Preloaded (node --require) into the raw runs of the compatibility suite: wraps the real zeromq classes so each
// thread can say, when it ends, which sockets it made and how many messages each sent and received. It changes
// nothing else: same classes (subclassed), same calls, same errors.
const { appendFileSync } = require("node:fs");
const Module = require("node:module");
const { threadId } = require("node:worker_threads");

const KINDS = {
  Pair: "PAIR",
  Publisher: "PUB",
  Subscriber: "SUB",
  Request: "REQ",
  Reply: "REP",
  Dealer: "DEALER",
  Router: "ROUTER",
  Pull: "PULL",
  Push: "PUSH",
  XPublisher: "XPUB",
  XSubscriber: "XSUB",
  Stream: "STREAM",
  Server: "SERVER",
  Client: "CLIENT",
  Radio: "RADIO",
  Dish: "DISH",
  Gather: "GATHER",
  Scatter: "SCATTER",
  Datagram: "DATAGRAM",
};
const sockets = [];
const countsOf = new WeakMap();
const patched = new WeakSet();

function counted(Real, kind) {
  const Counted = class extends Real {
    constructor(...args) {
      super(...args);
      const counts = { kind, sent: 0, received: 0 };
      countsOf.set(this, counts);
      sockets.push(counts);
    }
    send(...args) {
      return super.send(...args).then((value) => {
        countsOf.get(this).sent++;
        return value;
      });
    }
    receive(...args) {
      return super.receive(...args).then((value) => {
        countsOf.get(this).received++;
        return value;
      });
    }
  };
  Object.defineProperty(Counted, "name", { value: Real.name });
  return Counted;
}
function patch(exportsObject) {
  if (!exportsObject || typeof exportsObject !== "object" || patched.has(exportsObject)) return;
  patched.add(exportsObject);
  for (const [name, kind] of Object.entries(KINDS)) {
    if (typeof exportsObject[name] === "function") exportsObject[name] = counted(exportsObject[name], kind);
  }
}

const zeromqMain = require.resolve("zeromq");
const zeromqDraft = require.resolve("zeromq/lib/draft");
patch(require(zeromqMain));
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain);
  if (loaded === require.cache[zeromqDraft]?.exports) patch(loaded);
  return loaded;
};

process.on("exit", () => {
  if (process.env.COMPAT_COUNTS_FILE) appendFileSync(process.env.COMPAT_COUNTS_FILE, `${JSON.stringify({ thread: threadId, sockets })}\n`);
});
