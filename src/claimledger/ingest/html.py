"""Read a news web page (`.html`/`.htm` file or fetched page) into a Document.

What it hands on: the article's own words and nothing else, as
``title + "\\n\\n" + paragraphs joined by "\\n\\n"``, plus the title, the
publication date (YYYY-MM-DD), the site name as publisher, and the page URL.
Figures in captions, comments, "most read" lists, newsletter boxes or cookie
banners are not the report's claims, so they must not reach the extractor.

The sequence:
1. parse the page with lxml;
2. read the metadata trafilatura finds (title, date, site name, canonical URL) and
   fill the gaps trafilatura leaves: a site name from og:site_name / JSON-LD
   publisher / the `<title>` suffix / the header logo's alt text rather than a bare
   host name;
3. prune boilerplate containers before extraction: elements whose class, id or
   role names a known non-article part (newsletter, promo, related, comments,
   share, cookie consent, captions, bylines...), never one that holds most of the
   page's paragraph text;
4. extract the main text with trafilatura (precision mode, no comments, no tables),
   one paragraph per block or list item (a <br> inside a paragraph is a space);
5. when the page carries a JSON-LD `articleBody` split into paragraphs that is at
   least as complete as the extraction, use it instead (it is the publisher's own
   clean copy);
6. drop paragraphs that are page furniture rather than prose: bylines, "Published
   ..." lines, photo credits, "Read more"/"Related" teasers, copyright lines, and a
   repeat of the title.

Every rule is about the kind of element, never about one site.
"""
from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree

from claimledger.errors import IngestError
from claimledger.ingest._util import decode_text, iso_date
from claimledger.models import Document

# Class/id/role words that mark a container as not part of the article text.
_BOILERPLATE_WORDS = frozenset(
    """
    newsletter newsletters promo promos promotion related subscribe subscription signup
    cookie cookies consent gdpr share sharing social comment comments discussion disqus
    advert adverts advertisement advertising ad ads adslot sponsor sponsored outbrain taboola
    popular trending recirculation recirc byline credit credits caption figcaption
    breadcrumb breadcrumbs tags paywall
    """.split()
)
_BOILERPLATE_PHRASES = re.compile(r"most-?read|read-?more|sign-?up|more-?stories|see-?also|also-?read", re.I)
_PROTECTED_TAGS = frozenset({"html", "head", "body", "main", "article"})

# Whole paragraphs that are page furniture (checked only on short paragraphs).
_FURNITURE = [
    re.compile(p, re.I)
    for p in (
        r"^by\s+[^.!?]{2,80}$",  # byline: "By Anna Smith, Staff writer"
        r"^(published|updated|posted|last updated|first published)\b[^.!?]{0,60}$",
        r"^(photo|photograph|image|picture|video|file photo|credit|source|illustration)s?\s*(:|by\b)",
        r"^\(?(photo|file|image)\s*:",
        # teasers: "Related: ...", "Read more » ..." (a label, then a headline), or a bare label
        r"^(read more|read also|related|see also|also read|more on this|recommended|watch|listen)"
        r"(\s*[:|»›]|\s+-\s|$)",
        r"^(sign up|subscribe|follow us|click here|share this|advertisement)\b",  # calls to action
        r"^(©|\(c\)|copyright\b|all rights reserved)",
    )
]
_FURNITURE_MAX_LEN = 160

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·:]{1,2}\s+")
_GENERIC_LOGO_TEXT = frozenset(
    {"home", "logo", "homepage", "home page", "site logo", "go to homepage", "menu"}
)


