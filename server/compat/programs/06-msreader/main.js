// Reading from multiple sockets: one reader takes tasks from a PULL and weather updates from a SUB at once.
const zmq = require("zeromq");

async function drain(socket, into, last) {
  for (;;) {
    const [message] = await socket.receive();
    into.push(String(message));
    if (String(message) === last) return;
  }
}

async function main() {
  const tasks = new zmq.Push();
  await tasks.bind("tcp://127.0.0.1:27060");
  const weather = new zmq.XPublisher();
  await weather.bind("tcp://127.0.0.1:27061");

  const receiver = new zmq.Pull();
  receiver.connect("tcp://127.0.0.1:27060");
  const subscriber = new zmq.Subscriber();
  subscriber.connect("tcp://127.0.0.1:27061");
  subscriber.subscribe("10001 ");
  await weather.receive(); // the subscription has arrived

  const got = { tasks: [], weather: [] };
  const reading = Promise.all([drain(receiver, got.tasks, "task 4"), drain(subscriber, got.weather, "10001 4")]);
  for (let i = 0; i < 5; i++) {
    await tasks.send(`task ${i}`);
    await weather.send(`10002 ${i}`);
    await weather.send(`10001 ${i}`);
  }
  await reading;
  console.log(`tasks: ${got.tasks.join(", ")}`);
  console.log(`weather: ${got.weather.join(", ")}`);
  for (const s of [tasks, weather, receiver, subscriber]) s.close();
}

main();
