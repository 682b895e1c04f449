/** What `zeromq/draft` gives a learner's program: the draft socket classes, traced. */
import { Client, Datagram, Dish, Gather, Radio, Scatter, Server } from "../traced/draft-classes.js";

export { Client, Datagram, Dish, Gather, Radio, Scatter, Server };
export default { Server, Client, Radio, Dish, Gather, Scatter, Datagram };
