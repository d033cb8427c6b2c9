// The page as a screen reader is given it: Chromium's accessibility tree, through its DevTools protocol.
import { cdp } from 'vitest/browser';

interface AxNode {
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

/** What the accessibility tree gives a screen reader, in page order, less what it leaves out. */
async function readNodes(): Promise<AxNode[]> {
  const { nodes } = (await cdp().send('Accessibility.getFullAXTree', { frameId: await testFrameId() })) as {
    nodes: AxNode[];
  };
  return nodes.filter((node) => !node.ignored);
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
