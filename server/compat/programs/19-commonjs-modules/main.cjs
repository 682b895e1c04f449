const pipeline = require("./lib/pipeline.cjs");

async function main() {
  const { push, pull, count } = await pipeline();
  for (let i = 0; i < count; i++) await push.send(`item ${i}`);
  for (let i = 0; i < count; i++) console.log(pipeline.describe(String((await pull.receive())[0])));
  console.log(`main module: ${require.main === module}, exports: ${typeof module.exports}`);
  push.close();
  pull.close();
}

if (require.main === module) main();
