# exit: 1
# A fake API answer that is not JSON: the JSONDecodeError a learner sees, uncaught
import asyncio
import json


async def fetch(url):
    await asyncio.sleep(0.1)
    return "{\"status\": \"ok\", \"items\": [1, 2,]}"


async def main():
    body = await fetch("https://example.com/api")
    data = json.loads(body)
    print(data["items"])


asyncio.run(main())