def read_html(
    content: bytes | str,
    *,
    doc_id: str,
    url: str | None = None,
    origin: str | None = None,
    content_type: str | None = None,
) -> Document:
    """Extract the article of one HTML page. `url` is where it was fetched from, if anywhere.

    Bytes are decoded as `_util.decode_text` says, and the encoding is kept in the Document.
    Raises IngestError (origin = `origin` or `url` or `doc_id`) when the page is not text
    or has no article text.
    """
    where = origin or url or doc_id
    encoding = None
    if isinstance(content, bytes):
        html, encoding = decode_text(content, where, content_type=content_type, markup=True)
    else:
        html = content
    tree = _parse(html, where)

    try:
        meta = _metadata(tree, url)
        _prune_boilerplate(tree)
        extracted = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            with_metadata=False,
        )
    # Third-party parsers on arbitrary web pages: whatever they raise, this page is lost,
    # not the batch, and the reason is kept.
    except Exception as e:  # noqa: BLE001
        raise IngestError(where, f"extraction failed ({type(e).__name__}: {e})") from e
    paragraphs = _body_paragraphs(getattr(extracted, "body", None))
    body = meta.pop("article_body")
    if body and len(body) >= 2 and sum(map(len, body)) >= 0.8 * sum(map(len, paragraphs)):
        paragraphs = body
    title = meta["title"]
    paragraphs = [p for p in paragraphs if not _is_furniture(p, title)]
    if not paragraphs:
        raise IngestError(where, "no article text found in the page (is it an index or a script-only page?)")

    text = "\n\n".join([title, *paragraphs]) if title else "\n\n".join(paragraphs)
    return Document(
        id=doc_id,
        text=text,
        published=meta["date"],
        publisher=meta["site_name"],
        url=meta["url"] or url,
        title=title,
        origin=origin,
        encoding=encoding,
    )


def _parse(html: str, where: str) -> Any:
    # lxml refuses str input that carries an XML encoding declaration.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        raise IngestError(where, "empty page")
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as e:
        raise IngestError(where, f"not parseable as HTML ({e})") from e
    return tree


# ---------------------------------------------------------------- metadata


def _metadata(tree: Any, url: str | None) -> dict[str, Any]:
    """Title, date, site name and canonical URL, read before the tree is pruned."""
    md = trafilatura.extract_metadata(tree, default_url=url)
    ld = _json_ld_articles(tree)
    page_url = (md.url if md else None) or _canonical(tree) or url
    headline = _clean(md.title if md else None) or _first(_ld_values(ld, "headline"))
    site = _site_name(tree, md, ld, headline, page_url)
    title = _strip_site_suffix(headline, site) if headline else _first_text(tree, "//h1")
    date = iso_date(md.date if md else None) or iso_date(_first(_ld_values(ld, "datePublished")))
    bodies = [b for b in _ld_values(ld, "articleBody") if isinstance(b, str)]
    article_body = _split_paragraphs(bodies[0]) if bodies else None
    return {"title": title, "date": date, "site_name": site, "url": page_url, "article_body": article_body}


def _site_name(
    tree: Any, md: Any, ld: list[dict[str, Any]], headline: str | None, url: str | None
) -> str | None:
    """The outlet's name, from the most explicit statement the page makes of it."""
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    for value in (
        _meta_content(tree, "og:site_name"),
        _meta_content(tree, "application-name"),
        _first(_ld_publisher_names(ld)),
        _title_suffix(tree, headline),
        _logo_name(tree),
    ):
        value = _clean(value)
        if value and value != headline:
            return value
    # trafilatura's own guess is often just the host name (with a port, or a "www."):
    # then the plain host name stands in for the outlet.
    guess = _clean(md.sitename if md else None)
    if guess and guess != headline and guess.split(":")[0].removeprefix("www.") != host:
        return guess
    return host or None


def _meta_content(tree: Any, name: str) -> str | None:
    for node in tree.xpath("//meta[@property=$n or @name=$n]", n=name):
        if node.get("content", "").strip():
            return str(node.get("content"))
    return None


def _canonical(tree: Any) -> str | None:
    for node in tree.xpath("//link[@rel='canonical'][@href]"):
        return str(node.get("href"))
    return _meta_content(tree, "og:url")


