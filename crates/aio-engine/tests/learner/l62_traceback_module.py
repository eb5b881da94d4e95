# traceback: a worker pool logs the tracebacks of its failures and goes on (format_exception, print_exc, format_exc, chained causes)
import asyncio
import io
import sys
import traceback


def parse(text):
    return int(text)


async def worker(name, text):
    await asyncio.sleep(0.1)
    return parse(text)


async def main():
    results = await asyncio.gather(worker("a", "1"), worker("b", "x"), return_exceptions=True)
    for result in results:
        if isinstance(result, Exception):
            print("".join(traceback.format_exception(result)), end="", file=sys.stderr)
            print(traceback.format_exception_only(result))
    try:
        await worker("c", "y")
    except ValueError:
        traceback.print_exc()
        text = traceback.format_exc()
        print(text.splitlines()[-1], len(traceback.format_exception(*sys.exc_info())))
    try:
        try:
            {}["k"]
        except KeyError as err:
            raise RuntimeError("lookup failed") from err
    except RuntimeError as err:
        buffer = io.StringIO()
        traceback.print_exception(err, file=buffer)
        pieces = traceback.format_exception(err)
        print(buffer.getvalue().count("\n"), pieces[0], len(pieces), pieces[1].count("\n"))
        traceback.print_exc(file=sys.stderr)
    print(traceback.format_exc(), end="", file=sys.stderr)


asyncio.run(main())
print("a\nb\r\nc\rd\x0be\n".splitlines(), "x\n\ny\n".splitlines(True), "".splitlines(), "\n".splitlines(keepends=True))
