/**
 * An object that forwards every property to what `current()` returns at the moment of use. It
 * lets a test file name a fixture once, at the top, while hooks start and stop the real one:
 * test bodies read `bot.post(...)` instead of `bot().post(...)` or a `let` assigned in a hook.
 */
export function lateBound<T extends object>(current: () => T): T {
  // The target stays empty: every trap asks `current()`, so spreading (`...storage`) works too.
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(current(), key) as unknown,
    has: (_target, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(current(), key);
      // A proxy may not report a property its target lacks as non-configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
