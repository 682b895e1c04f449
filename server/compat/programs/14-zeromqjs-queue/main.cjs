const { Dealer, Router } = require("zeromq");
const { Queue } = require("./queue.cjs");

async function main() {
  const router = new Router();
  await router.bind("tcp://127.0.0.1:27140");
  const dealer = new Dealer();
  dealer.connect("tcp://127.0.0.1:27140");
  const queue = new Queue(dealer);
  for (let i = 0; i < 10; i++) queue.send(`message ${i}`);
  const got = [];
  for (let i = 0; i < 10; i++) {
    const [, body] = await router.receive();
    got.push(String(body));
  }
  console.log(got.join("\n"));
  router.close();
  dealer.close();
}

main();
