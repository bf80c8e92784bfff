import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A step's h2; it takes focus when the step appears, so keyboard and screen-reader users follow the flow. */
export function StepHeading({ children, id }: { children: ComponentChildren; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} class="step-heading">
      {children}
    </h2>
  );
}
