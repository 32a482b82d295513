import type { ClusterStatus, Node, Primitive } from "@/lib/pacemaker";
import { resourceState, type ResourceStateLabel } from "@/components/status/resource-state";

/**
 * The by-node view's data: which resource runs where. One card per top-level resource per node;
 * a group's members on that node go inside its card, a clone shows its instance's role.
 */
export interface CardMember {
  primitive: Primitive;
  state: ResourceStateLabel;
}

export interface NodeCard {
  /** unique within a column: the top-level resource id */
  key: string;
  /** the top-level resource a drag would move */
  resourceId: string;
  kind: "primitive" | "group" | "clone" | "bundle";
  /** clone/bundle child id, shown beside the clone id */
  childId: string | null;
  promotable: boolean;
  members: CardMember[];
  /** worst state of the members, to colour the card */
  state: ResourceStateLabel;
}

export interface NodeColumn {
  /** node name, or null for the Stopped column */
  name: string | null;
  /** null for the Stopped column and for a node crm_mon names only as a resource location */
  node: Node | null;
  cards: NodeCard[];
  instances: number;
}

const severity: Record<string, number> = { err: 5, warn: 4, info: 3, promoted: 2, ok: 1, neutral: 0, stale: 0 };

function worst(members: CardMember[]): ResourceStateLabel {
  let best = members[0]?.state ?? { label: "", tone: "neutral", flags: [] };
  for (const m of members) if ((severity[m.state.tone] ?? 0) > (severity[best.tone] ?? 0)) best = m.state;
  return best;
}

export function buildNodeColumns(status: Pick<ClusterStatus, "nodes" | "resources">): NodeColumn[] {
  const byNode = new Map<string, Map<string, NodeCard>>();
  for (const n of status.nodes) byNode.set(n.name, new Map());
  const stopped = new Map<string, NodeCard>();

  const place = (
    p: Primitive,
    top: { id: string; kind: NodeCard["kind"]; childId: string | null; promotable: boolean; targetRole: string | null },
  ) => {
    const member: CardMember = { primitive: p, state: resourceState(p, top.targetRole) };
    const targets = p.nodes.length ? p.nodes.map((n) => byNode.get(n.name) ?? addUnknownNode(byNode, n.name)) : [stopped];
    for (const cards of targets) {
      let card = cards.get(top.id);
      if (!card) {
        card = { key: top.id, resourceId: top.id, kind: top.kind, childId: top.childId, promotable: top.promotable, members: [], state: member.state };
        cards.set(top.id, card);
      }
      card.members.push(member);
    }
  };

  for (const top of status.resources) {
    if (top.kind === "primitive") place(top, { id: top.id, kind: "primitive", childId: null, promotable: false, targetRole: null });
    else if (top.kind === "group") {
      for (const p of top.children) place(p, { id: top.id, kind: "group", childId: null, promotable: false, targetRole: null });
    } else if (top.kind === "clone") {
      const info = { id: top.id, kind: "clone" as const, childId: top.children[0]?.id ?? null, promotable: top.promotable, targetRole: top.targetRole };
      for (const c of top.children) {
        if (c.kind === "primitive") place(c, info);
        else for (const p of c.children) place(p, info);
      }
    } else {
      const info = { id: top.id, kind: "bundle" as const, childId: null, promotable: false, targetRole: null };
      for (const rep of top.replicas) for (const p of rep.resources) place(p, info);
    }
  }

  const finish = (cards: Map<string, NodeCard>): NodeCard[] => {
    const list = [...cards.values()];
    for (const c of list) c.state = worst(c.members);
    return list;
  };
  const nodes = new Map(status.nodes.map((n) => [n.name, n]));
  const columns: NodeColumn[] = [...byNode].map(([name, cardMap]) => {
    const cards = finish(cardMap);
    return { name, node: nodes.get(name) ?? null, cards, instances: cards.reduce((s, c) => s + c.members.length, 0) };
  });
  const stoppedCards = finish(stopped);
  columns.push({ name: null, node: null, cards: stoppedCards, instances: stoppedCards.reduce((s, c) => s + c.members.length, 0) });
  return columns;
}

/** crm_mon may name a node that is not in the node list (a vanished remote node): keep its resources visible. */
function addUnknownNode(byNode: Map<string, Map<string, NodeCard>>, name: string): Map<string, NodeCard> {
  const m = new Map<string, NodeCard>();
  byNode.set(name, m);
  return m;
}
