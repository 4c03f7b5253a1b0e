"""Reports: self-contained HTML (charts as inline SVG drawn with matplotlib)."""
