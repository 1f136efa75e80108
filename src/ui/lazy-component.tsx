import { createElement, useEffect, useState, type ComponentType } from 'react';

/**
 * A component whose module loads when first wanted, not with the first screen. `preload()`
 * (called once the first frame is drawn) loads it early, so by the time it is shown it is
 * there; if it is not yet, it draws nothing and redraws as soon as it is.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload(): Promise<void> } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
    }));
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!loaded) void preload().then(() => setReady(true));
    }, []);
    return loaded ? createElement(loaded, props) : null;
  }
  return Object.assign(Lazy, { preload });
}
