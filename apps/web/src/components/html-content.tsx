/** HTML rendered and sanitised by the API (Markdown sources); never raw user input. */
export function HtmlContent({ html, className }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
