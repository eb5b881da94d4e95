# Checks string and textwrap: Template.substitute/safe_substitute ($name, ${name}, $$, the
# KeyError and ValueError messages), capwords and the constants, then a task report laid
# out with textwrap.fill (indents), wrap, shorten, dedent and indent.
import asyncio
import string
import textwrap

LINE = string.Template("Task ${name}: $status after $steps steps (cost $$${cost})")
NOTE = ("the downloader finished all of its work without retries, but the parser had to "
        "wait for the slow network-bound fetches before it could start -- twice.")


async def job(name, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    return {"name": name, "status": "done", "steps": steps, "cost": steps * 3}


async def main():
    results = await asyncio.gather(job("download", 2), job("parse", 4))
    for r in results:
        print(LINE.substitute(r))
    print(LINE.safe_substitute(name="idle"))
    print(LINE.get_identifiers(), LINE.is_valid())
    try:
        LINE.substitute(name="x")
    except KeyError as exc:
        print("KeyError:", exc)
    try:
        string.Template("total: $").substitute()
    except ValueError as exc:
        print("ValueError:", exc)
    print(string.capwords("async   task   report"), string.digits, len(string.punctuation))

    print(textwrap.fill(NOTE, width=36, initial_indent="* ", subsequent_indent="  "))
    print(textwrap.wrap(NOTE, 50)[:2])
    print(textwrap.shorten(NOTE, width=40))
    print(textwrap.shorten("short  and   sweet", width=40))
    block = """
        summary:
          jobs: 2
        end
    """
    print(textwrap.indent(textwrap.dedent(block).strip(), "| "))


asyncio.run(main())