def _json_ld_articles(tree: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, flattened out of lists and @graph."""
    found: list[dict[str, Any]] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, list):
            for x in obj:
                walk(x)
        elif isinstance(obj, dict):
            found.append(obj)
            walk(obj.get("@graph", []))

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(script.text or ""))
        except json.JSONDecodeError:
            continue
    return found


def _ld_values(ld: list[dict[str, Any]], key: str) -> list[Any]:
    return [obj[key] for obj in ld if obj.get(key)]


def _ld_publisher_names(ld: list[dict[str, Any]]) -> list[str]:
    names = []
    for pub in _ld_values(ld, "publisher"):
        for p in pub if isinstance(pub, list) else [pub]:
            if isinstance(p, dict) and isinstance(p.get("name"), str):
                names.append(p["name"])
            elif isinstance(p, str):
                names.append(p)
    return names


def _title_suffix(tree: Any, headline: str | None) -> str | None:
    """"Headline | Site" or "Site - Headline" in <title>, when the other part is the headline."""
    raw = _first_text(tree, "//head/title")
    if not raw or not headline:
        return None
    for sep in _TITLE_SEPARATORS.finditer(raw):
        left, right = raw[: sep.start()], raw[sep.end() :]
        if _same(left, headline):
            return right
        if _same(right, headline):
            return left
    return None


def _logo_name(tree: Any) -> str | None:
    """The alt text (or short text) of the site logo, preferring one inside <header>."""
    xp = (
        "//*[contains(translate(@class,'LOGO','logo'),'logo')"
        " or contains(translate(@id,'LOGO','logo'),'logo') or contains(@class,'brand')]"
    )
    nodes = tree.xpath("//header" + xp) + tree.xpath(xp)
    for node in nodes:
        candidates = [node.get("alt")] + [img.get("alt") for img in node.xpath(".//img|.//amp-img")]
        candidates.append(node.text_content())
        for value in candidates:
            value = _clean(value)
            if value and len(value) <= 40 and value.lower() not in _GENERIC_LOGO_TEXT:
                return re.sub(r"\s+logo$", "", value, flags=re.I)
    return None


def _strip_site_suffix(title: str, site: str | None) -> str:
    if site:
        m = re.match(rf"^(.*?)\s+[|\-–—·:]{{1,2}}\s+{re.escape(site)}$", title)
        if m:
            return m.group(1)
    return title


# ---------------------------------------------------------------- text


def _prune_boilerplate(tree: Any) -> None:
    """Remove containers named as non-article parts, unless they hold most of the prose."""
    total = _prose_len(tree) or 1
    doomed = []
    for el in tree.iter(etree.Element):
        if not isinstance(el.tag, str) or el.tag in _PROTECTED_TAGS:
            continue
        names = " ".join(filter(None, (el.get(a) for a in ("class", "id", "role", "data-component"))))
        if el.tag in ("aside", "figcaption", "form") or (names and _is_boilerplate_name(names)):
            if _prose_len(el) < 0.5 * total:
                doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()


def _is_boilerplate_name(names: str) -> bool:
    if _BOILERPLATE_PHRASES.search(names):
        return True
    words = re.split(r"[\s_\-]+", names.lower())
    return any(w in _BOILERPLATE_WORDS for w in words)


def _prose_len(el: Any) -> int:
    return sum(len(p.text_content()) for p in el.iter("p"))


def _body_paragraphs(body: Any) -> list[str]:
    """Paragraphs of trafilatura's output tree: one per block (p, head, quote) or list item.

    A line break inside a paragraph (<br>) is a space, not a paragraph break.
    """
    if body is None:
        return []
    for lb in body.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    texts: list[str] = []
    for block in body:
        items = block.findall(".//item") if block.tag == "list" else [block]
        texts.extend("".join(item.itertext()) for item in items)
    return [p for p in (re.sub(r"\s+", " ", t).strip() for t in texts) if p]


def _split_paragraphs(text: str) -> list[str]:
    return [p for p in (re.sub(r"\s+", " ", line).strip() for line in text.split("\n")) if p]


def _is_furniture(paragraph: str, title: str | None) -> bool:
    if title and _same(paragraph, title):
        return True
    if len(paragraph) > _FURNITURE_MAX_LEN:
        return False
    return any(p.search(paragraph) for p in _FURNITURE)


# ---------------------------------------------------------------- small helpers


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _first(values: list[Any]) -> Any:
    return values[0] if values else None


def _first_text(tree: Any, xpath: str) -> str | None:
    for node in tree.xpath(xpath):
        value = _clean(node.text_content())
        if value:
            return value
    return None
