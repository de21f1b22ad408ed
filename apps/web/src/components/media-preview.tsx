import { usePrefersReducedMotion } from '../lib/use-media-query';

interface MediaPreviewProps {
  title: string;
  previewUrl: string | null;
  imageUrl: string | null;
  className: string;
  /** The size the picture is shown at (reserves its space: no layout shift). */
  width: number;
  height: number;
  /** Below the fold: let the browser load the picture when it comes near. */
  lazy?: boolean;
}

/**
 * A service's or project's preview: the short clip when there is one (playing muted, or with
 * controls and still when the visitor asks for reduced motion), else the picture, else nothing.
 */
export function MediaPreview({ title, previewUrl, imageUrl, className, width, height, lazy = false }: MediaPreviewProps) {
  const reducedMotion = usePrefersReducedMotion();
  if (previewUrl) {
    return (
      <video
        src={previewUrl}
        poster={imageUrl ?? undefined}
        className={className}
        muted
        loop
        playsInline
        autoPlay={!reducedMotion}
        controls={reducedMotion}
        preload="none"
        aria-label={`Preview of ${title}`}
      />
    );
  }
  if (!imageUrl) return null;
  return <img src={imageUrl} className={className} alt="" width={width} height={height} {...(lazy && { loading: 'lazy', decoding: 'async' })} />;
}
