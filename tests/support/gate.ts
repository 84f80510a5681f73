/**
 * A gate a fake storage read waits at: `hold()` closes it and returns the function that opens
 * it again; `passed()` is what a read awaits (nothing while the gate is open).
 */
export function createGate() {
  let gate: Promise<void> | undefined;
  return {
    passed: (): Promise<void> | undefined => gate,
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((done) => (release = done));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}
