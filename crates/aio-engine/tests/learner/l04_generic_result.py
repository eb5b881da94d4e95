# exit: 1
# A Result[T] wrapper (Generic[T] with classmethod constructors) filled from gather(return_exceptions=True):
# the same class holds Result[int] and Result[str]; get_type_hints on a method resolves 'T' to ~T; typing does not
# stop Result[int] from holding a string; unwrap() of a failure re-raises the stored
# exception, uncaught: its traceback shows the new frames, then the ones kept from parse (the C Task adds none).
import asyncio
import typing
from typing import Generic, List, Optional, TypeVar, Union

T = TypeVar("T")


class Result(Generic[T]):
    def __init__(self, value: Optional[T] = None, error: Optional[BaseException] = None) -> None:
        self.value = value
        self.error = error

    @classmethod
    def of(cls, outcome: Union[T, BaseException]) -> "Result[T]":
        if isinstance(outcome, BaseException):
            return cls(error=outcome)
        return cls(value=outcome)

    def unwrap(self) -> T:
        if self.error is not None:
            raise self.error
        return self.value

    def __repr__(self) -> str:
        return f"Ok({self.value!r})" if self.error is None else f"Err({self.error!r})"


async def parse(text: str) -> int:
    await asyncio.sleep(0.01)
    return int(text)


async def main() -> None:
    raw = await asyncio.gather(parse("1"), parse("x2"), parse("30"), return_exceptions=True)
    results: List[Result[int]] = [Result[int].of(r) for r in raw]
    print(results)
    print(sum(r.unwrap() for r in results if r.error is None))
    odd: Result[int] = Result("not an int")
    print(odd, odd.unwrap().upper())
    for r in results:
        print("unwrapping", r)
        r.unwrap()


print(typing.get_type_hints(Result.of))
print(typing.get_type_hints(Result.unwrap), Result.__init__.__annotations__["value"])
asyncio.run(main())
