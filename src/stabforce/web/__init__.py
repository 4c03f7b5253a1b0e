"""Server-rendered pages (Jinja2 + htmx), with vendored JavaScript; no CDN."""
