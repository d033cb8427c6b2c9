// The page as a screen reader is given it: Chromium's accessibility tree, through its DevTools protocol.
import { cdp } from 'vitest/browser';

interface AxNode {
  readonly nodeId: string;
  readonly childIds?: readonly string[];
  readonly ignored: boolean;
  readonly role?: { readonly value: string };
  readonly name?: { readonly value: string };
}

interface FrameTree {
  readonly frame: { readonly id: string; readonly url: string };
  readonly childFrames?: readonly FrameTree[];
}

/** The frame the test runs in: the test runner's page holds it in a frame of its own. */
async function testFrameId(): Promise<string> {
  const { frameTree } = (await cdp().send('Page.getFrameTree')) as { frameTree: FrameTree };
  const frames: FrameTree[] = [frameTree];
  for (let i = 0; i < frames.length; i++) frames.push(...(frames[i]!.childFrames ?? []));
  const ours = frames.find((tree) => tree.frame.url === location.href);
  if (!ours) throw new Error(`no frame at ${location.href}`);
  return ours.frame.id;
}

/** The whole accessibility tree of the test's frame, what it leaves out included. */
async function readAllNodes(): Promise<AxNode[]> {
  const { nodes } = (await cdp().send('Accessibility.getFullAXTree', { frameId: await testFrameId() })) as {
    nodes: AxNode[];
  };
  return nodes;
}

/** What the accessibility tree gives a screen reader, in page order, less what it leaves out. */
async function readNodes(): Promise<AxNode[]> {
  return (await readAllNodes()).filter((node) => !node.ignored);
}

/** The role of each thing in the accessibility tree that a screen reader reads as `name`, in page order. */
export async function rolesNamed(name: string): Promise<string[]> {
  return (
    (await readNodes())
      .filter((node) => node.name?.value.trim() === name)
      .map((node) => node.role?.value ?? '')
      // A text's own boxes of letters are read with it, not as a thing of their own.
      .filter((role) => role !== 'InlineTextBox')
  );
}

/** The name a screen reader reads of each thing of `role` ('button') in the accessibility tree, in page order. */
export async function namesOfRole(role: string): Promise<string[]> {
  return (await readNodes())
    .filter((node) => node.role?.value === role)
    .map((node) => node.name?.value.trim() ?? '');
}

/**
 * The names of the cells of each row a screen reader meets in the page's tables, headers included,
 * row by row: what it reads as it goes along a row. A row left out of the tree is not among them.
 */
export async function cellsOfRows(): Promise<string[][]> {
  const nodes = await readAllNodes();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const childrenOf = (node: AxNode): AxNode[] => (node.childIds ?? []).flatMap((id) => byId.get(id) ?? []);
  const cellRoles = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
  // A row's cells may lie under nodes the tree leaves out (a <tbody> laid out as a block).
  const cellsUnder = (node: AxNode): AxNode[] =>
    childrenOf(node).flatMap((child) => {
      if (child.ignored) return cellsUnder(child);
      return cellRoles.has(child.role?.value ?? '') ? [child] : [];
    });
  // The tree walked from its root, as a screen reader goes through the page: the list the protocol
  // gives is not in the page's order (a table's header row came after its body's).
  const rowsUnder = (node: AxNode): AxNode[] =>
    !node.ignored && node.role?.value === 'row' ? [node] : childrenOf(node).flatMap(rowsUnder);
  const root = nodes[0];
  if (!root) return [];
  return rowsUnder(root).map((row) => cellsUnder(row).map((cell) => cell.name?.value.trim() ?? ''));
}
