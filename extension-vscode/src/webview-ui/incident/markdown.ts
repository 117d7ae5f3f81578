import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';

// Raw HTML in incident text is shown as text (html: false); what Markdown produces is sanitised
// again by DOMPurify before it touches the DOM, so `<script>` or `onerror=` can never run.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

export function renderMarkdown(source: string): DocumentFragment {
  return DOMPurify.sanitize(md.render(source), { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'img'] });
}
