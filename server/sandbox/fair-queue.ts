interface Entry<T> {
  item: T;
  tab: string;
}

/**
 * Runs waiting for a slot, served round-robin across clients: each client's runs keep their order, and the next
 * slot goes to the client that has waited longest since it was last served. So one client's many runs delay
 * another client's run by at most one start each. Within a client (an address a whole class may share behind one
 * NAT), its turns go to its tabs in turn, so one student's queued runs do not hold back the classmate beside them.
 * While others wait, a client already holding its share of the slots (fairShare) is passed over: the slots a
 * client filled while nobody else waited go back to the others as its runs end.
 */
export class FairQueue<T> {
  /** Clients with waiting items, in serving order (a Map keeps insertion order; re-inserting moves to the end). */
  private readonly byClient = new Map<string, Entry<T>[]>();
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(client: string, item: T, tab = ""): void {
    const items = this.byClient.get(client);
    if (!items) this.byClient.set(client, [{ item, tab }]);
    else items.splice(tabTurn(items, tab), 0, { item, tab });
    this.size++;
  }

  /**
   * The next item in turn, its client moved to the back of the line. `holding(client)` says how many slots a client
   * has now: the first client in turn holding fewer than `share` is served; if every waiting client holds its share
   * (or only one client waits), the first in turn is, so a slot never stays empty while anyone waits.
   */
  shift(holding: (client: string) => number = () => 0, share = Number.POSITIVE_INFINITY): T | undefined {
    let chosen: [string, Entry<T>[]] | undefined;
    for (const entry of this.byClient) {
      chosen ??= entry;
      if (holding(entry[0]) < share) {
        chosen = entry;
        break;
      }
    }
    if (!chosen) return undefined;
    const [client, items] = chosen;
    const { item } = items.shift()!;
    this.byClient.delete(client);
    if (items.length) this.byClient.set(client, items);
    this.size--;
    return item;
  }

  remove(client: string, item: T): boolean {
    const items = this.byClient.get(client);
    const i = items ? items.findIndex((e) => e.item === item) : -1;
    if (!items || i < 0) return false;
    items.splice(i, 1);
    if (!items.length) this.byClient.delete(client);
    this.size--;
    return true;
  }

  /** 1-based place in line of a waiting item, counting the turns of every client served before it. */
  positionOf(client: string, item: T): number {
    const own = this.byClient.get(client)?.findIndex((e) => e.item === item) ?? -1;
    if (own < 0) return 0;
    let position = 0;
    let before = true;
    for (const [other, items] of this.byClient) {
      if (other === client) before = false;
      position += Math.min(items.length, before || other === client ? own + 1 : own);
    }
    return position;
  }
}

/** The most slots one client may hold while another client's runs wait: half of them, rounded up. */
export function fairShare(slots: number): number {
  return Math.ceil(slots / 2);
}

/** Where a new item of `tab` goes in its client's line: after every tab's item of the same round as its own. */
function tabTurn<T>(items: Entry<T>[], tab: string): number {
  const round = items.filter((e) => e.tab === tab).length;
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const n = seen.get(items[i].tab) ?? 0;
    seen.set(items[i].tab, n + 1);
    if (n > round) return i;
  }
  return items.length;
}
