import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** The screen's h1; takes focus when the screen opens (unless `focus` is false) so keyboard and screen-reader users land on it. */
export function PageHeading({ children, focus = true }: { children: ComponentChildren; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
