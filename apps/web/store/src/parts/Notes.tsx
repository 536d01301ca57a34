import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

interface HastNode {
  type: string;
  value?: string;
  children?: HastNode[];
}

// HTML written in the notes becomes text: a reader sees `<img src=x onerror=…>` as written, and nothing of it runs.
function rawHtmlAsText() {
  const walk = (node: HastNode): void => {
    if (node.type === 'raw') node.type = 'text';
    node.children?.forEach(walk);
  };
  return walk;
}

// The notes sit under the page's own headings: their # is a third-level heading here.
const SHIFTED = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6' } as const;

/**
 * A version's NOTES.md as Markdown: HTML in it shows as text, and rehype-sanitize's
 * GitHub schema cleans what Markdown itself makes (javascript: links, …).
 */
export function Notes({ text }: { text: string }) {
  return (
    <div className="notes">
      <Markdown rehypePlugins={[rawHtmlAsText, rehypeSanitize]} components={SHIFTED}>
        {text}
      </Markdown>
    </div>
  );
}
