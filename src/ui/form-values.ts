/** Whether the box a change event came from is ticked. */
export function checked(event: Event): boolean {
  return (event.target as HTMLInputElement).checked;
}
