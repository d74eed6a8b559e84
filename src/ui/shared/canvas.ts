import { useEffect, useRef, useState } from 'react';

/**
 * Sizes a canvas's backing store for the device's pixel ratio and returns its 2D context set to
 * draw in CSS pixels, or null when there is nothing to draw on.
 */
export function canvas2d(
  canvas: HTMLCanvasElement | null,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  if (!canvas || width === 0 || height === 0) return null;
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
  if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * A canvas's colours come from CSS variables read once; the colour scheme can change under it.
 * Returns a number that changes when it does (a dependency for the drawing effect), after
 * calling `forget` so that the colours are read again.
 */
export function useSchemeVersion(forget: () => void): number {
  const [version, setVersion] = useState(0);
  const forgetRef = useRef(forget);
  useEffect(() => {
    forgetRef.current = forget;
  });
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const again = () => {
      forgetRef.current();
      setVersion((v) => v + 1);
    };
    mq.addEventListener('change', again);
    return () => mq.removeEventListener('change', again);
  }, []);
  return version;
}
