# exit: 1
# A simulated crawler's helpers: URLs built and joined with urllib.parse, a cache key from
# hashlib, a token in base64, and page text unescaped with html; then a bad token.
import asyncio
import base64
import hashlib
import html
from urllib.parse import parse_qs, quote, urlencode, urljoin, urlparse

BASE = "https://example.com/搜索/"
PAGES = {
    "page1": "<a href='/item?id=1'>咖啡 &amp; 茶</a>",
    "page2": "<a href='../item?id=2'>&lt;新品&gt; &quot;限时&quot;</a>",
}
cache = {}


def cache_key(url):
    return hashlib.md5(url.encode("utf-8")).hexdigest()[:12]


async def fetch(name, params):
    url = urljoin(BASE, f"{quote(name)}?{urlencode(params)}")
    key = cache_key(url)
    if key in cache:
        return url, key, "(cached)"
    await asyncio.sleep(0.1)
    cache[key] = PAGES[name]
    return url, key, html.unescape(PAGES[name])


async def main():
    results = await asyncio.gather(
        fetch("page1", {"q": "咖啡", "page": 1}),
        fetch("page2", {"q": "新品 上市", "tags": "a&b"}),
        fetch("page1", {"q": "咖啡", "page": 1}),
    )
    for url, key, text in results:
        parts = urlparse(url)
        print(parts.netloc, parts.path, parse_qs(parts.query), key, text)
    print(urljoin("https://example.com/a/b/c", "../d?x=1"), urljoin(BASE, "/root"))
    print(hashlib.sha256("协程".encode()).hexdigest())
    print(html.escape("<script>alert('x')</script>"))


token = base64.urlsafe_b64encode("user:王小明".encode()).decode()
print(token, base64.urlsafe_b64decode(token).decode())
asyncio.run(main())
print(base64.b64decode("dXNlcjp4"[:-1]))
