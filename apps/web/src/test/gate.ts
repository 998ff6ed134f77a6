/**
 * An answer held back until the test lets it go: a handler awaits `opened`, the test checks what
 * the page shows meanwhile, then calls `open()`. Unlike a delay, it holds however slow the machine is.
 */
export function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open: () => open() };
}
