#!/usr/bin/env python3
"""The practical floor for scripts/bench-macro.sh section 4: N chat completions at concurrency C
against BASE_URL, with no harness. C workers each keep one HTTP/1.1 connection open and send their
share of the requests one after another, as the chat agent's workers do, with the body the chat
agent sends (a system prompt and the task's prompt). Raw asyncio streams, standard library only.
Exits 1 if any reply is not a 200 with a JSON body.

    python3 scripts/bare-chat-client.py http://127.0.0.1:PORT/v1 2000 500
"""
import asyncio
import json
import sys
from urllib.parse import urlsplit

SYSTEM = ("Answer the user's request. Reason briefly if that helps, then end your reply with a final"
          " line of the form\nANSWER: <your answer>\nwith nothing after it.")


async def worker(host, port, path, indices, failures):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for i in indices:
            body = json.dumps({"model": "bench", "messages": [
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": f"What is {i} + 1?"}], "max_tokens": 4096}).encode()
            writer.write(f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer unused\r\n"
                         f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
            await writer.drain()
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            length = next(int(line.split(":", 1)[1]) for line in head if line.lower().startswith("content-length:"))
            reply = await reader.readexactly(length)
            if " 200 " not in head[0] + " ":
                failures.append(head[0])
            else:
                json.loads(reply)
    finally:
        writer.close()


async def main(base_url, requests, concurrency):
    url = urlsplit(base_url)
    path = url.path.rstrip("/") + "/chat/completions"
    failures = []
    workers = min(concurrency, requests)
    await asyncio.gather(*(worker(url.hostname, url.port, path, range(w, requests, workers), failures)
                           for w in range(workers)))
    if failures:
        sys.exit(f"{len(failures)} of {requests} requests failed, first: {failures[0]}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: bare-chat-client.py BASE_URL REQUESTS CONCURRENCY")
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
