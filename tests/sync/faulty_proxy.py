"""A small asyncio TCP proxy that misbehaves on purpose, one fault per connection:

- `reset`: the connection is reset (RST) as soon as it is accepted;
- `stall`: the request is swallowed and nothing ever comes back (the client times out);
- `cut`: the request reaches the server, which processes and commits it, and the answer is cut off
  half way (the client sees an incomplete body);
- `pass`: one request and its answer forwarded faithfully, then the connection is closed (so the next
  request opens a new connection and meets a new fault).
"""

from __future__ import annotations

import asyncio
import random
import socket
import struct
import threading
from collections import Counter

MODES = ("pass", "reset", "stall", "cut")


class FaultyProxy:
    def __init__(
        self,
        target_port: int,
        weights: tuple[float, ...] = (0.4, 0.2, 0.15, 0.25),
        seed: int = 5,
        stall_seconds: float = 2.0,
    ) -> None:
        self.target_port = target_port
        self.weights = weights
        self.rng = random.Random(seed)
        self.stall_seconds = stall_seconds
        self.counts: Counter[str] = Counter()
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="faulty-proxy")
        self._server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultyProxy:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self._loop
        ).result(5)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *_exc: object) -> None:
        async def _close() -> None:
            assert self._server is not None
            self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(_close(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        mode = self.rng.choices(MODES, self.weights)[0]
        self.counts[mode] += 1
        try:
            if mode == "reset":
                sock = writer.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                writer.transport.abort()
                return
            if mode == "stall":
                await asyncio.wait_for(reader.read(1 << 20), self.stall_seconds)
                await asyncio.sleep(self.stall_seconds)
                return
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
            upstream = asyncio.ensure_future(self._pump(reader, up_writer))
            try:
                await self._answer(up_reader, writer, cut=mode == "cut")
            finally:
                upstream.cancel()
                up_writer.close()
        except (ConnectionError, TimeoutError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.transport.abort() if mode == "cut" else writer.close()

    @staticmethod
    async def _pump(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        while data := await source.read(65536):
            sink.write(data)
            await sink.drain()

    @staticmethod
    async def _answer(up_reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, cut: bool) -> None:
        """Forward one HTTP answer (headers + Content-Length body), or half of it when cutting."""
        head = await asyncio.wait_for(up_reader.readuntil(b"\r\n\r\n"), 30)
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        body = await asyncio.wait_for(up_reader.readexactly(length), 30)
        answer = head + body
        writer.write(answer[: len(head) + length // 2] if cut else answer)
        await writer.drain()
